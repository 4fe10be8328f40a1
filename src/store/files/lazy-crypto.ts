/**
 * node:crypto brings a dozen of Node's internal modules with it, a few milliseconds of every
 * start; only a run that writes a file or a draft needs it, so it loads on first use.
 */
export function lazyCrypto(): typeof import('node:crypto') {
  return process.getBuiltinModule('node:crypto');
}
