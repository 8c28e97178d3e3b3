import { createReadStream, promises as fs } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { once } from 'node:events';
import { AHEAD_PER_JOB, DEFAULT_LIMITS, type Limits, MAX_INPUT_BYTES, createPool, ordered } from './pool.js';
import { UsageError, describeError } from './errors.js';
import { lines } from './lines.js';
import type { Progress } from './progress.js';
import type { Outcome, Task } from './worker.js';
import { failureCode } from '../codes.js';
import type { ErrorRecord } from '../schema.js';

/**
 * Streaming mode: one JSON object per input line, `{"id", "text"}` or `{"id", "path"}`, and one
 * output line per input line, in input order: the final document, or an error record for a
 * line that cannot be processed (`ErrorRecord`), so that no document is lost on a cluster whose
 * task logs nobody reads. Nothing is written to disk, so the same command is a Hadoop Streaming
 * mapper or the program of Spark's `rdd.pipe()`.
 */
export interface JsonlOptions {
  /** `-` for stdin, or a file of lines. */
  input: string | Readable;
  output?: Writable;
  jobs?: number;
  progress?: Progress;
  log?: (line: string) => void;
  /** The largest document, in bytes (default `MAX_INPUT_BYTES`). */
  maxBytes?: number;
  limits?: Partial<Limits>;
}

export interface JsonlReport {
  counts: { documents: number; processed: number; failed: number };
  /** Why the run ended before its input did (its output was closed), when it did. */
  stopped?: string;
}

/** A line's task, or the reason it cannot be one (`id` null when the line has none). */
export function parseLine(line: string, maxBytes = MAX_INPUT_BYTES): Task | { reason: string; id: string | null } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { id: null, reason: 'not a JSON object' };
  }
  const o = value as { id?: unknown; text?: unknown; path?: unknown };
  if (typeof value !== 'object' || value === null) return { id: null, reason: 'not a JSON object' };
  if (typeof o.id !== 'string' || !o.id) return { id: null, reason: 'needs a string "id"' };
  if (typeof o.text === 'string') return { kind: 'line', id: o.id, text: o.text, maxBytes };
  if (typeof o.path === 'string') return { kind: 'line', id: o.id, path: o.path, maxBytes };
  return { id: o.id, reason: 'needs a string "text" or "path"' };
}

/** The input stream of a JSONL run, or a `UsageError` when the file named cannot be read. */
async function openInput(input: JsonlOptions['input']): Promise<Readable> {
  if (typeof input !== 'string') return input;
  if (input === '-') return process.stdin;
  const stat = await fs.stat(input).catch((error: unknown) => {
    throw new UsageError(`cannot read --jsonl ${input}: ${describeError(error)}`);
  });
  if (stat.isDirectory()) throw new UsageError(`--jsonl ${input} is a folder, not a file of lines`);
  await fs.access(input, fs.constants.R_OK).catch((error: unknown) => {
    throw new UsageError(`cannot read --jsonl ${input}: ${describeError(error)}`);
  });
  return createReadStream(input);
}

export async function runJsonl(options: JsonlOptions): Promise<JsonlReport> {
  const input = await openInput(options.input);
  const output = options.output ?? process.stdout;
  const log = options.progress ? (line: string) => options.progress!.log(line) : (options.log ?? (() => {}));
  const jobs = Math.max(1, options.jobs ?? 1);
  const counts = { documents: 0, processed: 0, failed: 0 };
  const pool = createPool(jobs, { ...DEFAULT_LIMITS, ...options.limits });
  const work = async ([line, n]: [string, number]): Promise<[Outcome, number]> => {
    const task = parseLine(line, options.maxBytes);
    if ('kind' in task) return [await pool.run(task), n];
    return [{ status: 'failed', id: task.id ?? '', source: task.id ?? `line ${n}`, reason: task.reason }, n];
  };
  // A reader that goes away (`| head`) ends the run, in one line rather than an EPIPE trace.
  let stopped: string | undefined;
  const onError = (error: unknown) => void (stopped ??= `cannot write the output: ${describeError(error)}`);
  output.on('error', onError);
  async function* until(source: AsyncIterable<[string, number]>): AsyncGenerator<[string, number]> {
    for await (const item of source) {
      if (stopped) return;
      yield item;
    }
  }
  try {
    for await (const [outcome, n] of ordered(until(lines(input)), jobs * AHEAD_PER_JOB, work)) {
      if (stopped) continue;
      counts.documents++;
      let json = outcome.json;
      if (outcome.status === 'failed') {
        counts.failed++;
        log(`zhenggai: ${outcome.source}: ${outcome.reason}`);
        json = JSON.stringify(errorRecord(outcome, n));
      } else counts.processed++;
      if (!output.write(json + '\n')) await once(output, 'drain').catch(onError);
      options.progress?.tick();
    }
  } finally {
    output.off('error', onError);
    await pool.close();
    options.progress?.end();
  }
  return { counts, ...(stopped ? { stopped } : {}) };
}

/** The output line of an input line that failed. */
export function errorRecord(outcome: Outcome, line: number): ErrorRecord {
  const reason = outcome.reason ?? 'failed';
  return { id: outcome.id || null, line, source: outcome.source, error: { code: failureCode(reason), message: reason } };
}
