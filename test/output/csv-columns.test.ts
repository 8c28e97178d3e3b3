import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { run } from '../../src/batch/run.js';
import { TABLES } from '../../src/output/csv.js';
import { ROOT } from '../helpers.js';

/** The README's CSV table: file → its columns, in order. */
function readmeColumns(): Map<string, string[]> {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const table = new Map<string, string[]>();
  for (const m of readme.matchAll(/^\| `(\w+\.csv)` \| [^|]+ \| (.+) \|$/gm)) table.set(m[1]!, [...m[2]!.matchAll(/`(\w+)`/g)].map((c) => c[1]!));
  return table;
}

const csv = (file: string) => parse(readFileSync(file), { bom: true }) as string[][];

describe('the CSV files of a run', async () => {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'zhenggai-columns-')), 'out');
  await run({ inputs: [path.join(ROOT, 'corpus')], outDir: out, jobs: 2, xlsx: true });

  test('have the header rows of the README table, file for file', () => {
    const table = readmeColumns();
    expect([...table.keys()]).toEqual(TABLES.map((t) => t.file));
    for (const [file, columns] of table) expect(csv(path.join(out, file))[0], file).toEqual(columns);
  });

  test('tie numbers and dates to the problem and category they fall in', () => {
    const rows = (file: string) => {
      const [header, ...body] = csv(path.join(out, file));
      return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
    };
    const problems = rows('problems.csv').filter((p) => p.id === '003_7004f69c1b986a66');
    const number = rows('numbers.csv').find((n) => n.id === '003_7004f69c1b986a66' && n.text === '11.3万人次')!;
    expect([number.problem, number.category, number.spanStart, number.spanEnd, number.start, number.end]).toEqual(['4', '1', '1709', '1716', '1709', '1716']);
    const problem4 = problems.find((p) => p.number === '4')!;
    expect(Number(problem4.spanStart)).toBeLessThan(1709);
    expect(Number(problem4.rectificationEnd)).toBeGreaterThanOrEqual(1716);
    const deadline = rows('dates.csv').find((d) => d.id === '003_7004f69c1b986a66' && d.text === '2025年底前')!;
    expect([deadline.end, deadline.problem, deadline.category]).toEqual(['2025-12-31', '1', '1']);
    // The inspection period in the opening paragraph is in no problem.
    const period = rows('dates.csv').find((d) => d.id === '003_7004f69c1b986a66' && d.text === '2023年9月7日至11月10日')!;
    expect([period.problem, period.category]).toEqual(['', '']);
  });

  test('are in zhenggai.xlsx as typed sheets, with --xlsx', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out, 'zhenggai.xlsx'));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(TABLES.map((t) => t.file.replace('.csv', '')));
    for (const sheet of workbook.worksheets) {
      const rows = csv(path.join(out, `${sheet.name}.csv`));
      expect(sheet.rowCount, sheet.name).toBe(rows.length);
      expect((sheet.getRow(1).values as unknown[]).slice(1), sheet.name).toEqual(rows[0]);
    }
    const numbers = workbook.getWorksheet('numbers')!;
    const header = (numbers.getRow(1).values as string[]).slice(1);
    const row = numbers.getRows(2, numbers.rowCount - 1)!.find((r) => r.getCell(header.indexOf('text') + 1).value === '11.3万人次')!;
    expect(row.getCell(header.indexOf('value') + 1).value).toBe(113000);
    expect(row.getCell(header.indexOf('problem') + 1).value).toBe(4);
    expect(row.getCell(header.indexOf('approx') + 1).value).toBe(null);
    const dates = workbook.getWorksheet('dates')!;
    const dateHeader = (dates.getRow(1).values as string[]).slice(1);
    expect(dates.getRow(2).getCell(dateHeader.indexOf('yearInferred') + 1).value).toBe(false);
    // Date columns are date cells shown as ISO days; the text of a date stays text.
    const documents = workbook.getWorksheet('documents')!;
    const docHeader = (documents.getRow(1).values as string[]).slice(1);
    const notice = documents.getRows(2, documents.rowCount - 1)!.find((r) => r.getCell(1).value === '003_7004f69c1b986a66')!;
    for (const [column, day] of [['documentDate', '2024-08-26'], ['inspectionStart', '2023-09-07'], ['inspectionEnd', '2023-11-10'], ['feedbackDate', '2023-12-21']] as const) {
      const cell = notice.getCell(docHeader.indexOf(column) + 1);
      expect([column, cell.type, cell.value, cell.numFmt]).toEqual([column, ExcelJS.ValueType.Date, new Date(`${day}T00:00:00Z`), 'yyyy-mm-dd']);
    }
    const period = dates.getRows(2, dates.rowCount - 1)!.find((r) => r.getCell(1).value === '003_7004f69c1b986a66' && r.getCell(2).value === '2023年9月7日至11月10日')!;
    expect([period.getCell(dateHeader.indexOf('start') + 1).value, period.getCell(dateHeader.indexOf('end') + 1).value]).toEqual([new Date('2023-09-07T00:00:00Z'), new Date('2023-11-10T00:00:00Z')]);
    expect(period.getCell(dateHeader.indexOf('text') + 1).type).toBe(ExcelJS.ValueType.String);
    // A bare number's text stays text: "5 个" is the text, 5 the value.
    expect(numbers.getRow(2).getCell(header.indexOf('text') + 1).value).toBe('5 个');
    expect(numbers.getRow(2).getCell(header.indexOf('value') + 1).value).toBe(5);
  });
});
