#!/usr/bin/env node
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runJsonl } from './batch/jsonl.js';
import { createProgress } from './batch/progress.js';
import { UsageError, describeIgnored, run } from './batch/run.js';
import { DEFAULT_LIMITS, MAX_INPUT_BYTES } from './batch/pool.js';
import { describeError, internalError } from './batch/errors.js';
import { lockOutDir } from './batch/lock.js';
import { writeReport } from './report/build.js';

const USAGE = `usage: zhenggai run <file or folder>... [--out DIR] [--jobs N] [--force] [--quiet] [limits]
       zhenggai run --jsonl - [--jobs N] [--quiet] [--allow-failures] [limits]
       zhenggai report OUT

  --out DIR     where to write (default: out)
  --jobs N      worker threads (default: the number of cores, at most ${maxJobs()})
  --force       redo every document, even those an earlier run wrote from the same input
  --quiet       no progress on stderr (failures are still listed)
  --jsonl FILE  read one {"id", "text"} or {"id", "path"} per line from FILE (- for stdin),
                write one final document per line on stdout, and nothing to disk
  --allow-failures  exit 0 even when some documents failed (they are still listed on
                stderr): Spark's rdd.pipe() fails the whole task on any other status
limits of one document (a document over one fails with that reason, the others go on):
  --max-mb N    largest input, in MB (default ${MAX_INPUT_BYTES / 1e6})
  --timeout S   seconds of work (default ${DEFAULT_LIMITS.timeoutMs / 1000})
  --heap-mb N   memory of its thread, in MB (default ${DEFAULT_LIMITS.heapMb})

exit status: 0 all documents processed, 1 some failed or the run stopped, 2 bad usage`;

/**
 * The most worker threads a run starts: one per core, and at least two. More threads than cores
 * make no run faster (the work is computation), and each one costs memory (about 100 MB, and up
 * to its heap limit for a large document): `--jobs 10000` aborted V8.
 */
function maxJobs(): number {
  return Math.max(2, os.availableParallelism());
}

/** A positive number option, or a usage error naming it. */
function positive(name: string, value: string | undefined, fallback: number, integer = false): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${name} takes a ${integer ? 'whole ' : ''}number above 0, not "${value}"`);
  }
  return n;
}

async function report(rest: string[]): Promise<number> {
  if (rest.length !== 1 || rest[0]!.startsWith('-')) {
    console.error('usage: zhenggai report OUT   (rebuilds OUT/report.html from an existing out/ folder)');
    return 2;
  }
  const outDir = path.resolve(rest[0]!);
  // Only a folder a run wrote: `report ~/Documents` would otherwise put a page there.
  if (!(await fs.stat(path.join(outDir, 'run.json')).catch(() => null))) {
    throw new UsageError(`${rest[0]} is not an output folder of zhenggai run (it has no run.json)`);
  }
  const unlock = await lockOutDir(outDir);
  try {
    console.error(`zhenggai: wrote ${await writeReport(rest[0]!)}`);
    return 0;
  } catch (error) {
    console.error(`zhenggai: cannot build the report from ${rest[0]}: ${describeError(error)}`);
    return 1;
  } finally {
    await unlock();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (command === 'report') return report(rest);
  if (command !== 'run') {
    console.error(command ? `zhenggai: unknown command "${command}"\n${USAGE}` : USAGE);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'out' },
        jobs: { type: 'string' },
        force: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        jsonl: { type: 'string' },
        'allow-failures': { type: 'boolean', default: false },
        'max-mb': { type: 'string' },
        timeout: { type: 'string' },
        'heap-mb': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`zhenggai: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  let jobs = positive('jobs', values.jobs, os.availableParallelism(), true);
  if (jobs > maxJobs()) {
    console.error(`zhenggai: --jobs ${jobs} is more than this machine's ${os.availableParallelism()} cores can use: running ${maxJobs()} worker threads`);
    jobs = maxJobs();
  }
  const maxBytes = positive('max-mb', values['max-mb'], MAX_INPUT_BYTES / 1e6) * 1e6;
  const limits = {
    timeoutMs: positive('timeout', values.timeout, DEFAULT_LIMITS.timeoutMs / 1000) * 1000,
    heapMb: positive('heap-mb', values['heap-mb'], DEFAULT_LIMITS.heapMb, true),
  };
  const { quiet } = values;
  const failedStatus = (failed: number) => (failed > 0 && !values['allow-failures'] ? 1 : 0);
  if (values.jsonl !== undefined) {
    if (parsed.positionals.length > 0) {
      throw new UsageError(`--jsonl reads its documents from its own input, not from ${parsed.positionals.join(' ')}\n${USAGE}`);
    }
    const result = await runJsonl({ input: values.jsonl, jobs, maxBytes, limits, progress: createProgress({ total: null, quiet }) });
    const { documents, processed, failed } = result.counts;
    if (result.stopped) console.error(`zhenggai: stopped after ${documents} documents: ${result.stopped}`);
    else if (!quiet) console.error(`zhenggai: ${processed} of ${documents} documents processed, ${failed} failed`);
    return result.stopped ? 1 : failedStatus(failed);
  }
  if (parsed.positionals.length === 0) throw new UsageError(`name at least one file or folder\n${USAGE}`);
  const progress = (total: number) => createProgress({ total, quiet });
  const result = await run({ inputs: parsed.positionals, outDir: values.out!, jobs, force: values.force, progress, maxBytes, limits });
  const { documents, processed, skipped, failed, notRun } = result.counts;
  const ignored = describeIgnored(result.ignored);
  if (result.stopped) {
    console.error(
      `zhenggai: stopped: ${result.stopped}. ${processed + skipped} of ${documents} documents are written, ${notRun} not started; ` +
        `run the same command again to go on (written documents are kept)`,
    );
    return 1;
  }
  if (!quiet) {
    const renamed = result.renamed.length ? `; ${result.renamed.length} ids differ from the file names' (see run.json "renamed")` : '';
    console.error(
      `zhenggai: ${processed} of ${documents} documents processed, ${skipped} skipped (done before, unchanged), ${failed} failed, in ${(result.timings.total / 1000).toFixed(1)} s${renamed}; see ${result.outDir}/run.json`,
    );
  }
  if (ignored) console.error(`zhenggai: ${ignored}`);
  return failedStatus(failed);
}

/** One line for anything that ends a run: a usage error (exit 2), or a bug, with where it was thrown (exit 1). */
async function guarded(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`zhenggai: ${error.message}`);
      return 2;
    }
    console.error(`zhenggai: ${(error as NodeJS.ErrnoException)?.code ? describeError(error) : internalError(error)}`);
    return 1;
  }
}

process.exitCode = await guarded(process.argv.slice(2));
