/**
 * The section a note becomes in a running notes file: the front matter gone, every heading one
 * level down (never past H6), and code blocks, which hold text and not headings, left alone.
 */
import { describe, expect, it } from 'vitest';
import { runningFileSection } from '../../../src/core/note/running-file-section.js';

describe('runningFileSection', () => {
  it('drops the front matter and moves every heading one level down', () => {
    const note = '---\ncoach: 1\ncustomer: Acme\n---\n\n# Meeting prep: Acme\n\n## Step\n\n###### Deepest\n\nText with # inside.\n';
    expect(runningFileSection(note)).toBe('## Meeting prep: Acme\n\n### Step\n\n###### Deepest\n\nText with # inside.\n');
  });

  it('leaves fenced code alone, and a text with no front matter keeps all its text', () => {
    const body = '# Title\n\n```sh\n# a shell comment\n```\n\n~~~\n## not a heading\n~~~\n\n## After\n';
    expect(runningFileSection(body)).toBe('## Title\n\n```sh\n# a shell comment\n```\n\n~~~\n## not a heading\n~~~\n\n### After\n');
  });
});
