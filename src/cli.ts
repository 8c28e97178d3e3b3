#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { csvFromJsonl } from './batch/csv-from-jsonl.js';
import { runJsonl } from './batch/jsonl.js';
import { type Progress, createProgress } from './batch/progress.js';
import { UsageError, describeIgnored, describeLinksOutside, run } from './batch/run.js';
import { DEFAULT_LIMITS, MAX_INPUT_BYTES } from './batch/pool.js';
import { describeError, internalError } from './batch/errors.js';
import { lockOutDir, releaseOwnLockSync } from './batch/lock.js';
import { describeFindings } from './batch/findings.js';
import { type LimitSpec, closest, limitValue, parseOptions, positiveInteger } from './cli-args.js';
import { EvalInputError, evalFolder, formatEvaluation } from './eval/index.js';
import { notAnOutputFolder, writeReport } from './report/build.js';

const USAGE = `usage: zhenggai <command> [options]

commands:
  run <file or folder>...   run the pipeline on .txt/.html files and folders into an output
                            folder: JSON per document, CSV files, run.json, report.html
  run --jsonl FILE|-        streaming: one {"id","text"} or {"id","path"} per line in, one
                            final document (or error record) per line out, nothing on disk
  report OUT                rebuild OUT/report.html, the review page, from an output folder
  csv [FILE or FOLDER]...   the CSV files a folder run writes, from final documents and error
                            records as JSON Lines (files, folders of part files, or stdin)
  eval --gold DIR OUT       score the output folder OUT against the hand annotations in
                            DIR/*.json (format: gold/README.md): one line per metric and the
                            mean score

options of run:
  --out DIR         where to write (default: out)
  --jobs N          worker threads (default: the number of cores, at most ${maxJobs()})
  --force           redo every document, even those an earlier run wrote from the same input
  --quiet           no progress on stderr (failures are still listed)
  --xlsx            also write zhenggai.xlsx, the CSV files as one workbook
  --jsonl FILE      streaming mode, from FILE (- for stdin); --out, --force and --xlsx do not apply
  --allow-failures  exit 0 even when some documents failed (they are still listed on
                    stderr): Spark's rdd.pipe() fails the whole task on any other status
  limits of one document (one over a limit fails with that reason, the others go on):
  --max-mb N        largest input, in MB (default ${MAX_INPUT_BYTES / 1e6})
  --timeout S       seconds of work (default ${DEFAULT_LIMITS.timeoutMs / 1000})
  --heap-mb N       memory of its thread, in MB (default ${DEFAULT_LIMITS.heapMb})

options of csv:
  --out DIR         where to write the CSV files (default: out)
  --xlsx            also write zhenggai.xlsx
  --quiet           no summary on stderr

options of eval:
  --verbose         also list every miss
  --json            print the figures and misses as JSON
  --min SCORE       exit 1 when the score (0..1) is below SCORE

  zhenggai --help      this text
  zhenggai --version   the version (also -v)

exit status: 0 all documents processed, 1 some failed or the run stopped (csv: a line it could
             not read; eval: the score below --min; report: a document left out, its files
             changed since the run), 2 bad usage (also: an output folder that is a file, cannot
             be written or is in use by another run)`;

const RUN_OPTIONS = {
  out: { type: 'string' },
  jobs: { type: 'string' },
  force: { type: 'boolean' },
  quiet: { type: 'boolean' },
  xlsx: { type: 'boolean' },
  jsonl: { type: 'string' },
  'allow-failures': { type: 'boolean' },
  'max-mb': { type: 'string' },
  timeout: { type: 'string' },
  'heap-mb': { type: 'string' },
  help: { type: 'boolean' },
} as const;

/**
 * The most worker threads a run starts: one per core, and at least two. More threads than cores
 * make no run faster (the work is computation), and each one costs memory (about 100 MB, and up
 * to its heap limit for a large document): `--jobs 10000` aborted V8.
 */
function maxJobs(): number {
  return Math.max(2, os.availableParallelism());
}

/**
 * The limits of one document whose value is a number (`--heap-mb` is a whole number). The
 * largest input is what Node reads into memory at once (2 GiB: a larger file fails with
 * ERR_FS_FILE_TOO_LARGE); a day of work is far past any notice (the dev set's largest takes
 * under a second), so a larger timeout is a way of saying "no limit", and a day says it.
 */
const LIMITS = {
  'max-mb': { means: 'the largest input of one document, in MB', max: 2147, maxWhy: 'Node reads at most 2 GiB at once' },
  timeout: { means: 'the seconds of work one document may take', max: 86_400, maxWhy: 'a day' },
} as const satisfies Record<string, LimitSpec>;

