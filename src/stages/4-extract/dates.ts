/**
 * Date mentions: full dates in every spelling, ranges, parts of periods, relative and yearless
 * dates with their year inferred, deadlines (…前) and starting points (…以来).
 *
 * Conventions (see README-section.md):
 * - `start`/`end` are the first and last day covered, ISO; a month covers its whole month
 *   (2024年8月 → 2024-08-01..2024-08-31), 上旬 days 1–10, 中旬 11–20, 下旬 21–end; 月底 and 年底 are
 *   the last day (截至2019年3月底 → 2019-03-31..2019-03-31).
 * - kind `deadline` (2025年底前) has only `end`; kind `since` (2019年以来, 自2016年9月, 20日起) has only `start`.
 * - A year never comes from the clock. When no year can be known, start and end are null and a
 *   message `extract/year-unknown` says so.
 */
import type { DateMention, FoundDate, Message } from '../../schema.js';
import { charSet, isDigit, matchView } from './char-view.js';
import { CHINESE_DIGITS, HAN_DIGITS, YEAR_DIGITS, YEAR_ZEROS } from '../../vocab/numerals.js';
import { RANGE_SEPARATOR_STARTS, rangeSeparatorPattern } from '../../vocab/range-separators.js';

export interface DateContext { documentDate: string | null }

/** Words before a date that make it a cut-off point: 截至8月20日. Kept in the span. */
export const POINT_PREFIXES: readonly { word: string; example: string }[] = [
  { word: '截止到', example: '截止到2023年12月31日' },
  { word: '截至', example: '截至8月20日,巡视反馈的36个具体问题' },
  { word: '截止', example: '截止2023年底' },
];

/**
 * Words before a date that make it a starting point: 自2016年9月本届州委开展首轮巡察工作以来 (dev d73),
 * 自2018年12月底廣東省菸草局搬駐 (wild w064). Kept in the span. Not after 来/亲/各/独/擅/私/源
 * (来自2019年的数据 is "from", 亲自 "in person").
 */
export const SINCE_PREFIXES: readonly { word: string; example: string }[] = [
  { word: '自', example: '自2016年9月本届州委开展首轮巡察工作以来 (dev d73)' },
];
const NOT_BEFORE_SINCE = '来亲各独擅私源';

/**
 * Since-words that may stand between the first end of a range and its separator: 自2019年1月1日起至2021年12月31日,
 * 2023年4月27日起至7月14日 (dev d133), 2020年10月26日开始至12月25日 (dev d88). Read so only when a date
 * follows the separator: 2018年2月起至今 stays since.
 */
export const RANGE_OPENERS: readonly { word: string; example: string }[] = [
  { word: '开始', example: '2020年10月26日开始至12月25日,四届市委第九轮巡察安排8个巡察组 (dev d88)' },
  { word: '起', example: '在2023年4月27日起至7月14日这个时间段内 (dev d133); 自2019年1月1日起至2021年12月31日' },
];

/** Words after a date that change its kind. `notBefore`: the word is another word when followed by these. */
export const KIND_SUFFIXES: readonly { word: string; kind: DateMention['kind']; example: string; notBefore?: RegExp }[] = [
  { word: '之前', kind: 'deadline', example: '11月底之前完成' },
  { word: '以前', kind: 'deadline', example: '2024年6月以前' },
  { word: '前', kind: 'deadline', example: '计划2025年底前实现市场化转型' },
  { word: '以来', kind: 'since', example: '2019年以来' },
  { word: '以后', kind: 'since', example: '2024年以后,该区纪委…' },
  { word: '至今', kind: 'since', example: '2018年2月至今,该省纪检监察机关处置的各类问题线索 (wild w062); 2021年以后至今' },
  { word: '开始', kind: 'since', example: '从3月9日开始,全面启动巡察“回头看” (wild w022); 今年4月开始 (corpus 001)' },
  // 起草, 起诉, 起步: other words.
  { word: '起', kind: 'since', example: '將于2018年10月1日起施行 (wild w091); 20日起 (issue 13)', notBefore: /^[草诉步因点码义飞见居色]/ },
];

/**
 * Times of day after a date, kept in its span (the date is the same day): 7月7日下午 (dev d66),
 * 昨（22）日下午 (dev d79), 3月2日下午 (wild w086), 28日下午 (issue 13).
 */
export const TIMES_OF_DAY: readonly { word: string; example: string }[] = [
  { word: '上午', example: '6月20日上午,市委巡察办召开会议' },
  { word: '下午', example: '7月7日下午,机械优集学院党委…召开巡察整改情况通报会 (dev d66)' },
  { word: '中午', example: '12日中午' },
  { word: '晚上', example: '28日晚上' },
  { word: '傍晚', example: '5日傍晚' },
  { word: '凌晨', example: '3日凌晨' },
  { word: '早上', example: '9日早上' },
  { word: '晚', example: '截至 2022 年 6 月 1 日晚 20:00 (wild w120)' },
];

/**
 * Days named from the notice's own date: 昨天 is the day before it. In the press the day of the
 * month is often given in brackets (昨（22）日下午, dev d79, in a page dated 2025-12-23; 今(5)日).
 */
