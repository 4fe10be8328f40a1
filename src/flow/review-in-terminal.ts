/**
 * The review wired to a terminal session: the list is an Inquirer picker, a changed answer is
 * asked by the person, and the walk runs again through the session's own walk (so drafts keep
 * every change), showing a step only when it has a new question.
 */
import type { ChalkInstance } from 'chalk';
import type { Answers } from '../core/session/answers.js';
import type { MeetingContext } from '../core/session/context.js';
import type { Prompter } from '../core/session/prompter.js';
import type { Phase, Playbook } from '../core/playbook/schema.js';
import type { WalkEvent, WalkResult } from '../core/session/walk.js';
import type { Io } from '../io.js';
import { pickOne } from '../prompters/inquirer.js';
import { scriptedPrompter } from '../prompters/scripted.js';
import type { SessionView } from '../terminal/session-view.js';
import { terminalStreams } from '../terminal/terminal-streams.js';
import { reviewAnswers } from './review-answers.js';

export interface TerminalReview {
  playbook: Playbook;
  phase: Phase;
  today: string;
  context?: MeetingContext | undefined;
  prepAnswers?: Answers | undefined;
  chalk: ChalkInstance;
  view: SessionView;
  io: Io;
  /** The person at the terminal. */
  person: Prompter;
  /** The session's walk, with what it shows as events arrive. */
  walkWith: (asker: Prompter, show: (event: WalkEvent) => void) => Promise<WalkResult>;
}

export function reviewInTerminal(first: WalkResult, session: TerminalReview): Promise<WalkResult> {
  const { chalk, view, io, person } = session;
  const streams = terminalStreams(io);
  return reviewAnswers(first, {
    ...session,
    columns: io.stderr.columns ?? 80,
    // The list goes once a row is picked: the prompt that follows (or the summary) says what it was.
    pick: (message, choices, preselected) => pickOne(streams, chalk, message, choices, preselected, { clearWhenDone: true }),
    ask: async (question, previous) => person.ask({ question, step: { id: 'review', title: 'Review', number: 0, total: 0 }, previous }),
    rewalk: (answers, settledEmpty) => {
      let pendingStep: WalkEvent | undefined;
      const asker: Prompter = {
        ask: (request) => {
          if (pendingStep) view.onEvent(pendingStep);
          pendingStep = undefined;
          return person.ask(request);
        },
      };
      return session.walkWith(scriptedPrompter(answers, asker, settledEmpty), (event) => {
        if (event.type === 'step') pendingStep = event;
      });
    },
  });
}
