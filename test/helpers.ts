import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { runPipeline } from '../src/pipeline.js';
import { violations } from '../src/bench/invariants.js';
import type { ValidatedDocument } from '../src/stages/5-validate/index.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CORPUS = path.join(ROOT, 'corpus');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

export const corpusFiles = (): string[] => readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();

/** Runs the whole pipeline on one file of the repository's corpus. */
export function runCorpusFile(name: string): ValidatedDocument {
  const file = path.join(CORPUS, name);
  return runPipeline({ id: name.replace(/\.txt$/, ''), source: file, bytes: readFileSync(file) });
}

/** The invariants every output keeps (src/bench/invariants.ts): nothing breaks them. */
export function checkInvariants(doc: ValidatedDocument): void {
  expect(violations(doc)).toEqual([]);
}
