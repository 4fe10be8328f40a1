/**
 * The built package (what `npm pack` ships: package.json, bin, dist, playbooks) loads a built-in
 * playbook from the JSON the build precompiled, and from its YAML as soon as the YAML changes. It
 * starts from the code caches the build made, and runs the same without them.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCoach } from '../../src/build/build.js';
import { repoPath } from '../helpers/playbooks.js';
import { tempDir } from '../helpers/run-cli.js';
import { MANY_NOTES } from '../../src/young-generation.js';

const pkg = tempDir('coach-package-');

function listedTitle(id: string, launcher = join(pkg, 'bin/coach.js')): unknown {
  const env = { ...process.env, COACH_CONFIG_DIR: tempDir(), COACH_PLAYBOOKS_PATH: '' };
  const result = spawnSync(process.execPath, [launcher, 'playbooks', 'list', '--json'], { encoding: 'utf8', env });
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { id: string; title?: string }[]).find((entry) => entry.id === id)?.title;
}

/** Changes the title inside a precompiled playbook (its second line; the first names the source it was built from). */
function retitle(json: string, title: string): void {
  const [head, body = ''] = readFileSync(json, 'utf8').split('\n');
  const playbook = JSON.parse(body) as { title: string };
  playbook.title = title;
  writeFileSync(json, `${head}\n${JSON.stringify(playbook)}\n`);
}

