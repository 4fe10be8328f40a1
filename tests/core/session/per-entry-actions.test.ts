/**
 * An action with `per_entry` is one checkbox per entry of a list answer, not "a, b, c" in one:
 * in the note, and in the debrief, where each is done or carried as its own follow-up.
 */
import { describe, expect, it } from 'vitest';
import { noteFromWalk } from '../../../src/core/note/note.js';
import { renderMarkdown } from '../../../src/core/note/render-markdown.js';
import { parsePlaybook } from '../../../src/core/playbook/parse-playbook.js';
import { fireFlag } from '../../../src/core/session/flags.js';
import { carriedActions, prepActions } from '../../../src/core/session/prep-actions.js';
import { walkWith } from '../../helpers/playbooks.js';

const playbook = parsePlaybook(
  `id: handover
title: Handover
summary: People to brief.
source: coach tests
prep:
  steps:
    - id: s
      title: Who
      questions:
        - { id: brief, type: list, prompt: Who must you brief?, required: false }
  flags:
    - id: brief-them
      when: { answer: brief, answered: true }
      level: tip
      message: Brief everyone before the call.
      actions:
        - { text: "Brief {{brief}} on what the customer was told", per_entry: brief }
        - "Then tell the customer who knows: {{brief}}"
`,
  'handover.yaml',
);

describe('actions per entry', () => {
  it('writes one checkbox per entry, beside an ordinary action that lists them all', async () => {
    const walk = await walkWith(playbook, { brief: ['Hannah in applications', 'Luis in sales'] });
    expect(walk.flags[0]?.actions).toEqual([
      'Brief Hannah in applications on what the customer was told',
      'Brief Luis in sales on what the customer was told',
      'Then tell the customer who knows: Hannah in applications, Luis in sales',
    ]);
    const note = renderMarkdown(noteFromWalk(playbook, 'prep', walk, new Date('2026-11-22T09:30:00Z')), playbook);
    expect(note).toContain('- [ ] Brief Hannah in applications on what the customer was told\n- [ ] Brief Luis in sales on what the customer was told\n');
  });

  it('makes each entry its own follow-up in the debrief: one done, the other carried', async () => {
    const walk = await walkWith(playbook, { brief: ['Hannah in applications', 'Luis in sales'] });
    const actions = prepActions(walk.flags);
    expect(carriedActions(actions, { done_actions: ['1'] })).toEqual({
      done: ['Brief Hannah in applications on what the customer was told'],
      open: ['Brief Luis in sales on what the customer was told', 'Then tell the customer who knows: Hannah in applications, Luis in sales'],
    });
  });

  it('makes no checkbox for an empty list, and one for a single entry', () => {
    const flag = playbook.prep.flags[0];
    if (!flag) throw new Error('the fixture has a flag');
    expect(fireFlag(flag, { brief: [] }).actions).toEqual(['Then tell the customer who knows: (none)']);
    expect(fireFlag(flag, { brief: ['Hannah'] }).actions).toEqual(['Brief Hannah on what the customer was told', 'Then tell the customer who knows: Hannah']);
  });
});
