#!/usr/bin/env node
import os from 'node:os';
import { parseArgs } from 'node:util';
import { runJsonl } from './batch/jsonl.js';
import { createProgress } from './batch/progress.js';
import { UsageError, run } from './batch/run.js';
import { EvalInputError, evalFolder, formatEvaluation } from './eval/index.js';
import { writeReport } from './report/build.js';

const USAGE = `usage: zhenggai run <file or folder>... [--out DIR] [--jobs N] [--force] [--quiet]
       zhenggai run --jsonl - [--jobs N] [--quiet] [--allow-failures]
       zhenggai report OUT
       zhenggai eval --gold DIR OUT [--verbose] [--json] [--min SCORE]

  --out DIR     where to write (default: out)
  --jobs N      worker threads (default: the number of cores)
  --force       redo every document, even those an earlier run wrote from the same input
  --quiet       no progress on stderr (failures are still listed)
  --jsonl FILE  read one {"id", "text"} or {"id", "path"} per line from FILE (- for stdin),
                write one final document per line on stdout, and nothing to disk
  --allow-failures  exit 0 even when some documents failed (they are still listed on
                stderr): Spark's rdd.pipe() fails the whole task on any other status

report OUT      rebuilds OUT/report.html, the review page, from an existing output folder
eval            scores the output folder OUT against the hand annotations in DIR/*.json
                (format: gold/README.md); one line per metric and the mean score
  --verbose     also list every miss
  --json        print the figures and misses as JSON
  --min SCORE   exit 1 when the score (0..1) is below SCORE

exit status: 0 all documents processed, 1 some failed, 2 bad usage
             (eval: 0, or 1 below --min)`;

const EVAL_USAGE = 'usage: zhenggai eval --gold DIR OUT [--verbose] [--json] [--min SCORE]';

/** `zhenggai eval --gold DIR OUT`: prints the figures; 1 when the score is below --min, 2 on bad usage or unreadable gold. */
function evalCommand(args: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        gold: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        min: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`zhenggai: ${(error as Error).message}\n${EVAL_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(EVAL_USAGE);
    return 0;
  }
  if (values.gold === undefined || positionals.length !== 1) {
    console.error(`zhenggai: eval needs --gold DIR and one output folder\n${EVAL_USAGE}`);
    return 2;
  }
  const min = values.min === undefined ? 0 : Number(values.min);
  if (values.min !== undefined && !(Number.isFinite(min) && min >= 0 && min <= 1)) {
    console.error(`zhenggai: --min takes a score from 0 to 1, not "${values.min}"`);
    return 2;
  }
  let evaluation;
  try {
    evaluation = evalFolder(values.gold, positionals[0]!);
  } catch (error) {
    if (error instanceof EvalInputError) {
      console.error(`zhenggai: ${error.message}`);
      return 2;
    }
    throw error;
  }
  for (const u of evaluation.unreadable) console.error(`zhenggai: ${u.file}: ${u.reason}`);
  console.log(values.json ? JSON.stringify(evaluation, null, 1) : formatEvaluation(evaluation, { verbose: values.verbose }));
  if (evaluation.score < min) {
    console.error(`zhenggai: score ${evaluation.score.toFixed(4)} is below --min ${values.min}`);
    return 1;
  }
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (command === 'report') {
    if (rest.length !== 1 || rest[0]!.startsWith('-')) {
      console.error('usage: zhenggai report OUT   (rebuilds OUT/report.html from an existing out/ folder)');
      return 2;
    }
    try {
      console.error(`zhenggai: wrote ${await writeReport(rest[0]!)}`);
      return 0;
    } catch (error) {
      console.error(`zhenggai: cannot build the report from ${rest[0]}: ${(error as Error).message}`);
      return 1;
    }
  }
  if (command === 'eval') return evalCommand(rest);
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
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`zhenggai: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const jobs = parsed.values.jobs === undefined ? os.availableParallelism() : Number(parsed.values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) {
    console.error(`zhenggai: --jobs takes a whole number of at least 1, not "${parsed.values.jobs}"`);
    return 2;
  }
  const { quiet } = parsed.values;
  if (parsed.values.jsonl !== undefined) {
    if (parsed.positionals.length > 0) {
      console.error(`zhenggai: --jsonl reads its documents from its own input, not from ${parsed.positionals.join(' ')}\n${USAGE}`);
      return 2;
    }
    const report = await runJsonl({ input: parsed.values.jsonl, jobs, progress: createProgress({ total: null, quiet }) });
    const { documents, processed, failed } = report.counts;
    if (!quiet) console.error(`zhenggai: ${processed} of ${documents} documents processed, ${failed} failed`);
    return failed > 0 && !parsed.values['allow-failures'] ? 1 : 0;
  }
  if (parsed.positionals.length === 0) {
    console.error(`zhenggai: name at least one file or folder\n${USAGE}`);
    return 2;
  }
  try {
    const progress = (total: number) => createProgress({ total, quiet });
    const report = await run({ inputs: parsed.positionals, outDir: parsed.values.out!, jobs, force: parsed.values.force, progress });
    const { documents, processed, skipped, failed } = report.counts;
    if (!quiet) {
      console.error(`zhenggai: ${processed} of ${documents} documents processed, ${skipped} skipped (done before, unchanged), ${failed} failed, in ${(report.timings.total / 1000).toFixed(1)} s; see ${report.outDir}/run.json`);
    }
    return failed > 0 && !parsed.values['allow-failures'] ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`zhenggai: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
