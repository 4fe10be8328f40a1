import { describe, expect, it } from 'vitest';
import { noteFromWalk } from '../../src/core/note/note.js';
import { renderMarkdown } from '../../src/core/note/render-markdown.js';
import { shippedPlaybook, walkWith, checksOn } from '../helpers/playbooks.js';
import { describeScenarios, type Scenario } from './scenarios.js';

const playbook = shippedPlaybook('take-the-stick');
const CREATED = new Date('2026-11-22T09:30:00Z');

/** A key account whose scanning system has been switched off for a month; management backs the fix. */
const prep = {
  customer: 'Harbour Logistics',
  title: 'Make-it-right meeting with the operations director',
  date: '2026-11-26',
  ingredients: ['background', 'executive-help', 'trust-model', 'take-the-stick', 'time', 'energy', 'empathy'],
  what_happened:
    'They bought our warehouse scanning system two years ago. It never worked reliably in their cold store. Their operations director raised tickets and called for months without a fix, and the system has been switched off for the past month. Her pickers are back on paper.',
  our_failures: [
    'Installed a system that was never set up for their cold-store scanners',
    'Left her support tickets open for months',
    'Did not return her calls or emails',
    'Let the system sit switched off for a month without anyone noticing',
  ],
  talked_to_ours: ['Priya Shah, support team lead', 'Tom Reed, previous account manager', 'Field engineering'],
  talked_to_theirs: ['Night-shift warehouse supervisor', 'Their IT manager'],
  rational: 'yes',
  position: 'Operations director; owns the warehouse budget and signs off every system purchase',
  peers_agree: 'yes',
  others_affected: [
    'Shift supervisors - back to paper picking',
    'IT manager - fielding complaints about our system',
    'Finance - paying for a system that is switched off',
  ],
  exec_sponsor: 'Dana Whitfield, VP Customer Operations',
  resources_needed: [
    'A field engineer on site for two weeks',
    'Cold-rated replacement scanners at our cost',
    'A service credit for the months it was down',
  ],
  management_commits: 'yes',
  meeting_purpose: 'To understand everything that went wrong and agree how we make it right - nothing else.',
  will_meet: 'yes',
  stick_statement:
    'We sold you a system that was never set up for your cold store. When it failed, you raised tickets and called us for months, and we neither fixed it nor called you back.\nFor the last month it has been switched off and your team is picking on paper. That is our failure, not yours.',
  cost_to_them: 'Four weeks of paper picking, overtime for her shift teams, and an awkward conversation with her CFO about a system she chose.',
  fix_plan:
    'A field engineer on site from Monday for two weeks; cold-rated scanners swapped in at our cost by 4 December; a service credit for every month it was down; a progress call every Friday until she signs it off.',
  fix_owner: 'Me, with Priya Shah owning the technical work',
  future_line:
    'Thank you for raising it - but until this is fixed to your complete satisfaction, we have not earned the right to talk about more business. Let us keep everything on getting your floor running.',
  future_raised: 'no',
  quota_pressure: 'no',
};

