/** `coach playbooks schema`: the JSON Schema of the playbook format, for editors. */
import { playbookJsonSchemaText } from '../../core/playbook/json-schema.js';
import { writeOut } from '../../io.js';
import type { CommandContext } from '../command-context.js';

export async function playbooksSchemaCommand({ io }: CommandContext): Promise<void> {
  await writeOut(io.stdout, playbookJsonSchemaText());
}
