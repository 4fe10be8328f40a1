// The floor under `coach history --json` in bare Node, for the benchmark (bench.ts): what any
// implementation that checks every note against an index must do. It lists the notes directory,
// stats every note, parses the notes index coach wrote and prints one JSON object per note. It
// checks and decides nothing, so coach can only be slower; the gap is coach's own work.
const { readdirSync, readFileSync, statSync } = require('node:fs');
const [notesDir, indexDir] = process.argv.slice(2);
const names = readdirSync(notesDir).filter((name) => name.endsWith('.md')).sort();
const [indexName] = readdirSync(indexDir);
const index = JSON.parse(readFileSync(`${indexDir}/${indexName}`, 'utf8'));
// However many fields a note has in this version's layout: the floor reads them without knowing them.
const fields = index.notes.length / index.names.length;
const notes = names.map((name, at) => {
  const stats = statSync(`${notesDir}/${name}`);
  const text = (field) => index.strings[index.notes[at * fields + field]] ?? null;
  return { id: name.slice(0, -3), path: `${notesDir}/${name}`, size: stats.size, playbook: text(1), customer: text(2), title: text(3), date: text(4), created: text(5), prep: text(6) };
});
process.stdout.write(`${JSON.stringify(notes, null, 2)}\n`);
