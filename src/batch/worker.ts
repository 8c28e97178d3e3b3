import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { documentFolder, isTemporaryOf, removeOutputs, temporary, writeAtomicSync } from './atomic.js';
import { STOP_CODES, describeError, internalError } from './errors.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CleanError } from '../stages/1-clean/index.js';
import { type Cell, documentCells, itemCsv } from '../output/csv.js';
import { FINAL_FILE, type PipelineDocument, type Result, STAGES, type Timings, runPipeline, runPipelines, stageFiles } from '../pipeline.js';
import { FinalDocument, type Repost } from '../schema.js';
import { SEGMENTER_SOURCE, USER_DICTS, segmenter } from '../jieba.js';
import type { Code } from '../codes.js';
import { notableCodes } from './findings.js';

// The segmenter loads here, not inside the first document's clean timing; the first thread of
// the process builds its dictionary, the others find it built.
segmenter();

/**
 * One document's work in a pool thread: read, skip if already done, run the stages, write every
 * file atomically, and hand back only what the main thread needs (a few CSV rows, a status),
 * so that no full document crosses threads or stays in memory.
 */
export type Task =
  /** `outDir` is absolute; `maxBytes` is the size limit of one input. */
  | { kind: 'file'; path: string; id: string; outDir: string; force: boolean; maxBytes: number }
  /** A JSONL line: the text itself, or a path to read; the answer is the final document as one line. */
  | { kind: 'line'; id: string; text?: string; path?: string; maxBytes: number };

/** Several file tasks for one thread, done together (`runFiles`); the answer is their outcomes, in order. */
export interface Batch {
  kind: 'files';
  tasks: Extract<Task, { kind: 'file' }>[];
}

export type Status = 'processed' | 'skipped' | 'failed';

export interface Outcome {
  status: Status;
  id: string;
  source: string;
  reason?: string;
  /** Size of the input, in bytes. */
  bytes?: number;
  timings?: Partial<Timings>;
  /** The document's row of documents.csv, as cells (its duplicate columns filled at the end). */
  row?: Cell[];
  /** Rows for each item CSV file (no header), keyed by file name. */
  csv?: Record<string, string>;
  /** MinHash signature of the cleaned text, for near-duplicate detection over the batch. */
  minhash?: number[] | null;
  /** The codes of its warnings and errors, each with how often it occurs: for the run's findings. */
  codes?: Partial<Record<Code, number>>;
  /** The final document as one line of JSON (JSONL tasks). */
  json?: string;
  /** Set when no later document can be written either (the disk is full): the run stops. */
  stop?: boolean;
  /** Set when the thread was stopped mid-document (a limit): its files may be half written. */
  abandoned?: boolean;
  /** The repost link the final document on disk holds (an earlier run's, for a skipped one). */
  duplicateOf?: Repost | null;
}

/** Written last in `out/<docId>/`: what the outputs there were made from and by which code. */
export const DONE_FILE = '.done.json';

/** The compiled code's root (`dist/`, or `src/` under vitest): every stage and its parts. */
const here = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * The pipeline's version: a hash of the compiled stages, the segmenter's source and the user dictionary, so that any
 * change to the code that makes the outputs redoes every document on the next run.
 */
export const PIPELINE_VERSION = (() => {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'bench' && e.name !== 'scripts') walk(full);
      } else if (/\.[cm]?[jt]s$/.test(e.name) && !e.name.endsWith('.d.ts')) hash.update(e.name).update(readFileSync(full));
    }
  };
  walk(here);
  hash.update(readFileSync(SEGMENTER_SOURCE));
  for (const dict of USER_DICTS) hash.update(readFileSync(dict));
  return hash.digest('hex').slice(0, 16);
})();

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A document's failure in one line: the reason its content gives, or a bug's message and place. */
const failureReason = (error: unknown) => (error instanceof CleanError ? error.message : internalError(error));

/** Every file a document's folder holds, the resume file last. */
const OUTPUT_FILES = [...STAGES.map((s) => s.file), DONE_FILE];

interface Done {
  sha256: string;
  version: string;
  minhash: number[] | null;
  /** The input's path as given: the outputs name it (`source`), so another path is another document. */
  source?: string;
}

