/**
 * The YAML half of reading a playbook (parse-playbook.ts is the other): the text read by the yaml
 * library (formats/yaml.ts) with every node's position, and every problem of YAML itself (syntax,
 * a second document, tags, a %YAML directive, forbidden keys, nesting, nothing there) thrown as a
 * PlaybookError. Apart from the schema so that a playbook that is not sound YAML never loads zod,
 * whose schema costs a start about 8 ms to build (store/playbooks/compiled-playbook-cache.ts
 * imports the two in turn).
 */
import { PlaybookError, type PlaybookIssue } from '../../errors.js';
import { FORBIDDEN_KEYS, hasExplicitTag, isMap, isScalar, isSeq, readYaml, visit, YAML_LIMITS, yamlData, type Document } from '../../formats/yaml.js';
import { firstLine } from '../text/text-lines.js';

/** The document, its data, and how to name a problem at an offset of the text. */
export interface PlaybookYaml {
  doc: Document;
  data: unknown;
  at: (offset: number, message: string) => PlaybookIssue;
}

/** The playbook's YAML, read by the yaml library with every node's position; throws a PlaybookError naming every problem of YAML itself. */
export function readPlaybookYaml(text: string, file: string): PlaybookYaml {
  const read = readYaml(text);
  if ('tooDeep' in read) throw new PlaybookError([{ file, line: read.tooDeep.line, col: read.tooDeep.col, message: read.tooDeep.message }]);
  const { doc, position } = read;
  const at = (offset: number, message: string): PlaybookIssue => ({ file, ...position(offset), message });

  const syntax: PlaybookIssue[] = read.problems.map(({ line, col, code, message }) => ({
    file,
    line,
    col,
    message: code === 'MULTIPLE_DOCS' ? 'a playbook is one YAML document: remove this "---", or split the file in two' : message,
  }));
  syntax.push(...yamlFeatureIssues(doc).map(({ offset, message }) => at(offset, message)));
  if (syntax.length > 0) throw new PlaybookError(sortIssues(syntax));

  let data: unknown;
  try {
    data = yamlData(doc);
  } catch (error) {
    throw new PlaybookError([at(0, `cannot be read: ${firstLine((error as Error).message)}`)]);
  }
  if (data === null || data === undefined) throw new PlaybookError([at(0, 'is empty: a playbook needs id, title, summary, source and prep')]);
  return { doc, data, at };
}

/** By line, then column: the order the file has them in. */
export function sortIssues(issues: PlaybookIssue[]): PlaybookIssue[] {
  return [...issues].sort((a, b) => a.line - b.line || a.col - b.col);
}

/**
 * Tags run constructors in some YAML loaders, nesting can blow the stack, a `%YAML 1.1` directive
 * would turn `no` into false, and `__proto__` keys are a prototype-pollution vector: refuse all.
 */
function yamlFeatureIssues(doc: Document): { offset: number; message: string }[] {
  const found: { offset: number; message: string }[] = [];
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    found.push({ offset: 0, message: `YAML ${doc.directives.yaml.version} is not supported; remove the %YAML directive (playbooks are YAML 1.2)` });
  }
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
        found.push({ offset: pair.key.range?.[0] ?? 0, message: `"${String(pair.key.value)}" is not allowed as a key` });
      }
      return undefined;
    },
    Node(_key, node, path) {
      if (node.tag && (isScalar(node) || isMap(node) || isSeq(node)) && hasExplicitTag(node)) {
        found.push({ offset: node.range?.[0] ?? 0, message: `YAML tags such as "${node.tag.replace('tag:yaml.org,2002:', '!!')}" are not allowed in a playbook; remove the tag` });
      }
      if (path.length > YAML_LIMITS.maxDepth * 2) {
        found.push({ offset: node.range?.[0] ?? 0, message: `nested more than ${YAML_LIMITS.maxDepth} levels deep` });
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}
