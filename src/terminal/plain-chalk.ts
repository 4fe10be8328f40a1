/**
 * Without colour, coach does not load chalk at all (it and the terminal probing behind it cost a
 * few milliseconds of every start): a stand-in with chalk's shape returns the text unchanged.
 */
import type { ChalkInstance } from 'chalk';

/** Colour only on a terminal, and never with NO_COLOR or --no-color. */
export function colourWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, colorOption: boolean | undefined): boolean {
  return colorOption !== false && (env['NO_COLOR'] ?? '') === '' && stream.isTTY === true;
}

/** `plain.bold.yellow('x')` is 'x', as chalk at level 0 gives it. */
export function plainChalk(): ChalkInstance {
  const text = (...parts: unknown[]): string => parts.join(' ');
  const plain: ChalkInstance = new Proxy(text, {
    // Not a thenable: an async function returning it would otherwise wait on it forever.
    get: (_target, key) => (key === 'level' ? 0 : key === 'then' || typeof key === 'symbol' ? undefined : plain),
  }) as unknown as ChalkInstance;
  return plain;
}
