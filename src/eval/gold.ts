import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * One hand annotation of one document: gold/README.md describes each field. Every field but
 * `file` is optional, and a null or absent field is not scored, so an annotator writes only
 * what she checked. Unknown fields are kept (annotators add notes), never rejected. The
 * descriptions go to schemas/gold.schema.json, for an editor to show while annotating.
 */
const Prefixed = z.looseObject({
  number: z.number().int().describe('The item’s number in reading order: 问题1 → 1.'),
  titleStartsWith: z.string().describe('The first characters of the item as the text has them: `乡镇债务包袱重` for 问题3:乡镇债务包袱重。'),
  hasRectification: z.boolean().optional().describe('true when the text gives this problem its own 整改情况.'),
});

const GoldDate = z.looseObject({
  text: z.string().describe('The surface, exactly: `2024年9月10日至11月19日`.'),
  start: z.string().nullable().optional().describe('First day, ISO, or a month (`2018-01`) or year (`2018`) that any date inside it matches; null with `end` null: no year can be known, so none may be invented.'),
  end: z.string().nullable().optional().describe('Last day, as `start`.'),
  kind: z.string().optional().describe('The kind the date must have: `deadline` for 2025年底前.'),
});

const GoldNumber = z.looseObject({
  text: z.string().describe('The surface, exactly: `11.3万人次`.'),
  value: z.number().describe('Fully scaled: 11.3万人次 → 113000.'),
  unit: z.string().describe('After scaling: 11.3万人次 → `人次`, 217.69万元 → `元`.'),
  approx: z
    .union([z.boolean(), z.enum(['nearly', 'over', 'about', 'under'])])
    .optional()
    .describe('true: some approximation (近, 余, 约, 不足 …) must be read; or the one it must be: `nearly`, `over`, `about`, `under`.'),
  valueMax: z.number().optional().describe('A range’s upper bound: 8~10名 → 10.'),
});

const GoldDay = z.string().nullable().optional();

export const Gold = z.looseObject({
  file: z.string().min(1).describe('The annotated file, relative to its corpus: `003_7004f69c1b986a66.txt`, `dev/d01.txt`; matched to the output whose `source` has its file name.'),
  kind: z.string().nullable().optional().describe('Expected kind: `formal-notice`, `summary-notice`, `news`, `other`.'),
  issuer: z.string().nullable().optional().describe('Expected meta.issuer: `中共汨罗市委`.'),
  documentDate: GoldDay.describe('Expected meta.documentDate, ISO, or a month or year.'),
  feedbackDate: GoldDay.describe('Expected meta.feedbackDate, ISO, or a month or year.'),
  inspectionPeriod: z.looseObject({ start: GoldDay, end: GoldDay }).nullable().optional().describe('Expected meta.inspectionPeriod: { start, end }.'),
  summary: z.record(z.string(), z.number().nullable()).nullable().optional().describe('Expected totals by their names in the output’s summary; null fields are not scored; completionRate as 0.9871 or 98.71.'),
  problems: z.array(Prefixed).optional().describe('The numbered problems, in order.'),
  categories: z.array(Prefixed).optional().describe('The numbered categories, in order.'),
  dates: z.array(GoldDate).optional().describe('A sample of date mentions.'),
  numbers: z.array(GoldNumber).optional().describe('A sample of quantity mentions.'),
  notNumbers: z.array(z.string()).optional().describe('Slogans and codes that must not yield a quantity: `八项规定`, `博中医党发〔2024〕13号`.'),
  cleanContains: z.array(z.string()).optional().describe('Strings the cleaned text must contain: `下达责令限期整改决定书10余份` (a paragraph joined across a page break).'),
  cleanNotContains: z.array(z.string()).optional().describe('Strings the cleaned text must not contain: `ICP备`.'),
  qualityFlags: z.array(z.string()).optional().describe('Flags expected in quality.flags: `spun-text`.'),
  quirks: z.array(z.string()).optional().describe('What makes the document hard, for people; not scored.'),
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
