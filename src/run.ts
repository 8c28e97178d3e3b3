import { promises as fs } from 'node:fs';
import path from 'node:path';
import pLimit from 'p-limit';
import { CleanError, documentId } from './clean.js';
import { batchCsv } from './csv.js';
import { linkDuplicates } from './clean/near-duplicates.js';
import { type Timings, runPipeline, stageFiles } from './pipeline.js';
import type { FinalDocument } from './schema.js';
import { writeReport } from './report/build.js';

/** Input files the pipeline reads; anything else in a folder is ignored. */
export const INPUT_EXTENSIONS = ['.txt', '.html', '.htm'];

export interface RunOptions {
  inputs: string[];
  outDir: string;
  jobs?: number;
  /** Called with a line for stderr: a failure as it happens. */
  log?: (line: string) => void;
}

export interface InputFile { path: string; id: string }
export interface Failure { source: string; id: string; reason: string }

export interface RunReport {
  startedAt: string;
  finishedAt: string;
  inputs: string[];
  outDir: string;
  counts: { documents: number; processed: number; failed: number };
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

/** Writes a file whole or not at all: a temporary file, then a rename. */
export async function writeAtomic(file: string, data: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, data);
  await fs.rename(tmp, file);
}

/** Processes every input; one bad file is a failure in the report, never the end of the batch. */
export async function run(options: RunOptions): Promise<RunReport> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const files = await listInputs(options.inputs);
  await fs.mkdir(options.outDir, { recursive: true });
  const limit = pLimit(Math.max(1, options.jobs ?? 1));
  const timings: Partial<Timings> = {};
  const failures: Failure[] = [];
  const finals: FinalDocument[] = [];
  const signatures = new Map<string, number[] | null>();
  await Promise.all(
    files.map((file) =>
      limit(async () => {
        try {
          const bytes = await fs.readFile(file.path);
          const doc = runPipeline({ id: file.id, source: file.path, bytes }, timings);
          const dir = path.join(options.outDir, file.id);
          await fs.mkdir(dir, { recursive: true });
          for (const { file: name, json } of stageFiles(doc)) await writeAtomic(path.join(dir, name), json);
          finals.push(doc.final);
          signatures.set(doc.final.id, doc.clean.minhash);
        } catch (error) {
          const reason = error instanceof CleanError ? error.message : `internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`;
          failures.push({ source: file.path, id: file.id, reason });
          options.log?.(`zhenggai: ${file.path}: ${reason}`);
        }
      }),
    ),
  );
  finals.sort((a, b) => a.id.localeCompare(b.id));
  // Reposts of one notice are linked in batch order (sorted ids), so a researcher counts it once.
  const duplicates = linkDuplicates(finals.map((d) => ({ id: d.id, minhash: signatures.get(d.id) ?? null })));
  for (const [name, csv] of Object.entries(batchCsv(finals, duplicates))) await writeAtomic(path.join(options.outDir, name), csv);
  await writeReport(options.outDir, failures);
  const report: RunReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    inputs: options.inputs,
    outDir: options.outDir,
    counts: { documents: files.length, processed: finals.length, failed: failures.length },
    failures: failures.sort((a, b) => a.id.localeCompare(b.id)),
    timings: { ...timings, total: performance.now() - t0 },
  };
  await writeAtomic(path.join(options.outDir, 'run.json'), JSON.stringify(report, null, 1) + '\n');
  return report;
}
