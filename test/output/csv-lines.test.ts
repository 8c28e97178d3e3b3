import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CSV_OPTIONS as OPTIONS, type Cell, csvLines } from '../../src/output/csv.js';


const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.stringMatching(/^[=+\-@\t\r＝＋－＠"',\n ]{0,3}[\s\S]{0,10}$/),
  fc.constantFrom('', '"', '""', '-3', '=SUM(A1)', '\r\n', '巡察"整改"', '\uFF0D1'),
  fc.double(),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.boolean(),
  fc.constant(null),
);

describe('csvLines writes what csv-stringify writes with the tables\' options', () => {
  test('on 2,000 random tables of strings, numbers, booleans and nulls', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 5 }), (rows) => {
        expect(csvLines(rows)).toBe(stringify(rows as Cell[][], OPTIONS));
      }),
      { numRuns: 2000 },
    );
  });

  test.each([
    [[['a', 1, -2.5, true, null, '']]],
    [[['-3', '=1+1', '@x', '\tx', '＝x', 'say "hi"', 'two\nlines']]],
    [[[], ['x']]],
  ])('%j', (rows) => {
    expect(csvLines(rows as Cell[][])).toBe(stringify(rows as Cell[][], OPTIONS));
  });
});
