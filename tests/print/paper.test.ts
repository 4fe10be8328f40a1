import { describe, expect, it } from 'vitest';
import { paperForLocale } from '../../src/print/paper.js';

describe('the paper of the locale', () => {
  it.each([
    [{ LANG: 'en_US.UTF-8' }, 'letter'],
    [{ LANG: 'es_MX' }, 'letter'],
    [{ LANG: 'fr_CA.UTF-8@euro' }, 'letter'],
    [{ LANG: 'fil_PH.UTF-8' }, 'letter'],
    [{ LANG: 'es_CL.UTF-8' }, 'letter'],
    [{ LANG: 'en_GB.UTF-8' }, 'a4'],
    [{ LANG: 'es_ES.UTF-8' }, 'a4'],
    [{ LANG: 'en_AU.UTF-8' }, 'a4'],
    [{ LANG: 'C.UTF-8' }, 'a4'],
    [{ LANG: 'POSIX' }, 'a4'],
    [{}, 'a4'],
    [{ LANG: 'de_DE.UTF-8', LC_PAPER: 'en_US.UTF-8' }, 'letter'],
    [{ LC_ALL: 'de_DE.UTF-8', LC_PAPER: 'en_US.UTF-8', LANG: 'en_US.UTF-8' }, 'a4'],
    [{ LC_ALL: '', LC_PAPER: '', LANG: 'en_CA.UTF-8' }, 'letter'],
  ] as const)('%j prints on %s', (env, paper) => {
    expect(paperForLocale(env)).toBe(paper);
  });
});
