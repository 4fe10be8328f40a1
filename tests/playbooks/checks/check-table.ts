/**
 * The table tests of the shipped checks: for one check (the same check may sit on several
 * questions of a playbook), sentences a salesperson would write that it must raise and sentences
 * it must leave alone, on every question that has it. Run through checkAnswer with the real
 * detectors, so a table shows what a user would see.
 */
import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../../src/core/check/check-answer.js';
import { detectorsFor } from '../../../src/language/lazy-detectors.js';
import { shippedPlaybook } from '../../helpers/playbooks.js';

export interface CheckTable {
  check: string;
  questions: string[];
  flag: string[];
  pass: string[];
}

export function checkTables(playbookId: string, tables: CheckTable[]): void {
  const playbook = shippedPlaybook(playbookId);
  const questions = [...playbook.prep.steps, ...(playbook.debrief?.steps ?? [])].flatMap((step) => step.questions);

  describe(`${playbookId}: checks on the words`, () => {
    it('gives every check an id, and a table to each', () => {
      const declared = questions.flatMap((question) => (question.checks ?? []).map((check) => `${question.id}/${check.id ?? '(no id)'}`));
      expect(declared.sort()).toEqual(tables.flatMap((table) => table.questions.map((question) => `${question}/${table.check}`)).sort());
    });

    it('defines a check the same way on every question that has it', () => {
      for (const table of tables) {
        const definitions = new Set(questions.flatMap((question) => (question.checks ?? []).filter((check) => check.id === table.check).map((check) => JSON.stringify(check))));
        expect(definitions.size, table.check).toBe(1);
      }
    });

    it('raises nothing on the answers the playbook suggests (its defaults)', async () => {
      for (const question of questions.filter((candidate) => candidate.checks && typeof candidate.default === 'string')) {
        const detectors = await detectorsFor(['passive', 'hedge']);
        expect(checkAnswer(question, String(question.default), detectors), question.id).toEqual([]);
      }
    });

    for (const table of tables) {
      describe(table.check, () => {
        const raised = async (sentence: string): Promise<string[]> => {
          const raisedOn: string[] = [];
          for (const id of table.questions) {
            const question = questions.find((candidate) => candidate.id === id);
            const check = question?.checks?.find((candidate) => candidate.id === table.check);
            if (!question || !check) throw new Error(`no check ${table.check} on ${id}`);
            const detectors = await detectorsFor(check.detector ? [check.detector] : []);
            if (checkAnswer({ ...question, checks: [check] }, sentence, detectors).length > 0) raisedOn.push(id);
          }
          return raisedOn;
        };

        it('has at least ten sentences of each kind', () => {
          expect(table.flag.length).toBeGreaterThanOrEqual(10);
          expect(table.pass.length).toBeGreaterThanOrEqual(10);
        });
        it.each(table.flag)('raises: %s', async (sentence) => {
          expect(await raised(sentence)).toEqual(table.questions);
        });
        it.each(table.pass)('leaves alone: %s', async (sentence) => {
          expect(await raised(sentence)).toEqual([]);
        });
      });
    }
  });
}
