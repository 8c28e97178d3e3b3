/**
 * Reading numerals: Arabic (with thousands separators and full-width digits),
 * Chinese (小写 and 大写, simplified and traditional) and mixed forms (3万, 1.8万).
 * `parseNumeral` never throws: anything it cannot read is `null`.
 */

/** Chinese digits and their values. 两/兩 only ever mean 2 (两千零五 → 2005). */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  '〇': 0, // 二〇二四年 → 2024
  '零': 0, // 两千零五 → 2005
  '一': 1, '壹': 1,
  '二': 2, '贰': 2, '貳': 2,
  '两': 2, // 两个月 → 2
  '兩': 2, // 兩個月 (traditional) → 2
  '三': 3, '叁': 3, '參': 3,
  '四': 4, '肆': 4,
  '五': 5, '伍': 5,
  '六': 6, '陆': 6, '陸': 6,
  '七': 7, '柒': 7,
  '八': 8, '捌': 8,
  '九': 9, '玖': 9,
};

/**
 * The one spelling of the 小写 numerals every pattern is built from: the digits 一 … 九; with 十,
 * the numerals that count headings, items, teams and rounds (一、 (十二) 第三巡察组); with 〇 and 零,
 * the digits a year is written with one by one (二〇二四年 → 2024, 二0一九年 with an Arabic 0).
 */
export const HAN_DIGITS = '一二三四五六七八九';
/** 一 … 十: a heading's, an item's, a team's number (十二 is 十 then 二). */
export const COUNTING_NUMERALS = `${HAN_DIGITS}十`;
/** The digits a year is written with one by one, 小写 only: 二〇二四年 → 2024. */
export const YEAR_DIGITS = `〇零${HAN_DIGITS}`;
/**
 * What is typed for 〇 inside a year written in Chinese digits: an Arabic 0 (二0一九年) or a circle
 * (二○一九年). Zero in a date only, never in a count (○ also marks list items).
 */
export const YEAR_ZEROS = '0○';

/** Multipliers inside one 万-section: 一百二十 → 120. */
export const CHINESE_SMALL_UNITS: Readonly<Record<string, number>> = {
  '十': 10, '拾': 10, // 三十六 → 36
  '百': 100, '佰': 100, // 一百二十 → 120
  '千': 1000, '仟': 1000, // 两千零五 → 2005
};

/** Section multipliers: 11.3万 → 113000, 1.05亿 → 105000000, 萬/億 traditional. */
export const CHINESE_LARGE_UNITS: Readonly<Record<string, number>> = {
  '万': 1e4, '萬': 1e4, // 50770万元 → 507700000
  '亿': 1e8, '億': 1e8, // 78亿元 → 7800000000
};

