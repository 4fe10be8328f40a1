/**
 * `coach playbooks`: every playbook found, where it comes from, which one wins an id and what it
 * hides; the winner is the one `coach prep <id>` uses. Broken files are listed, never fatal.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../helpers/playbooks.js';
import { Capture, runCli, tempDir } from '../../helpers/run-cli.js';

const builtInIds = readdirSync(repoPath('playbooks'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => name.replace(/\.yaml$/, ''))
  .sort();
const twoQuestions = readFileSync(repoPath('playbooks/two-questions.yaml'), 'utf8');

/** A copy of two-questions whose title says where it lives. */
function overrideIn(dir: string, title: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'two-questions.yaml');
  writeFileSync(path, twoQuestions.replace(/^title: .*$/m, `title: ${title}`));
  return path;
}

function setup() {
  const root = tempDir();
  return { root, config: join(root, 'config'), userDir: join(root, 'config', 'playbooks'), notes: join(root, 'notes') };
}

interface ListedJson {
  id: string;
  source: string;
  path: string;
  valid: boolean;
  title?: string;
  error?: string;
  hides: { source: string; path: string }[];
}

async function listJson(args: string[], env: Record<string, string>): Promise<ListedJson[]> {
  const result = await runCli(['playbooks', 'list', '--json', ...args], { env });
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as ListedJson[];
}

