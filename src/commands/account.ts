/**
 * `coach account <customer>`: one customer's meetings, oldest first: the date, the playbook, how
 * ready the prep said you were, how the meeting came out, what was agreed, the lessons, how they
 * felt, and the follow-ups still open. The customer is named the way people type names (any case
 * or punctuation, or a unique start of it); `--json` gives the same for other tools.
 */
import { accountMeetings, type Meeting } from '../core/note/account.js';
import { followUpLine, isOverdue } from '../core/note/follow-ups.js';
import type { RememberedLines } from '../core/note/remembered.js';
import { localToday, writeOut } from '../io.js';
import { customerNotesNamed } from '../flow/customer-notes.js';
import { sanitizeForTerminal } from '../terminal/sanitize.js';
import { wrapLongLines } from '../terminal/wrap.js';
import type { CommandContext } from './command-context.js';

export interface AccountOptions {
  json?: true | undefined;
  notesDir?: string | undefined;
}

const LABELS: [keyof RememberedLines, string][] = [
  ['outcome', 'Outcome'],
  ['agreed', 'Agreed'],
  ['lesson', 'Lessons'],
  ['feeling', 'How they felt'],
];

export async function accountCommand(customerArg: string, options: AccountOptions, context: CommandContext): Promise<void> {
  const { io } = context;
  const { customer, notes } = await customerNotesNamed(customerArg, context);
  const meetings = accountMeetings(notes);
  const today = localToday(io);
  if (options.json) {
    const rows = meetings.map((meeting) => ({
      date: meeting.date,
      title: meeting.title ?? null,
      playbook: meeting.playbook,
      prep: meeting.prep ?? null,
      debriefs: meeting.debriefs,
      readiness: meeting.readiness,
      reflection: meeting.reflection,
      outcome: meeting.remembered.outcome,
      agreed: meeting.remembered.agreed,
      lessons: meeting.remembered.lesson,
      feeling: meeting.remembered.feeling,
      followUps: meeting.followUps.map((item) => ({ text: item.text, owner: item.owner ?? null, due: item.due ?? null, overdue: isOverdue(item, today), note: item.note, line: item.line + 1 })),
    }));
    await writeOut(io.stdout, `${JSON.stringify({ customer, meetings: rows }, null, 2)}\n`);
    return;
  }
  const count = meetings.length === 1 ? '1 meeting' : `${meetings.length} meetings`;
  const text = [`${customer} · ${count}`, ...meetings.flatMap((meeting) => meetingLines(meeting, today))].join('\n');
  // On a terminal a line too long for it is wrapped between words: the terminal broke it anywhere, inside a note's id.
  await writeOut(io.stdout, `${io.stdout.isTTY ? wrapLongLines(sanitizeForTerminal(text), io.stdout.columns ?? 80) : text}\n`);
}

function meetingLines(meeting: Meeting, today: string): string[] {
  const lines = ['', `${meeting.date}  ${meeting.playbook}${meeting.title ? `  ${meeting.title}` : ''}`];
  const notes = [meeting.prep === undefined ? 'no prep' : `prep ${meeting.prep}`, ...meeting.debriefs.map((id) => `debrief ${id}`)];
  if (meeting.debriefs.length === 0) notes.push('not debriefed yet');
  lines.push(`  ${notes.join(' · ')}`);
  const field = (label: string, shown: readonly string[]): void => {
    // A score named like the field ("Readiness: Ready (5/5)") is not named twice.
    const values = shown.map((value) => (value.startsWith(`${label}: `) ? value.slice(label.length + 2) : value));
    if (values.length === 1) lines.push(`  ${label}: ${values[0]}`);
    else if (values.length > 1) lines.push(`  ${label}:`, ...values.map((value) => `    - ${value}`));
  };
  field('Readiness', meeting.readiness);
  field('Reflection', meeting.reflection);
  for (const [key, label] of LABELS) field(label, meeting.remembered[key]);
  if (meeting.followUps.length > 0) {
    lines.push('  Open follow-ups:');
    for (const item of meeting.followUps) lines.push(`    [ ] ${followUpLine(item, today)}`);
  }
  return lines;
}
