import { describe, expect, it } from 'vitest';
import { noteFileName } from '../../../src/store/notes/notes-dir.js';

describe('noteFileName', () => {
  it('is date, customer slug, playbook and kind', () => {
    expect(noteFileName({ date: '2026-11-22', customer: 'Acme Corp', playbook: 'two-questions', kind: 'prep' })).toBe('2026-11-22-acme-corp-two-questions-prep.md');
  });

  it('stays under 255 bytes for the longest customer and playbook id', () => {
    const name = noteFileName({ date: '2026-11-22', customer: 'x'.repeat(500), playbook: `${'a-'.repeat(300)}b`, kind: 'debrief' });
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    expect(name).toMatch(/^2026-11-22-x+-a(-a)*-debrief\.md$/);
  });
});
