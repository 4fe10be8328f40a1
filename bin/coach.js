#!/usr/bin/env node
// The bin is a pointer: the program lives in src/cli.ts, built into dist/ by `npm install`.
require('../dist/launch.cjs');
