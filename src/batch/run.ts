import { promises as fs } from 'node:fs';
import path from 'node:path';
import { type Cell, documentsCsv, itemCsvHeads, unwrittenCells } from '../output/csv.js';
import { linkDuplicates } from '../stages/1-clean/near-duplicates.js';
import { writeReport } from '../report/build.js';
import { STAGES, type Timings } from '../pipeline.js';
import { AHEAD_PER_JOB, DEFAULT_LIMITS, type Limits, MAX_INPUT_BYTES, createPool, ordered } from './pool.js';
import type { Progress } from './progress.js';
import { DONE_FILE, type Outcome, type Task } from './worker.js';
import { documentFolder, isTemporaryOf, removeOutputs, temporary, writeAll, writeAtomic } from './atomic.js';
import { UsageError, describeError } from './errors.js';
import { type Ignored, INPUT_EXTENSIONS, type InputFile, checkInputs, listInputs, scanInputs } from './inputs.js';
import { RESERVED_NAMES } from './ids.js';
import { LOCK_FILE, lockOutDir } from './lock.js';

export { writeAtomic, UsageError, INPUT_EXTENSIONS, MAX_INPUT_BYTES, listInputs, type InputFile };

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
  /** The largest input read, in bytes (default `MAX_INPUT_BYTES`); a larger one fails at once. */
  maxBytes?: number;
  /** Time and memory limits of one document (default `DEFAULT_LIMITS`). */
  limits?: Partial<Limits>;
}

export interface Failure { source: string; id: string; reason: string }

export interface RunReport {
  startedAt: string;
  finishedAt: string;
  inputs: string[];
  outDir: string;
  /**
   * `skipped`: done by an earlier run from the same input with the same code, not redone;
   * `notRun`: left when the run stopped (`stopped`). The four add up to `documents`.
   */
  counts: { documents: number; processed: number; skipped: number; failed: number; notRun: number };
  failures: Failure[];
  /** Ids that differ from the contract's rule (unsafe or shared by two files), and why. */
  renamed: { source: string; id: string; plainId: string; why: string }[];
  /** What the input folders held that was not read, and why. */
  ignored: Ignored[];
  /** Why the run stopped before its end (the disk is full), when it did. */
  stopped?: string;
  /** Milliseconds spent in each stage, summed over documents. */
  timings: Partial<Timings> & { total: number };
}

/**
 * The report page carries every document's text and raw input in one HTML file. It is written
 * one document at a time, so memory does not limit it, but a page past a few hundred megabytes
 * is slow to open in a browser: past this many bytes of input a run leaves it out (the CSVs and
 * JSON files are the way to read a corpus that size; `zhenggai report OUT` still builds it).
 */
export const REPORT_MAX_BYTES = 50e6;

/** The files a run writes at the top of out/, each through a temporary file. */
const TOP_FILES = RESERVED_NAMES.filter((name) => name !== LOCK_FILE);

/**
 * The item CSV files, begun with their headers and appended to as documents finish. Rows wait
 * in memory until `FLUSH_CHARS` of them have come, then go in one write per file: a write per
 * document and file was four trips through libuv's thread pool for each document.
 */
class CsvFiles {
  private static readonly FLUSH_CHARS = 256 * 1024;
  private readonly pending = new Map<string, string[]>();
  private pendingChars = 0;

  private constructor(private readonly handles: Map<string, { file: string; tmp: string; handle: fs.FileHandle }>) {}

  static async open(outDir: string): Promise<CsvFiles> {
    const files = new CsvFiles(new Map());
    try {
      for (const [name, head] of Object.entries(itemCsvHeads())) {
        const file = path.join(outDir, name);
        const tmp = temporary(file);
        const handle = await fs.open(tmp, 'w');
        files.handles.set(name, { file, tmp, handle });
        await writeAll(handle, head);
      }
    } catch (error) {
      await files.discard();
      throw error;
    }
    return files;
  }

