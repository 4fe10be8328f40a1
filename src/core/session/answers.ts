/** What a session records: question id to answer, in the order they were given. */
export type AnswerValue = string | number | boolean | string[];
export type Answers = Record<string, AnswerValue>;

/** How an answer reads in prose: in a prompt, a flag message or the note. */
export function formatAnswer(value: AnswerValue | undefined): string {
  if (value === undefined) return '(no answer)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** A record with no prototype, so keys such as `__proto__` from user data stay plain data. */
export function emptyAnswers(): Answers {
  return Object.create(null) as Answers;
}
