import { stringify } from 'csv-stringify/sync';
import { AUDIT_CODES } from '../codes.js';
import type { FinalDocument } from '../schema.js';

/**
 * The CSV files of CONTRACT.md. Each table is a list of columns: a header (camelCase) and how
 * to read the cell from a row. Written by csv-stringify with its own options: a UTF-8
 * byte-order mark (Excel and WPS then read Chinese correctly), CRLF, every string quoted (a
 * multi-line 整改情况 stays one cell), and formula escaping (`=`, `+`, `-`, `@`, tab, CR and
 * their full-width forms get a leading `'`; numbers stay numbers).
 */
export interface Column<Row> {
  header: string;
  cell: (row: Row) => string | number | boolean | null | undefined;
  /**
   * What the cells hold when not empty (text when absent): the .xlsx types its cells by it, and
   * LibreOffice's import filter its columns (`libreOfficeFilter`). `date` is an ISO day,
   * `2024-08-26`.
   */
  type?: 'number' | 'boolean' | 'date';
}

/** The options every table is written with (csv-stringify's names): CRLF, quoted strings, formulas escaped. */
export const CSV_OPTIONS = {
  record_delimiter: 'windows',
  quoted_string: true,
  escape_formulas: true,
  cast: { boolean: (v: boolean) => (v ? 'true' : 'false') },
} as const;

export type Cell = string | number | boolean | null;

export function toCsv<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  return csvHead(columns) + csvRows(columns, rows);
}

/** The start of a CSV file: the byte-order mark and the header row. */
export function csvHead<Row>(columns: readonly Column<Row>[]): string {
  return stringify([], { ...CSV_OPTIONS, bom: true, header: true, columns: columns.map((c) => c.header) });
}

/** Each row's cells, in column order. */
export function csvCells<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): Cell[][] {
  return rows.map((row) => columns.map((c) => c.cell(row) ?? null));
}

/** Rows without a header, to append to a file that `csvHead` began. */
export function csvRows<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  return csvLines(csvCells(columns, rows));
}

/** First characters a spreadsheet reads as a formula (`escape_formulas`): `'` goes before them. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One cell as csv-stringify writes it with `CSV_OPTIONS`: empty for null, a number as `String`
 * writes it (never escaped: `-3` is a number), a boolean as `true`/`false`, and a string quoted,
 * its quotes doubled, after a `'` when it starts like a formula.
 */
function csvCell(value: Cell | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;
}

/**
 * Rows of cells as CSV lines, with the options of every table: the bytes csv-stringify writes
 * with `CSV_OPTIONS` (a test compares them on random cells), in a tenth of its time. Every document's
 * rows are made this way, and csv-stringify's per-call set-up was a quarter of the time a small
 * notice spends outside the stages.
 */
export function csvLines(cells: readonly Cell[][]): string {
  let out = '';
  for (const row of cells) {
    for (let i = 0; i < row.length; i++) out += (i ? ',' : '') + csvCell(row[i]);
    out += '\r\n';
  }
  return out;
}

const spanStart = (s: [number, number] | null | undefined) => s?.[0];
const spanEnd = (s: [number, number] | null | undefined) => s?.[1];

/** Extra per-document facts the CSV shows beside the final document. */
export interface DocumentRow {
  doc: FinalDocument;
  /** The audit's verdict: `ok`, or the codes of the arithmetic checks that failed. */
  audit: string;
  /** The earlier document of the batch this one reposts (near-duplicate detection), if any. */
  duplicateOf?: string;
  /** Estimated Jaccard similarity of their text to that document, 0..1. */
  similarity?: number;
}

/**
 * Every input of a run is a row of documents.csv, so that counting rows counts inputs: `status`
 * is `ok` for a document written (now or by an earlier run), `failed` or `not-run` (a run
 * stopped before it) with `reason`; `plainId` is the contract's id when the document's id had
 * to differ from it (src/batch/ids.ts).
 */
export type RowStatus = 'ok' | 'failed' | 'not-run';

