import { describe, expect, it } from 'vitest';
import { noteFromWalk } from '../../src/core/note/note.js';
import { renderMarkdown } from '../../src/core/note/render-markdown.js';
import { shippedPlaybook, walkWith, checksOn } from '../helpers/playbooks.js';
import { describeScenarios, type Scenario } from './scenarios.js';

const playbook = shippedPlaybook('listen-to-understand');
const CREATED = new Date('2026-11-22T09:30:00Z');

/** The owner of a reseller, livid about the answers he got on a new sensor. */
const prep = {
  customer: 'Kestrel Automation',
  title: 'Call back Ray Donovan about the new sensor',
  date: '2026-11-23',
  complaint:
    'Ray says our application engineer gave him wrong specs for the new vibration sensor, and our regional manager told him to do his homework before pitching it.',
  anger: '5',
  // opening_question and something_else_line keep the method's own wording (their defaults).
  tempted_to_defend: ['The spec he quotes is from the old datasheet', 'Our regional manager was right that he had not researched the market'],
  why_question: 'Can you tell me what you were putting together when you asked those questions?',
  unexplored: [
    'What the food plants he spoke to use today',
    'What else they need from condition monitoring',
    'How much risk they will take with a new supplier',
  ],
  pressures: 'He may have promised a food-plant customer a demo that he cannot now deliver',
  cannot_fix: 'yes',
  route_to: "Hannah Cole, applications team lead - I'll introduce them by email straight after the call",
  internal_followup: ['Hannah Cole, applications team lead', 'Luis Ortega, regional sales manager'],
  know_solution: 'yes',
  patience_plan: 'Write the answer on my pad and keep asking "what else?" until he has nothing to add',
  time_cleared: 'yes',
};

const prepScenarios: Scenario[] = [
  {
    name: 'a livid customer, a solution already in mind, and a part to route elsewhere',
    answers: prep,
    asked: ['route_to', 'patience_plan', 'opening_question', 'something_else_line'],
    flags: ['livid', 'being-right', 'premature-elaboration', 'route-and-follow-up'],
    actions: {
      livid: [
        'Open with: What happened that made you so unhappy?',
        'Ask them to explain further at least twice before you say anything about a solution',
      ],
      'premature-elaboration': [`Hold it: ${prep.patience_plan}`, 'Before offering anything, ask whether there is anything else'],
      'route-and-follow-up': [
        `Tell them who handles it: ${prep.route_to}`,
        // One checkbox per person to brief, each its own follow-up.
        'Brief internally: Hannah Cole, applications team lead',
        'Brief internally: Luis Ortega, regional sales manager',
      ],
    },
    // Ready on the numbers, but the answer already in mind is an open watch-out: one band down.
    scores: { listening: '4/4 Nearly ready' },
  },
  {
    name: 'annoyed rather than livid, nothing to route, no answer in mind, but no time set aside',
    answers: { ...prep, anger: '3', tempted_to_defend: undefined, cannot_fix: 'no', know_solution: 'no', time_cleared: 'no' },
    skipped: ['route_to', 'patience_plan'],
    flags: ['rushed'],
    scores: { listening: '2/4 Nearly ready' },
  },
  {
    name: 'unprepared: one thing to probe, no thought for what is unsaid, no time',
    answers: {
      ...prep,
      anger: '1',
      tempted_to_defend: undefined,
      unexplored: ['What the food plants use today'],
      pressures: undefined,
      cannot_fix: 'no',
      know_solution: 'no',
      time_cleared: 'no',
    },
    flags: ['rushed'],
    scores: { listening: '0/4 Not ready' },
  },
];

const debrief = {
  agreed: ['We route the billing error to finance today'],
  next_steps: ['Call him back with the corrected invoice - me - 2026-11-25'],
    customer: prep.customer,
  title: prep.title,
  date: prep.date,
  let_finish: 'yes',
  being_right: 'held',
  real_source:
    'He had pitched the sensor to two food plants without asking what they use today or how much risk they accept, and they turned him down flat.',
  same_as_opening: 'no',
  asked_something_else: 'yes',
  unsaid_found: 'Two of his own customers had complained about late deliveries that week and he did not know how to answer them.',
  followups: [
    'Hannah Cole calls Ray by Wednesday about the spec and the engineer',
    'I brief Luis Ortega today on the advice I gave Ray',
    'I send Ray three questions to ask the food plants, by Tuesday',
  ],
  customer_after: 'satisfied',
};

