import { createHash } from 'node:crypto';
import { closeSync, existsSync, promises as fs, openSync, readSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { CleanOutput, decodeInput } from '../stages/1-clean/index.js';
import { SectionsOutput } from '../stages/3-sections/index.js';
import { fromAnchors } from '../stages/1-clean/text-map.js';
import { ARITHMETIC_CODES } from '../output/csv.js';
import { FinalDocument, type Repost } from '../schema.js';
import { FINAL_FILE, stageFile } from '../pipeline.js';
import { BLOCK_END, PAGE_END, blockStart, docBlock, json, pageStart } from './page.js';
import { createTemporary, removeFile, temporary } from '../batch/atomic.js';
import { changedFile, readDone, readOwnFile } from '../batch/done.js';
import { readInput } from '../batch/read-input.js';

/**
 * The review page: `out/report.html`, one self-contained file (inline CSS and JavaScript, no
 * network) that shows every finding of a batch in its text. The overview is drawn from a
 * compact index (`IndexRow`, one per document); each document's text and findings sit in their
 * own `<script type="application/json" id="doc-N">` block, parsed only when the document is
 * opened, so a batch of thousands of documents opens quickly.
 */

/** A document the pipeline could not process, as listed in run.json. */
export interface Failure { id: string; source: string; reason: string }

/** One overview row. Field names are short on purpose: thousands of them are inlined. */
export interface IndexRow {
  /** The number of the document's `doc-N` data block; -1 when the document has no output. */
  n: number;
  id: string;
  kind: string | null;
  title: string | null;
  issuer: string | null;
  date: string | null;
  problems: number;
  total: number | null;
  completed: number | null;
  partial: number | null;
  notCompleted: number | null;
  /** Stated completion rate, 0..1. */
  rate: number | null;
  petitionsReceived: number | null;
  petitionsResolved: number | null;
  /** Arithmetic codes that fired (the audit verdict of `auditVerdict` in csv.ts); empty = ok. */
  audit: string[];
  errors: number;
  warnings: number;
  flags: string[];
  /** The document this one reposts (`duplicateOf` of the final document), with the similarity. */
  copyOf: { id: string; similarity: number } | null;
  /** The documents of the batch that repost this one. */
  copies: string[];
  /** Problems by status: completed, partial, not-completed, none stated. */
  statuses: [number, number, number, number];
  /**
   * Problems found per category title, null for those under no category; only categories that
   * hold problems are here, since the chart counts problems (a roundup's unit headings that hold
   * none never show).
   */
  categories: [string | null, number][];
  /** Set when the pipeline failed on this document (from run.json) or its output is unreadable. */
  failed: string | null;
}

/** Everything the document view needs, embedded as JSON and parsed when opened. */
export interface DocData {
  id: string;
  source: string;
  text: string;
  /** `[textOffset, rawOffset]` anchors of `1-clean.json`. */
  offsetMap: [number, number][];
  /**
   * The raw (decoded) input that `offsetMap` points into, null when it could not be read, or
   * `{ length, patches }` when it is rebuilt from the text (see `rawPatches`) to halve the page.
   */
  raw: string | { length: number; patches: [number, string][] } | null;
  /** Why `raw` is null, or a note about it. */
  rawNote: string | null;
  final: FinalDocument;
  sections: {
    headings: { level: number; number: number; title: string; span: [number, number] }[];
    metaSpans: Record<string, [number, number] | null>;
    summarySpan: [number, number] | null;
    kindEvidence: string[];
  };
}

export interface Batch {
  outDir: string;
  rows: IndexRow[];
  docs: DocData[];
}

/**
 * The page is built when nothing else runs on the main thread (after the pool has closed, or by
 * `zhenggai report`), so files are read and written with synchronous calls: an asynchronous
 * call is a trip through libuv's thread pool, and a 2,000-document page spent a quarter of its
 * time waiting on those trips.
 */
async function readJson(file: string): Promise<unknown> {
  // Never through a link a hand put in out/: the page shows what the run wrote.
  return JSON.parse(readOwnFile(file).bytes.toString('utf8'));
}

/**
 * The most of a raw input the page reads back, in bytes: far over what a run takes by default
 * (`--max-mb`, 10 MB), and a bound on an input that changed into an endless file since (a link
 * to /proc/self/pagemap, src/batch/read-input.ts).
 */
const RAW_MAX_BYTES = 100e6;

/** The raw input as `clean` decoded it, if the file is still there and unchanged. */
async function readRaw(source: string, sha256: string): Promise<{ raw: string | null; rawNote: string | null }> {
  const input = readInput(path.resolve(source), RAW_MAX_BYTES);
  if ('reason' in input) return { raw: null, rawNote: `the raw input ${source} is unavailable: ${input.reason}` };
  const bytes = input.bytes;
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
    return { raw: null, rawNote: `the raw input ${source} has changed since the run (sha256 differs); rerun to see it` };
  }
  try {
    return { raw: decodeInput(source, bytes).raw, rawNote: null };
  } catch (error) {
    return { raw: null, rawNote: `the raw input ${source} could not be decoded: ${(error as Error).message}` };
  }
}

