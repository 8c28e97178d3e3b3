import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * One hand annotation of one document: gold/README.md describes each field. Every field but
 * `file` is optional, and a null or absent field is not scored, so an annotator writes only
 * what she checked. Unknown fields are kept (annotators add notes), never rejected.
 */
const Prefixed = z.looseObject({
  number: z.number().int(),
  /** The first characters of the item as the text has them: 乡镇债务包袱重 for 问题1:乡镇债务包袱重,化债压力大… */
  titleStartsWith: z.string(),
  /** True when the text gives this problem its own 整改情况. */
  hasRectification: z.boolean().optional(),
});

const GoldDate = z.looseObject({
  /** The surface, exactly: 2024年9月10日至11月19日. */
  text: z.string(),
  /** ISO date, or a month (2018-01) or year (2018) that any date inside it matches; null with `end` null: no year can be known. */
  start: z.string().nullable().optional(),
  end: z.string().nullable().optional(),
  kind: z.string().optional(),
});

const GoldNumber = z.looseObject({
  /** The surface, exactly: 11.3万人次. */
  text: z.string(),
  /** Fully scaled: 11.3万人次 → 113000. */
  value: z.number(),
  /** After scaling: 人次; 217.69万元 → 元. */
  unit: z.string(),
  /** true: some approximation (近, 余, 约, 不足 …) must be read; or the one it must be: nearly, over, about, under. */
  approx: z.union([z.boolean(), z.enum(['nearly', 'over', 'about', 'under'])]).optional(),
  valueMax: z.number().optional(),
});

export const Gold = z.looseObject({
  /** The annotated file, relative to the corpus it belongs to: 003_7004f69c1b986a66.txt, dev/d01.txt. */
  file: z.string().min(1),
  kind: z.string().nullable().optional(),
  issuer: z.string().nullable().optional(),
  documentDate: z.string().nullable().optional(),
  feedbackDate: z.string().nullable().optional(),
  inspectionPeriod: z.looseObject({ start: z.string().nullable().optional(), end: z.string().nullable().optional() }).nullable().optional(),
  /** Expected totals by the name `summary` has in the output; null fields are not scored. */
  summary: z.record(z.string(), z.number().nullable()).nullable().optional(),
  problems: z.array(Prefixed).optional(),
  categories: z.array(Prefixed).optional(),
  dates: z.array(GoldDate).optional(),
  numbers: z.array(GoldNumber).optional(),
  /** Slogans and codes that must not yield a quantity: 八项规定, 博中医党发〔2024〕13号. */
  notNumbers: z.array(z.string()).optional(),
  cleanContains: z.array(z.string()).optional(),
  cleanNotContains: z.array(z.string()).optional(),
  qualityFlags: z.array(z.string()).optional(),
  /** What makes the document hard, for people; not scored. */
  quirks: z.array(z.string()).optional(),
});
export type Gold = z.infer<typeof Gold>;

/** Bad input to `zhenggai eval`: the message names the file and the reason. */
export class EvalInputError extends Error {}

/**
 * The gold files of one folder: its own `*.json`, not its subfolders (gold/ holds the seeds'
 * annotations, gold/dev/ the dev set's), sorted by name. A file that is not JSON or not in the
 * format is an error naming it, never skipped.
 */
export function loadGold(dir: string): { path: string; gold: Gold }[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new EvalInputError(`${dir}: no such folder of gold annotations`);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new EvalInputError(`${dir}: no gold annotations (*.json) in this folder`);
  return files.map((f) => {
    const file = path.join(dir, f);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new EvalInputError(`${file}: not JSON (${(error as Error).message})`);
    }
    const parsed = Gold.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new EvalInputError(`${file}: ${issue.path.join('.') || 'the file'}: ${issue.message}`);
    }
    return { path: file, gold: parsed.data };
  });
}