const debriefScenarios: Scenario[] = [
  {
    name: 'let him finish, found the real source and the unsaid pressure',
    answers: debrief,
    asked: ['unsaid_found'],
    skipped: ['jumped_in'],
    flags: ['deeper-source', 'track-followups'],
    actions: {
      'deeper-source': [`Aim the follow-up at the real source: ${debrief.real_source}`],
      'track-followups': debrief.followups.map((followup) => `Track: ${followup}`),
    },
    scores: { listened: '5/5 Listened to understand' },
  },
  {
    name: 'jumped in with the fix, argued the spec, and left him angrier',
    answers: {
      ...debrief,
      let_finish: 'no',
      jumped_in: 'Told him the spec was from the old datasheet two minutes in',
      being_right: 'acted',
      same_as_opening: 'yes',
      asked_something_else: 'no',
      customer_after: 'worse',
    },
    asked: ['jumped_in'],
    skipped: ['unsaid_found'],
    flags: ['interrupted', 'acted-on-being-right', 'unsaid-not-asked', 'worse', 'track-followups'],
    scores: { listened: '1/5 Listened to reply' },
  },
  {
    name: 'mostly let him finish; calmer, nothing more came out',
    answers: {
      ...debrief,
      let_finish: 'mostly',
      jumped_in: 'Offered the new datasheet before he had finished',
      being_right: 'no-urge',
      same_as_opening: 'yes',
      unsaid_found: undefined,
      customer_after: 'calmer',
    },
    asked: ['jumped_in', 'unsaid_found'],
    flags: ['track-followups'],
    scores: { listened: '4/5 Partly' },
  },
];

const prepAnswers = (await walkWith(playbook, prep)).answers;

describeScenarios('listen-to-understand prep', playbook, 'prep', prepScenarios);

// The next steps left out: the debrief says a meeting without a next step drifts.
const [firstDebrief] = debriefScenarios;
if (firstDebrief) {
  debriefScenarios.push({ ...firstDebrief, name: 'no next step agreed', answers: { ...firstDebrief.answers, next_steps: [] }, flags: ['no-next-step', ...firstDebrief.flags], scores: { listened: '5/5 Partly' } });
}

describeScenarios('listen-to-understand debrief', playbook, 'debrief', debriefScenarios, prepAnswers);

describe('listen-to-understand debrief', () => {

  it('compares the follow-ups with whom you planned to brief', async () => {
    const walk = await walkWith(playbook, debrief, { phase: 'debrief', prepAnswers });
    const guidance = walk.events.flatMap((event) => (event.type === 'step' ? [event.guidance ?? ''] : []));
    expect(guidance).toContain('You planned to brief: Hannah Cole, applications team lead, Luis Ortega, regional sales manager');
  });
});

describe('listen-to-understand golden notes', () => {
  it('renders the prep and the debrief a user gets', async () => {
    const prepWalk = await walkWith(playbook, prep);
    await expect(renderMarkdown(noteFromWalk(playbook, 'prep', prepWalk, CREATED), playbook, { findings: await checksOn(playbook, 'prep', prepWalk.answers) })).toMatchFileSnapshot(
      '../golden/listen-to-understand-prep.md',
    );
    const debriefWalk = await walkWith(playbook, debrief, { phase: 'debrief', prepAnswers: prepWalk.answers });
    await expect(
      renderMarkdown(noteFromWalk(playbook, 'debrief', debriefWalk, CREATED), playbook, { prepAnswers: prepWalk.answers, findings: await checksOn(playbook, 'debrief', debriefWalk.answers) }),
    ).toMatchFileSnapshot('../golden/listen-to-understand-debrief.md');
  });
});
