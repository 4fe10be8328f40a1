/**
 * playbooks/README.md cannot rot: every YAML example says what it is (```yaml playbook, step,
 * question, condition, conditions, flag, score, or broken <file>) and is checked as that; every
 * `$ coach ...` command in it runs; the output shown after a broken example is what validate prints.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parsePlaybook } from '../../src/core/playbook/parse-playbook.js';
import { Check, Condition, Flag, Question, Score, Step } from '../../src/core/playbook/schema.js';
import { PlaybookError } from '../../src/errors.js';
import { repoPath } from '../helpers/playbooks.js';
import { runCli, tempDir } from '../helpers/run-cli.js';

interface Block {
  language: string;
  kind: string;
  argument: string;
  text: string;
  line: number;
}

function fencedBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)(?: (\S+))?(?: (\S+))?$/.exec(lines[i] ?? '');
    if (!open || open[1] === '') continue;
    const end = lines.indexOf('```', i + 1);
    blocks.push({ language: open[1] ?? '', kind: open[2] ?? '', argument: open[3] ?? '', text: lines.slice(i + 1, end).join('\n'), line: i + 1 });
    i = end;
  }
  return blocks;
}

const README = readFileSync(repoPath('playbooks/README.md'), 'utf8');
const blocks = fencedBlocks(README);
const yamlBlocks = blocks.filter((block) => block.language === 'yaml');
const where = (block: Block): string => `playbooks/README.md:${block.line} (${block.kind})`;

const FRAGMENTS = { step: Step, question: Question, check: Check, condition: Condition, flag: Flag, score: Score } as const;

/** Shell words, enough for the README: double quotes group, and are dropped. */
const shellWords = (line: string): string[] => (line.match(/(?:"[^"]*"|[^\s"])+/g) ?? []).map((word) => word.replace(/"/g, ''));

describe('playbooks/README.md examples', () => {
  it('has examples, each saying what it is', () => {
    expect(yamlBlocks.length).toBeGreaterThan(10);
    for (const block of yamlBlocks) {
      expect(['playbook', 'broken', 'conditions', ...Object.keys(FRAGMENTS)], where(block)).toContain(block.kind);
    }
  });

  it.each(yamlBlocks.filter((block) => block.kind === 'playbook').map((block) => [where(block), block] as const))('%s parses', (_where, block) => {
    expect(() => parsePlaybook(block.text, 'README.md')).not.toThrow();
  });

  it.each(yamlBlocks.filter((block) => block.kind in FRAGMENTS || block.kind === 'conditions').map((block) => [where(block), block] as const))(
    '%s is valid',
    (_where, block) => {
      const data: unknown = parse(block.text);
      if (block.kind === 'conditions') {
        expect(Array.isArray(data)).toBe(true);
        for (const condition of data as unknown[]) expect(Condition.safeParse(condition).error).toBeUndefined();
      } else {
        expect(FRAGMENTS[block.kind as keyof typeof FRAGMENTS].safeParse(data).error).toBeUndefined();
      }
    },
  );

  it.each(yamlBlocks.filter((block) => block.kind === 'broken').map((block) => [where(block), block] as const))('%s is broken', (_where, block) => {
    expect(() => parsePlaybook(block.text, block.argument)).toThrow(PlaybookError);
  });

  it('runs every command it shows, and validate prints what it shows after a broken example', async () => {
    const root = tempDir();
    const env = { COACH_CONFIG_DIR: join(root, 'config'), COACH_NOTES_DIR: join(root, 'notes') };
    const userDir = join(env.COACH_CONFIG_DIR, 'playbooks');
    mkdirSync(userDir, { recursive: true });
    // The walk-through's playbook as it ends, installed as the user would have it.
    for (const block of yamlBlocks.filter((candidate) => candidate.kind === 'playbook')) {
      writeFileSync(join(userDir, `${parsePlaybook(block.text, 'README.md').id}.yaml`), block.text);
    }
    let commands = 0;
    for (const block of yamlBlocks) if (block.kind === 'broken') writeFileSync(join(root, block.argument), block.text);
    for (const [index, block] of blocks.entries()) {
      if (block.language !== 'text') continue;
      const lines = block.text.split('\n');
      for (const [i, line] of lines.entries()) {
        if (!line.startsWith('$ coach ')) continue;
        commands++;
        const argv = shellWords(line.slice('$ coach '.length));
        // `new` must start from an empty directory, like a first-time user.
        const runEnv = argv[1] === 'new' ? { COACH_CONFIG_DIR: join(tempDir(), 'config') } : env;
        const result = await runCli(argv, { env: runEnv, cwd: root });
        const previous = blocks[index - 1];
        if (previous?.kind === 'broken' && argv.includes(previous.argument)) {
          const shown = lines.slice(i + 1).filter((output) => !output.startsWith('$ '));
          expect({ line, code: result.code, stdout: result.stdout }).toEqual({ line, code: 3, stdout: `${shown.join('\n')}\n` });
        } else {
          expect({ line, code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({ line, code: 0, stderr: '' });
        }
      }
    }
    expect(commands).toBeGreaterThanOrEqual(5);
  });
});