export const RELATIVE_DAYS: Readonly<Record<string, { offset: number; example: string }>> = {
  '今天': { offset: 0, example: '國家環保督察辦公室今天透露 (wild w044)' },
  '今日': { offset: 0, example: '今日,…督察组向…反馈' },
  '昨天': { offset: -1, example: '昨天,中央紀委發布 (wild w089)' },
  '昨日': { offset: -1, example: '昨日,全市扫黑除恶专项斗争 (wild w109)' },
  '前天': { offset: -2, example: '前天召开的会议' },
};

/**
 * Days named from the day just mentioned: 巡视意见反馈后,…并于当天下午即主持召开党组会议 (dev d71,
 * 当天 = the feedback day 2022年7月19日 named before it); 2025年1月14日收到巡察组反馈意见后,当天即召开 (dev d62).
 * With no day before it, 当天 is left unread (当天受理、当天办结 is a habit, not a date), and so is 当天 right
 * after the event it dates (在巡视组反馈专项巡视意见当天, wild w134: the day of the feedback).
 */
export const ANAPHORIC_DAYS: Readonly<Record<string, { offset: number; example: string }>> = {
  '当天': { offset: 0, example: '并于当天下午即主持召开党组会议 (dev d71)' },
  '当日': { offset: 0, example: '截至当日,浙江省已累计收到 (wild w034)' },
  '同日': { offset: 0, example: '同日,督察组向…移交' },
  '次日': { offset: 1, example: '次日即召开专题会议' },
};

/** What may stand before 当天 when it points back to the day named last: punctuation, 于/在/并/即/至/到/自. */
const ANAPHOR_AFTER = /[\s,，。;；:：、!！?？)）”"于在并即至到自]/;

/**
 * Words that bring a text back to its own time: a yearless date after one of them is dated from
 * the notice, not from the past event told before it. 学校党委于2020年11月下旬对…开展了巡察…截止通报时,
 * 大部分问题已经整改到位…确保在12月底前所有问题整改到位 (dev d66): 12月底前 is not 2020.
 */
export const PRESENT_MARKERS: readonly { word: string; example: string }[] = [
  { word: '目前', example: '截至目前,第一轮督察和“回头看”整改方案中明确的3294项整改任务 (dev d82)' },
  { word: '当前', example: '当前,整改工作已进入常态化阶段' },
  { word: '通报时', example: '截止通报时,大部分问题已经整改到位 (dev d66)' },
  { word: '今后', example: '今后学院党委将继续重视并扎实推进整改工作 (dev d66)' },
  { word: '下一步', example: '下一步,将持续深化整改' },
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
  | { type: 'month-part'; from: number | 'end'; to: number | 'end' };

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
  // 年底 is the year's last day, as statistics are cut: 截至2019年底 → 2019-12-31 (dev d68), 2015年底 (dev d82).
  '底': { part: { type: 'year-part', part: '底' }, example: '截至2019年底 → 2019-12-31..2019-12-31 (dev d68); 2025年底前 → ..2025-12-31 (corpus 003)' },
  '末': { part: { type: 'year-part', part: '末' }, example: '2023年末 → 2023-12-31..2023-12-31' },
};

/** Parts of a month, as day ranges. */
export const MONTH_PARTS: Readonly<Record<string, { from: number | 'end'; to: number | 'end'; example: string }>> = {
  '上旬': { from: 1, to: 10, example: '2022年4月上旬 → 04-01..04-10' },
  '中旬': { from: 11, to: 20, example: '2022年10月中旬 → 10-11..10-20' },
  '下旬': { from: 21, to: 'end', example: '9月下旬 → 09-21..09-30' },
  '初': { from: 1, to: 10, example: '8月初 → 08-01..08-10' },
  // 月底 is the month's last day: 截至2019年3月底 → 2019-03-31 (dev d55), 截至2024年9月底 → 2024-09-30 (dev d78).
  '底': { from: 'end', to: 'end', example: '截至2019年3月底 → 03-31..03-31 (dev d55); 2019年10月底 → 10-31 (dev d29)' },
  '末': { from: 'end', to: 'end', example: '11月末 → 11-30..11-30' },
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
  // 今年 (year), 本月 (month), 昨天 (day, from the notice date; dayOfMonth for 昨（22）日), 当天 (anaphor: from the day just named)
  rel: { year?: number; month?: number; day?: number; dayOfMonth?: number; anaphor?: number } | null;
  start: number; end: number;
  repaired?: boolean;
  // 2025117日: the month-day readings of a repaired date when there are two (1月17日, 11月7日)
  readings?: { m: number; d: number }[];
}