/** A size as a user reads it: `12.4 MB`, `14 KB`. */
const megabytes = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} KB`);

/**
 * An input's bytes, or why they cannot be read: not a file, over the size limit (checked before
 * anything is read, so a 2 GB dump fails at once), or a system error.
 */
function readInput(file: string, maxBytes: number): { bytes: Uint8Array } | { reason: string } {
  let fd: number | undefined;
  try {
    // One open, one fstat, the reads: the same calls as readFileSync(file), with the size checked between.
    // O_NONBLOCK: a named pipe among the inputs is opened without waiting for a writer, then refused as not a file.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { reason: 'not a file' };
    if (stat.size > maxBytes) return { reason: `${megabytes(stat.size)}, over the limit of ${megabytes(maxBytes)} for one document (--max-mb)` };
    return { bytes: readFileSync(fd) };
  } catch (error) {
    return { reason: `cannot read it: ${describeError(error)}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** What the CSVs need of a document, from its final document and its signature. */
const summary = (final: FinalDocument, minhash: number[] | null) => ({ row: documentCells(final), csv: itemCsv(final), minhash, codes: notableCodes(final) });

/**
 * The final document of an earlier run and its signature, if made from these bytes at this path
 * by this code, and only if every file of the document is in place (`listing`, the folder's).
 */
function earlier(dir: string, listing: readonly string[], bytes: Uint8Array, source: string): { final: FinalDocument; done: Done } | null {
  if (!OUTPUT_FILES.every((f) => listing.includes(f))) return null;
  try {
    const done = JSON.parse(readFileSync(path.join(dir, DONE_FILE), 'utf8')) as Done;
    if (done.version !== PIPELINE_VERSION || done.sha256 !== sha256(bytes) || (done.source !== undefined && done.source !== source)) return null;
    const final = FinalDocument.safeParse(JSON.parse(readFileSync(path.join(dir, FINAL_FILE), 'utf8')));
    return final.success ? { final: final.data, done } : null;
  } catch {
    return null;
  }
}

