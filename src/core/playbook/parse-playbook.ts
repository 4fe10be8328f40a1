/**
 * YAML text to a validated Playbook, or a PlaybookError that lists every problem as
 * `file:LINE:COL: message`, so an editor or a person can go straight to it. The yaml library
 * reads it (through formats/yaml.ts, in read-playbook-yaml.ts) with every node's position; this
 * checks what it holds against the schema. A playbook read once is kept compiled, so this runs
 * only for a playbook that is new or was edited.
 */
import type { z } from 'zod';
import { PlaybookError, type PlaybookIssue } from '../../errors.js';
import { isMap, isPair, isScalar, isSeq, YAML_LIMITS, type Document, type Node } from '../../formats/yaml.js';
import { checkIdsOfRawData, checkReferences } from './check-references.js';
import type { IssuePath } from './reference-issue.js';
import { closest } from '../text/closest.js';
import { ANSWER_TESTS, Band, Check, Flag, Playbook, Question, Score, Step, Walk } from './schema.js';
import { readPlaybookYaml, sortIssues, type PlaybookYaml } from './read-playbook-yaml.js';

export { YAML_LIMITS };

/** Reads with the yaml library, keeping positions, and throws a PlaybookError naming every problem. */
export function parsePlaybook(text: string, file: string): Playbook {
  return checkPlaybook(readPlaybookYaml(text, file));
}

/** The playbook the YAML holds, checked against the schema and its own references; throws a PlaybookError naming every problem. */
export function checkPlaybook({ doc, data, at }: PlaybookYaml): Playbook {
  const parsed = Playbook.safeParse(data, { reportInput: true, ...ONCE });
  const shapeIssues = parsed.success ? [] : parsed.error.issues.flatMap((issue) => locateZodIssue(doc, issue, at));
  // Unknown keys leave the rest of the shape sound: without them the reference checks can still
  // run, so one validate lists a stray key and a duplicate id together.
  const playbook = parsed.success ? parsed.data : withoutUnknownKeys(data, parsed.error.issues);
  const references = playbook ? checkReferences(playbook) : checkIdsOfRawData(data);
  const referenceIssues = references.map(({ path, message }) => at(locate(doc, path).offset, `${describePath(path)}: ${message}`));
  if (shapeIssues.length > 0 || referenceIssues.length > 0) throw new PlaybookError(sortIssues([...shapeIssues, ...referenceIssues]));
  if (!parsed.success) throw new Error('unreachable: a playbook that failed its schema reported no problem');
  return parsed.data;
}

/**
 * A playbook is checked once per process. Without `jitless`, zod writes a parser for each object
 * shape with `new Function` the first time it checks one: code no V8 code cache keeps, which pays
 * only over thousands of objects. Measured: the first prep of a user's playbook 9% faster with
 * it, a first validate of the five shipped ones 3%, of a 2,000-question playbook the same.
 */
const ONCE = { jitless: true } as const;

/** The data with every unrecognised key removed, if those keys were the schema's only complaint. */
function withoutUnknownKeys(data: unknown, issues: readonly z.core.$ZodIssue[]): Playbook | undefined {
  if (!issues.every((issue) => issue.code === 'unrecognized_keys')) return undefined;
  const copy = structuredClone(data);
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    let node: unknown = copy;
    for (const segment of issue.path) node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[segment] : undefined;
    if (node && typeof node === 'object') for (const key of issue.keys) delete (node as Record<string, unknown>)[key];
  }
  const retried = Playbook.safeParse(copy, ONCE);
  return retried.success ? retried.data : undefined;
}


interface Located {
  offset: number;
}

/** Walks the YAML tree along a validation path, as deep as the path exists in the file. */
function locate(doc: Document, path: IssuePath, wantKey = false): Located {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
      if (!pair) break;
      const keyNode = pair.key as Node;
      const valueNode = pair.value as Node | null;
      offset = wantKey && segment === path[path.length - 1] ? keyNode.range?.[0] ?? offset : valueNode?.range?.[0] ?? keyNode.range?.[0] ?? offset;
      node = valueNode;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return { offset };
}

/** `prep.steps[0].questions[1].type`: the same address a reader would write. */
export function describePath(path: IssuePath): string {
  return path.reduce<string>((text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment), '');
}

type Pos = (offset: number, message: string) => PlaybookIssue;

function locateZodIssue(doc: Document, issue: z.core.$ZodIssue, at: Pos): PlaybookIssue[] {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  const where = describePath(path);
  const prefix = where ? `${where}: ` : '';
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const hint = closest(key, knownKeys(path));
        // "{ prompt: What happened, in their words? }" splits at the comma into a stray key.
        const split = !hint && /\s/.test(key.trim()) ? ' (a comma inside { } starts a new key: put the value in quotes)' : '';
        const message = `${prefix}unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : split}`;
        return at(locate(doc, [...path, key], true).offset, message);
      });
    case 'invalid_type':
      if (issue.input === undefined) return [missingKey(doc, path, at)];
      return [at(locate(doc, path).offset, `${prefix}expected ${issue.expected}, got ${describeValue(issue.input)}`)];
    case 'invalid_value': {
      // A missing enum key (`type`, `level`) arrives as a bad value of undefined.
      if (issue.input === undefined) return [missingKey(doc, path, at)];
      const options = issue.values.map(String);
      const hint = closest(String(issue.input), options);
      const message = `${prefix}must be one of: ${options.join(', ')} (got ${describeValue(issue.input)})${hint ? `; did you mean "${hint}"?` : ''}`;
      return [at(locate(doc, path).offset, message)];
    }
    case 'too_small':
      return [at(locate(doc, path).offset, `${prefix}${issue.origin === 'array' ? `needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}` : issue.origin === 'string' ? 'must not be empty' : issue.message}`)];
    case 'invalid_union':
      return [at(locate(doc, path).offset, `${prefix}expected ${unionExpectation(path)}, got ${describeValue(issue.input)}`)];
    default:
      return [at(locate(doc, path).offset, `${prefix}${issue.message}`)];
  }
}

function missingKey(doc: Document, path: IssuePath, at: Pos): PlaybookIssue {
  const parent = describePath(path.slice(0, -1));
  return at(locate(doc, path.slice(0, -1)).offset, `${parent ? `${parent}: ` : ''}missing required key "${String(path[path.length - 1])}"`);
}

function unionExpectation(path: IssuePath): string {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (parent === 'choices') return 'a string or {value, label}';
  if (last === 'default') return 'a string, number, boolean or list of strings';
  return 'a string, number or boolean';
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return `${typeof value} ${String(value)}`;
}

/** The keys allowed at a path, for "did you mean" on unknown keys. */
function knownKeys(path: IssuePath): string[] {
  const names = path.filter((segment): segment is string => typeof segment === 'string');
  const last = names[names.length - 1];
  const conditionKeys = ['answer', ...ANSWER_TESTS, 'all', 'any', 'not'];
  if (names.length === 0) return Object.keys(Playbook.shape);
  if (['when', 'all', 'any', 'not', 'count'].includes(last ?? '')) return conditionKeys;
  if (last === 'prep' || last === 'debrief') return Object.keys(Walk.shape);
  if (last === 'steps') return Object.keys(Step.shape);
  if (last === 'questions') return Object.keys(Question.shape);
  if (last === 'checks') return Object.keys(Check.shape);
  if (last === 'flags') return Object.keys(Flag.shape);
  if (last === 'scores') return Object.keys(Score.shape);
  if (last === 'bands') return Object.keys(Band.shape);
  if (last === 'choices') return ['value', 'label'];
  return [];
}
