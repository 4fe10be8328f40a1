/** The stand-in used without colour must write exactly what chalk writes at level 0. */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { colourWanted, plainChalk } from '../../src/terminal/plain-chalk.js';

describe('plainChalk', () => {
  const plain = plainChalk();
  const levelZero = new Chalk({ level: 0 });

  it.each([
    ['dim', (c: typeof plain) => c.dim('(skip)')],
    ['bold and underline', (c: typeof plain) => c.bold.underline('Title')],
    ['cyan bold', (c: typeof plain) => c.cyan.bold('<tab>')],
    ['several parts', (c: typeof plain) => c.yellow('coach:', 'a warning', 3)],
    ['text with escapes left alone', (c: typeof plain) => c.red('\u001b[1mraw\u001b[0m')],
  ])('%s reads as chalk at level 0 writes it', (_name, style) => {
    expect(style(plain)).toBe(style(levelZero));
  });

  it('can be returned from an async function (it is not a thenable)', async () => {
    const fromAsync = async () => plain;
    expect((await fromAsync()).bold('x')).toBe('x');
  });

  it('reports level 0', () => {
    expect(plain.level).toBe(0);
  });
});

describe('colourWanted', () => {
  it.each([
    [{ isTTY: true }, {}, undefined, true],
    [{ isTTY: false }, {}, undefined, false],
    [{}, {}, undefined, false],
    [{ isTTY: true }, { NO_COLOR: '1' }, undefined, false],
    [{ isTTY: true }, { NO_COLOR: '' }, undefined, true],
    [{ isTTY: true }, {}, false, false],
  ])('on %o with %o and --color %s: %s', (stream, env, option, expected) => {
    expect(colourWanted(stream, env, option)).toBe(expected);
  });
});
