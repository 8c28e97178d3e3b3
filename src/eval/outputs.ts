import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { FINAL_FILE, stageFile } from '../pipeline.js';
import { EvalInputError } from './gold.js';

/**
 * What eval reads of one output document: the final document (5-validate.json) and the
 * cleaned text (1-clean.json `text`). Read as plain JSON, not through the schema, so that an
 * output of an older version, or of another tool writing the same fields, can still be scored.
 */
export interface Output {
  dir: string;
  doc: Record<string, unknown>;
  text: string;
}

export interface Outputs {
  /** By the base name of the document's `source`: d01.txt. */
  byName: Map<string, Output[]>;
  /** Documents whose final file could not be read: each becomes a miss if gold names it. */
  unreadable: { file: string; reason: string }[];
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** Every `OUT/<docId>/5-validate.json`, indexed by the file name of its source. */
export function loadOutputs(outDir: string): Outputs {
  if (!existsSync(outDir) || !statSync(outDir).isDirectory()) throw new EvalInputError(`${outDir}: no such output folder (run zhenggai run … --out ${outDir} first)`);
  const byName = new Map<string, Output[]>();
  const unreadable: Outputs['unreadable'] = [];
  const cleanFile = stageFile('clean');
  for (const entry of readdirSync(outDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(outDir, entry.name);
    const file = path.join(dir, FINAL_FILE);
    if (!existsSync(file)) continue;
    let doc: unknown;
    try {
      doc = readJson(file);
    } catch (error) {
      unreadable.push({ file, reason: `not JSON (${(error as Error).message})` });
      continue;
    }
    if (!doc || typeof doc !== 'object' || typeof (doc as { source?: unknown }).source !== 'string') {
      unreadable.push({ file, reason: 'no "source" naming the input it was made from' });
      continue;
    }
    let text = '';
    try {
      const clean = readJson(path.join(dir, cleanFile)) as { text?: unknown };
      if (typeof clean?.text === 'string') text = clean.text;
    } catch {
      // No cleaned text: the clean-text checks of this document fail, each listed as a miss.
    }
    const name = path.basename((doc as { source: string }).source);
    byName.set(name, [...(byName.get(name) ?? []), { dir, doc: doc as Record<string, unknown>, text }]);
  }
  return { byName, unreadable };
}

/**
 * The output a gold file annotates: the one whose source has the gold file's base name; when
 * two inputs share a name (corpus/a/x.txt, corpus/b/x.txt), the one whose source ends with
 * the gold's `file` path.
 */
export function outputFor(outputs: Outputs, goldFile: string): Output | undefined {
  const candidates = outputs.byName.get(path.basename(goldFile)) ?? [];
  if (candidates.length <= 1) return candidates[0];
  const suffix = goldFile.replace(/\\/g, '/');
  return candidates.find((o) => String(o.doc.source).replace(/\\/g, '/').endsWith(suffix)) ?? candidates[0];
}
