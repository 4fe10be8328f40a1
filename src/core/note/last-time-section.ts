/**
 * "From last time" as Markdown: the section a prep for a customer with earlier notes opens with,
 * on the terminal before the first question and in the saved note under its own heading. The
 * follow-ups are plain bullets, not boxes: their state lives in the debrief they came from.
 */
import type { LastTime } from './account.js';
import { oneLine } from '../text/text-lines.js';

const LABELS = { outcome: 'How it went', agreed: 'Agreed', lesson: 'Lessons', feeling: 'How they felt' } as const;

export const LAST_TIME_HEADING = '## From last time';

/** The section's blocks after its heading; none when the earlier notes hold nothing to recall. */
export function lastTimeBlocks(last: LastTime): string[] {
  const blocks: string[] = [];
  for (const [key, label] of Object.entries(LABELS) as [keyof typeof LABELS, string][]) {
    const lines = last.remembered[key];
    if (lines.length === 1) blocks.push(`**${label}:** ${oneLine(lines[0] ?? '')}`);
    else if (lines.length > 1) blocks.push(`**${label}:**`, lines.map((line) => `- ${oneLine(line)}`).join('\n'));
  }
  if (last.followUps.length > 0) {
    const items = last.followUps.map((item) => {
      const who = item.owner !== undefined && item.due !== undefined ? ` (owner: ${oneLine(item.owner)}; due ${item.due})` : '';
      return `- ${oneLine(item.text)}${who}, in ${item.note}`;
    });
    blocks.push('**Still open:**', items.join('\n'));
  }
  const offered = Object.keys(last.answers);
  if (offered.length > 0) blocks.push(`_Offered again as defaults, from ${last.answersFrom}: ${offered.join(', ')}._`);
  if (blocks.length === 0) return [];
  const title = last.from.title === undefined ? '' : ` - ${oneLine(last.from.title)}`;
  return [`_From the ${last.from.kind} of ${last.from.date}${title} (${last.from.id})._`, ...blocks];
}
