/**
 * A run declares only the command it runs (cli.ts): the list of names matches the program, each
 * name gives a program of that command alone, and whatever names no command (no command, `help`,
 * a typo, completion) still gets the whole program, with its help and its suggestions.
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, commandNamed, createProgram } from '../../src/cli.js';
import type { Io } from '../../src/io.js';
import { runCli } from '../helpers/run-cli.js';

const io = { stdout: { write: () => true }, stderr: { write: () => true } } as unknown as Io;
const names = (only?: (typeof COMMAND_NAMES)[number]): string[] => createProgram(io, async () => undefined, only).commands.map((command) => command.name());

describe('the commands a run declares', () => {
  it('are all of them when no command is named, in the order of the help', () => {
    expect(names()).toEqual([...COMMAND_NAMES]);
  });

  it('are the named one alone otherwise', () => {
    for (const name of COMMAND_NAMES) expect(names(name)).toEqual([name]);
  });

  it('are named by the first word that is not an option', () => {
    expect(commandNamed(['--no-color', 'prep', 'take-the-stick'])).toBe('prep');
    expect(commandNamed(['playbooks', 'validate', 'x.yaml'])).toBe('playbooks');
    expect(commandNamed(['help', 'prep'])).toBeUndefined();
    expect(commandNamed(['prpe'])).toBeUndefined();
    expect(commandNamed(['--help'])).toBeUndefined();
    expect(commandNamed([])).toBeUndefined();
  });

  it('still suggest the command a typo meant, and list every command in the help', async () => {
    const typo = await runCli(['prpe']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("unknown command 'prpe'");
    expect(typo.stderr).toContain('(Did you mean prep?)');
    const help = await runCli(['help']);
    for (const name of COMMAND_NAMES) expect(help.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
  });

  it('give a command its own help and its own errors', async () => {
    const help = await runCli(['prep', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: coach prep \[options\] \[playbook\]/);
    const bad = await runCli(['history', '--bogus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown option '--bogus'");
  });
});
