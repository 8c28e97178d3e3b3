import { CODES, type Code } from '../codes.js';
import { type Cell, DOCUMENT_COLUMNS } from '../output/csv.js';
import type { FinalDocument } from '../schema.js';

/**
 * What a run found, over the documents it has a final document for (processed now or skipped as
 * done before): what a researcher asks next after the counts. Gathered on the main thread from
 * each document's documents.csv row and the codes of its warnings and errors, which is all that
 * comes back from the worker threads; `run.json` holds it as `findings`, the summary lines say it.
 */
export interface RunFindings {
  /** Documents by kind: `{ news: 80, "formal-notice": 50 }`. */
  kinds: Record<string, number>;
  /** 问题 items found over the batch, and the documents that have any. */
  problems: number;
  documentsWithProblems: number;
  /** Documents that state their total of problems (反馈的36个问题 → 36). */
  documentsWithTotals: number;
  /** Documents whose arithmetic does not add up (documents.csv `audit` other than `ok`). */
  arithmeticFails: number;
  warnings: number;
  documentsWithWarnings: number;
  errors: number;
  documentsWithErrors: number;
  /** Warning and error codes, most frequent first (ties by code): `[["extract/year-unknown", 33], …]`. */
  codes: [Code, number][];
  /** Documents linked to an earlier document of the batch they repost (`duplicateOf`). */
  reposts: number;
}

/** The warning and error codes of a final document, with how often each occurs: what its worker hands back. */
export function notableCodes(doc: FinalDocument): Partial<Record<Code, number>> {
  const codes: Partial<Record<Code, number>> = {};
  for (const d of doc.diagnostics) if (d.level !== 'info') codes[d.code] = (codes[d.code] ?? 0) + 1;
  return codes;
}

const column = (header: string): number => DOCUMENT_COLUMNS.findIndex((c) => c.header === header);
const KIND = column('kind');
const PROBLEMS = column('problemsFound');
const TOTAL = column('totalProblems');
const AUDIT = column('audit');

/** Adds up a run's findings as its documents come back, in batch order. */
export class Findings {
  private readonly kinds = new Map<string, number>();
  private readonly codes = new Map<Code, number>();
  private problems = 0;
  private documentsWithProblems = 0;
  private documentsWithTotals = 0;
  private arithmeticFails = 0;
  private documentsWithWarnings = 0;
  private documentsWithErrors = 0;
  private reposts = 0;

  /** One document: its documents.csv row (as cells), its warning and error codes, whether it reposts an earlier one. */
  add(row: readonly Cell[], codes: Partial<Record<Code, number>>, repost: boolean): void {
    const kind = String(row[KIND] ?? 'unknown');
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
    const problems = Number(row[PROBLEMS] ?? 0);
    this.problems += problems;
    if (problems > 0) this.documentsWithProblems++;
    if (row[TOTAL] !== null && row[TOTAL] !== undefined) this.documentsWithTotals++;
    if (row[AUDIT] !== 'ok') this.arithmeticFails++;
    let warnings = false;
    let errors = false;
    for (const [code, n] of Object.entries(codes) as [Code, number][]) {
      this.codes.set(code, (this.codes.get(code) ?? 0) + n);
      if (CODES[code].level === 'error') errors = true;
      else warnings = true;
    }
    if (warnings) this.documentsWithWarnings++;
    if (errors) this.documentsWithErrors++;
    if (repost) this.reposts++;
  }

  result(): RunFindings {
    const codes = [...this.codes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const count = (level: 'warning' | 'error') => codes.filter(([code]) => CODES[code].level === level).reduce((sum, [, n]) => sum + n, 0);
    return {
      kinds: Object.fromEntries([...this.kinds].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))),
      problems: this.problems,
      documentsWithProblems: this.documentsWithProblems,
      documentsWithTotals: this.documentsWithTotals,
      arithmeticFails: this.arithmeticFails,
      warnings: count('warning'),
      documentsWithWarnings: this.documentsWithWarnings,
      errors: count('error'),
      documentsWithErrors: this.documentsWithErrors,
      codes,
      reposts: this.reposts,
    };
  }
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** `validate/item-count-mismatch 40, extract/year-unknown 33, …`: the `most` most common codes of a level. */
function commonest(findings: RunFindings, level: 'warning' | 'error', most = 3): string {
  const codes = findings.codes.filter(([code]) => CODES[code].level === level);
  const shown = codes.slice(0, most).map(([code, n]) => `${code} ${n}`);
  return `${shown.join(', ')}${codes.length > most ? ', …' : ''}`;
}

/**
 * The lines under a run's counts, indented: kinds, problems and stated totals, arithmetic,
 * warnings and errors with their commonest codes, reposts, and where to look. `out` is the
 * output folder as the user named it; `report` and `xlsx` say whether those files were written.
 *
 *     kinds: 80 news, 50 formal-notice, 20 summary-notice, 9 other
 *     problems: 812 found in 41 documents; 58 documents state a total of problems; the arithmetic audit fails in 12 (documents.csv audit)
 */
export function describeFindings(findings: RunFindings, where: { out: string; report: boolean; xlsx: boolean }): string[] {
  const f = findings;
  const kinds = Object.entries(f.kinds).map(([kind, n]) => `${n} ${kind}`).join(', ');
  const lines: string[] = [];
  if (kinds) lines.push(`kinds: ${kinds}`);
  lines.push(
    `problems: ${f.problems} found in ${plural(f.documentsWithProblems, 'document')}; ${plural(f.documentsWithTotals, 'document states', 'documents state')} a total of problems` +
      (f.arithmeticFails ? `; the arithmetic audit fails in ${f.arithmeticFails} (documents.csv audit)` : ''),
  );
  const warnings = f.warnings ? `${plural(f.warnings, 'warning')} in ${plural(f.documentsWithWarnings, 'document')} (${commonest(f, 'warning')})` : 'no warnings';
  const errors = f.errors ? `${plural(f.errors, 'error')} in ${plural(f.documentsWithErrors, 'document')} (${commonest(f, 'error')})` : 'no errors';
  lines.push(`diagnostics: ${warnings}; ${errors}`);
  lines.push(f.reposts ? `reposts: ${plural(f.reposts, 'document repeats', 'documents repeat')} an earlier one (documents.csv duplicateOf)` : 'reposts: none');
  const look = [
    ...(where.report ? [`${where.out}/report.html (every finding in its text)`] : []),
    `${where.out}/documents.csv (a row per document)`,
    ...(where.xlsx ? [`${where.out}/zhenggai.xlsx`] : []),
  ];
  lines.push(`look at: ${look.join(', ')}; the run itself: ${where.out}/run.json`);
  return lines.map((line) => `  ${line}`);
}