export const DOCUMENT_COLUMNS: Column<DocumentRow>[] = [
  { header: 'id', cell: (r) => r.doc.id },
  { header: 'source', cell: (r) => r.doc.source },
  { header: 'kind', cell: (r) => r.doc.kind },
  { header: 'title', cell: (r) => r.doc.meta.title },
  { header: 'issuer', cell: (r) => r.doc.meta.issuer },
  { header: 'documentDate', cell: (r) => r.doc.meta.documentDate, type: 'date' },
  { header: 'inspectionStart', cell: (r) => r.doc.meta.inspectionPeriod?.start, type: 'date' },
  { header: 'inspectionEnd', cell: (r) => r.doc.meta.inspectionPeriod?.end, type: 'date' },
  { header: 'feedbackDate', cell: (r) => r.doc.meta.feedbackDate, type: 'date' },
  { header: 'inspectionType', cell: (r) => r.doc.meta.inspectionType },
  { header: 'inspectionTeam', cell: (r) => r.doc.meta.inspectionTeam },
  { header: 'problemsFound', cell: (r) => r.doc.problems.length, type: 'number' },
  { header: 'categoriesFound', cell: (r) => r.doc.categories.length, type: 'number' },
  { header: 'totalProblems', cell: (r) => r.doc.summary.totalProblems, type: 'number' },
  { header: 'completed', cell: (r) => r.doc.summary.completed, type: 'number' },
  { header: 'partial', cell: (r) => r.doc.summary.partial, type: 'number' },
  { header: 'notCompleted', cell: (r) => r.doc.summary.notCompleted, type: 'number' },
  { header: 'completionRate', cell: (r) => r.doc.summary.completionRate, type: 'number' },
  { header: 'petitionsReceived', cell: (r) => r.doc.summary.petitionsReceived, type: 'number' },
  { header: 'petitionsResolved', cell: (r) => r.doc.summary.petitionsResolved, type: 'number' },
  { header: 'immediateItems', cell: (r) => r.doc.summary.immediateItems, type: 'number' },
  { header: 'immediateResolved', cell: (r) => r.doc.summary.immediateResolved, type: 'number' },
  { header: 'rulesMade', cell: (r) => r.doc.summary.rulesMade, type: 'number' },
  { header: 'moneyRecovered', cell: (r) => r.doc.summary.moneyRecovered, type: 'number' },
  { header: 'peopleHeldAccountable', cell: (r) => r.doc.summary.peopleHeldAccountable, type: 'number' },
  { header: 'numbers', cell: (r) => r.doc.numbers.length, type: 'number' },
  { header: 'dates', cell: (r) => r.doc.dates.length, type: 'number' },
  { header: 'errors', cell: (r) => r.doc.diagnostics.filter((d) => d.level === 'error').length, type: 'number' },
  { header: 'warnings', cell: (r) => r.doc.diagnostics.filter((d) => d.level === 'warning').length, type: 'number' },
  { header: 'audit', cell: (r) => r.audit },
  { header: 'qualityFlags', cell: (r) => r.doc.quality.flags.join(' ') },
  { header: 'sha256', cell: (r) => r.doc.sha256 },
  { header: 'duplicateOf', cell: (r) => r.duplicateOf ?? null },
  { header: 'similarity', cell: (r) => r.similarity ?? null, type: 'number' },
  { header: 'status', cell: () => 'ok' },
  { header: 'reason', cell: () => null },
  { header: 'plainId', cell: () => null },
];

type Problem = FinalDocument['problems'][number];
type Item<T> = { doc: FinalDocument; item: T };

/**
 * Spans are `spanStart`/`spanEnd` in every file. numbers.csv, problems.csv and diagnostics.csv
 * called them `start`/`end` before; those columns stay, with the same values, because scripts
 * read them by name (dates.csv's `start`/`end` are the date's first and last day).
 */
const spanColumns = <T extends { span: [number, number] | null }>(): Column<Item<T>>[] => [
  { header: 'spanStart', cell: (r) => spanStart(r.item.span), type: 'number' },
  { header: 'spanEnd', cell: (r) => spanEnd(r.item.span), type: 'number' },
];
const formerSpanColumns = <T extends { span: [number, number] | null }>(): Column<Item<T>>[] => [
  { header: 'start', cell: (r) => spanStart(r.item.span), type: 'number' },
  { header: 'end', cell: (r) => spanEnd(r.item.span), type: 'number' },
];
/** The problem a mention falls in (its number, as in problems.csv) and its category, as the extract stage placed it. */
const problemColumns = <T extends { problem: number | null; category: number | null }>(): Column<Item<T>>[] => [
  { header: 'problem', cell: (r) => r.item.problem, type: 'number' },
  { header: 'category', cell: (r) => r.item.category, type: 'number' },
];