const prepScenarios: Scenario[] = [
  {
    name: 'management commits and their peers would back them: the full make-it-right plan',
    answers: prep,
    asked: ['others_affected', 'meeting_purpose', 'will_meet', 'stick_statement', 'fix_plan', 'future_line'],
    skipped: ['higher_allies', 'case_for_allies', 'their_manager', 'refusal_reason', 'company_signal', 'time_redirect'],
    flags: ['peers-agree'],
    actions: {
      'peers-agree': [
        'Put the size of the problem in front of senior management, with everyone affected (Shift supervisors - back to paper picking, IT manager - fielding complaints about our system, Finance - paying for a system that is switched off)',
        'Do not try to go round the customer - the people you reach will say the same',
      ],
    },
    scores: { ingredients: '7/7 All ingredients in place', recovery: '7/7 Ready to make it right' },
  },
  {
    name: 'their peers would not agree: rally the people above them',
    answers: {
      ...prep,
      peers_agree: 'no',
      higher_allies: ['Site general manager', 'Regional logistics director'],
      case_for_allies: 'Uptime reports from the other two sites, where the same system runs without complaint',
    },
    asked: ['higher_allies', 'case_for_allies'],
    skipped: ['others_affected'],
    flags: ['peers-disagree'],
    actions: {
      'peers-disagree': [
        // One checkbox per person to meet, each its own follow-up.
        'Meet the people higher up before the customer meeting: Site general manager',
        'Meet the people higher up before the customer meeting: Regional logistics director',
        'Bring evidence they can judge for themselves: Uptime reports from the other two sites, where the same system runs without complaint',
        'Still own what truly failed - winning the argument does not fix the system',
      ],
    },
    scores: { ingredients: '7/7 All ingredients in place', recovery: '7/7 Ready to make it right' },
  },
  {
    name: 'unsure whether their peers agree: plan as if they do, and find out',
    answers: { ...prep, peers_agree: 'unsure' },
    asked: ['others_affected'],
    skipped: ['higher_allies'],
    flags: ['peers-unsure'],
    // Everything is in place, but not knowing where their peers stand is an open watch-out.
    scores: { ingredients: '7/7 All in place - one thing first', recovery: '6/7 Plan in progress' },
  },
  {
    name: 'management will not commit: walk away, and the research advice falls silent',
    answers: {
      ...prep,
      management_commits: 'no',
      refusal_reason: 'No budget for field engineers until next financial year',
      company_signal: 'pattern',
      time_redirect: 'The three expansion deals in the north-west region',
    },
    asked: ['refusal_reason', 'company_signal', 'time_redirect'],
    skipped: ['meeting_purpose', 'will_meet', 'stick_statement', 'fix_plan', 'future_line', 'future_raised', 'quota_pressure'],
    flags: ['no-management-commitment', 'company-pattern'],
    actions: {
      'no-management-commitment': [
        'Stop investing selling time in this account; put it here instead: The three expansion deals in the north-west region',
        'Record who decided not to fund the fix, and why, in the account history',
        'Ask yourself honestly whether this company values customer service - this may be a sign of things to come',
      ],
    },
    // After the Stop there is no recovery to score: the walk is about stepping back.
    scores: {},
  },
  {
    name: 'review pending, no executive on side, and the customer refused to meet: go over her head',
    answers: {
      ...prep,
      ingredients: ['background', 'trust-model', 'take-the-stick', 'time', 'energy', 'empathy'],
      management_commits: 'pending',
      will_meet: 'no',
      their_manager: 'Graham Osei, COO - ask through our VP, who has met him',
    },
    asked: ['meeting_purpose', 'their_manager', 'stick_statement'],
    skipped: ['refusal_reason'],
    flags: ['commitment-pending', 'peers-agree', 'no-executive-help', 'refused-to-meet'],
    actions: {
      'commitment-pending': [
        'Book the review with Dana Whitfield, VP Customer Operations and bring the resource list: A field engineer on site for two weeks, Cold-rated replacement scanners at our cost, A service credit for the months it was down',
        'Ask for a yes or no on each resource, with a date',
      ],
      'refused-to-meet': [
        'Ask their manager for the meeting: Graham Osei, COO - ask through our VP, who has met him',
        'Say the meeting has one purpose only, to make it right',
      ],
    },
    scores: { ingredients: '6/7 Most ingredients in place', recovery: '5/7 Plan in progress' },
  },
  {
    name: 'thin preparation under pressure: irrational customer, one contact, business already on the table',
    answers: {
      ...prep,
      ingredients: ['background', 'trust-model', 'take-the-stick', 'empathy'],
      talked_to_theirs: ['Night-shift warehouse supervisor'],
      rational: 'no',
      future_raised: 'yes',
      quota_pressure: 'yes',
    },
    flags: ['peers-agree', 'not-rational', 'narrow-research', 'future-business-raised', 'quota-pressure'],
    actions: {
      'future-business-raised': [`Use your prepared line: ${prep.future_line}`, 'Do not quote, discount or promise anything beyond the fix'],
    },
    scores: { ingredients: '4/7 Most ingredients in place', recovery: '5/7 Plan in progress' },
  },
  {
    name: 'nobody at the customer consulted and no ingredients ticked',
    answers: { ...prep, ingredients: undefined, talked_to_theirs: undefined },
    flags: ['peers-agree', 'narrow-research'],
    scores: { ingredients: '0/7 Missing key ingredients', recovery: '6/7 Plan in progress' },
  },
];

const debrief = {
  agreed: ['A weekly status call until the fix is accepted'],
  next_steps: ['Send the resource plan - me - 2026-11-27', 'Name their acceptance tester - Customer - 2026-12-01'],
    customer: prep.customer,
  title: prep.title,
  date: prep.date,
  took_stick: 'yes',
  their_reaction: 'She stopped me halfway and said nobody had ever admitted it before. Then she added two failures I had not known about.',
  plan_accepted: 'changed',
  sold_anything: 'no',
  future_came_up: 'yes',
  declined_future: 'yes',
  trust_signals: ['agreed-problem', 'shared-more', 'accepted-plan', 'softer', 'next-meeting'],
  our_commitments: [
    'Engineer on site Monday 30 November',
    'Replacement scanners installed by 4 December',
    'Service credit confirmed in writing by Friday',
    'Progress call every Friday at 9:00',
  ],
  their_commitments: ['Night-shift supervisor available to test each evening', 'IT opens firewall access by Monday'],
  checkpoint: '2026-12-04',
};

