import { promises as fs } from 'node:fs';
import path from 'node:path';
import { temporary, writeAtomic } from '../batch/atomic.js';
import { type Duplicate, linkDuplicates } from '../stages/1-clean/near-duplicates.js';
import { type Cell, documentsCsv, itemCsvHeads, unwrittenCells } from './csv.js';
import type { XlsxReport } from './xlsx.js';

/** What one document gives the CSV files: its documents.csv row, its item rows, its signature. */
export interface TableEntry {
  id: string;
  /** The document's row of documents.csv, as cells (its duplicate columns filled at the end). */
  row: Cell[];
  /** Rows for each item CSV file (no header), keyed by file name. */
  csv: Record<string, string>;
  /** MinHash signature of the cleaned text, for near-duplicate detection over the batch. */
  minhash: number[] | null;
}

export interface TablesWritten {
  /** Each repost of the batch, by id: the first document of its group, and the similarity. */
  duplicates: Map<string, Duplicate<string>>;
  xlsx: XlsxReport | null;
}

/**
 * The CSV files of a batch, written as documents arrive: the item files (problems, numbers,
 * dates, diagnostics) are appended to at once; documents.csv waits for the end, when reposts
 * are linked over the whole batch (one small row and 128 numbers a document wait for it). The
 * one writer of a folder run (`zhenggai run`) and of `zhenggai csv` over JSON Lines, so both
 * write the same files for the same documents.
 */
export class CsvFiles {
  private readonly rows: Cell[][] = [];
  private readonly signatures: { id: string; minhash: number[] | null }[] = [];

  private constructor(
    private readonly outDir: string,
    private readonly handles: Map<string, { file: string; tmp: string; handle: fs.FileHandle }>,
  ) {}

  static async open(outDir: string): Promise<CsvFiles> {
    await fs.mkdir(outDir, { recursive: true });
    const handles = new Map();
    for (const [name, head] of Object.entries(itemCsvHeads())) {
      const file = path.join(outDir, name);
      const tmp = temporary(file);
      const handle = await fs.open(tmp, 'w');
      await handle.write(head);
      handles.set(name, { file, tmp, handle });
    }
    return new CsvFiles(outDir, handles);
  }

  /** One document, in batch order. */
  async add(entry: TableEntry): Promise<void> {
    for (const [name, text] of Object.entries(entry.csv)) if (text) await this.handles.get(name)!.handle.write(text);
    this.rows.push(entry.row);
    this.signatures.push({ id: entry.id, minhash: entry.minhash });
  }

  /** An input that failed, in batch order: a row of documents.csv with its reason, nothing else. */
  addFailure(id: string, source: string, reason: string): void {
    this.rows.push(unwrittenCells(id, source, 'failed', reason));
  }

  /**
   * Links reposts in batch order (a researcher counts a notice once by keeping the rows whose
   * `duplicateOf` is empty), writes documents.csv, renames each item file into place (a killed
   * run never leaves half a table) and, when asked, the .xlsx of them all (a table cut at
   * Excel's row limit is a line for `log`).
   */
  async close(options: { xlsx?: boolean; log?: (line: string) => void } = {}): Promise<TablesWritten> {
    for (const { file, tmp, handle } of this.handles.values()) {
      await handle.close();
      await fs.rename(tmp, file);
    }
    const duplicates = linkDuplicates(this.signatures);
    await writeAtomic(path.join(this.outDir, 'documents.csv'), documentsCsv(this.rows, duplicates));
    // exceljs loads only when asked for: it is a large library most runs never need.
    const xlsx = options.xlsx ? await (await import('./xlsx.js')).writeXlsx(this.outDir, ['documents.csv', ...this.handles.keys()]) : null;
    for (const { csv, rowsLeftOut } of xlsx?.cut ?? []) {
      options.log?.(`zhenggai: ${rowsLeftOut} rows of ${csv} are not in zhenggai.xlsx (Excel holds 1,048,576 rows a sheet); the CSV has them all`);
    }
    return { duplicates, xlsx };
  }
}
