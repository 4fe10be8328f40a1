import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { createSessionView } from '../../src/terminal/session-view.js';
import { Capture } from '../helpers/run-cli.js';

const noColour = new Chalk({ level: 0 });

describe('the session view', () => {
  it('wraps a step heading at 40 columns between words, never inside one', () => {
    const out = new Capture();
    const title = 'Take the stick: say what went wrong before they do';
    createSessionView(out, noColour, 40).onEvent({ type: 'step', number: 3, total: 9, title });
    const heading = out.text.split('\n').filter((line) => line !== '');
    expect(heading).toEqual(['Step 3 of 9 - Take the stick: say what', 'went wrong before they do']);
    for (const line of heading) expect(line.length).toBeLessThanOrEqual(40);
  });

  it('keeps a heading that fits on one line', () => {
    const out = new Capture();
    createSessionView(out, noColour, 100).onEvent({ type: 'step', number: 1, total: 2, title: 'Mood' });
    expect(out.text).toBe('\nStep 1 of 2 - Mood\n\n');
  });

  it('says "or more" after a total that a later answer may still grow', () => {
    const out = new Capture();
    createSessionView(out, noColour, 100).onEvent({ type: 'step', number: 2, total: 4, more: true, title: 'Define the problem' });
    expect(out.text).toBe('\nStep 2 of 4 or more - Define the problem\n\n');
  });

  it('a labelled line ("Recommended: ...") is broken between words, its later rows under the text', () => {
    const out = new Capture();
    createSessionView(out, noColour, 40).labelled('Recommended:', 'take-the-stick - your company caused the pain: research it');
    expect(out.text).toBe('Recommended: take-the-stick - your\n             company caused the pain:\n             research it\n');
  });
});