describe('the built package', () => {
  beforeAll(async () => {
    for (const part of ['package.json', 'bin', 'playbooks']) cpSync(repoPath(part), join(pkg, part), { recursive: true });
    await buildCoach(join(pkg, 'dist'));
  }, 60_000);

  it('holds the bundle, its launcher, code caches and precompiled playbooks, and nothing the training runs kept', () => {
    expect(readdirSync(join(pkg, 'dist')).sort()).toEqual(['cli.cjs', 'code-cache', 'help', 'launch.cjs', 'playbooks']);
    expect(readdirSync(join(pkg, 'dist/playbooks')).every((name) => /^[a-z-]+\.json$/.test(name))).toBe(true);
  });

  it('runs a whole non-interactive prep of a built-in playbook', () => {
    const args = ['prep', 'two-questions', '--answers', repoPath('tests/fixtures/answers/two-questions.yaml'), '--no-input', '--no-save', '--stdout', '-q'];
    const result = spawnSync(process.execPath, [join(pkg, 'bin/coach.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^---\ncoach: 1\nkind: prep\nplaybook: two-questions\n/);
  });

  it('loads none of the Node modules a prep or a history does not use', () => {
    // Each costs every start its compile: node:v8 (3 ms, for the young generation over many
    // notes), crypto (only to save a file), child_process (the editor), fs/promises (--append's lock).
    const dirs = { COACH_CONFIG_DIR: tempDir(), COACH_NOTES_DIR: tempDir(), COACH_CACHE_DIR: tempDir(), COACH_PLAYBOOKS_PATH: '', NO_COLOR: '1' };
    writeFileSync(join(dirs.COACH_NOTES_DIR, '2026-11-23-acme-two-questions-prep.md'), '---\ncoach: 1\nkind: prep\nplaybook: two-questions\ncustomer: Acme Corp\ndate: 2026-11-23\n---\n');
    const reporter = join(tempDir(), 'loaded.mjs');
    writeFileSync(reporter, "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.LOADED_FILE, process.moduleLoadList.join('\\n')));\n");
    const loaded = (args: string[]): string[] => {
      const file = join(tempDir(), 'loaded.txt');
      const result = spawnSync(process.execPath, ['--import', reporter, join(pkg, 'bin/coach.js'), ...args], { encoding: 'utf8', env: { ...process.env, ...dirs, LOADED_FILE: file } });
      expect(result.status, result.stderr).toBe(0);
      return readFileSync(file, 'utf8').split('\n');
    };
    const unused = ['NativeModule v8', 'NativeModule crypto', 'NativeModule child_process', 'NativeModule fs/promises'];
    for (const args of [['prep', 'two-questions', '--answers', repoPath('tests/fixtures/answers/two-questions.yaml'), '--customer', 'Acme Corp', '--no-input', '--no-save', '--stdout', '-q'], ['history', '--json'], ['history']]) {
      const modules = loaded(args);
      // The reporter itself is seen: the list is read.
      expect(modules).toContain('NativeModule vm');
      expect(modules.filter((module) => unused.includes(module)), args.join(' ')).toEqual([]);
    }
  });

  describe('code caches', () => {
    /** Runs the package with its own config, notes and cache directories; returns the cache directory's files. */
    const coach = (args: string[], env: Record<string, string> = {}) => {
      const dirs = { COACH_CONFIG_DIR: tempDir(), COACH_NOTES_DIR: tempDir(), COACH_CACHE_DIR: tempDir(), COACH_PLAYBOOKS_PATH: '', NO_COLOR: '1' };
      const result = spawnSync(process.execPath, [join(pkg, 'bin/coach.js'), ...args], { encoding: 'utf8', env: { ...process.env, ...dirs, ...env } });
      const cacheDir = join(env['COACH_CACHE_DIR'] ?? dirs.COACH_CACHE_DIR, 'code-cache');
      return { ...result, cached: existsSync(cacheDir) ? readdirSync(cacheDir) : [] };
    };

    it('come with the build for the common commands, so a run writes none', () => {
      const result = coach(['playbooks', 'list', '--json']);
      expect(result.status, result.stderr).toBe(0);
      expect(result.cached).toEqual([]);
      expect(readdirSync(join(pkg, 'dist/code-cache'))).toEqual(expect.arrayContaining(['coach.bin', 'prep.bin', 'history.bin', 'playbooks-validate.bin']));
    });

    it('that V8 rejects leave the output unchanged and are replaced in the user cache, once', () => {
      const shipped = join(pkg, 'dist/code-cache/playbooks-show.bin');
      const stamp = readFileSync(shipped, 'latin1').split('\n')[0] ?? '';
      const expected = coach(['playbooks', 'show', 'two-questions']).stdout;
      writeFileSync(shipped, Buffer.concat([Buffer.from(`${stamp}\n`), Buffer.alloc(5000, 42)]));

      const cacheDir = tempDir();
      const first = coach(['playbooks', 'show', 'two-questions'], { COACH_CACHE_DIR: cacheDir });
      expect(first.status, first.stderr).toBe(0);
      expect(first.stdout).toBe(expected);
      expect(first.cached).toEqual(['playbooks-show.bin']);
      const written = statSync(join(cacheDir, 'code-cache/playbooks-show.bin')).mtimeMs;

      const second = coach(['playbooks', 'show', 'two-questions'], { COACH_CACHE_DIR: cacheDir });
      expect(second.stdout).toBe(expected);
      expect(statSync(join(cacheDir, 'code-cache/playbooks-show.bin')).mtimeMs).toBe(written);
    });

    it('that V8 rejects are replaced once after a history over enough notes to change a V8 flag while it runs', () => {
      // young-generation.ts holds the young generation from MANY_NOTES notes, through a V8 flag
      // that V8's check on a cache covers: were it not put back before the launcher made the
      // cache at exit, the cache would be rejected, and written again, on every later run.
      const shipped = join(pkg, 'dist/code-cache/history.bin');
      const stamp = readFileSync(shipped, 'latin1').split('\n')[0] ?? '';
      writeFileSync(shipped, Buffer.concat([Buffer.from(`${stamp}\n`), Buffer.alloc(5000, 42)]));
      const notesDir = tempDir();
      for (let n = 0; n < MANY_NOTES; n++) {
        const date = `20${String(10 + (n % 17)).padStart(2, '0')}-11-23`;
        writeFileSync(join(notesDir, `${date}-acme-${n}-prep.md`), `---\ncoach: 1\nkind: prep\nplaybook: two-questions\ncustomer: Acme ${n}\ndate: ${date}\n---\n`);
      }
      const cacheDir = tempDir();

      // The first reads every note and lets go of the scan's hold early; the printing holds it.
      // The hold goes by the notes there are, not by those shown.
      const history = ['history', '--json', '--limit', '2'];
      const first = coach(history, { COACH_CACHE_DIR: cacheDir, COACH_NOTES_DIR: notesDir });
      expect(first.status, first.stderr).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject([{ date: '2026-11-23' }, { date: '2026-11-23' }]);
      expect(first.cached).toEqual(['history.bin']);
      const written = statSync(join(cacheDir, 'code-cache/history.bin')).mtimeMs;

      // The second checks them against the index, held throughout.
      const second = coach(history, { COACH_CACHE_DIR: cacheDir, COACH_NOTES_DIR: notesDir });
      expect(second.status, second.stderr).toBe(0);
      expect(second.stdout).toBe(first.stdout);
      expect(statSync(join(cacheDir, 'code-cache/history.bin')).mtimeMs).toBe(written);
      const third = coach(history, { COACH_CACHE_DIR: cacheDir, COACH_NOTES_DIR: notesDir });
      expect(third.stdout).toBe(first.stdout);
      expect(statSync(join(cacheDir, 'code-cache/history.bin')).mtimeMs).toBe(written);
    }, 60_000);

    it('are made for another command after its first successful run only, unless Node\'s switch turns them off', () => {
      expect(coach(['playbooks', 'new', 'my-playbook']).cached).toEqual(['playbooks-new.bin']);
      const failed = coach(['debrief', '--last', '--no-input']);
      expect(failed.status).not.toBe(0);
      expect(failed.cached).toEqual([]);
      expect(coach(['playbooks', 'new', 'my-playbook'], { NODE_DISABLE_COMPILE_CACHE: '1' }).cached).toEqual([]);
    });
  });

  it('keeps an answers file it read in the user cache, and prints the same note from it next time', () => {
    const cacheDir = tempDir();
    const answers = join(tempDir(), 'prep.yaml');
    writeFileSync(answers, readFileSync(repoPath('tests/fixtures/answers/two-questions.yaml')));
    const prep = () => {
      const args = ['prep', 'two-questions', '--answers', answers, '--date', '2026-12-08', '--no-input', '--no-save', '--stdout', '-q'];
      const result = spawnSync(process.execPath, [join(pkg, 'bin/coach.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', COACH_CACHE_DIR: cacheDir } });
      expect(result.status, result.stderr).toBe(0);
      return result.stdout.replace(/^created: .*$/m, 'created: (when it ran)');
    };
    const first = prep();
    const kept = readdirSync(join(cacheDir, 'parsed-answers'));
    expect(kept).toHaveLength(1);
    expect(prep()).toBe(first);
    // An edit is read again, and kept beside the first.
    writeFileSync(answers, readFileSync(answers, 'utf8').replace('I own it until it is done.', 'Priya owns it until it is done.'));
    expect(prep()).toMatch(/Priya owns it until it is done\./);
    expect(readdirSync(join(cacheDir, 'parsed-answers'))).toHaveLength(2);
  });

  describe('the PDF library', () => {
    /** Runs the package with a hook that reports on stderr each time Node is asked for pdfkit. */
    const traced = (args: string[], notes: string) => {
      const hook = join(tempDir(), 'trace-pdfkit.cjs');
      writeFileSync(
        hook,
        "const Module = require('node:module'); const load = Module._load; Module._load = function (request, ...rest) { if (request === 'pdfkit') process.stderr.write('[pdfkit loaded]\\n'); return load.call(this, request, ...rest); };\n",
      );
      const env = { ...process.env, COACH_CONFIG_DIR: tempDir(), COACH_NOTES_DIR: notes, COACH_CACHE_DIR: tempDir(), COACH_PLAYBOOKS_PATH: '', NO_COLOR: '1' };
      return spawnSync(process.execPath, ['--require', hook, join(pkg, 'bin/coach.js'), ...args], { encoding: 'utf8', env });
    };

    beforeAll(() => {
      // As npm installs the package: its dependencies beside it. pdfkit is the one the bundle does not hold.
      symlinkSync(repoPath('node_modules'), join(pkg, 'node_modules'), 'dir');
    });

    it('is not in the bundle, which requires it and its font reader from node_modules', () => {
      const code = readFileSync(join(pkg, 'dist/cli.cjs'), 'latin1');
      expect(code).toContain('require("pdfkit")');
      expect(code).toContain('require("fontkit")');
      // Words of their own code: pdfkit's standard fonts and the font objects it writes, fontkit's TrueType reader.
      for (const word of ['ZapfDingbats', 'CIDFontType2', 'FontDescriptor', 'TTFFont']) expect(code).not.toContain(word);
    });

    it('is loaded by `coach card --pdf` and by no card printed on the terminal', () => {
      const notes = tempDir();
      const prep = traced(['prep', 'two-questions', '--answers', repoPath('tests/fixtures/answers/two-questions.yaml'), '--no-input', '-q'], notes);
      expect(prep.status, prep.stderr).toBe(0);
      expect(prep.stderr).not.toContain('[pdfkit loaded]');
      for (const args of [['card'], ['card', '--markdown'], ['card', 'take-the-stick']]) {
        const card = traced(args, notes);
        expect(card.status, card.stderr).toBe(0);
        expect(card.stderr, args.join(' ')).toBe('');
      }
      const out = join(tempDir(), 'card.pdf');
      const printed = traced(['card', '--pdf', out], notes);
      expect(printed.status, printed.stderr).toBe(0);
      expect(printed.stderr).toContain('[pdfkit loaded]');
      expect(readFileSync(out, 'latin1').startsWith('%PDF-')).toBe(true);
    });
  });

  it('serves a built-in playbook from its precompiled JSON until the YAML is edited', () => {
    retitle(join(pkg, 'dist/playbooks/turn-around.json'), 'Served from the build');
    expect(listedTitle('turn-around')).toBe('Served from the build');

    appendFileSync(join(pkg, 'playbooks/turn-around.yaml'), '# edited after the build\n');
    expect(listedTitle('turn-around')).toBe('Turn a negative meeting round');
  });

  it('validates a built-in playbook again once it is edited after the build', () => {
    const validate = (): ReturnType<typeof spawnSync> =>
      spawnSync(process.execPath, [join(pkg, 'bin/coach.js'), 'playbooks', 'validate', join(pkg, 'playbooks/customer-is-wrong.yaml')], { encoding: 'utf8' });
    expect(validate().status).toBe(0);
    const path = join(pkg, 'playbooks/customer-is-wrong.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('id: customer-is-wrong', 'id: customer-is-wrong\nmood: sunny'));
    const edited = validate();
    expect(edited.status).toBe(3);
    expect(edited.stdout).toMatch(/customer-is-wrong\.yaml:3:1: unknown key "mood"/);
  });

  it('reads the precompiled playbooks of a build made into another directory from that directory', async () => {
    await buildCoach(join(pkg, 'build-2'));
    retitle(join(pkg, 'build-2/playbooks/two-questions.json'), 'Served from build-2');
    expect(listedTitle('two-questions', join(pkg, 'build-2/launch.cjs'))).toBe('Served from build-2');
    expect(listedTitle('two-questions')).toBe('The two-question sheet');
  }, 60_000);

  it('refuses an --out-dir outside the package, which could not find the built-in playbooks', () => {
    const outside = tempDir('coach-outside-');
    const result = spawnSync(process.execPath, ['--import', 'tsx', repoPath('src/build/build.ts'), '--out-dir', outside], { encoding: 'utf8', cwd: repoPath('.'), env: { ...process.env, INIT_CWD: '' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`build: --out-dir ${outside} must be a directory inside the package (${repoPath('.')}): the bundle finds the built-in playbooks from there\n`);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('answers --version before it reads the bundle, with what commander prints', async () => {
    const bare = tempDir('coach-no-bundle-');
    cpSync(join(pkg, 'dist/launch.cjs'), join(bare, 'launch.cjs'));
    const version = (args: string[]) => spawnSync(process.execPath, [join(bare, 'launch.cjs'), ...args], { encoding: 'utf8' });
    const { runCli } = await import('../helpers/run-cli.js');
    const fromCommander = await runCli(['--version']);
    for (const flag of ['--version', '-V']) expect(version([flag])).toMatchObject({ status: 0, stdout: fromCommander.stdout, stderr: '' });
    // Anything more is the program's to answer, and this copy has no program.
    expect(version(['--version', 'extra']).status).not.toBe(0);
  });

  describe('coach --help, answered before the bundle is read', () => {
    /** What the program itself prints for --help at this width (a terminal), or to a pipe. */
    const fromProgram = async (columns?: number): Promise<string> => {
      const { Capture, runCli } = await import('../helpers/run-cli.js');
      const stdout = Object.assign(new Capture({ isTTY: columns !== undefined }), { columns: columns ?? 80 });
      const result = await runCli(['--help'], { stdout });
      expect(result.code).toBe(0);
      return result.stdout;
    };

    it('prints to a pipe exactly what the program prints, for --help, -h and help, with no bundle to read', async () => {
      const bare = tempDir('coach-no-bundle-');
      cpSync(join(pkg, 'dist/launch.cjs'), join(bare, 'launch.cjs'));
      cpSync(join(pkg, 'dist/help'), join(bare, 'help'), { recursive: true });
      const expected = await fromProgram();
      expect(expected).toMatch(/^Usage: coach \[options\] \[command\]\n/);
      for (const flag of ['--help', '-h', 'help']) {
        expect(spawnSync(process.execPath, [join(bare, 'launch.cjs'), flag], { encoding: 'utf8' })).toMatchObject({ status: 0, stdout: expected, stderr: '' });
      }
    });

    it('prints what the program prints at the terminal\'s width, narrow or wide', async () => {
      const { PtySession } = await import('../helpers/pty.js');
      for (const cols of [40, 57, 100, 250]) {
        const session = new PtySession(process.execPath, [join(pkg, 'bin/coach.js'), '--help'], { cols, rows: 60 });
        expect((await session.exited).exitCode).toBe(0);
        // A terminal turns each newline into CR LF.
        expect(session.text.replaceAll('\r\n', '\n')).toBe(await fromProgram(cols));
      }
    });

    it('is the program\'s to answer when the kept text is missing or the help asks for more', async () => {
      const bare = tempDir('coach-no-help-');
      for (const part of ['package.json', 'bin', 'playbooks', 'dist']) cpSync(join(pkg, part), join(bare, part), { recursive: true });
      rmSync(join(bare, 'dist/help'), { recursive: true });
      const coach = (args: string[]) => spawnSync(process.execPath, [join(bare, 'bin/coach.js'), ...args], { encoding: 'utf8', env: { ...process.env, COACH_CACHE_DIR: tempDir() } });
      expect(coach(['--help'])).toMatchObject({ status: 0, stdout: await fromProgram() });
      expect(coach(['prep', '--help']).stdout).toMatch(/^Usage: coach prep \[options\] \[playbook\]/);
    });
  });
});
