/**
 * Keeps V8's young generation at its starting size while a command goes through every note.
 *
 * Over 100,000 notes the names listed, and the rows made of them, survive their first
 * collections, so V8 doubles the young generation again and again, to 16 MiB a semi-space, and
 * keeps it until the process ends: `history --json` peaked at 137 MiB, 108 MiB when it is held.
 * Held, the scavenges come more often but copy the same survivors; measured over 100,000 notes
 * the run took about 6% longer, over 10,000 no longer at all (the benchmark, tests/bench).
 *
 * Why a flag set while running: V8 reads `--semi-space-growth-factor` each time it would grow the
 * young generation (SemiSpaceNewSpace::Grow), and Node offers no other handle on it. A launch flag
 * (`--max-semi-space-size`) would do the same, but V8 rejects a code cache made under other flags,
 * and a bin started by `#!/usr/bin/env node` cannot pass one anyway. For the same check the factor
 * is put back (V8's default is 2) as soon as the last holder lets go: dist/launch.cjs may make a
 * code cache when the command ends, and one made under another factor would be rejected next time.
 */
import { setFlagsFromString } from 'node:v8';

/** V8's own value (`node --v8-options`), put back when nothing holds the young generation. */
const DEFAULT_GROWTH_FACTOR = 2;

let holders = 0;

/** Runs `work` with the young generation held at its size; holds may nest. */
export async function withYoungGenerationHeld<T>(work: () => Promise<T>): Promise<T> {
  if (holders++ === 0) setFlagsFromString('--semi-space-growth-factor=1');
  try {
    return await work();
  } finally {
    if (--holders === 0) setFlagsFromString(`--semi-space-growth-factor=${DEFAULT_GROWTH_FACTOR}`);
  }
}
