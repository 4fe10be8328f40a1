/**
 * Checks on free text, as the format defines them: phrases found as whole words in any case with
 * simple inflections and three wildcards, `missing` and `unless`, the named detectors, and the
 * validation of a check (an unknown detector is reported at its line and column).
 */
import { describe, expect, it } from 'vitest';
import { checkAnswer, checkAnswers, detectorsForAnswers } from '../../../src/core/check/check-answer.js';
import { findPhrases } from '../../../src/core/check/phrases.js';
import { parsePlaybook } from '../../../src/core/playbook/parse-playbook.js';
import type { Check } from '../../../src/core/playbook/schema.js';
import { PlaybookError } from '../../../src/errors.js';
import { detectorsFor } from '../../../src/language/lazy-detectors.js';

const found = (text: string, phrases: string[]): string[] => findPhrases(text, phrases).map((hit) => hit.text);

describe('phrases', () => {
  it('match whole words in any case, with either apostrophe', () => {
    expect(found('BUT we shipped it', ['but'])).toEqual(['BUT']);
    expect(found('Press the button', ['but'])).toEqual([]);
    expect(found('You’re wrong about the dates', ["you're wrong"])).toEqual(['You’re wrong']);
  });

  it('find simple inflections of each word', () => {
    expect(found('They blamed us, and she keeps blaming the tool; he blames me', ['blame'])).toEqual(['blamed', 'blaming', 'blames']);
    expect(found('We tried twice and it stopped', ['try', 'stop'])).toEqual(['tried', 'stopped']);
    expect(found('Sorry for any inconveniences caused', ['sorry for any inconvenience'])).toEqual(['Sorry for any inconveniences']);
    // Short words and contractions have no forms: "i" is not "is", "us" is not "uses".
    expect(found('It is fixed; the team uses it', ['i', 'us'])).toEqual([]);
  });

  it('skip commas and dashes between words, but never cross a sentence', () => {
    expect(found('I hear you, really hear you', ['hear you really'])).toEqual(['hear you, really']);
    expect(found('We are sorry. For any inconvenience, call us', ['sorry for any inconvenience'])).toEqual([]);
  });

  it('keep a comma the phrase names', () => {
    expect(found('Actually, the contract says otherwise', ['actually ,'])).toEqual(['Actually,']);
    expect(found('What they actually want is speed', ['actually ,'])).toEqual([]);
  });

  it('have wildcards: <word> any word, <number> a number, <name> a name inside a sentence, <start> the start of a sentence', () => {
    expect(found('Why did you ever pick that vendor?', ['why did you <word> pick'])).toEqual(['Why did you ever pick']);
    expect(found('Done by 12 March, or by Friday', ['by <number>'])).toEqual(['by 12']);
    expect(found('Then Priya will call. Maybe Friday will do', ['<name> will'])).toEqual(['Priya will']);
    expect(found('Did you win? Pete, did you? So what did you do?', ['<start> did you'])).toEqual(['Did you', 'did you']);
  });
});

const check = (fields: Partial<Check>): Check => ({ message: 'm', better: 'b', ...fields }) as Check;

