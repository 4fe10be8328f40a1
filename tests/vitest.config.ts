import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/**/*.test.ts'],
    // Real terminals (@lydell/node-pty) and the built CLI are slower than pure functions.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    server: { deps: { inline: [/@inquirer\//] } },
    // The built CLI leaves code caches for untrained commands in the user's cache directory; a
    // test run leaves them in a temp directory instead, never in the home of whoever runs it.
    env: { COACH_CACHE_DIR: join(tmpdir(), 'coach-test-code-cache') },
  },
});
