/**
 * Keeps V8's young generation at its size while a command checks a large notes directory
 * against its index, and while history prints it.
 *
 * Over 100,000 notes the names listed, and the rows made of them, survive their first
 * collections, so V8 doubles the young generation again and again, to 16 MiB a semi-space, and
 * keeps it until the process ends: `history --json` peaked at 137 MiB, 112 MiB with it held, in
 * the same time (tests/bench). Held, the scavenges come more often but copy the same survivors.
 * Where a run makes much garbage, a small young generation costs time instead: the yaml library
 * allocates about 200 KB reading one note's front matter, and reading 10,000 notes without an
 * index took 1,975 scavenges held against 170, 0.3 s more. So the scan holds it only over at
 * least MANY_NOTES notes, and lets go once it has read more than a few hundred of them.
 *
 * Why a flag set while running: V8 reads `--semi-space-growth-factor` each time it would grow the
 * young generation (SemiSpaceNewSpace::Grow), and Node offers no other handle on it. A launch flag
 * (`--max-semi-space-size`) would do the same, but V8 rejects a code cache made under other flags,
 * and a bin started by `#!/usr/bin/env node` cannot pass one anyway. For the same check the factor
 * is put back (V8's default is 2) as soon as the last holder lets go: dist/launch.cjs may make a
 * code cache when the command ends, and one made under another factor would be rejected next time.
 * node:v8 is loaded only when a hold begins: it brings Node's heap utilities, 3 ms of every start.
 * Should a later V8 drop the flag, it would say so on stderr at each hold; tests/io/
 * young-generation.test.ts, which sees the flag change through V8's cache check, fails first.
 */

/** From this many notes the young generation is worth holding: below it, it grows 16 MiB at most. */
export const MANY_NOTES = 20_000;

/** V8's own value (`node --v8-options`), put back when nothing holds the young generation. */
const DEFAULT_GROWTH_FACTOR = 2;

let holders = 0;

/** Holds the young generation at its size until the function returned is called (once is enough; later calls do nothing). Holds may overlap. */
export function holdYoungGeneration(): () => void {
  if (holders++ === 0) setGrowthFactor(1);
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    if (--holders === 0) setGrowthFactor(DEFAULT_GROWTH_FACTOR);
  };
}

function setGrowthFactor(factor: number): void {
  process.getBuiltinModule('node:v8').setFlagsFromString(`--semi-space-growth-factor=${factor}`);
}
