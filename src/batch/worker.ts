import { createHash } from 'node:crypto';
import { type Dirent, mkdirSync, readFileSync, readdirSync, renameSync } from 'node:fs';
import { InTheWay, documentFolder, isTemporaryOf, kindOf, readFolder, removeFile, removeOutputs, temporary, writeAtomicSync } from './atomic.js';
import { DONE_FILE, type Done, changedFile, differs, doneJson, fileRecord, readDone, readOwnFile } from './done.js';
import { STOP_CODES, describeError, internalError } from './errors.js';
import { readInput, tooLarge } from './read-input.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CleanError, CleanOutput, decodeInput } from '../stages/1-clean/index.js';
import { SectionsOutput } from '../stages/3-sections/index.js';
import { type PagePart, type PagePlace, docData, pagePart, readLayer, writePagePart } from '../report/build.js';
import { type Cell, documentCells, itemCsv } from '../output/csv.js';
import { FINAL_FILE, type PipelineDocument, type Result, STAGES, type Timings, runPipeline, runPipelines, stageFile, stageFiles } from '../pipeline.js';
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
  | { kind: 'file'; path: string; id: string; outDir: string; force: boolean; maxBytes: number; /** Whether to make the document's part of the run's page. */ page?: boolean }
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
  /** Why an earlier run's files, which would have been kept, were redone: one of them changed since (src/batch/done.ts). */
  redone?: string;
  /** Set when the input is gone (removed during the run) and the folder keeps an earlier run's outputs: a stale folder. */
  vanished?: boolean;
  /** Where this thread wrote the document's part of the run's page, when the task asked for it (src/report/build.ts). */
  page?: PagePlace;
  /** Set when the task asked for the document's part of the page and it could not be written: the page is then read from the folders. */
  pageMissing?: boolean;
}

export { DONE_FILE };

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

/** A document's failure in one line: the reason its content gives, or a bug's message and place. */
const failureReason = (error: unknown) => (error instanceof CleanError ? error.message : internalError(error));

/** Every file a document's folder holds, the resume file last. */
const OUTPUT_FILES = [...STAGES.map((s) => s.file), DONE_FILE];

/** What the CSVs need of a document, from its final document and its signature. */
const summary = (final: FinalDocument, minhash: number[] | null) => ({ row: documentCells(final), csv: itemCsv(final), minhash, codes: notableCodes(final) });

/**
 * The final document of an earlier run and its signature, if made from these bytes at this path
 * by this code, and its files are all as that run wrote them; otherwise why not, when that run
 * finished (`redo`: a file changed since), or null (it did not finish, or its input or the code
 * changed since).
 */
function earlier(dir: string, entries: readonly Dirent[], bytes: Uint8Array, source: string): { final: FinalDocument; done: Done } | { redo: string } | null {
  const record = readDone(dir, entries);
  if (!record || 'problem' in record) return record && { redo: record.problem };
  const { done } = record;
  if (done.version !== PIPELINE_VERSION || done.sha256 !== createHash('sha256').update(bytes).digest('hex') || done.source !== source) return null;
  let final: Buffer;
  try {
    final = readOwnFile(path.join(dir, FINAL_FILE)).bytes;
  } catch {
    final = Buffer.alloc(0);
  }
  const changed = changedFile(dir, entries, record, final);
  if (changed) return { redo: changed };
  try {
    const parsed = FinalDocument.safeParse(JSON.parse(final.toString('utf8')));
    if (parsed.success) return { final: parsed.data, done };
  } catch {
    // Not JSON: said below.
  }
  return { redo: differs(path.join(dir, FINAL_FILE)) };
}

type FileTask = Extract<Task, { kind: 'file' }>;

/** A file task whose input is read and which an earlier run has not already done: what its stages need. */
interface Prepared {
  task: FileTask;
  dir: string;
  listing: Dirent[] | null;
  bytes: Uint8Array;
  /** Why an earlier run's files are redone, when they changed since. */
  redone?: string;
}

const failedFile = (task: FileTask, reason: string, stop = false): Outcome => ({ status: 'failed', id: task.id, source: task.path, reason, ...(stop ? { stop } : {}) });

