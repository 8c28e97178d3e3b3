import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { runPipeline } from '../src/pipeline.js';
import { violations } from '../src/bench/invariants.js';
import type { ValidatedDocument } from '../src/stages/5-validate/index.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The five seed notices, what `npm start` reads. */
export const CORPUS = path.join(ROOT, 'corpus');
/** The dev set, d01–d142, annotated in gold/dev/ (not read by `npm start`). */
export const DEV = path.join(ROOT, 'dev');
/** Hand annotations: gold/*.json for corpus/, gold/dev/*.json for dev/. */
export const GOLD = path.join(ROOT, 'gold');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

/**
 * The `.txt` names in a folder, in the order of their numbers; none when the folder is missing, so that listing at
 * collection time never throws (test/data.test.ts fails by name when the data is not there).
 */
export const textFiles = (dir: string): string[] => (existsSync(dir) ? byNumber(readdirSync(dir).filter((f) => f.endsWith('.txt'))) : []);

/** Names in the order of the numbers in them: d9, d10, d100, as dev/SOURCES.tsv lists them. */
export const byNumber = (names: string[]): string[] => names.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

export const corpusFiles = (): string[] => textFiles(CORPUS);
export const devFiles = (): string[] => textFiles(DEV);

/** A value computed on first use, inside a test, so that a failure there fails that test by name. */
export function lazy<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** Runs the whole pipeline on one file of the repository's corpus. */
export function runCorpusFile(name: string): ValidatedDocument {
  const file = path.join(CORPUS, name);
  return runPipeline({ id: name.replace(/\.txt$/, ''), source: file, bytes: readFileSync(file) });
}

/** The invariants every output keeps (src/bench/invariants.ts): nothing breaks them. */
export function checkInvariants(doc: ValidatedDocument): void {
  expect(violations(doc)).toEqual([]);
}
