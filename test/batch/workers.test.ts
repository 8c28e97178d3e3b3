import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { segmenter } from '../../src/jieba.js';
import { runPipeline } from '../../src/pipeline.js';
import { createPool, ordered } from '../../src/batch/pool.js';
import type { Outcome } from '../../src/batch/worker.js';
import { noticeFiles } from './corpus.js';

test('nodejieba in two worker threads at once gives what it gives in the main thread', async () => {
  const files = noticeFiles();
  const expected = files.map((file) => JSON.stringify(runPipeline({ id: path.basename(file), source: file, bytes: readFileSync(file) }).final));
  const pool = createPool(2);
  try {
    // Every document three times over, so both threads segment at once, long after loading.
    const tasks = [...files, ...files, ...files].map((file) => ({ kind: 'line' as const, id: path.basename(file), path: file }));
    const outcomes = await Promise.all(tasks.map((task) => pool.run(task)));
    outcomes.forEach((outcome, i) => {
      expect(outcome.status, outcome.reason).toBe('processed');
      expect(outcome.json).toBe(expected[i % files.length]);
    });
  } finally {
    await pool.close();
  }
});

test('worker threads share the dictionary the first thread built, and cut with it as that thread does', async () => {
  const text = readFileSync(noticeFiles()[0]!, 'utf8');
  const here = segmenter().spans(text);
  const jieba = new URL('../../dist/jieba.js', import.meta.url).href;
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(${JSON.stringify(jieba)}).then(({ segmenter, segmenterBuiltHere }) => {
      const { spans, tags, names } = segmenter().spans(workerData);
      parentPort.postMessage({ built: segmenterBuiltHere(), spans: [...spans], tags: [...tags].map((t) => names[t]) });
    });`;
  const answers = await Promise.all(
    [0, 1].map(
      () =>
        new Promise<{ built: boolean; spans: number[]; tags: string[] }>((resolve, reject) => {
          const worker = new Worker(code, { eval: true, workerData: text });
          worker.once('message', (m) => {
            resolve(m);
            void worker.terminate();
          });
          worker.once('error', reject);
        }),
    ),
  );
  for (const answer of answers) {
    expect(answer.built).toBe(false);
    expect(answer.spans).toEqual([...here.spans]);
    expect(answer.tags).toEqual([...here.tags].map((t) => here.names[t]));
  }
});

test('ordered keeps input order and at most `window` items in flight', async () => {
  let inFlight = 0;
  let most = 0;
  const work = async (n: number) => {
    inFlight++;
    most = Math.max(most, inFlight);
    await new Promise((r) => setTimeout(r, (n * 7) % 5));
    inFlight--;
    return n * 2;
  };
  const out: number[] = [];
  for await (const r of ordered(Array.from({ length: 40 }, (_, i) => i), 4, work)) out.push(r);
  expect(out).toEqual(Array.from({ length: 40 }, (_, i) => i * 2));
  expect(most).toBeLessThanOrEqual(4);
});

/** File tasks writing to `outDir` (made here, as a run makes it), one per file; ids are the file names. */
const fileTasks = (files: string[], outDir: string) =>
  (mkdirSync(outDir, { recursive: true }), files).map((file) => ({ kind: 'file' as const, path: file, id: path.basename(file, '.txt'), outDir, force: true, maxBytes: 10e6 }));

/** An outcome as the main thread uses it, without its timings. */
const used = ({ timings: _, ...rest }: Outcome) => rest;

test('documents run together in a batch get the files and rows each gets alone', async () => {
  const files = noticeFiles();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-batch-'));
  const alone = path.join(dir, 'alone');
  const together = path.join(dir, 'together');
  const pool = createPool(1);
  try {
    const one = await Promise.all(fileTasks(files, alone).map((task) => pool.run(task)));
    const tasks = fileTasks(files, together);
    const batched: Outcome[] = [];
    // Batches of 16: groups of up to 256 KB go through the stages together.
    for (let i = 0; i < tasks.length; i += 16) batched.push(...(await pool.runBatch(tasks.slice(i, i + 16))));
    expect(batched.map(used)).toEqual(one.map(used));
    expect(batched.every((o) => o.status === 'processed')).toBe(true);
    for (const id of readdirSync(alone)) {
      for (const file of readdirSync(path.join(alone, id))) {
        expect(readFileSync(path.join(together, id, file), 'utf8'), `${id}/${file}`).toBe(readFileSync(path.join(alone, id, file), 'utf8'));
      }
    }
    expect(readdirSync(together).sort()).toEqual(readdirSync(alone).sort());
  } finally {
    await pool.close();
  }
});

describe('a limit reached by one document of a batch', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-batch-limits-'));
  const [a, b] = noticeFiles();
  const big = path.join(dir, 'big.txt');
  // About 5 MB: some 4 s of work, far over a 1 s limit and a 64 MB heap.
  const notice = readFileSync(a!, 'utf8');
  writeFileSync(big, `${notice}\n`.repeat(Math.ceil(5e6 / Buffer.byteLength(notice))));
  const summary = (outcomes: Outcome[]) => outcomes.map((o) => [o.id, o.status, o.reason ?? '', o.abandoned ?? false]);

  test.each([
    ['the time limit: that document fails, the others of its batch are written', { timeoutMs: 1000, heapMb: 1024 }, 'took longer than 1 s, the limit for one document (--timeout)'],
    ['the memory limit: each is run again alone, and only that document fails', { timeoutMs: 120_000, heapMb: 64 }, 'needed more than 64 MB of memory, the limit for one document (--heap-mb)'],
  ])('%s', async (name, limits, reason) => {
    const pool = createPool(1, limits);
    try {
      const outcomes = await pool.runBatch(fileTasks([a!, big, b!], path.join(dir, name.slice(4, 8))));
      expect(summary(outcomes)).toEqual([
        [path.basename(a!, '.txt'), 'processed', '', false],
        ['big', 'failed', reason, true],
        [path.basename(b!, '.txt'), 'processed', '', false],
      ]);
    } finally {
      await pool.close();
    }
  });
});
