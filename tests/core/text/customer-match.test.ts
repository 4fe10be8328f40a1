/** Which customer a typed name means: any case or punctuation, a unique start, else candidates or a hint. */
import { describe, expect, it } from 'vitest';
import { matchCustomer } from '../../../src/core/text/customer-match.js';

const CUSTOMERS = ["St. Mary's Trust", 'st marys trust', 'Stark Industries', 'Acme', 'Acme Corp', 'Ridgeway Council'];

describe('matchCustomer', () => {
  it.each([
    ['ST MARY’S TRUST', { customer: "St. Mary's Trust" }],
    ['st marys', { customer: "St. Mary's Trust" }],
    ['ridge', { customer: 'Ridgeway Council' }],
    ['acme', { customer: 'Acme' }],
    ['acme c', { customer: 'Acme Corp' }],
    ['st', { candidates: ["St. Mary's Trust", 'Stark Industries'] }],
    ['st marx', { hint: "St. Mary's Trust" }],
    ['ridgeway councel', { hint: 'Ridgeway Council' }],
    ['globex', { hint: undefined }],
    ['...', {}],
  ])('%s', (typed, expected) => {
    expect(matchCustomer(typed, CUSTOMERS)).toEqual(expected);
  });
});
