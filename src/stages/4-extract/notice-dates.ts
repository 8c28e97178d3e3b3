import type { FoundDate } from '../../schema.js';
import { type Found, type Line } from '../3-sections/lines.js';
import type { Sentences } from '../2-segment/sentences.js';
import { HEADER_LINES, INSPECTION_WORD, findMasthead, findSignature } from '../3-sections/metadata.js';
import { LABELS, type Label, readLabels } from '../../vocab/labels.js';
import { parseDate } from './dates.js';
import { CHINESE_DIGITS, COUNTING_NUMERALS, YEAR_DIGITS, parseNumeral } from '../../vocab/numerals.js';

/**
 * The notice's dates: its own date (the signature's, the masthead's, a page field, a timestamp or
 * a dateline), read before any other date so that years left unsaid can be taken from it, and the
 * inspection's period and feedback date, read from the date mentions.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** A full date in a header or signature: 2024年8月26日 / 2025-05-12 / 2023-01-06 11:16 / 2020年08月04日. */
const FULL_DATE = /(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})\s*日?/;

function isoOf(m: RegExpExecArray): string | null {
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (y < 1949 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** A digit of a year written one by one, with the zeros pages print among Chinese digits: 二〇一九 / 二0一九 / 二○一九 / 二零一九. */
const yearDigit = (c: string): number => (/\d/.test(c) ? Number(c) : /[○ＯO]/.test(c) ? 0 : CHINESE_DIGITS[c]!);

const WRITTEN_DATE = new RegExp(`^([\\d${YEAR_DIGITS}○ＯO]{4})\\s*年\\s*([\\d${COUNTING_NUMERALS}]{1,3})\\s*月\\s*([\\d${COUNTING_NUMERALS}]{1,3})\\s*日$`);

/**
 * A date whose year is written in Chinese digits, as signatures print it: "二〇一九年九月十六日", "二0一九年十二月三十一日".
 * The general reader takes 二〇一九 but not a year that mixes in an Arabic or a round zero.
 */
export function readWrittenDate(s: string): string | null {
  const m = WRITTEN_DATE.exec(s.trim());
  if (!m) return null;
  const year = [...m[1]!].reduce((v, c) => v * 10 + yearDigit(c), 0);
  const month = parseNumeral(m[2]!), day = parseNumeral(m[3]!);
  return month === null || day === null ? null : isoOf(Object.assign([m[0], String(year), String(month), String(day)], { index: 0, input: '' }) as unknown as RegExpExecArray);
}

/** The date the sections stage found printed in a signature or a masthead, read: "2024年8月26日", "二0一九年九月十六日", "2025117日". */
function printedDate(found: Found<string> | null | undefined, text: string): Found<string> | null {
  const stripped = found ? /^((?:19|20)\d\d)(\d{2,4})日$/.exec(found.value) : null;
  const parsed = found ? parseDate(found.value)?.start ?? readWrittenDate(found.value) ?? (stripped ? readStrippedDate(stripped[1]!, stripped[2]!, text) : null) : null;
  return parsed ? { value: parsed, span: found!.span } : null;
}

/** The notice's own date: its signature's, its masthead's, else one in its header (`readHeaderDate`). */
export function readNoticeDate(lines: Line[], pageMeta: Record<string, string>, text: string): Found<string> | null {
  return printedDate(findSignature(lines).date, text) ?? printedDate(findMasthead(lines)?.date, text) ?? readHeaderDate(lines, pageMeta, text);
}

/** Labels naming the notice's own date, most specific first (成文日期 before 发布时间 before 时间), from the labels table; 现在时间 (the page clock) is not one. */
export const DATE_LABELS = LABELS.filter((l) => l.field === 'documentDate').map((l) => l.label);

/** A full date with a time of day: the page's timestamp, "2019年05月01日 21:46 工人日报" / "来源:甘肃日报 2016-08-17 11:05:24". */
const TIMESTAMP = /(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})\s*日?\s*(?:\d{1,2}[:：∶]\d{2})/;

/**
 * A wire or app dateline: "新华社北京9月28日电", "中新網客戶端北京12月28日電", "东北网3月23日讯", in Chinese numerals
 * too ("【中新社北京十二月三日電】", "新华社北京三月五日电"). It names no year; the year is the one the text names
 * (2018年兩批…), if it names only one.
 */
const DATELINE_DATE = new RegExp(`(?:^|[^\\d${COUNTING_NUMERALS}])(\\d{1,2}|[${COUNTING_NUMERALS}]{1,3})月(\\d{1,2}|[${COUNTING_NUMERALS}]{1,3})日(?:电|讯|消息|電|訊)`);

/**
 * A page's date on a header line of its own that the labels and the timestamp do not read, each row with the line it
 * was written from. `order` says where the day stands.
 */
export const HEADER_DATES: { name: string; pattern: RegExp; order: 'ymd' | 'dmy'; example: string }[] = [
  // A European page stamp, day first, alone or with its time: never a version number, which has no line of its own.
  { name: 'day-first', pattern: /^\s*(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$/, order: 'dmy', example: '26.08.2016  22:04 / 18.06.2015' },
  // The date printed after the title or the paper's name on its line.
  { name: 'after-words', pattern: /\S[ \t\u3000]+(\d{4})-(\d{1,2})-(\d{1,2})\s*$/, order: 'ymd', example: '中共上海市青浦区民政局党组关于巡察集中整改进展情况的通报 2026-02-13 / 中国证券报 2023-02-22' },
  // The date, then the name of the site that printed it.
  { name: 'before-source', pattern: /^\s*(\d{4})-(\d{1,2})-(\d{1,2})[ \t\u3000]+[\p{Script=Han}A-Za-z]{2,12}\s*$/u, order: 'ymd', example: '2020-12-21 观察者网' },
];

/**
 * A report's dateline, or a date line, whose 年 and 月 the page stripped: "——20221130日在…会议上", "2025117日". Eight digits
 * read one way; seven or six may read two ways (2025117日: 1月17日 or 11月7日), and then the notice's date is the one reading
 * not before the latest date the text writes in full, the notice being later than what it reports.
 */
const STRIPPED_DATELINE = /^\s*(?:——|--)?\s*((?:19|20)\d\d)(\d{2,4})日(?=\s*$|[^\n]{0,40}?(?:会议|大会)上)/;

function strippedReadings(year: string, rest: string): string[] {
  const out: string[] = [];
  for (let cut = 1; cut < rest.length; cut++) {
    const month = rest.slice(0, cut), day = rest.slice(cut);
    if (month.length > 2 || day.length > 2 || /^0/.test(day) && day.length === 1) continue;
    const iso = isoOf(Object.assign(['', year, month, day], { index: 0, input: '' }) as unknown as RegExpExecArray);
    if (iso && !out.includes(iso)) out.push(iso);
  }
  return out;
}

/**
 * A date the page stripped of 年 and 月, read for the notice: the one reading ("20221130日"), else the one not before the latest
 * date the text writes in full ("2025117日" after 2025年3月5日 → 2025-11-07), else none.
 */
export function readStrippedDate(year: string, rest: string, text: string): string | null {
  const readings = strippedReadings(year, rest);
  if (readings.length === 1) return readings[0]!;
  const written = [...text.matchAll(/((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日/g)].map((d) => isoOf(d as unknown as RegExpExecArray)).filter((d): d is string => !!d).sort();
  const latest = written[written.length - 1];
  const fits = readings.filter((r) => latest && r >= latest);
  return fits.length === 1 ? fits[0]! : null;
}

function readStrippedDateline(head: Line[], text: string): Found<string> | null {
  for (const l of head) {
    const m = STRIPPED_DATELINE.exec(l.text);
    const iso = m ? readStrippedDate(m[1]!, m[2]!, text) : null;
    if (!m || !iso) continue;
    const start = l.start + m[0].indexOf(m[1]!);
    return { value: iso, span: [start, start + m[1]!.length + m[2]!.length + 1] };
  }
  return null;
}

/**
 * The notice's own date when no signature gives it, in this order: a page field (成文日期 before
 * 发布时间 before 时间), a page timestamp, a header line that is only a date ("2020年08月04日"),
 * a speech dateline ("——2024年11月26日在江西省第十四届人大常委会第十三次会议上"), a wire dateline
 * with the text's only year.
 */
export function readHeaderDate(lines: Line[], pageMeta: Record<string, string>, text: string): Found<string> | null {
  for (const key of DATE_LABELS) {
    const v = pageMeta[key];
    const m = v ? FULL_DATE.exec(v) : null;
    const iso = m && m.index === 0 ? isoOf(m) : null;
    if (iso) return { value: iso, span: [0, 0] };
  }
  const head = lines.slice(0, HEADER_LINES);
  const headEnd = head.length ? head[head.length - 1]!.end : 0;
  const tailStart = lines.length > HEADER_LINES ? lines[Math.max(HEADER_LINES, lines.length - 5)]!.start : headEnd;
  const labels: Label[] = [...readLabels(text, 0, headEnd), ...(tailStart > headEnd ? readLabels(text, tailStart) : [])];
  for (const key of DATE_LABELS) {
    for (const l of labels) {
      if (l.label !== key) continue;
      const m = FULL_DATE.exec(l.value);
      const iso = m && m.index === 0 ? isoOf(m) : null;
      if (iso) return { value: iso, span: [l.span[0], l.span[0] + m![0].trimEnd().length] };
    }
  }
  for (const l of head) {
    const m = TIMESTAMP.exec(l.text);
    const iso = m ? isoOf(m) : null;
    if (m && iso && l.text.length <= 80) {
      const start = l.start + m.index;
      return { value: iso, span: [start, start + m[0].length] };
    }
  }
  for (const l of head) {
    const m = /^\s*(?:——|--)?\s*(\d{4})\s*(?:年|-)\s*(\d{1,2})\s*(?:月|-)\s*(\d{1,2})\s*日?(?=\s*(?:\d{1,2}[:：∶]\d{2}(?:[:：]\d{2})?)?\s*(?:来源.*)?$|在)/.exec(l.text);
    const iso = m ? isoOf(m) : null;
    if (m && iso) {
      const start = l.start + m[0].indexOf(m[1]!);
      return { value: iso, span: [start, l.start + m[0].length] };
    }
  }
  for (const row of HEADER_DATES) {
    for (const l of head) {
      const m = l.text.length <= 80 ? row.pattern.exec(l.text) : null;
      if (!m) continue;
      const [y, mo, d] = row.order === 'ymd' ? [m[1]!, m[2]!, m[3]!] : [m[3]!, m[2]!, m[1]!];
      const iso = isoOf(Object.assign([m[0], y, mo, d], { index: 0, input: '' }) as unknown as RegExpExecArray);
      if (!iso) continue;
      // The span is the date alone: its three numbers and the two separators between them.
      const start = l.start + m.index + m[0].indexOf(m[1]!);
      return { value: iso, span: [start, start + m[1]!.length + m[2]!.length + m[3]!.length + 2] };
    }
  }
  return readStrippedDateline(head, text) ?? readDateline(head, text);
}

/**
 * A wire dateline's date: "中新網客戶端北京12月28日電 (冷昊陽)28日,生態環境部透露,2018年兩批…" → 2018-12-28. Its year is the page's:
 * a full date printed on a header line above it ("来源:未知 2018-09-29 我要评论" over "新华社北京9月28日电" → 2018-09-28; the year
 * before when the dateline's day falls after the page's), else the only year the text names.
 */
function readDateline(head: Line[], text: string): Found<string> | null {
  for (const [i, l] of head.slice(0, 5).entries()) {
    const m = DATELINE_DATE.exec(l.text);
    if (!m) continue;
    const month = parseNumeral(m[1]!), day = parseNumeral(m[2]!);
    if (month === null || day === null) return null;
    const page = head.slice(0, i).map((h) => (h.text.length <= 80 ? FULL_DATE.exec(h.text) : null)).find((d) => d && isoOf(d));
    let year: number;
    if (page) {
      const [py, pm, pd] = [Number(page[1]), Number(page[2]), Number(page[3])];
      year = month * 100 + day > pm * 100 + pd ? py - 1 : py;
    } else {
      const years = new Set([...text.matchAll(/(?<!\d)((?:19|20)\d\d)\s*年/g)].map((y) => y[1]));
      if (years.size !== 1) return null;
      year = Number([...years][0]);
    }
    const iso = isoOf(Object.assign([m[0], String(year), String(month), String(day)], { index: 0, input: '' }) as unknown as RegExpExecArray);
    if (!iso) return null;
    const start = l.start + m.index + m[0].indexOf(m[1]!);
    return { value: iso, span: [start, start + `${m[1]}月${m[2]}日`.length] };
  }
  return null;
}

/** The mentions inside `[from, to)`, with spans relative to `from`. */
function datesIn(mentions: FoundDate[], from: number, to: number): FoundDate[] {
  return mentions.filter((d) => d.span[0] >= from && d.span[1] <= to).map((d) => ({ ...d, span: [d.span[0] - from, d.span[1] - from] as [number, number] }));
}

/**
 * The sentence that gives the inspection's period: "2023年9月7日至11月10日,省委第一巡视组对汨罗市进行了巡视" /
 * "中央环境保护督察组于2017年8月至9月组织对吉林…等8省(区)开展环境保护督察" / "…督察组进驻我市开展第二轮省级生态环境保护督察".
 */
const INSPECTED = /(?:对|进驻).{1,200}?(?:进行|开展|实施)了?.{0,12}?(?:巡视|巡察|督察)/;
/**
 * The sentence that gives the feedback: "2023年12月21日,省委巡视组向汨罗市委反馈了巡视意见" /
 * "…召开巡察情况反馈会" / "…向佘家镇党委反馈村级全覆盖巡察情况" / "并于2018年1月完成督察反馈" /
 * "2022年11月,太湖县委第三巡察组向弥陀镇党委…巡察反馈问题227个".
 */
// 反馈强烈 is the public's complaint ("群众反馈强烈的突出生态环境问题"), no inspection's feedback.
const FED_BACK = /反馈(?!强烈)[^。]{0,16}?(?:意见|问题|情况)|反馈会|完成[^。]{0,6}反馈/;

/**
 * The inspection's period and its feedback date, from the sentences about the inspection:
 * "2023年9月7日至11月10日,省委第一巡视组对汨罗市进行了巡视。2023年12月21日,省委巡视组向汨罗市委反馈了巡视意见。"
 * A feedback date without a year ("10月10日,中央巡视组向湖北省委反馈了巡视意见") takes the year of the
 * inspection it follows, the next year when its month comes earlier.
 */
export function readInspectionDates(sentences: Sentences, mentions: FoundDate[]): { period: Found<{ start: string; end: string }> | null; feedback: Found<string> | null } {
  let period: Found<{ start: string; end: string }> | null = null;
  let feedback: Found<string> | null = null;
  const about = sentences.withWord(INSPECTION_WORD);
  // The period first: a feedback date without a year takes the year of the inspection it follows,
  // whichever sentence comes first ("10月13日,县委第二巡察组向甘井镇党委反馈巡察情况。…2023年4月19日至6月18日…").
  for (const { text: sentence, start } of about) {
    if (period || !INSPECTED.test(sentence)) continue;
    const d = datesIn(mentions, start, start + sentence.length).find((x) => x.kind === 'range' && x.start && x.end);
    if (d) period = { value: { start: d.start!, end: d.end! }, span: [start + d.span[0], start + d.span[1]] };
  }
  for (const { text: sentence, start } of about) {
    const fed: RegExpExecArray | null = feedback ? null : FED_BACK.exec(sentence);
    if (!fed) continue;
    // The day (or month) that introduces the clause of the feedback, else the first after it:
    // "2024年3月15日至4月30日,…开展了集中巡察,7月26日,县委第三巡察组向…反馈了巡察意见" → 7月26日.
    const points = datesIn(mentions, start, start + sentence.length).filter((x) => x.kind === 'point' && (x.grain === 'day' || x.grain === 'month') && x.start);
    const d: FoundDate | undefined = points.filter((x) => x.span[1] <= fed.index).pop() ?? points.find((x) => x.span[0] >= fed.index);
    if (d && !d.yearInferred) feedback = { value: d.start!, span: [start + d.span[0], start + d.span[1]] };
    else if (d && period) {
      // A year-less feedback date takes the year of the inspection it follows, the next year when its month comes earlier.
      const mo = Number(d.start!.slice(5, 7));
      const [py, pm] = period.value.end.split('-').map(Number) as [number, number];
      feedback = { value: `${mo >= pm ? py : py + 1}${d.start!.slice(4)}`, span: [start + d.span[0], start + d.span[1]] };
    }
  }
  return { period, feedback };
}