  async append(rows: Record<string, string>): Promise<void> {
    for (const [name, text] of Object.entries(rows)) {
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

  /** Renames each whole file into place, so a killed run never leaves half a table. */
  async close(): Promise<void> {
    try {
      await this.flush();
      for (const { handle } of this.handles.values()) await handle.close();
      for (const { file, tmp } of this.handles.values()) await fs.rename(tmp, file);
    } catch (error) {
      await this.discard();
      throw error;
    }
  }

  /** Removes the temporary files: a table that could not be written whole is not written. */
  async discard(): Promise<void> {
    for (const { tmp, handle } of this.handles.values()) {
      await handle.close().catch(() => {});
      await fs.rm(tmp, { force: true }).catch(() => {});
    }
  }
}

/** Temporary files a killed run left at the top of the output folder: only those this program names. */
async function removeLeftovers(outDir: string): Promise<void> {
  for (const name of await fs.readdir(outDir)) {
    if (isTemporaryOf(name, TOP_FILES) || /^\.zhenggai\.lock\.\d+\.tmp$/.test(name)) await fs.rm(path.join(outDir, name), { force: true });
  }
}

/** Makes the output folder, or says in one line why it cannot be used. */
async function makeOutDir(outDir: string): Promise<void> {
  const stat = await fs.stat(outDir).catch(() => null);
  if (stat && !stat.isDirectory()) throw new UsageError(`--out ${outDir} is a file, not a folder`);
  await fs.mkdir(outDir, { recursive: true }).catch((error: unknown) => {
    throw new UsageError(`cannot make the output folder ${outDir}: ${describeError(error)}`);
  });
}

/** `12 files ignored (9 not .txt, .html, .htm, …): a.docx, b.pdf, …` for the summary line, or ''. */
export function describeIgnored(ignored: readonly Ignored[]): string {
  if (!ignored.length) return '';
  const reasons = new Map<string, number>();
  for (const i of ignored) reasons.set(i.reason, (reasons.get(i.reason) ?? 0) + 1);
  const why = [...reasons].map(([reason, n]) => `${n} ${reason}`).join('; ');
  const names = ignored.slice(0, 5).map((i) => i.path).join(', ');
  return `${ignored.length} ${ignored.length === 1 ? 'entry' : 'entries'} not read (${why}): ${names}${ignored.length > 5 ? ', …' : ''}`;
}

/**
 * Processes every input in a pool of worker threads; one bad file is a failure in the report,
 * never the end of the batch. Documents stream through: each is written by its worker, and
 * only its CSV rows come back, appended in input order.
 *
 * Throws `UsageError` (nothing written) for inputs that do not exist, an output folder that
 * cannot be used or is in use by another run. A write that fails for want of space stops the
 * run: the documents already written stay, the report says `stopped`, and the next run goes on.
 */
export async function run(options: RunOptions): Promise<RunReport> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const outDir = path.resolve(options.outDir);
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  // Inputs first: a mistyped name writes nothing. Then the folder, its lock, and only then any delete.
  await checkInputs(options.inputs, outDir);
  await makeOutDir(outDir);
  const unlock = await lockOutDir(outDir);
  try {
    return await runLocked(options, { startedAt, t0, outDir, maxBytes, limits });
  } finally {
    await unlock();
  }
}

async function runLocked(
  options: RunOptions,
  { startedAt, t0, outDir, maxBytes, limits }: { startedAt: string; t0: number; outDir: string; maxBytes: number; limits: Limits },
): Promise<RunReport> {
  const { files, ignored } = await scanInputs(options.inputs, outDir);
  await removeLeftovers(outDir);
  const jobs = Math.max(1, options.jobs ?? 1);
  const progress = options.progress?.(files.length);
  const log = progress ? (line: string) => progress.log(line) : (options.log ?? (() => {}));
  const timings: Partial<Timings> = {};
  const failures: Failure[] = [];
  const counts = { documents: files.length, processed: 0, skipped: 0, failed: 0, notRun: 0 };
  const renamed = files.filter((f) => f.renamed).map((f) => ({ source: f.path, id: f.id, ...f.renamed! }));
  // One small row and one 128-number signature per document wait for near-duplicate detection.
  const rows: Cell[][] = [];
  const signatures: { id: string; minhash: number[] | null }[] = [];
  let inputBytes = 0;
  let stopped: string | undefined;
  let csvBroken = false;
  let csv: CsvFiles | null = null;
  try {
    csv = await CsvFiles.open(outDir);
  } catch (error) {
    stopped = `cannot write in ${outDir}: ${describeError(error)}`;
  }
  const pool = createPool(jobs, limits);
  const byId = new Map(files.map((f) => [f.id, f]));
  // Tasks are made as the pool takes them, so that a stop leaves the rest unstarted.
  function* tasks(): Generator<InputFile> {
    for (const file of files) {
      if (stopped) return;
      yield file;
    }
  }
  const work = (file: InputFile): Promise<Outcome> => {
    if (file.unreadable) return Promise.resolve({ status: 'failed', id: file.id, source: file.path, reason: file.unreadable });
    const task: Task = { kind: 'file', path: file.path, id: file.id, outDir, force: options.force ?? false, maxBytes };
    return pool.run(task);
  };
  let seen = 0;
  try {
    for await (const outcome of ordered(tasks(), jobs * AHEAD_PER_JOB, work)) {
      seen++;
      counts[outcome.status]++;
      inputBytes += outcome.bytes ?? 0;
      for (const [stage, ms] of Object.entries(outcome.timings ?? {})) timings[stage as keyof Timings] = (timings[stage as keyof Timings] ?? 0) + ms;
      // A thread stopped mid-document (a limit) may have left some of its files: they go.
      if (outcome.abandoned) removeOutputs(documentFolder(outDir, outcome.id), [...STAGES.map((s) => s.file), DONE_FILE]);
      if (outcome.csv && csv && !csvBroken) {
        await csv.append(outcome.csv).catch((error: unknown) => {
          csvBroken = true;
          stopped ??= `cannot write the CSV files in ${outDir}: ${describeError(error)}`;
        });
      }
      if (outcome.row) {
        rows.push(outcome.row);
        signatures.push({ id: outcome.id, minhash: outcome.minhash ?? null });
      }
      if (outcome.status === 'failed') {
        failures.push({ source: outcome.source, id: outcome.id, reason: outcome.reason! });
        rows.push(unwrittenCells(outcome.id, outcome.source, 'failed', outcome.reason!));
        if (outcome.stop) stopped ??= outcome.reason!;
        else log(`zhenggai: ${outcome.source}: ${outcome.reason}`);
      }
      progress?.tick();
    }
  } finally {
    await pool.close();
    progress?.end();
  }
  for (const file of files.slice(seen)) {
    counts.notRun++;
    rows.push(unwrittenCells(file.id, file.path, 'not-run', `the run stopped before it: ${stopped}`));
  }
  // documents.csv is in id order whatever happened: the rows of a stopped run's unstarted
  // documents come after, so put every row back in the order of `files`.
  const order = new Map(files.map((f, i) => [f.id, i]));
  rows.sort((a, b) => order.get(a[0] as string)! - order.get(b[0] as string)!);
  const problems: string[] = [];
  const attempt = async (what: string, write: () => Promise<unknown>) => {
    try {
      await write();
    } catch (error) {
      problems.push(`${what}: ${describeError(error)}`);
    }
  };
  if (csv) {
    if (csvBroken) await csv.discard();
    else await attempt('the item CSV files', () => csv.close());
  }
  const plainIds = new Map([...byId.values()].filter((f) => f.renamed).map((f) => [f.id, f.renamed!.plainId]));
  // Reposts of one notice are linked in batch order (sorted ids), so a researcher counts it once.
  await attempt('documents.csv', () => writeAtomic(path.join(outDir, 'documents.csv'), documentsCsv(rows, linkDuplicates(signatures), plainIds)));
  // A stopped run writes no report (its summary line says why); the next run does.
  if (!stopped && inputBytes <= REPORT_MAX_BYTES) await attempt('report.html', () => writeReport(outDir, failures, new Set(files.map((f) => f.id))));
  else if (!stopped) log(`zhenggai: no report.html for ${(inputBytes / 1e6).toFixed(0)} MB of input (more than ${REPORT_MAX_BYTES / 1e6} MB); the CSVs hold the batch`);
  const ended = () => {
    const unwritten = problems.length ? `could not write ${problems.join('; ')}` : '';
    return stopped && unwritten ? `${stopped}; ${unwritten}` : stopped || unwritten || undefined;
  };
  const report: RunReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    inputs: options.inputs,
    outDir: options.outDir,
    counts,
    failures,
    renamed,
    ignored,
    ...(ended() ? { stopped: ended() } : {}),
    timings: { ...timings, total: performance.now() - t0 },
  };
  await attempt('run.json', () => writeAtomic(path.join(outDir, 'run.json'), JSON.stringify(report, null, 1) + '\n'));
  if (ended()) report.stopped = ended();
  return report;
}