const S = (src: string) => new RegExp(src, 'y');
// Between two dates every separator (2023年9月7日至11月10日, 2024年1月--11月); inside a month range (4至6月) the one-character ones.
const SEP = rangeSeparatorPattern();
const MONTH_SEP = rangeSeparatorPattern({ betweenDates: false });
const CN_MONTH = `十[一二]?|[${HAN_DIGITS}]`;
const CN_DAY = `三十[一]?|二?十[${HAN_DIGITS}]?|[${HAN_DIGITS}]`;
const RE = {
  iso: S('((?:19|20)\\d\\d)([-./])(\\d{1,2})\\2(\\d{1,2})(?![\\d.])'),
  spaced: S('((?:19|20)\\d\\d) (\\d{1,2})/(\\d{1,2})(?!\\d)'),
  garbled: S('((?:19|20)\\d\\d)(\\d{2,4})日'),
  // 二〇一九年, and with an Arabic 0 or a circle typed for 〇: 二0一九年, 二○一九年
  year: S(`((?:19|20)\\d\\d|[${YEAR_DIGITS}][${YEAR_DIGITS}${YEAR_ZEROS}]{3}) ?年(度)?`),
  // 20249月 (dev d123): a year glued to its month, 年 lost in copying
  yearMonth: S('((?:19|20)\\d\\d)(?=(?:1[0-2]|[1-9])月)'),
  // 26.08.2016  22:04 (dev d120, d139): day first, only on a line of its own or before a time of day
  dayFirst: S('(\\d{1,2})\\.(\\d{1,2})\\.((?:19|20)\\d\\d)(?![\\d.])(?=[ \\t\\u3000]+\\d{1,2}:\\d\\d|[ \\t\\u3000]*(?:\\n|$))'),
  bareYear: S(`((?:19|20)\\d\\d)(?= ?(?:${SEP}) ?(?:19|20)\\d\\d ?年)`),
  relYear: S(Object.keys(RELATIVE_YEARS).join('|')),
  relMonth: S(Object.keys(RELATIVE_MONTHS).join('|')),
  relDay: S(Object.keys(RELATIVE_DAYS).join('|')),
  // 昨（22）日 (dev d79): the relative word, the day of the month in brackets, 日
  relDayBracket: S(`([今昨前])[（(] ?(\\d{1,2}|${CN_DAY}) ?[)）]日`),
  anaphor: S(Object.keys(ANAPHORIC_DAYS).join('|')),
  // 2019-2024 (issue 13): two years and a separator, no 年; the second later, not part of a code
  yearPair: S(`((?:19|20)\\d\\d) ?(?:${SEP}) ?((?:19|20)\\d\\d)(?![\\d.\\-/:年])`),
  listedDay: S('、(\\d{1,2})日'),
  timeOfDay: S(`(?:${TIMES_OF_DAY.map((t) => t.word).sort((a, b) => b.length - a.length).join('|')})(?![会报宴餐])`),
  yearPart: S(`年?(?:[初底末](?![步期]))|第?([${HAN_DIGITS.slice(0, 4)}1-4])季度|${Object.keys(YEAR_PARTS).filter((k) => k.length > 1).join('|')}|[初底末](?![步期])`),
  monthRange: S(` ?(\\d{1,2})(?:${MONTH_SEP}) ?(\\d{1,2}) ?月(?:份)?`),
  month: S(' ?(\\d{1,2}) ?月(?:份)?'),
  cnMonth: S(`(${CN_MONTH})月(?=(?:${CN_DAY})[日号])`),
  cnMonthAlone: S(`(${CN_MONTH})月(?:份)?`),
  day: S(' ?(\\d{1,4}) ?[日号]'),
  dayBeforeRange: S(` ?(\\d{1,2})(?= ?(?:${MONTH_SEP}) ?(\\d{1,2}) ?[日号])`),
  // 2022年9月7日至26, (dev d47): the second end of a range of days lost its 日 before punctuation
  bareDayEnd: S('(\\d{1,2})(?=[,，。;；、)）\\n]|$)'),
  cnDay: S(`(${CN_DAY})[日号]`),
  monthPart: S('上旬|中旬|下旬|初(?![步期])|底|末'),
  sep: S(` ?(?:${SEP}) ?`),
};

function exec(re: RegExp, v: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(v);
}

