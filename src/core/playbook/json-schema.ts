/**
 * The JSON Schema of the playbook format, generated from the zod schema so the two cannot
 * disagree. Editors (the YAML language server) use it for completion, hover text and checks; the
 * shipped copy is playbooks/playbook.schema.json, and a test keeps it equal to this output.
 *
 * zod cannot express the rules that live in `superRefine` (a select needs choices, a condition
 * has one shape, a score one way to count), so they are added here as plain JSON Schema; the
 * rules that need the whole playbook (references, reachability) stay with `coach playbooks validate`.
 */
import * as z from 'zod';
import { Band, Card, Check, Condition, Counted, Flag, PerEntry, Playbook, Question, Score, Step, Walk } from './schema.js';
import { FIELD_DESCRIPTIONS, type DefinitionName } from './json-schema-descriptions.js';

type JsonObject = { [key: string]: unknown };

export const PLAYBOOK_SCHEMA_FILE = 'playbook.schema.json';

/** Named definitions, so the schema reads like the format and editors show the names. */
const DEFINITIONS = { Walk, Step, Question, Check, Condition, Counted, Flag, PerEntry, Score, Band, Card } as const satisfies Record<Exclude<DefinitionName, 'Playbook'>, unknown>;

export function playbookJsonSchema(): JsonObject {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(DEFINITIONS)) registry.add(schema, { id });
  const generated = z.toJSONSchema(Playbook, { target: 'draft-07', io: 'input', metadata: registry, unrepresentable: 'throw' });
  // A deep copy: the generator may share one object between places, and we decorate per place.
  const schema = JSON.parse(JSON.stringify(generated)) as JsonObject;
  const definitions = schema['definitions'] as Record<string, JsonObject>;

  for (const name of Object.keys(DEFINITIONS) as (keyof typeof DEFINITIONS)[]) {
    const definition = definitions[name];
    if (!definition) throw new Error(`the JSON Schema has no definition "${name}"`);
    definitions[name] = described(definition, name);
  }
  addStructuralRules(definitions);
  return {
    $schema: schema['$schema'],
    title: 'coach playbook',
    ...described(withoutKey(schema, '$schema'), 'Playbook'),
  };
}

/** The schema as it is written to playbooks/playbook.schema.json and printed by `coach playbooks schema`. */
export function playbookJsonSchemaText(): string {
  return `${JSON.stringify(playbookJsonSchema(), null, 2)}\n`;
}

function withoutKey(object: JsonObject, key: string): JsonObject {
  const { [key]: _dropped, ...rest } = object;
  return rest;
}

/** Hover text for each field; a described field that the schema no longer has is a bug. */
function described(definition: JsonObject, name: DefinitionName): JsonObject {
  const { $self, ...fields } = FIELD_DESCRIPTIONS[name];
  const properties = definition['properties'] as Record<string, JsonObject>;
  for (const [key, description] of Object.entries(fields)) {
    const property = properties[key];
    if (!property) throw new Error(`the JSON Schema of ${name} has no property "${key}"`);
    // In draft-07 a `$ref` ignores its siblings, so the reference moves into an `allOf`.
    properties[key] = typeof property['$ref'] === 'string' ? { allOf: [{ $ref: property['$ref'] }], description } : { ...property, description };
  }
  return { description: $self, ...definition };
}

const requiredKey = (key: string): JsonObject => ({ required: [key] });

function addStructuralRules(definitions: Record<string, JsonObject>): void {
  const question = definitions['Question'] ?? {};
  const typeIs = (types: string[]): JsonObject => ({ properties: { type: { enum: types } }, required: ['type'] });
  question['allOf'] = [
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's own if/then keywords, not a thenable
    { if: typeIs(['select', 'multi']), then: requiredKey('choices'), else: { not: requiredKey('choices') } },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's own if/then keywords, not a thenable
    { if: { not: typeIs(['number', 'scale']) }, then: { not: { anyOf: [requiredKey('min'), requiredKey('max')] } } },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's own if/then keywords, not a thenable
    { if: { not: typeIs(['text', 'long']) }, then: { not: requiredKey('checks') } },
  ];

  // An answer with at least one test and no combinator, or exactly one combinator alone.
  const condition = definitions['Condition'] ?? {};
  condition['anyOf'] = [
    {
      ...requiredKey('answer'),
      minProperties: 2,
      not: { anyOf: [requiredKey('all'), requiredKey('any'), requiredKey('not')] },
    },
    { ...requiredKey('all'), maxProperties: 1 },
    { ...requiredKey('any'), maxProperties: 1 },
    { ...requiredKey('not'), maxProperties: 1 },
  ];

  // A counted item is a condition of the same shape, with `missing` beside it.
  const counted = definitions['Counted'] ?? {};
  const alone = (key: string): JsonObject => ({ ...requiredKey(key), propertyNames: { enum: [key, 'missing'] } });
  counted['anyOf'] = [
    { ...requiredKey('answer'), not: { anyOf: [requiredKey('all'), requiredKey('any'), requiredKey('not')] } },
    alone('all'),
    alone('any'),
    alone('not'),
  ];

  // A tip never holds a score back, so it has no reason to give for not doing so.
  const flag = definitions['Flag'] ?? {};
  flag['if'] = { properties: { level: { const: 'tip' } }, required: ['level'] };
  flag['then'] = { not: requiredKey('ready_despite') };

  const check = definitions['Check'] ?? {};
  check['anyOf'] = [
    { anyOf: [requiredKey('phrases'), requiredKey('detector')], not: requiredKey('missing') },
    { ...requiredKey('missing'), not: { anyOf: [requiredKey('phrases'), requiredKey('detector')] } },
  ];

  const score = definitions['Score'] ?? {};
  score['oneOf'] = [requiredKey('count'), requiredKey('sum'), requiredKey('selected')];
  // A count item carries its own `missing`; the score-level map is for sum and selected.
  score['if'] = requiredKey('count');
  score['then'] = { not: requiredKey('missing') };
}
