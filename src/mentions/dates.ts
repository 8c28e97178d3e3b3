/**
 * Date mentions: full dates in every spelling, ranges, parts of periods, relative and yearless
 * dates with their year inferred, deadlines (…前) and starting points (…以来).
 *
 * Conventions (see README-section.md):
 * - `start`/`end` are the first and last day covered, ISO; a month covers its whole month
 *   (2024年8月 → 2024-08-01..2024-08-31), 上旬 days 1–10, 中旬 11–20, 下旬 21–end.
 * - kind `deadline` (2025年底前) has only `end`; kind `since` (2019年以来) has only `start`.
 * - A year never comes from the clock. When no year can be known, start and end are null and a
 *   message `extract/year-unknown` says so.
 */
import type { DateMention, Message } from '../schema.js';
import { charSet, isDigit, matchView } from './char-view.js';
import { CHINESE_DIGITS, YEAR_DIGITS } from './numerals.js';
import { RANGE_SEPARATOR_STARTS, rangeSeparatorPattern } from '../vocab/range-separators.js';

export interface DateContext { documentDate: string | null }

/** Words before a date that make it a cut-off point: 截至8月20日. Kept in the span. */
export const POINT_PREFIXES: readonly { word: string; example: string }[] = [
  { word: '截止到', example: '截止到2023年12月31日' },
  { word: '截至', example: '截至8月20日,巡视反馈的36个具体问题' },
  { word: '截止', example: '截止2023年底' },
];

/** Words after a date that change its kind. */
export const KIND_SUFFIXES: readonly { word: string; kind: DateMention['kind']; example: string }[] = [
  { word: '之前', kind: 'deadline', example: '11月底之前完成' },
  { word: '以前', kind: 'deadline', example: '2024年6月以前' },
  { word: '前', kind: 'deadline', example: '计划2025年底前实现市场化转型' },
  { word: '以来', kind: 'since', example: '2019年以来' },
  { word: '以后', kind: 'since', example: '2024年以后,该区纪委…' },
];

/** Relative years, as an offset from the notice's own year. */
export const RELATIVE_YEARS: Readonly<Record<string, { offset: number; example: string }>> = {
  '今年': { offset: 0, example: '截至今年5月底' },
  '本年': { offset: 0, example: '本年度' },
  '去年': { offset: -1, example: '去年8月' },
  '上年': { offset: -1, example: '上年度' },
  '前年': { offset: -2, example: '前年' },
  '明年': { offset: 1, example: '明年6月底前' },
};

/** Relative months, as an offset from the notice's own month. */
export const RELATIVE_MONTHS: Readonly<Record<string, { offset: number; example: string }>> = {
  '本月': { offset: 0, example: '本月底前' },
  '上月': { offset: -1, example: '上月召开' },
  '下月': { offset: 1, example: '下月完成' },
};

type Part =
  | { type: 'half'; half: 1 | 2 }
  | { type: 'quarter'; from: number; to: number }
  | { type: 'season'; season: '春' | '夏' | '秋' | '冬' }
  | { type: 'year-part'; part: '初' | '底' | '末' }
  | { type: 'month-part'; from: number; to: number | 'end' };

/** Parts of a year, each with the months it covers. */
export const YEAR_PARTS: Readonly<Record<string, { part: Part; example: string }>> = {
  '上半年': { part: { type: 'half', half: 1 }, example: '2023年上半年 → 01-01..06-30' },
  '下半年': { part: { type: 'half', half: 2 }, example: '2023 年下半年 → 07-01..12-31' },
  '前三季度': { part: { type: 'quarter', from: 1, to: 3 }, example: '2024年前三季度 → 01-01..09-30' },
  '春季': { part: { type: 'season', season: '春' }, example: '2024年春季 → 03-01..05-31' },
  '夏季': { part: { type: 'season', season: '夏' }, example: '夏季 → 06-01..08-31' },
  '秋季': { part: { type: 'season', season: '秋' }, example: '秋季 → 09-01..11-30' },
  '冬季': { part: { type: 'season', season: '冬' }, example: '冬季 → 12-01..次年02月底' },
  '初': { part: { type: 'year-part', part: '初' }, example: '2024年初 → 01-01..01-31' },
  '底': { part: { type: 'year-part', part: '底' }, example: '2025年底前 → ..2025-12-31' },
  '末': { part: { type: 'year-part', part: '末' }, example: '2023年末 → 12-01..12-31' },
};