/**
 * The raw input as patches over the cleaned text: the page writes `text[i]` at raw offset
 * `map[i]` (later offsets win), then each `[rawStart, string]` patch over it. Most of a
 * plain-text notice is its cleaned text, so only the dropped or rewritten characters travel
 * twice. Returns the raw input itself if the rebuilt one would differ.
 */
export function rawPatches(text: string, anchors: [number, number][], raw: string): DocData['raw'] {
  const map = fromAnchors(anchors, text.length);
  const rebuilt: (string | undefined)[] = new Array(raw.length);
  for (let i = 0; i < text.length; i++) {
    const r = map[i]!;
    if (r >= 0 && r < raw.length) rebuilt[r] = text[i];
  }
  const patches: [number, string][] = [];
  for (let r = 0; r < raw.length; ) {
    if (rebuilt[r] === raw[r]) { r++; continue; }
    const start = r;
    while (r < raw.length && rebuilt[r] !== raw[r]) r++;
    patches.push([start, raw.slice(start, r)]);
    for (let k = start; k < r; k++) rebuilt[k] = raw[k];
  }
  return rebuilt.join('') === raw ? { length: raw.length, patches } : raw;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

function indexRow(n: number, final: FinalDocument): IndexRow {
  const s = final.summary;
  const statuses: IndexRow['statuses'] = [0, 0, 0, 0];
  for (const p of final.problems) statuses[p.status === 'completed' ? 0 : p.status === 'partial' ? 1 : p.status === 'not-completed' ? 2 : 3]++;
  const byCategory = new Map<string | null, number>();
  for (const p of final.problems) {
    const title = final.categories.find((c) => c.number === p.category)?.title ?? null;
    byCategory.set(title, (byCategory.get(title) ?? 0) + 1);
  }
  return {
    n,
    id: final.id,
    kind: final.kind,
    title: str(final.meta.title),
    issuer: str(final.meta.issuer),
    date: str(final.meta.documentDate),
    problems: final.problems.length,
    total: num(s.totalProblems),
    completed: num(s.completed),
    partial: num(s.partial),
    notCompleted: num(s.notCompleted),
    rate: num(s.completionRate),
    petitionsReceived: num(s.petitionsReceived),
    petitionsResolved: num(s.petitionsResolved),
    audit: [...new Set(final.diagnostics.map((d) => d.code).filter((c) => ARITHMETIC_CODES.includes(c)))],
    errors: final.diagnostics.filter((d) => d.level === 'error').length,
    warnings: final.diagnostics.filter((d) => d.level === 'warning').length,
    flags: final.quality?.flags ?? [],
    copyOf: final.duplicateOf ?? null,
    copies: [],
    statuses,
    categories: [...byCategory],
    failed: null,
  };
}

function failedRow(id: string, reason: string): IndexRow {
  return {
    n: -1, id, kind: null, title: null, issuer: null, date: null, problems: 0, total: null, completed: null, partial: null,
    notCompleted: null, rate: null, petitionsReceived: null, petitionsResolved: null, audit: [], errors: 0, warnings: 0,
    flags: [], copyOf: null, copies: [], statuses: [0, 0, 0, 0], categories: [], failed: reason,
  };
}

/** The final document's fields whose spans the page marks as metadata, in the order it lists them. */
const META_FIELDS = ['title', 'issuer', 'documentDate', 'inspectionPeriod', 'feedbackDate', 'inspectionTeam'] as const;

/** A stage file read through its schema: null when it is missing or does not follow it (the page then opens without it). */
export function readLayer<T>(file: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(readOwnFile(file).bytes.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** One document's data for the page, from its `<docId>/` folder. */
async function readDocData(dir: string, final: FinalDocument): Promise<DocData> {
  // Without its cleaned text a document still opens: every span is then listed as not aligned.
  const clean = readLayer(path.join(dir, stageFile('clean')), CleanOutput) ?? { text: '', offsetMap: [[0, 0]] as [number, number][], source: final.source };
  const sections = readLayer(path.join(dir, stageFile('sections')), SectionsOutput);
  const source = clean.source ?? final.source;
  return docData(final, clean, sections?.headings ?? [], await readRaw(source, final.sha256));
}

/**
 * One document's data for the page from its layers: the cleaned text and its map, the headings
 * the sections stage found, the final document, and the raw input as read (or why it is not).
 */
export function docData(
  final: FinalDocument,
  clean: { text: string; offsetMap: [number, number][]; source?: string },
  headings: DocData['sections']['headings'],
  raw: { raw: string | null; rawNote: string | null },
): DocData {
  const metaSpans: Record<string, [number, number] | null> = {};
  for (const field of META_FIELDS) metaSpans[field] = final.meta[`${field}Span`] ?? null;
  return {
    id: final.id,
    source: clean.source ?? final.source,
    text: clean.text,
    offsetMap: clean.offsetMap,
    raw: raw.raw === null ? null : rawPatches(clean.text, clean.offsetMap, raw.raw),
    rawNote: raw.rawNote,
    final,
    sections: {
      headings,
      metaSpans,
      summarySpan: final.summarySpan,
      kindEvidence: final.kindEvidence.map((e) => `${e.rule}: ${e.text}`),
    },
  };
}

/**
 * A document's part of a run's page, made by the thread that processed it (it holds the text, the
 * map and the raw input already): its overview row and its data as JSON, cut where the final
 * document's repost link goes, which only the main thread knows when the document comes back.
 */
export interface PagePart {
  row: IndexRow;
  /** The data block's JSON before and after the value of `final.duplicateOf`. */
  head: string;
  tail: string;
}

/** The stand-in for the repost link, cut out of the JSON: no text can hold it (JSON escapes control characters). */
const LINK_HOLE = '\u0000duplicateOf\u0000';

export function pagePart(data: DocData): PagePart {
  const [head, tail] = json({ ...data, final: { ...data.final, duplicateOf: LINK_HOLE as never } }).split(json(LINK_HOLE));
  return { row: indexRow(-1, data.final), head: head!, tail: tail! };
}


/** What the run that wrote an out folder says of it: the documents it failed on, the folders it left stale. */
export interface RunFacts {
  failures: readonly Failure[];
  /** Folders of an earlier run whose input the run did not have: not part of its batch. */
  stale: readonly string[];
}

async function runFacts(outDir: string): Promise<RunFacts> {
  const run = (await readJson(path.join(outDir, 'run.json')).catch(() => null)) as Partial<RunFacts> | null;
  return { failures: run?.failures ?? [], stale: run?.stale ?? [] };
}

/**
 * Why `dir` is not an output folder of `zhenggai run`, or null when it is one: it has a
 * run.json, or at least one `<docId>/5-validate.json`.
 */
export async function notAnOutputFolder(dir: string): Promise<string | null> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => error);
  if (!Array.isArray(entries)) return entries.code === 'ENOENT' ? `no such folder: ${dir}` : `cannot read ${dir}: ${entries.code ?? entries.message}`;
  if (entries.some((e) => e.isFile() && e.name === 'run.json')) return null;
  for (const e of entries) if (e.isDirectory() && (await fs.stat(path.join(dir, e.name, FINAL_FILE)).catch(() => null))) return null;
  return `${dir} is not an output folder of zhenggai run: it has no run.json and no <docId>/${FINAL_FILE}`;
}

/**
 * How `eachDocument` checks each document against its resume record (src/batch/done.ts): not at
 * all (`false`), or each one, the documents left out then named to `leftOut` and kept in
 * `ids` (`check`), or those already left out by an earlier walk (`skip`).
 */
type Verify = false | { check: true; ids: Set<string>; leftOut?: (why: string) => void } | { check: false; ids: ReadonlySet<string> };

/**
 * Walks every `<docId>/` of an out folder with a final document, in id order, but the stale
 * ones, then the run's failures: `visit` gets each readable document with its number in the page.
 * A document whose files differ from what its resume record says (edited since the run wrote
 * them) is left out, a failed row saying why.
 */
async function eachDocument(outDir: string, run: RunFacts, visit: (dir: string, final: FinalDocument, n: number) => Promise<void>, verify: Verify = false): Promise<IndexRow[]> {
  const rows: IndexRow[] = [];
  let n = 0;
  const stale = new Set(run.stale);
  const entries = readdirSync(outDir, { withFileTypes: true }).filter((e) => e.isDirectory() && !stale.has(e.name)).map((e) => e.name).sort();
  for (const id of entries) {
    const dir = path.join(outDir, id);
    const finalFile = path.join(dir, FINAL_FILE);
    if (!existsSync(finalFile) || (verify && !verify.check && verify.ids.has(id))) continue;
    try {
      const bytes = readOwnFile(finalFile).bytes;
      if (verify && verify.check) {
        const listing = readdirSync(dir, { withFileTypes: true });
        const record = readDone(dir, listing);
        const changed = !record ? null : 'problem' in record ? record.problem : changedFile(dir, listing, record, bytes);
        if (changed) {
          verify.ids.add(id);
          verify.leftOut?.(changed);
          rows.push(failedRow(id, `${changed}: left out of the page (run zhenggai run again to redo it)`));
          continue;
        }
      }
      const final = FinalDocument.parse(JSON.parse(bytes.toString('utf8')));
      await visit(dir, final, n);
      rows.push(indexRow(n++, final));
    } catch (error) {
      rows.push(failedRow(id, `unreadable output in ${dir}: ${(error as Error).message}`));
    }
  }
  return withFailures(rows, run.failures);
}

/**
 * The overview's rows, the documents' then a row for each failure without one; each original
 * listing its reposts, so that both ends of a link show it.
 */
function withFailures(rows: IndexRow[], failures: readonly Failure[]): IndexRow[] {
  const ids = new Set(rows.map((r) => r.id));
  for (const f of failures) if (!ids.has(f.id)) rows.push(failedRow(f.id, `${f.source}: ${f.reason}`));
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const r of rows) if (r.copyOf) byId.get(r.copyOf.id)?.copies.push(r.id);
  return rows;
}

