import { describe, expect, it } from 'vitest';
import { noteFromWalk } from '../../src/core/note/note.js';
import { renderMarkdown } from '../../src/core/note/render-markdown.js';
import { shippedPlaybook, walkWith, checksOn } from '../helpers/playbooks.js';
import { describeScenarios, type Scenario } from './scenarios.js';

const playbook = shippedPlaybook('customer-is-wrong');
const CREATED = new Date('2026-11-22T09:30:00Z');

/** A dental group that wants to switch 40 clinics to new booking software in one weekend. */
const prep = {
  customer: 'Brightwater Dental Group',
  title: 'Roll-out plan with the operations director',
  date: '2026-11-25',
  request: 'Switch all 40 clinics to our booking software over one weekend in January, with no pilot.',
  concern:
    'Their receptionists have never used it, and with no pilot any data-migration problem hits every clinic on the same Monday morning.',
  certainty: '4',
  opening: 'Can you walk me through how you arrived at a single weekend in January?',
  audience: 'alone',
  led_there: ['What makes January the date?', 'How did the last system roll-out go for you?', 'Who is asking for a single switch-over?'],
  outcome_wanted: 'Every clinic on one system before the financial year ends, without running two systems side by side.',
  we_might_be_wrong: 'Their clinics run identical processes and their old data is clean - then a pilot adds cost and little safety.',
  cautionary_example:
    'Lakeside Vets moved 25 practices in one weekend last year; migration errors double-booked their Mondays for a week.',
  recovery_example:
    'Orchard Physio planned the same single weekend, switched to three pilot clinics for two weeks, and still had all 30 sites live before their deadline.',
  verifiable: 'yes',
  preferences: ['Everyone live before the financial year ends', 'No long period of running two systems', 'Go-live at weekends only'],
  non_negotiable: ['A test migration of their real data before any clinic goes live'],
  recommendation:
    'Pilot in three clinics for two weeks from 4 January, then move the other 37 over two weekends - every clinic live by 31 January.',
  stance: 'blend',
  value_reduced: 'yes',
  value_added: 'Our trainer on site at each pilot clinic on its first Monday, and a daily 15-minute check-in call during the roll-out, at no charge.',
};

const prepScenarios: Scenario[] = [
  {
    name: 'a blended recommendation, with value added where the pilot takes some away',
    answers: prep,
    asked: ['value_added'],
    skipped: ['proof_plan', 'theirs_reason', 'ours_flex'],
    flags: ['value-to-add'],
    actions: { 'value-to-add': [`Offer: ${prep.value_added}`] },
    scores: { 'five-ways': '5/5 Ready' },
  },
  {
    name: 'certain, in front of their boss, with examples they cannot check',
    answers: {
      ...prep,
      certainty: '5',
      audience: 'boss',
      verifiable: 'no',
      proof_plan: 'Ask Lakeside Vets whether their practice manager will take a call from Brightwater',
    },
    asked: ['proof_plan'],
    flags: ['very-sure', 'audience-present', 'unverifiable', 'value-to-add'],
    actions: {
      unverifiable: [
        'Find the evidence before the meeting: Ask Lakeside Vets whether their practice manager will take a call from Brightwater',
        'Leave out any example you cannot back up',
      ],
    },
    scores: { 'five-ways': '4/5 Nearly ready' },
  },
  {
    name: 'going along with their plan, nothing taken away',
    answers: {
      ...prep,
      stance: 'theirs',
      theirs_reason: 'Their data is clean and the clinics are identical; I will put the migration risk in the proposal.',
      value_reduced: 'no',
    },
    asked: ['theirs_reason'],
    skipped: ['ours_flex', 'value_added'],
    flags: ['following-blindly'],
    actions: {
      'following-blindly': [
        'Make the risk clear and write it down: Their data is clean and the clinics are identical; I will put the migration risk in the proposal.',
        'Agree a checkpoint where you will both look at the result',
      ],
    },
    scores: { 'five-ways': '4/5 Nearly ready' },
  },
  {
    name: 'our standard approach, in front of their team',
    answers: { ...prep, stance: 'ours', ours_flex: 'Let them choose the three pilot clinics', audience: 'team' },
    asked: ['ours_flex'],
    skipped: ['theirs_reason'],
    flags: ['audience-present', 'forcing-our-way', 'value-to-add'],
    actions: { 'forcing-our-way': ['Offer this change to meet them partway: Let them choose the three pilot clinics'] },
    scores: { 'five-ways': '4/5 Nearly ready' },
  },
  {
    name: 'sure of yourself: one question, no doubt, unverified examples, our way',
    answers: {
      ...prep,
      certainty: '5',
      led_there: ['Why January?'],
      we_might_be_wrong: undefined,
      verifiable: 'no',
      proof_plan: 'None yet',
      stance: 'ours',
      ours_flex: 'None',
    },
    flags: ['very-sure', 'no-doubt', 'unverifiable', 'forcing-our-way', 'value-to-add'],
    scores: { 'five-ways': '1/5 Not ready' },
  },
];

