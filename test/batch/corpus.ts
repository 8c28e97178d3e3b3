import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CORPUS, DEV, corpusFiles, devFiles } from '../helpers.js';

/** Every notice the repository carries: the seeds in corpus/, then the dev set in dev/. */
export const noticeFiles = (): string[] => [...corpusFiles().map((f) => path.join(CORPUS, f)), ...devFiles().map((f) => path.join(DEV, f))];

/** A temporary folder with `copies` copies of every notice (`a/`, `b/` …), for runs of a hundred-odd documents. */
export function smallCorpus(copies = 1): { dir: string; input: string; count: number } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-scale-'));
  const input = path.join(dir, 'in');
  let count = 0;
  for (let c = 0; c < copies; c++) {
    const sub = path.join(input, String.fromCharCode(97 + c));
    mkdirSync(sub, { recursive: true });
    for (const file of noticeFiles()) {
      copyFileSync(file, path.join(sub, path.basename(file)));
      count++;
    }
  }
  return { dir, input, count };
}

export const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
