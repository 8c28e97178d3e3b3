import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { expect, test } from 'vitest';
import { segmenter } from '../../src/jieba.js';
import { runPipeline } from '../../src/pipeline.js';
import { createPool, ordered } from '../../src/batch/pool.js';
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