/** Parts of a month, as day ranges. */
export const MONTH_PARTS: Readonly<Record<string, { from: number; to: number | 'end'; example: string }>> = {
  '上旬': { from: 1, to: 10, example: '2022年4月上旬 → 04-01..04-10' },
  '中旬': { from: 11, to: 20, example: '2022年10月中旬 → 10-11..10-20' },
  '下旬': { from: 21, to: 'end', example: '9月下旬 → 09-21..09-30' },
  '初': { from: 1, to: 10, example: '8月初 → 08-01..08-10' },
  '底': { from: 21, to: 'end', example: '2019年10月底 → ..10-31' },
  '末': { from: 21, to: 'end', example: '11月末 → 11-21..11-30' },
};

// 二十六 → 26, 十二 → 12, 三 → 3 (months and days only).
function smallNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '') return null;
  const i = s.indexOf('十');
  if (i < 0) return s.length === 1 ? (CHINESE_DIGITS[s] ?? null) : null;
  const tens = i === 0 ? 1 : CHINESE_DIGITS[s.slice(0, i)] ?? null;
  const ones = i === s.length - 1 ? 0 : CHINESE_DIGITS[s.slice(i + 1)] ?? null;
  return tens === null || ones === null ? null : tens * 10 + ones;
}

interface Atom {
  y: number | null; m: number | null; d: number | null;
  m2?: number;                 // 2024年1至8月: the last month of a month range inside one atom
  part: Part | null;
  rel: { year?: number; month?: number } | null;
  start: number; end: number;
  repaired?: boolean;
}

const S = (src: string) => new RegExp(src, 'y');
// Between two dates every separator (2023年9月7日至11月10日, 2024年1月--11月); inside a month range (4至6月) the one-character ones.
const SEP = rangeSeparatorPattern();
const MONTH_SEP = rangeSeparatorPattern({ betweenDates: false });
const CN_MONTH = '十[一二]?|[一二三四五六七八九]';
const CN_DAY = '三十[一]?|二?十[一二三四五六七八九]?|[一二三四五六七八九]';
const RE = {
  iso: S('((?:19|20)\\d\\d)([-./])(\\d{1,2})\\2(\\d{1,2})(?![\\d.])'),
  spaced: S('((?:19|20)\\d\\d) (\\d{1,2})/(\\d{1,2})(?!\\d)'),
  garbled: S('((?:19|20)\\d\\d)(\\d{2,4})日'),
  year: S(`((?:19|20)\\d\\d|[${YEAR_DIGITS}]{4}) ?年(度)?`),
  bareYear: S(`((?:19|20)\\d\\d)(?= ?(?:${SEP}) ?(?:19|20)\\d\\d ?年)`),
  relYear: S(Object.keys(RELATIVE_YEARS).join('|')),
  relMonth: S(Object.keys(RELATIVE_MONTHS).join('|')),
  yearPart: S(`年?(?:[初底末](?![步期]))|第?([一二三四1-4])季度|${Object.keys(YEAR_PARTS).filter((k) => k.length > 1).join('|')}|[初底末](?![步期])`),
  monthRange: S(` ?(\\d{1,2})(?:${MONTH_SEP}) ?(\\d{1,2}) ?月(?:份)?`),
  month: S(' ?(\\d{1,2}) ?月(?:份)?'),
  cnMonth: S(`(${CN_MONTH})月(?=(?:${CN_DAY})[日号])`),
  day: S(' ?(\\d{1,4}) ?[日号]'),
  cnDay: S(`(${CN_DAY})[日号]`),
  monthPart: S('上旬|中旬|下旬|初(?![步期])|底|末'),
  sep: S(` ?(?:${SEP}) ?`),
};

function exec(re: RegExp, v: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(v);
}