describe('a question with checks', () => {
  it('reports each check that holds, with the words that raised it', () => {
    const question = { id: 'line', checks: [check({ phrases: ['but', 'due to'] }), check({ missing: ['by <number>', 'friday'], message: 'no date' })] };
    expect(checkAnswer(question, 'We will fix it, but it was due to the vendor', {})).toEqual([
      { question: 'line', message: 'm', better: 'b', found: ['but', 'due to'] },
      { question: 'line', message: 'no date', better: 'b', found: [] },
    ]);
    expect(checkAnswer(question, 'I will have it fixed by Friday', {})).toEqual([]);
  });

  it('stays quiet when an `unless` phrase is there', () => {
    const question = { id: 'line', checks: [check({ phrases: ['but'], unless: ['not only <word> but'] })] };
    expect(checkAnswer(question, 'Not only late but wrong', {})).toEqual([]);
    expect(checkAnswer(question, 'Late, but the vendor', {})).toHaveLength(1);
  });

  it('raises a check when its phrases or its detector find something', async () => {
    const detectors = await detectorsFor(['passive']);
    const question = { id: 'line', checks: [check({ detector: 'passive', phrases: ['went wrong'] })] };
    expect(checkAnswer(question, 'Something went wrong.', detectors).map((f) => f.found)).toEqual([['went wrong']]);
    expect(checkAnswer(question, 'Your data was lost.', detectors).map((f) => f.found)).toEqual([['was lost']]);
    // Regular participles after "be" or "get" too, but not feelings and states.
    expect(checkAnswer(question, 'Your order was delayed and then got missed.', detectors).map((f) => f.found)).toEqual([['was delayed', 'got missed']]);
    expect(checkAnswer(question, 'We are committed to this and I was disappointed in us.', detectors)).toEqual([]);
  });

  it('runs the named detectors, loaded only when asked for', async () => {
    expect(await detectorsFor([])).toEqual({});
    const detectors = await detectorsFor(['passive', 'hedge']);
    const question = { id: 'line', checks: [check({ detector: 'passive', message: 'passive' }), check({ detector: 'hedge', message: 'hedge' })] };
    expect(checkAnswer(question, 'Mistakes were made on our side.', detectors).map((f) => [f.message, f.found])).toEqual([['passive', ['were made']]]);
    expect(checkAnswer(question, 'Maybe we can hopefully fix it.', detectors).map((f) => [f.message, f.found])).toEqual([['hedge', ['Maybe', 'hopefully']]]);
    expect(checkAnswer(question, 'We broke your export and I will fix it today.', detectors)).toEqual([]);
  });
});

const playbook = (checks: string, type = 'text'): string => `id: probe
title: Probe
summary: A probe.
source: tests
prep:
  steps:
    - id: s
      title: S
      questions:
        - id: line
          type: ${type}
          prompt: What will you say?
          checks:
${checks}
`;

const issues = (text: string): string[] => {
  try {
    parsePlaybook(text, 'probe.yaml');
  } catch (error) {
    if (error instanceof PlaybookError) return error.issues.map((issue) => `${issue.line}:${issue.col}: ${issue.message}`);
    throw error;
  }
  return [];
};

describe('validating checks', () => {
  it('accepts each way to look, and reads the answers that need a detector', () => {
    const parsed = parsePlaybook(playbook('            - { phrases: [but], message: m, better: b }\n            - { detector: hedge, message: m, better: b }'), 'probe.yaml');
    expect(detectorsForAnswers(parsed.prep, { line: 'x' })).toEqual(['hedge']);
    expect(detectorsForAnswers(parsed.prep, {})).toEqual([]);
    expect(checkAnswers(parsed.prep, { line: 'fine, but late' }, { hedge: () => [] })).toHaveLength(1);
  });

  it('reports an unknown detector at its line and column, with a hint', () => {
    expect(issues(playbook('            - { detector: pasive, message: m, better: b }'))).toEqual([
      '14:27: prep.steps[0].questions[0].checks[0].detector: must be one of: passive, hedge (got "pasive"); did you mean "passive"?',
    ]);
  });

  it('refuses checks on a question without free text, two ways to look, a phrase of no word, a missing better', () => {
    expect(issues(playbook('            - { phrases: [but], message: m, better: b }', 'confirm'))).toEqual([
      '14:13: prep.steps[0].questions[0].checks: "checks" only apply to text and long questions',
    ]);
    expect(issues(playbook('            - { phrases: [but], missing: [by], message: m, better: b }'))[0]).toContain('for what is there ("phrases", a "detector" or both) or for what is "missing"');
    expect(issues(playbook('            - { phrases: ["<word>"], message: m, better: b }'))[0]).toContain('a phrase needs at least one word');
    expect(issues(playbook('            - { phrases: [but], message: m, bettr: b }'))).toEqual([
      '14:15: prep.steps[0].questions[0].checks[0]: missing required key "better"',
      '14:45: prep.steps[0].questions[0].checks[0]: unknown key "bettr" (did you mean "better"?)',
    ]);
  });
});
