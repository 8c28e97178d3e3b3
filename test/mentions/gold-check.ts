// The matching of ../shared/tools/score.mjs for numbers and dates, reused by the gold test.
import fs from 'node:fs';
import path from 'node:path';
import { findNumbers } from '../../src/mentions/numbers.js';
import { findDates } from '../../src/mentions/dates.js';

import { fileURLToPath } from 'node:url';

/** The shared corpus and gold annotations, beside the checkout (`../shared`). */
const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const CORPUS = path.join(SHARED, 'corpus');
export const GOLD = path.join(SHARED, 'gold');

const PUNCT: Record<string, string> = { '，': ',', '：': ':', '；': ';', '（': '(', '）': ')', '“': '"', '”': '"', '‘': "'", '’': "'", '～': '~', '－': '-', '—': '-', '。': '.', '、': ',' };
export const fold = (s: unknown) => String(s ?? '').normalize('NFKC').replace(/\s+/g, '').replace(/[，：；（）“”‘’～－—。、]/g, (c) => PUNCT[c] ?? c);
const sameUnit = (a: string, b: string) => { const x = fold(a), y = fold(b); return x === y || (!!x && !!y && (x.includes(y) || y.includes(x))); };
const sameDate = (a: string | null, b: string | null | undefined) => b == null || (a != null && a.slice(0, 10) === b.slice(0, 10));

export interface GoldDoc {
  file: string; documentDate?: string | null; qualityFlags?: string[];
  dates?: { text: string; start?: string | null; end?: string | null; kind?: string }[];
  numbers?: { text: string; value: number; unit: string; approx?: unknown; valueMax?: number }[];
  notNumbers?: string[];
}

export function goldFiles(): string[] {
  const list = (d: string) => (fs.existsSync(d) ? fs.readdirSync(d).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(d, f)) : []);
  return [...list(GOLD), ...list(path.join(GOLD, 'dev'))];
}

export interface GoldResult { file: string; flags: string[]; numbers: { ok: number; n: number }; dates: { ok: number; n: number }; slogans: { ok: number; n: number }; fails: string[] }

export function checkGold(gf: string): GoldResult {
  const gold = JSON.parse(fs.readFileSync(gf, 'utf8')) as GoldDoc;
  const text = fs.readFileSync(path.join(CORPUS, gold.file), 'utf8');
  const { dates } = findDates(text, { documentDate: gold.documentDate ?? null });
  const numbers = findNumbers(text, { exclude: dates.map((d) => d.span) });
  const r: GoldResult = { file: gold.file, flags: gold.qualityFlags ?? [], numbers: { ok: 0, n: 0 }, dates: { ok: 0, n: 0 }, slogans: { ok: 0, n: 0 }, fails: [] };
  for (const g of gold.dates ?? []) {
    const cands = dates.filter((d) => fold(d.text).includes(fold(g.text)) || (fold(d.text).length >= 4 && fold(g.text).includes(fold(d.text))));
    const unknown = 'start' in g && g.start === null && g.end === null;
    const ok = cands.some((d) => unknown ? d.start == null && d.end == null : sameDate(d.start, g.start) && sameDate(d.end, g.end) && (!g.kind || d.kind === g.kind));
    r.dates.n++; if (ok) r.dates.ok++;
    else r.fails.push(`date "${g.text}" -> ${JSON.stringify(cands.map((d) => [d.text, d.start, d.end, d.kind]))}, want ${g.start ?? ''}..${g.end ?? ''}${g.kind ? ' ' + g.kind : ''}`);
  }
  for (const g of gold.numbers ?? []) {
    const cands = numbers.filter((n) => fold(n.text) === fold(g.text) || fold(n.text).includes(fold(g.text)) || (fold(g.text).includes(fold(n.text)) && fold(n.text).length >= 2));
    const ok = cands.some((n) => Math.abs(n.value - g.value) <= 1e-9 * Math.max(1, Math.abs(g.value)) && sameUnit(n.unit, g.unit) && (!g.approx || !!n.approx) && (g.valueMax == null || n.valueMax === g.valueMax));
    r.numbers.n++; if (ok) r.numbers.ok++;
    else r.fails.push(`number "${g.text}" -> ${JSON.stringify(cands.map((n) => [n.text, n.value, n.unit, n.approx]))}, want ${g.value} ${g.unit}`);
  }
  for (const s of gold.notNumbers ?? []) {
    const bad = numbers.filter((n) => n.text && fold(s).includes(fold(n.text)));
    r.slogans.n++; if (bad.length === 0) r.slogans.ok++;
    else r.fails.push(`slogan "${s}" extracted as ${JSON.stringify(bad.map((n) => n.text))}`);
  }
  return r;
}
