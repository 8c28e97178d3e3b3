import type { Gold } from './gold.js';
import { type Output, type Outputs, outputFor } from './outputs.js';

/**
 * The metrics of gold/README.md, in the order eval prints them. Each `count` metric is a number
 * of gold checks and how many the output passes; each `items` metric scores numbered items
 * (problems, categories) by precision, recall and F1.
 */
export const METRICS = [
  { id: 'documents', label: 'documents processed', type: 'count' },
  { id: 'kind', label: 'document kind', type: 'count' },
  { id: 'meta', label: 'meta fields', type: 'count' },
  { id: 'summary', label: 'summary totals', type: 'count' },
  { id: 'problems', label: 'problem items', type: 'items' },
  { id: 'rectification', label: 'rectification attached', type: 'count' },
  { id: 'categories', label: 'categories', type: 'items' },
  { id: 'dates', label: 'dates normalized', type: 'count' },
  { id: 'numbers', label: 'numbers normalized', type: 'count' },
  { id: 'notNumbers', label: 'slogans not taken as quantities', type: 'count' },
  { id: 'clean', label: 'clean text', type: 'count' },
  { id: 'qualityFlags', label: 'quality flags', type: 'count' },
] as const;
export type MetricId = (typeof METRICS)[number]['id'];

/** One gold check the output failed, or one numbered item the output has and gold does not. */
export interface Miss {
  metric: MetricId;
  /** The gold file's `file`: dev/d01.txt. */
  file: string;
  message: string;
}

export interface MetricResult {
  id: MetricId;
  label: string;
  /** Checks passed (for items: items found, the true positives). */
  ok: number;
  /** Checks made (for items: gold items). */
  n: number;
  /** ok / n; for items, F1. 1 when nothing was checked. */
  rate: number;
  /** False when the gold has nothing to check for this metric: shown, but not in the score. */
  scored: boolean;
  /** Items only: the output's items that match no gold item, precision and recall. */
  extra?: number;
  precision?: number;
  recall?: number;
}

export interface Evaluation {
  metrics: MetricResult[];
  /** The mean rate of the scored metrics, 0..1. */
  score: number;
  documents: number;
  misses: Miss[];
}

/**
 * Folds away what cleaning may legitimately change: compatibility forms (NFKC: full-width
 * ，：（）～ become ,:()~), every space and line break, and the CJK punctuation NFKC keeps
 * (“”‘’ — 。 、 become " ' - . ,).
 */
const PUNCTUATION: Record<string, string> = { '“': '"', '”': '"', '‘': "'", '’': "'", '—': '-', '。': '.', '、': ',', '，': ',', '：': ':', '；': ';', '（': '(', '）': ')', '～': '~', '－': '-' };
export const fold = (s: unknown): string =>
  String(s ?? '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[“”‘’—。、，：；（）～－]/g, (c) => PUNCTUATION[c]!);

/** The same fold keeping line breaks: a paragraph broken mid-word (下/达) must be joined by clean. */
const LINE = '\uE000';
const foldKeepingLines = (s: string): string => fold(s.replace(/\r?\n/g, LINE)).replaceAll(LINE, '\n');

/**
 * A date matches gold when gold does not give it (null or absent), when the first ten
 * characters agree (2024-09-19), or when gold gives a month or a year (2018-01, 2018) and the
 * date falls in it.
 */
const sameDate = (got: unknown, want: string | null | undefined): boolean => {
  if (want == null) return true;
  if (got == null) return false;
  const g = String(got);
  return g.slice(0, 10) === want.slice(0, 10) || (want.length < 10 && g.startsWith(want));
};

/** Units match when folded equal or one contains the other: 个月 and 月, 大类 and 类. A wrong scale shows in the value. */
const sameUnit = (got: unknown, want: string): boolean => {
  const g = fold(got);
  const w = fold(want);
  return g === w || (g !== '' && w !== '' && (g.includes(w) || w.includes(g)));
};

/** The share of `prefix`'s characters found among `head`'s, for items whose first characters are garbled (spun text). */
const sharedShare = (prefix: string, head: string): number => {
  const chars = [...fold(prefix)];
  if (chars.length === 0) return 0;
  const seen = new Set(fold(head));
  return chars.filter((c) => seen.has(c)).length / chars.length;
};

/**
 * An output item is the gold item when their numbers are equal and its text starts with
 * `titleStartsWith` (folded), or when at least 60% of `titleStartsWith`'s characters are
 * among its first 12.
 */
const isItem = (item: Record<string, unknown>, number: number, prefix: string): boolean => {
  if (item.number !== number) return false;
  const title = (item.title ?? item.text) as unknown;
  return fold(title).startsWith(fold(prefix)) || sharedShare(prefix, String(title ?? '').slice(0, 12)) >= 0.6;
};

const list = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value : []);
const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});
/** A summary value, or the `value` of one given as an object. */
const amount = (value: unknown): unknown => (value && typeof value === 'object' && typeof (value as { value?: unknown }).value === 'number' ? (value as { value: number }).value : value);
const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value ?? null));

