import { describe, expect, it } from 'vitest';
import { fitPair } from '../../src/terminal/fit.js';

describe('fitPair', () => {
  it('keeps both whole when they fit', () => {
    expect(fitPair('Who is the customer?', 'Acme', 37, ' → ')).toEqual({ label: 'Who is the customer?', value: 'Acme' });
  });

  it('shortens the label first, at a word, so a short answer stays whole', () => {
    expect(fitPair('How will they arrive at the meeting?', 'Calm', 20, ' → ')).toEqual({ label: 'How will…', value: 'Calm' });
  });

  it('when both are long, the label keeps two fifths of the line and the answer the rest', () => {
    const fitted = fitPair('What do they need from me in this meeting?', 'a plan for the outage and a date', 37, ' → ');
    expect(fitted).toEqual({ label: 'What do they…', value: 'a plan for the…' });
    expect(`${fitted.label} → ${fitted.value}`.length).toBeLessThanOrEqual(37);
  });

  it('cuts inside a word only when no space is near', () => {
    expect(fitPair('Supercalifragilistic?', 'yes', 12, ' → ')).toEqual({ label: 'Super…', value: 'yes' });
  });
});
