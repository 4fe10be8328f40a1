/**
 * `coach playbooks validate`: every problem of every file as file:LINE:COL: message, one "ok"
 * line per good file, exit 3 when any is invalid; --json for editors and CI.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../helpers/playbooks.js';
import { runCli, tempDir } from '../../helpers/run-cli.js';

const cwd = repoPath('.');
const env = (): Record<string, string> => ({ COACH_CONFIG_DIR: tempDir() });
const MINIMAL = 'tests/fixtures/playbooks/valid/minimal.yaml';
const MISSING = 'tests/fixtures/playbooks/broken/missing-keys.yaml';
const UNREACHABLE = 'tests/fixtures/playbooks/broken/unreachable.yaml';

describe('coach playbooks validate', () => {
  it('prints one ok line per valid file and exits 0', async () => {
    const result = await runCli(['playbooks', 'validate', MINIMAL, 'playbooks/two-questions.yaml'], { env: env(), cwd });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(`${MINIMAL}: ok (minimal)\nplaybooks/two-questions.yaml: ok (two-questions)\n`);
  });

  it('prints every problem of every file where the user named it, and exits 3', async () => {
    const result = await runCli(['playbooks', 'validate', MINIMAL, MISSING, UNREACHABLE], { env: env(), cwd });
    expect(result.code).toBe(3);
    expect(result.stdout.split('\n')).toEqual([
      `${MINIMAL}: ok (minimal)`,
      `${MISSING}:2:1: missing required key "summary"`,
      `${MISSING}:10:11: prep.steps[0].questions[0]: missing required key "type"`,
      `${MISSING}:14:18: prep.steps[1].questions: needs at least 1 item`,
      `${MISSING}:16:7: prep.flags[0]: missing required key "level"`,
      expect.stringMatching(new RegExp(`^${UNREACHABLE}:22:9: prep\\.steps\\[1\\]\\.when: .* so this step is never shown$`)),
      expect.stringMatching(new RegExp(`^${UNREACHABLE}:39:17: prep\\.steps\\[2\\]\\.questions\\[1\\]\\.when: .* so this question is never asked$`)),
      '',
    ]);
    expect(result.stderr).toBe('coach: 2 of 3 playbooks invalid (6 problems)\n');
  });

  it('gives editors and CI the same results as JSON', async () => {
    const result = await runCli(['playbooks', 'validate', '--json', MINIMAL, MISSING], { env: env(), cwd });
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout) as { valid: boolean; files: { file: string; valid: boolean; id?: string; issues: object[] }[] };
    expect(report.valid).toBe(false);
    expect(report.files[0]).toEqual({ file: MINIMAL, valid: true, id: 'minimal', issues: [] });
    expect(report.files[1]).toMatchObject({ file: MISSING, valid: false });
    expect(report.files[1]?.issues[0]).toEqual({ file: MISSING, line: 2, col: 1, message: 'missing required key "summary"' });
    expect(report.files[1]?.issues).toHaveLength(4);
  });

  it('checks a playbook by id: the file coach prep would use', async () => {
    const config = tempDir();
    mkdirSync(join(config, 'playbooks'));
    const path = join(config, 'playbooks', 'half-done.yaml');
    writeFileSync(path, 'id: half-done\n');
    const result = await runCli(['playbooks', 'validate', 'half-done', 'two-questions'], { env: { COACH_CONFIG_DIR: config }, cwd });
    expect(result.code).toBe(3);
    expect(result.stdout).toContain(`${path}:1:1: missing required key "title"\n`);
    expect(result.stdout).toContain(`${repoPath('playbooks/two-questions.yaml')}: ok (two-questions)\n`);
  });

  it('reports a file it cannot read on its own line and exits 4 when nothing else is wrong', async () => {
    const dir = tempDir();
    const result = await runCli(['playbooks', 'validate', 'missing.yaml', MINIMAL], { env: env(), cwd: dir });
    expect(result.code).toBe(4);
    expect(result.stdout).toBe(`missing.yaml: cannot read the playbook: no such file or directory\n${MINIMAL}: cannot read the playbook: no such file or directory\n`);

    // An invalid playbook outranks an unreadable file: exit 3.
    const both = await runCli(['playbooks', 'validate', 'missing.yaml', repoPath(MISSING)], { env: env(), cwd: dir });
    expect(both.code).toBe(3);
  });

  it('is a usage error without a file (exit 2)', async () => {
    const result = await runCli(['playbooks', 'validate'], { env: env(), cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("missing required argument 'file'");
  });
});