export const PROBLEM_COLUMNS: Column<Item<Problem>>[] = [
  { header: 'id', cell: (r) => r.doc.id },
  { header: 'number', cell: (r) => r.item.number, type: 'number' },
  { header: 'category', cell: (r) => r.item.category, type: 'number' },
  { header: 'categoryTitle', cell: (r) => r.doc.categories.find((c) => c.number === r.item.category)?.title },
  { header: 'text', cell: (r) => r.item.text },
  { header: 'status', cell: (r) => r.item.status },
  { header: 'rectification', cell: (r) => r.item.rectification },
  ...formerSpanColumns<Problem>(),
  { header: 'rectificationStart', cell: (r) => spanStart(r.item.rectificationSpan), type: 'number' },
  { header: 'rectificationEnd', cell: (r) => spanEnd(r.item.rectificationSpan), type: 'number' },
  ...spanColumns<Problem>(),
];

type NumberMention = FinalDocument['numbers'][number];
export const NUMBER_COLUMNS: Column<Item<NumberMention>>[] = [
  { header: 'id', cell: (r) => r.doc.id },
  { header: 'text', cell: (r) => r.item.text },
  { header: 'value', cell: (r) => r.item.value, type: 'number' },
  { header: 'valueMax', cell: (r) => r.item.valueMax, type: 'number' },
  { header: 'unit', cell: (r) => r.item.unit },
  { header: 'approx', cell: (r) => r.item.approx },
  ...formerSpanColumns<NumberMention>(),
  ...spanColumns<NumberMention>(),
  ...problemColumns<NumberMention>(),
];

type DateMention = FinalDocument['dates'][number];
export const DATE_COLUMNS: Column<Item<DateMention>>[] = [
  { header: 'id', cell: (r) => r.doc.id },
  { header: 'text', cell: (r) => r.item.text },
  { header: 'start', cell: (r) => r.item.start, type: 'date' },
  { header: 'end', cell: (r) => r.item.end, type: 'date' },
  { header: 'grain', cell: (r) => r.item.grain },
  { header: 'kind', cell: (r) => r.item.kind },
  { header: 'yearInferred', cell: (r) => r.item.yearInferred, type: 'boolean' },
  ...spanColumns<DateMention>(),
  ...problemColumns<DateMention>(),
];

type Diagnostic = FinalDocument['diagnostics'][number];
export const DIAGNOSTIC_COLUMNS: Column<Item<Diagnostic>>[] = [
  { header: 'id', cell: (r) => r.doc.id },
  { header: 'level', cell: (r) => r.item.level },
  { header: 'code', cell: (r) => r.item.code },
  { header: 'message', cell: (r) => r.item.message },
  ...formerSpanColumns<Diagnostic>(),
  ...spanColumns<Diagnostic>(),
];

/** The audit codes that make a notice's arithmetic fail: those marked `audit` in the table of codes. */
export const ARITHMETIC_CODES = AUDIT_CODES;

export function auditVerdict(doc: FinalDocument): string {
  const failed = [...new Set(doc.diagnostics.map((d) => d.code).filter((c) => ARITHMETIC_CODES.includes(c)))];
  return failed.length ? failed.join(' ') : 'ok';
}

/** The item tables, streamed: file name, columns, and the rows one final document contributes. */
export const ITEM_TABLES = [
  { file: 'problems.csv', columns: PROBLEM_COLUMNS, rows: (doc: FinalDocument) => doc.problems.map((item) => ({ doc, item })) },
  { file: 'numbers.csv', columns: NUMBER_COLUMNS, rows: (doc: FinalDocument) => doc.numbers.map((item) => ({ doc, item })) },
  { file: 'dates.csv', columns: DATE_COLUMNS, rows: (doc: FinalDocument) => doc.dates.map((item) => ({ doc, item })) },
  { file: 'diagnostics.csv', columns: DIAGNOSTIC_COLUMNS, rows: (doc: FinalDocument) => doc.diagnostics.map((item) => ({ doc, item })) },
] as const;

type AnyTable = { file: string; columns: readonly Column<never>[]; rows: (doc: FinalDocument) => never[] };
const itemTables = ITEM_TABLES as unknown as readonly AnyTable[];

