/**
 * One customer's meetings, oldest first, as `coach account` shows them: each prep with its
 * debriefs, what the prep said about readiness, and what the debriefs remembered (how it came
 * out, what was agreed, lessons, how they felt) with their follow-ups still open. And what the
 * next prep for that customer opens with: the latest debrief's memory, every follow-up still
 * open, and the latest prep's answers that rarely change.
 */
import { emptyAnswers, type Answers } from '../session/answers.js';
import type { Phase } from '../playbook/schema.js';
import type { FollowUp } from './follow-ups.js';
import { noneRemembered, type RememberedLines } from './remembered.js';

export interface NoteScore {
  title: string;
  verdict: string;
  value: number;
  max: number;
}

/** What the account needs of one saved note. */
export interface AccountNote {
  id: string;
  kind: Phase;
  playbook: string;
  title?: string | undefined;
  date: string;
  created?: string | undefined;
  prep?: string | undefined;
  scores: NoteScore[];
  remembered: RememberedLines;
  /** A prep's answers to its `carry` questions. */
  carried: Answers;
  /** A debrief's unticked follow-ups. */
  followUps: readonly FollowUp[];
}

interface OpenFollowUp extends FollowUp {
  /** The id of the debrief it is in. */
  note: string;
}

export interface Meeting {
  date: string;
  title?: string | undefined;
  playbook: string;
  prep?: string | undefined;
  debriefs: string[];
  readiness: string[];
  reflection: string[];
  remembered: RememberedLines;
  followUps: OpenFollowUp[];
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const oldestFirst = (a: AccountNote, b: AccountNote): number => compare(a.date, b.date) || compare(a.created ?? '', b.created ?? '') || compare(a.id, b.id);
const bySaving = (a: AccountNote, b: AccountNote): number => compare(a.created ?? '', b.created ?? '') || oldestFirst(a, b);

const scoreLine = (score: NoteScore): string => `${score.title}: ${score.verdict} (${score.value}/${score.max})`;
const openOf = (note: AccountNote): OpenFollowUp[] => note.followUps.map((item) => ({ ...item, note: note.id }));

function remember(into: RememberedLines, from: RememberedLines): void {
  for (const key of Object.keys(into) as (keyof RememberedLines)[]) into[key].push(...from[key]);
}

/** The customer's notes as meetings: a prep and the debriefs that name it, or a debrief alone. */
export function accountMeetings(notes: readonly AccountNote[]): Meeting[] {
  const sorted = [...notes].sort(oldestFirst);
  const preps = new Set(sorted.filter((note) => note.kind === 'prep').map((note) => note.id));
  // Each prep's debriefs, oldest first, found in one pass: a search of every note for every prep
  // was quadratic, a visible part of an account of a customer with a thousand meetings.
  const debriefsOf = new Map<string, AccountNote[]>();
  for (const note of sorted) {
    if (note.kind !== 'debrief' || note.prep === undefined) continue;
    const list = debriefsOf.get(note.prep);
    if (list === undefined) debriefsOf.set(note.prep, [note]);
    else list.push(note);
  }
  const meetings: Meeting[] = [];
  for (const note of sorted) {
    if (note.kind === 'debrief' && note.prep !== undefined && preps.has(note.prep)) continue;
    const debriefs = note.kind === 'prep' ? (debriefsOf.get(note.id) ?? []) : [note];
    const remembered = noneRemembered();
    for (const part of note.kind === 'prep' ? [note, ...debriefs] : debriefs) remember(remembered, part.remembered);
    meetings.push({
      date: note.date,
      title: note.title ?? debriefs.find((debrief) => debrief.title !== undefined)?.title,
      playbook: note.playbook,
      prep: note.kind === 'prep' ? note.id : undefined,
      debriefs: debriefs.map((debrief) => debrief.id),
      readiness: note.kind === 'prep' ? note.scores.map(scoreLine) : [],
      reflection: debriefs.flatMap((debrief) => debrief.scores.map(scoreLine)),
      remembered,
      followUps: debriefs.flatMap(openOf),
    });
  }
  return meetings;
}

/** What the next prep for the customer opens with. */
export interface LastTime {
  customer: string;
  /** The note it remembers: the latest debrief, else the latest prep. */
  from: { id: string; kind: Phase; date: string; title?: string | undefined };
  remembered: RememberedLines;
  /** Every follow-up of the customer still open, oldest note first. */
  followUps: OpenFollowUp[];
  /** The newest answer to each `carry` question among the preps, offered as defaults; and which prep each is from. */
  answers: Answers;
  answersFrom: Record<string, string>;
  /** The day (YYYY-MM-DD, the user's own) it was recalled on: a follow-up due before it is overdue. */
  today: string;
}

export function lastTimeOf(customer: string, notes: readonly AccountNote[], today: string): LastTime | undefined {
  const saved = [...notes].sort(bySaving);
  const debrief = saved.filter((note) => note.kind === 'debrief').at(-1);
  const preps = saved.filter((note) => note.kind === 'prep');
  const from = debrief ?? preps.at(-1);
  if (from === undefined) return undefined;
  // A prep with another playbook, or one left blank, does not hide an older answer.
  const answers = emptyAnswers();
  const answersFrom: Record<string, string> = {};
  for (const prep of preps) {
    for (const [id, value] of Object.entries(prep.carried)) {
      answers[id] = value;
      answersFrom[id] = prep.id;
    }
  }
  return {
    customer,
    from: { id: from.id, kind: from.kind, date: from.date, title: from.title },
    remembered: from.remembered,
    followUps: [...notes].sort(oldestFirst).flatMap(openOf),
    answers,
    answersFrom,
    today,
  };
}