const CSV_OPTIONS = {
  out: { type: 'string' },
  xlsx: { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

const EVAL_OPTIONS = {
  gold: { type: 'string' },
  verbose: { type: 'boolean' },
  json: { type: 'boolean' },
  min: { type: 'string' },
  help: { type: 'boolean' },
} as const;

const COMMANDS = ['run', 'report', 'csv', 'eval'];

/** The package's version, from the package.json beside dist/. */
export function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

async function runCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions('run', args, RUN_OPTIONS);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  let jobs = values.jobs === undefined ? os.availableParallelism() : positiveInteger('jobs', values.jobs);
  if (jobs > maxJobs()) {
    console.error(`zhenggai: --jobs ${jobs} is more than this machine's ${os.availableParallelism()} cores can use: running ${maxJobs()} worker threads`);
    jobs = maxJobs();
  }
  const maxBytes = values['max-mb'] === undefined ? MAX_INPUT_BYTES : limitValue('max-mb', values['max-mb'], LIMITS['max-mb']) * 1e6;
  const limits = {
    timeoutMs: values.timeout === undefined ? DEFAULT_LIMITS.timeoutMs : limitValue('timeout', values.timeout, LIMITS.timeout) * 1000,
    heapMb: values['heap-mb'] === undefined ? DEFAULT_LIMITS.heapMb : positiveInteger('heap-mb', values['heap-mb']),
  };
  const quiet = values.quiet ?? false;
  const allowFailures = values['allow-failures'] ?? false;
  if (values.jsonl !== undefined) {
    // Streaming mode writes final documents to stdout and nothing to disk: an option about the
    // output folder would be silently ignored, so it is refused.
    for (const name of ['out', 'force', 'xlsx'] as const) {
      if (values[name] !== undefined) throw new UsageError(`--${name} does not go with --jsonl: streaming mode writes each final document to stdout and nothing to disk (redirect it: > documents.jsonl)`);
    }
    if (positionals.length > 0) throw new UsageError(`--jsonl reads its documents from its own input, not from ${positionals.join(' ')}`);
    const report = await runJsonl({ input: values.jsonl, jobs, maxBytes, limits, progress: createProgress({ total: null, quiet }) });
    const { documents, processed, failed } = report.counts;
    if (report.stopped) console.error(`zhenggai: stopped after ${documents} documents: ${report.stopped}`);
    else if (!quiet) console.error(`zhenggai: ${processed} of ${documents} documents processed, ${failed} failed`);
    return report.stopped ? 1 : failed > 0 && !allowFailures ? 1 : 0;
  }
  if (positionals.length === 0) throw new UsageError('name at least one file or folder: zhenggai run <file or folder>... (zhenggai --help)');
  const outDir = values.out ?? 'out';
  // Documents done, in batch order, for the line Ctrl-C leaves.
  let done = 0;
  let shown: { progress: Progress; total: number } | undefined;
  const progress = (total: number): Progress => {
    const inner = createProgress({ total, quiet });
    shown = { progress: inner, total };
    return { ...inner, tick: () => (done++, inner.tick()) };
  };
  // Ctrl-C: one line instead of a cut-off progress bar. Every file is written whole or not at
  // all, so the next run of the same command skips what is written and does the rest.
  const interrupted = (signal: NodeJS.Signals) => {
    shown?.progress.end();
    const of = shown ? ` of ${shown.total}` : '';
    console.error(`zhenggai: interrupted after ${done}${of} documents; run the same command again to resume (what is written is kept)`);
    releaseOwnLockSync(path.resolve(outDir));
    process.exit(128 + (os.constants.signals[signal] ?? 2));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  let report;
  try {
    report = await run({ inputs: positionals, outDir, jobs, force: values.force ?? false, xlsx: values.xlsx ?? false, progress, maxBytes, limits });
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
  const { documents, processed, skipped, failed, notRun } = report.counts;
  if (report.stopped) {
    console.error(
      `zhenggai: stopped: ${report.stopped}. ${processed + skipped} of ${documents} documents are written, ${notRun} not started; ` +
        `run the same command again to go on (written documents are kept)`,
    );
    return 1;
  }
  const ignored = describeIgnored(report.ignored);
  if (ignored) console.error(`zhenggai: ${ignored}`);
  const links = describeLinksOutside(report.linksOutside);
  if (links) console.error(`zhenggai: ${links}`);
  if (!quiet) {
    const renamed = report.renamed.length ? `; ${report.renamed.length} ids differ from the file names' (see run.json "renamed")` : '';
    console.error(
      `zhenggai: ${processed} of ${documents} documents processed, ${skipped} skipped (done before, unchanged), ${failed} failed, in ${(report.timings.total / 1000).toFixed(1)} s${renamed}`,
    );
    const where = { out: report.outDir.replace(/\/+$/, ''), report: report.wrote.includes('report.html'), xlsx: report.wrote.includes('zhenggai.xlsx') };
    for (const line of describeFindings(report.findings, where)) console.error(line);
  }
  return failed > 0 && !allowFailures ? 1 : 0;
}

async function reportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions('report', args, { help: { type: 'boolean' } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('name one output folder: zhenggai report OUT');
  const dir = positionals[0]!;
  const why = await notAnOutputFolder(dir);
  if (why) throw new UsageError(why);
  // Not while a run writes in the folder.
  const unlock = await lockOutDir(dir);
  try {
    // A document whose files changed since the run (edited by hand) is left out of the page, and named.
    let leftOut = 0;
    const file = await writeReport(dir, undefined, {
      leftOut: (why) => {
        leftOut++;
        console.error(`zhenggai: ${why}: left out of the page (run zhenggai run again to redo it)`);
      },
    });
    console.error(`zhenggai: wrote ${file}`);
    return leftOut ? 1 : 0;
  } catch (error) {
    console.error(`zhenggai: cannot build the report from ${dir}: ${describeError(error)}`);
    return 1;
  } finally {
    await unlock();
  }
}

async function csvCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions('csv', args, CSV_OPTIONS);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const outDir = values.out ?? 'out';
  const report = await csvFromJsonl({ inputs: positionals, outDir, xlsx: values.xlsx ?? false, log: (line) => console.error(line) });
  const { documents, failed, rejected } = report.counts;
  if (!values.quiet) {
    console.error(`zhenggai: ${documents} documents (${failed} of them failed) from ${report.files.length} file${report.files.length === 1 ? '' : 's'} into ${outDir}/*.csv${rejected ? `; ${rejected} lines left out, listed above` : ''}`);
  }
  return rejected > 0 ? 1 : 0;
}

/** `zhenggai eval --gold DIR OUT`: prints the figures; 1 when the score is below --min, 2 on bad usage or unreadable gold. */
function evalCommand(args: string[]): number {
  const { values, positionals } = parseOptions('eval', args, EVAL_OPTIONS);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.gold === undefined || positionals.length !== 1) throw new UsageError('eval needs --gold DIR and one output folder: zhenggai eval --gold DIR OUT');
  const min = values.min === undefined ? 0 : Number(values.min);
  if (values.min !== undefined && !(Number.isFinite(min) && min >= 0 && min <= 1)) throw new UsageError(`--min takes a score from 0 to 1, not "${values.min}"`);
  let evaluation;
  try {
    evaluation = evalFolder(values.gold, positionals[0]!);
  } catch (error) {
    if (error instanceof EvalInputError) throw new UsageError(error.message);
    throw error;
  }
  for (const u of evaluation.unreadable) console.error(`zhenggai: ${u.file}: ${u.reason}`);
  console.log(values.json ? JSON.stringify(evaluation, null, 1) : formatEvaluation(evaluation, { verbose: values.verbose ?? false }));
  if (evaluation.score < min) {
    console.error(`zhenggai: score ${evaluation.score.toFixed(4)} is below --min ${values.min}`);
    return 1;
  }
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--help' || command === '-h' || command === 'help') {
      console.log(USAGE);
      return 0;
    }
    // -v as most tools have it (npm, node); -V as some others do.
    if (command === '--version' || command === '-v' || command === '-V') {
      console.log(version());
      return 0;
    }
    if (command === 'run') return await runCommand(rest);
    if (command === 'report') return await reportCommand(rest);
    if (command === 'csv') return await csvCommand(rest);
    if (command === 'eval') return evalCommand(rest);
    if (command === undefined) throw new UsageError('name a command: zhenggai run, zhenggai report, zhenggai csv, zhenggai eval (zhenggai --help)');
    throw new UsageError(`unknown command "${command}"; ${closest(command, COMMANDS, '')}`);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`zhenggai: ${error.message}`);
      return 2;
    }
    // Anything else in one line too: a system error in words, a bug with where it was thrown.
    console.error(`zhenggai: ${(error as NodeJS.ErrnoException)?.code ? describeError(error) : internalError(error)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
