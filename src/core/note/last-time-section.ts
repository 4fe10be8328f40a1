/**
 * "From last time" as Markdown: the section a prep for a customer with earlier notes opens with,
 * on the terminal before the first question and in the saved note under its own heading. The
 * follow-ups are plain bullets, not boxes: their state lives in the debrief they came from.
 */
import type { LastTime } from './account.js';
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
    // The note each came from in the same brackets as its owner: after a follow-up that ends a
    // sentence ("... cost you real money."), a trailing ", in <note>" read as a stray comma.
    const items = last.followUps.map((item) => {
      const who = item.owner !== undefined && item.due !== undefined ? `owner: ${text(item.owner)}; due ${item.due}; ` : '';
      return `- ${text(item.text)} (${who}in ${text(item.note)})`;
    });
    blocks.push(label('Still open:'), items.join('\n'));
  }
  const offered = Object.keys(last.answers).map((id) => `${id} (from ${text(last.answersFrom[id] ?? '')})`);
  if (offered.length > 0) blocks.push(aside(`Offered again as defaults: ${offered.join(', ')}.`));
  if (blocks.length === 0) return [];
  const title = last.from.title === undefined ? '' : ` - ${text(last.from.title)}`;
  return [aside(`From the ${last.from.kind} of ${text(last.from.date)}${title} (${text(last.from.id)}).`), ...blocks];
}
