/**
 * A playbook's YAML is read, and its YAML problems reported, without the schema: a file that is
 * not sound YAML is refused before zod is loaded (its schema costs a start about 8 ms). The
 * module graph is esbuild's, as the build bundles it; the messages are parse-playbook's own.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { checkPlaybook, parsePlaybook } from '../../../src/core/playbook/parse-playbook.js';
import { readPlaybookYaml } from '../../../src/core/playbook/read-playbook-yaml.js';
import { PlaybookError } from '../../../src/errors.js';
import { repoPath } from '../../helpers/playbooks.js';

describe("a playbook's YAML, read apart from the schema", () => {
  it('brings neither zod nor the schema into what it imports', async () => {
    const result = await build({ entryPoints: [repoPath('src/core/playbook/read-playbook-yaml.ts')], bundle: true, platform: 'node', format: 'esm', write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes('node_modules/yaml/'))).toBe(true);
    expect(inputs.filter((input) => input.includes('node_modules/zod/') || input.endsWith('core/playbook/schema.ts'))).toEqual([]);
  });

  it('refuses what is not sound YAML, as parsePlaybook does, before any schema check', () => {
    const text = 'id: broken\ntitle: [unclosed\n';
    const refusal = (read: () => unknown): string[] => {
      try {
        read();
      } catch (error) {
        if (error instanceof PlaybookError) return error.issues.map((issue) => `${issue.line}:${issue.col}: ${issue.message}`);
        throw error;
      }
      throw new Error('not refused');
    };
    const problems = refusal(() => readPlaybookYaml(text, 'broken.yaml'));
    expect(problems.length).toBeGreaterThan(0);
    expect(refusal(() => parsePlaybook(text, 'broken.yaml'))).toEqual(problems);
  });

  it('gives the schema check what it needs to name a problem at its line', () => {
    const yaml = readPlaybookYaml('id: no-title\nsummary: s\nsource: s\nprep:\n  steps: []\n', 'no-title.yaml');
    expect(() => checkPlaybook(yaml)).toThrow(PlaybookError);
    try {
      checkPlaybook(yaml);
    } catch (error) {
      expect((error as PlaybookError).issues.map((issue) => `${issue.file}:${issue.line}:${issue.col}: ${issue.message}`)).toContain('no-title.yaml:1:1: missing required key "title"');
    }
  });
});
