/**
 * `coach playbooks new <id>`: a commented starter in the user playbook directory that validates
 * as written and runs, never written over an existing file.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playbookJsonSchemaText } from '../../../src/core/playbook/json-schema.js';
import { repoPath } from '../../helpers/playbooks.js';
import { runCli, tempDir } from '../../helpers/run-cli.js';

function setup() {
  const root = tempDir();
  const config = join(root, 'config');
  return { root, config, userDir: join(config, 'playbooks'), notes: join(root, 'notes'), env: { COACH_CONFIG_DIR: config, COACH_NOTES_DIR: join(root, 'notes') } };
}

describe('coach playbooks new', () => {
  it('writes a starter that validates, lists as a user playbook and runs with prep --no-input', async () => {
    const { userDir, notes, env } = setup();
    const created = await runCli(['playbooks', 'new', 'renewal-call'], { env });
    const path = join(userDir, 'renewal-call.yaml');
    expect(created).toMatchObject({ code: 0, stdout: `${path}\n` });
    expect(created.stderr).toContain('coach playbooks validate renewal-call');
    const text = readFileSync(path, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./playbook.schema.json');
    expect(text).toMatch(/^title: Renewal call$/m);
    // The schema the first line names sits beside it, so an editor helps at once.
    expect(readFileSync(join(userDir, 'playbook.schema.json'), 'utf8')).toBe(playbookJsonSchemaText());

    const validated = await runCli(['playbooks', 'validate', path], { env });
    expect(validated).toMatchObject({ code: 0, stdout: `${path}: ok (renewal-call)\n` });

    const listed = await runCli(['playbooks'], { env });
    expect(listed.stdout).toMatch(/^renewal-call +user +Renewal call - /m);

    const prep = await runCli(['prep', path, '--no-input', '--customer', 'Acme', '--set', 'outcome=a signed renewal', '--set', 'risk=high', '--set', 'fallback=a one-year term'], { env });
    expect(prep.code).toBe(0);
    expect(readdirSync(notes)).toEqual(['2026-11-22-acme-renewal-call-prep.md']);
    expect(prep.stdout).toContain('Without an agenda the meeting may drift away from: a signed renewal');
  });

  it('never writes over an existing playbook (exit 2), and leaves it as it was', async () => {
    const { userDir, env } = setup();
    mkdirSync(userDir, { recursive: true });
    const path = join(userDir, 'renewal-call.yaml');
    writeFileSync(path, 'mine\n');
    const result = await runCli(['playbooks', 'new', 'renewal-call'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`coach: ${path} already exists; coach never overwrites a playbook. Edit it, or choose another id.\n`);
    expect(readFileSync(path, 'utf8')).toBe('mine\n');
  });

  it('refuses an id that is not kebab-case (exit 2)', async () => {
    const { userDir, env } = setup();
    const result = await runCli(['playbooks', 'new', 'Renewal_Call'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"Renewal_Call" is not a playbook id');
    expect(existsSync(userDir)).toBe(false);
  });

  it('says when the new playbook shares an id with another, and the list shows it winning', async () => {
    const { env } = setup();
    const result = await runCli(['playbooks', 'new', 'two-questions'], { env });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`there is also a built-in playbook "two-questions" (${repoPath('playbooks/two-questions.yaml')})`);
    const listed = await runCli(['playbooks'], { env });
    expect(listed.stdout).toMatch(/^two-questions +user +Two questions - .*\(overrides built-in\)$/m);
  });

  it('writes into another directory with --dir, and names the file to run there', async () => {
    const { root, env } = setup();
    const team = join(root, 'team-playbooks');
    const result = await runCli(['playbooks', 'new', 'escalation', '--dir', 'team-playbooks'], { env, cwd: root });
    expect(result.code).toBe(0);
    expect(readdirSync(team).sort()).toEqual(['escalation.yaml', 'playbook.schema.json']);
    expect(result.stderr).toContain(`coach prep ${join(team, 'escalation.yaml')}`);
  });
});