class Tally {
  counts = new Map<MetricId, { ok: number; n: number }>();
  items = new Map<MetricId, { found: number; extra: number; missed: number }>();
  misses: Miss[] = [];

  check(metric: MetricId, file: string, ok: boolean, message: () => string): void {
    const count = this.counts.get(metric) ?? { ok: 0, n: 0 };
    count.n++;
    if (ok) count.ok++;
    else this.misses.push({ metric, file, message: message() });
    this.counts.set(metric, count);
  }

  miss(metric: MetricId, file: string, message: string): void {
    this.misses.push({ metric, file, message });
  }
}

/** Scores one document's output against its gold annotation. */
function scoreDocument(tally: Tally, gold: Gold, output: Output | undefined): void {
  const file = gold.file;
  tally.check('documents', file, output !== undefined, () => 'no output document (no readable 5-validate.json whose source has this file name)');
  const doc = output?.doc ?? {};

  if (gold.kind) tally.check('kind', file, doc.kind === gold.kind, () => `kind ${show(doc.kind)}, want ${gold.kind}`);

  const meta = record(doc.meta);
  if (gold.issuer) tally.check('meta', file, fold(meta.issuer) === fold(gold.issuer), () => `issuer ${show(meta.issuer)}, want ${gold.issuer}`);
  for (const key of ['documentDate', 'feedbackDate'] as const) {
    const want = gold[key];
    if (want) tally.check('meta', file, sameDate(meta[key], want), () => `${key} ${show(meta[key])}, want ${want}`);
  }
  if (gold.inspectionPeriod) {
    const period = record(meta.inspectionPeriod);
    const want = gold.inspectionPeriod;
    tally.check('meta', file, sameDate(period.start, want.start) && sameDate(period.end, want.end), () => `inspectionPeriod ${show(meta.inspectionPeriod)}, want ${want.start ?? ''}..${want.end ?? ''}`);
  }

  // 整改完成率98.71%: gold may write the rate as 0.9871 or 98.71; the output holds 0.9871.
  const summary = record(doc.summary);
  for (const [key, want] of Object.entries(gold.summary ?? {})) {
    if (want == null) continue;
    const got = amount(summary[key]);
    const ok = key === 'completionRate' && typeof want === 'number' ? typeof got === 'number' && Math.abs(got - (want > 1 ? want / 100 : want)) < 1e-4 : got === want;
    tally.check('summary', file, ok, () => `summary.${key} ${show(summary[key])}, want ${want}`);
  }

  for (const metric of ['problems', 'categories'] as const) {
    const wanted = gold[metric];
    if (!wanted) continue;
    const items = list(doc[metric]);
    const used = new Set<number>();
    for (const want of wanted) {
      const at = items.findIndex((item, i) => !used.has(i) && isItem(item, want.number, want.titleStartsWith));
      if (at < 0) {
        tally.miss(metric, file, `${metric} ${want.number} "${want.titleStartsWith}" not found`);
        continue;
      }
      used.add(at);
      if (want.hasRectification) {
        const rectification = items[at]!.rectification;
        tally.check('rectification', file, typeof rectification === 'string' ? rectification.length > 0 : !!rectification, () => `${metric} ${want.number} has no rectification`);
      }
    }
    const extras = items.filter((_, i) => !used.has(i));
    const counts = tally.items.get(metric) ?? { found: 0, extra: 0, missed: 0 };
    counts.found += used.size;
    counts.extra += extras.length;
    counts.missed += wanted.length - used.size;
    tally.items.set(metric, counts);
    if (extras.length > 0) {
      const named = extras.map((item) => `${show(item.number)} "${String(item.title ?? item.text ?? '').slice(0, 8)}"`).join(', ');
      tally.miss(metric, file, `${extras.length} extra ${metric}: ${named}`);
    }
  }

  // A mention is the gold one when one folded surface contains the other (a date found as
  // 截至2024年9月底 for gold 2024年9月底, a number 10余份 for gold 10余份).
  const dates = list(doc.dates);
  for (const want of gold.dates ?? []) {
    const text = fold(want.text);
    const candidates = dates.filter((d) => fold(d.text).includes(text) || (fold(d.text).length >= 4 && text.includes(fold(d.text))));
    // start and end both null in gold: no year can be known (今年1月6日 in a page without a date), so none may be invented.
    const unknowable = want.start === null && want.end === null;
    const ok = candidates.some((d) => (unknowable ? d.start == null && d.end == null : sameDate(d.start, want.start) && sameDate(d.end, want.end) && (!want.kind || d.kind === want.kind)));
    tally.check('dates', file, ok, () => `date "${want.text}" read as ${show(candidates.map((d) => [d.text, d.start, d.end, d.kind]))}, want ${want.start ?? ''}..${want.end ?? ''}${want.kind ? ` ${want.kind}` : ''}`);
  }

  const numbers = list(doc.numbers);
  for (const want of gold.numbers ?? []) {
    const text = fold(want.text);
    const candidates = numbers.filter((n) => {
      const got = fold(n.text);
      return got.includes(text) || (got.length >= 2 && text.includes(got));
    });
    const ok = candidates.some(
      (n) =>
        typeof n.value === 'number' &&
        Math.abs(n.value - want.value) <= 1e-9 * Math.max(1, Math.abs(want.value)) &&
        sameUnit(n.unit, want.unit) &&
        (typeof want.approx === 'string' ? n.approx === want.approx : !want.approx || !!n.approx) &&
        (want.valueMax == null || n.valueMax === want.valueMax),
    );
    const approx = typeof want.approx === 'string' ? ` ${want.approx}` : want.approx ? ' approx' : '';
    tally.check('numbers', file, ok, () => `number "${want.text}" read as ${show(candidates.map((n) => [n.text, n.value, n.unit, n.approx ?? null]))}, want ${want.value}${want.valueMax != null ? `~${want.valueMax}` : ''} ${want.unit}${approx}`);
  }
  for (const slogan of gold.notNumbers ?? []) {
    const taken = numbers.filter((n) => n.text && fold(slogan).includes(fold(n.text)));
    tally.check('notNumbers', file, output !== undefined && taken.length === 0, () => `"${slogan}" taken as ${output ? show(taken.map((n) => n.text)) : 'unknown: no output'}`);
  }

  const cleaned = foldKeepingLines(output?.text ?? '');
  for (const s of gold.cleanContains ?? []) tally.check('clean', file, cleaned.includes(fold(s)), () => `clean text lacks "${s}"`);
  for (const s of gold.cleanNotContains ?? []) tally.check('clean', file, output !== undefined && !cleaned.includes(fold(s)), () => `clean text still has "${s}"`);

  const flags = list(record(doc.quality).flags as unknown);
  for (const flag of gold.qualityFlags ?? []) tally.check('qualityFlags', file, (flags as unknown[]).includes(flag), () => `quality flag ${flag} missing`);
}

