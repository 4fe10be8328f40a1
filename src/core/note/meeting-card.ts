/**
 * The meeting card: the seed on the two questions says to carry them on paper into every
 * meeting. The key questions with the user's own answers, the method's reminders and every action
 * the coaching raised, in full: these are the words they will say, so the card wraps them to the
 * width it is given, between words, and never cuts one. Pure: text in, text out; the printed page
 * (print/card-pdf.ts) lays out the same content.
 */
import type { Answers } from '../session/answers.js';
import { followUpLine, isOverdue, type FollowUp } from './follow-ups.js';
import { reachedSteps } from '../session/reached.js';
import { shownAnswer } from '../session/shown-answer.js';
import type { MeetingContext } from '../session/context.js';
import { interpolate } from '../session/interpolate.js';
import type { Playbook, Question } from '../playbook/schema.js';
import { collapseWhitespace } from '../text/text-lines.js';
import { wrapWords } from '../text/word-wrap.js';

/** The width of a card printed anywhere but a terminal (a file, a pipe, a printer). */
export const CARD_WIDTH = 80;

export interface CardInput {
  playbook: Playbook;
  /** A saved prep's meeting and answers; without them the card is the blank method card. */
  context?: MeetingContext | undefined;
  answers?: Answers | undefined;
  actions?: readonly string[] | undefined;
  /** What the customer's earlier meetings left open (what they may well raise first), and the day the card is for, against which one is overdue. */
  stillOpen?: { followUps: readonly Pick<FollowUp, 'text' | 'owner' | 'due'>[]; today: string } | undefined;
}

export interface CardSection {
  title: string;
  /**
   * What the items are: questions with the user's answers, the method's reminders, what earlier
   * meetings left open (bullets: they are ticked in their debriefs), or actions, a checklist with a
   * box to tick each.
   */
  kind: 'questions' | 'reminders' | 'still-open' | 'actions';
  items: { head: string; detail?: string | undefined }[];
}

/** The card's content, before it is laid out as text, Markdown or a printed page. */
export interface MeetingCard {
  /** One line: customer - title · date · playbook, or the playbook's name on a method card. */
  heading: string;
  /** The meeting a saved prep was for; undefined on the blank method card. */
  meeting?: { customer: string; title?: string | undefined; date: string } | undefined;
  playbookTitle: string;
  sections: CardSection[];
}

export function meetingCard(input: CardInput): MeetingCard {
  const { playbook, context } = input;
  const answers = { ...(context ? { customer: context.customer, date: context.date, ...(context.title ? { title: context.title } : {}) } : {}), ...input.answers };
  // A saved prep's card shows what its walk reached (a step's `when` counts too); the method card shows every key question.
  const steps = input.answers ? reachedSteps(playbook.prep.steps, answers) : playbook.prep.steps.map((step) => ({ step, questions: step.questions }));
  const questions = new Map(steps.flatMap((reached) => reached.questions).map((question) => [question.id, question]));
  const keyIds = playbook.card?.questions ?? defaultKeyQuestions(playbook);
  const keyQuestions = keyIds.flatMap((id) => {
    const question = questions.get(id);
    if (!question) return [];
    const value = input.answers?.[id];
    return [{ head: interpolate(question.prompt, answers), detail: input.answers ? shownAnswer(question, value) : undefined }];
  });
  const heading = context
    ? `${context.customer}${context.title ? ` - ${context.title}` : ''} · ${context.date} · ${playbook.title}`
    : `${playbook.title} (method card)`;
  return {
    heading,
    meeting: context ? { customer: context.customer, title: context.title, date: context.date } : undefined,
    playbookTitle: playbook.title,
    sections: ([
      // Actions come last: the things to do before the meeting, where a checklist belongs.
      { title: 'Key questions', kind: 'questions', items: keyQuestions },
      // Overdue first, as in the prep's From last time: the promise already broken is raised first.
      { title: 'Still open from last time', kind: 'still-open', items: stillOpenItems(input.stillOpen) },
      { title: 'Reminders', kind: 'reminders', items: (playbook.card?.reminders ?? []).map((reminder) => ({ head: reminder })) },
      { title: 'Actions', kind: 'actions', items: (input.actions ?? []).map((action) => ({ head: action })) },
    ] satisfies CardSection[]).filter((section) => section.items.length > 0),
  };
}

/** Each as `account` lists it ("Send the schedule (Sam, overdue since 2026-11-28)"), the overdue first. */
function stillOpenItems(stillOpen: CardInput['stillOpen']): { head: string }[] {
  if (stillOpen === undefined) return [];
  const { followUps, today } = stillOpen;
  const overdue = followUps.filter((item) => isOverdue(item, today));
  return [...overdue, ...followUps.filter((item) => !isOverdue(item, today))].map((item) => ({ head: followUpLine(item, today) }));
}

/** Without a `card:` block: the prep's required free-text questions, which carry the user's plan. */
function defaultKeyQuestions(playbook: Playbook): string[] {
  const isPlan = (question: Question): boolean => question.required && (question.type === 'text' || question.type === 'long');
  return playbook.prep.steps.flatMap((step) => step.questions).filter(isPlan).slice(0, 4).map((question) => question.id);
}

/**
 * Plain text for the terminal and printers, `width` columns wide: every line fits unless a single
 * word is wider than the card, and nothing is left out.
 */
export function renderCardText(input: CardInput, width = CARD_WIDTH): string {
  const { heading, sections } = meetingCard(input);
  const rule = '─'.repeat(width);
  const lines: string[] = [rule, ...wrapWords(collapseWhitespace(heading), width, ' ', ' '), rule];
  for (const section of sections) {
    lines.push(` ${section.title.toUpperCase()}`);
    for (const item of section.items) {
      const marker = section.kind === 'actions' ? '[ ] ' : '• ';
      lines.push(...wrapWords(collapseWhitespace(item.head), width, `  ${marker}`, ' '.repeat(2 + marker.length)));
      if (item.detail !== undefined) lines.push(...wrapWords(collapseWhitespace(item.detail), width, '      ', '      '));
    }
  }
  lines.push(rule);
  return `${lines.join('\n')}\n`;
}

export function renderCardMarkdown(input: CardInput): string {
  const { heading, sections } = meetingCard(input);
  const blocks = [`## Meeting card: ${collapseWhitespace(heading)}`];
  for (const section of sections) {
    const items = section.items.map((item) => {
      const marker = section.kind === 'actions' ? '- [ ]' : '-';
      return item.detail === undefined ? `${marker} ${collapseWhitespace(item.head)}` : `${marker} **${collapseWhitespace(item.head)}**  \n  ${collapseWhitespace(item.detail)}`;
    });
    blocks.push(`**${section.title}**`, items.join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}
