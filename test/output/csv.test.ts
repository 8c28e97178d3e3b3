import { parse } from 'csv-parse/sync';
import { expect, test } from 'vitest';
import { type Column, batchCsv, toCsv } from '../../src/output/csv.js';
import { runCorpusFile } from '../helpers.js';

type Row = { a: string | number | null };
const columns: Column<Row>[] = [{ header: 'a', cell: (r) => r.a }];

test('writes a BOM, CRLF line ends and a header', () => {
  const csv = toCsv(columns, [{ a: '汨罗' }]);
  expect(csv.startsWith('\uFEFF"a"\r\n')).toBe(true);
  expect(csv).toBe('\uFEFF"a"\r\n"汨罗"\r\n');
});

test.each(['=1+1', '+86', '-x', '@SUM(A1)', '\tx', '＝2+2'])('escapes the formula-like cell %j', (value) => {
  const [row] = parse(toCsv(columns, [{ a: value }]), { bom: true, columns: true }) as Row[];
  expect(row!.a).toBe(`'${value}`);
});

test('keeps negative numbers numeric', () => {
  expect(toCsv(columns, [{ a: -3.5 }])).toBe('\uFEFF"a"\r\n-3.5\r\n');
});

test('a multi-paragraph 整改情况 survives a round trip through a CSV parser', () => {
  const doc = runCorpusFile('003_7004f69c1b986a66.txt').final;
  const rows = parse(batchCsv([doc])['problems.csv']!, { bom: true, columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(36);
  expect(rows[34]!.rectification).toBe(doc.problems[34]!.rectification);
  expect(rows[34]!.rectification!.split('\n')).toHaveLength(4);
  expect(Number(rows[34]!.number)).toBe(35);
});
