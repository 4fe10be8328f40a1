// The floor under `coach history --json` in bare Node, for the benchmark (bench.ts): what any
// implementation that checks every note against an index must do. It lists the notes directory,
// stats every note, reads the notes index coach wrote and prints one JSON object per note. It
// checks and decides nothing, so coach can only be slower; the gap is coach's own work.
const { readdirSync, readFileSync, statSync } = require('node:fs');
const [notesDir, indexDir] = process.argv.slice(2);
const names = readdirSync(notesDir).filter((name) => name.endsWith('.md')).sort();
const [indexName] = readdirSync(indexDir);
// Format 4 (src/store/notes/notes-index-layout.ts): the header's length, the header as JSON, then
// the stamps, each note's fields, the follow-ups, the names' and the strings' ends, the two texts.
const bytes = readFileSync(`${indexDir}/${indexName}`);
const headerEnd = 4 + bytes.readUInt32LE(0);
const header = JSON.parse(bytes.toString('utf8', 4, headerEnd));
// However many fields a note has in this version's layout: the floor reads them without knowing them.
const rest = bytes.length - headerEnd - header.notes * (4 * 8 + 4) - header.boxes * 16 - header.strings * 4 - header.namesBytes - header.stringsBytes;
const fields = rest / 4 / header.notes;
const fieldsAt = headerEnd + header.notes * 4 * 8;
const endsAt = fieldsAt + header.notes * fields * 4 + header.boxes * 16 + header.notes * 4;
const strings = bytes.toString('utf8', bytes.length - header.stringsBytes);
const text = (at, field) => {
  const place = bytes.readInt32LE(fieldsAt + (at * fields + field) * 4);
  return place === -1 ? null : strings.slice(place === 0 ? 0 : bytes.readUInt32LE(endsAt + (place - 1) * 4), bytes.readUInt32LE(endsAt + place * 4));
};
const notes = names.map((name, at) => {
  const stats = statSync(`${notesDir}/${name}`);
  return { id: name.slice(0, -3), path: `${notesDir}/${name}`, size: stats.size, playbook: text(at, 1), customer: text(at, 2), title: text(at, 3), date: text(at, 4), created: text(at, 5), prep: text(at, 6) };
});
process.stdout.write(`${JSON.stringify(notes, null, 2)}\n`);
