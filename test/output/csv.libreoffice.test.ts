import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { run } from '../../src/batch/run.js';
import { TABLES, libreOfficeFilter } from '../../src/output/csv.js';
import { CORPUS, DEV, ROOT } from '../helpers.js';

/**
 * The CSV files of a run opened in LibreOffice with the filters docs/csv.md gives, headless
 * (`soffice --convert-to xlsx`), read back with exceljs: every cell of every file has its
 * column's type, text as written (corpus 000's `66.7%`, dev d01's `2025-05-12`), numbers, ISO
 * days as dates. Skipped with a line where soffice is missing; `.ci/run` installs it and sets
 * ZHENGGAI_OFFICE_TESTS=required, so there a missing soffice fails.
 */
const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((f) => existsSync(f));
const required = process.env.ZHENGGAI_OFFICE_TESTS === 'required';
if (!SOFFICE && !required) console.warn('LibreOffice tests skipped: soffice is missing (apt-get install libreoffice-calc-nogui, as .ci/run does)');

test.runIf(required)('soffice is installed, as .ci/run requires (ZHENGGAI_OFFICE_TESTS=required)', () => {
  expect(SOFFICE).toBeDefined();
});

/**
 * A cell's value, with text as a string: where a CJK font is installed LibreOffice writes text
 * mixing scripts as rich text, one run per font (`5 ` in DejaVu Sans, `个小故事` in WenQuanYi).
 */
function valueOf(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((run) => run.text).join('');
  return v ?? null;
}

/** Text, plain or rich. */
const isText = (cell: ExcelJS.Cell): boolean => cell.type === ExcelJS.ValueType.String || cell.type === ExcelJS.ValueType.RichText;

/** docs/csv.md's filter for each file, as a reader copies it. */
function documentedFilters(): Map<string, string> {
  const page = readFileSync(path.join(ROOT, 'docs', 'csv.md'), 'utf8');
  return new Map([...page.matchAll(/^\| `(\w+\.csv)` \| `(CSV:[^`]+)` \|$/gm)].map((m) => [m[1]!, m[2]!]));
}

describe.skipIf(!SOFFICE)('the CSV files in LibreOffice, with the filters of docs/csv.md', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-libreoffice-'));
  const out = path.join(dir, 'out');
  const sheets = new Map<string, ExcelJS.Worksheet>();

  beforeAll(async () => {
    const input = path.join(dir, 'in');
    mkdirSync(input);
    for (const file of [path.join(CORPUS, '000_2d89892f4871253d.txt'), path.join(CORPUS, '003_7004f69c1b986a66.txt'), path.join(DEV, 'd01.txt')]) copyFileSync(file, path.join(input, path.basename(file)));
    await run({ inputs: [input], outDir: out, jobs: 1 });
    const filters = documentedFilters();
    // A profile of its own: a LibreOffice already open for the user (or another test) would take the conversion over.
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    for (const { file } of TABLES) {
      const r = spawnSync(SOFFICE!, [`-env:UserInstallation=${profile}`, '--headless', `--infilter=${filters.get(file)}`, '--convert-to', 'xlsx', '--outdir', path.join(dir, 'xlsx'), path.join(out, file)], { encoding: 'utf8', timeout: 60_000 });
      expect(r.status, r.stderr).toBe(0);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path.join(dir, 'xlsx', file.replace('.csv', '.xlsx')));
      sheets.set(file, workbook.worksheets[0]!);
    }
  }, 180_000);

  test('docs/csv.md gives each file the filter its columns make, and the README its example', () => {
    expect([...documentedFilters()]).toEqual(TABLES.map((t) => [t.file, libreOfficeFilter(t.columns)]));
    const problems = libreOfficeFilter(TABLES.find((t) => t.file === 'problems.csv')!.columns);
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(`soffice --infilter="${problems}" out/problems.csv`);
  });

  test.each(TABLES.map((t) => [t.file] as const))('%s: every cell has its column type and its value', (file) => {
    const columns = TABLES.find((t) => t.file === file)!.columns;
    const [header, ...rows] = parse(readFileSync(path.join(out, file)), { bom: true }) as string[][];
    const sheet = sheets.get(file)!;
    expect(header!.map((_, c) => valueOf(sheet.getRow(1).getCell(c + 1)))).toEqual(header);
    expect(sheet.rowCount).toBe(rows.length + 1);
    expect(rows.length).toBeGreaterThan(0);
    const want = (value: string, type: (typeof columns)[number]['type']): unknown => {
      if (value === '') return null;
      if (type === 'number') return Number(value);
      if (type === 'boolean') return value === 'true';
      if (type === 'date') return new Date(`${value}T00:00:00Z`);
      return value;
    };
    const got = rows.map((_, r) => columns.map((_, c) => valueOf(sheet.getRow(r + 2).getCell(c + 1))));
    expect(got).toEqual(rows.map((row) => row.map((value, c) => want(value, columns[c]!.type))));
  });

  test('a percentage and an ISO day written in the text stay text; the dates they are read as are dates', () => {
    const numbers = sheets.get('numbers.csv')!;
    const percent = numbers.getRows(2, numbers.rowCount - 1)!.find((r) => valueOf(r.getCell(1)) === '000_2d89892f4871253d' && valueOf(r.getCell(2)) === '66.7%')!;
    expect([isText(percent.getCell(2)), percent.getCell(3).value, valueOf(percent.getCell(5))]).toEqual([true, 66.7, '%']);
    const dates = sheets.get('dates.csv')!;
    const day = dates.getRows(2, dates.rowCount - 1)!.find((r) => valueOf(r.getCell(1)) === 'd01' && valueOf(r.getCell(2)) === '2025-05-12')!;
    expect([isText(day.getCell(2)), day.getCell(3).value, day.getCell(4).value]).toEqual([true, new Date('2025-05-12T00:00:00Z'), new Date('2025-05-12T00:00:00Z')]);
  });
});