const validMD = (m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= daysIn(2000, m);

// 42 → 4月2日, 919 → 9月19日, 1231 → 12月31日: 年 and 月 lost in copying. 117 has two readings,
// 1月17日 and 11月7日 (dev d123): both are kept, and resolveDates chooses by the chronology.
function monthDayReadings(digits: string): { m: number; d: number }[] {
  const readings: { m: number; d: number }[] = [];
  for (let k = 1; k <= 2 && k < digits.length; k++) {
    const m = Number(digits.slice(0, k)), d = Number(digits.slice(k));
    if (digits[k] !== '0' || digits.length - k === 2) if (validMD(m, d) && String(d).length >= digits.length - k - (digits[k] === '0' ? 1 : 0)) readings.push({ m, d });
  }
  return readings;
}

// Sets the month and day of a repaired atom from its readings; false when there is none.
function setReadings(a: Atom, readings: { m: number; d: number }[]): boolean {
  if (readings.length === 0) return false;
  a.m = readings[0]!.m; a.d = readings[0]!.d; a.repaired = true;
  if (readings.length > 1) a.readings = readings;
  return true;
}

// Month, and then a day or a part of the month, from i: 9月7日, 4月上旬, 11月底, 十二月三日; after a
// year (`afterYear`) a month in Chinese numerals alone too: 二〇一九年三月.
function readMonthTail(v: string, i: number, atom: Atom, afterYear = false): boolean {
  let mm = exec(RE.month, v, i);
  let m: number | null = null;
  let j = i;
  if (mm) { m = Number(mm[1]); j = i + mm[0].length; }
  else if ((mm = exec(RE.cnMonth, v, i)) || (afterYear && (mm = exec(RE.cnMonthAlone, v, i)))) { m = smallNumber(mm[1]!); j = i + mm[0].length; }
  if (m === null || m < 1 || m > 12) return false;
  atom.m = m; atom.end = j;
  let dm = exec(RE.day, v, j);
  if (dm && dm[1]!.length <= 2) { atom.d = Number(dm[1]); atom.end = j + dm[0].length; return true; }
  if ((dm = exec(RE.cnDay, v, j))) { atom.d = smallNumber(dm[1]!); atom.end = j + dm[0].length; return true; }
  // 2018年1月4至5日 (dev d130), 9月11-15日: the first day of a range of days leaves its 日 to the second
  if ((dm = exec(RE.dayBeforeRange, v, j)) && Number(dm[1]) >= 1 && Number(dm[1]) < Number(dm[2]) && Number(dm[2]) <= 31) {
    atom.d = Number(dm[1]); atom.end = j + dm[0].length; return true;
  }
  const pm = exec(RE.monthPart, v, j);
  if (pm) { const p = MONTH_PARTS[pm[0]]!; atom.part = { type: 'month-part', from: p.from, to: p.to }; atom.end = j + pm[0].length; }
  return true;
}

function blankAtom(i: number): Atom { return { y: null, m: null, d: null, part: null, rel: null, start: i, end: i }; }

// One date without range: 2023年9月7日, 2023-05-04, 2021 10/23, 2024年第三季度, 今年5月底, 9月7日, 20日 (when `inRange`).
function readAtom(v: string, i: number, inRange: boolean): Atom | null {
  const a = blankAtom(i);
  let m: RegExpExecArray | null;
  if ((m = exec(RE.dayFirst, v, i))) {
    a.y = Number(m[3]); a.m = Number(m[2]); a.d = Number(m[1]); a.end = i + m[0].length;
    return validMD(a.m, a.d) ? a : null;
  }
  if ((m = exec(RE.iso, v, i)) || (m = exec(RE.spaced, v, i))) {
    const g = m.length === 5 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
    a.y = Number(g[0]); a.m = Number(g[1]); a.d = Number(g[2]); a.end = i + m[0].length;
    return validMD(a.m, a.d) ? a : null;
  }
  if ((m = exec(RE.garbled, v, i))) {
    if (setReadings(a, monthDayReadings(m[2]!))) { a.y = Number(m[1]); a.end = i + m[0].length; return a; }
  }
  if ((m = exec(RE.yearMonth, v, i))) {
    // 20249月至11月 (dev d123): 年 lost between the year and the month; the month is read below
    a.y = Number(m[1]); a.end = i + m[1]!.length; a.repaired = true;
  } else if ((m = exec(RE.year, v, i))) {
    const ys = m[1]!;
    a.y = /^\d/.test(ys) ? Number(ys) : Number([...ys].map((c) => CHINESE_DIGITS[c] ?? 0).join(''));
    a.end = i + m[0].length;
    if (m[2]) return a; // 2021年度
  } else if ((m = exec(RE.relYear, v, i))) {
    a.rel = { year: RELATIVE_YEARS[m[0]]!.offset };
    a.end = i + m[0].length;
  } else if ((m = exec(RE.relDay, v, i))) {
    a.rel = { day: RELATIVE_DAYS[m[0]]!.offset };
    a.end = i + m[0].length;
    return a;
  } else if ((m = exec(RE.relDayBracket, v, i))) {
    const d = smallNumber(m[2]!);
    if (d === null || d < 1 || d > 31) return null;
    a.rel = { day: { '今': 0, '昨': -1, '前': -2 }[m[1]!]!, dayOfMonth: d };
    a.end = i + m[0].length;
    return a;
  } else if ((m = exec(RE.anaphor, v, i))) {
    // 反馈专项巡视意见当天 (wild w134) is the day of that event, not the day named last
    if (i > 0 && !ANAPHOR_AFTER.test(v[i - 1]!)) return null;
    a.rel = { anaphor: ANAPHORIC_DAYS[m[0]]!.offset };
    a.end = i + m[0].length;
    return a;
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
    readMonthTail(v, j, a, a.y !== null);
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
    if (v[i + dm[0].length - 1] === '日' && setReadings(a, monthDayReadings(digits))) { a.end = i + dm[0].length; return a; }
  }
  return null;
}

interface Expr { start: number; end: number; a: Atom; b: Atom | null; kind: DateMention['kind'] }

// A candidate start: a cut-off word, a relative word, a digit run, a Chinese year or month.
const TRIGGER_WORDS = [
  ...POINT_PREFIXES.map((p) => p.word), ...SINCE_PREFIXES.map((p) => p.word), ...Object.keys(RELATIVE_YEARS),
  ...Object.keys(RELATIVE_MONTHS), ...Object.keys(RELATIVE_DAYS), ...Object.keys(ANAPHORIC_DAYS),
].sort((a, b) => b.length - a.length);
const TRIGGER_WORDS_BY_START = new Map<number, string[]>();
for (const w of TRIGGER_WORDS) TRIGGER_WORDS_BY_START.set(w.charCodeAt(0), [...(TRIGGER_WORDS_BY_START.get(w.charCodeAt(0)) ?? []), w]);
const BRACKET_DAY_START = charSet('今昨前');
const CHINESE_START = charSet(`${YEAR_DIGITS}十`);
const CHINESE_TRIGGER_AT = S(`[${YEAR_DIGITS}][${YEAR_DIGITS}${YEAR_ZEROS}]{3}(?= ?年)|(?:${CN_MONTH})(?=月)`);
const TRIGGER_START = charSet(`0123456789${YEAR_DIGITS}十今昨前${TRIGGER_WORDS.map((w) => w[0]).join('')}`);
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
  const words = TRIGGER_WORDS_BY_START.get(v.charCodeAt(i));
  if (words) for (const w of words) if (v.startsWith(w, i)) return w.length;
  if (BRACKET_DAY_START[v.charCodeAt(i)] === 1) {
    const bracket = exec(RE.relDayBracket, v, i);
    if (bracket) return bracket[0].length;
  }
  return CHINESE_START[v.charCodeAt(i)] === 1 ? (exec(CHINESE_TRIGGER_AT, v, i)?.[0].length ?? 0) : 0;
}

