/**
 * "From last time" as Markdown: the section a prep for a customer with earlier notes opens with,
 * on the terminal before the first question and in the saved note under its own heading. The
 * follow-ups are plain bullets, not boxes: their state lives in the debrief they came from.
 */
import type { LastTime } from './account.js';
import { isOverdue } from './follow-ups.js';
import { oneLine } from '../text/text-lines.js';

const LABELS = { outcome: 'How it went', agreed: 'Agreed', lesson: 'Lessons', feeling: 'How they felt' } as const;

export const LAST_TIME_HEADING = '## From last time';

/**
 * How the blocks mark a label and an aside, and what every word from a note goes through:
 * Markdown in the note; on screen the terminal's styles, over text made safe to print.
 */
export interface LastTimeStyle {
  label: (text: string) => string;
  aside: (text: string) => string;
  text: (text: string) => string;
}

const MARKDOWN: LastTimeStyle = { label: (text) => `**${text}**`, aside: (text) => `_${text}_`, text: oneLine };

/** The section's blocks after its heading; none when the earlier notes hold nothing to recall. */
export function lastTimeBlocks(last: LastTime, style: LastTimeStyle = MARKDOWN): string[] {
  const { label, aside, text } = style;
  const blocks: string[] = [];
  for (const [key, name] of Object.entries(LABELS) as [keyof typeof LABELS, string][]) {
    const lines = last.remembered[key];
    if (lines.length === 1) blocks.push(`${label(`${name}:`)} ${text(lines[0] ?? '')}`);
    else if (lines.length > 1) blocks.push(label(`${name}:`), lines.map((line) => `- ${text(line)}`).join('\n'));
  }
  if (last.followUps.length > 0) {
    // The note each came from in the same brackets as its owner (after a follow-up that ends a
    // sentence, "... real money.", a trailing ", in <note>" read as a stray comma), and only when it
    // is not the note the section opens by naming: six follow-ups of one debrief said its id six times.
    // One due before today is what the customer will raise first, so it leads, and says so.
    const overdue = (item: (typeof last.followUps)[number]): boolean => isOverdue(item, last.today);
    const items = [...last.followUps.filter(overdue), ...last.followUps.filter((item) => !overdue(item))].map((item) => {
      const aside = [
        ...(item.owner !== undefined && item.due !== undefined ? [`owner: ${text(item.owner)}`, overdue(item) ? `overdue since ${item.due}` : `due ${item.due}`] : []),
        ...(item.note === last.from.id ? [] : [`in ${text(item.note)}`]),
      ];
      return `- ${text(item.text)}${aside.length > 0 ? ` (${aside.join('; ')})` : ''}`;
    });
    blocks.push(label('Still open:'), items.join('\n'));
  }
  const offered = offeredAgain(last.answersFrom, Object.keys(last.answers));
  if (offered.length > 0) blocks.push(aside(`Offered again as defaults: ${offered.map(([note, count]) => `${count === 1 ? 'an answer' : `${count} answers`} from ${text(note)}`).join('; ')}.`));
  if (blocks.length === 0) return [];
  const title = last.from.title === undefined ? '' : ` - ${text(last.from.title)}`;
  return [aside(`From the ${last.from.kind} of ${text(last.from.date)}${title} (${text(last.from.id)}).`), ...blocks];
}

/**
 * How many of the answers offered again come from each earlier prep, newest first: each question
 * says so itself when it is asked ("Your answer last time is the default"), so the section says
 * only how many and where from, not the question ids a note keeps.
 */
function offeredAgain(answersFrom: Readonly<Record<string, string>>, ids: readonly string[]): [note: string, count: number][] {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const note = answersFrom[id] ?? '';
    counts.set(note, (counts.get(note) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
}
