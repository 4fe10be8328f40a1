/**
 * A playbook as a Markdown cheat sheet (`coach playbooks show --markdown`): the method, the
 * questions to carry into the room, and what to watch for, to read on the way to the meeting.
 */
import { choiceLabel } from '../session/coerce-answer.js';
import { describeCondition, type QuestionTypes } from './describe-condition.js';
import { answerKind, describeAction, flagTrigger, PHASE_HEADING, questionTypes, scoreMethod, showSlots, sortedBands } from './describe-playbook.js';
import type { Phase, Playbook, Question, Walk } from './schema.js';
import { oneLine } from '../text/text-lines.js';

/** Headings and bold text must stay on one line. */

export function playbookCheatSheet(playbook: Playbook): string {
  const blocks: string[] = [`# ${oneLine(playbook.title)}`, `_${oneLine(playbook.summary)}_`];
  const about: string[] = [];
  if (playbook.when_to_use) about.push(`**When to use:** ${oneLine(playbook.when_to_use)}`);
  about.push(`**Source:** ${oneLine(playbook.source)}`);
  blocks.push(about.join('  \n'));
  for (const phase of ['prep', 'debrief'] as const) {
    const walk = playbook[phase];
    if (walk) blocks.push(...walkSheet(walk, phase, playbook.id));
  }
  return `${blocks.join('\n\n')}\n`;
}

function walkSheet(walk: Walk, phase: Phase, id: string): string[] {
  const types = questionTypes(walk);
  const blocks = [`## ${PHASE_HEADING[phase]}`, `\`coach ${phase} ${id}\``];
  if (walk.intro) blocks.push(showSlots(walk.intro.trim()));
  walk.steps.forEach((step, s) => {
    const when = step.when ? ` _(only when ${describeCondition(step.when, types)})_` : '';
    blocks.push(`### ${s + 1}. ${oneLine(step.title)}${when}`);
    if (step.guidance) blocks.push(showSlots(step.guidance.trim()));
    blocks.push(...step.questions.map((question) => questionBlock(question, types)));
  });
  if (walk.flags.length > 0) {
    const items = walk.flags.map((flag) => {
      const actions = flag.actions.map((action) => `\n  - [ ] ${oneLine(describeAction(action))}`).join('');
      return `- **${flagTrigger(flag, types)}:** ${oneLine(showSlots(flag.message))}${actions}`;
    });
    blocks.push('### Watch for', items.join('\n'));
  }
  for (const score of walk.scores) {
    blocks.push(`### ${oneLine(score.title)}`, `The score ${scoreMethod(score)}${score.count ? ':' : '.'}`);
    if (score.count) blocks.push(score.count.map((condition) => `- ${describeCondition(condition, types)}`).join('\n'));
    blocks.push(
      sortedBands(score)
        .map((band) => `- **${band.min}+ ${oneLine(band.verdict)}**${band.advice ? `: ${oneLine(band.advice)}` : ''}`)
        .join('\n'),
    );
  }
  return blocks;
}

/**
 * The question in bold with its id and kind, then why it matters: a paragraph, not a list item,
 * so it never merges with a list that ends the step's guidance.
 */
function questionBlock(question: Question, types: QuestionTypes): string {
  const lines = [`**${oneLine(showSlots(question.prompt))}** \`${question.id}\` _(${answerKind(question)})_`];
  if (question.when) lines.push(`Only when ${describeCondition(question.when, types)}.`);
  if (question.choices) lines.push(`Options: ${question.choices.map((choice) => oneLine(choiceLabel(choice))).join('; ')}.`);
  if (question.why) lines.push(oneLine(showSlots(question.why)));
  return lines.join('  \n');
}
