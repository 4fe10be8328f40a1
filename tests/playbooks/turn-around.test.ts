import { describe, expect, it } from 'vitest';
import { noteFromWalk } from '../../src/core/note/note.js';
import { renderMarkdown } from '../../src/core/note/render-markdown.js';
import { shippedPlaybook, walkWith, checksOn } from '../helpers/playbooks.js';
import { describeScenarios, type Scenario } from './scenarios.js';

const playbook = shippedPlaybook('turn-around');
const CREATED = new Date('2026-11-22T09:30:00Z');

/** The head of a council IT service desk, worn down by two rounds of cuts. */
const prep = {
  customer: 'Ridgeway Council',
  title: 'Service desk plans with Mark Ellis',
  date: '2026-11-27',
  negative_signs: [
    'Cancelled our last two meetings at short notice',
    'Answered the agenda email with "whatever works"',
    'Told our support engineer that nothing ever changes there',
  ],
  wearing_down: 'Two rounds of budget cuts; his team is down from nine analysts to six',
  meeting_aim: 'His plans for the service desk next year, and where our self-service portal could fit',
  stuck_signal: 'Two negative answers in a row about plans or priorities',
  steadiness: '4',
  curiosity: '4',
  silence_comfort: '4',
  // permission_line and achievement_question keep the method's own wording (their defaults).
  know_wins: 'yes',
  known_wins: ['Kept the desk running through the office move in March', 'Cut password-reset calls with the new sign-in process'],
  challenge_line: 'So in a whole year, with everything your team has been through, there is nothing at all you are proud of?',
  silence_plan: 'Put my pen down, sit back and count slowly to thirty',
  narrower_question: 'What went better than you expected during the office move?',
  follow_ups: ['Tell me more about that', 'How did you pull it off with six people?', 'What did it change for the staff who call you?'],
  complements: ['Self-service portal - builds on the password-reset work', 'Knowledge-base training for the six analysts'],
};

const prepScenarios: Scenario[] = [
  {
    name: 'steady, curious, knows two of his wins and keeps them back',
    answers: prep,
    asked: ['known_wins', 'permission_line', 'achievement_question'],
    skipped: ['find_wins'],
    flags: ['keep-wins-back'],
    actions: {
      'keep-wins-back': [
        'Only after a long silence, prompt with one of: Kept the desk running through the office move in March, Cut password-reset calls with the new sign-in process',
      ],
    },
    scores: { 'own-state': '12/15 Steady', groundwork: '3/3 Ready' },
  },
  {
    name: 'no known wins, uneasy with silence, only thinking of the sale',
    answers: {
      ...prep,
      know_wins: 'no',
      find_wins: 'The council intranet news page and our engineer who visits weekly',
      steadiness: '2',
      curiosity: '2',
      silence_comfort: '2',
      complements: undefined,
    },
    asked: ['find_wins'],
    skipped: ['known_wins'],
    flags: ['unsteady', 'sale-first', 'silence-hard', 'no-complements'],
    actions: {
      unsteady: [
        'Write at the top of your notes: What is the best question I can ask right now?',
        'Ask it as soon as you notice: Two negative answers in a row about plans or priorities',
      ],
      'silence-hard': [
        'Practise your plan: Put my pen down, sit back and count slowly to thirty',
        'After your challenge, count slowly to thirty before saying anything',
      ],
    },
    scores: { 'own-state': '6/15 Not steady yet', groundwork: '2/3 Partly ready' },
  },
  {
    name: 'shaky in places, no groundwork at all',
    answers: {
      ...prep,
      know_wins: 'no',
      steadiness: '3',
      curiosity: '3',
      silence_comfort: '3',
      follow_ups: ['Tell me more'],
      complements: undefined,
    },
    asked: ['find_wins'],
    flags: ['no-complements'],
    scores: { 'own-state': '9/15 Shaky in places', groundwork: '0/3 Not ready' },
  },
];

const debrief = {
  customer: prep.customer,
  title: prep.title,
  date: prep.date,
  asked_question: 'yes',
  first_answer: 'nothing',
  challenged: 'yes',
  after_silence: 'found',
  achievement: 'Kept all 3,000 staff working through the office move in March with no outage - he planned it for four months with his team.',
  told_more: 'yes',
  meeting_changed: 'transformed',
  changes_seen: ['Sat forward and started drawing the move plan on the whiteboard', 'Called in his deputy to tell the story', 'Started talking about next year'],
  opportunity: 'Use the self-service portal to take the move-style planning to the new-starter process, which floods the desk every September.',
  agreed: ['A second session with his deputy'],
  next_steps: ['Send a one-page outline - me - 2026-11-27', 'Book a session with his deputy - Mark - 2026-12-10'],
};

