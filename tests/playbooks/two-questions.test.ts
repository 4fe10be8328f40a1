import { describe, expect, it } from 'vitest';
import { noteFromWalk } from '../../src/core/note/note.js';
import { renderMarkdown } from '../../src/core/note/render-markdown.js';
import { shippedPlaybook, walkWith, checksOn } from '../helpers/playbooks.js';
import { describeScenarios, type Scenario } from './scenarios.js';

const playbook = shippedPlaybook('two-questions');
const CREATED = new Date('2026-11-22T09:30:00Z');

/** A print customer, frustrated by a mid-year price rise, at their renewal meeting. */
const prep = {
  customer: 'Northgate Print',
  title: 'Contract renewal after the price rise',
  date: '2026-11-24',
  need: 'A straight answer on whether the March price rise applies to their contract, and what it costs them this year',
  need_shift_signs: ['They bring their finance director into the room', 'They start asking about notice periods'],
  state: 'frustrated',
  signals: ['Short, one-line emails since the invoice went out', 'Copied their finance director on the last reply'],
  helpful: 'Let them get the invoice shock off their chest, then show exactly what the rise means for their volumes',
  mode: 'listening',
  options_when_soft:
    'Three options: absorb the rise with a two-year term, phase it in over six months, or move two product lines to the standard tier',
  empathy_line: 'An unplanned 8% rise in the middle of your budget year puts you in an awkward spot with your own finance team.',
  agree_points: ['We announced the rise with too little notice', 'Our letter did not say what it meant for their contract'],
  reassurance: "There is a way to keep this year's spend flat - I have three options to show you.",
  time_cleared: 'yes',
  on_paper: 'yes',
};

const prepScenarios: Scenario[] = [
  {
    name: 'frustrated customer, leading with listening: ready',
    answers: prep,
    asked: ['options_when_soft', 'empathy_line', 'agree_points'],
    flags: [],
    scores: { readiness: '5/5 Ready' },
  },
  {
    name: 'angry customer, planning to advise, calendar full, nothing on paper, no signals yet',
    answers: { ...prep, state: 'angry', mode: 'advising', time_cleared: 'no', on_paper: 'no', signals: undefined },
    asked: ['empathy_line', 'agree_points'],
    flags: ['angry-customer', 'upset-and-advising', 'no-time', 'not-on-paper'],
    actions: {
      'angry-customer': [
        'Let them vent without interrupting or correcting',
        `Have your specific empathetic statement ready: ${prep.empathy_line}`,
        // One checkbox per point to agree with.
        'Agree with what you honestly can before discussing anything else: We announced the rise with too little notice',
        'Agree with what you honestly can before discussing anything else: Our letter did not say what it meant for their contract',
      ],
    },
    scores: { readiness: '1/5 Not ready yet' },
  },
  {
    name: 'worried customer, coaching: map the steps when they are ready',
    answers: { ...prep, state: 'worried', mode: 'coaching' },
    asked: ['options_when_soft', 'empathy_line'],
    skipped: ['agree_points'],
    flags: ['give-clarity'],
    actions: { 'give-clarity': [`When they are ready, map the steps and options: ${prep.options_when_soft}`] },
    scores: { readiness: '5/5 Ready' },
  },
  {
    name: 'calm routine meeting with no sign decided for a changing need',
    answers: { ...prep, state: 'calm', mode: 'advising', need_shift_signs: undefined },
    skipped: ['options_when_soft', 'empathy_line', 'agree_points'],
    flags: ['no-shift-signs', 'calm-meeting'],
    scores: { readiness: '4/5 Nearly ready' },
  },
];

const debrief = {
  agreed: ['The March rise applies from their next invoice', 'A price review at the half year'],
  next_steps: ['Send the options on one page - me - 2026-11-25', 'Confirm the half-year review date - Their finance director - 2026-12-04'],
    customer: prep.customer,
  title: prep.title,
  date: prep.date,
  need_met: 'yes',
  helpful_met: 'yes',
  signals_read: [
    'Arms folded for the first ten minutes',
    'Finance director stopped taking notes once the options were on the table',
    'Asked for the options in writing',
  ],
  mode_used: 'listening',
  left_feeling: 'relieved',
  adjustment: 'Bring the options on one printed page - they wanted something to take to their finance director.',
};

