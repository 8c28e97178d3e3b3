import type { InspectionType } from '../../schema.js';
import { type Found, type Line } from './lines.js';
import type { Sentences } from '../2-segment/sentences.js';
import { readLabels } from '../../vocab/labels.js';
import { COUNTING_NUMERALS, YEAR_DIGITS } from '../../vocab/numerals.js';
import { BREADCRUMB_START, CHROME_LINES } from '../../vocab/chrome-lines.js';

/**
 * The notice's metadata that is words, not dates: its title, its issuer (from the signature, a
 * masthead, the title, the line above it, or a report's speaker line) and the inspection team.
 * Where the signature or the masthead print a date, `findSignature`/`findMasthead` give its
 * place; the extract stage reads it.
 */

/** A year as signatures print it: 2024 / 二〇二四. */
const YEAR = `(?:\\d{4}|[${YEAR_DIGITS}]{4})`;
/** A masthead's date: "2021年1月13日". */
const DATE_LINE = `${YEAR}年\\d{1,2}月\\d{1,2}日`;
/** A signature's date line, without its brackets: "2024年8月26日" / "二〇一九年九月十六日". */
const SIGNATURE_DATE = new RegExp(`^${YEAR}年[\\d${YEAR_DIGITS}十]{1,3}月[\\d${YEAR_DIGITS}十]{1,3}日$`);

/**
 * Lines that are never a title: the site chrome the clean stage knows (src/vocab/chrome-lines.ts), a
 * line of page fields ("来源:… 发布时间:…", "| 索引号 | …"), a breadcrumb ("您的位置: > >图片新闻",
 * "政务公开 > 统计法制 > 统计督察"), the page clock ("现在时间:…"), an empty line.
 */
function isChrome(line: string): boolean {
  const t = line.trim();
  return !t || /^(?:[|>»]|-+>)|[>»]\s*\S*\s*[>»]|->/.test(t) || CHROME_LINES.some((r) => r.pattern.test(t)) || readLabels(t).length > 0 || BREADCRUMB_START.test(t) || /^现在时间/.test(t);
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
 * briefings print them: "市环境保护督察反馈整改攻坚指挥部办公室     2021年1月13日". The issuer is read
 * here; the date, where it is printed, by the extract stage.
 */
export function findMasthead(lines: Line[]): { issuer: Found<string>; date: Found<string> } | null {
  for (const l of lines.slice(0, HEADER_LINES)) {
    const m = new RegExp(`^\\s*(\\S{2,30}?)[ \\t\\u3000]+(${DATE_LINE})\\s*$`).exec(l.text);
    if (!m || !ISSUER.test(m[1]!)) continue;
    const i = l.start + l.text.indexOf(m[1]!), d = l.start + l.text.lastIndexOf(m[2]!);
    return { issuer: { value: m[1]!, span: [i, i + m[1]!.length] }, date: { value: m[2]!, span: [d, d + m[2]!.length] } };
  }
  return null;
}

/**
 * The signature block among the last lines: an issuer line then a date line, "中共汨罗市委 /
 * 2024年8月26日" or "( 2017年9月16日)", or an issuer line alone closing the text. The issuer is
 * read here; the date, where it is printed, by the extract stage.
 */
export function findSignature(lines: Line[]): { issuer: Found<string> | null; date: Found<string> | null } {
  const tail = lines.filter((l) => l.text.trim()).slice(-4);
  for (let i = tail.length - 1; i >= 0; i--) {
    const line = tail[i]!;
    const bare = line.text.trim().replace(/^[(（]\s*|\s*[)）]$/g, '');
    if (!SIGNATURE_DATE.test(bare)) continue;
    const prev = tail[i - 1];
    const prevText = prev?.text.trim() ?? '';
    const issuer = prev && ISSUER.test(prevText) && prevText.length <= 30 && !/[,，。:：]/.test(prevText) ? { value: prevText, span: [prev.start + prev.text.indexOf(prevText), prev.start + prev.text.indexOf(prevText) + prevText.length] as [number, number] } : null;
    const at = line.start + line.text.indexOf(bare);
    return { issuer, date: { value: bare, span: [at, at + bare.length] } };
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

/** Header lines: the first lines of a text, and its last ones, where pages print their fields. */
export const HEADER_LINES = 15;

/** Sentences about an inspection name it: 巡视, 巡察, or an environmental 督察. */
export const INSPECTION_WORD = /巡视|巡察|督察/g;

/** An inspection team: "省委第一巡视组" / "县委第三巡察组" / "中央第十二专项巡视组". */
const TEAM = new RegExp(`(?:中央|省委|市委|州委|县委|区委|旗委|校党委|党委|党组)?第[${COUNTING_NUMERALS}\\d]+(?:专项)?(巡视|巡察)组`);

/**
 * The inspection team and the kind of inspection: the first team a sentence about an inspection
 * names ("2023年9月7日至11月10日,省委第一巡视组对汨罗市进行了巡视" → 省委第一巡视组, 巡视), else the
 * word the notice uses most (an audit report names 巡视 once in passing, 审计 throughout).
 */
export function readTeam(sentences: Sentences): { team: Found<string> | null; type: InspectionType | null } {
  const { text } = sentences;
  for (const { text: sentence, start } of sentences.withWord(INSPECTION_WORD)) {
    const t = TEAM.exec(sentence);
    if (t) return { team: { value: t[0], span: [start + t.index, start + t.index + t[0].length] }, type: t[1] as InspectionType };
  }
  const counts = (['巡视', '巡察', '审计', '督察'] as const).map((w) => [w, text.split(w).length - 1] as const).sort((a, b) => b[1] - a[1]);
  return { team: null, type: counts[0]![1] > 0 ? counts[0]![0] : null };
}