const debriefScenarios: Scenario[] = [
  {
    name: '"nothing", a gentle challenge, a long silence - then the office move',
    answers: debrief,
    asked: ['challenged', 'after_silence', 'achievement', 'told_more', 'changes_seen'],
    skipped: ['what_stopped'],
    flags: ['build-on-it'],
    actions: {
      'build-on-it': [`When you follow up, tie it to what they achieved: ${debrief.opportunity}`],
    },
    scores: { turn: '5/5 Turned round' },
  },
  {
    name: 'he named a win straight away but we moved on',
    answers: { ...debrief, first_answer: 'something', told_more: 'no', meeting_changed: 'somewhat', opportunity: undefined },
    asked: ['achievement', 'told_more'],
    skipped: ['challenged', 'after_silence'],
    flags: ['no-tell-more'],
    scores: { turn: '3/5 Partly turned' },
  },
  {
    name: '"nothing" accepted, still nothing, no change',
    answers: { ...debrief, challenged: 'no', after_silence: 'still-nothing', narrower_tried: 'no', meeting_changed: 'no', opportunity: undefined },
    asked: ['challenged', 'after_silence', 'narrower_tried'],
    skipped: ['narrower_found', 'achievement', 'told_more', 'changes_seen'],
    flags: ['not-challenged', 'still-nothing', 'no-change'],
    actions: { 'still-nothing': ['At the next meeting, ask the smaller question you prepared: What went better than you expected during the office move?'] },
    scores: { turn: '1/5 Did not turn' },
  },
  {
    name: 'still nothing after the silence, then the smaller question found it',
    answers: { ...debrief, after_silence: 'still-nothing', narrower_tried: 'yes', narrower_found: 'yes', meeting_changed: 'somewhat' },
    asked: ['narrower_tried', 'narrower_found', 'changes_seen'],
    skipped: ['achievement', 'told_more'],
    flags: ['build-on-it'],
    scores: { turn: '5/5 Turned round' },
  },
  {
    name: 'even the smaller question found nothing: let it rest for today',
    answers: { ...debrief, after_silence: 'still-nothing', narrower_tried: 'yes', narrower_found: 'no', meeting_changed: 'no', opportunity: undefined },
    asked: ['narrower_found'],
    flags: ['narrower-flat', 'no-change'],
    actions: { 'narrower-flat': ['Open the next meeting by asking what has gone well since you last spoke'] },
    scores: { turn: '2/5 Did not turn' },
  },
  {
    name: 'the question was never asked',
    answers: { ...debrief, asked_question: 'no', what_stopped: 'He kept checking his watch and I lost my nerve', meeting_changed: 'no', opportunity: undefined },
    asked: ['what_stopped'],
    skipped: ['first_answer', 'challenged', 'achievement'],
    flags: ['not-asked', 'no-change'],
    actions: {
      'not-asked': [
        'Rehearse the moment you planned for (Two negative answers in a row about plans or priorities): ask yourself what the best question is, then ask permission',
      ],
    },
    // Without the question the method never started: no score of how it went.
    scores: {},
  },
];

const prepAnswers = (await walkWith(playbook, prep)).answers;

describeScenarios('turn-around prep', playbook, 'prep', prepScenarios);

describe('turn-around prep defaults', () => {
  it("keeps the method's own questions when you do not reword them", () => {
    expect(prepAnswers['permission_line']).toBe('Do you mind if I ask a question?');
    expect(prepAnswers['achievement_question']).toMatch(/greatest achievement in the last twelve months/);
  });
});

describeScenarios('turn-around debrief', playbook, 'debrief', debriefScenarios, prepAnswers);

describe('turn-around golden notes', () => {
  it('renders the prep and the debrief a user gets', async () => {
    const prepWalk = await walkWith(playbook, prep);
    await expect(renderMarkdown(noteFromWalk(playbook, 'prep', prepWalk, CREATED), playbook, { findings: await checksOn(playbook, 'prep', prepWalk.answers) })).toMatchFileSnapshot('../golden/turn-around-prep.md');
    const debriefWalk = await walkWith(playbook, debrief, { phase: 'debrief', prepAnswers: prepWalk.answers });
    await expect(
      renderMarkdown(noteFromWalk(playbook, 'debrief', debriefWalk, CREATED), playbook, { prepAnswers: prepWalk.answers, findings: await checksOn(playbook, 'debrief', debriefWalk.answers) }),
    ).toMatchFileSnapshot('../golden/turn-around-debrief.md');
  });
});
