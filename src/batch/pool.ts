import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { segmenter } from '../jieba.js';
import type { Batch, Outcome, Task } from './worker.js';

/**
 * The compiled worker. Pool threads always run `dist/`; under vitest this module is the
 * TypeScript source, so it points at the build next to it (tests compile first).
 */
export function workerFile(): string {
  const beside = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  return fileURLToPath(new URL('../../dist/batch/worker.js', import.meta.url));
}

/** Documents handed to the pool ahead of the one being written: enough to keep every thread busy. */
export const AHEAD_PER_JOB = 4;

export interface Pool {
  run(task: Task): Promise<Outcome>;
  /**
   * Several file tasks in one thread, their stages run together (src/batch/worker.ts): the
   * outcomes in order. When the thread is stopped (a limit) or fails, the task it was on (or,
   * when that is not known, each of them) is run again alone, so each document gets the outcome
   * it would get by itself.
   */
  runBatch(tasks: FileTask[]): Promise<Outcome[]>;
  close(): Promise<void>;
}

type FileTask = Extract<Task, { kind: 'file' }>;

/** What bounds one document's work in the pool. */
export interface Limits {
  /** Milliseconds a document may take in its thread before the thread is stopped and replaced. */
  timeoutMs: number;
  /**
   * A thread's JavaScript heap, in MB. V8 lets a heap grow with the machine's memory before it
   * collects (on 24 GiB, to about 150 MB a thread on this workload, most of it the garbage of
   * earlier documents); a 1 GB limit makes it collect sooner (about 90 MB) at no measurable
   * cost, and is still far above what one document needs (its token layer lives outside the
   * heap; a 10 MB notice peaks near 300 MB). A document that needs more fails alone, with a
   * reason, and the pool replaces the thread.
   */
  heapMb: number;
}

/**
 * The largest input one document may be, in bytes. Notices are 2–30 KB, a web page rarely 1 MB;
 * a 10 MB text takes some 7 s and 420 MB here, a 50 MB one ran a thread out of memory after
 * minutes. A larger input fails before it is read.
 */
export const MAX_INPUT_BYTES = 10e6;

export const DEFAULT_LIMITS: Limits = { timeoutMs: 120_000, heapMb: 1024 };

/**
 * `jobs` threads, sharing one segmenter dictionary (src/jieba.ts). Each task carries a clock
 * (eight shared bytes) on which its thread writes the time it began, so that the time limit
 * counts the document's own work, not its wait in the queue nor a thread's start-up; a watch
 * every tenth of a second stops a thread past it. A document over a limit gets a failure naming
 * the limit, marked `abandoned`: its thread was stopped, perhaps while writing, and the caller
 * removes what it left. The pool replaces the thread.
 */
export function createPool(jobs: number, limits: Limits = DEFAULT_LIMITS): Pool {
  const piscina = new Piscina({
    filename: workerFile(),
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: Infinity,
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
  });
  // The segmenter's dictionary is built here, while the threads load their modules: they find
  // it built (or wait for it) instead of one of them building it after.
  segmenter();
  const running = new Set<{ began: Float64Array; stop: AbortController }>();
  const watch = setInterval(() => {
    const now = Date.now();
    for (const task of running) if (task.began[0]! > 0 && now - task.began[0]! > limits.timeoutMs) task.stop.abort();
  }, Math.min(100, limits.timeoutMs / 4));
  watch.unref();
  const reason = (error: unknown, timedOut: boolean) => {
    const e = error as { code?: string; message?: string } | null;
    if (timedOut) return `took longer than ${limits.timeoutMs / 1000} s, the limit for one document (--timeout)`;
    if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory limit|out of memory/i.test(e?.message ?? '')) {
      return `needed more than ${limits.heapMb} MB of memory, the limit for one document (--heap-mb)`;
    }
    return `internal error: worker: ${e?.message ?? String(error)}`;
  };
  const failure = (task: Task, error: unknown, timedOut: boolean): Outcome => ({
    status: 'failed',
    id: task.id,
    source: task.kind === 'file' ? task.path : (task.path ?? task.id),
    reason: reason(error, timedOut),
    abandoned: true,
  });
  /** Runs `work` in a thread with a clock of its own: `[0]` when its current task began, `[1]` which task of a batch that is. */
  const watched = async <T>(work: Task | Batch, failed: (error: unknown, timedOut: boolean, index: number) => T | Promise<T>): Promise<T> => {
    const clock = new SharedArrayBuffer(16);
    const entry = { began: new Float64Array(clock), stop: new AbortController() };
    running.add(entry);
    try {
      return (await piscina.run({ ...work, clock }, { signal: entry.stop.signal })) as T;
    } catch (error) {
      return failed(error, entry.stop.signal.aborted, entry.began[1]!);
    } finally {
      running.delete(entry);
    }
  };
  const run = (task: Task) => watched<Outcome>(task, (error, timedOut) => failure(task, error, timedOut));
  return {
    run,
    runBatch: (tasks) =>
      tasks.length === 1
        ? run(tasks[0]!).then((outcome) => [outcome])
        : watched<Outcome[]>({ kind: 'files', tasks }, (error, timedOut, index) =>
            // Over the time limit: the task on the clock fails; the others are run again alone.
            // Any other failure (memory): each is run again alone, and the one at fault fails alone.
            Promise.all(tasks.map((task, i) => (timedOut && i === index ? failure(task, error, true) : run(task)))),
          ),
    close: async () => {
      clearInterval(watch);
      await piscina.destroy();
    },
  };
}

/**
 * `work` on each item with at most `window` in flight, results in input order. The window
 * keeps every thread busy while bounding what waits in memory, however long the input.
 */
export async function* ordered<T, R>(items: Iterable<T> | AsyncIterable<T>, window: number, work: (item: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  for await (const item of items) {
    pending.push(work(item));
    if (pending.length >= window) yield await pending.shift()!;
  }
  while (pending.length) yield await pending.shift()!;
}