function readExpr(v: string, i: number): Expr | null {
  const start = i;
  let j = i;
  let cutOff = false;
  let since = false;
  for (const p of POINT_PREFIXES) {
    if (v.startsWith(p.word, i)) { cutOff = true; j = i + p.word.length; if (v[j] === ' ') j++; break; }
  }
  for (const p of SINCE_PREFIXES) {
    if (!cutOff && v.startsWith(p.word, i)) {
      // 来自, 亲自, 各自: 自 ends another word
      if (i > 0 && NOT_BEFORE_SINCE.includes(v[i - 1]!)) return null;
      since = true; j = i + p.word.length; if (v[j] === ' ') j++; break;
    }
  }
  let a: Atom | null;
  let b: Atom | null = null;
  // 2019-2024 → 2019-01-01..2024-12-31
  const yp = exec(RE.yearPair, v, j);
  const y1 = yp ? Number(yp[1]) : 0, y2 = yp ? Number(yp[2]) : 0;
  if (yp && y2 > y1 && y2 - y1 <= 50) {
    a = blankAtom(j); a.y = y1; a.end = j + yp[1]!.length;
    b = blankAtom(j + yp[0].length - yp[2]!.length); b.y = y2; b.end = j + yp[0].length;
  } else {
    // 2024~2025年 → 2024-01-01..2025-12-31
    const by = exec(RE.bareYear, v, j);
    if (by) { a = blankAtom(j); a.y = Number(by[1]); a.end = j + by[0].length; }
    else a = readAtom(v, j, false);
    if (!a) return null;
    // 自2019年1月1日起至2021年12月31日, 2023年4月27日起至7月14日 (dev d133), 2020年10月26日开始至12月25日
    // (dev d88): a since-word before the separator, when a date follows it (起至今 stays since)
    const from = a.end + (RANGE_OPENERS.find((o) => v.startsWith(o.word, a!.end))?.word.length ?? 0);
    const sep = a.m2 === undefined && !a.rel?.anaphor && a.rel?.day === undefined ? exec(RE.sep, v, from) : null;
    if (sep) {
      let cand = readAtom(v, from + sep[0].length, true);
      // 2022年9月7日至26, (dev d47): the second day lost its 日
      if (!cand && a.d !== null && a.m !== null) {
        const bare = exec(RE.bareDayEnd, v, from + sep[0].length);
        if (bare && Number(bare[1]) > a.d && Number(bare[1]) <= 31) {
          cand = blankAtom(from + sep[0].length); cand.d = Number(bare[1]); cand.end = cand.start + bare[0].length; cand.repaired = true;
        }
      }
      // the second half may only leave out what the first half states: 9月7日至11月10日, 10月10日—13日
      if (cand && (cand.y !== null || cand.rel || a.y !== null || a.rel || (cand.m !== null) === (a.m !== null) || cand.d !== null)
          && !(cand.d !== null && cand.m === null && a.d === null) && !cand.rel?.anaphor && cand.rel?.day === undefined) b = cand;
    }
  }
  // 21日、22日 (issue 13), 5月21日、22日: days listed with 、 make one mention covering the first to the last
  if (!b && a.d !== null && a.m2 === undefined) {
    let k = a.end;
    let d = a.d;
    for (let m = exec(RE.listedDay, v, k); m && Number(m[1]) > d && Number(m[1]) <= 31; m = exec(RE.listedDay, v, k)) {
      d = Number(m[1]);
      b = blankAtom(k + 1); b.d = d; b.end = k + m[0].length;
      k = b.end;
    }
  }
  const last = b ?? a;
  let end = last.end;
  // 7月7日下午, 昨（22）日下午, 当天下午: the same day
  if (last.d !== null || last.rel?.day !== undefined || last.rel?.anaphor !== undefined) {
    const t = exec(RE.timeOfDay, v, end);
    if (t) end += t[0].length;
  }
  let kind: DateMention['kind'] = b || a.m2 !== undefined ? 'range' : since ? 'since' : 'point';
  if (!cutOff) {
    for (const s of KIND_SUFFIXES) {
      // 8月20日前后 is "around", not a deadline
      if (v.startsWith(s.word, end) && !(s.word === '前' && v[end + 1] === '后') && !(s.notBefore && s.notBefore.test(v.slice(end + s.word.length, end + s.word.length + 2)))) {
        if (!(b && s.kind === 'since')) kind = s.kind;
        end += s.word.length;
        break;
      }
    }
  }
  // 十九届, 第十三轮, 1-11批: bare numbers are never dates; an atom must have read 年, 月, 日 or a relative word.
  if (a.y === null && a.m === null && a.d === null && !a.rel) return null;
  return { start, end, a, b, kind };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
function daysIn(y: number, m: number): number { return new Date(Date.UTC(y, m, 0)).getUTCDate(); }
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

type Grain = DateMention['grain'];
// The value of a date expression: its first and last day, and the messages reading it gave.
interface Value { start: string | null; end: string | null; grain: Grain; yearInferred: boolean; messages: Message[]; unread?: true }
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
      case 'year-part': return p.part === '初' ? { start: iso(y, 1, 1), end: iso(y, 1, 31), grain: 'month' } : { start: iso(y, 12, 31), end: iso(y, 12, 31), grain: 'day' };
      default: return null;
    }
  }
  if (m < 1 || m > 12) return null;
  if (a.m2 !== undefined) return { start: iso(y, m, 1), end: iso(y, a.m2, daysIn(y, a.m2)), grain: 'month' };
  if (a.d !== null) return a.d >= 1 && a.d <= daysIn(y, m) ? { start: iso(y, m, a.d), end: iso(y, m, a.d), grain: 'day' } : null;
  if (p && p.type === 'month-part') return { start: iso(y, m, p.from === 'end' ? daysIn(y, m) : p.from), end: iso(y, m, p.to === 'end' ? daysIn(y, m) : p.to), grain: 'day' };
  return { start: iso(y, m, 1), end: iso(y, m, daysIn(y, m)), grain: 'month' };
}

