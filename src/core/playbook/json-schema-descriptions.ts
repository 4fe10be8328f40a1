/**
 * The hover text an editor shows for each field of a playbook. Kept beside the JSON Schema
 * generator, which fails if a field described here disappears from the zod schema.
 */
/** The schema's named definitions (json-schema.ts), and the playbook itself. */
export type DefinitionName = 'Walk' | 'Step' | 'Question' | 'Check' | 'Condition' | 'Counted' | 'Flag' | 'PerEntry' | 'Score' | 'Band' | 'Card' | 'Playbook';

type Descriptions = { $self: string } & Record<string, string>;

/** A condition's own fields, described once: a score's `count` item is a condition with `missing`. */
const CONDITION_FIELDS: Record<string, string> = {
  answer: 'The id of the question whose answer is tested; it must be asked before the condition is read.',
  equals: 'Holds when the answer is exactly this (true/false for a confirm question).',
  in: 'Holds when the answer is one of these.',
  includes: 'Holds when a multi or list answer contains this entry, or a text answer contains this text (ignoring case).',
  gte: 'Holds when a number is at least this, or a list or multi answer has at least this many entries.',
  lte: 'Holds when a number is at most this, or a list or multi answer has at most this many entries.',
  answered: 'true: holds when the question was answered; false: when it was skipped or left blank.',
  all: 'Holds when every one of these conditions holds.',
  any: 'Holds when at least one of these conditions holds.',
  not: 'Holds when this condition does not.',
};

