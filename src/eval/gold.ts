import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { distance } from '../cli-args.js';
import { Approx, DateMention, Kind, QualityFlag, Summary } from '../schema.js';

/**
 * One hand annotation of one document: gold/README.md describes each field. Every field but
 * `file` is optional, and a null or absent field is not scored, so an annotator writes only
 * what she checked. Every object is strict: a key the format does not have is refused, never
 * ignored, since a misspelt one (`totalProblem` for `totalProblems`) would silently score
 * nothing, and so is a value outside a closed list (`kind: "newz"`). Notes for people have their
 * own keys: `quirks` on the document, `note` on an item (gold/003_7004f69c1b986a66.json notes its dates).
 * The descriptions go to schemas/gold.schema.json, for an editor to show while annotating.
 */
const note = z.string().optional().describe('A note for people about this item; not scored.');

const Prefixed = z.strictObject({
  number: z.number().int().describe('The item’s number in reading order: 问题1 → 1.'),
  titleStartsWith: z.string().describe('The first characters of the item as the text has them: `乡镇债务包袱重` for 问题3:乡镇债务包袱重。'),
  hasRectification: z.boolean().optional().describe('true when the text gives this problem its own 整改情况.'),
  note,
});

const GoldDate = z.strictObject({
  text: z.string().describe('The surface, exactly: `2024年9月10日至11月19日`.'),
  start: z.string().nullable().optional().describe('First day, ISO, or a month (`2018-01`) or year (`2018`) that any date inside it matches; null with `end` null: no year can be known, so none may be invented.'),
  end: z.string().nullable().optional().describe('Last day, as `start`.'),
  kind: DateMention.shape.kind.optional().describe('The kind the date must have: `deadline` for 2025年底前.'),
  note,
});

const GoldNumber = z.strictObject({
  text: z.string().describe('The surface, exactly: `11.3万人次`.'),
  value: z.number().describe('Fully scaled: 11.3万人次 → 113000.'),
  unit: z.string().describe('After scaling: 11.3万人次 → `人次`, 217.69万元 → `元`.'),
  approx: z
    .union([z.boolean(), Approx])
    .optional()
    .describe('true: some approximation (近, 余, 约, 不足 …) must be read; or the one it must be: `nearly`, `over`, `about`, `under`.'),
  valueMax: z.number().optional().describe('A range’s upper bound: 8~10名 → 10.'),
  note,
});

const GoldDay = z.string().nullable().optional();

/** The totals gold may state: the output summary's own names, each a number (totalUnit its word), null not scored. */
const GoldSummary = z.strictObject(
  Object.fromEntries(
    Object.keys(Summary.shape).map((key) => [key, key === 'totalUnit' ? Summary.shape.totalUnit.unwrap().unwrap().nullable().optional() : z.number().nullable().optional()]),
  ) as Record<Exclude<keyof typeof Summary.shape, 'totalUnit'>, z.ZodOptional<z.ZodNullable<z.ZodNumber>>> & {
    totalUnit: z.ZodOptional<z.ZodNullable<typeof Summary.shape.totalUnit extends z.ZodDefault<z.ZodNullable<infer E>> ? E : never>>;
  },
);

