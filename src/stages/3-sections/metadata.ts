import { parseDate } from '../../mentions/dates.js';
import type { DateMention, Meta } from '../../schema.js';
import { type Found, type Line, sentencesWith } from './lines.js';
import { type Label, readLabels } from '../../vocab/labels.js';
import { CHROME_LINES } from '../../vocab/chrome-lines.js';

const pad = (n: number) => String(n).padStart(2, '0');
const YEAR = '(?:\\d{4}|[〇零一二三四五六七八九]{4})';

/** A full date in a header or signature: 2024年8月26日 / 2025-05-12 / 2023-01-06 11:16 / 2020年08月04日. */
const FULL_DATE = /(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})\s*日?/;

function isoOf(m: RegExpExecArray): string | null {
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (y < 1949 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/**
 * Lines that are never a title: the site chrome the clean stage knows (src/vocab/chrome-lines.ts), a
 * line of page fields ("来源:… 发布时间:…", "| 索引号 | …"), a breadcrumb ("您的位置: > >图片新闻",
 * "政务公开 > 统计法制 > 统计督察"), an empty line.
 */
function isChrome(line: string): boolean {
  const t = line.trim();
  return !t || /^(?:[|>»]|-+>)|[>»]\s*\S*\s*[>»]|->/.test(t) || CHROME_LINES.some((r) => r.pattern.test(t)) || readLabels(t).length > 0 || /^(?:当前位置|您的位置|你的位置|现在时间)/.test(t);
}

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
  for (let i = 0; i < head.length; i++) {
    const l = head[i]!;
    // A title broken before its last word: "关于县卫生健康局党组巡察集中整改进展情况的\n通 报".
    const next = head[i + 1];
    const tail = next && /关于.{2,80}的\s*$/.test(l.text) && /^\s*(?:通\s*报|报\s*告|公\s*告|通\s*知)\s*$/.test(next.text) ? next : null;
    const words = tail ? `${l.text.trimEnd()}${tail.text.replace(/\s+/g, '')}` : l.text;
    const m = /^\s*(?:(?:文件名称|标题|题目)\s*[:：]\s*)?((?:\S.{0,80}?)?关于.{2,80}?的(?:通报|报告|公告|通知|情况))\s*$/.exec(words);
    if (!m) continue;
    // On a line of page chrome the title is its last part: "梅州市人民政府门户网站 梅州市交通运输局 政务公告 中共梅州市交通运输局党组关于…的通报";
    // an issuer before a gap stays with it: "中共天水市秦州区教育局党组 关于市委巡察整改进展情况的通报".
    const parts = m[1]!.split(/[ \t\u3000]+/);
    let from = parts.length - 1;
    while (from > 0 && !parts[from]!.includes('关于')) from--;
    if (from > 0 && ISSUER.test(parts[from - 1]!) && parts[from]!.startsWith('关于')) from--;
    const value = parts.slice(Math.max(0, from)).join(' ');
    const start = l.start + Math.max(0, l.text.indexOf(value.slice(0, 6)));
    return { value, span: [start, tail ? tail.end : start + value.length] };
  }
  // A dateline ("——2024年11月26日在…会议上") or a date line is not a title.
  const first = head.find((l) => !isChrome(l.text));
  if (first && !/^(?:——|--|\d{4}\s*[-年 ])/.test(first.text.trim()) && first.text.trim().length <= 60 && !/[。；;]/.test(first.text) && !/[，,:：]$/.test(first.text.trim())) {
    const lead = first.text.length - first.text.trimStart().length;
    return { value: first.text.trim(), span: [first.start + lead, first.start + lead + first.text.trim().length] };
  }
  return null;
}

/** Issuers as they sign: 中共汨罗市委, 宁波市审计局, 博兴县中医医院党委, XX党组. */
const ISSUER = /^(?:中共.{1,20}?(?:委员会|委)(?:巡视办|巡察办|办公室|巡视工作领导小组办公室|巡察工作领导小组办公室)?|.{2,30}?(?:党组|党委|委员会|局|厅|政府|办公室|纪委|监委|巡察办|巡视办)|.{1,20}?[省市县区州旗]委)$/;

/** The issuer from the title: "中共湖北省委关于…的通报" → 中共湖北省委. */
export function issuerFromTitle(title: Found<string> | null): Found<string> | null {
  if (!title) return null;
  // "【巡察整改】中共岳阳市市场监督管理局党组关于…" / "中共天水市秦州区教育局党组 关于…" / "宜城市委关于…"
  const m = /^((?:[【\[][^】\]]{1,8}[】\]])?\s*)(.{2,30}?)\s*关于/.exec(title.value);
  if (!m || !ISSUER.test(m[2]!)) return null;
  const start = title.span[0] + m[1]!.length;
  return { value: m[2]!, span: [start, start + m[2]!.length] };
}

