/**
 * The build validates every shipped playbook and stores it as JSON for the bundle to load: the
 * JSON must give exactly what parsing the YAML gives, must not be used once the YAML changes, and
 * an invalid playbook must stop the build.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { precompilePlaybooks } from '../../src/build/precompile-playbooks.js';
import { parsePlaybook } from '../../src/core/playbook/parse-playbook.js';
import { PlaybookError } from '../../src/errors.js';
import { precompiledFileFor, precompiledId, readPrecompiledPlaybook } from '../../src/store/playbooks/precompiled-playbooks.js';
import { repoPath } from '../helpers/playbooks.js';
import { tempDir } from '../helpers/run-cli.js';

const shippedIds = readdirSync(repoPath('playbooks'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => name.replace(/\.yaml$/, ''));

describe('precompiled built-in playbooks', () => {
  it('hold exactly what parsing each shipped YAML gives', async () => {
    const out = tempDir();
    expect(await precompilePlaybooks(repoPath('playbooks'), out)).toEqual(shippedIds);
    expect(shippedIds.length).toBeGreaterThan(0);
    for (const id of shippedIds) {
      const path = repoPath(`playbooks/${id}.yaml`);
      const text = readFileSync(path, 'utf8');
      expect(readPrecompiledPlaybook(join(out, `${id}.json`), text), id).toEqual(parsePlaybook(text, path));
      // What validate asks: only the first line is read, and it names the playbook.
      expect(precompiledId(join(out, `${id}.json`), text)).toBe(id);
    }
  });

  it('are not used for a YAML edited after the build', async () => {
    const out = tempDir();
    await precompilePlaybooks(repoPath('playbooks'), out);
    const text = readFileSync(repoPath('playbooks/two-questions.yaml'), 'utf8');
    expect(readPrecompiledPlaybook(join(out, 'two-questions.json'), text)).toBeDefined();
    expect(readPrecompiledPlaybook(join(out, 'two-questions.json'), `${text}# edited\n`)).toBeUndefined();
    expect(readPrecompiledPlaybook(join(out, 'no-such-playbook.json'), text)).toBeUndefined();
    expect(precompiledId(join(out, 'two-questions.json'), `${text}# edited\n`)).toBeUndefined();
  });

  it('are not used when written by another format, cut short, or not JSON', async () => {
    const out = tempDir();
    await precompilePlaybooks(repoPath('playbooks'), out);
    const text = readFileSync(repoPath('playbooks/two-questions.yaml'), 'utf8');
    const file = join(out, 'two-questions.json');
    const [head = '', body = ''] = readFileSync(file, 'utf8').split('\n');
    const older = `${JSON.stringify({ format: 1, source: text, playbook: JSON.parse(body) })}\n`;
    for (const stored of [older, `${head}\n${body.slice(0, body.length >> 1)}`, head, 'not json\n{}']) {
      writeFileSync(file, stored);
      expect(readPrecompiledPlaybook(file, text)).toBeUndefined();
    }
    writeFileSync(file, older);
    expect(precompiledId(file, text)).toBeUndefined();
  });

  it("live in playbooks/ in the bundle's own directory, named by id", () => {
    expect(precompiledFileFor(join('/pkg', 'playbooks', 'turn-around.yaml'), join('/pkg', 'build-2'))).toBe(join('/pkg', 'build-2', 'playbooks', 'turn-around.json'));
  });

  it('stop the build when a shipped playbook is invalid, listing every problem and writing nothing', async () => {
    const source = tempDir();
    const out = join(tempDir(), 'playbooks');
    copyFileSync(repoPath('playbooks/two-questions.yaml'), join(source, 'two-questions.yaml'));
    copyFileSync(repoPath('tests/fixtures/playbooks/broken/missing-keys.yaml'), join(source, 'missing-keys.yaml'));
    const failure = await precompilePlaybooks(source, out).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PlaybookError);
    expect((failure as PlaybookError).issues).toContainEqual({ file: join(source, 'missing-keys.yaml'), line: 2, col: 1, message: 'missing required key "summary"' });
    expect(existsSync(out)).toBe(false);
  });

  it('stop the build when a file name does not match the id it declares', async () => {
    const source = tempDir();
    mkdirSync(source, { recursive: true });
    writeFileSync(join(source, 'renamed.yaml'), readFileSync(repoPath('playbooks/two-questions.yaml')));
    await expect(precompilePlaybooks(source, join(tempDir(), 'out'))).rejects.toThrow(/renamed\.yaml:1:1: declares id "two-questions"; name the file two-questions\.yaml/);
  });
});