describe('coach playbooks', () => {
  it('lists every built-in playbook, one line each: id, source, title and when to use it', async () => {
    const { config } = setup();
    const result = await runCli(['playbooks'], { env: { COACH_CONFIG_DIR: config } });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(builtInIds);
    expect(lines.every((line) => / built-in /.test(line))).toBe(true);
    expect(result.stdout).toMatch(/^two-questions +built-in +The two-question sheet - Before any customer meeting/m);
  });

  it('at a terminal wraps each description between words under its own column; piped, a line each', async () => {
    const { config } = setup();
    const stdout = new Capture({ isTTY: true });
    stdout.columns = 80;
    const result = await runCli(['playbooks'], { env: { COACH_CONFIG_DIR: config }, stdout });
    expect(result.code, result.stderr).toBe(0);
    const rows = result.stdout.trimEnd().split('\n');
    expect(rows.every((row) => row.length <= 80)).toBe(true);
    const column = rows[0]?.indexOf('When the customer is wrong') ?? -1;
    expect(column).toBeGreaterThan(0);
    // Each continuation row starts at the description's column: no word is broken at the edge.
    const continued = rows.filter((row) => row.startsWith(' '));
    expect(continued.length).toBeGreaterThan(0);
    for (const row of continued) expect(row.slice(0, column).trim() === '' && row[column] !== ' ').toBe(true);
    const piped = await runCli(['playbooks'], { env: { COACH_CONFIG_DIR: config } });
    expect(piped.stdout.trimEnd().split('\n')).toHaveLength(builtInIds.length);
    // The same words either way.
    const words = (text: string): string => text.replace(/\s+/g, ' ').trim();
    expect(words(result.stdout)).toBe(words(piped.stdout));
  });

  it('lets a later source override an earlier one: built-in, user, each COACH_PLAYBOOKS_PATH dir, --playbooks', async () => {
    const { root, config, userDir } = setup();
    const user = overrideIn(userDir, 'From the user');
    const teamA = overrideIn(join(root, 'team-a'), 'From team A');
    const teamB = overrideIn(join(root, 'team-b'), 'From team B');
    const extra = overrideIn(join(root, 'extra'), 'From --playbooks');
    const builtIn = repoPath('playbooks/two-questions.yaml');
    const env = { COACH_CONFIG_DIR: config, COACH_PLAYBOOKS_PATH: [join(root, 'team-a'), join(root, 'team-b')].join(delimiter) };

    const steps: [string[], string, string, string, string[]][] = [
      [[], 'team', teamB, 'From team B', [builtIn, user, teamA]],
      [['--playbooks', join(root, 'extra')], 'dir', extra, 'From --playbooks', [builtIn, user, teamA, teamB]],
    ];
    for (const [args, source, path, title, hidden] of steps) {
      const entry = (await listJson(args, env)).find((listed) => listed.id === 'two-questions');
      expect(entry).toMatchObject({ source, path, title, valid: true });
      expect(entry?.hides.map((hiddenEntry) => hiddenEntry.path)).toEqual(hidden);
    }

    const userOnly = (await listJson([], { COACH_CONFIG_DIR: config })).find((listed) => listed.id === 'two-questions');
    expect(userOnly).toMatchObject({ source: 'user', path: user, hides: [{ source: 'built-in', path: builtIn }] });
  });

  it('shows in the text listing what a winner overrides, and prep uses that winner', async () => {
    const { root, config, userDir, notes } = setup();
    overrideIn(userDir, 'From the user');
    overrideIn(join(root, 'team'), 'From the team');
    const env = { COACH_CONFIG_DIR: config, COACH_PLAYBOOKS_PATH: join(root, 'team'), COACH_NOTES_DIR: notes };

    const listed = await runCli(['playbooks'], { env });
    expect(listed.stdout).toMatch(/^two-questions +team +From the team - .* \(overrides built-in, user\)$/m);

    const prep = await runCli(['prep', 'two-questions', '--no-input', '--answers', repoPath('tests/fixtures/answers/two-questions.yaml')], { env });
    expect(prep.code).toBe(0);
    expect(prep.stdout).toContain('· From the team ·');
  });

  it('lists a broken file with its first error, keeps listing the others, and still exits 0', async () => {
    const { root, config } = setup();
    const team = join(root, 'team');
    mkdirSync(team);
    writeFileSync(join(team, 'half-done.yaml'), 'id: half-done\ntitle: Half done\n');
    writeFileSync(join(team, 'renamed.yaml'), twoQuestions);
    writeFileSync(join(team, 'not-yaml.yaml'), 'id: [unclosed\n');
    const env = { COACH_CONFIG_DIR: config, COACH_PLAYBOOKS_PATH: team };

    const result = await runCli(['playbooks'], { env });
    expect(result.code).toBe(0);
    const halfDone = result.stdout.split('\n').find((line) => line.startsWith('half-done '));
    expect(halfDone?.split(/ {2,}/)).toEqual(['half-done', 'team', `INVALID: ${join(team, 'half-done.yaml')}:1:1: missing required key "summary"`]);
    expect(result.stdout).toMatch(/^not-yaml +team +INVALID: .*not-yaml\.yaml:\d+:\d+: /m);
    // Found by its file name, so a file declaring another id cannot be used by that name.
    expect(result.stdout).toContain(`INVALID: ${join(team, 'renamed.yaml')}: the file declares id "two-questions"; name the file two-questions.yaml`);
    for (const id of builtInIds) expect(result.stdout).toMatch(new RegExp(`^${id} +built-in `, 'm'));

    const entries = await listJson([], env);
    expect(entries.find((entry) => entry.id === 'half-done')).toMatchObject({ valid: false, source: 'team', error: expect.stringContaining('missing required key "summary"') });
  });

  it('lists a broken override as the winner, because prep would pick it too', async () => {
    const { config, userDir } = setup();
    mkdirSync(userDir, { recursive: true });
    writeFileSync(join(userDir, 'two-questions.yaml'), 'id: two-questions\n');
    const env = { COACH_CONFIG_DIR: config };

    const entry = (await listJson([], env)).find((listed) => listed.id === 'two-questions');
    expect(entry).toMatchObject({ valid: false, source: 'user', hides: [{ source: 'built-in' }] });
    const prep = await runCli(['prep', 'two-questions', '--no-input'], { env });
    expect(prep.code).toBe(3);
  });

  it('prefers <id>.yaml over <id>.yml in one directory, as prep does', async () => {
    const { config, userDir } = setup();
    mkdirSync(userDir, { recursive: true });
    writeFileSync(join(userDir, 'pair.yml'), twoQuestions.replace('id: two-questions', 'id: pair').replace(/^title: .*$/m, 'title: The yml one'));
    writeFileSync(join(userDir, 'pair.yaml'), twoQuestions.replace('id: two-questions', 'id: pair').replace(/^title: .*$/m, 'title: The yaml one'));
    const entry = (await listJson([], { COACH_CONFIG_DIR: config })).find((listed) => listed.id === 'pair');
    expect(entry).toMatchObject({ title: 'The yaml one', hides: [{ path: join(userDir, 'pair.yml') }] });
  });
});