/**
 * The issuer on a line of its own above the title: "中共旺苍县卫生健康局党组\n关于县卫生健康局党组巡察集中整改进展情况的\n通 报".
 */
export function issuerAboveTitle(lines: Line[], title: Found<string> | null): Found<string> | null {
  if (!title || !/^关于/.test(title.value)) return null;
  const i = lines.findIndex((l) => l.start <= title.span[0] && title.span[0] <= l.end);
  const above = lines.slice(0, Math.max(0, i)).reverse().find((l) => l.text.trim());
  const words = above?.text.trim() ?? '';
  if (!above || words.length > 30 || !ISSUER.test(words)) return null;
  const at = above.start + above.text.indexOf(words);
  return { value: words, span: [at, at + words.length] };
}

/**
 * A report's speaker, on a line of its own below the title: "省审计厅厅长胡章胜" → 省审计厅.
 * The unit that reports is the issuer of a report read to a congress; the line may follow its
 * dateline ("——年11月27日在省十二届人大常委会第三十三次会议上省审计厅厅长胡章胜").
 */
const SPEAKER = /^\s*(?:(?:——|--)[^\n]{2,50}?(?:会议|大会)上\s*)?(.{2,20}?(?:厅|局|委员会|委|办公室|办|院|部|署|政府))(?:厅长|局长|主任|书记|审计长|部长|署长|院长|秘书长|(?:副|常务副)[^\s]{1,4})\s*[\p{Script=Han}·]{2,4}\s*$/u;

export function readSpeaker(lines: Line[]): Found<string> | null {
  for (const l of lines.filter((x) => x.text.trim()).slice(1, 5)) {
    const m = SPEAKER.exec(l.text);
    if (m) {
      const at = l.start + l.text.indexOf(m[1]!);
      return { value: m[1]!, span: [at, at + m[1]!.length] };
    }
  }
  return null;
}

/**
 * A masthead line that signs the notice at its head, issuer and date on one line, as work
 * briefings print them: "市环境保护督察反馈整改攻坚指挥部办公室     2021年1月13日".
 */
export function readMasthead(lines: Line[]): { issuer: Found<string>; date: Found<string> } | null {
  for (const l of lines.slice(0, HEADER_LINES)) {
    const m = /^\s*(\S{2,30}?)[ \t\u3000]+((?:\d{4}|[〇零一二三四五六七八九]{4})年\d{1,2}月\d{1,2}日)\s*$/.exec(l.text);
    if (!m || !ISSUER.test(m[1]!)) continue;
    const parsed = parseDate(m[2]!);
    if (!parsed) continue;
    const i = l.start + l.text.indexOf(m[1]!), d = l.start + l.text.lastIndexOf(m[2]!);
    return { issuer: { value: m[1]!, span: [i, i + m[1]!.length] }, date: { value: parsed.start, span: [d, d + m[2]!.length] } };
  }
  return null;
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
  // An issuer line alone closes the text: "…执行中央八项规定精神不到位等问题。\n中共高要区委巡察办"
  const last = tail[tail.length - 1];
  const lastText = last?.text.trim() ?? '';
  if (last && lastText.length <= 30 && ISSUER.test(lastText) && !/[,，。:：;；]/.test(lastText)) {
    const at = last.start + last.text.indexOf(lastText);
    return { issuer: { value: lastText, span: [at, at + lastText.length] }, date: null };
  }
  return { issuer: null, date: null };
}

/** Labels naming the notice's own date, most specific first; 现在时间 (the page clock) is not one. */
export const DATE_LABELS = ['成文日期', '发布时间', '发布日期', '公开日期', '时间', '日期', 'date'];

/** A full date with a time of day: the page's timestamp, "2019年05月01日 21:46 工人日报" / "来源:甘肃日报 2016-08-17 11:05:24". */
const TIMESTAMP = /(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})\s*日?\s*(?:\d{1,2}[:：∶]\d{2})/;

/**
 * A wire or app dateline: "新华社北京9月28日电", "中新網客戶端北京12月28日電", "东北网3月23日讯".
 * It names no year; the year is the one the text names (2018年兩批…), if it names only one.
 */
const DATELINE_DATE = /(?:^|[^\d])(\d{1,2})月(\d{1,2})日(?:电|讯|消息|電|訊)/;

/** Header lines: the first lines of a text, and its last ones, where pages print their fields. */
const HEADER_LINES = 15;

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
  return readDateline(head, text);
}