/**
 * Where a thread wrote a document's part of the page: its file (`report.html.body`, a temporary of
 * the thread's own), and the bytes of the data block's JSON before and after the repost link.
 */
export interface PagePlace {
  row: IndexRow;
  file: string;
  head: [number, number];
  tail: [number, number];
}

/** The page parts a thread writes, one file per output folder, kept open while the thread lives. */
const partFiles = new Map<string, { file: string; fd: number; size: number }>();

/** Appends a document's part to this thread's file of parts: the main thread gets only where it is. */
export function writePagePart(outDir: string, part: PagePart): PagePlace {
  let f = partFiles.get(outDir);
  if (!f) {
    const file = temporary(path.join(outDir, PAGE_BODY));
    f = { file, fd: createTemporary(file), size: 0 };
    partFiles.set(outDir, f);
  }
  const head = Buffer.from(part.head, 'utf8');
  const tail = Buffer.from(part.tail, 'utf8');
  writeFileSync(f.fd, head);
  writeFileSync(f.fd, tail);
  const place: PagePlace = { row: part.row, file: f.file, head: [f.size, head.length], tail: [f.size + head.length, tail.length] };
  f.size += head.length + tail.length;
  return place;
}

/**
 * A run's page, from the parts its threads wrote: the documents in id order as `zhenggai report`
 * lists them (each data block its head, the repost link the batch gave it, its tail), the run's
 * failures after them: the same bytes `writeReport` writes.
 */
