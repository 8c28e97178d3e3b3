import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { segmenter } from '../jieba.js';
import type { Outcome, Task } from './worker.js';

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
  close(): Promise<void>;
}

/**
 * A worker's JavaScript heap limit. V8 lets a heap grow with the machine's memory before it
 * collects (on 24 GiB, to about 150 MB a thread on this workload, most of it the garbage of
 * earlier documents); a 1 GB limit makes it collect sooner (about 90 MB) at no measurable cost,
 * and is still far above what one document needs (its token layer lives outside the heap). A
 * document that needs more fails alone, with a reason, and the pool replaces the thread.
 */
const WORKER_HEAP_MB = 1024;

/** `jobs` threads, sharing one segmenter dictionary (src/jieba.ts). */
export function createPool(jobs: number): Pool {
  const piscina = new Piscina({
    filename: workerFile(),
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: Infinity,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  // The segmenter's dictionary is built here, while the threads load their modules: they find
  // it built (or wait for it) instead of one of them building it after.
  segmenter();
  return {
    run: (task) =>
      piscina.run(task).catch((error: unknown) => ({
        status: 'failed' as const,
        id: task.id,
        source: task.kind === 'file' ? task.path : (task.path ?? task.id),
        reason: `internal error: worker: ${error instanceof Error ? error.message : String(error)}`,
      })),
    close: () => piscina.destroy(),
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
