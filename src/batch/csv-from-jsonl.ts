import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { CsvFiles } from '../output/csv-files.js';
import { documentCells, itemCsv } from '../output/csv.js';
import { ErrorRecord, FinalDocument } from '../schema.js';
import { lines } from './lines.js';
import { UsageError } from './run.js';

/**
 * `zhenggai csv`: the CSV files of a folder run, from final documents as JSON Lines (what
 * `zhenggai run --jsonl` writes, one task's part file or many). Each line is a final document
 * or an error record; both go through the folder run's own writer (`CsvFiles`), so the same
 * documents in the same order give the same files, reposts linked over all of them.
 */
export interface CsvFromJsonlOptions {
  /** Files or folders of part files (`-` for stdin); a folder's files are read in name order, but those named `_…` or `.…` (`_SUCCESS`, `.part-00000.crc`). */
  inputs: string[];
  outDir: string;
  xlsx?: boolean;
  /** Gets a line for stderr: a line that is neither a final document nor an error record, an id seen twice. */
  log?: (line: string) => void;
  /** Stdin, for `-` (default `process.stdin`). */
  stdin?: Readable;
}

export interface CsvFromJsonlReport {
  /** Files read, in order. */
  files: string[];
  counts: {
    /** Final documents and error records written as rows. */
    documents: number;
    /** Of them, error records. */
    failed: number;
    /** Lines that are neither, and lines whose id an earlier line had: listed, not written. */
    rejected: number;
  };
}

/** The part files named by `inputs`, in order: a folder's files sorted by name. */
async function partFiles(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.push(input);
      continue;
    }
    const stat = await fs.stat(input).catch(() => null);
    if (!stat) throw new UsageError(`no such file or folder: ${input}`);
    if (!stat.isDirectory()) {
      files.push(input);
      continue;
    }
    const names = (await fs.readdir(input, { withFileTypes: true })).filter((e) => e.isFile() && !/^[_.]/.test(e.name)).map((e) => e.name);
    if (names.length === 0) throw new UsageError(`${input} holds no part files`);
    files.push(...names.sort().map((name) => path.join(input, name)));
  }
  return files;
}

/** Why a line is neither a final document nor an error record, in one line. */
function rejection(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0]!;
  return `not a final document or an error record (${issue.path.map(String).join('.') || 'the line'}: ${issue.message})`;
}

export async function csvFromJsonl(options: CsvFromJsonlOptions): Promise<CsvFromJsonlReport> {
  const files = await partFiles(options.inputs.length ? options.inputs : ['-']);
  const log = options.log ?? (() => {});
  const counts = { documents: 0, failed: 0, rejected: 0 };
  const seen = new Map<string, string>();
  const csv = await CsvFiles.open(options.outDir);
  for (const file of files) {
    const input = file === '-' ? (options.stdin ?? process.stdin) : createReadStream(file);
    const name = file === '-' ? 'stdin' : file;
    for await (const [raw, n] of lines(input)) {
      // Hadoop Streaming ends a line without a tab with one: JSON reads it as whitespace.
      const line = raw.trim();
      const where = `${name}:${n}`;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        counts.rejected++;
        log(`zhenggai: ${where}: not JSON`);
        continue;
      }
      const isError = typeof value === 'object' && value !== null && 'error' in value;
      const parsed = isError ? ErrorRecord.safeParse(value) : FinalDocument.safeParse(value);
      if (!parsed.success) {
        counts.rejected++;
        log(`zhenggai: ${where}: ${rejection(parsed.error)}`);
        continue;
      }
      const record = parsed.data;
      // A line without an id (`not a JSON object`) is named by its place: `line 4` of its part.
      const id = 'error' in record ? (record.id ?? record.source) : record.id;
      if (!('error' in record) || record.id !== null) {
        const earlier = seen.get(id);
        if (earlier) {
          counts.rejected++;
          log(`zhenggai: ${where}: ${id} again (first at ${earlier}); the first is kept`);
          continue;
        }
        seen.set(id, where);
      }
      counts.documents++;
      if ('error' in record) {
        counts.failed++;
        csv.addFailure(id, record.source, record.error.message);
      } else {
        await csv.add({ id, row: documentCells(record), csv: itemCsv(record), minhash: record.minhash });
      }
    }
  }
  await csv.close({ xlsx: options.xlsx, log });
  return { files, counts };
}
