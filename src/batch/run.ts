import { closeSync, fstatSync, ftruncateSync, promises as fs, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import { CsvFiles } from '../output/csv-files.js';
import { toJsonFile } from '../output/json.js';
import type { Duplicate } from '../stages/1-clean/near-duplicates.js';
import { RunPage, writeReport } from '../report/build.js';
import { FINAL_FILE, STAGES, type Timings } from '../pipeline.js';
import type { FinalDocument, Repost } from '../schema.js';
import { AHEAD_PER_JOB, DEFAULT_LIMITS, type Limits, MAX_INPUT_BYTES, createPool, ordered } from './pool.js';
import type { Progress } from './progress.js';
import { Findings, type RunFindings } from './findings.js';
import { DONE_FILE, type Outcome, type Task } from './worker.js';

type FileTask = Extract<Task, { kind: 'file' }>;
import { documentFolder, isTemporaryOf, openOwnFile, removeFile, removeOutputs, writeAtomic, writeAtomicSync } from './atomic.js';
import { finalBody, readOwnFile } from './done.js';
import { UsageError, describeError } from './errors.js';
import { type Ignored, INPUT_EXTENSIONS, type InputFile, type LinkOutside, checkInputs, listInputs, scanInputs } from './inputs.js';
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
  /** Also write `zhenggai.xlsx`, the CSV files as one workbook (it costs about a third of a run's time). */
  xlsx?: boolean;
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
  /** Links in the input folders that lead to a file outside all of them: followed, and listed here. */
  linksOutside: LinkOutside[];
  /** Documents an earlier run had finished, redone because one of their files changed since (src/batch/done.ts). */
  redone: { source: string; id: string; why: string }[];
  /**
   * Folders of the output folder that hold documents of an earlier run whose input this run did
   * not name (a notice removed from the input folder, before the run or during it): in neither the
   * CSV files nor report.html.
   */
  stale: string[];
  /** Why the run stopped before its end (the disk is full), when it did. */
  stopped?: string;
  /** What the documents hold, added up: kinds, problems, stated totals, warnings and errors by code, reposts. */
  findings: RunFindings;
  /** The files of the batch this run wrote at the top of the output folder: the CSV files, and report.html and zhenggai.xlsx when it wrote them. */
  wrote: string[];
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

/** The most documents handed to a thread at once (`Pool.runBatch`). */
export const BATCH_MAX = 16;

/**
 * How many documents go to a thread at once (in flight: `AHEAD_PER_JOB` documents a thread, and
 * at least two batches, so that a thread that ends its batch finds the next one waiting): up to `BATCH_MAX`, so that its stages run over
 * them together (src/pipeline.ts `runPipelines`), but few enough that every thread has eight
 * batches of a small run, and a run of a few documents hands them out one by one.
 */
export const batchSize = (documents: number, jobs: number): number => Math.max(1, Math.min(BATCH_MAX, Math.floor(documents / (jobs * 8))));

/** Each item of each batch, in order. */
async function* flatten<T>(batches: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const batch of batches) yield* batch;
}

/** The files a run writes at the top of out/, each through a temporary file. */
const TOP_FILES = RESERVED_NAMES.filter((name) => name !== LOCK_FILE);

