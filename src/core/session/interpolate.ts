import { formatAnswer, type Answers } from './answers.js';
import { isPrepRef, PREP_PREFIX } from './prep-scope.js';

const PLACEHOLDER = /\{\{\s*([a-zA-Z0-9_.-]+)\s*\}\}/g;

/** The ids a template refers to, `prep.` prefix included, for the reference checks. */
export function templateRefs(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/**
 * Replaces `{{id}}` with the answer, and `{{prep.id}}` with the prep's answer in a debrief.
 * References are checked when the playbook loads; one that is unanswered at run time reads
 * "(no answer)" rather than leaving template syntax in front of the user.
 */
export function interpolate(template: string, answers: Answers, prepAnswers?: Answers): string {
  // Most prompts name no answer: they are returned as they are, without a pass of the expression,
  // and without the call's own record of what the replacing function reads, which V8 makes on
  // entry to any function holding one (6,000 of them a prep).
  return template.includes('{{') ? fillPlaceholders(template, answers, prepAnswers) : template;
}

function fillPlaceholders(template: string, answers: Answers, prepAnswers: Answers | undefined): string {
  return template.replace(PLACEHOLDER, (_match, ref: string) => {
    if (isPrepRef(ref)) return formatAnswer(prepAnswers?.[ref.slice(PREP_PREFIX.length)]);
    return formatAnswer(answers[ref]);
  });
}
