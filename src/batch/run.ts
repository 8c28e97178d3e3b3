import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { documentId } from '../stages/1-clean/index.js';
import { CsvFiles } from '../output/csv-files.js';
import { toJsonFile } from '../output/json.js';
import type { Duplicate } from '../stages/1-clean/near-duplicates.js';
import { writeReport } from '../report/build.js';
import { FINAL_FILE, type Timings } from '../pipeline.js';
import type { FinalDocument, Repost } from '../schema.js';
import { AHEAD_PER_JOB, createPool, ordered } from './pool.js';
import type { Progress } from './progress.js';
import type { Task } from './worker.js';
import { writeAtomic, writeAtomicSync } from './atomic.js';
import { DONE_FILE } from './worker.js';

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
  /** Also write `zhenggai.xlsx`, the CSV files as one workbook (it costs about a third of a run's time). */
  xlsx?: boolean;
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
  /**
   * Folders of the output folder that hold documents of an earlier run whose input this run did
   * not name (a notice removed from the input folder): in neither the CSV files nor report.html.
   */
  stale: string[];
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

/** Temporary files a killed run left in the output folder. */
async function removeLeftovers(outDir: string): Promise<void> {
  for (const name of await fs.readdir(outDir)) if (name.endsWith('.tmp')) await fs.rm(path.join(outDir, name), { force: true });
}

/**
 * Document folders in `outDir` (a `.done.json` or a final document in them) that are not among
 * `ids`: what an earlier run wrote for inputs this run no longer has.
 */
async function staleFolders(outDir: string, ids: ReadonlySet<string>): Promise<string[]> {
  const stale: string[] = [];
  for (const e of await fs.readdir(outDir, { withFileTypes: true })) {
    if (!e.isDirectory() || ids.has(e.name)) continue;
    const dir = path.join(outDir, e.name);
    if ((await fs.stat(path.join(dir, DONE_FILE)).catch(() => null)) || (await fs.stat(path.join(dir, FINAL_FILE)).catch(() => null))) stale.push(e.name);
  }
  return stale.sort();
}

/**
 * Writes each document's repost link into its final document where the batch's linking
 * changed it (`stored` holds what the files say now; most documents are originals both times).
 */
function writeReposts(outDir: string, ids: readonly string[], stored: ReadonlyMap<string, Repost>, duplicates: ReadonlyMap<string, Duplicate<string>>): void {
  for (const id of ids) {
    const found = duplicates.get(id);
    const now: Repost | null = found ? { id: found.duplicateOf, similarity: found.similarity } : null;
    const before = stored.get(id) ?? null;
    if (now?.id === before?.id && now?.similarity === before?.similarity) continue;
    const file = path.join(outDir, id, FINAL_FILE);
    const final = JSON.parse(readFileSync(file, 'utf8')) as FinalDocument;
    writeAtomicSync(file, toJsonFile({ ...final, duplicateOf: now }));
  }
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
  // The repost links the final documents hold now (skipped ones keep an earlier run's).
  const stored = new Map<string, Repost>();
  const written: string[] = [];
  let inputBytes = 0;
  const pool = createPool(jobs);
  try {
    const tasks = files.map((file): Task => ({ kind: 'file', path: file.path, id: file.id, outDir, force: options.force ?? false }));
    for await (const outcome of ordered(tasks, jobs * AHEAD_PER_JOB, (task) => pool.run(task))) {
      counts[outcome.status]++;
      inputBytes += outcome.bytes ?? 0;
      for (const [stage, ms] of Object.entries(outcome.timings ?? {})) timings[stage as keyof Timings] = (timings[stage as keyof Timings] ?? 0) + ms;
      if (outcome.row && outcome.csv) {
        await csv.add({ id: outcome.id, row: outcome.row, csv: outcome.csv, minhash: outcome.minhash ?? null });
        written.push(outcome.id);
        if (outcome.duplicateOf) stored.set(outcome.id, outcome.duplicateOf);
      }
      if (outcome.status === 'failed') {
        csv.addFailure(outcome.id, outcome.source, outcome.reason!);
        failures.push({ source: outcome.source, id: outcome.id, reason: outcome.reason! });
        log(`zhenggai: ${outcome.source}: ${outcome.reason}`);
      }
      progress?.tick();
    }
  } finally {
    await pool.close();
    progress?.end();
  }
  const { duplicates } = await csv.close({ xlsx: options.xlsx, log });
  writeReposts(options.outDir, written, stored, duplicates);
  const stale = await staleFolders(options.outDir, new Set(files.map((f) => f.id)));
  if (stale.length) {
    log(`zhenggai: ${stale.length} document folder${stale.length === 1 ? '' : 's'} in ${options.outDir} not among this run's inputs (${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ' …' : ''}): left out of the CSV files and report.html, listed as stale in run.json`);
  }
  if (inputBytes <= REPORT_MAX_BYTES) await writeReport(options.outDir, { failures, stale });
  else log(`zhenggai: no report.html for ${(inputBytes / 1e6).toFixed(0)} MB of input (more than ${REPORT_MAX_BYTES / 1e6} MB); the CSVs hold the batch`);
  const report: RunReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    inputs: options.inputs,
    outDir: options.outDir,
    counts,
    failures,
    stale,
    timings: { ...timings, total: performance.now() - t0 },
  };
  await writeAtomic(path.join(options.outDir, 'run.json'), JSON.stringify(report, null, 1) + '\n');
  return report;
}