const debriefScenarios: Scenario[] = [
  {
    name: 'both questions answered and they left relieved',
    answers: debrief,
    skipped: ['actual_need', 'helpful_gap'],
    flags: ['good-meeting'],
    scores: { reflection: '3/3 Strong meeting' },
  },
  {
    name: 'need and help both missed, they left angry, no signals noticed',
    answers: {
      ...debrief,
      need_met: 'no',
      actual_need: 'Proof that we will not raise prices again before the contract ends',
      helpful_met: 'no',
      helpful_gap: 'To be heard about the notice period before I showed any numbers',
      signals_read: undefined,
      left_feeling: 'angry',
    },
    asked: ['actual_need', 'helpful_gap'],
    flags: ['left-upset', 'need-missed', 'not-helpful', 'no-signals-read'],
    actions: {
      'left-upset': ['Call or write within 24 hours to acknowledge how they felt', 'Reassure them there is a solution and say what happens next'],
      'need-missed': ['Confirm their real need with them: Proof that we will not raise prices again before the contract ends'],
      'not-helpful': ['Next time, start with what they needed emotionally: To be heard about the notice period before I showed any numbers'],
    },
    scores: { reflection: '0/3 Rough meeting' },
  },
  {
    name: 'partly on both counts, but they left positive',
    answers: {
      ...debrief,
      need_met: 'partly',
      actual_need: 'A price guarantee, not just this year',
      helpful_met: 'partly',
      helpful_gap: 'A specific empathetic statement earlier',
      left_feeling: 'positive',
    },
    asked: ['actual_need', 'helpful_gap'],
    flags: [],
    scores: { reflection: '1/3 Rough meeting' },
  },
];

const prepAnswers = (await walkWith(playbook, prep)).answers;

describeScenarios('two-questions prep', playbook, 'prep', prepScenarios);

// The next steps left out: the debrief says a meeting without a next step drifts.
const [firstDebrief] = debriefScenarios;
if (firstDebrief) {
  debriefScenarios.push({ ...firstDebrief, name: 'no next step agreed', answers: { ...firstDebrief.answers, next_steps: [] }, flags: ['no-next-step', ...firstDebrief.flags], scores: { reflection: '3/3 Good' } });
}

describeScenarios('two-questions debrief', playbook, 'debrief', debriefScenarios, prepAnswers);

describe('two-questions debrief', () => {

  it('holds both answers from the prep up against the meeting', async () => {
    const walk = await walkWith(playbook, debrief, { phase: 'debrief', prepAnswers });
    const [first, second] = walk.events.flatMap((event) => (event.type === 'step' && event.number > 0 ? [event.guidance ?? ''] : []));
    expect(first).toContain(`Before the meeting you wrote that they needed: ${prep.need}`);
    expect(first).toContain(`You planned to help by: ${prep.helpful}`);
    expect(second).toContain('You expected them to arrive frustrated, and planned to lead with listening.');
  });
});

describe('two-questions golden notes', () => {
  it('renders the prep and the debrief a user gets', async () => {
    const prepWalk = await walkWith(playbook, prep);
    await expect(renderMarkdown(noteFromWalk(playbook, 'prep', prepWalk, CREATED), playbook, { findings: await checksOn(playbook, 'prep', prepWalk.answers) })).toMatchFileSnapshot('../golden/two-questions-prep.md');
    const debriefAnswers = { ...debrief, helpful_met: 'partly', helpful_gap: 'An empathetic line about the notice period before any numbers' };
    const debriefWalk = await walkWith(playbook, debriefAnswers, { phase: 'debrief', prepAnswers: prepWalk.answers });
    await expect(
      renderMarkdown(noteFromWalk(playbook, 'debrief', debriefWalk, CREATED), playbook, { prepAnswers: prepWalk.answers, findings: await checksOn(playbook, 'debrief', debriefWalk.answers) }),
    ).toMatchFileSnapshot('../golden/two-questions-debrief.md');
  });
});
