/**
 * What a person sees on stderr while a session runs: step headers, guidance, flags as they fire,
 * and the closing summary. Everything from a playbook or an answer is sanitized first.
 */
import type { ChalkInstance } from 'chalk';
import type { CheckFinding } from '../core/check/check-answer.js';
import type { FiredFlag } from '../core/session/flags.js';
import { LEVEL_LABEL } from '../core/note/render-markdown.js';
import { lastTimeBlocks } from '../core/note/last-time-section.js';
import { gauge, scoreDetails, type ScoreResult } from '../core/session/scores.js';
import type { WalkEvent } from '../core/session/walk.js';
import { sanitizeForTerminal as safe } from './sanitize.js';
import { wrapAfter, wrapMarkdown, wrapText } from './wrap.js';

export interface SessionView {
  onEvent(event: WalkEvent): void;
  summary(flags: readonly FiredFlag[], scores: readonly ScoreResult[], findings?: readonly CheckFinding[]): void;
  line(text?: string): void;
  /** A label and what follows it, wrapped between words under the text ("Recommended: ..."). */
  labelled(label: string, text: string): void;
  title(title: string, source: string): void;
}

export function createSessionView(out: { write(text: string): unknown }, chalk: ChalkInstance, columns: number | undefined): SessionView {
  const width = Math.min(columns ?? 80, 100);
  const write = (text = ''): void => void out.write(`${text}\n`);
  const levelColour = { tip: chalk.cyan, warn: chalk.yellow, stop: chalk.red } as const;

  const flag = (fired: FiredFlag): void => {
    const label = levelColour[fired.level].bold(`${LEVEL_LABEL[fired.level]}:`);
    write(wrapText(`${label} ${safe(fired.message)}`, width, '  '));
    for (const action of fired.actions) write(wrapText(`[ ] ${safe(action)}`, width, '    '));
  };

  return {
    line: write,
    labelled: (label, text) => write(wrapAfter(`${label} `, text, width)),
    title(title, source) {
      write(chalk.bold(safe(title)));
      write(chalk.dim(wrapText(safe(source), width)));
    },
    onEvent(event) {
      if (event.type === 'step') {
        write();
        const where = event.number === 0 ? '' : `Step ${event.number} of ${event.total}${event.more ? ' or more' : ''} - `;
        // Wrapped between words, so a long title at 40 columns never breaks one in two.
        write(chalk.bold.underline(wrapText(`${where}${safe(event.title)}`, width)));
        if (event.guidance) write(wrapMarkdown(safe(event.guidance.trim()), width, '  '));
        write();
      } else if (event.type === 'flag') {
        flag(event.flag);
      } else if (event.type === 'last-time') {
        // Every word from a note is made safe before it is styled, so no escape code comes from one.
        const blocks = lastTimeBlocks(event.lastTime, { label: chalk.bold, aside: chalk.dim, text: (text) => safe(text).replace(/\s*\n\s*/g, ' ') });
        if (blocks.length === 0) return;
        write();
        write(chalk.bold(`From last time with ${safe(event.lastTime.customer)}`));
        for (const block of blocks) write(wrapText(block, width, '  '));
        // Apart from the question after it, whose help line read as part of the recollection.
        write();
      }
    },
    summary(flags, scores, findings = []) {
      if (flags.length > 0 || findings.length > 0) {
        write();
        write(chalk.bold('Coaching notes'));
        flags.forEach(flag);
        for (const finding of findings) {
          const words = finding.found.length > 0 ? `${finding.found.map((text) => `"${text}"`).join(', ')}: ` : '';
          write(wrapText(`${chalk.yellow.bold(`On your words (${finding.question}):`)} ${safe(words)}${safe(finding.message)}`, width, '  '));
          write(chalk.dim(wrapText(`Better: ${safe(finding.better)}`, width, '    ')));
        }
      }
      if (scores.length > 0) {
        write();
        for (const score of scores) {
          const advice = score.advice ? `: ${safe(score.advice)}` : '';
          write(wrapText(`${chalk.bold(safe(score.title))} ${gauge(score)} ${score.value}/${score.max} - ${safe(score.verdict)}${advice}`, width, '  '));
          for (const detail of scoreDetails(score)) write(chalk.dim(wrapText(safe(detail), width, '    ')));
        }
      }
    },
  };
}
