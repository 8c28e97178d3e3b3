import { promises as fs } from 'node:fs';
import path from 'node:path';
import { documentId } from '../stages/1-clean/index.js';
import { type Cell, documentsCsv, itemCsvHeads } from '../output/csv.js';
import { linkDuplicates } from '../stages/1-clean/near-duplicates.js';
import { writeReport } from '../report/build.js';
import type { Timings } from '../pipeline.js';
import { AHEAD_PER_JOB, createPool, ordered } from './pool.js';
import type { Progress } from './progress.js';
import type { Task } from './worker.js';
import { temporary, writeAtomic } from './atomic.js';

export { writeAtomic };

/** Input files the pipeline reads; anything else in a folder is ignored. */
export const INPUT_EXTENSIONS = ['.txt', '.html', '.htm'];

export interface RunOptions {
  inputs: string[];
  outDir: string;
  /** Worker threads (default 1). */
  jobs?: number;
  /** Redo documents an earlier run already wrote from the same input with the same code. */
  force?: boolean;
  /** Called with a line for stderr: a failure as it happens (through `progress` when given). */
  log?: (line: string) => void;
  /** Makes the progress display once the number of documents is known. */
  progress?: (total: number) => Progress;
}

export interface InputFile { path: string; id: string }
export interface Failure { source: string; id: string; reason: string }

export interface RunReport {
  startedAt: string;
  finishedAt: string;
  inputs: string[];
  outDir: string;
  /** `skipped`: done by an earlier run from the same input with the same code, not redone. */
  counts: { documents: number; processed: number; skipped: number; failed: number };
  failures: Failure[];
  /** Milliseconds spent in each stage, summed over documents. */
  timings: Partial<Timings> & { total: number };
}

/** Files and folders to input files, each with its document id (path relative to the folder given). */
export async function listInputs(inputs: string[]): Promise<InputFile[]> {
  const files: InputFile[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (!stat) throw new UsageError(`no such file or folder: ${input}`);
    if (stat.isFile()) {
      files.push({ path: input, id: documentId(path.basename(input)) });
      continue;
    }
    const entries = await fs.readdir(input, { recursive: true, withFileTypes: true });
    for (const e of entries) {
      if (!e.isFile() || !INPUT_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) continue;
      const full = path.join(e.parentPath, e.name);
      files.push({ path: full, id: documentId(path.relative(input, full)) });
    }
  }
  return files.sort((a, b) => a.id.localeCompare(b.id));
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * The report page carries every document's text and raw input in one HTML file. It is written
 * one document at a time, so memory does not limit it, but a page past a few hundred megabytes
 * is slow to open in a browser: past this many bytes of input a run leaves it out (the CSVs and
 * JSON files are the way to read a corpus that size; `zhenggai report OUT` still builds it).
 */
export const REPORT_MAX_BYTES = 50e6;

/** The item CSV files, begun with their headers and appended to as documents finish. */
class CsvFiles {
  private constructor(private readonly handles: Map<string, { file: string; tmp: string; handle: fs.FileHandle }>) {}

  static async open(outDir: string): Promise<CsvFiles> {
    const handles = new Map();
    for (const [name, head] of Object.entries(itemCsvHeads())) {
      const file = path.join(outDir, name);
      const tmp = temporary(file);
      const handle = await fs.open(tmp, 'w');
      await handle.write(head);
      handles.set(name, { file, tmp, handle });
    }
    return new CsvFiles(handles);
  }

  async append(rows: Record<string, string>): Promise<void> {
    for (const [name, text] of Object.entries(rows)) if (text) await this.handles.get(name)!.handle.write(text);
  }

  /** Renames each whole file into place, so a killed run never leaves half a table. */
  async close(): Promise<void> {
    for (const { file, tmp, handle } of this.handles.values()) {
      await handle.close();
      await fs.rename(tmp, file);
    }
  }
}

/** Temporary files a killed run left in the output folder. */
async function removeLeftovers(outDir: string): Promise<void> {
  for (const name of await fs.readdir(outDir)) if (name.endsWith('.tmp')) await fs.rm(path.join(outDir, name), { force: true });
}

/**
 * Processes every input in a pool of worker threads; one bad file is a failure in the report,
 * never the end of the batch. Documents stream through: each is written by its worker, and
 * only its CSV rows come back, appended in input order.
 */
export async function run(options: RunOptions): Promise<RunReport> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const files = await listInputs(options.inputs);
  await fs.mkdir(options.outDir, { recursive: true });
  await removeLeftovers(options.outDir);
  const outDir = path.resolve(options.outDir);
  const jobs = Math.max(1, options.jobs ?? 1);
  const progress = options.progress?.(files.length);
  const log = progress ? (line: string) => progress.log(line) : (options.log ?? (() => {}));
  const timings: Partial<Timings> = {};
  const failures: Failure[] = [];
  const counts = { documents: files.length, processed: 0, skipped: 0, failed: 0 };
  const csv = await CsvFiles.open(options.outDir);
  // One small row and one 128-number signature per document wait for near-duplicate detection.
  const rows: Cell[][] = [];
  const signatures: { id: string; minhash: number[] | null }[] = [];
  let inputBytes = 0;
  const pool = createPool(jobs);
  try {
    const tasks = files.map((file): Task => ({ kind: 'file', path: file.path, id: file.id, outDir, force: options.force ?? false }));
    for await (const outcome of ordered(tasks, jobs * AHEAD_PER_JOB, (task) => pool.run(task))) {
      counts[outcome.status]++;
      inputBytes += outcome.bytes ?? 0;
      for (const [stage, ms] of Object.entries(outcome.timings ?? {})) timings[stage as keyof Timings] = (timings[stage as keyof Timings] ?? 0) + ms;
      if (outcome.csv) await csv.append(outcome.csv);
      if (outcome.row) {
        rows.push(outcome.row);
        signatures.push({ id: outcome.id, minhash: outcome.minhash ?? null });
      }
      if (outcome.status === 'failed') {
        failures.push({ source: outcome.source, id: outcome.id, reason: outcome.reason! });
        log(`zhenggai: ${outcome.source}: ${outcome.reason}`);
      }
      progress?.tick();
    }
  } finally {
    await pool.close();
    progress?.end();
  }
  await csv.close();
  // Reposts of one notice are linked in batch order (sorted ids), so a researcher counts it once.
  await writeAtomic(path.join(options.outDir, 'documents.csv'), documentsCsv(rows, linkDuplicates(signatures)));
  if (inputBytes <= REPORT_MAX_BYTES) await writeReport(options.outDir, failures);
  else log(`zhenggai: no report.html for ${(inputBytes / 1e6).toFixed(0)} MB of input (more than ${REPORT_MAX_BYTES / 1e6} MB); the CSVs hold the batch`);
  const report: RunReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    inputs: options.inputs,
    outDir: options.outDir,
    counts,
    failures,
    timings: { ...timings, total: performance.now() - t0 },
  };
  await writeAtomic(path.join(options.outDir, 'run.json'), JSON.stringify(report, null, 1) + '\n');
  return report;
}