/** Reads a task's input: its outcome when that already decides it (it cannot be read, or an earlier run did it), or what its stages need. */
function prepare(task: FileTask): Outcome | Prepared {
  const { id, path: source } = task;
  let dir: string;
  let listing: Dirent[] | null;
  try {
    dir = documentFolder(task.outDir, id);
    listing = readFolder(dir);
  } catch (error) {
    return failedFile(task, error instanceof InTheWay ? `cannot write its output: ${error.message}` : `cannot use its output folder: ${describeError(error)}`);
  }
  // A folder or a pipe where a file goes (out/x/5-validate.json made a folder by hand) is left as it is, and named.
  const blocked = listing?.find((e) => (OUTPUT_FILES.includes(e.name) || isTemporaryOf(e.name, OUTPUT_FILES)) && !e.isFile() && !e.isSymbolicLink());
  if (blocked) return failedFile(task, `cannot write its output: ${new InTheWay(path.join(dir, blocked.name), kindOf(blocked)!, 'file').message}`);
  const input = readInput(source, task.maxBytes);
  if ('reason' in input) {
    // An input removed since the run listed it, as one removed before: its folder stays, stale.
    if (input.gone && listing?.some((e) => e.name === DONE_FILE)) {
      return { ...failedFile(task, 'its input is gone (removed during the run): its earlier outputs are kept, listed as stale'), vanished: true };
    }
    // Outputs of an earlier input would no longer match this one.
    removeOutputs(dir, OUTPUT_FILES, listing ?? []);
    return failedFile(task, input.reason);
  }
  const { bytes } = input;
  let redone: string | undefined;
  if (!task.force && listing) {
    const prior = earlier(dir, listing, bytes, source);
    if (prior && 'final' in prior) {
      const page = task.page ? placed(task.outDir, () => earlierPagePart(dir, prior.final, source, bytes)) : {};
      return { status: 'skipped', id, source, bytes: bytes.length, ...summary(prior.final, prior.done.minhash ?? null), duplicateOf: prior.final.duplicateOf, ...page };
    }
    redone = prior?.redo;
  }
  return { task, dir, listing, bytes, ...(redone ? { redone } : {}) };
}

/** A document's part of the page, written to this thread's file of parts; or, when it cannot be, a word that it is missing. */
function placed(outDir: string, part: () => PagePart): { page: PagePlace } | { pageMissing: true } {
  try {
    return { page: writePagePart(outDir, part()) };
  } catch {
    return { pageMissing: true };
  }
}

/** A skipped document's part of the page, from the files an earlier run wrote and the input just read. */
function earlierPagePart(dir: string, final: FinalDocument, source: string, bytes: Uint8Array): PagePart {
  const clean = readLayer(path.join(dir, stageFile('clean')), CleanOutput) ?? { text: '', offsetMap: [[0, 0]] as [number, number][], source: final.source };
  let raw: { raw: string | null; rawNote: string | null };
  try {
    raw = { raw: decodeInput(source, bytes).raw, rawNote: null };
  } catch (error) {
    raw = { raw: null, rawNote: `the raw input ${source} could not be decoded: ${(error as Error).message}` };
  }
  return pagePart(docData(final, clean, readLayer(path.join(dir, stageFile('sections')), SectionsOutput)?.headings ?? [], raw));
}

/** Writes a document's files, its resume file last, and makes its CSV rows; or says why it failed. */
function finish({ task, dir, listing, bytes, redone }: Prepared, result: Result, timings: Partial<Timings>): Outcome {
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
    const has = (name: string) => listing?.some((e) => e.name === name) ?? false;
    if (listing) {
      // A killed run's temporary files, and the resume file first: from here until the new one
      // is written the folder describes no finished document, whatever a kill leaves.
      for (const e of listing) if (isTemporaryOf(e.name, OUTPUT_FILES)) removeFile(path.join(dir, e.name));
      // (Set aside under its temporary name rather than removed: its blocks are written over at the end; see keepInode. A link there goes.)
      const done = listing.find((e) => e.name === DONE_FILE);
      if (done?.isFile()) renameSync(path.join(dir, DONE_FILE), temporary(path.join(dir, DONE_FILE)));
      else if (done) removeFile(path.join(dir, DONE_FILE));
    } else mkdirSync(dir);
    const records: Done['files'] = {};
    for (const f of files) {
      const json = typeof f.json === 'string' ? Buffer.from(f.json, 'utf8') : f.json;
      writeAtomicSync((file = path.join(dir, f.file)), json, has(f.file));
      records[f.file] = fileRecord(f.file, json);
    }
    const done = doneJson({ sha256: doc.final.sha256, version: PIPELINE_VERSION, minhash: doc.clean.minhash, source, files: records });
    writeAtomicSync((file = path.join(dir, DONE_FILE)), done, has(DONE_FILE));
  } catch (error) {
    // No half-written document stays: its files go, and the next run writes it whole.
    removeOutputs(dir, OUTPUT_FILES);
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (error instanceof InTheWay) return failedFile(task, `cannot write its output: ${error.message}`);
    return failedFile(task, `cannot write ${file}: ${describeError(error)}`, STOP_CODES.has(code));
  }
  const rows = summary(doc.final, doc.clean.minhash);
  // Its part of the page from what this thread holds: no file of it is read again.
  const page = task.page ? placed(task.outDir, () => pagePart(docData(doc.final, doc.clean, doc.sections.headings, { raw: doc.raw, rawNote: null }))) : {};
  timings.write = performance.now() - written;
  return { status: 'processed', id, source, bytes: bytes.length, timings, ...rows, ...(redone ? { redone } : {}), ...page };
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
    if (bytes.length > task.maxBytes) return failed(tooLarge(bytes.length, task.maxBytes));
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
