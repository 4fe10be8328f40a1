/** `coach playbooks schema`: the JSON Schema of the playbook format, for editors. */
import { playbookJsonSchemaText } from '../engine/json-schema.js';
import { writeOut, type Io } from '../io.js';

export async function playbooksSchemaCommand(io: Io): Promise<void> {
  await writeOut(io.stdout, playbookJsonSchemaText());
}
