import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/**/*.test.ts'],
    // Real terminals (node-pty) and the built CLI are slower than pure functions.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    server: { deps: { inline: [/@inquirer\//] } },
  },
});