/** The fewest gold items for which a numbered-item metric counts in the score (as ../shared/tools/score.mjs). */
export const MIN_ITEMS = 5;

/** Scores the outputs against the gold files, in the order given. */
export function evaluate(golds: Gold[], outputs: Outputs): Evaluation {
  const tally = new Tally();
  for (const gold of golds) scoreDocument(tally, gold, outputFor(outputs, gold.file));
  const metrics = METRICS.flatMap(({ id, label, type }): MetricResult[] => {
    if (type === 'count') {
      const c = tally.counts.get(id);
      return c ? [{ id, label, ok: c.ok, n: c.n, rate: c.n ? c.ok / c.n : 1, scored: c.n > 0 }] : [];
    }
    const c = tally.items.get(id);
    if (!c) return [];
    // F1 = 2·found / (2·found + extra + missed), shown as found of the gold items.
    const all = c.found + c.extra + c.missed;
    const n = c.found + c.missed;
    return [
      {
        id,
        label: `${label} F1`,
        ok: c.found,
        n,
        rate: all ? (2 * c.found) / (2 * c.found + c.extra + c.missed) : 1,
        // With fewer than MIN_ITEMS gold items (none, or a stray one) a metric says little about
        // recall and would weigh as much as one of hundreds: shown, its misses listed, not scored.
        scored: n >= MIN_ITEMS,
        extra: c.extra,
        precision: c.found + c.extra ? c.found / (c.found + c.extra) : 1,
        recall: n ? c.found / n : 1,
      },
    ];
  });
  const scored = metrics.filter((m) => m.scored);
  const score = scored.length ? scored.reduce((sum, m) => sum + m.rate, 0) / scored.length : 0;
  return { metrics, score, documents: golds.length, misses: tally.misses };
}
