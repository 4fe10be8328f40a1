/**
 * A small playbook with a prep that raises actions and a debrief that quotes the prep, plus
 * helpers to lay out a notes directory. Tests own this playbook, so edits to the shipped ones
 * cannot break them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './run-cli.js';

export const MEETING_CHECK = `
id: meeting-check
title: Meeting check
summary: A small prep and debrief.
source: coach tests
prep:
  steps:
    - id: needs
      title: Needs
      questions:
        - id: need
          type: text
          prompt: What do they need?
        - id: ready
          type: confirm
          prompt: Are you ready?
          default: true
  flags:
    - id: not-ready
      when: { answer: ready, equals: false }
      level: warn
      message: Get ready.
      actions:
        - Book a room
        - "Write down: {{need}}"
    - id: always
      when: { answer: need, answered: true }
      level: tip
      message: Say it early.
      actions:
        - Book a room
        - Send an agenda
debrief:
  steps:
    - id: reflect
      title: Reflect
      guidance: "Before the meeting you wrote they needed: {{prep.need}}"
      questions:
        - id: got_it
          type: select
          prompt: "Did you give them {{prep.need}}?"
          choices: [yes, partly, no]
        - id: lesson
          type: text
          required: false
          prompt: What will you do differently?
  flags:
    - id: missed
      when: { answer: got_it, equals: no }
      level: warn
      message: "They still need {{prep.need}}."
      actions:
        - "Call {{prep.customer}} tomorrow"
`;

/** A prep with a `carry` question and a debrief whose answers are `remember`ed: the account's own playbook. */
export const ACCOUNT_CHECK = `
id: account-check
title: Account check
summary: A prep and a debrief that remember.
source: coach tests
prep:
  steps:
    - id: who
      title: Who
      questions:
        - id: role
          type: text
          carry: true
          prompt: What is their role?
        - id: need
          type: text
          prompt: What do they need?
  scores:
    - id: ready
      title: Readiness
      count:
        - { answer: need, answered: true }
      bands:
        - { min: 1, verdict: Ready }
        - { min: 0, verdict: Not ready }
debrief:
  steps:
    - id: how
      title: How it went
      questions:
        - id: landed
          type: select
          remember: outcome
          prompt: Where did you land?
          choices:
            - { value: deal, label: "A deal" }
            - { value: none, label: "No deal yet" }
        - id: felt
          type: select
          remember: feeling
          prompt: How did they feel at the end?
          choices: [calm, angry]
        - id: lesson
          type: text
          remember: lesson
          prompt: What will you do differently?
        - id: agreed
          type: list
          remember: agreed
          required: false
          prompt: What did you agree?
        - id: next_steps
          type: list
          entries: next-steps
          required: false
          prompt: What happens next?
`;

/** A prep-only playbook: nothing to debrief. */
const PREP_ONLY = `
id: prep-only
title: Prep only
summary: No debrief here.
source: coach tests
prep:
  steps:
    - id: one
      title: One
      questions:
        - { id: thought, type: text, prompt: Any thought? }
`;

/** A directory with the test playbooks, for --playbooks. */
export function playbooksDir(): string {
  const dir = tempDir('coach-playbooks-');
  writeFileSync(join(dir, 'meeting-check.yaml'), MEETING_CHECK);
  writeFileSync(join(dir, 'prep-only.yaml'), PREP_ONLY);
  return dir;
}

export interface NoteFields {
  kind?: string;
  playbook?: string;
  customer?: string;
  title?: string;
  date?: string;
  created?: string;
  prep?: string;
}

/** A note as coach writes it, or as a person might have edited it, with a body. */
export function noteText(fields: NoteFields, extraFrontMatter = '', body = '\n# A note\n\nSome text.\n'): string {
  const lines = ['---', 'coach: 1'];
  for (const [key, value] of Object.entries({ kind: 'prep', playbook: 'meeting-check', customer: 'Acme', date: '2026-11-20', ...fields })) {
    if (value !== undefined) lines.push(`${key}: ${JSON.stringify(value)}`);
  }
  return `${lines.join('\n')}\n${extraFrontMatter}---\n${body}`;
}

export function writeNote(dir: string, id: string, fields: NoteFields, extraFrontMatter = '', body?: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${id}.md`);
  writeFileSync(path, noteText(fields, extraFrontMatter, body));
  return path;
}
