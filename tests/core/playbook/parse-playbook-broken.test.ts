/**
 * Every broken fixture, one problem family each, with every message it must produce at the exact
 * line and column: what `coach playbooks validate` prints and an editor jumps to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlaybook } from '../../../src/core/playbook/parse-playbook.js';
import { formatIssue, PlaybookError } from '../../../src/errors.js';
import { repoPath } from '../../helpers/playbooks.js';

const DIR = 'tests/fixtures/playbooks/broken';

const EXPECTED: Record<string, string[]> = {
  'unknown-keys.yaml': [
    '2:1: missing required key "title"',
    '3:1: unknown key "titel" (did you mean "title"?)',
    '11:11: prep.steps[0].questions[0]: missing required key "prompt"',
    '13:11: prep.steps[0].questions[0]: unknown key "promt" (did you mean "prompt"?)',
    '18:17: prep.steps[0].questions[1].when: give the answer a test: one of equals, in, includes, gte, lte, answered',
    '18:33: prep.steps[0].questions[1].when: unknown key "answred" (did you mean "answered"?)',
    '19:59: prep.steps[0].questions[2]: unknown key "in their words?" (a comma inside { } starts a new key: put the value in quotes)',
    '21:7: prep.flags[0]: missing required key "message"',
    '23:7: prep.flags[0]: unknown key "mesage" (did you mean "message"?)',
  ],
  'wrong-types.yaml': [
    '6:7: tags: expected array, got "prep"',
    '15:21: prep.steps[0].questions[0].required: expected boolean, got "yes"',
    '16:16: prep.steps[0].questions[0].min: expected int, got number 1.5',
    '20:20: prep.steps[0].questions[1].default: expected a string, number, boolean or list of strings, got a mapping',
    '22:36: prep.flags[0].when.gte: expected number, got "ten"',
    '25:16: prep.flags[0].actions: expected array, got "Ask for the order"',
  ],
  'bad-values.yaml': [
    '2:5: id: must be kebab-case: lower-case letters, digits and single dashes',
    '8:11: prep.steps[0].id: must start with a lower-case letter and use only a-z, 0-9, "-" and "_"',
    '12:17: prep.steps[0].questions[0].type: must be one of: text, long, confirm, select, multi, number, scale, list, date (got "selct"); did you mean "select"?',
    '17:19: prep.steps[0].questions[1].prompt: must not be empty',
    '20:14: prep.flags[0].level: must be one of: tip, warn, stop (got "warning")',
  ],
  'missing-keys.yaml': [
    '2:1: missing required key "summary"',
    '10:11: prep.steps[0].questions[0]: missing required key "type"',
    '14:18: prep.steps[1].questions: needs at least 1 item',
    '16:7: prep.flags[0]: missing required key "level"',
  ],
  'bad-conditions.yaml': [
    '19:17: prep.steps[0].questions[1].when: give the answer a test: one of equals, in, includes, gte, lte, answered',
    '22:9: prep.flags[0].when: a condition on "answer" cannot also use "any"',
    '29:14: prep.flags[1].when.all: needs at least 1 item',
    '33:9: prep.flags[2].when: a condition needs "answer" with a test, or exactly one of "all", "any", "not"',
  ],
  'shapes.yaml': [
    '12:17: prep.steps[0].questions[0].type: a select question needs "choices"',
    '17:20: prep.steps[0].questions[1].choices: "choices" only apply to select and multi questions',
    '18:16: prep.steps[0].questions[1].max: "max" only applies to number and scale questions',
    '22:16: prep.steps[0].questions[2].min: "min" (10) is greater than "max" (5)',
    '25:7: prep.scores[0]: a score is computed one way: give exactly one of "count", "sum", "selected"',
  ],
  'bad-references.yaml': [
    '7:10: prep.intro: {{customr}}: unknown question "customr" (did you mean "customer"?)',
    '11:23: prep.steps[0].when.answer: "mood" is asked later; a reference can only use answers given before it',
    '15:19: prep.steps[0].questions[0].prompt: {{prep.need}} can only be used in the debrief walk',
    '20:27: prep.steps[0].questions[1].when.answer: unknown question "nede" (did you mean "need"?)',
    '22:37: prep.flags[0].when.equals: "angry" is not a choice of "mood"; it can never match',
    '25:34: prep.flags[1].when.gte: "gte" compares numbers; "need" is a text question',
    '31:13: prep.scores[0].sum[0]: "need" is a text question; a sum adds number, scale and confirm answers',
    '33:9: prep.scores[0].bands: the lowest band must start at 0 or below, so every result gets a verdict',
  ],
  'duplicate-ids.yaml': [
    '14:15: prep.steps[0].questions[1].id: "customer" is a built-in context question; choose another id',
    '17:11: prep.steps[1].id: step id "same" is used twice',
    '20:15: prep.steps[1].questions[0].id: question id "need" is already used by prep.steps[0].questions[0]',
    '28:11: prep.flags[1].id: flag id "check" is used twice',
    '37:15: debrief.steps[0].questions[0].id: question id "need" is already used by prep.steps[0].questions[0]',
  ],
  'unreachable.yaml': [
    '22:9: prep.steps[1].when: "state is upset" and "calm_plan is answered" cannot both hold ("calm_plan" is only asked when state is calm), so this step is never shown',
    '39:17: prep.steps[2].questions[1].when: "state is upset" and "state is calm" cannot both hold, so this question is never asked',
  ],
  'never-fires.yaml': [
    '27:9: prep.flags[0].when: "state is calm" and "empathy is answered" cannot both hold ("empathy" is only asked when state is upset), so this flag can never fire',
    '34:9: prep.flags[1].when: "state is calm" and "state is upset" cannot both hold, so this flag can never fire',
    '40:13: prep.flags[2].when: "budget is at least 500" can never hold ("budget" is from 0 to 100), so this flag can never fire',
    '48:13: prep.flags[4].when: "budget is not answered" can never hold ("budget" is required and always asked), so this flag can never fire',
    '55:11: prep.scores[0].count[0]: "budget is at most -1" can never hold ("budget" is from 0 to 100), so this check never counts',
  ],
  'yaml-syntax.yaml': [
    '4:1: Map keys must be unique',
    '5:16: YAML tags such as "!!str" are not allowed in a playbook; remove the tag',
  ],
  'mixed-problems.yaml': [
    '10:7: prep.steps[0]: unknown key "hint"',
    '15:15: prep.steps[0].questions[1].id: question id "need" is already used by prep.steps[0].questions[0]',
    '18:38: prep.steps[0].questions[1].choices[3]: choice "yes" is listed twice; remove one or give it another value',
  ],
  'mixed-shape.yaml': [
    '14:21: prep.steps[0].questions[0].required: expected boolean, got "sometimes"',
    '15:15: prep.steps[0].questions[1].id: question id "need" is already used by prep.steps[0].questions[0]',
  ],
  'score-words-shape.yaml': [
    '19:22: prep.flags[0].ready_despite: "ready_despite" is for warn and stop flags; a tip never holds a score back',
    '37:16: prep.scores[2].missing: a count score names what is missing on each item: move these words to the "missing" of the items',
  ],
  'score-words-references.yaml': [
    '20:49: prep.flags[0].actions[0].per_entry: "mood" is a select question; "per_entry" makes one action per entry of a list question',
    '21:19: prep.flags[0].actions[1].text: put {{people}} in the text, where each entry goes',
    '26:27: prep.scores[0].missing.calmnes: "calmnes" is not a question of this sum (did you mean "calmness"?)',
    '31:24: prep.scores[1].missing.note: "note" is not a choice of "kit" (did you mean "notes"?)',
  ],
  'two-documents.yaml': ['8:1: a playbook is one YAML document: remove this "---", or split the file in two'],
};

function problems(name: string): string[] {
  const file = `${DIR}/${name}`;
  try {
    parsePlaybook(readFileSync(repoPath(file), 'utf8'), file);
  } catch (error) {
    if (error instanceof PlaybookError) return error.issues.map(formatIssue);
    throw error;
  }
  return [];
}

describe('broken playbooks: every problem at its line and column', () => {
  it('has an expectation for every fixture in the directory', () => {
    expect(readdirSync(repoPath(DIR)).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (name, lines) => {
    expect(problems(name)).toEqual(lines.map((line) => `${DIR}/${name}:${line}`));
  });
});
