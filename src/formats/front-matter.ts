/**
 * Reading a note's front matter back. It is written by front-matter-emitter.ts, which does not
 * load the yaml library (a prep only writes); reading it needs a real YAML parser, because a note
 * may have been edited by hand, and it is read by the library as every YAML document is.
 */
import { readYamlMapping } from './yaml.js';
import { splitFrontMatter } from './front-matter-split.js';

/** The front matter's data, or undefined when there is none or it is not a YAML mapping. */
export function parseFrontMatter(text: string): Record<string, unknown> | undefined {
  const split = splitFrontMatter(text);
  if (!split) return undefined;
  const read = readYamlMapping(split.frontMatter);
  return 'data' in read ? read.data : undefined;
}
