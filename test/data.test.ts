import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { CORPUS, DEV, GOLD, byNumber, corpusFiles, devFiles } from './helpers.js';

// The tests read only what the repository carries: a missing folder fails here by name.
test('corpus/ holds the five seed notices', () => {
  expect(existsSync(CORPUS), CORPUS).toBe(true);
  expect(corpusFiles()).toHaveLength(5);
});

test('dev/ holds d01–d142, each listed in SOURCES.tsv with its kind', () => {
  expect(existsSync(DEV), DEV).toBe(true);
  expect(devFiles()).toEqual(Array.from({ length: 142 }, (_, i) => `d${String(i + 1).padStart(2, '0')}.txt`));
  const rows = readFileSync(path.join(DEV, 'SOURCES.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  expect(rows.map((r) => r[0])).toEqual(devFiles());
  for (const [file, , kind] of rows) expect(kind, file).toMatch(/^(formal-notice|summary-notice|news|other|garbled)$/);
});

test('gold/ holds one annotation per seed and gold/dev/ one per dev notice, naming its file', () => {
  const names = (dir: string) => (existsSync(dir) ? byNumber(readdirSync(dir).filter((f) => f.endsWith('.json'))) : []);
  expect(names(GOLD)).toEqual(corpusFiles().map((f) => f.replace(/\.txt$/, '.json')));
  expect(names(path.join(GOLD, 'dev'))).toEqual(devFiles().map((f) => f.replace(/\.txt$/, '.json')));
  for (const f of names(GOLD)) expect(JSON.parse(readFileSync(path.join(GOLD, f), 'utf8')).file).toBe(f.replace(/\.json$/, '.txt'));
  for (const f of names(path.join(GOLD, 'dev'))) expect(JSON.parse(readFileSync(path.join(GOLD, 'dev', f), 'utf8')).file).toBe(`dev/${f.replace(/\.json$/, '.txt')}`);
});
