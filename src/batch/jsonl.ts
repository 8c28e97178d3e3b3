import { createReadStream } from 'node:fs';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { once } from 'node:events';
import { AHEAD_PER_JOB, createPool, ordered } from './pool.js';
import type { Progress } from './progress.js';
import type { Outcome, Task } from './worker.js';

/**
 * Streaming mode: one JSON object per input line, `{"id", "text"}` or `{"id", "path"}`, and one
 * final document per output line, in input order. Nothing is written to disk, so the same
 * command is a Hadoop Streaming mapper or the program of Spark's `rdd.pipe()`.
 */
export interface JsonlOptions {
  /** `-` for stdin, or a file of lines. */
  input: string | Readable;
  output?: Writable;
  jobs?: number;
  progress?: Progress;
  log?: (line: string) => void;
}

export interface JsonlReport {
  counts: { documents: number; processed: number; failed: number };
}

/** A line's task, or the reason it cannot be one. */
export function parseLine(line: string, lineNumber: number): Task | { reason: string; id: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { id: `line ${lineNumber}`, reason: 'not a JSON object' };
  }
  const o = value as { id?: unknown; text?: unknown; path?: unknown };
  if (typeof value !== 'object' || value === null || typeof o.id !== 'string' || !o.id) return { id: `line ${lineNumber}`, reason: 'needs a string "id"' };
  if (typeof o.text === 'string') return { kind: 'line', id: o.id, text: o.text };
  if (typeof o.path === 'string') return { kind: 'line', id: o.id, path: o.path };
  return { id: o.id, reason: 'needs a string "text" or "path"' };
}

async function* lines(input: Readable): AsyncGenerator<[string, number]> {
  let n = 0;
  for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
    n++;
    if (line.trim()) yield [line, n];
  }
}

export async function runJsonl(options: JsonlOptions): Promise<JsonlReport> {
  const input = typeof options.input !== 'string' ? options.input : options.input === '-' ? process.stdin : createReadStream(options.input);
  const output = options.output ?? process.stdout;
  const log = options.progress ? (line: string) => options.progress!.log(line) : (options.log ?? (() => {}));
  const jobs = Math.max(1, options.jobs ?? 1);
  const counts = { documents: 0, processed: 0, failed: 0 };
  const pool = createPool(jobs);
  const work = async ([line, n]: [string, number]): Promise<Outcome> => {
    const task = parseLine(line, n);
    return 'kind' in task ? pool.run(task) : { status: 'failed', id: task.id, source: task.id, reason: task.reason };
  };
  try {
    for await (const outcome of ordered(lines(input), jobs * AHEAD_PER_JOB, work)) {
      counts.documents++;
      if (outcome.status === 'failed') {
        counts.failed++;
        log(`zhenggai: ${outcome.source}: ${outcome.reason}`);
      } else {
        counts.processed++;
        if (!output.write(outcome.json + '\n')) await once(output, 'drain');
      }
      options.progress?.tick();
    }
  } finally {
    await pool.close();
    options.progress?.end();
  }
  return { counts };
}
