/**
 * A debrief's follow-ups are the Markdown checkboxes in its "Follow-ups" and "Next steps"
 * sections: the box is the state, so ticking `- [x]` in any editor and `coach followups done`
 * are the same thing. This reads them back from a note's text, line by line, with the owner and
 * due date a next step carries.
 */
export interface FollowUp {
  /** The line's index in the note's text (0-based), to tick exactly that line. */
  line: number;
  text: string;
  owner?: string | undefined;
  due?: string | undefined;
}

const SECTIONS = new Set(['## follow-ups', '## next steps']);
const OPEN_BOX = /^- \[ \] (.+)$/;
const STEP = /^(.*) \(owner: (.+); due (\d{4}-\d{2}-\d{2})\)$/;

/** The unticked follow-ups of a note, in the order they are written. */
export function openFollowUps(text: string): FollowUp[] {
  const found: FollowUp[] = [];
  let inside = false;
  let inFrontMatter = text.startsWith('---');
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.replace(/\r$/, '');
    if (inFrontMatter) {
      if (index > 0 && line === '---') inFrontMatter = false;
      continue;
    }
    if (line.startsWith('## ') || line.startsWith('# ')) {
      inside = SECTIONS.has(line.trim().toLowerCase());
      continue;
    }
    const box = inside ? OPEN_BOX.exec(line) : null;
    if (!box?.[1]) continue;
    const step = STEP.exec(box[1]);
    found.push(step ? { line: index, text: step[1] ?? '', owner: step[2], due: step[3] } : { line: index, text: box[1] });
  }
  return found;
}

/** The note's text with the box on `line` ticked, or undefined when that line is no open box. */
export function tickFollowUp(text: string, line: number): string | undefined {
  const lines = text.split('\n');
  const current = lines[line];
  if (current === undefined || !OPEN_BOX.test(current.replace(/\r$/, ''))) return undefined;
  lines[line] = current.replace('- [ ] ', '- [x] ');
  return lines.join('\n');
}

/** A follow-up due before `today` (YYYY-MM-DD, the user's own day) is overdue: `followups`, `account`, a prep's From last time and the card all say so alike. */
export function isOverdue(item: { due?: string | undefined }, today: string): boolean {
  return item.due !== undefined && item.due < today;
}

/** A follow-up on one line as `account` and the card list it: "Send the schedule (Sam, overdue since 2026-11-28)". */
export function followUpLine(item: { text: string; owner?: string | undefined; due?: string | undefined }, today: string): string {
  const due = item.due === undefined ? undefined : `${isOverdue(item, today) ? 'overdue since' : 'due'} ${item.due}`;
  const aside = [item.owner, due].filter((part) => part !== undefined).join(', ');
  return aside === '' ? item.text : `${item.text} (${aside})`;
}
