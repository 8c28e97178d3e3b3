import type { InspectionType } from '../../schema.js';
import { type Found, type Line } from './lines.js';
import type { Sentences } from '../2-segment/sentences.js';
import { LABELS, readLabels } from '../../vocab/labels.js';
import { COUNTING_NUMERALS, YEAR_DIGITS } from '../../vocab/numerals.js';
import { BREADCRUMB_START, CHROME_LINES } from '../../vocab/chrome-lines.js';

/**
 * The notice's metadata that is words, not dates: its title, its issuer (from the signature, a
 * masthead, the title, the line above it, or a report's speaker line) and the inspection team.
 * Where the signature or the masthead print a date, `findSignature`/`findMasthead` give its
 * place; the extract stage reads it.
 */

/** A year as signatures print it: 2024 / 二〇二四 / 二0一九 (an Arabic or a round zero among Chinese digits). */
const YEAR = `(?:\\d{4}|[${YEAR_DIGITS}0○Ｏ]{4})`;
/** A masthead's date: "2021年1月13日". */
const DATE_LINE = `${YEAR}年\\d{1,2}月\\d{1,2}日`;
/** A signature's date line, without its brackets: "2024年8月26日" / "二〇一九年九月十六日" / "20221130日" (年 and 月 stripped by the page). */
const SIGNATURE_DATE = new RegExp(`^(?:${YEAR}年[\\d${YEAR_DIGITS}十]{1,3}月[\\d${YEAR_DIGITS}十]{1,3}日|(?:19|20)\\d{4,6}日)$`);

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
 * Head lines that are not chrome the clean stage drops, yet never a title: a byline, a site's name
 * or greeting, a page or column label, a widget. Each row with the real line it was written from.
 */
export const NOT_A_TITLE: { name: string; pattern: RegExp; example: string }[] = [
  { name: 'byline', pattern: /^(?:文|图|文图|图文|记者|通讯员|作者|撰稿)\s*[/／|丨:：]|(?:报道|报导)$/, example: '文/都江堰市纪委监委、都江堰市委巡察办、廉政瞭望联合调研组 / 记者魏有德／综合报导' },
  { name: 'site', pattern: /(?:首页|主页|网站|频道|客户端|电子报|杂志|信息公开)\s*[|｜]?$|欢迎(?:您|访问|光临)|本网站|点击或扫描|扫描下载|无障碍/, example: '新华丝路首页 / 四平广播电视台欢迎您! / 本网站秉承 服务产业、服务行业、服务企业 / 央视新闻客户端点击或扫描下载 / 政府信息公开 / 无障碍版 长者助手' },
  { name: 'page-label', pattern: /^第\s*\d+\s*版|^[【\[][^】\]]{1,8}[】\]]$/, example: '第05版:财经 / 【资料图】' },
  { name: 'column', pattern: /(?:动态|资讯|要闻|专栏|栏目|频道)$/, example: '环保督察 环保督察动态' },
  { name: 'weather', pattern: /-?\d+\s*℃/, example: '昆明: 小雨 4℃~8℃' },
  { name: 'dialogue', pattern: /^“[^”]*[?？!！。…]”$/, example: '“小妹,村里的水渠后来有修缮吗?村干部有来跟进这个事情吗?”' },
];

/** A title says something: at least this many Han characters (新闻资讯, 返回上一级, 购物车, 集团首页 say nothing). */
const TITLE_MIN_HAN = 8;

/** A line that can stand as a title: short, unpunctuated, not a dateline, a speaker, a byline, a site's name or a widget. */
function titleLike(line: string): boolean {
  const t = line.trim();
  return (
    !isChrome(t) &&
    t.length <= 60 &&
    (t.match(/\p{Script=Han}/gu)?.length ?? 0) >= TITLE_MIN_HAN &&
    // A dateline or a date line is none ("——2024年11月26日在…会议上", "2024-05-29"); a year is ("2017年度脱贫攻坚成效考核反馈问题整改实施方案").
    !/^(?:——|--|\d{4}\s*[-年/. ]\s*\d{1,2}\s*[-月/.])/.test(t) &&
    !/[。；;]/.test(t) &&
    !/[，,:：]$/.test(t) &&
    !SPEAKER.test(t) &&
    !NOT_A_TITLE.some((r) => r.pattern.test(t))
  );
}

