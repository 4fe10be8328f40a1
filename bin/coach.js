#!/usr/bin/env node
// The bin is a pointer: the program lives in src/cli.ts, built into dist/ by `npm install`.
import { run } from '../dist/cli.js';

process.exitCode = await run(process.argv.slice(2));
