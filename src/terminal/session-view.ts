/**
 * What a person sees on stderr while a session runs: step headers, guidance, flags as they fire,
 * and the closing summary. Everything from a playbook or an answer is sanitized first.
 */
import type { ChalkInstance } from 'chalk';
import type { CheckFinding } from '../core/check/check-answer.js';
import type { FiredFlag } from '../core/session/flags.js';
import { LEVEL_LABEL } from '../core/note/render-markdown.js';
import { gauge, scoreDetails, type ScoreResult } from '../core/session/scores.js';
import type { WalkEvent } from '../core/session/walk.js';
import { sanitizeForTerminal as safe } from './sanitize.js';
import { wrapMarkdown, wrapText } from './wrap.js';

export interface SessionView {
  onEvent(event: WalkEvent): void;
  summary(flags: readonly FiredFlag[], scores: readonly ScoreResult[], findings?: readonly CheckFinding[]): void;
  line(text?: string): void;
  title(title: string, source: string): void;
}

export function createSessionView(out: NodeJS.WritableStream, chalk: ChalkInstance, columns: number | undefined): SessionView {
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
    title(title, source) {
      write(chalk.bold(safe(title)));
      write(chalk.dim(wrapText(safe(source), width)));
    },
    onEvent(event) {
      if (event.type === 'step') {
        write();
        const where = event.number === 0 ? '' : `Step ${event.number} of ${event.total} - `;
        write(chalk.bold.underline(`${where}${safe(event.title)}`));
        if (event.guidance) write(wrapMarkdown(safe(event.guidance.trim()), width, '  '));
        write();
      } else if (event.type === 'flag') {
        flag(event.flag);
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