export const FIELD_DESCRIPTIONS: Record<DefinitionName, Descriptions> = {
  Playbook: {
    $self: 'A coach playbook: a method for one kind of customer meeting, walked before it (prep) and after it (debrief).',
    $schema: 'The JSON Schema of the format; a `# yaml-language-server: $schema=...` comment on the first line does the same for editors.',
    id: 'The playbook id, kebab-case (lower-case letters, digits, single dashes). Name the file `<id>.yaml`; it is what `coach prep <id>` takes.',
    title: 'The name shown in `coach playbooks`, the playbook picker and every note.',
    summary: 'One sentence: what the playbook helps with.',
    when_to_use: 'When to pick this playbook rather than another; shown by `coach playbooks` and the picker.',
    source: 'Where the method comes from (a book, an article, a colleague); written into every note.',
    tags: 'Free words for finding the playbook.',
    prep: 'The walk before the meeting (`coach prep`).',
    debrief: 'The walk after the meeting (`coach debrief`). Text may use `{{prep.<id>}}` for the prep answers.',
    card: 'What `coach card` prints to take into the meeting: the key questions with your answers, and the reminders.',
  },
  Walk: {
    $self: 'One phase of a playbook: steps of questions, then flags and scores computed from the answers.',
    intro: 'Markdown shown before the first step and at the top of the note.',
    steps: 'The steps, asked in order. Each step has a title, optional guidance and its questions.',
    flags: 'Coaching notes raised when their condition holds on the answers.',
    scores: 'Numbers computed from the answers (readiness, for example), each read against bands.',
  },
  Step: {
    $self: 'A group of questions under one heading, with optional guidance.',
    id: 'The step id: starts with a lower-case letter, then a-z, 0-9, "-" or "_". Unique in the walk.',
    title: 'The heading shown for the step and in the note.',
    guidance: 'Markdown shown before the questions: what to think about in this step. May use `{{id}}` for earlier answers.',
    when: 'Show the step only when this condition holds on the answers given so far.',
    questions: 'The questions of the step, asked in order.',
  },
  Question: {
    $self: 'One question. Its answer is recorded under its id and can be used by later conditions, flags, scores and `{{id}}`.',
    id: 'The question id: starts with a lower-case letter, then a-z, 0-9, "-" or "_". Unique in the playbook; not customer, title or date.',
    type: [
      'What kind of answer:',
      'text (one line), long (several lines or an editor), confirm (yes/no), select (one of `choices`),',
      'multi (several of `choices`), number (optionally `min`/`max`), scale (a whole number from `min` to `max`, default 1 to 5),',
      'list (several lines, one entry each), date (YYYY-MM-DD).',
    ].join(' '),
    prompt: 'The question as asked. May use `{{id}}` for earlier answers.',
    why: 'Why the question matters; shown under the prompt. May use `{{id}}`.',
    required: 'Whether an answer is needed (default true). An optional question may be left blank.',
    default: 'The answer used when none is given; it must be a valid answer to the question.',
    choices: 'For select and multi: each a value, or `{ value, label }` to show a longer label.',
    min: 'For number and scale: the smallest answer allowed (scale default 1).',
    max: 'For number and scale: the largest answer allowed (scale default 5). A number summed by a score needs one.',
    placeholder: 'An example answer. Accepted, but not yet shown by the prompts.',
    entries: 'For a list: `next-steps` makes each entry a next step, `what - who - by when` (the date as YYYY-MM-DD or as said, e.g. next friday), written into a debrief as a follow-up with its owner and due date.',
    carry: 'For text, long and select in a prep: an answer that rarely changes with one customer (their role, the account\'s background). The next prep for that customer offers the last answer as the default at the prompt; it is never filled in without asking.',
    remember: 'What the answer is to the account: `outcome` (how the meeting came out), `agreed`, `lesson` or `feeling` (how they felt). `coach account` lists these answers, and the next prep for the customer opens with them under "From last time".',
    when: 'Ask the question only when this condition holds on the answers given so far.',
    checks: 'For text and long: checks on the words of the answer, each with a coaching message and a better way to say it.',
  },
  Check: {
    $self: 'A check on the words of an answer: raised when its `phrases` or its `detector` find something, or, with `missing` instead, when none of those phrases is there.',
    id: 'An optional name for the check.',
    phrases: 'Raise the check when any of these appears: whole words, any case, simple inflections (blame: blamed, blaming). `<word>` is any one word, `<number>` a number, `<name>` a capitalised name.',
    missing: 'Raise the check when none of these appears (a plan with no date, no owner). Same syntax as `phrases`.',
    detector: 'Raise the check when this linguistic detector finds something: passive (passive voice: "mistakes were made"), hedge (maybe, perhaps, hopefully, I think).',
    unless: 'Stay quiet when any of these phrases appears in the answer.',
    message: 'What the user is told about their words.',
    better: 'A better way to say it.',
  },
  Condition: {
    $self: [
      'A condition on earlier answers: `answer` with one or more tests that must all hold,',
      'or exactly one of `all`, `any`, `not`. Used by `when` and by score `count`.',
    ].join(' '),
    ...CONDITION_FIELDS,
  },
  Counted: {
    $self: 'An item of a `count` score: a condition, with `missing`, the words the score shows when it does not hold.',
    ...CONDITION_FIELDS,
    missing: 'What the score says is missing when this item does not hold, in a few words: "no owner for the fix".',
  },
  Flag: {
    $self: 'A coaching note raised when its condition holds: shown during the walk and written into the note.',
    id: 'An optional id for the flag, unique in the walk.',
    when: 'Raise the flag when this condition holds on the answers of the walk.',
    level: 'How serious: tip (worth knowing), warn (watch out), stop (deal with it before going on).',
    message: 'What the user is told. May use `{{id}}` for answers.',
    actions: 'Things to do, written as a checklist in the note. Each may use `{{id}}`; `{ text, per_entry }` makes one line per entry of a list answer.',
    ready_despite: 'For warn and stop: why the top verdict of a score may stand while this flag is open (it describes the situation, not a gap in the preparation). Without it, an open warn or stop keeps every score of the walk one band below its top.',
    before_meeting: 'true when the actions make sense only before the meeting (book a room, ask for the meeting): a prep\'s debrief does not bring them back as follow-ups.',
  },
  PerEntry: {
    $self: 'An action written once for each entry of a list answer, so each entry is its own checkbox and its own follow-up.',
    text: 'The action; `{{id}}` of the `per_entry` list reads the one entry.',
    per_entry: 'The id of a list question of this walk: one action is written for each of its entries (none when it is empty).',
  },
  Score: {
    $self: 'A number computed from the answers and read against bands. Give exactly one of `count`, `sum`, `selected`.',
    id: 'The score id, unique in the walk.',
    title: 'The name shown beside the score.',
    count: 'Counts how many of these conditions hold. Each may carry `missing`: the few words shown when it does not hold.',
    sum: 'Adds the answers of these number, scale and confirm (yes = 1) questions.',
    selected: 'Counts how many choices of this multi question were picked.',
    missing: 'For `sum` (keyed by question id) and `selected` (keyed by choice value): the few words shown when that part falls short. Without them the prompt or the choice label is shown.',
    when: 'Show the score only when this condition holds (for example, only on the branch it measures).',
    bands: 'Verdicts by value: the band with the highest `min` the score reaches applies. One must start at 0 or below.',
    held: 'The verdict (and advice) shown instead of the top band while a warn or stop flag without `ready_despite` is open. Without it the band below the top is shown. Use it when that band would not be true at a full score.',
  },
  Card: {
    $self: 'The meeting card: one screen or one printed page to carry into the meeting.',
    questions: 'Prep question ids; the card shows each prompt with the answer given in the prep.',
    reminders: "The method's short rules, printed as written.",
  },
  Band: {
    $self: 'A verdict for scores from `min` up to the next band.',
    min: 'The lowest score that gets this verdict.',
    verdict: 'A few words: Ready, Nearly ready, Not ready yet.',
    advice: 'One sentence on what to do with this result.',
  },
};