const debriefScenarios: Scenario[] = [
  {
    name: 'took the stick and turned down the business she offered',
    answers: debrief,
    asked: ['declined_future'],
    skipped: ['plan_gap'],
    flags: ['future-declined', 'keep-commitments'],
    actions: {
      'keep-commitments': [
        'Track: Engineer on site Monday 30 November',
        'Track: Replacement scanners installed by 4 December',
        'Track: Service credit confirmed in writing by Friday',
        'Track: Progress call every Friday at 9:00',
        'Check in with them on 2026-12-04',
      ],
    },
    scores: { 'trust-signals': '5/6 Trust is coming back', method: '4/4 Recipe followed' },
  },
  {
    name: 'she had to tell us, rejected the plan, and we talked about the next order',
    answers: {
      ...debrief,
      took_stick: 'no',
      plan_accepted: 'no',
      plan_gap: 'A full refund option if the cold store is not running by Christmas',
      sold_anything: 'yes',
      declined_future: 'no',
      trust_signals: undefined,
    },
    asked: ['plan_gap', 'declined_future'],
    flags: ['stick-not-taken', 'plan-rejected', 'sold-too-early', 'future-not-declined', 'no-trust-signals', 'keep-commitments'],
    actions: {
      'plan-rejected': [
        'Take what they need back to senior management before you promise anything: A full refund option if the cold store is not running by Christmas',
        'Confirm the revised plan with them in writing',
      ],
      'future-not-declined': [`Say it next time: ${prep.future_line}`],
    },
    scores: { 'trust-signals': '0/6 No visible trust yet', method: '1/4 Recipe not followed' },
  },
  {
    name: 'management would not commit: no meeting to grade, only how you stepped back',
    prep: { management_commits: 'no', refusal_reason: 'No budget for field engineers this quarter' },
    answers: {
      customer: prep.customer,
      title: prep.title,
      date: prep.date,
      told_customer: 'not-yet',
      time_moved: 'The two renewals in the north region',
      own_position: 'look',
    },
    asked: ['told_customer', 'own_position'],
    skipped: ['took_stick', 'sold_anything', 'trust_signals'],
    flags: ['no-next-step', 'silent-exit', 'pattern-seen'],
    actions: {
      'pattern-seen': ["Note this account's story: what failed, what you asked for, and what management said (No budget for field engineers this quarter)"],
    },
    scores: {},
  },
  {
    name: 'future business never came up; the stick only partly taken',
    answers: { ...debrief, took_stick: 'partly', future_came_up: 'no', trust_signals: ['softer', 'next-meeting'] },
    skipped: ['declined_future', 'plan_gap'],
    flags: ['stick-not-taken', 'keep-commitments'],
    scores: { 'trust-signals': '2/6 A start', method: '3/4 Partly followed' },
  },
];

describeScenarios('take-the-stick prep', playbook, 'prep', prepScenarios);

/** The debrief reads the prep's answers, as `coach debrief` does after a saved prep. */
const prepAnswers = (await walkWith(playbook, prep)).answers;

// The next steps left out: the debrief says a meeting without a next step drifts.
const [firstDebrief] = debriefScenarios;
if (firstDebrief) {
  debriefScenarios.push({ ...firstDebrief, name: 'no next step agreed', answers: { ...firstDebrief.answers, next_steps: [] }, flags: ['no-next-step', ...firstDebrief.flags], scores: { 'trust-signals': '5/6 A start', method: '4/4 Recipe followed - not finished' } });
}

describeScenarios('take-the-stick debrief', playbook, 'debrief', debriefScenarios, prepAnswers);

describe('take-the-stick debrief', () => {

  it('reminds you of the statement and the line you prepared', async () => {
    const walk = await walkWith(playbook, debrief, { phase: 'debrief', prepAnswers });
    const guidance = walk.events.flatMap((event) => (event.type === 'step' ? [event.guidance ?? ''] : []));
    expect(guidance.join('\n')).toContain('That is our failure, not yours.');
    expect(guidance.join('\n')).toContain('we have not earned the right to talk about more business');
  });
});

describe('take-the-stick golden notes', () => {
  it('renders the prep and the debrief a user gets', async () => {
    // Quota pressure on, so the note shows a warning with its actions.
    const prepWalk = await walkWith(playbook, { ...prep, quota_pressure: 'yes' });
    const prepNote = renderMarkdown(noteFromWalk(playbook, 'prep', prepWalk, CREATED), playbook, { findings: await checksOn(playbook, 'prep', prepWalk.answers) });
    await expect(prepNote).toMatchFileSnapshot('../golden/take-the-stick-prep.md');

    const debriefWalk = await walkWith(playbook, debrief, { phase: 'debrief', prepAnswers: prepWalk.answers });
    const debriefNote = renderMarkdown(noteFromWalk(playbook, 'debrief', debriefWalk, CREATED), playbook, { prepAnswers: prepWalk.answers, findings: await checksOn(playbook, 'debrief', debriefWalk.answers) });
    await expect(debriefNote).toMatchFileSnapshot('../golden/take-the-stick-debrief.md');
  });
});
