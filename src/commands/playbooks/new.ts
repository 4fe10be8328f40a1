/**
 * `coach playbooks new <id>`: writes a commented starter into the user playbook directory (or
 * --dir), never over an existing file, with the JSON Schema beside it so an editor helps at once.
 * The new path goes to stdout (`$EDITOR "$(coach playbooks new renewal-call)"`), advice to stderr.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PLAYBOOK_SCHEMA_FILE, playbookJsonSchemaText } from '../../core/playbook/json-schema.js';
import { starterPlaybook } from '../../core/playbook/starter-playbook.js';
import { UsageError } from '../../errors.js';
import { writeOut } from '../../io.js';
import { findPlaybookFile } from '../../store/playbooks/playbook-library.js';
import { replaceFile, writeNewFile } from '../../store/files/write-new-file.js';
import { readRegularFileSync } from '../../store/files/read-regular-file.js';
import type { CommandContext } from '../command-context.js';

const PLAYBOOK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface PlaybooksNewOptions {
  dir?: string | undefined;
}

export async function playbooksNewCommand(id: string, options: PlaybooksNewOptions, context: CommandContext): Promise<void> {
  const { io } = context;
  if (!PLAYBOOK_ID.test(id)) {
    throw new UsageError(`"${id}" is not a playbook id: use lower-case letters, digits and single dashes, for example renewal-call`);
  }
  const { sources } = context.playbooks;
  const userDir = sources.find((source) => source.kind === 'user')?.dir;
  // With no home there is no user directory: never a guess relative to wherever coach runs.
  if (options.dir === undefined && userDir === undefined) throw new UsageError('cannot find a home directory for your playbooks; give one with --dir <dir> (or set COACH_CONFIG_DIR)');
  const dir = options.dir !== undefined ? resolve(io.cwd, options.dir) : (userDir as string);
  for (const existing of [`${id}.yaml`, `${id}.yml`].map((name) => join(dir, name))) {
    if (existsSync(existing)) throw new UsageError(`${existing} already exists; coach never overwrites a playbook. Edit it, or choose another id.`);
  }
  const elsewhere = findPlaybookFile(id, sources);

  const path = writeNewFile(join(dir, `${id}.yaml`), starterPlaybook(id));
  refreshSchema(join(dir, PLAYBOOK_SCHEMA_FILE));

  await writeOut(io.stdout, `${path}\n`);
  const lines = [`Created ${path}`];
  if (elsewhere) lines.push(`Note: there is also a ${elsewhere.source} playbook "${id}" (${elsewhere.path}); \`coach playbooks\` shows which one wins.`);
  const name = sources.some((source) => source.dir === dir) ? id : path;
  lines.push(`Next: edit it, check it with \`coach playbooks validate ${name}\`, then try it with \`coach prep ${name}\`.`);
  io.stderr.write(`${lines.join('\n')}\n`);
}

/** Far more than the schema's size: whatever else is there is not the schema, and is replaced. */
const MAX_SCHEMA_BYTES = 16 * 1024 * 1024;

/** The starter's first line points at ./playbook.schema.json: keep that file current. */
function refreshSchema(path: string): void {
  const schema = playbookJsonSchemaText();
  const read = readRegularFileSync(path, MAX_SCHEMA_BYTES);
  if ('bytes' in read && read.bytes.toString('utf8') === schema) return;
  // replaceFile refuses what is not a regular file (a FIFO, a device) with a message saying so.
  if ('problem' in read && read.problem === 'missing') writeNewFile(path, schema);
  else replaceFile(path, schema);
}
