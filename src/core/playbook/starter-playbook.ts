/**
 * The commented starter that `coach playbooks new <id>` writes: a small playbook that validates
 * as written and shows each part of the format once (question types, `when`, flags with
 * `{{id}}`, a score, a debrief using `{{prep.id}}`), so an author edits rather than starts blank.
 */
import { PLAYBOOK_SCHEMA_FILE } from './json-schema.js';

/** `renewal-call` -> `Renewal call`. */
function titleFromId(id: string): string {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function starterPlaybook(id: string): string {
  return `# yaml-language-server: $schema=./${PLAYBOOK_SCHEMA_FILE}
#
# A starter playbook from \`coach playbooks new\`: change anything. Check it with
#   coach playbooks validate ${id}
# and try it with
#   coach prep ${id}
# Every field is described in coach's playbooks/README.md (and \`coach playbooks schema\`).

# The id must match the file name (${id}.yaml); it is what \`coach prep ${id}\` takes.
id: ${id}
title: ${titleFromId(id)}
summary: One sentence on what this playbook helps with.
# Shown by \`coach playbooks\` and the playbook picker: when this method fits.
when_to_use: Before a meeting where you need one clear outcome.
# Where the method comes from (a book, an article, a colleague); written into every note.
source: My own notes
tags: [starter]

# The walk before the meeting: coach prep ${id}
prep:
  intro: >-
    Shown before the first step and at the top of the note. Say what this playbook will do.
  steps:
    # A step is a heading with optional guidance (Markdown) and one or more questions.
    - id: goal
      title: What you want from the meeting
      guidance: |-
        Say what to think about here, not what to answer.
      questions:
        # Types: text, long, confirm, select, multi, number, scale, list, date.
        - id: outcome
          type: text
          prompt: What is the one outcome you need from this meeting?
          why: Shown under the prompt - why the question matters.
        - id: risk
          type: select
          prompt: How risky is this meeting?
          choices:
            - { value: low, label: Low - a routine check-in }
            - { value: high, label: High - something could go wrong }
        # \`when\` asks a question only if a condition on earlier answers holds.
        - id: fallback
          type: text
          prompt: If it goes badly, what is your fallback?
          when: { answer: risk, equals: high }
        - id: agenda_sent
          type: confirm
          prompt: Have you sent an agenda?
          default: false

  # Flags are coaching notes raised when their condition holds; {{id}} inserts an answer.
  flags:
    - id: no-agenda
      when: { answer: agenda_sent, equals: false }
      level: warn # tip, warn or stop
      message: 'Without an agenda the meeting may drift away from: {{outcome}}'
      actions:
        - Send a three-line agenda today

  # A score counts how many conditions hold (or sums answers) and reads the result against bands;
  # "missing" is what it says when an item does not hold. While a warn or stop flag is open, the
  # top band waits (unless the flag gives "ready_despite", a reason it does not stand in the way).
  scores:
    - id: readiness
      title: Readiness
      count:
        - { answer: outcome, answered: true, missing: no outcome in mind }
        - { answer: agenda_sent, equals: true, missing: no agenda sent }
        - missing: a high risk with no fallback
          any:
            - { answer: risk, equals: low }
            - { answer: fallback, answered: true }
      bands:
        - { min: 3, verdict: Ready }
        - { min: 0, verdict: Not ready yet, advice: Close the gaps flagged above. }

# The walk after the meeting: coach debrief ${id}. {{prep.id}} inserts an answer from the prep.
debrief:
  steps:
    - id: review
      title: How did it go?
      guidance: 'You wanted: {{prep.outcome}}'
      questions:
        - id: got_outcome
          type: select
          prompt: Did you get the outcome you needed?
          choices: [yes, partly, no]
        - id: next_time
          type: text
          prompt: What will you do differently next time?
  flags:
    - when: { answer: got_outcome, equals: no }
      level: warn
      message: Decide your next step while the meeting is fresh.
`;
}
