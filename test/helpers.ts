import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { fromAnchors } from '../src/stages/1-clean/text-map.js';
import { STAGES, runPipeline, stageFiles } from '../src/pipeline.js';
import type { ValidatedDocument } from '../src/stages/5-validate/index.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The five seed notices, what `npm start` reads. */
export const CORPUS = path.join(ROOT, 'corpus');
/** The dev set, d01–d86, annotated in gold/dev/ (not read by `npm start`). */
export const DEV = path.join(ROOT, 'dev');
/** Hand annotations: gold/*.json for corpus/, gold/dev/*.json for dev/. */
export const GOLD = path.join(ROOT, 'gold');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

/**
 * The `.txt` names in a folder, sorted; none when the folder is missing, so that listing at
 * collection time never throws (test/data.test.ts fails by name when the data is not there).
 */
export const textFiles = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort() : []);

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

type Spanned = { span: [number, number] | null; text?: string };

/**
 * The invariants every output keeps: spans in bounds and ordered, each mention's `text` equal
 * to its slice of the cleaned text, the offset map monotonic and inside the raw input, and
 * every stage's JSON valid against its schema.
 */
export function checkInvariants(doc: ValidatedDocument): void {
  const { text } = doc.clean;
  const inBounds = (span: [number, number] | null, what: string) => {
    if (!span) return;
    expect(span[0], what).toBeGreaterThanOrEqual(0);
    expect(span[1], what).toBeGreaterThanOrEqual(span[0]);
    expect(span[1], what).toBeLessThanOrEqual(text.length);
  };
  const mentions: [string, Spanned[]][] = [
    ['numbers', doc.final.numbers],
    ['dates', doc.final.dates],
  ];
  for (const [layer, items] of mentions) {
    for (const item of items) {
      inBounds(item.span, `${layer} ${item.text}`);
      expect(text.slice(item.span![0], item.span![1]), `${layer} span`).toBe(item.text);
    }
  }
  for (const p of doc.final.problems) {
    inBounds(p.span, `problem ${p.number}`);
    expect(text.slice(...p.span)).toBe(p.text);
    inBounds(p.rectificationSpan, `rectification ${p.number}`);
    if (p.rectificationSpan) expect(text.slice(...p.rectificationSpan)).toBe(p.rectification);
  }
  for (const c of doc.final.categories) expect(text.slice(...c.span)).toBe(c.title);
  for (const d of doc.final.diagnostics) inBounds(d.span, d.code);
  let previous = -1;
  for (const [start, end] of doc.segment.tokens) {
    expect(start).toBeGreaterThanOrEqual(previous);
    expect(end).toBeGreaterThan(start);
    previous = end;
  }
  const map = fromAnchors(doc.clean.offsetMap, text.length);
  for (let i = 1; i < map.length; i++) expect(map[i]! >= map[i - 1]!, `offset map monotonic at ${i}`).toBe(true);
  expect(map[text.length]).toBeLessThanOrEqual(doc.raw.length);
  // Each stage file, as written, matches the schema of that file, and says what the layer in memory says.
  const files = stageFiles(doc);
  STAGES.forEach((stage, i) => {
    const json = files[i]!.json;
    const written = JSON.parse(typeof json === 'string' ? json : Buffer.from(json).toString('utf8'));
    expect(stage.schema.safeParse(written).success, stage.name).toBe(true);
    expect(written, stage.name).toEqual(JSON.parse(JSON.stringify(stage.layer(doc as never))));
  });
}