/** A page date printed after the title on its line: "…进展情况的通报 2026-02-13" / "…的通报　2024年8月26日". */
const TRAILING_DATE = /[ \t\u3000]+(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)(?:\s+\d{1,2}[:：]\d{2}(?::\d{2})?)?\s*$/;

/** The words of a head line without a page date after them. */
const withoutDate = (text: string) => text.replace(TRAILING_DATE, '');

/**
 * A body's report on its own rectification, titled without 关于: "罗湖区2023年度本级预算执行和其他财政收支审计查出问题整改情况的报告",
 * "昆明市整改落实云南省环境保护督察反馈意见问题情况报告". A whole line, so a sentence that says 整改情况报告 is none.
 */
export const REPORT_TITLE = /^\s*[^。，,;；:：\n]{0,60}整改[^。，,;；:：\n]{0,30}情况的?(?:通报|报告)\s*$/;

/**
 * The title: a 文件名称 / 标题 field, else a line that reads as one (关于…的通报, or a report titled
 * …整改…情况的报告, a page date after it dropped), else the line above the page's fields (来源:… 发布时间:…),
 * else the first line when it is a headline.
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
    const text = withoutDate(l.text);
    // A title broken before its last word: "关于县卫生健康局党组巡察集中整改进展情况的\n通 报",
    // or inside it: "中共某某县财政局党组关于巡察整改\n进展情况的通报".
    const next = head[i + 1];
    const nextText = next ? withoutDate(next.text) : '';
    const tail = next && /关于.{2,80}的\s*$/.test(text) && /^\s*(?:通\s*报|报\s*告|公\s*告|通\s*知)\s*$/.test(nextText) ? next
      : next && /关于[^。，,;；:：]{2,60}$/.test(text.trim()) && !/的(?:通报|报告|公告|通知|情况)\s*$/.test(text) && /^\s*[^。，,;；:：\s]{2,40}的(?:通报|报告)\s*$/.test(nextText) ? next : null;
    const words = tail ? `${text.trimEnd()}${nextText.replace(/\s+/g, '')}` : text;
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
  const whole = (l: Line): Found<string> => {
    // Without what the page put around it: "…转办第九批群众信访举报件132件 |", "巡视纪委整改工作方案_第1页", "(原标题:…)".
    const words = withoutDate(l.text).trim().replace(/[ \t\u3000]*[|｜]$|_第\d+页$/, '').replace(/^[(（]原标题[:：]\s*(.+?)\s*[)）]$/, '$1');
    const at = l.start + l.text.indexOf(words);
    return { value: words, span: [at, at + words.length] };
  };
  const report = head.find((l) => REPORT_TITLE.test(withoutDate(l.text)) && titleLike(withoutDate(l.text)));
  if (report) return whole(report);
  // The headline sits above the page's fields: "处罚5569人!湖北省卫健委通报巡视整改进展\n发布时间:2023-06-24".
  const fields = head.findIndex((l) => readLabels(l.text).some((x) => x.field !== 'counter'));
  if (fields > 0 && titleLike(head[fields - 1]!.text)) return whole(head[fields - 1]!);
  const first = head.find((l) => !isChrome(l.text));
  if (first && titleLike(withoutDate(first.text))) return whole(first);
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
  for (const l of lines.filter((x) => x.text.trim()).slice(0, 5)) {
    const m = SPEAKER.exec(l.text);
    if (m) {
      const at = l.start + l.text.indexOf(m[1]!);
      return { value: m[1]!, span: [at, at + m[1]!.length] };
    }
  }
  return null;
}

/**
 * A notice that publishes its own rectification says so, and names 整改 in saying it: "现将巡察集中整改进展情况予以公布",
 * "现将巡察整改情况报告如下". A notice by the inspecting side publishes its findings instead ("现将巡察情况通报如下"),
 * and its issuer is not the body it inspected.
 */