/** A folder's names, or none when it is not there. */
function list(dir: string): string[] | null {
  try {
    return readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

type FileTask = Extract<Task, { kind: 'file' }>;

/** A file task whose input is read and which an earlier run has not already done: what its stages need. */
interface Prepared {
  task: FileTask;
  dir: string;
  listing: string[] | null;
  bytes: Uint8Array;
}

const failedFile = (task: FileTask, reason: string, stop = false): Outcome => ({ status: 'failed', id: task.id, source: task.path, reason, ...(stop ? { stop } : {}) });

/** Reads a task's input: its outcome when that already decides it (it cannot be read, or an earlier run did it), or what its stages need. */
function prepare(task: FileTask): Outcome | Prepared {
  const { id, path: source } = task;
  let dir: string;
  let listing: string[] | null;
  try {
    dir = documentFolder(task.outDir, id);
    listing = list(dir);
  } catch (error) {
    return failedFile(task, `cannot use its output folder: ${describeError(error)}`);
  }
  const input = readInput(source, task.maxBytes);
  if ('reason' in input) {
    // Outputs of an earlier input would no longer match this one.
    removeOutputs(dir, OUTPUT_FILES, listing ?? []);
    return failedFile(task, input.reason);
  }
  const { bytes } = input;
  if (!task.force && listing) {
    const prior = earlier(dir, listing, bytes, source);
    if (prior) return { status: 'skipped', id, source, bytes: bytes.length, ...summary(prior.final, prior.done.minhash ?? null), duplicateOf: prior.final.duplicateOf };
  }
  return { task, dir, listing, bytes };
}

/** Writes a document's files, its resume file last, and makes its CSV rows; or says why it failed. */
function finish({ task, dir, listing, bytes }: Prepared, result: Result, timings: Partial<Timings>): Outcome {
  const { id, path: source } = task;
  let files: ReturnType<typeof stageFiles>;
  let doc: PipelineDocument;
  try {
    if ('error' in result) throw result.error;
    doc = result.doc;
    files = stageFiles(doc);
  } catch (error) {
    removeOutputs(dir, OUTPUT_FILES, listing ?? []);
    return failedFile(task, failureReason(error));
  }
  const written = performance.now();
  let file = dir;
  try {
    if (listing) {
      // A killed run's temporary files, and the resume file first: from here until the new one
      // is written the folder describes no finished document, whatever a kill leaves.
      for (const name of listing) if (isTemporaryOf(name, OUTPUT_FILES)) rmSync(path.join(dir, name), { force: true });
      // (Set aside under its temporary name rather than removed: its blocks are written over at the end; see keepInode.)
      if (listing.includes(DONE_FILE)) renameSync(path.join(dir, DONE_FILE), temporary(path.join(dir, DONE_FILE)));
    } else mkdirSync(dir);
    for (const f of files) writeAtomicSync((file = path.join(dir, f.file)), f.json, listing?.includes(f.file));
    const done: Done = { sha256: doc.final.sha256, version: PIPELINE_VERSION, minhash: doc.clean.minhash, source };
    writeAtomicSync((file = path.join(dir, DONE_FILE)), JSON.stringify(done) + '\n', listing?.includes(DONE_FILE));
  } catch (error) {
    // No half-written document stays: its files go, and the next run writes it whole.
    removeOutputs(dir, OUTPUT_FILES);
    const code = (error as NodeJS.ErrnoException).code ?? '';
    return failedFile(task, `cannot write ${file}: ${describeError(error)}`, STOP_CODES.has(code));
  }
  const rows = summary(doc.final, doc.clean.minhash);
  timings.write = performance.now() - written;
  return { status: 'processed', id, source, bytes: bytes.length, timings, ...rows };
}

/**
 * Input bytes whose documents go through the stages together (`runPipelines`): ten-odd notices
 * of ordinary size, and a large one alone, so that memory holds at most this much text's layers
 * (or one document's) however large the inputs. Measured with two workers: 512 KB was no faster
 * on notices and took 100 KB documents to 507 MB, 256 KB to 504 MB; 64 KB segmented a notice
 * in 1.51 ms against 1.43.
 */
export const GROUP_BYTES = 128e3;

/**
 * Several file tasks, in order: each read, then the stages run over groups of them stage by
 * stage, then each written. On `clock` the thread keeps, for the pool's watch, the task it is
 * working on (`[1]`) and when that task would have begun had its work so far been done at once
 * (`[0]`): the time limit counts each document's own work.
 */
function runFiles(tasks: readonly FileTask[], clock?: SharedArrayBuffer): Outcome[] {
  const watch = clock ? new Float64Array(clock) : null;
  const begin = (index: number, spent: number) => {
    if (watch) {
      watch[1] = index;
      watch[0] = Date.now() - spent;
    }
  };
  const outcomes: Outcome[] = new Array(tasks.length);
  const ready: { index: number; prepared: Prepared }[] = [];
  tasks.forEach((task, index) => {
    begin(index, 0);
    const prepared = prepare(task);
    if ('status' in prepared) outcomes[index] = prepared;
    else ready.push({ index, prepared });
  });
  const spent = (timings: Partial<Timings>) => Object.values(timings).reduce((a, b) => a + b, 0);
  for (let from = 0; from < ready.length; ) {
    let to = from + 1;
    let bytes = ready[from]!.prepared.bytes.length;
    while (to < ready.length && bytes + ready[to]!.prepared.bytes.length <= GROUP_BYTES) bytes += ready[to++]!.prepared.bytes.length;
    const group = ready.slice(from, to);
    const timings: Partial<Timings>[] = group.map(() => ({}));
    const inputs = group.map(({ prepared: { task, bytes } }) => ({ id: task.id, source: task.path, bytes }));
    const results = runPipelines(inputs, timings, (i) => begin(group[i]!.index, spent(timings[i]!)));
    group.forEach(({ index, prepared }, i) => {
      begin(index, spent(timings[i]!));
      outcomes[index] = finish(prepared, results[i]!, timings[i]!);
    });
    from = to;
  }
  return outcomes;
}

async function runLine(task: Extract<Task, { kind: 'line' }>): Promise<Outcome> {
  const source = task.path ?? task.id;
  const failed = (reason: string): Outcome => ({ status: 'failed', id: task.id, source, reason });
  let bytes: Uint8Array;
  if (task.text !== undefined) {
    bytes = Buffer.from(task.text, 'utf8');
    if (bytes.length > task.maxBytes) return failed(`${megabytes(bytes.length)}, over the limit of ${megabytes(task.maxBytes)} for one document (--max-mb)`);
  } else {
    const input = readInput(task.path!, task.maxBytes);
    if ('reason' in input) return failed(input.reason);
    bytes = input.bytes;
  }
  try {
    const timings: Partial<Timings> = {};
    const doc = runPipeline({ id: task.id, source, bytes }, timings);
    return { status: 'processed', id: task.id, source, timings, json: JSON.stringify(doc.final) };
  } catch (error) {
    return failed(failureReason(error));
  }
}

export default function work(task: (Task | Batch) & { clock?: SharedArrayBuffer }): Promise<Outcome | Outcome[]> {
  if (task.kind === 'files') return Promise.resolve(runFiles(task.tasks, task.clock));
  if (task.kind === 'file') return Promise.resolve(runFiles([task], task.clock)[0]!);
  // The pool's watch reads when this document began (src/batch/pool.ts).
  if (task.clock) new Float64Array(task.clock)[0] = Date.now();
  return runLine(task);
}
