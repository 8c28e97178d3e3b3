import { promises as fs } from 'node:fs';
import path from 'node:path';
import { openTemporary, removeFile, temporary, writeAll, writeAtomic } from '../batch/atomic.js';
import { type Duplicate, RepostLinker } from '../stages/1-clean/near-duplicates.js';
import { type Cell, type RowStatus, documentsCsv, itemCsvHeads, unwrittenCells } from './csv.js';
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
  /** The CSV files written, by name: documents.csv and the item tables not given up. */
  files: string[];
}

/**
 * The CSV files of a batch, written as documents arrive: the item files (problems, numbers,
 * dates, diagnostics) are appended to at once; documents.csv waits for the end, when reposts
 * are linked over the whole batch (one small row and 128 numbers a document wait for it). The
 * one writer of a folder run (`zhenggai run`) and of `zhenggai csv` over JSON Lines, so both
 * write the same files for the same documents.
 *
 * Item rows wait in memory until `FLUSH_CHARS` of them have come, then go in one write per file
 * (a write per document and file was four trips through libuv's thread pool for each document),
 * each written whole by `writeAll`. A table that cannot be written whole (a full disk) is not
 * put in place: its temporary file is removed.
 */
export class CsvFiles {
  private static readonly FLUSH_CHARS = 256 * 1024;
  private readonly rows: Cell[][] = [];
  private readonly linker = new RepostLinker<string>();
  private readonly duplicates = new Map<string, Duplicate<string>>();
  private readonly pending = new Map<string, string[]>();
  private pendingChars = 0;

  private constructor(
    private readonly outDir: string,
    private readonly handles: Map<string, { file: string; tmp: string; handle: fs.FileHandle }>,
  ) {}

  static async open(outDir: string): Promise<CsvFiles> {
    await fs.mkdir(outDir, { recursive: true });
    const files = new CsvFiles(outDir, new Map());
    try {
      for (const [name, head] of Object.entries(itemCsvHeads())) {
        const file = path.join(outDir, name);
        const tmp = temporary(file);
        const handle = await openTemporary(tmp);
        files.handles.set(name, { file, tmp, handle });
        await writeAll(handle, head);
      }
    } catch (error) {
      await files.discard();
      throw error;
    }
    return files;
  }

  /**
   * One document, in batch order, linked at once to the earlier document it reposts if any
   * (`repostOf`: the link depends on the documents before it only). Its documents.csv row is
   * kept even when its item rows cannot be written (then the error is thrown, and the item
   * tables are given up by `discard`).
   */
  async add(entry: TableEntry): Promise<void> {
    this.rows.push(entry.row);
    const found = this.linker.add(entry.id, entry.minhash);
    if (found) this.duplicates.set(entry.id, found);
    for (const [name, text] of Object.entries(entry.csv)) {
      if (!text) continue;
      const list = this.pending.get(name);
      if (list) list.push(text);
      else this.pending.set(name, [text]);
      this.pendingChars += text.length;
    }
    if (this.pendingChars >= CsvFiles.FLUSH_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    for (const [name, texts] of this.pending) await writeAll(this.handles.get(name)!.handle, texts.join(''));
    this.pending.clear();
    this.pendingChars = 0;
  }

  /** The earlier document of the batch that document `id` (added) reposts, or null. */
  repostOf(id: string): Duplicate<string> | null {
    return this.duplicates.get(id) ?? null;
  }

  /** An input without a final document, in batch order: a row of documents.csv with its reason, nothing else. */
  addFailure(id: string, source: string, reason: string, status: Exclude<RowStatus, 'ok'> = 'failed'): void {
    this.rows.push(unwrittenCells(id, source, status, reason));
  }

  /** Gives up the item tables: their temporary files are removed, and `close` writes documents.csv alone. */
  async discard(): Promise<void> {
    for (const { tmp, handle } of this.handles.values()) {
      await handle.close().catch(() => {});
      try {
        removeFile(tmp);
      } catch {
        // Left for the next run, which removes it.
      }
    }
    this.handles.clear();
    this.pending.clear();
  }

  /**
   * Writes documents.csv with the reposts linked (a researcher counts a notice once by keeping
   * the rows whose `duplicateOf` is empty), renames each item file into place (a killed
   * run never leaves half a table) and, when asked, the .xlsx of them all (a table cut at
   * Excel's row limit is a line for `log`).
   */
  async close(options: { xlsx?: boolean; log?: (line: string) => void; plainIds?: ReadonlyMap<string, string> } = {}): Promise<TablesWritten> {
    try {
      await this.flush();
      for (const { handle } of this.handles.values()) await handle.close();
      for (const { file, tmp } of this.handles.values()) await fs.rename(tmp, file);
    } catch (error) {
      await this.discard();
      throw error;
    }
    const { duplicates } = this;
    await writeAtomic(path.join(this.outDir, 'documents.csv'), documentsCsv(this.rows, duplicates, options.plainIds));
    // exceljs loads only when asked for: it is a large library most runs never need.
    const xlsx = options.xlsx ? await (await import('./xlsx.js')).writeXlsx(this.outDir, ['documents.csv', ...this.handles.keys()]) : null;
    for (const { csv, rowsLeftOut } of xlsx?.cut ?? []) {
      options.log?.(`zhenggai: ${rowsLeftOut} rows of ${csv} are not in zhenggai.xlsx (Excel holds 1,048,576 rows a sheet); the CSV has them all`);
    }
    return { duplicates, xlsx, files: ['documents.csv', ...this.handles.keys()] };
  }
}
