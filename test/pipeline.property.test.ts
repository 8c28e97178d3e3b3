import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { check, documentArbitrary } from '../src/bench/fuzz.js';
import { violations } from '../src/bench/invariants.js';
import { runCorpusFile } from './helpers.js';

describe('the whole pipeline on random mixes of real fragments, markup and noise', () => {
  test('never crashes: a document keeps every invariant or fails with a reason of its content (300 cases; npm run bench:fuzz runs 10,000)', () => {
    fc.assert(
      fc.property(documentArbitrary(), (doc) => {
        expect(check(doc)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test('the invariant check is not blind: a mention moved off its text is caught', () => {
    const doc = runCorpusFile('003_7004f69c1b986a66.txt');
    expect(violations(doc)).toEqual([]);
    const number = doc.final.numbers[0]!;
    number.span = [number.span[0] + 1, number.span[1] + 1];
    expect(violations(doc)).toContain(`number ${number.text}: ${JSON.stringify(number.text)} is not its span's text ${JSON.stringify(doc.clean.text.slice(...number.span))}`);
  });
});
