// Loaded with `node --import` by the benchmark: records the process's peak memory at exit.
import { writeFileSync } from 'node:fs';

const target = process.env.COACH_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
}