export const SELF_PUBLISHES = /现将[^。《》]{0,30}?整改[^。《》]{0,20}?(?:予以公布|予以公开|公布如下|通报如下|报告如下|予以通报)/;

/**
 * How such a notice names the body that was inspected, and so issues it: the object of the inspection, the
 * recipient of the feedback, and the body that made a rectification plan. Each row with its real sentence.
 */
export const INSPECTED_BODY: { role: 'object' | 'recipient' | 'plan'; pattern: RegExp; example: string }[] = [
  { role: 'object', pattern: /对((?:中共)?[^，,。；;、“”()（）《》对向]{2,30}?)(?:[(（]以下简称[^)）]{0,20}[)）])?(?:开展|进行|实施)了?[^。，,；;]{0,12}?(?:巡视|巡察|督察)/g, example: '市委第三巡察组对中共东莞市人民检察院党组(以下简称“市检察院党组”)进行了巡察' },
  { role: 'recipient', pattern: /向((?:中共)?[^，,。；;、“”()（）《》对向]{2,30}?)反馈了?(?:巡视|巡察|督察)/g, example: '12月26日,省委第二巡视组向中共达州市通川区委反馈了巡视意见' },
  { role: 'plan', pattern: /《((?:中共)?(?:(?!关于)[^《》，,。对向]){2,30}?(?:党组|党委|党工委|委员会))(?:关于)?[^《》]{0,30}?整改[^《》]{0,12}?(?:方案|措施|通知)》/g, example: '市法院党组研究制定《中共莆田市中级人民法院党组关于巡察反馈意见的整改方案》 / 印发了《中共进贤县民和镇党委关于认真做好市委第二巡察组巡察反馈意见整改工作的通知》' },
];

/** A short name keeps the characters of the full one in their order: 市检察院党组 in 中共东莞市人民检察院党组, 院党组 (我院党组) in 中共莆田市中级人民法院党组. */
function shortens(short: string, full: string): boolean {
  let i = 0;
  for (const c of full) if (c === short[i]) i++;
  return i === short.length;
}

/**
 * The issuer of a notice that publishes its own rectification: the body it names as inspected, in the fullest
 * name the text gives ("对中共东莞市人民检察院党组(以下简称“市检察院党组”)进行了巡察" → 中共东莞市人民检察院党组);
 * the recipient of the feedback when the object is a place ("对达州市通川区开展了常规巡视…向中共达州市通川区委反馈了巡视意见");
 * the name in the title of its own rectification plan when the text says no more than 我院党组 or 市科技局党组
 * ("《中共遂宁市科学技术局党组巡察反馈问题整改工作方案》"). 我局/我院 stand for that body and are never its name.
 */
export function issuerFromBody(text: string): Found<string> | null {
  const self = SELF_PUBLISHES.exec(text);
  if (!self) return null;
  // The opening that names the inspection: the paragraph up to the self-publication phrase.
  const from = Math.max(0, text.lastIndexOf('\n', self.index) + 1, self.index - 600);
  const opening = text.slice(from, self.index);
  const named: Found<string>[] = [];
  let said: string | null = null;
  for (const row of INSPECTED_BODY.filter((r) => r.role !== 'plan')) {
    for (const m of opening.matchAll(row.pattern)) {
      const name = m[1]!;
      const at = from + m.index! + m[0].indexOf(name);
      // 对我院党组开展了巡察 / 向我局反馈了巡察意见: the body itself, named elsewhere.
      if (/^(?:我|本)/.test(name)) said ??= name.slice(1);
      else if (ISSUER.test(name)) named.push({ value: name, span: [at, at + name.length] });
    }
  }
  let best = named[0] ?? null;
  for (const n of named.slice(1)) if (best && n.value.length > best.value.length && shortens(best.value, n.value)) best = n;
  const short = best?.value ?? said;
  if (!short) return null;
  const plan = INSPECTED_BODY.find((r) => r.role === 'plan')!;
  for (const m of text.matchAll(plan.pattern)) {
    const name = m[1]!;
    if (name.length > short.length && ISSUER.test(name) && !/巡视|巡察|督察/.test(name) && shortens(short.replace(/^中共/, ''), name)) {
      const at = m.index! + 1;
      return { value: name, span: [at, at + name.length] };
    }
  }
  return best;
}

