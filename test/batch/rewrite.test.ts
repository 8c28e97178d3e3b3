import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { run } from '../../src/batch/run.js';
import { DONE_FILE } from '../../src/batch/worker.js';
import { noticeFiles } from './corpus.js';

/**
 * A later run that redoes documents (their inputs changed) writes each file over the one there:
 * the same inodes (no file made, none freed), and the bytes a first run writes. Each input gets
 * the next notice's text, so every file is rewritten, some longer and some shorter.
 */
test('a document redone by a later run keeps its files and ends as a first run writes it', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-rewrite-'));
  const input = path.join(dir, 'in');
  mkdirSync(input);
  const notices = noticeFiles().slice(0, 12);
  const place = (shift: number) => notices.forEach((file, i) => copyFileSync(notices[(i + shift) % notices.length]!, path.join(input, `n${i}.txt`)));
  const out = path.join(dir, 'out');
  place(0);
  await run({ inputs: [input], outDir: out });
  const files = (id: string) => readdirSync(path.join(out, id)).sort();
  const inodes = () => Object.fromEntries(notices.flatMap((_, i) => files(`n${i}`).map((f) => [`n${i}/${f}`, statSync(path.join(out, `n${i}`, f)).ino])));
  const before = inodes();
  place(1);
  const again = await run({ inputs: [input], outDir: out });
  expect(again.counts).toMatchObject({ processed: 12, skipped: 0, failed: 0 });
  expect(inodes()).toEqual(before);
  const fresh = path.join(dir, 'fresh');
  await run({ inputs: [input], outDir: fresh });
  for (let i = 0; i < notices.length; i++) {
    expect(files(`n${i}`)).toEqual([DONE_FILE, '1-clean.json', '2-segment.json', '3-sections.json', '4-extract.json', '5-validate.json']);
    for (const f of files(`n${i}`)) expect(readFileSync(path.join(out, `n${i}`, f), 'utf8'), `n${i}/${f}`).toBe(readFileSync(path.join(fresh, `n${i}`, f), 'utf8'));
  }
});
