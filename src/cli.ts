#!/usr/bin/env node
import os from 'node:os';
import { parseArgs } from 'node:util';
import { UsageError, run } from './run.js';
import { writeReport } from './report/build.js';

const USAGE = `usage: zhenggai run <file or folder>... [--out DIR] [--jobs N] [--force]

  --out DIR   where to write (default: out)
  --jobs N    documents processed at once (default: the number of cores)
  --force     redo every document

exit status: 0 all documents processed, 1 some failed, 2 bad usage`;

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
  if (command !== 'run') {
    console.error(command ? `zhenggai: unknown command "${command}"\n${USAGE}` : USAGE);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { out: { type: 'string', default: 'out' }, jobs: { type: 'string' }, force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
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
  if (parsed.positionals.length === 0) {
    console.error(`zhenggai: name at least one file or folder\n${USAGE}`);
    return 2;
  }
  try {
    const report = await run({ inputs: parsed.positionals, outDir: parsed.values.out!, jobs, log: (line) => console.error(line) });
    const { documents, processed, failed } = report.counts;
    console.error(`zhenggai: ${processed} of ${documents} documents processed, ${failed} failed, in ${(report.timings.total / 1000).toFixed(1)} s; see ${report.outDir}/run.json`);
    return failed > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`zhenggai: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
