/**
 * The JSON Schema editors use: the shipped file is exactly what the code generates, it accepts
 * every shipped playbook and the starter, and rejects every structurally broken fixture. Fixtures
 * whose problems need the whole playbook (references, reachability, ids) pass it, which shows
 * they are broken in that one way only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { playbookJsonSchema, playbookJsonSchemaText } from '../../../src/core/playbook/json-schema.js';
import { starterPlaybook } from '../../../src/core/playbook/starter-playbook.js';
import { repoPath } from '../../helpers/playbooks.js';

const BROKEN = 'tests/fixtures/playbooks/broken';
const STRUCTURAL = ['unknown-keys', 'wrong-types', 'bad-values', 'missing-keys', 'bad-conditions', 'shapes', 'mixed-problems', 'mixed-shape', 'score-words-shape'];
const SEMANTIC = ['bad-references', 'duplicate-ids', 'unreachable', 'never-fires', 'score-words-references'];
/** yaml-syntax.yaml is not YAML a JSON Schema could even be applied to. */
const NOT_YAML = ['yaml-syntax', 'two-documents'];

const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(playbookJsonSchema());
const readYaml = (relative: string): unknown => parse(readFileSync(repoPath(relative), 'utf8'));

describe('the playbook JSON Schema', () => {
  it('is shipped as playbooks/playbook.schema.json, exactly as generated', () => {
    // If this fails after a schema change: npm run build && node bin/coach.js playbooks schema > playbooks/playbook.schema.json
    expect(readFileSync(repoPath('playbooks/playbook.schema.json'), 'utf8')).toBe(playbookJsonSchemaText());
  });

  const shipped = readdirSync(repoPath('playbooks')).filter((name) => name.endsWith('.yaml'));
  it.each(shipped)('accepts the shipped playbook %s, which names it on its first line', (name) => {
    const text = readFileSync(repoPath(`playbooks/${name}`), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./playbook.schema.json');
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts the starter that coach playbooks new writes', () => {
    expect(validate(parse(starterPlaybook('renewal-call'))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('sorts every broken fixture into exactly one family', () => {
    const names = readdirSync(repoPath(BROKEN)).map((name) => name.replace(/\.yaml$/, ''));
    expect(names.sort()).toEqual([...STRUCTURAL, ...SEMANTIC, ...NOT_YAML].sort());
  });

  it.each(STRUCTURAL)('rejects %s.yaml', (name) => {
    expect(validate(readYaml(`${BROKEN}/${name}.yaml`))).toBe(false);
  });

  it.each(SEMANTIC)('lets %s.yaml through: only the validator sees across the playbook', (name) => {
    expect(validate(readYaml(`${BROKEN}/${name}.yaml`)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('gives editors the rules zod checks in code: choices, one condition shape, one way to score', () => {
    const base = parse(starterPlaybook('probe')) as { prep: { steps: { questions: Record<string, unknown>[] }[]; flags: Record<string, unknown>[]; scores: Record<string, unknown>[] } };
    const variants: [string, (playbook: typeof base) => void][] = [
      ['a select without choices', (p) => delete p.prep.steps[0]?.questions[1]?.['choices']],
      ['choices on a text question', (p) => Object.assign(p.prep.steps[0]?.questions[0] ?? {}, { choices: ['a'] })],
      ['min on a text question', (p) => Object.assign(p.prep.steps[0]?.questions[0] ?? {}, { min: 1 })],
      ['an answer with no test', (p) => Object.assign(p.prep.flags[0] ?? {}, { when: { answer: 'outcome' } })],
      ['two combinators', (p) => Object.assign(p.prep.flags[0] ?? {}, { when: { all: [{ answer: 'outcome', answered: true }], not: { answer: 'risk', equals: 'low' } } })],
      ['a score counted two ways', (p) => Object.assign(p.prep.scores[0] ?? {}, { sum: ['agenda_sent'] })],
    ];
    for (const [name, breakIt] of variants) {
      const playbook = structuredClone(base);
      breakIt(playbook);
      expect(validate(playbook), name).toBe(false);
    }
  });
});