export const Gold = z.strictObject({
  file: z.string().min(1).describe('The annotated file, relative to its corpus: `003_7004f69c1b986a66.txt`, `dev/d01.txt`; matched to the output whose `source` has its file name.'),
  kind: Kind.nullable().optional().describe('Expected kind: `formal-notice`, `summary-notice`, `news`, `other`.'),
  issuer: z.string().nullable().optional().describe('Expected meta.issuer: `中共汨罗市委`.'),
  documentDate: GoldDay.describe('Expected meta.documentDate, ISO, or a month or year.'),
  feedbackDate: GoldDay.describe('Expected meta.feedbackDate, ISO, or a month or year.'),
  inspectionPeriod: z.strictObject({ start: GoldDay, end: GoldDay }).nullable().optional().describe('Expected meta.inspectionPeriod: { start, end }.'),
  summary: GoldSummary.nullable().optional().describe('Expected totals by their names in the output’s summary (`totalProblems`, `completed` …); null fields are not scored; completionRate as 0.9871 or 98.71.'),
  problems: z.array(Prefixed).optional().describe('The numbered problems, in order.'),
  categories: z.array(Prefixed).optional().describe('The numbered categories, in order.'),
  dates: z.array(GoldDate).optional().describe('A sample of date mentions.'),
  numbers: z.array(GoldNumber).optional().describe('A sample of quantity mentions.'),
  notNumbers: z.array(z.string()).optional().describe('Slogans and codes that must not yield a quantity: `八项规定`, `博中医党发〔2024〕13号`.'),
  cleanContains: z.array(z.string()).optional().describe('Strings the cleaned text must contain: `下达责令限期整改决定书10余份` (a paragraph joined across a page break).'),
  cleanNotContains: z.array(z.string()).optional().describe('Strings the cleaned text must not contain: `ICP备`.'),
  qualityFlags: z.array(QualityFlag).optional().describe('Flags expected in quality.flags: `spun-text`.'),
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
    const parsed = Gold.safeParse(json, { reportInput: true });
    if (!parsed.success) {
      const keys = parsed.error.issues.some((i) => i.code === 'unrecognized_keys') ? ' (gold/README.md lists the keys)' : '';
      throw new EvalInputError(`${file}: ${parsed.error.issues.map(describeIssue).join('; ')}${keys}`);
    }
    return { path: file, gold: parsed.data };
  });
}

/** The schema under `path` in Gold (through lists, nulls and optional fields), for the keys valid there. */
function schemaAt(path: readonly PropertyKey[]): z.ZodType | undefined {
  let at: z.ZodType | undefined = Gold;
  const unwrap = (t: z.ZodType | undefined): z.ZodType | undefined => {
    while (t instanceof z.ZodOptional || t instanceof z.ZodNullable) t = t.unwrap() as z.ZodType;
    return t;
  };
  for (const key of path) {
    at = unwrap(at);
    if (at instanceof z.ZodArray) at = typeof key === 'number' ? (at.element as z.ZodType) : undefined;
    else if (at instanceof z.ZodObject) at = (at.shape as Record<string, z.ZodType>)[String(key)];
    else return undefined;
  }
  return unwrap(at);
}

/** The one of `valid` nearest to `name` by edit distance. */
function nearest(name: string, valid: readonly string[]): string | undefined {
  return [...valid].sort((a, b) => distance(name, a) - distance(name, b))[0];
}

/** `numbers[2].value`, `summary`: where an issue is, as a reader finds it in the file. */
const where = (path: readonly PropertyKey[]): string => path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');

/**
 * One zod issue in the annotator's words, naming the key and the closest valid one:
 * `unknown key "totalProblem" in summary; did you mean totalProblems?`,
 * `kind "newz" is not one of formal-notice, summary-notice, news, other; did you mean news?`.
 * A top-level key that is a summary total (`"totalProblems": 36` beside `file`) is pointed there.
 */
function describeIssue(issue: z.core.$ZodIssue): string {
  const at = where(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const schema = schemaAt(issue.path);
    const valid = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
    return issue.keys
      .map((key) => {
        const summaryKeys = issue.path.length === 0 ? Object.keys(Summary.shape) : [];
        const best = nearest(key, [...valid, ...summaryKeys]);
        const hint = best === undefined ? '' : summaryKeys.includes(best) && !valid.includes(best) ? `; did you mean summary.${best}?` : `; did you mean ${best}?`;
        return `unknown key "${key}"${at ? ` in ${at}` : ''}${hint}`;
      })
      .join('; ');
  }
  if (issue.code === 'invalid_value' && issue.values.every((v) => typeof v === 'string')) {
    const values = issue.values as string[];
    const got = issue.input;
    const best = typeof got === 'string' ? nearest(got, values) : undefined;
    return `${at} ${JSON.stringify(got)} is not one of ${values.join(', ')}${best ? `; did you mean ${best}?` : ''}`;
  }
  return `${at || 'the file'}: ${issue.message}`;
}
