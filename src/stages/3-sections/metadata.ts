import { findDates, parseDate } from '../../mentions/dates.js';
import type { DateMention, Meta } from '../../schema.js';
import { type Found, type Line, sentencesWith } from './lines.js';

const pad = (n: number) => String(n).padStart(2, '0');
const YEAR = '(?:\\d{4}|[〇零一二三四五六七八九]{4})';

/** A full date in a header or signature: 2024年8月26日 / 2025-05-12 / 2023-01-06 11:16 / 2020年08月04日. */
const FULL_DATE = /(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})\s*日?/;

function isoOf(m: RegExpExecArray): string | null {
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (y < 1949 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** Lines that are page chrome, never a title: breadcrumbs, source and view counters, share widgets. */
const CHROME = /^(?:当前位置|您的位置|你的位置|位置|首页|来源|发布|时间|字体|字号|分享|浏览|点击|责编|责任编辑|作者|通知公告|现在时间|>|-+>|\s*$)|[>»]\s*\S+\s*[>»]|->/;

/**
 * The title: a 文件名称 / 标题 field, else a line that reads as one (关于…的通报, short and
 * unpunctuated), else the first line when it is a headline.
 */
export function readTitle(lines: Line[], pageMeta: Record<string, string>): Found<string> | null {
  const field = pageMeta['文件名称'] ?? pageMeta['标题'] ?? pageMeta['title'];
  const head = lines.filter((l) => l.text.trim()).slice(0, 8);
  if (field) {
    const line = head.find((l) => l.text.trim() === field.trim());
    return { value: field.trim(), span: line ? [line.start, line.end] : [0, 0] };
  }
  for (const l of head) {
    const m = /^\s*(?:(?:文件名称|标题|题目)\s*[:：]\s*)?(\S.{0,80}?关于.{2,80}?的(?:通报|报告|公告|通知|情况))\s*$/.exec(l.text);
    if (m) {
      const start = l.start + l.text.indexOf(m[1]!);
      return { value: m[1]!, span: [start, start + m[1]!.length] };
    }
  }
  // A dateline ("——2024年11月26日在…会议上") or a date line is not a title.
  const first = head.find((l) => !CHROME.test(l.text.trim()));
  if (first && !/^(?:——|--|\d{4}\s*[-年 ])/.test(first.text.trim()) && first.text.trim().length <= 60 && !/[。；;]/.test(first.text) && !/[，,:：]$/.test(first.text.trim())) {
    const lead = first.text.length - first.text.trimStart().length;
    return { value: first.text.trim(), span: [first.start + lead, first.start + lead + first.text.trim().length] };
  }
  return null;
}

/** Issuers as they sign: 中共汨罗市委, 宁波市审计局, 博兴县中医医院党委, XX党组. */
const ISSUER = /^(?:中共.{1,20}?(?:委员会|委)|.{2,30}?(?:党组|党委|委员会|局|厅|政府|办公室|纪委|监委))$/;

/** The issuer from the title: "中共湖北省委关于…的通报" → 中共湖北省委. */
export function issuerFromTitle(title: Found<string> | null): Found<string> | null {
  if (!title) return null;
  const m = /^(.{2,30}?)关于/.exec(title.value);
  if (!m || !ISSUER.test(m[1]!)) return null;
  return { value: m[1]!, span: [title.span[0], title.span[0] + m[1]!.length] };
}

/** The signature block: an issuer line then a date line among the last lines: "中共汨罗市委 / 2024年8月26日" or "( 2017年9月16日)". */
export function readSignature(lines: Line[]): { issuer: Found<string> | null; date: Found<string> | null } {
  const tail = lines.filter((l) => l.text.trim()).slice(-4);
  for (let i = tail.length - 1; i >= 0; i--) {
    const line = tail[i]!;
    const bare = line.text.trim().replace(/^[(（]\s*|\s*[)）]$/g, '');
    if (!new RegExp(`^${YEAR}年[\\d〇零一二三四五六七八九十]{1,3}月[\\d〇零一二三四五六七八九十]{1,3}日$`).test(bare)) continue;
    const parsed = parseDate(bare);
    if (!parsed) continue;
    const prev = tail[i - 1];
    const prevText = prev?.text.trim() ?? '';
    const issuer = prev && ISSUER.test(prevText) && prevText.length <= 30 && !/[,，。:：]/.test(prevText) ? { value: prevText, span: [prev.start + prev.text.indexOf(prevText), prev.start + prev.text.indexOf(prevText) + prevText.length] as [number, number] } : null;
    const at = line.start + line.text.indexOf(bare);
    return { issuer, date: { value: parsed.start, span: [at, at + bare.length] } };
  }
  return { issuer: null, date: null };
}

/** Header fields naming the notice's own date, most specific first; 现在时间 (the page clock) is not one. */
export const DATE_FIELDS: { pattern: RegExp; example: string }[] = [
  { pattern: /成文日期\s*[:：]\s*/, example: '成文日期:2024-08-26' },
  { pattern: /发布(?:时间|日期)\s*[:：]\s*/, example: '来源:博兴县纪委监委网站 发布时间:2025-05-12 浏览量:0 次' },
  { pattern: /(?<!现在)(?:^|\s)(?:时间|日期)\s*[:：]\s*/, example: '时间 : 2023年02月10日 来源 : https://…' },
];

const PAGE_META_FIELDS = ['成文日期', '发布时间', '发布日期', '日期', '时间'];

/**
 * The notice's own date when no signature gives it: a page field, a header field, a header
 * line that is only a date ("2020年08月04日", "2025-05-30 01:42:03", "2021-10-23 20:38 来源: 湖北日报"),
 * or a speech dateline ("——2024年11月26日在江西省第十四届人大常委会第十三次会议上").
 */
export function readHeaderDate(lines: Line[], pageMeta: Record<string, string>): Found<string> | null {
  for (const key of PAGE_META_FIELDS) {
    const v = pageMeta[key];
    const m = v ? FULL_DATE.exec(v) : null;
    const iso = m ? isoOf(m) : null;
    if (iso) return { value: iso, span: [0, 0] };
  }
  const head = lines.slice(0, 12);
  for (const field of DATE_FIELDS) {
    for (const l of head) {
      const f = new RegExp(field.pattern.source).exec(l.text);
      if (!f) continue;
      const rest = l.text.slice(f.index + f[0].length);
      const m = FULL_DATE.exec(rest);
      if (!m || m.index !== 0) continue;
      const iso = isoOf(m);
      const start = l.start + f.index + f[0].length;
      if (iso) return { value: iso, span: [start, start + m[0].length] };
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
  return null;
}

export type InspectionType = NonNullable<Meta['inspectionType']>;

/**
 * The inspection and its feedback, from the opening sentences:
 * "2023年9月7日至11月10日,省委第一巡视组对汨罗市进行了巡视。2023年12月21日,省委巡视组向汨罗市委反馈了巡视意见。"
 * A feedback date without a year ("10月10日,中央巡视组向湖北省委反馈了巡视意见") takes the year of the
 * inspection it follows, the next year when its month comes earlier.
 */
export function readInspection(text: string, documentDate: string | null) {
  let period: Found<{ start: string; end: string }> | null = null;
  let feedback: Found<string> | null = null;
  let type: InspectionType | null = null;
  let team: Found<string> | null = null;
  let offset = 0;
  for (const { text: sentence, start } of sentencesWith(text, /巡视|巡察/g)) {
    offset = start;
    // Read only for a sentence that may give the period or the feedback date: most sentences name 巡视 in passing.
    let dates: DateMention[] | null = null;
    const datesOf = () => (dates ??= findDates(sentence, { documentDate }).dates);
    if (!period && /对.{1,200}?(?:进行|开展)了?.{0,12}?(?:巡视|巡察)/.test(sentence)) {
      const d = datesOf().find((x) => x.kind === 'range' && x.start && x.end);
      if (d) period = { value: { start: d.start!, end: d.end! }, span: [offset + d.span[0], offset + d.span[1]] };
    }
    if (!team) {
      const t = /(?:中央|省委|市委|州委|县委|区委|旗委|校党委|党委|党组)?第[一二三四五六七八九十\d]+(?:专项)?(巡视|巡察)组/.exec(sentence);
      if (t) {
        team = { value: t[0], span: [offset + t.index, offset + t.index + t[0].length] };
        type = t[1] as InspectionType;
      }
    }
    if (!feedback && /反馈/.test(sentence) && /意见|问题/.test(sentence)) {
      const d = datesOf().find((x) => x.kind === 'point' && x.grain === 'day' && x.start && !x.yearInferred);
      if (d) feedback = { value: d.start!, span: [offset + d.span[0], offset + d.span[1]] };
      else if (period) {
        const md = /(?<![\d年])(\d{1,2})月(\d{1,2})日/.exec(sentence);
        if (md) {
          const mo = Number(md[1]), day = Number(md[2]);
          const [py, pm] = period.value.end.split('-').map(Number) as [number, number];
          const year = mo >= pm ? py : py + 1;
          feedback = { value: `${year}-${pad(mo)}-${pad(day)}`, span: [offset + md.index, offset + md.index + md[0].length] };
        }
      }
    }
  }
  if (!type) {
    // The word the notice uses most: an audit report names 巡视 once in passing, 审计 throughout.
    const counts = (['巡视', '巡察', '审计', '督察'] as const).map((w) => [w, text.split(w).length - 1] as const).sort((a, b) => b[1] - a[1]);
    type = counts[0]![1] > 0 ? counts[0]![0] : null;
  }
  return { period, feedback, type, team };
}
