import { createReadStream, createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { createTemporary, removeFile, temporary } from '../batch/atomic.js';
import { type Column, TABLES } from './csv.js';

/**
 * `out/zhenggai.xlsx`: the CSV files of a run as one workbook, a sheet per file, so that a
 * double-click opens the tables in any spreadsheet (LibreOffice opens a CSV as mojibake unless
 * its import filter is set). Written by exceljs's streaming writer from the CSV files
 * themselves, so the sheets hold exactly what the files hold, each cell typed by its column
 * (`value` a number, `yearInferred` a boolean, `documentDate` and a date's `start` and `end`
 * dates shown as 2024-08-26, `text` text even when it reads "36" or "2024-08-26").
 */
export const XLSX_FILE = 'zhenggai.xlsx';

/** Excel's limits: rows in a sheet (the header included) and characters in a cell. */
export const XLSX_MAX_ROWS = 1_048_576;
export const XLSX_MAX_CELL = 32_767;

type Value = string | number | boolean | Date | null;

/** How a date cell shows: ISO, as in the CSV, whatever the reader's locale. */
export const DATE_FORMAT = 'yyyy-mm-dd';
/** And a date with its time of day. */
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

/**
 * `2024-08-26` → that day, as a spreadsheet date (UTC midnight, which exceljs writes as the
 * day's serial number); `2023-01-06T11:16` → that day and time. No column holds a time today
 * (a page's 发布时间 2023-01-06 11:16 is in 1-clean.json only), but one that does gets its
 * time kept. Anything else stays text.
 */
export function isoDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h = 0, mi = 0, sec = 0] = m.slice(1).map((v) => (v === undefined ? undefined : Number(v))) as number[];
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h, mi, sec));
  // 2023-02-30 is no day: text, as written.
  return date.getUTCMonth() === mo! - 1 && date.getUTCDate() === d ? date : null;
}

/** A CSV cell as the type its column declares; text longer than Excel takes is cut, with `…`. */
function cell(value: string, type: Column<never>['type']): Value {
  if (value === '') return null;
  if (type === 'number') return Number(value);
  if (type === 'boolean') return value === 'true';
  if (type === 'date') return isoDate(value) ?? value;
  return value.length > XLSX_MAX_CELL ? value.slice(0, XLSX_MAX_CELL - 1) + '…' : value;
}

export interface XlsxReport {
  file: string;
  /** Sheets cut at Excel's row limit: the CSV file and the rows left out (the CSV has them all). */
  cut: { csv: string; rowsLeftOut: number }[];
}

/**
 * Writes `<outDir>/zhenggai.xlsx` from the named CSV files of `outDir`, in order, one sheet
 * each, named after the file. A table longer than Excel's 1,048,576 rows is cut there, and
 * its last row says how many rows only the CSV holds.
 */
export async function writeXlsx(outDir: string, csvFiles: readonly string[]): Promise<XlsxReport> {
  const file = path.join(outDir, XLSX_FILE);
  const tmp = temporary(file);
  // A new file, never one through a link at the temporary name (src/batch/atomic.ts); styles for the
  // date cells' number format: without one a date is a bare serial number (45530).
  const stream = createWriteStream('', { fd: createTemporary(tmp) });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const cut: XlsxReport['cut'] = [];
  try {
    for (const name of csvFiles) {
      const sheet = workbook.addWorksheet(path.basename(name, '.csv'));
      const columns = new Map((TABLES.find((t) => t.file === name)?.columns ?? []).map((c) => [c.header, c.type]));
      // csv-parse's per-cell cast costs some 7 µs a cell; typing by column after it costs nothing.
      const parser = createReadStream(path.join(outDir, name)).pipe(parse({ bom: true, relax_column_count: true }));
      let types: Column<never>['type'][] = [];
      let rows = 0;
      let over = 0;
      for await (const record of parser as AsyncIterable<string[]>) {
        if (rows === 0) types = record.map((header) => columns.get(header));
        if (rows < XLSX_MAX_ROWS - 1) {
          const values = rows === 0 ? record : record.map((v, i) => cell(v, types[i]));
          const row = sheet.addRow(values);
          for (let i = 0; i < values.length; i++) {
            const v = values[i];
            if (v instanceof Date) row.getCell(i + 1).numFmt = v.getUTCHours() || v.getUTCMinutes() || v.getUTCSeconds() ? DATE_TIME_FORMAT : DATE_FORMAT;
          }
          row.commit();
          rows++;
        } else over++;
      }
      if (over) {
        sheet.addRow([`${over} more rows are in ${name} only: Excel holds ${XLSX_MAX_ROWS} rows a sheet`]).commit();
        cut.push({ csv: name, rowsLeftOut: over });
      }
      sheet.commit();
    }
    await workbook.commit();
  } catch (error) {
    stream.destroy();
    removeFile(tmp);
    throw error;
  }
  await rename(tmp, file);
  return { file, cut };
}
