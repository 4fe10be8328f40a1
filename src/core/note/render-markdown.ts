/**
 * A note as Markdown: front matter with the data, then a body a person reads on the way into the
 * meeting. Steps and questions are re-derived from the final answers, so a step whose condition
 * did not hold never shows up.
 */
import type { CheckFinding } from '../check/check-answer.js';
import { emptyAnswers, type AnswerValue, type Answers } from '../session/answers.js';
import { labelOfValue, scaleBounds } from '../session/coerce-answer.js';
import { reachedSteps } from '../session/reached.js';
import type { FiredFlag } from '../session/flags.js';
import { stringifyFrontMatter } from '../../formats/front-matter-emitter.js';
import { interpolate } from '../session/interpolate.js';
import { conditionScope } from '../session/prep-scope.js';
import type { NoteData } from './note.js';
import type { LastTime } from './account.js';
import { LAST_TIME_HEADING, lastTimeBlocks } from './last-time-section.js';
import { PREP_ACTIONS_STEP_ID } from '../session/prep-actions.js';
import { nextStepsSection } from '../session/next-steps.js';
import { gauge, scoreDetails, type ScoreResult } from '../session/scores.js';
import type { Playbook, Question } from '../playbook/schema.js';
import { oneLine } from '../text/text-lines.js';
import { attendeeName } from './attendee-name.js';

export const LEVEL_LABEL = { tip: 'Tip', warn: 'Watch out', stop: 'Stop' } as const;

export interface RenderOptions {
  /** The prep's answers, for `{{prep.id}}` in a debrief. */
  prepAnswers?: Answers | undefined;
  /** Extra sections placed before the coaching notes (a debrief's carried actions). */
  extraSections?: string[] | undefined;
  /** What the walk recalled of the customer's earlier notes: a prep's "From last time". */
  lastTime?: LastTime | undefined;
  /** What the checks found in the answers' words, written with the coaching notes. */
  findings?: readonly CheckFinding[] | undefined;
}

export function renderMarkdown(note: NoteData, playbook: Playbook, options: RenderOptions = {}): string {
  const walk = playbook[note.kind];
  if (!walk) throw new Error(`playbook "${playbook.id}" has no ${note.kind} walk`);
  const all = contextAnswers(note);
  Object.assign(all, note.answers);
  const fill = (text: string): string => interpolate(text, all, options.prepAnswers);
  const scope = conditionScope(all, options.prepAnswers);

  const heading = `# ${note.kind === 'prep' ? 'Meeting prep' : 'Debrief'}: ${oneLine(note.customer)}${note.title ? ` - ${oneLine(note.title)}` : ''}`;
  const blocks: string[] = [heading, `${note.date} · ${playbook.title} · _${playbook.source}_`];
  if (note.attendees && note.attendees.length > 0) blocks.push(`**Attendees:** ${note.attendees.map((person) => oneLine(attendeeName(person))).join(', ')}`);
  if (walk.intro) blocks.push(fill(walk.intro).trim());
  const recalled = options.lastTime === undefined ? [] : lastTimeBlocks(options.lastTime);
  if (recalled.length > 0) blocks.push(LAST_TIME_HEADING, ...recalled);

  for (const { step, questions } of reachedSteps(walk.steps, scope)) {
    // A debrief's built-in actions question is rendered as task lists by the extra sections.
    if (step.id === PREP_ACTIONS_STEP_ID) continue;
    blocks.push(`## ${step.title}`);
    if (step.guidance) blocks.push(fill(step.guidance).trim());
    // An index, not for-of: the iterator made a result object for every question.
    for (let index = 0; index < questions.length; index++) {
      const question = questions[index] as Question;
      blocks.push(`**${oneLine(fill(question.prompt))}**`, renderAnswer(question, note.answers[question.id]));
    }
  }

  blocks.push(...nextStepsSection(playbook, note.kind, note.answers), ...(options.extraSections ?? []));
  const findings = options.findings ?? [];
  if (note.flags.length > 0 || findings.length > 0) {
    // Only a finding names its question's prompt: a long playbook's prompts are not mapped for a flag.
    const prompts = findings.length > 0 ? new Map(walk.steps.flatMap((step) => step.questions.map((question) => [question.id, question.prompt] as const))) : undefined;
    const promptOf = (id: string): string => oneLine(fill(prompts?.get(id) ?? id));
    blocks.push('## Coaching notes', ...note.flags.map(renderFlag), ...findings.map((finding) => renderFinding(finding, promptOf(finding.question))));
  }
  // A prep's scores say how ready you are; a debrief's say how the meeting went.
  if (note.scores.length > 0) blocks.push(note.kind === 'debrief' ? '## Reflection' : '## Readiness', note.scores.map(renderScore).join('\n'));

  return `${stringifyFrontMatter(note)}\n${blocks.join('\n\n')}\n`;
}

function contextAnswers(note: NoteData): Answers {
  const answers = emptyAnswers();
  answers['customer'] = note.customer;
  if (note.title !== undefined) answers['title'] = note.title;
  answers['date'] = note.date;
  return answers;
}

const quoteLine = (line: string): string => (line.trim() === '' ? '>' : `> ${line}`);

// Most answers are one line: quoted as they are, without splitting them into a list of one.
const quote = (text: string): string => (text.includes('\n') ? text.split(/\r?\n/).map(quoteLine).join('\n') : quoteLine(text));

const bullets = (items: readonly string[]): string => items.map((item) => `- ${oneLine(item)}`).join('\n');

/** Apart from renderAnswer, whose every call would otherwise make a record for this one closure. */
const labelsOf = (question: Question, values: readonly string[]): string[] => values.map((value) => labelOfValue(question, value));

function renderAnswer(question: Question, value: AnswerValue | undefined): string {
  if (value === undefined) return '_No answer._';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) {
    if (value.length === 0) return '_None._';
    return bullets(question.type === 'multi' ? labelsOf(question, value) : value);
  }
  if (question.type === 'scale') return `${value} / ${scaleBounds(question).max}`;
  if (question.type === 'select') return labelOfValue(question, String(value));
  return quote(String(value));
}

function renderFlag(flag: FiredFlag): string {
  const lines = [`**${LEVEL_LABEL[flag.level]}:** ${flag.message}`];
  if (flag.actions.length > 0) lines.push('', flag.actions.map((action) => `- [ ] ${oneLine(action)}`).join('\n'));
  return lines.join('\n');
}

/** A check on the words of an answer: which answer, the words, what to know, and the better way. */
function renderFinding(finding: CheckFinding, prompt: string): string {
  const words = finding.found.length > 0 ? `${finding.found.map((text) => `"${oneLine(text)}"`).join(', ')} - ` : '';
  return [`**On your words** (${prompt}): ${words}${oneLine(finding.message)}`, '', `- Better: ${oneLine(finding.better)}`].join('\n');
}

function renderScore(score: ScoreResult): string {
  const advice = score.advice ? `: ${score.advice}` : '';
  const details = scoreDetails(score).map((line) => `\n  - ${oneLine(line)}`);
  return `- **${score.title}** \`${gauge(score)}\` ${score.value}/${score.max} - ${score.verdict}${advice}${details.join('')}`;
}