/** "中新網客戶端北京12月28日電 (冷昊陽)28日,生態環境部透露,2018年兩批…" → 2018-12-28: the dateline's day and the text's only year. */
function readDateline(head: Line[], text: string): Found<string> | null {
  for (const l of head.slice(0, 5)) {
    const m = DATELINE_DATE.exec(l.text);
    if (!m) continue;
    const years = new Set([...text.matchAll(/(?<!\d)((?:19|20)\d\d)\s*年/g)].map((y) => y[1]));
    if (years.size !== 1) return null;
    const [year] = years;
    const iso = isoOf(Object.assign([m[0], year, m[1], m[2]], { index: 0, input: '' }) as unknown as RegExpExecArray);
    if (!iso) return null;
    const start = l.start + m.index + m[0].indexOf(m[1]!);
    return { value: iso, span: [start, start + `${m[1]}月${m[2]}日`.length] };
  }
  return null;
}

export type InspectionType = NonNullable<Meta['inspectionType']>;

/** The mentions inside `[from, to)`, with spans relative to `from`. */
function datesIn(mentions: DateMention[], from: number, to: number): DateMention[] {
  return mentions.filter((d) => d.span[0] >= from && d.span[1] <= to).map((d) => ({ ...d, span: [d.span[0] - from, d.span[1] - from] as [number, number] }));
}

/** Sentences about an inspection name it: 巡视, 巡察, or an environmental 督察. */
const INSPECTION_WORD = /巡视|巡察|督察/g;
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
const FED_BACK = /反馈[^。]{0,16}?(?:意见|问题|情况)|反馈会|完成[^。]{0,6}反馈/;

/**
 * The inspection and its feedback, from the opening sentences:
 * "2023年9月7日至11月10日,省委第一巡视组对汨罗市进行了巡视。2023年12月21日,省委巡视组向汨罗市委反馈了巡视意见。"
 * A feedback date without a year ("10月10日,中央巡视组向湖北省委反馈了巡视意见") takes the year of the
 * inspection it follows, the next year when its month comes earlier.
 */
export function readInspection(text: string, mentions: DateMention[]) {
  let period: Found<{ start: string; end: string }> | null = null;
  let feedback: Found<string> | null = null;
  let type: InspectionType | null = null;
  let team: Found<string> | null = null;
  let offset = 0;
  const sentences = sentencesWith(text, INSPECTION_WORD);
  // The period first: a feedback date without a year takes the year of the inspection it follows,
  // whichever sentence comes first ("10月13日,县委第二巡察组向甘井镇党委反馈巡察情况。…2023年4月19日至6月18日…").
  for (const { text: sentence, start } of sentences) {
    if (period || !INSPECTED.test(sentence)) continue;
    const d = datesIn(mentions, start, start + sentence.length).find((x) => x.kind === 'range' && x.start && x.end);
    if (d) period = { value: { start: d.start!, end: d.end! }, span: [start + d.span[0], start + d.span[1]] };
  }
  for (const { text: sentence, start } of sentences) {
    offset = start;
    // The sentence's own dates, as read over the whole text; spans relative to the sentence.
    let dates: DateMention[] | null = null;
    const datesOf = () => (dates ??= datesIn(mentions, start, start + sentence.length));
    if (!team) {
      const t = /(?:中央|省委|市委|州委|县委|区委|旗委|校党委|党委|党组)?第[一二三四五六七八九十\d]+(?:专项)?(巡视|巡察)组/.exec(sentence);
      if (t) {
        team = { value: t[0], span: [offset + t.index, offset + t.index + t[0].length] };
        type = t[1] as InspectionType;
      }
    }
    const fed: RegExpExecArray | null = feedback ? null : FED_BACK.exec(sentence);
    if (fed) {
      // The day (or month) that introduces the clause of the feedback, else the first after it:
      // "2024年3月15日至4月30日,…开展了集中巡察,7月26日,县委第三巡察组向…反馈了巡察意见" → 7月26日.
      const points = datesOf().filter((x) => x.kind === 'point' && (x.grain === 'day' || x.grain === 'month') && x.start);
      const d: DateMention | undefined = points.filter((x) => x.span[1] <= fed.index).pop() ?? points.find((x) => x.span[0] >= fed.index);
      if (d && !d.yearInferred) feedback = { value: d.start!, span: [offset + d.span[0], offset + d.span[1]] };
      else if (d && period) {
        // A year-less feedback date takes the year of the inspection it follows, the next year when its month comes earlier.
        const mo = Number(d.start!.slice(5, 7));
        const [py, pm] = period.value.end.split('-').map(Number) as [number, number];
        feedback = { value: `${mo >= pm ? py : py + 1}${d.start!.slice(4)}`, span: [offset + d.span[0], offset + d.span[1]] };
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
