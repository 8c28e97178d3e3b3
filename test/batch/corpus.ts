import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers.js';

/** The shared notices: the repository's corpus and the dev set beside it. */
export const SHARED = path.resolve(ROOT, '../shared/corpus');

export const sharedFiles = (): string[] =>
  [SHARED, path.join(SHARED, 'dev')].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => path.join(dir, f)),
  );

/** A temporary folder with `copies` copies of every shared notice (`a/`, `b/` …), for runs of a hundred-odd documents. */
export function smallCorpus(copies = 1): { dir: string; input: string; count: number } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-scale-'));
  const input = path.join(dir, 'in');
  let count = 0;
  for (let c = 0; c < copies; c++) {
    const sub = path.join(input, String.fromCharCode(97 + c));
    mkdirSync(sub, { recursive: true });
    for (const file of sharedFiles()) {
      copyFileSync(file, path.join(sub, path.basename(file)));
      count++;
    }
  }
  return { dir, input, count };
}

export const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
