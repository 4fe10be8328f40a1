import { describe, expect, it } from 'vitest';
import { noteFromWalk } from '../../../src/core/note/note.js';
import { parsePlaybook } from '../../../src/core/playbook/parse-playbook.js';
import { renderMarkdown } from '../../../src/core/note/render-markdown.js';
import type { PlaybookError } from '../../../src/errors.js';
import { walkWith } from '../../helpers/playbooks.js';

const yaml = (debriefWhen: string) => `
id: commit
title: Commit
summary: s
source: t
prep:
  steps:
    - id: a
      title: A
      questions:
        - { id: commits, type: select, prompt: Did management commit?, choices: [yes, no] }
debrief:
  steps:
    - id: meeting
      title: The make-it-right meeting
      when: ${debriefWhen}
      questions:
        - { id: stick_first, type: confirm, prompt: Did you take the stick first? }
    - id: always
      title: Always
      questions:
        - { id: lesson, type: text, prompt: What did you learn? }
  flags:
    - { id: walked, when: { answer: prep.commits, equals: "no" }, level: tip, message: You walked away. }
`;

const playbook = parsePlaybook(yaml('{ answer: prep.commits, equals: "yes" }'), 'commit.yaml');

describe('debrief conditions on the prep (prep.<id>)', () => {
  it("skips a debrief step the prep's branch made irrelevant, and raises flags on the prep's answers", async () => {
    const walkedAway = await walkWith(playbook, { customer: 'Acme', lesson: 'ask sooner' }, { phase: 'debrief', prepAnswers: { commits: 'no' } });
    expect(walkedAway.answers).toEqual({ lesson: 'ask sooner' });
    expect(walkedAway.flags.map((flag) => flag.id)).toEqual(['walked']);
    expect(walkedAway.events.filter((event) => event.type === 'step').map((event) => event.type === 'step' && event.title)).toEqual(['The meeting', 'Always']);

    const committed = await walkWith(playbook, { customer: 'Acme', stick_first: 'yes', lesson: 'x' }, { phase: 'debrief', prepAnswers: { commits: 'yes' } });
    expect(committed.answers).toEqual({ stick_first: true, lesson: 'x' });
    expect(committed.flags).toEqual([]);

    const note = renderMarkdown(noteFromWalk(playbook, 'debrief', walkedAway, new Date('2026-11-22T09:30:00Z')), playbook, { prepAnswers: { commits: 'no' } });
    expect(note).not.toContain('The make-it-right meeting');
  });

  it('is checked when the playbook loads: the prep must ask the question and the test must fit it', () => {
    const errors = (when: string): string[] => {
      try {
        parsePlaybook(yaml(when), 'commit.yaml');
        return [];
      } catch (error) {
        return (error as PlaybookError).issues.map((issue) => issue.message);
      }
    };
    expect(errors('{ answer: prep.commit, equals: "yes" }')).toEqual(['debrief.steps[0].when.answer: the prep has no question "commit" (did you mean "prep.commits"?)']);
    expect(errors('{ answer: prep.commits, equals: "maybe" }')[0]).toMatch(/"maybe" is not a choice of "commits"/);
  });
});