/** A source that is a publisher, not a body: a website, a paper, a broadcaster, or the discipline commission that reposts. */
const PUBLISHER = /网|报|站|台|社|新闻|融媒|客户端|公众号|微信|纪委|监委|纪检|巡视|巡察|编辑部/;

/**
 * The issuer a page's fields name: 发布机构 / 发文机关 ("发布机构: 省统计局"), else the 来源 of a text that
 * is no news report ("来源:罗湖区审计局 发布时间:2025-06-18"), when it names a body and not a website
 * or a paper (来源:博兴县纪委监委网站, 来源:甘肃日报).
 */
export function issuerFromLabels(lines: Line[], text: string, pageMeta: Record<string, string>): Found<string> | null {
  const head = lines.slice(0, HEADER_LINES);
  const labels = head.length ? readLabels(text, 0, head[head.length - 1]!.end) : [];
  const reported = /记者|通讯员|本报讯|[电電]\s*[(（]/.test(text);
  for (const field of ['issuer', 'source'] as const) {
    if (field === 'source' && reported) continue;
    const found = labels.filter((l) => l.field === field).map((l) => ({ value: l.value, span: l.span }));
    const meta = LABELS.filter((l) => l.field === field && pageMeta[l.label]).map((l) => ({ value: pageMeta[l.label]!, span: [0, 0] as [number, number] }));
    for (const { value, span } of [...found, ...meta]) {
      // "昆明市人民政府 2019-07-30 11:42": the body before the date.
      const name = value.split(/[ \t\u3000]+/)[0]!;
      if (name.length <= 30 && ISSUER.test(name) && !PUBLISHER.test(name)) return { value: name, span: [span[0], span[0] + (span[1] > span[0] ? name.length : 0)] };
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
 * A working body that signs above the date, though no party or government organ: "安徽省生态环境保护督察宣城市协调联络组 / 2024年5月8日",
 * a 领导小组, a 指挥部, a 专班. Read only in a signature, where the date below makes it one.
 */
const SIGNING_TEAM = /^[^\s、，,。:：;；]{4,30}(?:组|指挥部|专班)$/;

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
    const issuer = prev && (ISSUER.test(prevText) || SIGNING_TEAM.test(prevText)) && prevText.length <= 30 && !/[,，。:：]/.test(prevText) ? { value: prevText, span: [prev.start + prev.text.indexOf(prevText), prev.start + prev.text.indexOf(prevText) + prevText.length] as [number, number] } : null;
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
  const counts = INSPECTION_TYPES.map((w) => [w, (text.match(typeWord(w)) ?? []).length] as const).sort((a, b) => b[1] - a[1]);
  return { team: null, type: counts[0]![1] > 0 ? counts[0]![0] : null };
}

const INSPECTION_TYPES = ['巡视', '巡察', '审计', '督察'] as const;
/**
 * A word that names an inspection, not a job title: 巡视员 and 督察员 are ranks and posts
 * ("二级巡视员张某某出席会议", "省审计厅一级巡视员"; a paraphrase: "副巡视员王某某介绍情况"), so 员
 * after the word takes it out of the count.
 */
const typeWord = (w: string) => new RegExp(`${w}(?!员)`, 'g');