/** Full-width digits and punctuation to ASCII, one code unit each so offsets do not move: １２ → 12. */
export function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９．，]/g, (c) => (c === '．' ? '.' : c === '，' ? ',' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

// 1,390 / 3.5 / 12 — separators only in groups of three, so 1,2 is not 12.
const ARABIC = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const CHINESE = new RegExp(`^[${[...Object.keys(CHINESE_DIGITS), ...Object.keys(CHINESE_SMALL_UNITS), ...Object.keys(CHINESE_LARGE_UNITS)].join('')}]+$`);
const DECIMAL = new RegExp(`^([^点]+)点([${YEAR_DIGITS}]+)([${Object.keys(CHINESE_LARGE_UNITS).join('')}]*)$`);
// 二〇二四 → 2024: digits only, read one by one (years, not counts).
const DIGIT_BY_DIGIT = new RegExp(`^[${YEAR_DIGITS}]{2,}$`);

/** Reads one numeral: '三十六'→36, '1,390'→1390, '１２'→12, '两千零五'→2005, '二〇二四'→2024, '3.5'→3.5, '十'→10, '1.8万'→18000, '二百三十点五亿'→23050000000. */
export function parseNumeral(s: string): number | null {
  if (typeof s !== 'string') return null;
  const t = toHalfWidthDigits(s.trim());
  if (t === '') return null;
  if (ARABIC.test(t)) return Number(t.replace(/,/g, ''));
  // 1.8万, 3千万 (Arabic head, Chinese multipliers)
  const mixed = /^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([十百千万萬亿億]+)$/.exec(t);
  if (mixed) {
    let v = Number(mixed[1]!.replace(/,/g, ''));
    for (const c of mixed[2]!) v *= CHINESE_SMALL_UNITS[c] ?? CHINESE_LARGE_UNITS[c] ?? 1;
    return roundScaled(v);
  }
  // 二百三十点五亿 → 23050000000, 零点五 → 0.5: a whole part, 点, digits read one by one, then 万/亿
  const decimal = DECIMAL.exec(t);
  if (decimal) {
    const whole = CHINESE.test(decimal[1]!) && !/[万萬亿億]/.test(decimal[1]!) ? parseNumeral(decimal[1]!) : null;
    if (whole === null) return null;
    let v = Number(`${whole}.${[...decimal[2]!].map((c) => CHINESE_DIGITS[c]).join('')}`);
    for (const c of decimal[3]!) v *= CHINESE_LARGE_UNITS[c]!;
    return roundScaled(v);
  }
  if (!CHINESE.test(t)) return null;
  if (DIGIT_BY_DIGIT.test(t) && !/^[〇零]/.test(t)) {
    let v = 0;
    for (const c of t) v = v * 10 + CHINESE_DIGITS[c]!;
    return v;
  }
  return parseChineseLarge(t);
}

/** Removes float noise from scaling: 217.69 × 10000 = 2176899.9999999995 → 2176900. */
export function roundScaled(v: number): number {
  // Integers of up to 12 digits are already what toPrecision(12) would give back.
  if (Number.isInteger(v) && Math.abs(v) < 1e12) return v;
  return Number.isFinite(v) ? Number(v.toPrecision(12)) : v;
}

// 一万亿 → 10^12: split at the last 亿, then at the last 万, then read the sections.
function parseChineseLarge(t: string): number | null {
  const iYi = Math.max(t.lastIndexOf('亿'), t.lastIndexOf('億'));
  if (iYi >= 0) {
    const head = iYi === 0 ? 1 : parseChineseLarge(t.slice(0, iYi));
    const tail = t.slice(iYi + 1);
    const rest = tail === '' ? 0 : parseTail(tail, 1e7);
    return head === null || rest === null ? null : head * 1e8 + rest;
  }
  const iWan = Math.max(t.lastIndexOf('万'), t.lastIndexOf('萬'));
  if (iWan >= 0) {
    const head = iWan === 0 ? 1 : parseSection(t.slice(0, iWan));
    const tail = t.slice(iWan + 1);
    const rest = tail === '' ? 0 : parseTail(tail, 1e3);
    return head === null || rest === null ? null : head * 1e4 + rest;
  }
  return parseSection(t);
}

// 一万五 → 15000: a lone digit after 万/亿 counts in the next lower place (colloquial).
function parseTail(tail: string, place: number): number | null {
  if (tail.length === 1 && CHINESE_DIGITS[tail] !== undefined && CHINESE_DIGITS[tail] !== 0) return CHINESE_DIGITS[tail]! * place;
  return place === 1e7 ? parseChineseLarge(tail) : parseSection(tail);
}

// One section below 10000: 三千零五 → 3005, 十五 → 15, 二十 → 20.
function parseSection(t: string): number | null {
  let total = 0;
  let digit: number | null = null;
  let lastUnit = 1e5;
  for (const c of t) {
    const d = CHINESE_DIGITS[c];
    if (d !== undefined) {
      if (digit !== null && d !== 0) return null; // 三五 inside a section: not a numeral
      digit = d === 0 ? null : d;
      continue;
    }
    const u = CHINESE_SMALL_UNITS[c];
    if (u === undefined || u >= lastUnit) return null; // 十百, 万 left over: malformed
    total += (digit ?? 1) * u;
    digit = null;
    lastUnit = u;
  }
  return total + (digit ?? 0);
}
