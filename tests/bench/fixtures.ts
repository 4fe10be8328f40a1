/** Builds the benchmark's inputs in a temp directory: notes directories and generated playbooks. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

const CUSTOMERS = ['Acme Corp', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', 'Wayne Enterprises', 'Soylent'];
const PLAYBOOKS = ['two-questions', 'take-the-stick', 'customer-is-wrong', 'turn-around', 'listen-to-understand'];

/**
 * A notes directory as years of use leave it: preps, most with a debrief, with real bodies
 * (`bodyRepeat` paragraphs of about 2 KB; history reads only the front matter, so the size of
 * the body matters only to the disk).
 */
export function writeNotes(dir: string, count: number, bodyRepeat = 3): void {
  mkdirSync(dir, { recursive: true });
  const body = `\n# Meeting prep\n\n${'Some answer text that a person wrote before the meeting. '.repeat(40)}\n`.repeat(bodyRepeat);
  for (let i = 0; i < count; i++) {
    writeFileSync(join(dir, noteName(i)), noteText(i, body));
  }
}

/** The note `i` of a directory written by writeNotes; `edit` gives the same note other words. */
export function rewriteNote(dir: string, i: number, edit: number): void {
  writeFileSync(join(dir, noteName(i)), noteText(i, `\n# Meeting prep\n\nEdited ${edit} times.\n`, `Meeting ${i}, edit ${edit}`));
}

function noteName(i: number): string {
  const { id, kind } = noteFields(i);
  return `${id}-${kind}.md`;
}

function noteFields(i: number) {
  const day = new Date(Date.UTC(2018, 0, 1) + Math.floor(i / 3) * 86_400_000).toISOString().slice(0, 10);
  const customer = CUSTOMERS[i % CUSTOMERS.length] ?? 'Acme';
  const playbook = PLAYBOOKS[i % PLAYBOOKS.length] ?? 'two-questions';
  const kind = i % 2 === 0 ? 'prep' : 'debrief';
  const slug = customer.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return { day, customer, playbook, kind, slug, id: `${day}-${slug}-${playbook}-${i}` };
}

function noteText(i: number, body: string, title = `Meeting ${i}`): string {
  const { day, customer, playbook, kind, slug } = noteFields(i);
  const front = {
    coach: 1,
    kind,
    playbook,
    customer,
    title,
    date: day,
    created: `${day}T09:30:00.000Z`,
    ...(kind === 'debrief' ? { prep: `${day}-${slug}-${playbook}-${i - 1}-prep` } : {}),
    answers: { need: 'a firm date for the fix', state: 'angry', helpful: 'listen first' },
    flags: [{ level: 'warn', message: 'They may arrive angry.', actions: ['Let them vent'] }],
  };
  return `---\n${stringify(front)}---\n${body}`;
}

/** A playbook of `steps` steps with `perStep` text questions each, and an answers file for it. */
export function writeGeneratedPlaybook(dir: string, id: string, steps: number, perStep: number): { playbook: string; answers: string } {
  const answers: Record<string, string> = { customer: 'Acme' };
  const walk = Array.from({ length: steps }, (_, s) => ({
    id: `step-${s}`,
    title: `Step ${s}`,
    guidance: s === 0 ? `Guidance for the first step.` : `Guidance for step ${s}, with an answer from before: {{q-${s - 1}-0}}.`,
    questions: Array.from({ length: perStep }, (_, q) => {
      const qid = `q-${s}-${q}`;
      answers[qid] = `answer ${s}.${q}`;
      return { id: qid, type: 'text', prompt: `Question ${s}.${q}?`, why: 'Because.', ...(s > 0 && q === 0 ? { when: { answer: `q-${s - 1}-0`, answered: true } } : {}) };
    }),
  }));
  const playbook = {
    id,
    title: `Generated ${id}`,
    summary: 'Generated for the benchmark.',
    source: 'Benchmark',
    prep: {
      steps: walk,
      flags: [{ when: { answer: 'q-0-0', answered: true }, level: 'tip', message: 'Answered {{q-0-0}}', actions: ['Act'] }],
      scores: [{ id: 'done', title: 'Done', count: walk.map((step) => ({ answer: `${step.id.replace('step', 'q')}-0`, answered: true })), bands: [{ min: 0, verdict: 'Counted' }] }],
    },
  };
  const playbookPath = join(dir, `${id}.yaml`);
  const answersPath = join(dir, `${id}-answers.yaml`);
  writeFileSync(playbookPath, stringify(playbook));
  writeFileSync(answersPath, stringify(answers));
  return { playbook: playbookPath, answers: answersPath };
}