/** Every date mention in `text`, its years resolved as `resolveDates` says. */
export function findDates(text: string, context: DateContext): { dates: FoundDate[]; messages: Message[] } {
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
 * Date mentions from a scan. Years missing from a date come, in this order, from:
 * 1. the range it belongs to (2023年9月7日至11月10日; 11月至2024年2月);
 * 2. a relative word and the notice date (今年5月底, 昨（22）日);
 * 3. the full date just before it in the same paragraph, unless the text has come back to its own
 *    time in between (…8月30日…巡视。10月10日 → 2016; see `PRESENT_MARKERS`);
 * 4. the notice date;
 * 5. the full date just after it in the same paragraph (审计长侯凯12月22日向…会议作了…报告。截至2024年9月底,…
 *    → 2024, dev d78);
 * 6. the only year the text names, when it is named alone (较好地完成了2015年第一轮巡视工作, dev d30) or
 *    before the date (2025年9月1日至12月30日。其中:9月1日至9月30日…, dev d33). A year named with its month
 *    after the date dates one past event and says nothing of the date (7月7日下午…通报会。学校党委于
 *    2020年11月下旬…开展了巡察, dev d66: the year of 7月7日 is unknown);
 * otherwise start and end are null with `extract/year-unknown`. A day alone (国新办6日举行) takes its
 * month from the date before it in the paragraph (央广网北京7月7日消息, dev d82), else from the notice
 * date; 当天 is the day named last (`ANAPHORIC_DAYS`). A repaired date whose digits read two ways
 * (2025117日) takes the reading told in order (see `chooseReading`).
 */
export function resolveDates(scan: DateScan, context: DateContext): { dates: FoundDate[]; messages: Message[] } {
  const { text, view: v, exprs } = scan;
  const dates: FoundDate[] = [];
  const messages: Message[] = [];
  if (exprs.length === 0) return { dates, messages };
  const doc = parseIso(context?.documentDate ?? null);
  const docIso = doc ? iso(doc.y, doc.m, doc.d) : null;
  const paragraphEnd = (i: number) => { const pe = v.indexOf('\n', i); return pe < 0 ? v.length : pe; };
  const present = presentMarkers(v);
  const presentBetween = (from: number, to: number) => present.some((p) => p >= from && p < to);
  // A date that states its own year and month: 2016年8月30日, 2023年9月7日至11月10日, 截至2024年9月底.
  const own = (e: Expr) => (e.b && e.b.y !== null && e.b.m !== null ? e.b : e.a.y !== null && e.a.m !== null ? e.a : null);

  const years = new Set<number>();
  let yearFirstAt = -1;
  let yearAlone = false;
  for (const e of exprs) {
    for (const a of [e.a, e.b]) {
      if (!a || a.y === null) continue;
      if (!years.has(a.y)) { years.add(a.y); yearFirstAt = e.start; }
      if (a.m === null && a.part === null) yearAlone = true;
    }
  }
  const onlyYear = years.size === 1 ? [...years][0]! : null;

  let anchor: { y: number; m: number; end: number; paragraphEnd: number } | null = null;
  // The last date read with a month (for a day alone) and the last single day (for 当天).
  let lastMonth: { y: number; m: number; paragraphEnd: number } | null = null;
  // (undefined: no day named yet; null: the day named last has no known year, and neither has 当天)
  let lastDay: string | null | undefined;
  // The value of one expression from what was read before it (anchor, lastMonth, lastDay); null: not a date here.
  const valueOf = (e: Expr, index: number): Value | null => {
    const span: [number, number] = [e.start, e.end];
    const surface = text.slice(e.start, e.end);
    let yearInferred = false;
    let y: number | null = e.a.y;
    let mFallback: number | null = null;
    const messages: Message[] = [];
    let start: string | null = null, end: string | null = null, grain: Grain = e.a.d !== null ? 'day' : e.a.m !== null ? 'month' : 'year';
    const rel = e.a.rel;
    if (rel?.anaphor !== undefined || rel?.day !== undefined) {
      // 当天下午 → the day named last; 昨（22）日 → the 22nd next to the day before the notice date
      if (rel.anaphor !== undefined && lastDay === undefined) return null;
      const day = rel.anaphor !== undefined ? (lastDay ? addDays(lastDay, rel.anaphor) : null) : doc ? dayNear(doc, rel.day!, rel.dayOfMonth) : null;
      if (day === null) messages.push({ level: 'warning', code: 'extract/year-unknown', message: `${surface}: no year can be known (${rel.anaphor !== undefined ? 'the day named before it has none' : 'no notice date'})`, span });
      start = end = day;
      grain = 'day';
      yearInferred = true;
    } else {
      if (y === null) {
        const firstMonth = e.a.m ?? e.b?.m ?? null;
        let later: Expr | null = null;
        if (rel) {
          if (doc) {
            if (rel.year !== undefined) y = doc.y + rel.year;
            else { const t = doc.y * 12 + (doc.m - 1) + (rel.month ?? 0); y = Math.floor(t / 12); mFallback = (t % 12) + 1; }
            yearInferred = true;
          } else if (rel.year === 0 && anchor && firstMonth !== null && firstMonth >= anchor.m && !presentBetween(anchor.end, e.start)) {
            // No notice date: 今年 is the year of the full date before it, when its month does not come earlier
            // ("2020年1月3日,中央巡视组…反馈了巡视意见。…今年1月6日、1月21日,党组专题研究巡视整改方案").
            y = anchor.y;
            yearInferred = true;
          }
        } else if (e.b?.y != null && firstMonth !== null) {
          // 11月至2024年2月: the year of the end, one back if the months wrap
          y = (e.a.m ?? 1) > (e.b.m ?? 12) ? e.b.y - 1 : e.b.y;
        } else if (firstMonth === null) {
          // 国新办6日举行 (dev d82): a day alone, its month from the date before it in the paragraph, else the notice's
          if (e.a.d !== null && lastMonth && e.start < lastMonth.paragraphEnd) { y = lastMonth.y; mFallback = lastMonth.m; yearInferred = true; }
          else if (e.a.d !== null && doc) {
            const t = doc.y * 12 + (doc.m - 1) - (e.a.d > doc.d ? 1 : 0);
            y = Math.floor(t / 12); mFallback = (t % 12) + 1; yearInferred = true;
          }
        } else if (anchor && e.start < anchor.paragraphEnd && !presentBetween(anchor.end, e.start)) {
          y = firstMonth < anchor.m ? anchor.y + 1 : anchor.y;
          yearInferred = true;
        } else if (doc) {
          y = firstMonth > doc.m && e.kind !== 'deadline' ? doc.y - 1 : doc.y;
          yearInferred = true;
        } else if (anchor && firstMonth >= anchor.m && !presentBetween(anchor.end, e.start)) {
          // No notice date: the year of the last full date before it, in an earlier paragraph too, when its month does
          // not come earlier ("并于2025年2月14日反馈了巡察情况。…\n…2月17日、3月7日,分局党委…").
          y = anchor.y;
          yearInferred = true;
        } else if ((later = nextOwn(exprs, index, own, paragraphEnd(e.end), presentBetween)) !== null && notBefore(e, later)) {
          y = own(later)!.y;
          yearInferred = true;
        } else if (onlyYear !== null && !(anchor && e.start < anchor.paragraphEnd)
            && (yearAlone || yearFirstAt < e.start || ((later = nextOwn(exprs, index, own, v.length, () => false)) !== null && notBefore(e, later)))) {
          y = onlyYear;
          yearInferred = true;
          messages.push({ level: 'info', code: 'extract/year-from-text', message: `${surface}: year ${onlyYear} taken from the only year the text names`, span });
        }
      }
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
    }
    return { start, end, grain, yearInferred, messages };
  };

  // 2025117日 read as 2025-01-17 or 2025-11-07 (dev d123): the reading told in order. A day that ends a range
  // is the first after its start (2024927日至126日 → 2024-12-06, dev d39); a date is the first reading not
  // before the date told just before it (a page date at or after the notice date excepted) and not after the
  // notice date (…2024-12-06. 2025114日 → 2025-01-14, dev d39). With nothing told before it and two readings
  // left, it stays unread.
  const chooseReading = (e: Expr, index: number): { e: Expr; value: Value | null } => {
    const options = (x: Atom | null) => (x?.readings ?? [null]).map((r) => (r && x ? { ...x, m: r.m, d: r.d } : x));
    const variants: { e: Expr; value: Value }[] = [];
    for (const a of options(e.a)) for (const b of options(e.b)) {
      const x: Expr = { ...e, a: a!, b };
      const value = valueOf(x, index);
      if (value && value.start !== null && value.end !== null && (!doc || e.kind === 'deadline' || value.start <= docIso!)) variants.push({ e: x, value });
    }
    const byStart = (p: { value: Value }, q: { value: Value }) => p.value.start!.localeCompare(q.value.start!) || p.value.end!.localeCompare(q.value.end!);
    let pick: { e: Expr; value: Value } | undefined;
    if (!e.a.readings) pick = variants.sort((p, q) => p.value.end!.localeCompare(q.value.end!))[0];
    else {
      const told = [...dates].reverse().filter((d) => d.kind !== 'deadline').map((d) => d.start).find((d): d is string => d !== null && (!docIso || d < docIso));
      if (told !== undefined) pick = variants.filter((x) => x.value.start! >= told).sort(byStart)[0];
      else if (variants.length === 1) pick = variants[0];
    }
    if (pick) return pick;
    const value = valueOf(e, index);
    return { e, value: value && { ...value, start: null, end: null, unread: true } };
  };

  exprs.forEach((e0, index) => {
    const chosen = e0.a.readings || e0.b?.readings ? chooseReading(e0, index) : { e: e0, value: valueOf(e0, index) };
    if (chosen.value === null) return;
    const e = chosen.e;
    const span: [number, number] = [e.start, e.end];
    const surface = text.slice(e.start, e.end);
    const rel = e.a.rel;
    let { start, end } = chosen.value;
    const { grain, yearInferred } = chosen.value;
    messages.push(...chosen.value.messages);
    const pe = paragraphEnd(e.end);
    const last = e.kind === 'since' ? start : (end ?? start);
    if (last !== null && (grain === 'day' || grain === 'month')) lastMonth = { y: Number(last.slice(0, 4)), m: Number(last.slice(5, 7)), paragraphEnd: pe };
    if (e.kind !== 'deadline' && !e.b && (e.a.d !== null || rel?.day !== undefined || rel?.anaphor !== undefined)) lastDay = start !== null && start === end ? start : null;
    if (e.kind === 'deadline') start = null;
    if (e.kind === 'since') end = null;
    if (chosen.value.unread) {
      const readings = (e.a.readings ?? e.b?.readings ?? []).map((r) => `${r.m}月${r.d}日`).join(' or ');
      messages.push({ level: 'warning', code: 'extract/date-repaired', message: `${surface}: 年/月 were lost in copying; its digits read as ${readings}, and the dates told around it do not say which`, span });
    } else if (e.a.repaired || e.b?.repaired) {
      messages.push({ level: 'warning', code: 'extract/date-repaired', message: `${surface}: read as ${start ?? '?'}..${end ?? '?'}; its 年, 月 or 日 was lost in copying`, span });
    }
    dates.push({ text: surface, start, end, grain, kind: e.kind, yearInferred, span });
    // a full date with its own year anchors yearless dates after it in the same paragraph
    const o = chosen.value.unread ? null : own(e);
    if (o && o.y !== null && o.m !== null) anchor = { y: o.y, m: o.m2 ?? o.m, end: e.end, paragraphEnd: pe };
  });
  return { dates, messages };
}

// A yearless date told before a dated one is read in its year only when it does not fall before it
// (the lead of a news text comes after the background told below it): 12月22日 before 截至2024年9月底
// (dev d78) is 2024-12-22; 7月7日 before 2020年11月下旬 (dev d66) would fall before it, and is not read.
function notBefore(e: Expr, later: Expr): boolean {
  const first = (x: Expr) => (x.a.m !== null ? x.a : x.b);
  const a = first(e), b = first(later);
  if (!a || !b || a.m === null || b.m === null) return false;
  return a.m * 100 + (a.d ?? 1) >= b.m * 100 + (b.d ?? 1);
}

// The next date of the paragraph that states its own year and month, with no return to the present between.
function nextOwn(exprs: readonly Expr[], index: number, own: (e: Expr) => Atom | null, paragraphEnd: number, presentBetween: (a: number, b: number) => boolean): Expr | null {
  const e = exprs[index]!;
  for (let k = index + 1; k < exprs.length && exprs[k]!.start < paragraphEnd; k++) {
    if (own(exprs[k]!)) return presentBetween(e.end, exprs[k]!.start) ? null : exprs[k]!;
  }
  return null;
}

const PRESENT_RE = new RegExp(PRESENT_MARKERS.map((p) => p.word).join('|'), 'g');
function presentMarkers(v: string): number[] {
  const at: number[] = [];
  PRESENT_RE.lastIndex = 0;
  for (let m = PRESENT_RE.exec(v); m; m = PRESENT_RE.exec(v)) at.push(m.index);
  return at;
}

function addDays(isoDate: string, n: number): string {
  const t = new Date(`${isoDate}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

// The day `offset` days from the notice date; with the day of the month given (昨（22）日), that day in
// the month nearest to it.
function dayNear(doc: { y: number; m: number; d: number }, offset: number, dayOfMonth: number | undefined): string | null {
  const target = addDays(iso(doc.y, doc.m, doc.d), offset);
  if (dayOfMonth === undefined) return target;
  const ty = Number(target.slice(0, 4)), tm = Number(target.slice(5, 7));
  let best: string | null = null;
  let bestGap = Infinity;
  for (const k of [-1, 0, 1]) {
    const t = ty * 12 + (tm - 1) + k;
    const yy = Math.floor(t / 12), mm = (t % 12) + 1;
    if (dayOfMonth > daysIn(yy, mm)) continue;
    const cand = iso(yy, mm, dayOfMonth);
    const gap = Math.abs(Date.parse(cand) - Date.parse(target));
    if (gap < bestGap) { best = cand; bestGap = gap; }
  }
  return best;
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