/** Every CSV file of a run, in the order the README and the .xlsx list them, with its columns. */
export const TABLES: readonly { file: string; columns: readonly Column<never>[] }[] = [
  { file: 'documents.csv', columns: DOCUMENT_COLUMNS as unknown as Column<never>[] },
  ...itemTables,
];

/**
 * LibreOffice's column formats (the fifth token of its CSV import filter, column/format pairs):
 * 2 Text, 5 YY/MM/DD, 1 Standard. With the filter's default, Standard for every column, a
 * mention's text `66.7%` (corpus 000) became the number 0.667 and `2025-05-12` (dev d01) a date;
 * typed by its column, text stays as written, an ISO day is a date, a number a number.
 */
const LIBREOFFICE_FORMAT = { text: 2, date: 5, number: 1, boolean: 1 } as const;

/**
 * The import filter that opens a table in LibreOffice as the .xlsx types it:
 * `CSV:44,34,76,1,1/2/2/1/…` (44 comma, 34 `"`, 76 UTF-8, from line 1, then each column's
 * format), for `soffice --infilter=…` or the Text Import dialog's column types.
 */
export function libreOfficeFilter(columns: readonly Column<never>[]): string {
  return `CSV:44,34,76,1,${columns.map((c, i) => `${i + 1}/${LIBREOFFICE_FORMAT[c.type ?? 'text']}`).join('/')}`;
}

/** Each item table's rows for one document, without headers, keyed by file name: what a run appends. */
export function itemCsv(doc: FinalDocument): Record<string, string> {
  return Object.fromEntries(itemTables.map((t) => [t.file, csvRows(t.columns, t.rows(doc))]));
}

/** Each item table's byte-order mark and header row, keyed by file name. */
export function itemCsvHeads(): Record<string, string> {
  return Object.fromEntries(itemTables.map((t) => [t.file, csvHead(t.columns)]));
}

/**
 * A document's row of documents.csv, as cells. The row waits for the end of the run (it is
 * small), when near-duplicate detection over the whole batch fills `duplicateOf` and `similarity`.
 */
export function documentCells(doc: FinalDocument): Cell[] {
  return csvCells(DOCUMENT_COLUMNS, [{ doc, audit: auditVerdict(doc) }])[0]!;
}

const column = (header: string) => DOCUMENT_COLUMNS.findIndex((c) => c.header === header);
const DUPLICATE_OF = column('duplicateOf');
const SIMILARITY = column('similarity');
const PLAIN_ID = column('plainId');

/** The row of an input that has no final document: its id, source, status and reason, nothing else. */
export function unwrittenCells(id: string, source: string, status: Exclude<RowStatus, 'ok'>, reason: string): Cell[] {
  const row: Cell[] = DOCUMENT_COLUMNS.map(() => null);
  row[column('id')] = id;
  row[column('source')] = source;
  row[column('status')] = status;
  row[column('reason')] = reason;
  return row;
}

/** documents.csv from each document's cells, the batch's duplicates and the ids that differ from the contract's rule. */
export function documentsCsv(
  rows: readonly Cell[][],
  duplicates: ReadonlyMap<string, { duplicateOf: string; similarity: number }>,
  plainIds: ReadonlyMap<string, string> = new Map(),
): string {
  const cells = rows.map((row) => {
    const duplicate = duplicates.get(row[0] as string);
    const plainId = plainIds.get(row[0] as string);
    if (!duplicate && plainId === undefined) return row;
    const out = [...row];
    if (duplicate) {
      out[DUPLICATE_OF] = duplicate.duplicateOf;
      out[SIMILARITY] = duplicate.similarity;
    }
    if (plainId !== undefined) out[PLAIN_ID] = plainId;
    return out;
  });
  return csvHead(DOCUMENT_COLUMNS) + csvLines(cells);
}

/** All five tables for a batch of final documents, keyed by file name. */
export function batchCsv(
  docs: readonly FinalDocument[],
  duplicates: ReadonlyMap<string, { duplicateOf: string; similarity: number }> = new Map(),
): Record<string, string> {
  return {
    'documents.csv': documentsCsv(docs.map(documentCells), duplicates),
    ...Object.fromEntries(itemTables.map((t) => [t.file, toCsv(t.columns, docs.flatMap((doc) => t.rows(doc)))])),
  };
}
