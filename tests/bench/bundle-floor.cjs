// The floor under every command that runs the bundle, for the benchmark (bench.ts): what
// dist/launch.cjs does before the command's own code starts. It reads the bundle and the
// command's code cache, compiles the one with the other and runs the bundle's top level, then
// stops. A command can only be slower; the gap is the command's own work. Node's own start is
// the baseline below both.
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join, resolve } = require('node:path');
const { Script } = require('node:vm');

const [given, command] = process.argv.slice(2);
const dist = resolve(given);
const cacheFile = readFileSync(join(dist, 'code-cache', `${command}.bin`));
// A cache file is a stamp line, then V8's data (src/build/code-cache.ts).
const cachedData = cacheFile.subarray(cacheFile.indexOf(10) + 1);
const bundle = join(dist, 'cli.cjs');
const wrapper = '(function (exports, require, module, __filename, __dirname) { ';
const script = new Script(`${wrapper}${readFileSync(bundle, 'latin1')}\n})`, { filename: bundle, columnOffset: -wrapper.length, cachedData });
if (script.cachedDataRejected) throw new Error(`V8 rejected ${command}.bin: the floor would be measured without its cache`);
const cli = { exports: {} };
script.runInThisContext()(cli.exports, createRequire(bundle), cli, bundle, dist);
if (typeof cli.exports.run !== 'function') throw new Error('the bundle exports no run()');