const debrief = {
  agreed: ['Pilot the blended plan at one site first'],
  next_steps: ['Write up the pilot plan and the risk - me - 2026-11-26'],
    customer: prep.customer,
  title: prep.title,
  date: prep.date,
  landed: 'blend',
  felt_wrong: 'no',
  real_reason: 'Their auditors want one booking system across the group before year end, and the last roll-out dragged on for nine months.',
  examples_landed: 'both',
  preferences_kept: ['All clinics live before year end', 'Weekend go-lives only'],
  extra_promised: 'Trainer on site at the three pilot clinics on 4 January; daily check-in calls through January',
  relationship_after: 'stronger',
  lesson: 'Ask about deadlines imposed by someone else (auditors, the board) in the first five minutes.',
};

const debriefScenarios: Scenario[] = [
  {
    name: 'a blend agreed, both examples landed, extra value promised',
    answers: debrief,
    skipped: ['our_wrong_assumption', 'risk_recorded', 'next_step'],
    flags: ['deliver-extra'],
    actions: { 'deliver-extra': [`Deliver: ${debrief.extra_promised}`] },
    scores: { 'five-ways-used': '5/5 Handled well' },
  },
  {
    name: 'it turned out they were right',
    answers: {
      ...debrief,
      landed: 'they-were-right',
      our_wrong_assumption: 'I assumed their data was messy; they had cleaned it last spring and showed me the audit.',
      extra_promised: undefined,
    },
    asked: ['our_wrong_assumption'],
    flags: ['they-were-right'],
    actions: {
      'they-were-right': ['Tell your team what you had wrong: I assumed their data was messy; they had cleaned it last spring and showed me the audit.'],
    },
    scores: { 'five-ways-used': '5/5 Handled well' },
  },
  {
    name: 'their plan, risk not written down, they felt made wrong and the relationship is strained',
    answers: {
      ...debrief,
      landed: 'their-plan',
      risk_recorded: 'no',
      felt_wrong: 'yes',
      real_reason: undefined,
      examples_landed: 'none',
      preferences_kept: undefined,
      extra_promised: undefined,
      relationship_after: 'strained',
    },
    asked: ['risk_recorded'],
    skipped: ['our_wrong_assumption', 'next_step'],
    flags: ['risk-not-recorded', 'reason-unknown', 'felt-made-wrong', 'strained'],
    scores: { 'five-ways-used': '0/5 Handled badly' },
  },
  {
    name: 'no agreement yet',
    answers: { ...debrief, landed: 'no-agreement', next_step: 'Joint call with their IT lead on 2 December to look at the data', felt_wrong: 'briefly', examples_landed: 'one' },
    asked: ['next_step'],
    flags: ['no-agreement', 'deliver-extra'],
    actions: { 'no-agreement': ['Next step: Joint call with their IT lead on 2 December to look at the data'] },
    scores: { 'five-ways-used': '4/5 Mostly handled' },
  },
];

const prepAnswers = (await walkWith(playbook, prep)).answers;

describeScenarios('customer-is-wrong prep', playbook, 'prep', prepScenarios);

// The next steps left out: the debrief says a meeting without a next step drifts.
const [firstDebrief] = debriefScenarios;
if (firstDebrief) {
  debriefScenarios.push({ ...firstDebrief, name: 'no next step agreed', answers: { ...firstDebrief.answers, next_steps: [] }, flags: ['no-next-step', ...firstDebrief.flags], scores: { 'five-ways-used': '5/5 Mostly handled' } });
}

describeScenarios('customer-is-wrong debrief', playbook, 'debrief', debriefScenarios, prepAnswers);

describe('customer-is-wrong debrief', () => {

  it('puts the request and your recommendation back in front of you', async () => {
    const walk = await walkWith(playbook, debrief, { phase: 'debrief', prepAnswers });
    const firstStep = walk.events.find((event) => event.type === 'step' && event.number === 1);
    expect(firstStep?.type === 'step' && firstStep.guidance).toBe(`They asked for: ${prep.request}\n\nYou recommended: ${prep.recommendation}`);
  });
});

describe('customer-is-wrong golden notes', () => {
  it('renders the prep and the debrief a user gets', async () => {
    const prepWalk = await walkWith(playbook, prep);
    await expect(renderMarkdown(noteFromWalk(playbook, 'prep', prepWalk, CREATED), playbook, { findings: await checksOn(playbook, 'prep', prepWalk.answers) })).toMatchFileSnapshot(
      '../golden/customer-is-wrong-prep.md',
    );
    const debriefWalk = await walkWith(playbook, debrief, { phase: 'debrief', prepAnswers: prepWalk.answers });
    await expect(
      renderMarkdown(noteFromWalk(playbook, 'debrief', debriefWalk, CREATED), playbook, { prepAnswers: prepWalk.answers, findings: await checksOn(playbook, 'debrief', debriefWalk.answers) }),
    ).toMatchFileSnapshot('../golden/customer-is-wrong-debrief.md');
  });
});
