/**
 * A playbook as a guide to read in the terminal (`coach playbooks show`): every step with its
 * guidance and questions (with the ids an answers file uses), what the flags watch for and how
 * the scores are read. Plain text, each paragraph of the author's prose on one line (a hard-wrapped
 * YAML paragraph would otherwise break mid-sentence); the caller wraps and sanitizes.
 */
import { emptyAnswers, type Answers } from '../session/answers.js';
import { choiceValue, scaleBounds } from '../session/coerce-answer.js';
import { describeCondition, type QuestionTypes } from './describe-condition.js';
import { interpolate } from '../session/interpolate.js';
import { LEVEL_LABEL } from '../note/render-markdown.js';
import type { Action, Flag, Phase, Playbook, Question, Score, Walk } from './schema.js';
import { actionText } from '../session/flags.js';
import { PREP_PREFIX } from '../session/prep-scope.js';
import { joinParagraphs } from '../text/paragraphs.js';

export const PHASE_HEADING: Record<Phase, string> = { prep: 'Before the meeting', debrief: 'After the meeting' };

/** `{{need}}` reads as ‹need›: a slot that the answer will fill. */
export function showSlots(template: string): string {
  const slots = (prefix: string): Answers =>
    new Proxy(emptyAnswers(), { get: (_target, key) => `‹${prefix}${String(key)}›` });
  return interpolate(template, slots(''), slots(PREP_PREFIX));
}

export function questionTypes(walk: Walk): QuestionTypes {
  return new Map(walk.steps.flatMap((step) => step.questions).map((question) => [question.id, question.type]));
}

/** `text`, `scale 1-5, optional`: what kind of answer a question takes. */
export function answerKind(question: Question): string {
  const parts: string[] = [question.type];
  if (question.type === 'scale') {
    const { min, max } = scaleBounds(question);
    parts[0] = `scale ${min}-${max}`;
  } else if (question.type === 'number' && (question.min !== undefined || question.max !== undefined)) {
    parts[0] = `number ${question.min ?? ''}..${question.max ?? ''}`;
  }
  if (!question.required) parts.push('optional');
  return parts.join(', ');
}

/** How a score is computed, in one phrase. */
export function scoreMethod(score: Score): string {
  if (score.count) return `counts how many of these ${score.count.length} hold`;
  if (score.sum) return `adds the answers to ${score.sum.join(', ')}`;
  return `counts the choices picked for ${score.selected ?? ''}`;
}

export const sortedBands = (score: Score): Score['bands'] => [...score.bands].sort((a, b) => b.min - a.min);

export function flagTrigger(flag: Flag, types: QuestionTypes): string {
  return `${LEVEL_LABEL[flag.level]} when ${describeCondition(flag.when, types)}`;
}

export function playbookGuideText(playbook: Playbook): string {
  const lines: string[] = [`${playbook.title} (${playbook.id})`, playbook.summary, ''];
  if (playbook.when_to_use) lines.push(`When to use: ${playbook.when_to_use}`);
  lines.push(`Source: ${playbook.source}`);
  if (playbook.tags.length > 0) lines.push(`Tags: ${playbook.tags.join(', ')}`);
  for (const phase of ['prep', 'debrief'] as const) {
    const walk = playbook[phase];
    if (walk) lines.push('', '', ...walkGuide(walk, phase, playbook.id));
  }
  return `${lines.join('\n')}\n`;
}

function walkGuide(walk: Walk, phase: Phase, id: string): string[] {
  const types = questionTypes(walk);
  const lines = [`${PHASE_HEADING[phase].toUpperCase()} - coach ${phase} ${id}`];
  if (walk.intro) lines.push('', prose(walk.intro.trim()));
  walk.steps.forEach((step, s) => {
    lines.push('', `${s + 1}. ${step.title}${step.when ? ` (only when ${describeCondition(step.when, types)})` : ''}`);
    if (step.guidance) lines.push(indent(prose(step.guidance.trim()), '   '));
    for (const question of step.questions) lines.push('', ...questionGuide(question, types));
  });
  if (walk.flags.length > 0) {
    lines.push('', 'What the coach watches for:');
    for (const flag of walk.flags) {
      lines.push('', `   ${flagTrigger(flag, types)}:`, indent(prose(flag.message), '     '));
      for (const action of flag.actions) lines.push(`     [ ] ${describeAction(action)}`);
      if (flag.ready_despite) lines.push(indent(prose(`A score may still say ready: ${flag.ready_despite}`), '     '));
    }
  }
  for (const score of walk.scores) {
    lines.push('', `Score: ${score.title} - ${scoreMethod(score)}${score.when ? ` (only when ${describeCondition(score.when, types)})` : ''}`);
    for (const item of score.count ?? []) lines.push(`   - ${describeCondition(item, types)}${item.missing ? ` (else: ${item.missing})` : ''}`);
    for (const band of sortedBands(score)) lines.push(`   ${band.min} or more: ${band.verdict}${band.advice ? ` - ${band.advice}` : ''}`);
    if (score.held) lines.push(`   while a watch-out is open: ${score.held.verdict}${score.held.advice ? ` - ${score.held.advice}` : ''}`);
  }
  return lines;
}

/** An action as the guide shows it: its text, and when it makes one line per entry of a list. */
export function describeAction(action: Action): string {
  const text = showSlots(actionText(action));
  return typeof action === 'string' ? text : `${text} (one for each entry of ${action.per_entry})`;
}

function questionGuide(question: Question, types: QuestionTypes): string[] {
  const lines = [`   - ${showSlots(question.prompt)}`, `     [${question.id}: ${answerKind(question)}]`];
  if (question.when) lines.push(`     Only asked when ${describeCondition(question.when, types)}.`);
  if (question.choices) lines.push(`     Choices: ${question.choices.map(choiceValue).join(', ')}`);
  if (question.why) lines.push(indent(prose(question.why), '     '));
  return lines;
}

/** An author's prose with its paragraphs on one line each, so the terminal wraps them whole. */
const prose = (template: string): string => joinParagraphs(showSlots(template));

const indent = (text: string, pad: string): string =>
  text
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : pad + line))
    .join('\n');