export function writeRunPage(outDir: string, parts: readonly { place: PagePlace; link: Repost | null }[], run: RunFacts): string {
  const file = path.join(outDir, 'report.html');
  const tmp = temporary(file);
  const sorted = [...parts].sort((a, b) => (a.place.row.id < b.place.row.id ? -1 : a.place.row.id > b.place.row.id ? 1 : 0));
  const rows = withFailures(sorted.map((p, n) => ({ ...p.place.row, copyOf: p.link, n })), run.failures);
  const out = createTemporary(tmp);
  const from = new Map<string, number>();
  const read = (source: string, [offset, length]: [number, number]) => {
    let fd = from.get(source);
    if (fd === undefined) from.set(source, (fd = openSync(source, 'r')));
    const bytes = Buffer.allocUnsafe(length);
    readSync(fd, bytes, 0, length, offset);
    return bytes;
  };
  try {
    try {
      writeFileSync(out, pageStart(outDir, rows, new Date().toISOString()));
      sorted.forEach(({ place, link }, n) => {
        writeFileSync(out, blockStart(n));
        writeFileSync(out, read(place.file, place.head));
        writeFileSync(out, json(link));
        writeFileSync(out, read(place.file, place.tail));
        writeFileSync(out, BLOCK_END);
      });
      writeFileSync(out, PAGE_END);
    } finally {
      closeSync(out);
      for (const fd of from.values()) closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (error) {
    removeFile(tmp);
    throw error;
  }
  return file;
}

/**
 * A run's page as its documents come back: the threads write each document's part to files of
 * their own beside the page (`writePagePart`), the main thread keeps where each is and the repost
 * link the batch gave it, and the page is put together at the end (`writeRunPage`): the main
 * thread neither holds the documents nor reads their files back after the run.
 */
export class RunPage {
  private readonly parts: { place: PagePlace; link: Repost | null }[] = [];
  private readonly files = new Set<string>();

  constructor(private readonly outDir: string) {}

  /** A document's part, with the repost link the batch gave it. */
  add(place: PagePlace, link: Repost | null): void {
    this.parts.push({ place, link });
    this.files.add(place.file);
  }

  /** Writes report.html; the parts' files go. */
  write(run: RunFacts): string {
    try {
      return writeRunPage(this.outDir, this.parts, run);
    } finally {
      this.discard();
    }
  }

  /** No page after all (a run past the page's size, or stopped): the parts' files go. */
  discard(): void {
    for (const file of this.files) removeFile(file);
    this.files.clear();
    this.parts.length = 0;
  }
}

/** The file a run's page parts are gathered in, beside report.html. */
export const PAGE_BODY = 'report.html.body';

/** Reads every document of an out folder into one batch in memory (small batches, tests), as `writeReport` checks them. */
export async function loadBatch(outDir: string, run?: RunFacts): Promise<Batch> {
  const docs: DocData[] = [];
  const rows = await eachDocument(outDir, run ?? (await runFacts(outDir)), async (dir, final) => void docs.push(await readDocData(dir, final)), { check: true, ids: new Set() });
  return { outDir, rows, docs };
}

/**
 * Builds `<outDir>/report.html` from what the run wrote there; returns the file's path.
 * `run` is what this run found (run.json is written after the report); without it, run.json says.
 * Two passes, so memory holds one document at a time whatever the batch: the final documents
 * make the overview's index, written first; then each document's data is appended in turn.
 * Each document is checked against its resume record first, and one whose files changed since
 * the run (edited by hand) is left out and named to `leftOut`; `verify: false` spares the check
 * (a run's own page, written once it has checked or written every document).
 */
export async function writeReport(outDir: string, run?: RunFacts, options: { verify?: boolean; leftOut?: (why: string) => void } = {}): Promise<string> {
  const file = path.join(outDir, 'report.html');
  const tmp = temporary(file);
  const facts = run ?? (await runFacts(outDir));
  const leftOut = new Set<string>();
  const verify = options.verify ?? true;
  const rows = await eachDocument(outDir, facts, async () => {}, verify && { check: true, ids: leftOut, ...(options.leftOut ? { leftOut: options.leftOut } : {}) });
  // writeFileSync on a descriptor writes all it is given at the file's end, or throws.
  const out = createTemporary(tmp);
  try {
    try {
      writeFileSync(out, pageStart(outDir, rows, new Date().toISOString()));
      await eachDocument(outDir, { failures: [], stale: facts.stale }, async (dir, final, n) => writeFileSync(out, docBlock(await readDocData(dir, final), n)), verify && { check: false, ids: leftOut });
      writeFileSync(out, PAGE_END);
    } finally {
      closeSync(out);
    }
    renameSync(tmp, file);
  } catch (error) {
    // A page cut short (a full disk) is not put in place.
    removeFile(tmp);
    throw error;
  }
  return file;
}
