import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { writeAtomicSync } from './atomic.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CleanError } from '../stages/1-clean/index.js';
import { type Cell, documentCells, itemCsv } from '../output/csv.js';
import { FINAL_FILE, type Timings, runPipeline, stageFiles } from '../pipeline.js';
import { FinalDocument, type Repost } from '../schema.js';
import { SEGMENTER_SOURCE, USER_DICT, segmenter } from '../jieba.js';

// The segmenter loads here, not inside the first document's clean timing; the first thread of
// the process builds its dictionary, the others find it built.
segmenter();

/**
 * One document's work in a pool thread: read, skip if already done, run the stages, write every
 * file atomically, and hand back only what the main thread needs (a few CSV rows, a status),
 * so that no full document crosses threads or stays in memory.
 */
export type Task =
  | { kind: 'file'; path: string; id: string; outDir: string; force: boolean }
  /** A JSONL line: the text itself, or a path to read; the answer is the final document as one line. */
  | { kind: 'line'; id: string; text?: string; path?: string };

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
  /** The final document as one line of JSON (JSONL tasks). */
  json?: string;
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
  hash.update(readFileSync(SEGMENTER_SOURCE)).update(readFileSync(USER_DICT));
  return hash.digest('hex').slice(0, 16);
})();

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const failureReason = (error: unknown) =>
  error instanceof CleanError ? error.message : `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;

interface Done {
  sha256: string;
  version: string;
  minhash: number[] | null;
}

/** What the CSVs need of a document, from its final document and its signature. */
const summary = (final: FinalDocument, minhash: number[] | null) => ({ row: documentCells(final), csv: itemCsv(final), minhash });

/** The final document of an earlier run and its signature, if made from these bytes by this code. */
function earlier(dir: string, bytes: Uint8Array): { final: FinalDocument; done: Done } | null {
  try {
    const done = JSON.parse(readFileSync(path.join(dir, DONE_FILE), 'utf8')) as Done;
    if (done.version !== PIPELINE_VERSION || done.sha256 !== sha256(bytes)) return null;
    const final = FinalDocument.safeParse(JSON.parse(readFileSync(path.join(dir, FINAL_FILE), 'utf8')));
    return final.success ? { final: final.data, done } : null;
  } catch {
    return null;
  }
}

async function runFile(task: Extract<Task, { kind: 'file' }>): Promise<Outcome> {
  const { id, path: source } = task;
  const dir = path.join(task.outDir, id);
  try {
    const bytes = readFileSync(source);
    if (!task.force) {
      const prior = earlier(dir, bytes);
      if (prior) return { status: 'skipped', id, source, bytes: bytes.length, ...summary(prior.final, prior.done.minhash ?? null), duplicateOf: prior.final.duplicateOf };
    }
    const timings: Partial<Timings> = {};
    const doc = runPipeline({ id, source, bytes }, timings);
    const written = performance.now();
    const files = stageFiles(doc);
    // An earlier run's .done.json stays until the new one replaces it: it names the input's
    // hash and the pipeline's version, so it either describes these very outputs or no longer
    // matches, and a run killed in between redoes or keeps the document rightly.
    if (mkdirSync(dir, { recursive: true }) === undefined) {
      // The folder was there: drop temporary files a killed run left behind.
      for (const name of readdirSync(dir)) if (name.endsWith('.tmp')) rmSync(path.join(dir, name), { force: true });
    }
    for (const { file, json } of files) writeAtomicSync(path.join(dir, file), json);
    const done: Done = { sha256: doc.final.sha256, version: PIPELINE_VERSION, minhash: doc.clean.minhash };
    writeAtomicSync(path.join(dir, DONE_FILE), JSON.stringify(done) + '\n');
    const rows = summary(doc.final, doc.clean.minhash);
    timings.write = performance.now() - written;
    return { status: 'processed', id, source, bytes: bytes.length, timings, ...rows };
  } catch (error) {
    // Outputs of an earlier input would no longer match this one.
    rmSync(dir, { recursive: true, force: true });
    return { status: 'failed', id, source, reason: failureReason(error) };
  }
}

async function runLine(task: Extract<Task, { kind: 'line' }>): Promise<Outcome> {
  const source = task.path ?? task.id;
  try {
    const bytes = task.text !== undefined ? Buffer.from(task.text, 'utf8') : readFileSync(task.path!);
    const timings: Partial<Timings> = {};
    const doc = runPipeline({ id: task.id, source, bytes }, timings);
    return { status: 'processed', id: task.id, source, timings, json: JSON.stringify(doc.final) };
  } catch (error) {
    return { status: 'failed', id: task.id, source, reason: failureReason(error) };
  }
}

export default function work(task: Task): Promise<Outcome> {
  return task.kind === 'file' ? runFile(task) : runLine(task);
}