/** Temporary files a killed run left at the top of the output folder (a lock's take-over claim too: src/batch/lock.ts): only those this program names, files or links, never a folder. */
async function removeLeftovers(outDir: string): Promise<void> {
  for (const name of await fs.readdir(outDir)) {
    if (isTemporaryOf(name, TOP_FILES) || /^\.zhenggai\.lock\.\d+\.(?:tmp|takeover)$/.test(name)) removeFile(path.join(outDir, name));
  }
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
 * Writes a document's repost link into its final document when the batch's linking changed it
 * (`before` is what the file says now: none for a document just written, an earlier run's for a
 * skipped one; most documents are originals both times).
 */
function writeRepost(outDir: string, id: string, before: Repost | null, found: Duplicate<string> | null): void {
  const now: Repost | null = found ? { id: found.duplicateOf, similarity: found.similarity } : null;
  if (now?.id === before?.id && now?.similarity === before?.similarity) return;
  const file = path.join(documentFolder(outDir, id), FINAL_FILE);
  if (patchRepost(file, before, now)) return;
  // The document's bytes before its link stay as they are, so that they still match its resume record.
  const bytes = readOwnFile(file).bytes;
  const body = finalBody(bytes);
  if (body) writeAtomicSync(file, Buffer.concat([body, repostTail(now)]));
  else writeAtomicSync(file, toJsonFile({ ...(JSON.parse(bytes.toString('utf8')) as FinalDocument), duplicateOf: now }));
}

/** A final document's last lines when `link` is its `duplicateOf`, the last field of its schema. */
const repostTail = (link: Repost | null) => Buffer.from((toJsonFile({ duplicateOf: link }) as string).slice(1), 'utf8');

/**
 * Writes the new link over the final document's tail in place, when the file ends with the old
 * link and the new tail is no shorter (so nothing of the old is left after it): one write of a
 * hundred-odd bytes at the file's end, which a kill cannot cut in two (a signal waits for a write
 * to a file to end), instead of reading, parsing and writing the whole document through a
 * temporary file. In a batch with many reposts that was most of the main thread's work. Returns
 * false, having changed nothing, in any other case.
 */
function patchRepost(file: string, before: Repost | null, now: Repost | null): boolean {
  const old = repostTail(before);
  const next = repostTail(now);
  if (next.length < old.length) return false;
  const fd = openOwnFile(file);
  try {
    const size = fstatSync(fd).size;
    if (size < old.length) return false;
    const end = Buffer.alloc(old.length);
    if (readSync(fd, end, 0, old.length, size - old.length) !== old.length || !end.equals(old)) return false;
    const written = writeSync(fd, next, 0, next.length, size - old.length);
    if (written !== next.length) {
      // A disk full in the middle of the tail: the old tail back, and the error.
      writeSync(fd, old, 0, old.length, size - old.length);
      ftruncateSync(fd, size);
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    }
    return true;
  } finally {
    closeSync(fd);
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

/** `1 link leads outside the input folders and was followed (…): in/a.txt → /home/x/a.txt, …` for the summary line, or ''. */
export function describeLinksOutside(links: readonly LinkOutside[]): string {
  if (!links.length) return '';
  const one = links.length === 1;
  const names = links.slice(0, 3).map((l) => `${l.path} → ${l.target}`).join(', ');
  return `${links.length} link${one ? ' leads' : 's lead'} outside the input folders and ${one ? 'was' : 'were'} followed (run.json "linksOutside"): ${names}${links.length > 3 ? ', …' : ''}`;
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
  const { files, ignored, linksOutside } = await scanInputs(options.inputs, outDir);
  await removeLeftovers(outDir);
  const jobs = Math.max(1, options.jobs ?? 1);
  const progress = options.progress?.(files.length);
  const log = progress ? (line: string) => progress.log(line) : (options.log ?? (() => {}));
  const timings: Partial<Timings> = {};
  const failures: Failure[] = [];
  const counts = { documents: files.length, processed: 0, skipped: 0, failed: 0, notRun: 0 };
  const renamed = files.filter((f) => f.renamed).map((f) => ({ source: f.path, id: f.id, ...f.renamed! }));
  const redone: RunReport['redone'] = [];
  // Inputs removed since they were listed: their folders keep an earlier run's outputs, stale.
  const vanished = new Set<string>();
  // What could not be written (the repost links, the CSV files, report.html, run.json), in the words of `stopped`.
  const problems: string[] = [];
  let repostsBroken = false;
  let inputBytes = 0;
  let stopped: string | undefined;
  let csvBroken = false;
  let csv: CsvFiles | null = null;
  try {
    csv = await CsvFiles.open(outDir);
  } catch (error) {
    stopped = `cannot write in ${outDir}: ${describeError(error)}`;
  }
  // The page is put together from parts the threads write as they go (src/report/build.ts RunPage);
  // when a part cannot be written, the page is read from the document folders at the end instead.
  let page: RunPage | null = new RunPage(outDir);
  const pool = createPool(jobs, limits);
  const size = batchSize(files.length, jobs);
  // Tasks are made as the pool takes them, so that a stop leaves the rest unstarted.
  function* batches(): Generator<InputFile[]> {
    for (let i = 0; i < files.length; i += size) {
      if (stopped) return;
      yield files.slice(i, i + size);
    }
  }
  const work = async (batch: InputFile[]): Promise<Outcome[]> => {
    const wanted = page !== null && inputBytes <= REPORT_MAX_BYTES;
    const tasks = batch.filter((file) => !file.unreadable).map((file): FileTask => ({ kind: 'file', path: file.path, id: file.id, outDir, force: options.force ?? false, maxBytes, page: wanted }));
    const outcomes = tasks.length ? await pool.runBatch(tasks) : [];
    let next = 0;
    return batch.map((file) => (file.unreadable ? { status: 'failed', id: file.id, source: file.path, reason: file.unreadable } : outcomes[next++]!));
  };
  let seen = 0;
  const findings = new Findings();
  const wrote: string[] = [];
  try {
    for await (const outcome of flatten(ordered(batches(), jobs * Math.max(2, Math.ceil(AHEAD_PER_JOB / size)), work))) {
      seen++;
      counts[outcome.status]++;
      inputBytes += outcome.bytes ?? 0;
      for (const [stage, ms] of Object.entries(outcome.timings ?? {})) timings[stage as keyof Timings] = (timings[stage as keyof Timings] ?? 0) + ms;
      if (outcome.redone) {
        redone.push({ source: outcome.source, id: outcome.id, why: outcome.redone });
        log(`zhenggai: ${outcome.source}: redone: ${outcome.redone}`);
      }
      if (outcome.vanished) vanished.add(outcome.id);
      // A thread stopped mid-document (a limit) may have left some of its files: they go.
      if (outcome.abandoned) removeOutputs(documentFolder(outDir, outcome.id), [...STAGES.map((s) => s.file), DONE_FILE]);
      if (outcome.row && outcome.csv) {
        if (csv && !csvBroken) {
          await csv.add({ id: outcome.id, row: outcome.row, csv: outcome.csv, minhash: outcome.minhash ?? null }).catch(async (error: unknown) => {
            csvBroken = true;
            stopped ??= `cannot write the CSV files in ${outDir}: ${describeError(error)}`;
            await csv!.discard();
          });
        } else await csv?.add({ id: outcome.id, row: outcome.row, csv: {}, minhash: outcome.minhash ?? null });
        findings.add(outcome.row, outcome.codes ?? {}, csv?.repostOf(outcome.id) != null);
        if (page && inputBytes > REPORT_MAX_BYTES) (page.discard(), (page = null));
        if (page && outcome.page) {
          const found = csv?.repostOf(outcome.id) ?? null;
          page.add(outcome.page, found ? { id: found.duplicateOf, similarity: found.similarity } : null);
        }
        // A part a thread could not write: the page is then read from the document folders at the end.
        if (page && outcome.pageMissing) (page.discard(), (page = null));
        // Reposts of one notice are linked in batch order (sorted ids), so a researcher counts it
        // once; a document's link depends only on the documents before it, so it is written now,
        // while the threads work, not after them.
        if (csv && !repostsBroken) {
          try {
            writeRepost(outDir, outcome.id, outcome.duplicateOf ?? null, csv.repostOf(outcome.id));
          } catch (error) {
            repostsBroken = true;
            problems.push(`the repost links: ${describeError(error)}`);
          }
        }
      }
      if (outcome.status === 'failed') {
        failures.push({ source: outcome.source, id: outcome.id, reason: outcome.reason! });
        csv?.addFailure(outcome.id, outcome.source, outcome.reason!);
        if (outcome.stop) stopped ??= outcome.reason!;
        else log(`zhenggai: ${outcome.source}: ${outcome.reason}`);
      }
      progress?.tick();
    }
  } catch (error) {
    // A bug that ends the run takes its unfinished tables with it: no temporary file is left in out/.
    await csv?.discard();
    throw error;
  } finally {
    await pool.close();
    progress?.end();
  }
  // The documents a stopped run did not start are the last of the batch's order: their rows end documents.csv.
  for (const file of files.slice(seen)) {
    counts.notRun++;
    csv?.addFailure(file.id, file.path, `the run stopped before it: ${stopped}`, 'not-run');
  }
  const attempt = async (what: string, write: () => Promise<unknown>): Promise<boolean> => {
    try {
      await write();
      return true;
    } catch (error) {
      problems.push(`${what}: ${describeError(error)}`);
      return false;
    }
  };
  const plainIds = new Map(files.filter((f) => f.renamed).map((f) => [f.id, f.renamed!.plainId]));
  if (csv) {
    let tables: Awaited<ReturnType<CsvFiles['close']>> | undefined;
    await attempt('the CSV files', async () => (tables = await csv!.close({ xlsx: options.xlsx && !stopped, log, plainIds })));
    if (tables) wrote.push(...tables.files, ...(tables.xlsx ? [path.basename(tables.xlsx.file)] : []));
  }
  const stale = await staleFolders(outDir, new Set(files.filter((f) => !vanished.has(f.id)).map((f) => f.id)));
  if (stale.length) {
    log(`zhenggai: ${stale.length} document folder${stale.length === 1 ? '' : 's'} in ${options.outDir} not among this run's inputs (${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ' …' : ''}): left out of the CSV files and report.html, listed as stale in run.json`);
  }
  // A stopped run writes no report (its summary line says why); the next run does.
  const partsPage = page;
  if (!stopped && inputBytes <= REPORT_MAX_BYTES) {
    const written = partsPage ? () => Promise.resolve(partsPage.write({ failures, stale })) : () => writeReport(outDir, { failures, stale }, { verify: false });
    if (await attempt('report.html', written)) wrote.push('report.html');
  } else if (!stopped) log(`zhenggai: no report.html for ${(inputBytes / 1e6).toFixed(0)} MB of input (more than ${REPORT_MAX_BYTES / 1e6} MB); the CSVs hold the batch`);
  // A part file of a thread stopped before its first document came back is known to no one: it goes too.
  partsPage?.discard();
  await removeLeftovers(outDir).catch(() => {});
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
    linksOutside,
    redone,
    stale,
    ...(ended() ? { stopped: ended() } : {}),
    findings: findings.result(),
    wrote,
    timings: { ...timings, total: performance.now() - t0 },
  };
  await attempt('run.json', () => writeAtomic(path.join(outDir, 'run.json'), JSON.stringify(report, null, 1) + '\n'));
  if (ended()) report.stopped = ended();
  return report;
}
