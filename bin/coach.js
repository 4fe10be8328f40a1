#!/usr/bin/env node
// The bin is a pointer: the program lives in src/cli.ts, built into dist/ by `npm install`.
import module from 'node:module';

// Node 22.1+ keeps compiled code on disk, so later starts skip most of the parsing; Node 20 has no cache.
module.enableCompileCache?.();
const { run } = await import('../dist/cli.js');
process.exitCode = await run(process.argv.slice(2));
