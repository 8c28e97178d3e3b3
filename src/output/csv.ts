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
}

const OPTIONS = {
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
  return stringify([], { ...OPTIONS, bom: true, header: true, columns: columns.map((c) => c.header) });
}

/** Each row's cells, in column order. */
export function csvCells<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): Cell[][] {
  return rows.map((row) => columns.map((c) => c.cell(row) ?? null));
}

/** Rows without a header, to append to a file that `csvHead` began. */
export function csvRows<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  return csvLines(csvCells(columns, rows));
}

/** Rows of cells as CSV lines, with the options of every table. */
export function csvLines(cells: readonly Cell[][]): string {
  return stringify(cells as Cell[][], OPTIONS);
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

export const DOCUMENT_COLUMNS: Column<DocumentRow>[] = [
  { header: 'id', cell: (r) => r.doc.id },
  { header: 'source', cell: (r) => r.doc.source },
  { header: 'kind', cell: (r) => r.doc.kind },
  { header: 'title', cell: (r) => r.doc.meta.title },
  { header: 'issuer', cell: (r) => r.doc.meta.issuer },
  { header: 'documentDate', cell: (r) => r.doc.meta.documentDate },
  { header: 'inspectionStart', cell: (r) => r.doc.meta.inspectionPeriod?.start },
  { header: 'inspectionEnd', cell: (r) => r.doc.meta.inspectionPeriod?.end },
  { header: 'feedbackDate', cell: (r) => r.doc.meta.feedbackDate },
  { header: 'inspectionType', cell: (r) => r.doc.meta.inspectionType },
  { header: 'inspectionTeam', cell: (r) => r.doc.meta.inspectionTeam },
  { header: 'problemsFound', cell: (r) => r.doc.problems.length },
  { header: 'categoriesFound', cell: (r) => r.doc.categories.length },
  { header: 'totalProblems', cell: (r) => r.doc.summary.totalProblems },
  { header: 'completed', cell: (r) => r.doc.summary.completed },
  { header: 'partial', cell: (r) => r.doc.summary.partial },
  { header: 'notCompleted', cell: (r) => r.doc.summary.notCompleted },
  { header: 'completionRate', cell: (r) => r.doc.summary.completionRate },
  { header: 'petitionsReceived', cell: (r) => r.doc.summary.petitionsReceived },
  { header: 'petitionsResolved', cell: (r) => r.doc.summary.petitionsResolved },
  { header: 'immediateItems', cell: (r) => r.doc.summary.immediateItems },
  { header: 'immediateResolved', cell: (r) => r.doc.summary.immediateResolved },
  { header: 'rulesMade', cell: (r) => r.doc.summary.rulesMade },
  { header: 'moneyRecovered', cell: (r) => r.doc.summary.moneyRecovered },
  { header: 'peopleHeldAccountable', cell: (r) => r.doc.summary.peopleHeldAccountable },
  { header: 'numbers', cell: (r) => r.doc.numbers.length },
  { header: 'dates', cell: (r) => r.doc.dates.length },
  { header: 'errors', cell: (r) => r.doc.diagnostics.filter((d) => d.level === 'error').length },
  { header: 'warnings', cell: (r) => r.doc.diagnostics.filter((d) => d.level === 'warning').length },
  { header: 'audit', cell: (r) => r.audit },
  { header: 'qualityFlags', cell: (r) => r.doc.quality.flags.join(' ') },
  { header: 'sha256', cell: (r) => r.doc.sha256 },
  { header: 'duplicateOf', cell: (r) => r.duplicateOf ?? null },
  { header: 'similarity', cell: (r) => r.similarity ?? null },
];

type Item<T> = { doc: FinalDocument; item: T };

export const PROBLEM_COLUMNS: Column<Item<FinalDocument['problems'][number]>>[] = [
  { header: 'id', cell: (r) => r.doc.id },
  { header: 'number', cell: (r) => r.item.number },
  { header: 'category', cell: (r) => r.item.category },
  { header: 'categoryTitle', cell: (r) => r.doc.categories.find((c) => c.number === r.item.category)?.title },
  { header: 'text', cell: (r) => r.item.text },
  { header: 'status', cell: (r) => r.item.status },
  { header: 'rectification', cell: (r) => r.item.rectification },
  { header: 'start', cell: (r) => spanStart(r.item.span) },
  { header: 'end', cell: (r) => spanEnd(r.item.span) },
  { header: 'rectificationStart', cell: (r) => spanStart(r.item.rectificationSpan) },
  { header: 'rectificationEnd', cell: (r) => spanEnd(r.item.rectificationSpan) },
];

export const NUMBER_COLUMNS: Column<Item<FinalDocument['numbers'][number]>>[] = [
  { header: 'id', cell: (r) => r.doc.id },
  { header: 'text', cell: (r) => r.item.text },
  { header: 'value', cell: (r) => r.item.value },
  { header: 'valueMax', cell: (r) => r.item.valueMax },
  { header: 'unit', cell: (r) => r.item.unit },
  { header: 'approx', cell: (r) => r.item.approx },
  { header: 'start', cell: (r) => r.item.span[0] },
  { header: 'end', cell: (r) => r.item.span[1] },
];

export const DATE_COLUMNS: Column<Item<FinalDocument['dates'][number]>>[] = [
  { header: 'id', cell: (r) => r.doc.id },
  { header: 'text', cell: (r) => r.item.text },
  { header: 'start', cell: (r) => r.item.start },
  { header: 'end', cell: (r) => r.item.end },
  { header: 'grain', cell: (r) => r.item.grain },
  { header: 'kind', cell: (r) => r.item.kind },
  { header: 'yearInferred', cell: (r) => r.item.yearInferred },
  { header: 'spanStart', cell: (r) => r.item.span[0] },
  { header: 'spanEnd', cell: (r) => r.item.span[1] },
];

export const DIAGNOSTIC_COLUMNS: Column<Item<FinalDocument['diagnostics'][number]>>[] = [
  { header: 'id', cell: (r) => r.doc.id },
  { header: 'level', cell: (r) => r.item.level },
  { header: 'code', cell: (r) => r.item.code },
  { header: 'message', cell: (r) => r.item.message },
  { header: 'start', cell: (r) => spanStart(r.item.span) },
  { header: 'end', cell: (r) => spanEnd(r.item.span) },
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

const DUPLICATE_OF = DOCUMENT_COLUMNS.findIndex((c) => c.header === 'duplicateOf');
const SIMILARITY = DOCUMENT_COLUMNS.findIndex((c) => c.header === 'similarity');

/** documents.csv from each document's cells and the batch's duplicates. */
export function documentsCsv(rows: readonly Cell[][], duplicates: ReadonlyMap<string, { duplicateOf: string; similarity: number }>): string {
  const cells = rows.map((row) => {
    const duplicate = duplicates.get(row[0] as string);
    if (!duplicate) return row;
    const out = [...row];
    out[DUPLICATE_OF] = duplicate.duplicateOf;
    out[SIMILARITY] = duplicate.similarity;
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