const validMD = (m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= daysIn(2000, m);

// 42 → 4月2日, 919 → 9月19日, 1231 → 12月31日: 年 and 月 lost in copying.
function splitMonthDay(digits: string): { m: number; d: number } | null {
  const readings: { m: number; d: number }[] = [];
  for (let k = 1; k <= 2 && k < digits.length; k++) {
    const m = Number(digits.slice(0, k)), d = Number(digits.slice(k));
    if (digits[k] !== '0' || digits.length - k === 2) if (validMD(m, d) && String(d).length >= digits.length - k - (digits[k] === '0' ? 1 : 0)) readings.push({ m, d });
  }
  return readings.length === 1 ? readings[0]! : null;
}

// Month, and then a day or a part of the month, from i: 9月7日, 4月上旬, 11月底, 十二月三日.
function readMonthTail(v: string, i: number, atom: Atom): boolean {
  let mm = exec(RE.month, v, i);
  let m: number | null = null;
  let j = i;
  if (mm) { m = Number(mm[1]); j = i + mm[0].length; }
  else if ((mm = exec(RE.cnMonth, v, i))) { m = smallNumber(mm[1]!); j = i + mm[0].length; }
  if (m === null || m < 1 || m > 12) return false;
  atom.m = m; atom.end = j;
  let dm = exec(RE.day, v, j);
  if (dm && dm[1]!.length <= 2) { atom.d = Number(dm[1]); atom.end = j + dm[0].length; return true; }
  if ((dm = exec(RE.cnDay, v, j))) { atom.d = smallNumber(dm[1]!); atom.end = j + dm[0].length; return true; }
  const pm = exec(RE.monthPart, v, j);
  if (pm) { const p = MONTH_PARTS[pm[0]]!; atom.part = { type: 'month-part', from: p.from, to: p.to }; atom.end = j + pm[0].length; }
  return true;
}

function blankAtom(i: number): Atom { return { y: null, m: null, d: null, part: null, rel: null, start: i, end: i }; }

// One date without range: 2023年9月7日, 2023-05-04, 2021 10/23, 2024年第三季度, 今年5月底, 9月7日, 20日 (when `inRange`).
function readAtom(v: string, i: number, inRange: boolean): Atom | null {
  const a = blankAtom(i);
  let m: RegExpExecArray | null;
  if ((m = exec(RE.iso, v, i)) || (m = exec(RE.spaced, v, i))) {
    const g = m.length === 5 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
    a.y = Number(g[0]); a.m = Number(g[1]); a.d = Number(g[2]); a.end = i + m[0].length;
    return validMD(a.m, a.d) ? a : null;
  }
  if ((m = exec(RE.garbled, v, i))) {
    const md = splitMonthDay(m[2]!);
    if (md) { a.y = Number(m[1]); a.m = md.m; a.d = md.d; a.end = i + m[0].length; a.repaired = true; return a; }
  }
  if ((m = exec(RE.year, v, i))) {
    const ys = m[1]!;
    a.y = /^\d/.test(ys) ? Number(ys) : Number([...ys].map((c) => CHINESE_DIGITS[c]).join(''));
    a.end = i + m[0].length;
    if (m[2]) return a; // 2021年度
  } else if ((m = exec(RE.relYear, v, i))) {
    a.rel = { year: RELATIVE_YEARS[m[0]]!.offset };
    a.end = i + m[0].length;
  } else if ((m = exec(RE.relMonth, v, i))) {
    a.rel = { month: RELATIVE_MONTHS[m[0]]!.offset };
    a.end = i + m[0].length;
    const pm = exec(RE.monthPart, v, a.end);
    if (pm) { const p = MONTH_PARTS[pm[0]]!; a.part = { type: 'month-part', from: p.from, to: p.to }; a.end += pm[0].length; }
    return a;
  }
  if (a.y !== null || a.rel) {
    const j = a.end;
    // 2024年1至8月 → 2024-01-01..2024-08-31
    const mr = exec(RE.monthRange, v, j);
    if (mr) {
      const m1 = Number(mr[1]), m2 = Number(mr[2]);
      if (m1 >= 1 && m2 <= 12 && m1 < m2) { a.m = m1; a.m2 = m2; a.end = j + mr[0].length; return a; }
    }
    const yp = exec(RE.yearPart, v, j);
    if (yp) {
      if (yp[1]) { const q = smallNumber(yp[1]) ?? Number(yp[1]); a.part = { type: 'quarter', from: q, to: q }; }
      else a.part = YEAR_PARTS[yp[0].replace(/^年(?=[初底末])/, '')]?.part ?? null;
      a.end = j + yp[0].length;
      return a;
    }
    readMonthTail(v, j, a);
    return a;
  }
  // 4至6月 (no year)
  const mr = exec(RE.monthRange, v, i);
  if (mr && v[i] !== ' ') {
    const m1 = Number(mr[1]), m2 = Number(mr[2]);
    if (m1 >= 1 && m2 <= 12 && m1 < m2) { a.m = m1; a.m2 = m2; a.end = i + mr[0].length; return a; }
  }
  if (readMonthTail(v, i, a)) return a;
  // 13日 after a range separator (10月10日—13日), 20日 alone; 914日 with its 月 lost.
  const dm = exec(RE.day, v, i);
  if (dm && v[i] !== ' ') {
    const digits = dm[1]!;
    if (digits.length <= 2) {
      const d = Number(digits);
      if (d >= 1 && d <= 31 && (inRange || v[i + dm[0].length - 1] === '日')) { a.d = d; a.end = i + dm[0].length; return a; }
      return null;
    }
    const md = splitMonthDay(digits);
    if (md && v[i + dm[0].length - 1] === '日') { a.m = md.m; a.d = md.d; a.end = i + dm[0].length; a.repaired = true; return a; }
  }
  return null;
}

interface Expr { start: number; end: number; a: Atom; b: Atom | null; kind: DateMention['kind'] }

// A candidate start: a cut-off word, a relative word, a digit run, a Chinese year or month.
const TRIGGER_WORDS = [...POINT_PREFIXES.map((p) => p.word), ...Object.keys(RELATIVE_YEARS), ...Object.keys(RELATIVE_MONTHS)];
const CHINESE_TRIGGER_AT = S(`[${YEAR_DIGITS}]{4}(?= ?年)|(?:${CN_MONTH})(?=月)`);
const TRIGGER_START = charSet(`0123456789${YEAR_DIGITS}十${TRIGGER_WORDS.map((w) => w[0]).join('')}`);
// Every reading of a digit run in readAtom goes on with one of these (2023年, 9月, 7日, 2023-05-04, 4至6月,
// 2021 10/23): after a digit run in 36个 or 12345热线 there is no date to read.
const AFTER_DATE_DIGITS = charSet(` -./${RANGE_SEPARATOR_STARTS}年月日号`);
const CODE_BEFORE = /[A-Za-z0-9_/.\-@#]/;

// The length of the candidate start at i (0: none), the stretch passed over when no date is read there.
function triggerLength(v: string, i: number): number {
  if (isDigit(v.charCodeAt(i))) {
    let j = i + 1;
    while (isDigit(v.charCodeAt(j))) j++;
    return j - i;
  }
  for (const w of TRIGGER_WORDS) if (v.startsWith(w, i)) return w.length;
  return exec(CHINESE_TRIGGER_AT, v, i)?.[0].length ?? 0;
}

function readExpr(v: string, i: number): Expr | null {
  let start = i;
  let j = i;
  let cutOff = false;
  for (const p of POINT_PREFIXES) {
    if (v.startsWith(p.word, i)) { cutOff = true; j = i + p.word.length; if (v[j] === ' ') j++; break; }
  }
  // 2024~2025年 → 2024-01-01..2025-12-31
  const by = exec(RE.bareYear, v, j);
  let a: Atom | null;
  if (by) { a = blankAtom(j); a.y = Number(by[1]); a.end = j + by[0].length; }
  else a = readAtom(v, j, false);
  if (!a) return null;
  let b: Atom | null = null;
  const sep = a.m2 === undefined ? exec(RE.sep, v, a.end) : null;
  if (sep) {
    const cand = readAtom(v, a.end + sep[0].length, true);
    // the second half may only leave out what the first half states: 9月7日至11月10日, 10月10日—13日
    if (cand && (cand.y !== null || cand.rel || a.y !== null || a.rel || (cand.m !== null) === (a.m !== null) || cand.d !== null)
        && !(cand.d !== null && cand.m === null && a.d === null)) b = cand;
  }
  const last = b ?? a;
  let end = last.end;
  let kind: DateMention['kind'] = b || a.m2 !== undefined ? 'range' : 'point';
  if (!cutOff) {
    for (const s of KIND_SUFFIXES) {
      // 8月20日前后 is "around", not a deadline
      if (v.startsWith(s.word, end) && !(s.word === '前' && v[end + 1] === '后')) { kind = s.kind; end += s.word.length; break; }
    }
  }
  // 十九届, 第十三轮, 1-11批: bare numbers are never dates; an atom must have read 年, 月, 日 or a relative word.
  if (a.y === null && a.m === null && a.d === null && !a.rel) return null;
  void start;
  return { start, end, a, b, kind };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
function daysIn(y: number, m: number): number { return new Date(Date.UTC(y, m, 0)).getUTCDate(); }
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

type Grain = DateMention['grain'];
// The first and last day an atom covers, once its year (and month) are known.
function coverage(a: Atom, y: number, mFallback: number | null): { start: string; end: string; grain: Grain } | null {
  const m = a.m ?? mFallback;
  const p = a.part;
  if (m === null) {
    if (a.d !== null) return null;
    if (!p) return { start: iso(y, 1, 1), end: iso(y, 12, 31), grain: 'year' };
    switch (p.type) {
      case 'half': return p.half === 1 ? { start: iso(y, 1, 1), end: iso(y, 6, 30), grain: 'quarter' } : { start: iso(y, 7, 1), end: iso(y, 12, 31), grain: 'quarter' };
      case 'quarter': return { start: iso(y, p.from * 3 - 2, 1), end: iso(y, p.to * 3, daysIn(y, p.to * 3)), grain: 'quarter' };
      case 'season': {
        const s = { '春': 3, '夏': 6, '秋': 9, '冬': 12 }[p.season];
        const e = s + 2 > 12 ? { y: y + 1, m: s - 10 } : { y, m: s + 2 };
        return { start: iso(y, s, 1), end: iso(e.y, e.m, daysIn(e.y, e.m)), grain: 'season' };
      }
      case 'year-part': return p.part === '初' ? { start: iso(y, 1, 1), end: iso(y, 1, 31), grain: 'month' } : { start: iso(y, 12, 1), end: iso(y, 12, 31), grain: 'month' };
      default: return null;
    }
  }
  if (m < 1 || m > 12) return null;
  if (a.m2 !== undefined) return { start: iso(y, m, 1), end: iso(y, a.m2, daysIn(y, a.m2)), grain: 'month' };
  if (a.d !== null) return a.d >= 1 && a.d <= daysIn(y, m) ? { start: iso(y, m, a.d), end: iso(y, m, a.d), grain: 'day' } : null;
  if (p && p.type === 'month-part') return { start: iso(y, m, p.from), end: iso(y, m, p.to === 'end' ? daysIn(y, m) : p.to), grain: 'day' };
  return { start: iso(y, m, 1), end: iso(y, m, daysIn(y, m)), grain: 'month' };
}

/** Every date mention in `text`, its years resolved as `resolveDates` says. */
export function findDates(text: string, context: DateContext): { dates: DateMention[]; messages: Message[] } {
  return resolveDates(scanDates(text), context);
}

/** The date expressions of a text, read once; `resolveDates` gives them values for a notice date. */
export interface DateScan { text: string; view: string; exprs: readonly Expr[] }

/** Reads every date expression of `text`, without deciding the years it leaves unsaid. */
export function scanDates(text: string): DateScan {
  if (typeof text !== 'string' || text.length === 0) return { text: typeof text === 'string' ? text : '', view: '', exprs: [] };
  const v = matchView(text);
  const exprs: Expr[] = [];
  let i = 0;
  while (i < v.length) {
    const length = TRIGGER_START[v.charCodeAt(i)] === 1 ? triggerLength(v, i) : 0;
    if (length === 0) { i++; continue; }
    const before = i > 0 ? v[i - 1]! : '';
    // 第十三轮, 〔2023〕7号, /2023-46395, CN53: ordinals and codes are not dates.
    const skip = before === '第' || CODE_BEFORE.test(before) || (isDigit(v.charCodeAt(i)) && AFTER_DATE_DIGITS[v.charCodeAt(i + length)] !== 1);
    const e = skip ? null : readExpr(v, i);
    if (!e) { i += length; continue; }
    exprs.push(e);
    i = e.end;
  }
  return { text, view: v, exprs };
}

/**
 * Date mentions from a scan. Years missing from a date come, in this order, from the range it
 * belongs to (2023年9月7日至11月10日), a relative word and the notice date (今年5月底), the full
 * date just before it in the same paragraph (…8月30日…巡视。10月10日 → 2016), the notice date, or
 * the only year the text names; otherwise start and end are null with `extract/year-unknown`.
 */
export function resolveDates(scan: DateScan, context: DateContext): { dates: DateMention[]; messages: Message[] } {
  const { text, view: v, exprs } = scan;
  const dates: DateMention[] = [];
  const messages: Message[] = [];
  if (exprs.length === 0) return { dates, messages };
  const doc = parseIso(context?.documentDate ?? null);

  const years = new Set<number>();
  for (const e of exprs) for (const a of [e.a, e.b]) if (a && a.y !== null) years.add(a.y);
  const onlyYear = years.size === 1 ? [...years][0]! : null;

  let anchor: { y: number; m: number; end: number; paragraphEnd: number } | null = null;
  for (const e of exprs) {
    const span: [number, number] = [e.start, e.end];
    const surface = text.slice(e.start, e.end);
    let yearInferred = false;
    let y: number | null = e.a.y;
    let mFallback: number | null = null;
    if (y === null) {
      const firstMonth = e.a.m ?? e.b?.m ?? null;
      if (e.a.rel) {
        if (doc) {
          if (e.a.rel.year !== undefined) y = doc.y + e.a.rel.year;
          else { const t = doc.y * 12 + (doc.m - 1) + (e.a.rel.month ?? 0); y = Math.floor(t / 12); mFallback = (t % 12) + 1; }
          yearInferred = true;
        }
      } else if (e.b?.y != null && firstMonth !== null) {
        // 11月至2024年2月: the year of the end, one back if the months wrap
        y = (e.a.m ?? 1) > (e.b.m ?? 12) ? e.b.y - 1 : e.b.y;
      } else if (anchor && e.start < anchor.paragraphEnd && firstMonth !== null) {
        y = firstMonth < anchor.m ? anchor.y + 1 : anchor.y;
        yearInferred = true;
      } else if (doc && firstMonth !== null) {
        y = firstMonth > doc.m && e.kind !== 'deadline' ? doc.y - 1 : doc.y;
        yearInferred = true;
      } else if (onlyYear !== null && (firstMonth !== null)) {
        y = onlyYear;
        yearInferred = true;
        messages.push({ level: 'info', code: 'extract/year-from-text', message: `${surface}: year ${onlyYear} taken from the only year the text names`, span });
      }
      // 20日 alone: its month comes from the full date before it in the paragraph
      if (firstMonth === null && e.a.d !== null && anchor && e.start < anchor.paragraphEnd) { y = anchor.y; mFallback = anchor.m; yearInferred = true; }
    }
    let start: string | null = null, end: string | null = null, grain: Grain = e.a.d !== null ? 'day' : e.a.m !== null ? 'month' : 'year';
    if (y !== null) {
      const ca = coverage(e.a, y, mFallback);
      let cb: ReturnType<typeof coverage> = null;
      if (e.b) {
        const yb = e.b.y ?? (e.b.m !== null && e.a.m !== null && e.b.m < e.a.m ? y + 1 : y);
        cb = coverage(e.b, yb, e.b.m === null ? (e.a.m2 ?? e.a.m ?? mFallback) : null);
      }
      if (ca && (!e.b || cb)) {
        start = ca.start; end = (cb ?? ca).end; grain = ca.grain;
        if (start > end) { start = null; end = null; messages.push({ level: 'warning', code: 'extract/date-invalid', message: `${surface}: the range ends before it starts`, span }); }
      } else {
        messages.push({ level: 'warning', code: 'extract/date-invalid', message: `${surface}: not a calendar date`, span });
      }
    } else {
      messages.push({ level: 'warning', code: 'extract/year-unknown', message: `${surface}: no year can be known (no notice date, no full date before it)`, span });
    }
    if (e.kind === 'deadline') start = null;
    if (e.kind === 'since') end = null;
    if (e.a.repaired || e.b?.repaired) {
      messages.push({ level: 'warning', code: 'extract/date-repaired', message: `${surface}: read as ${start ?? '?'}..${end ?? '?'}; 年/月 were lost in copying`, span });
    }
    dates.push({ text: surface, start, end, grain, kind: e.kind, yearInferred, span });
    // a full date with its own year anchors yearless dates after it in the same paragraph
    const own = e.b && e.b.y !== null && e.b.m !== null ? e.b : e.a.y !== null && e.a.m !== null ? e.a : null;
    if (own && own.y !== null && own.m !== null) {
      let pe = v.indexOf('\n', e.end);
      if (pe < 0) pe = v.length;
      anchor = { y: own.y, m: own.m2 ?? own.m, end: e.end, paragraphEnd: pe };
    }
  }
  return { dates, messages };
}

function parseIso(s: string | null): { y: number; m: number; d: number } | null {
  if (typeof s !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

/** One standalone date string: '2024年8月26日' / '二〇二四年八月二十六日' → 2024-08-26; '2024年8月' → 2024-08-01..2024-08-31. */
export function parseDate(s: string): { start: string; end: string; grain: DateMention['grain'] } | null {
  if (typeof s !== 'string') return null;
  const t = s.trim();
  const { dates } = findDates(t, { documentDate: null });
  const d = dates[0];
  if (!d || dates.length !== 1 || d.span[0] !== 0 || d.span[1] !== t.length || d.yearInferred || d.start === null || d.end === null) return null;
  return { start: d.start, end: d.end, grain: d.grain };
}
