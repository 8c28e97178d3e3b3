import type { Category, Message, Problem } from '../../schema.js';
import { HEADING_LEVEL, type Family, type Marker } from './markers.js';
import { isSentenceEnd } from '../2-segment/sentences.js';
import { COUNTING_NUMERALS } from '../../vocab/numerals.js';
import { CATEGORY_PREFIX, CATEGORY_TITLE, MEASURE_OPENER, NAMES_KINDS, RECTIFICATION_WORDS, SHORTCOMING, closesItems, namesKind, namesKindOutright } from './words.js';
import { statusOf } from '../../vocab/status.js';

/**
 * The enumeration grammar: markers (markers.ts) are grouped into runs (same family, numbered
 * 1, 2, 3 …, all at line starts or all inside running text), and each run is read as what it
 * enumerates, from its cue (the words just before it) and from its items' own words. Runs of
 * problems inside runs of problems or headings make categories. Beside the numbered runs,
 * unnumbered forms list problems too: clauses split by semicolons after a colon, a sentence of
 * semicolon clauses under a heading line, clauses that each open with the same 有的/一些/部分,
 * bullet lines, and a problem quoted in a notice about its rectification (关于“…”整改).
 * The grammar, row by row with real examples: docs/reading-notices.md.
 */
export type Enumerates = 'problems' | 'requirements' | 'pledges' | 'measures' | 'achievements' | 'plans' | 'causes' | 'headings';

export interface RunItem {
  marker: Marker | null;
  /** Where the item's words begin and end; `end` excludes the separator before the next item. */
  start: number;
  end: number;
  /** Where the item's region ends: up to the next item, or for the last one the end of its part of the text. */
  regionEnd: number;
}

export interface Run {
  family: Family | 'clause' | 'bullet' | 'quoted' | 'case';
  lineStart: boolean;
  items: RunItem[];
  /** The words the run is read from, and what they say it lists. */
  cue: string;
  enumerates: Enumerates | null;
  /** A run of clauses split by semicolons after a colon: "集中表现在以下五个方面:a;b;c;d;e。" */
  afterColon?: boolean;
  /** The run begins in the part of a notice whose heading names the feedback's problems: "二、巡察反馈问题整改进展情况". */
  inProblemsPart?: boolean;
}

/** The inspectors' finding, which announces what follows it: "但巡察也发现," / "督察发现,". */
const FOUND = /(?:巡察|巡视|督察|审计|检查)组?(?:也|还|同时)?(?:发现|指出)$/;

/**
 * Cue phrases, the nearest to the list deciding: "对巡察中发现的问题…提出了整改时限和要求。一是…"
 * is a list of requirements, though the sentence names 发现的问题 first. Each row has the
 * sentence it was written from.
 */
export const CUES: { enumerates: Enumerates; pattern: RegExp; example: string }[] = [
  { enumerates: 'problems', pattern: /(?:存在|发现|查找|查摆|梳理|反馈|指出|通报|列出|暴露)(?:了|出|的|着)?[^。；;:：]{0,30}?(?:问题|不足|短板|弱项|薄弱环节|差距)/g, example: '反馈了新华社区存在的4类主要问题:一、… / 但仍然存在一些薄弱环节。一是… / 主要存在四个方面的突出问题:' },
  { enumerates: 'problems', pattern: new RegExp(FOUND.source, 'g'), example: '在事业发展方面取得了一定成绩,但巡察也发现(then ,有的单位党组织政治核心作用发挥不够,有的落实…“两个责任”不够到位) / 督察发现(then ,个别地方仍顶风违法违规占用耕地挖湖造景;…)' },
  { enumerates: 'problems', pattern: /(?:集中|主要|突出|具体)?表现(?:在|为)/g, example: '本轮巡察发现被巡察单位存在一些突出问题,集中表现在以下五个方面:' },
  { enumerates: 'problems', pattern: /主要(?:是|有)\s*[:：]/g, example: '但仍存在一些问题。主要是:农村发展活力不足' },
  { enumerates: 'problems', pattern: /问题(?:主要)?(?:有|是|如下)\s*[:：]?/g, example: '反馈的问题主要有:' },
  { enumerates: 'problems', pattern: new RegExp(`^\\s*(?:[${COUNTING_NUMERALS}]+[、．.]\\s*)?(?:整改|存在的?|主要|反馈的?|发现的?|突出)问题\\s*[:：]?\\s*$`, 'g'), example: '一、整改问题 (then (一)宿马园区唐河天门大道段有浮萍…)' },
  { enumerates: 'requirements', pattern: /要求|建议|提出[^。；;]{0,12}?意见|[点条项]意见|强调|希望|提醒/g, example: '提出了整改时限和要求。一是夯实整改责任 / 讲了三点意见:一是提高政治站位 / 提出了具体要求:第一,' },
  { enumerates: 'pledges', pattern: /表态|表示|承诺|保证/g, example: '海外事业部党委书记封有德代表被巡察单位表态发言' },
  { enumerates: 'measures', pattern: /措施|举措|做法|整改(?:落实)?(?:情况|进展|工作)|主体责任|采取|针对|对照|围绕/g, example: '一、被巡察党组织及其主要负责人组织落实整改情况 / 针对以上问题' },
  { enumerates: 'achievements', pattern: /取得[^。；;]{0,10}?(?:成效|成绩|成果|进展)|成效(?:明显|显著)|亮点|较好|向好|好转/g, example: '总体上看,省级预算执行情况较好。一是经济发展稳中向好' },
  { enumerates: 'plans', pattern: /下一步|今后|计划|打算|目标任务|将(?:从|以|在|继续|进一步|持续|着力|重点)/g, example: '下一步,我们将不断深化成果运用' },
  { enumerates: 'causes', pattern: /原因|根源|症结/g, example: '二、问题产生的原因 (wild w141, a 范文 of a rectification report) / (a paraphrase) 深刻剖析问题根源,主要有以下原因:一是政治站位不高' },
];

/** The words a run is read from: the part of the sentence before its first marker, or the sentence before that. */
export function cueOf(text: string, at: number): string {
  // A cue is read within the last CUE_REACH characters: the list's own announcement is near it.
  const floor = Math.max(0, at - CUE_REACH);
  let s = at;
  while (s > floor && !isSentenceEnd(text[s - 1]!)) s--;
  let cue = text.slice(s, at).trim();
  if (!cue) {
    let e = s;
    while (e > floor && /[\s。!！?？]/.test(text[e - 1]!)) e--;
    let b = e;
    while (b > Math.max(0, e - CUE_REACH) && !isSentenceEnd(text[b - 1]!)) b--;
    cue = text.slice(b, Math.min(text.length, e + 1)).trim();
  }
  return cue.length > 120 ? cue.slice(-120) : cue;
}

const CUE_REACH = 200;


/**
 * What a cue announces: the row whose phrase ends nearest the list. A problem cue announces a
 * list only at the end of its words ("…存在的4类主要问题:"), not in passing ("下面,我将…反馈问题整改
 * 及…工作开展有关情况作简要汇报,不妥之处,请指正。").
 */
export function readCue(cue: string): Enumerates | null {
  const words = cue.replace(/[\s:：,，。;；!！?？]+$/, '');
  let best: { enumerates: Enumerates; end: number } | null = null;
  for (const row of CUES) {
    row.pattern.lastIndex = 0;
    for (const m of words.matchAll(row.pattern)) {
      const end = m.index + m[0].length;
      // "…存在整改任务未完成、整改质量不高等问题。" states the problems; it does not announce a list.
      if (row.enumerates === 'problems' && (words.length - end > ANNOUNCES_WITHIN || NAMES_KINDS.test(words))) continue;
      // A word of measures that a shortcoming follows in its clause is the subject of a problem, not a cue: "(一)党建主体
      // 责任落实不到位,支部建设不规范,…。一是…" (wild w158) lists the problems of that heading.
      if (row.enumerates !== 'problems' && SHORTCOMING.test(words.slice(end).split(/[,，;；。]/)[0] ?? '')) continue;
      if (!best || end > best.end) best = { enumerates: row.enumerates, end };
    }
  }
  return best?.enumerates ?? null;
}

/** How far before a list a problem cue may end: "…存在以下五个方面的突出问题,具体如下:" */
const ANNOUNCES_WITHIN = 10;

/** The first clause of an item: what it opens with, up to the first comma, semicolon or full stop. */
const headOf = (s: string) => s.replace(/^[\s“"‘'《]+/, '').split(/[,，;；。:：]/)[0] ?? '';
/** The item's first sentence, where its shortcoming is named. */
const firstSentence = (s: string) => s.split(/[。;；]/)[0] ?? s;

const ITEM_HEAD = 300;

/** Whether a run's items read as problems, whatever the cue: most name a shortcoming, few open as measures. */
function itemsRead(text: string, run: Run): { shortcomings: number; measures: number } {
  let shortcomings = 0, measures = 0;
  for (const it of run.items) {
    // An item names its shortcoming in its first sentence: the first ITEM_HEAD characters are enough.
    const words = text.slice(it.start, Math.min(it.end, it.start + ITEM_HEAD));
    if (SHORTCOMING.test(firstSentence(words))) shortcomings++;
    else if (MEASURE_OPENER.test(headOf(words))) measures++;
  }
  return { shortcomings, measures };
}

/**
 * What a run enumerates. 一要 always numbers requirements. Otherwise the cue decides, and the
 * items confirm: a list after a problem cue whose items mostly open as measures ("针对巡察反馈的
 * 问题,一是加强…二是…") is a list of measures; a list with no cue is one of problems when most of
 * its items name a shortcoming and none opens as a measure.
 */
export function readRun(text: string, run: Run): Enumerates | null {
  if (run.family === 'must') return 'requirements';
  if (run.family === 'quoted' || run.family === 'case') return 'problems';
  const k = run.items.length;
  const cue = readCue(run.cue);
  // In the part of a notice that sets out the feedback's problems, numbered lines that name a shortcoming are its
  // problems, even one alone before its 整改情况 (an excerpt cut after it): "二、巡察反馈问题整改进展情况\n(一)反馈问题:
  // 公立医院公益性凸显不足\n1.优化后的绩效考核方案尚未公布。" The part's own heading is no cue of measures.
  if (run.inProblemsPart && run.lineStart && (cue === null || PROBLEMS_PART.test(run.cue) || namesKindOutright(run.cue.replace(HEADING_MARKER, '')))) {
    const { shortcomings, measures } = itemsRead(text, run);
    if (measures === 0 && shortcomings * 3 >= k * 2) return 'problems';
  }
  // "发现个别…超量储存;部分…未制定…预案;部分…无人值班等安全隐患问题。": one sentence naming kinds, not a list. A run a
  // problem cue announces with a colon is a list however its last clause ends: "…主要存在的问题:贯彻落实党中央决策部署
  // 不到位;基层党组织建设薄弱,…;有的存在投资无收益,偿债风险巨大等问题。"
  const last = run.items[run.items.length - 1]!;
  if (run.family === 'clause' && !(run.afterColon && cue === 'problems') && NAMES_KINDS.test(text.slice(Math.max(last.start, last.end - ITEM_HEAD), last.end))) return null;
  const { shortcomings, measures } = itemsRead(text, run);
  // Clauses that each open with 有的 / 一些 / 部分 make a list by their form alone, of problems or of what was done: "针对巡察
  // 反馈的问题,各单位迅速行动,有的召开专题会议研究部署,有的建立整改台账,有的完善制度机制" lists measures though a problem is
  // named before it. They list problems when most of them name a shortcoming ("但巡察也发现,有的单位党组织政治核心作用发挥
  // 不够,有的落实…不够到位", wild w101).
  if (run.family === 'clause' && !run.afterColon && !run.lineStart && (cue === 'problems' || cue === null)) return shortcomings * 3 >= k * 2 ? 'problems' : null;
  if ((cue === 'problems' || cue === null) && shortcomings === 0 && run.items.every((it) => isTitle(text.slice(it.start, Math.min(it.end, it.start + ITEM_HEAD))))) return 'headings';
  if (cue === 'problems') return measures * 2 > k || (k === 1 && shortcomings === 0 && measures > 0) ? 'measures' : 'problems';
  if (cue !== null) return cue;
  if (k >= 2 && measures === 0 && shortcomings * 3 >= k * 2) return 'problems';
  return null;
}

/** A heading's marker before its title: "(一)" / "二、" / "1." */
const HEADING_MARKER = new RegExp(`^\\s*(?:[(（](?:[${COUNTING_NUMERALS}]+|\\d+)[)）]|(?:[${COUNTING_NUMERALS}]+|\\d+)[、.．])\\s*`);

/**
 * The name of a kind a heading opens with, up to a space, a full stop or a colon, or its end: "在聚焦贯彻落实党的
 * 路线方针政策和上级决策部署方 面存在差距" of "…方 面存在差距 部分村党组织…" (a page made from a PDF, its former line ends
 * spaces); null when it opens with none.
 */
function kindHead(words: string): string | null {
  for (const m of words.slice(0, KIND_HEAD).matchAll(/(?=[\s。:：])|$/g)) {
    const head = words.slice(0, m.index).trimEnd();
    if (head.length >= 2 && namesKindOutright(head) && !CATEGORY_PREFIX.test(head)) return head;
  }
  return null;
}
const KIND_HEAD = 80;

/** Families that number sentences, not headings: "(二)存在问题\n一是常规宣传方式效果不好。…二是整改社会公开不到位。" */
const INLINE_FAMILIES = new Set<Family | 'clause'>(['is', 'must', 'ordinal', 'sequence']);

/**
 * A heading, not a statement: short and unpunctuated ("县卫生健康局党组" / "党建工作方面" / "发现的问题"),
 * or the title of a part of a report ("迎接中央督导组督导准备工作开展情况。").
 */
const isTitle = (words: string) => (words.length <= 20 && !/[,，;；。:：]/.test(words)) || /情况[。.]?$/.test(words);

/** Longest gap between two items of one run, in characters: a list is read within a few paragraphs. */
const MAX_GAP = 4000;

/**
 * A marker that lost its mark in copying continues the run it numbers on, and a message says so: "4.主体责任和监督责任
 * 履行不到位…\n5践行安全发展理念有差距。…\n6.财务管理不规范。" (wild w156: 5 without its dot, read as 5.).
 */
export const SLIPS: { family: Family; continues: Family; example: string }[] = [
  { family: 'digit-bare', continues: 'digit-dot', example: '4.主体责任和监督责任履行不到位,重要领域、重点岗位廉政风险管控不严。\n5践行安全发展理念有差距。项目建设风险防控意识不强。\n6.财务管理不规范。' },
];

/**
 * Markers to runs: the same family, numbered on from the run's last item, at line starts or inline alike. A heading
 * list goes on over one number lost ("1.…\n2.…\n4.…": item 3 is missing, and the numbering audit says so) when
 * its next heading of the family is the next number but one.
 */
export function groupRuns(text: string, markers: Marker[]): Run[] {
  const runs: Run[] = [];
  // Runs waiting for their next number, by family, kind and that number: "一是" waits for "二是".
  const waiting = new Map<string, Run[]>();
  const key = (family: Family, lineStart: boolean, number: number) => `${family}|${lineStart && !INLINE_FAMILIES.has(family)}|${number}`;
  // The last heading of each family: a list skips a number only from its own last heading.
  const lastHeading = new Map<Family, Marker>();
  const take = (family: Family, lineStart: boolean, number: number, at: number, last?: Marker) => {
    const list = waiting.get(key(family, lineStart, number));
    while (list?.length && at - list[list.length - 1]!.items[list[list.length - 1]!.items.length - 1]!.marker!.start > MAX_GAP) list.pop();
    const run = list?.[list.length - 1];
    if (!run || (last && run.items[run.items.length - 1]!.marker !== last)) return undefined;
    return list!.pop();
  };
  for (const m of markers) {
    const lineStart = m.lineStart && !INLINE_FAMILIES.has(m.family);
    let run: Run | undefined;
    if (m.number === 1) {
      run = { family: m.family, lineStart, items: [{ marker: m, start: m.end, end: m.end, regionEnd: m.end }], cue: cueOf(text, m.start), enumerates: null };
      runs.push(run);
    } else {
      // Headings (一、 (一) 1.) stay at line starts or inside sentences; 一是 opens a paragraph and goes on inline.
      run = take(m.family, lineStart, m.number, m.start);
      for (const slip of SLIPS) if (!run && slip.family === m.family) run = take(slip.continues, lineStart, m.number, m.start);
      if (!run && lineStart && HEADING_LEVEL[m.family] !== undefined && lastHeading.has(m.family)) run = take(m.family, lineStart, m.number - 1, m.start, lastHeading.get(m.family));
      if (lineStart) lastHeading.set(m.family, m);
      if (!run) continue;
      run.items.push({ marker: m, start: m.end, end: m.end, regionEnd: m.end });
    }
    if (lineStart) lastHeading.set(run.family as Family, m);
    const next = key(run.family as Family, run.lineStart, m.number + 1);
    if (!waiting.has(next)) waiting.set(next, []);
    waiting.get(next)!.push(run);
  }
  const headings = headingIndex(markers);
  for (const run of runs) bound(text, run, headings);
  return runs;
}

/** Line-start markers of each family, and where each family is first used at a line start. */
interface HeadingIndex { starts: Map<Family, number[]>; firstUse: Map<Family, number> }
function headingIndex(markers: Marker[]): HeadingIndex {
  const starts = new Map<Family, number[]>();
  const firstUse = new Map<Family, number>();
  for (const m of markers) {
    if (!m.lineStart) continue;
    if (!firstUse.has(m.family)) firstUse.set(m.family, m.start);
    if (m.number > 1) (starts.get(m.family) ?? starts.set(m.family, []).get(m.family)!).push(m.start);
  }
  return { starts, firstUse };
}

const trimEnd = (text: string, start: number, end: number) => {
  while (end > start && /[\s;；,，、]/.test(text[end - 1]!)) end--;
  return end;
};
/**
 * A document's lines, found once: where each ends, and which close the items. Every question a
 * reader asks of them (where does this line end, what closes the list after here) is a binary
 * search, so a document of forty thousand headings costs no more per heading than one of ten.
 */
interface TextIndex { text: string; ends: number[]; closing: number[] }
let lastIndex: TextIndex | null = null;
function indexOf(text: string): TextIndex {
  if (lastIndex?.text === text) return lastIndex;
  const ends: number[] = [];
  const closing: number[] = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    ends.push(end);
    if (end - start <= 200 && closesItems(text.slice(start, end).trim())) closing.push(start);
    start = end + 1;
  }
  return (lastIndex = { text, ends, closing });
}
/** The index of the first value in sorted `xs` that is at least `at`. */
function lowerBound(xs: readonly number[], at: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first value in sorted `xs` that is at least `at` (or more than `at`), by binary search; `undefined` past the end. */
function firstFrom(xs: readonly number[], at: number, strictly = false): number | undefined {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < at || (strictly && xs[mid] === at)) lo = mid + 1;
    else hi = mid;
  }
  return xs[lo];
}

/** The start of the first line in `(at, limit)` that closes the items (下一步…, 联系电话, 如对…有异议, the signature), else `limit`. */
function closingAfter(text: string, at: number, limit: number): number {
  const l = firstFrom(indexOf(text).closing, at, true);
  return l !== undefined && l < limit ? l : limit;
}

const lineEnd = (text: string, at: number) => firstFrom(indexOf(text).ends, at) ?? text.length;

/**
 * Each item's extent. An item runs to the next item's marker. The last one: an item of a list
 * split by semicolons ends at the full stop ("…;四、涉及群众关切的民生问题。针对以上问题…"), any
 * other inline item at the end of its paragraph; a heading's region runs to the next heading
 * of an outer list, its words to the end of its line.
 */
function bound(text: string, run: Run, headings: HeadingIndex): void {
  const items = run.items;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const next = items[i + 1];
    if (next) {
      it.regionEnd = next.marker!.start;
      it.end = trimEnd(text, it.start, run.lineStart ? Math.min(lineEnd(text, it.start), next.marker!.start) : next.marker!.start);
      continue;
    }
    if (run.lineStart) {
      // The next heading, numbered on, of a family in use before this list began: an outer list.
      const first = items[0]!.marker!.start;
      let outer = text.length;
      for (const [family, starts] of headings.starts) {
        if (family === run.family || headings.firstUse.get(family)! >= first) continue;
        outer = Math.min(outer, firstFrom(starts, it.start, true) ?? text.length);
      }
      it.regionEnd = closingAfter(text, it.start, outer);
      it.end = trimEnd(text, it.start, lineEnd(text, it.start));
      continue;
    }
    const separators = items.slice(0, -1).map((x) => text.slice(x.end, x.regionEnd));
    const bySemicolon = separators.length > 0 && separators.every((s) => /[;；]/.test(s));
    let end = lineEnd(text, it.start);
    if (bySemicolon) {
      let stop = it.start;
      while (stop < Math.min(end, it.start + ITEM_REACH) && (text[stop] === '\n' || !isSentenceEnd(text[stop]))) stop++;
      if (stop < Math.min(end, it.start + ITEM_REACH)) end = stop + 1;
    }
    it.regionEnd = end;
    it.end = trimEnd(text, it.start, end);
  }
}

/** How far an unnumbered item or a list after a colon is read: a sentence of a notice, not a page. */
const ITEM_REACH = 2000;

/** Openers that mark each clause of an unnumbered list: "有的…;有的…" / "一些地方…;一些地方…". */
const CLAUSE_OPENERS = ['有的', '一些', '部分', '个别', '少数'];
const MAY_LIST = new RegExp(`[;；]|${CLAUSE_OPENERS.join('|')}`);
/** An opener, not 有的 inside a word (所有的, 具有的, 现有的 …). */
const OPENER_AT = new RegExp(`(?<![所没具固特原现持拥享占独专应既已含带附存])(?:${CLAUSE_OPENERS.join('|')})`, 'g');
/** The opener that may follow its subject: "这些地方有的存在违法采矿破坏生态问题、有的垃圾填埋场严重污染环境". */
const AFTER_SUBJECT = '有的';
/** How long a subject before the first 有的 may be: "这些地方". */
const SUBJECT = 12;

/**
 * Lists of clauses that each open with the same opener, in `text[begin, stop)`: clauses split by semicolons or full
 * stops that each open so ("有的政治意识淡薄,…;有的政治站位不高,…;有的大局意识不强,…。"), and, inside one such clause,
 * clauses joined by commas or 、 ("但巡察也发现,有的单位党组织政治核心作用发挥不够,有的落实…不够到位,有的落实…存在短板,
 * …。"): each runs from its opener to the next, the last to the end of its clause.
 */
function openerRuns(text: string, begin: number, stop: number): [number, number][][] {
  const runs: [number, number][][] = [];
  const clauses = splitClauses(text, begin, stop);
  const openerOf = (at: number) => CLAUSE_OPENERS.find((o) => text.startsWith(o, at));
  for (let i = 0; i < clauses.length; ) {
    const opener = openerOf(clauses[i]![0]);
    let j = i + 1;
    while (opener && j < clauses.length && text.startsWith(opener, clauses[j]![0])) j++;
    if (opener && j - i >= 2) runs.push(clauses.slice(i, j));
    i = j;
  }
  for (const [start, end] of clauses) {
    const at: { at: number; opener: string }[] = [];
    for (const m of text.slice(start, end).matchAll(OPENER_AT)) {
      const o = start + m.index;
      const before = text.slice(start, o).replace(/\s+$/, '');
      const subject = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf('，'), before.lastIndexOf('、')) + 1);
      if (/[,，、]$/.test(before) || (m[0] === AFTER_SUBJECT && subject.length <= SUBJECT && !at.some((x) => x.opener === AFTER_SUBJECT))) at.push({ at: o, opener: m[0] });
    }
    for (let i = 0; i < at.length; ) {
      let j = i + 1;
      while (j < at.length && at[j]!.opener === at[i]!.opener) j++;
      if (j - i >= 2) runs.push(at.slice(i, j).map((x, k, xs) => [x.at, xs[k + 1]?.at ?? (j < at.length ? at[j]!.at : end)]));
      i = j;
    }
  }
  return runs;
}

/**
 * Where a run of semicolon clauses may be announced: a colon, or the comma after the inspectors' finding
 * ("督察发现,一些地方践行…还不到位,…;污染防治攻坚存在薄弱环节,…;…;一些第三方环境检测机构存在数据造假问题。", wild w008).
 */
const ANNOUNCING = new RegExp(`[:：]|(?<=${FOUND.source.replace(/\$$/, '')})[,，]`, 'g');

/**
 * Unnumbered lists: clauses split by semicolons after a cue that ends in a colon ("集中表现在以下
 * 五个方面:a;b;c;d;e。"), and clauses that each open with the same 有的/一些 word.
 */
export function clauseRuns(text: string, markers: Marker[]): Run[] {
  const runs: Run[] = [];
  const markerAt = new Set(markers.map((m) => m.start));
  for (const colon of text.matchAll(ANNOUNCING)) {
    const at = colon.index + 1;
    let begin = at;
    while (begin < text.length && /[ \t\u3000]/.test(text[begin]!)) begin++;
    if (markerAt.has(begin)) continue;
    let stop = begin;
    // The list runs to the end of the sentence, or to the next colon, where another cue begins.
    while (stop < text.length && stop - begin < ITEM_REACH && !isSentenceEnd(text[stop]!) && text[stop] !== ':' && text[stop] !== '：') stop++;
    const body = text.slice(begin, stop);
    if (!/[;；]/.test(body)) continue;
    // After a problem cue ("集中表现在以下五个方面:") or a title ("一是党的领导方面:a;b;c。"), not after a requirement or a measure.
    const cue = cueOf(text, colon.index + 1);
    const announced = readCue(cue);
    if (announced !== null && announced !== 'problems') continue;
    if (colon[0] !== ':' && colon[0] !== '：' && announced !== 'problems') continue;
    runs.push(clauseRun(text, begin, stop, cue));
  }
  for (const line of text.matchAll(/[^\n]+/g)) {
    // Only a line with semicolons or a clause opener can hold such a list.
    if (!MAY_LIST.test(line[0])) continue;
    const clauses = splitClauses(text, line.index, line.index + line[0].length);
    // One sentence of three or more semicolon clauses under a heading line: "一、县卫生健康局党组\n落实“第一议题”制度不严格;执行…不够到位;…"
    const sentence = line[0].trim();
    if (clauses.length >= 3 && !/[。!！?？:：]/.test(sentence.slice(0, -1)) && !markerAt.has(clauses[0]![0]) && underHeading(text, line.index)) {
      runs.push({ family: 'clause', lineStart: true, items: clauses.map(([s, e]) => ({ marker: null, start: s, end: trimEnd(text, s, e), regionEnd: e })), cue: '', enumerates: null });
    }
    for (const clauses of openerRuns(text, line.index, line.index + line[0].length)) {
      const items = clauses.map(([s, e]) => ({ marker: null, start: s, end: trimEnd(text, s, e), regionEnd: e }));
      runs.push({ family: 'clause', lineStart: false, items, cue: cueOf(text, items[0]!.start), enumerates: null });
    }
  }
  return runs;
}

/**
 * A problem quoted by its own words in a notice about its rectification: "…反馈问题第7项关于“公路养护管理中心院内存有大量…
 * 产生扬尘污染问题”整改任务落实情况进行公示" / "一、关于“第一轮督察反馈指出,…有所放松。”整改进展情况:已经完成". Not a
 * problem cited in passing ("针对“…未得到有效落实”问题,圣迹村利用…").
 */
const QUOTED_PROBLEM = /关于[“"]([^”"\n]{6,600})[”"](?:的)?(?:问题)?(?:的)?整改/g;

export function quotedRuns(text: string): Run[] {
  const runs: Run[] = [];
  for (const m of text.matchAll(QUOTED_PROBLEM)) {
    const start = m.index + m[0].indexOf(m[1]!);
    const end = trimEnd(text, start, start + m[1]!.length);
    runs.push({ family: 'quoted', lineStart: false, items: [{ marker: null, start, end, regionEnd: lineEnd(text, start) }], cue: '', enumerates: 'problems' });
  }
  return runs;
}

/**
 * A report that publicly names typical cases tells them one a paragraph, each opening with the inspectors' finding, often
 * under a title line of its own. Each row is a part of that grammar with the real words it was written from.
 */
export const CASES: { part: 'announced' | 'case' | 'title'; pattern: RegExp; example: string }[] = [
  { part: 'announced', pattern: /(?:通报|曝光|公布|公开|以下为|如下)[^。\n]{0,40}?典型(?:案例|问题)|典型(?:案例|问题)[^。\n]{0,20}?(?:通报|曝光|公布|如下)/, example: '为发挥警示作用,切实推动问题整改,现对第四批7个典型案例进行集中公开通报。 (wild w117) / 第二轮第三批中央生态环境保护督察组17日对第五批8个典型案例进行集中公开通报。 (wild w119)' },
  { part: 'case', pattern: /^[^。\n]{0,60}?(?:督察|巡视|巡察|审计|检查|督导)[^。\n,，]{0,12}?(?:发现|指出)[,，:：]\s*/, example: '督察发现,安徽省淮北市有关部门及区县落实打赢蓝天保卫战相关部署要求不到位 (wild w119) / 2024年5月,中央第四生态环境保护督察组督察湖北省发现,部分地方“两高”项目盲目上马管控不力 (wild w117)' },
  { part: 'title', pattern: /^[^,，;；。:：!！?？\s]{6,40}$/, example: '湖北省部分地方大气污染反弹严重 (wild w117, the line before its case)' },
];
const [ANNOUNCED, CASE_OPENS, CASE_TITLE] = CASES.map((c) => c.pattern) as [RegExp, RegExp, RegExp];

/**
 * Typical cases after their announcement: consecutive paragraphs that each open with the finding ("督察发现,…"), each
 * with the title line before it when it has one; two cases or more. A case's words are its title, else its paragraph
 * after the finding; lists inside a case are its details ("…发现,部分地方…不力,部分行业污染治理不到位,…" is one case).
 */
export function caseRuns(text: string): Run[] {
  const announced = ANNOUNCED.exec(text);
  if (!announced) return [];
  const lines = [...text.slice(announced.index).matchAll(/[^\n]+/g)].map((m) => ({ start: announced.index + m.index, text: m[0] })).slice(1);
  const runs: Run[] = [];
  let items: RunItem[] = [];
  const flush = () => {
    if (items.length >= 2) runs.push({ family: 'case', lineStart: true, items, cue: '', enumerates: 'problems' });
    items = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const words = line.text.trim();
    const next = lines[i + 1];
    const opens = CASE_OPENS.exec(line.text);
    if (CASE_TITLE.test(words) && next && CASE_OPENS.test(next.text)) {
      const start = line.start + line.text.indexOf(words);
      items.push({ marker: null, start, end: start + words.length, regionEnd: next.start + next.text.length });
      i++;
    } else if (opens) {
      const start = line.start + opens[0].length;
      const end = trimEnd(text, start, line.start + line.text.length);
      if (end > start) items.push({ marker: null, start, end, regionEnd: line.start + line.text.length });
    } else flush();
  }
  flush();
  return runs;
}

/** Whether the line before `at` is a heading: short and unpunctuated, as "一、县卫生健康局党组" or "二、县卫生监督所". */
function underHeading(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 60), at).replace(/\s+$/, '');
  const line = before.slice(before.lastIndexOf('\n') + 1).trim();
  return line.length > 0 && isTitle(line);
}

/** Bullet lines: "- 党组织生活不规范,党员参与度不高;" / "• 部分单位对…学习不深入、不系统". */
const BULLET = /^[ \t\u3000]*[-•·●▪◆■][ \t\u3000]*/;

export function bulletRuns(text: string): Run[] {
  const runs: Run[] = [];
  let current: RunItem[] = [];
  const flush = () => {
    if (current.length) runs.push({ family: 'bullet', lineStart: true, items: current, cue: cueOf(text, text.lastIndexOf('\n', current[0]!.start) + 1), enumerates: null });
    current = [];
  };
  for (const line of text.matchAll(/[^\n]*/g)) {
    const b = BULLET.exec(line[0]);
    if (!b || b[0].length === line[0].length) {
      if (line[0].trim()) flush();
      continue;
    }
    const start = line.index + b[0].length;
    const end = line.index + line[0].length;
    current.push({ marker: null, start, end: trimEnd(text, start, end), regionEnd: end });
  }
  flush();
  return runs;
}

/** Clauses of `text[begin, stop)`, split at semicolons and after the ends of sentences, each without its leading spaces. */
function splitClauses(text: string, begin: number, stop: number): [number, number][] {
  const out: [number, number][] = [];
  let s = begin;
  for (let i = begin; i <= stop; i++) {
    if (i === stop || SEMICOLONS.has(text[i]!) || (i > begin && text[i - 1] !== '\n' && isSentenceEnd(text[i - 1]!))) {
      let a = s;
      while (a < i && text.charCodeAt(a) <= 0x20) a++;
      if (i > a) out.push([a, i]);
      // A semicolon is left out; after a full stop the next clause begins at once ("…方面。有的被巡察党组织…").
      s = i < stop && SEMICOLONS.has(text[i]!) ? i + 1 : i;
    }
  }
  return out;
}
const SEMICOLONS = new Set([';', '；']);

function clauseRun(text: string, begin: number, stop: number, cue: string): Run {
  const items = splitClauses(text, begin, stop).map(([s, e]) => ({ marker: null, start: s, end: trimEnd(text, s, e), regionEnd: e }));
  return { family: 'clause', lineStart: false, items, cue, enumerates: null, afterColon: true };
}

/** A list belongs to the item it begins in. */
const inside = (run: Run, it: RunItem) => run.items[0]!.start >= it.start && run.items[0]!.start < it.regionEnd;

/**
 * Problems and their categories from every run. A run of problems whose items hold runs of
 * problems is a run of categories ("(一)在畏难思想严峻,工作作风不实方面 1…2…"); runs inside a
 * problem are its sub-items, and a list already read is not read again as clauses.
 */
export function readEnumerations(text: string, markers: Marker[]): { problems: Problem[]; categories: Category[]; messages: Message[] } {
  const numbered = groupRuns(text, markers);
  // A run has items, each with words: after the cue of "问题12：；" there are no clauses at all.
  const runs = [...numbered, ...bulletRuns(text), ...caseRuns(text), ...clauseRuns(text, markers), ...quotedRuns(text)].filter((r) => r.items.length > 0 && r.items.every((it) => it.end > it.start));
  endBeforeNextList(text, runs, markers);
  const parts = problemsParts(text, markers);
  for (const run of runs) {
    const at = run.items[0]!.start;
    run.inProblemsPart = parts.some(([s, e]) => at > s && at < e);
    run.enumerates = readRun(text, run);
  }
  // Headings that open with the name of a kind and hold no list are categories whose problems are prose: "一、巡察发现的
  // 主要问题 …存在一些不容忽视的问题。 (一)在聚焦贯彻落实党的 路线方针政策和上级决策部署方 面存在差距 部分村党组织政治站位不高,…"
  const listed = runs.filter((r) => r.enumerates === 'problems').map((r) => r.items[0]!.start);
  const bare = runs.filter((r) => r.enumerates === 'problems' && r.family !== 'clause' && r.family !== 'quoted' && r.family !== 'case'
    && r.items.every((it) => kindHead(text.slice(it.start, it.end)) !== null && !listed.some((at) => at > it.start && at < it.regionEnd)));
  for (const r of bare) r.enumerates = 'headings';
  // Runs of problems by where they begin, so that the lists inside an item are a binary search away.
  const problemRuns = runs.filter((r) => r.enumerates === 'problems').sort((a, b) => a.items[0]!.start - b.items[0]!.start);
  const problemStarts = problemRuns.map((r) => r.items[0]!.start);
  const children = (parent: Run, it: RunItem) => {
    const out: Run[] = [];
    for (let i = lowerBound(problemStarts, it.start); i < problemRuns.length && problemStarts[i]! < it.regionEnd; i++) if (problemRuns[i] !== parent) out.push(problemRuns[i]!);
    return out;
  };
  const holds = (parent: Run, it: RunItem) => children(parent, it).length > 0;
  // An item's title, up to the first list inside it: "(一)在畏难思想严峻,工作作风不实方面" before "1局部村干部…".
  const titleEnd = (parent: Run, it: RunItem) => {
    let end = trimEnd(text, it.start, Math.min(it.end, ...children(parent, it).map((r) => r.items[0]!.marker?.start ?? r.items[0]!.start)));
    while (end > it.start && /[:：]/.test(text[end - 1]!)) end--;
    return end;
  };
  // Categories: a run of problems or headings two or more of whose items (at least half) hold runs of problems, or
  // one whose every item holds some and is titled as a kind of problems; the innermost such run.
  // Clauses are never categories: 有的…,有的… inside one clause of a semicolon list splits that clause, it does not nest a list in it;
  // nor are typical cases: the clauses of a case paragraph are its details.
  // A list in an item's own paragraph details that item ("1.学习贯彻…不够深入。一是领导干部普遍存在…二是…"), unless the item
  // names a kind outright ("(一)在畏难思想严峻,工作作风不实方面 1局部村干部…2厕所革命…"); a list on the lines below it is
  // the item's ("(一)党建主体责任落实不到位,…不扎实。\n一是…\n二是…").
  const groups = (r: Run, it: RunItem) => holds(r, it) && (children(r, it).some((c) => c.items[0]!.start > lineEnd(text, it.start)) || namesKindOutright(text.slice(it.start, titleEnd(r, it))));
  const grouping = runs.filter((r) => {
    if (r.family === 'clause' || r.family === 'case') return false;
    const holding = r.items.filter((it) => groups(r, it)).length;
    if ((r.enumerates === 'problems' || r.enumerates === 'headings') && holding >= 2 && holding * 2 >= r.items.length) return true;
    return r.enumerates !== 'requirements' && holding === r.items.length && r.items.every((it) => namesKind(text.slice(it.start, titleEnd(r, it))));
  });
  // Under headings that name a kind outright ("(一)聚焦…工作要求情况" / "(一)反馈问题:…" / "…方面"), the headings are the
  // problems, whatever shortcoming they name: "(一)聚焦基层贯彻落实…情况\n1、上级决策部署落实不彻底。\n(1)开展基层治理不均衡。"
  const titled = (r: Run) => r.items.every((it) => namesKindOutright(text.slice(it.start, titleEnd(r, it))));
  const kinds = grouping.filter((c) => !grouping.some((o) => o !== c && titled(o) && o.items.some((it) => inside(c, it))));
  const categoryRuns = kinds.length > 1 ? kinds.filter((c) => !kinds.some((o) => o !== c && c.items.some((it) => inside(o, it)))) : kinds;
  // Problems: runs of problems that are not categories, outside any other such run (runs inside a problem are its
  // sub-items), each list once; a run of one item only after a problem cue.
  const isCategory = new Set(categoryRuns);
  const leaves = problemRuns.filter((r) => !isCategory.has(r) && (r.items.length >= 2 || r.family === 'quoted' || r.inProblemsPart || readCue(r.cue) === 'problems'));
  // A run that begins inside an item of another begins where that item's region still runs: a sweep over the items by start.
  const items = leaves.flatMap((r) => r.items).sort((a, b) => a.start - b.start);
  let reach = -1, i = 0, readTo = -1;
  const top = leaves.filter((r) => {
    const at = r.items[0]!.start;
    for (; i < items.length && items[i]!.start < at; i++) reach = Math.max(reach, items[i]!.regionEnd);
    if (reach > at) return false;
    // The same clauses read twice (after a colon, and as 有的…;有的…) are one list.
    if (at < readTo) return false;
    readTo = Math.max(readTo, r.items[r.items.length - 1]!.end);
    return true;
  });
  const categories: Category[] = [];
  const categoryOf = new Map<RunItem, number>();
  for (const run of [...categoryRuns, ...bare.filter((r) => !categoryRuns.includes(r))].sort((a, b) => a.items[0]!.start - b.items[0]!.start)) {
    for (const it of run.items) {
      const head = bare.includes(run) ? kindHead(text.slice(it.start, it.end)) : null;
      if (!head && !holds(run, it)) continue;
      // "(一)反馈问题:上轮巡察发现的问题整改不够到位": the title after its label.
      const end = head ? it.start + head.length : titleEnd(run, it);
      const label = CATEGORY_PREFIX.exec(text.slice(it.start, end));
      const start = it.start + (label ? label[0].length : 0);
      categories.push({ number: categories.length + 1, title: text.slice(start, end), span: [start, end] });
      categoryOf.set(it, categories.length);
    }
  }
  const problems: Problem[] = [];
  const fields = runs.filter((r) => r.lineStart && r.items.some((it) => PROBLEM_FIELD.test(text.slice(it.start, it.end).trim())));
  for (const run of top) {
    const parent = [...categoryOf.keys()].find((it) => inside(run, it));
    let category = parent ? categoryOf.get(parent)! : null;
    const title = category === null && run.family === 'clause' ? titleBefore(text, run.items[0]!.start) : null;
    if (title) categories.push({ number: (category = categories.length + 1), title: text.slice(...title), span: title });
    const answers = fields.length ? fieldAnswers(text, run, fields, runs) : null;
    run.items.forEach((it, i) => problems.push(problemOf(text, it, problems.length + 1, category, answers?.[i] ?? null)));
  }
  // Categories in reading order, 1, 2, 3 …
  const order = categories.map((c) => c.number).sort((a, b) => categories[a - 1]!.span[0] - categories[b - 1]!.span[0]);
  const renumber = new Map(order.map((n, i) => [n, i + 1]));
  return {
    problems: problems.map((p) => (p.category === null ? p : { ...p, category: renumber.get(p.category)! })),
    categories: order.map((n, i) => ({ ...categories[n - 1]!, number: i + 1 })),
    messages: [...categoryRuns, ...top].flatMap((run) => slipsOf(text, run)),
  };
}

/**
 * A sentence that only names a kind of problems, right before a list of clauses in its paragraph, is the list's
 * category: "主要是:在党的领导方面。有的被巡察党组织“四个意识”不强,…;有的政治意识淡薄,…。在党的建设方面。有的…" (wild w088).
 */
function titleBefore(text: string, at: number): [number, number] | null {
  let end = at;
  while (end > 0 && /[ \t\u3000]/.test(text[end - 1]!)) end--;
  if (!/[。:：]/.test(text[end - 1] ?? '')) return null;
  let start = end - 1;
  while (start > 0 && !/[。;；:：\n!！?？]/.test(text[start - 1]!)) start--;
  const words = text.slice(start, end - 1).trim();
  // Not the cue that announces the list: "集中表现在以下五个方面:".
  if (!words || words.length > TITLE_SENTENCE || !namesKindOutright(words) || readCue(words) !== null) return null;
  const from = start + text.slice(start, end - 1).indexOf(words);
  return [from, from + words.length];
}
const TITLE_SENTENCE = 40;

/** A message for each item whose marker lost its mark and was read in its list anyway: "5践行…" in a list of 1. … 8. */
function slipsOf(text: string, run: Run): Message[] {
  const first = run.items[0]!.marker, last = run.items[run.items.length - 1]!.marker;
  if (!first || !last) return [];
  return run.items.flatMap((it) => {
    const m = it.marker;
    if (!m || m.family === run.family) return [];
    const written = text.slice(m.start, Math.min(it.end, m.end + 2));
    const model = text.slice(first.start, first.end).trim();
    return [{ level: 'warning' as const, code: 'sections/marker-slip' as const, message: `item ${m.number} is written "${written}" without the mark of its list (${model} …): read as item ${m.number} of the list ${first.number} to ${last.number}`, span: [m.start, m.end] as [number, number] }];
  });
}

/**
 * The heading of the part of a notice that sets out the feedback's problems: "二、巡察反馈问题整改进展情况" / "一、巡察发现的
 * 主要问题" / "二、存在的问题" / "二、对照反馈问题,对标对表进行整改". Not the part on how the rectification was organised
 * ("一、组织整改落实情况"), nor one that names the feedback only in passing in a long sentence.
 */
export const PROBLEMS_PART = new RegExp(`^\\s*(?:[${COUNTING_NUMERALS}]+[、．.]\\s*)?[^\\n。;；]{0,12}(?:反馈问题|发现的?(?:主要|突出)?问题|存在的?(?:主要|突出)?问题)[^\\n。;；]{0,16}$`);

/**
 * Each part whose line-start heading names the feedback's problems ("二、巡察反馈问题整改进展情况"), or a kind of them
 * ("(一)反馈问题:公立医院公益性凸显不足" / "(一)党的建设方面" / "(一)聚焦基层贯彻落实…工作要求情况"), from its heading
 * to the next heading of its level or above, or a closing line.
 */
function problemsParts(text: string, markers: Marker[]): [number, number][] {
  const parts: [number, number][] = [];
  const heads = markers.filter((m) => m.lineStart && HEADING_LEVEL[m.family] !== undefined);
  heads.forEach((m, i) => {
    const line = text.slice(m.start, lineEnd(text, m.start));
    const title = text.slice(m.end, m.start + line.length).trim();
    if (!PROBLEMS_PART.test(line) && !CATEGORY_PREFIX.test(title) && !CATEGORY_TITLE.test(title.replace(/[。.\s]+$/, ''))) return;
    const level = HEADING_LEVEL[m.family]!;
    const next = heads.slice(i + 1).find((n) => n.family === m.family || HEADING_LEVEL[n.family]! < level);
    parts.push([m.start, closingAfter(text, m.start, next?.start ?? text.length)]);
  });
  return parts;
}

/** A field heading that holds the problems, and one that holds what was done about them. */
const PROBLEM_FIELD = /^(?:整改|存在的?|反馈的?|主要|突出)?问题[:：]?$/;
const ANSWER_FIELD = /^(?:整改(?:完成|落实|进展)?情况|整改结果|整改成效|完成情况)[:：]?$/;

/**
 * A notice laid out as a flattened table, its headings naming fields: "一、整改问题\n(一)宿马园区…污染水体。\n二、整改实施主体
 * …\n六、整改完成情况\n(一)经核查,该处河段水面无浮萍及垃圾。" The items under the answer field answer the problems
 * under the problem field, one for one; a single problem takes the whole answer field.
 */
function fieldAnswers(text: string, run: Run, fieldRuns: Run[], runs: Run[]): ([number, number] | null)[] | null {
  const title = (it: RunItem) => text.slice(it.start, it.end).trim();
  for (const fields of fieldRuns) {
    const holder = fields.items.find((it) => inside(run, it) && PROBLEM_FIELD.test(title(it)));
    const answer = holder && fields.items.find((it) => it.start > holder.start && ANSWER_FIELD.test(title(it)));
    if (!answer) continue;
    const inner = runs.find((r) => r.family === run.family && inside(r, answer) && r.items.length === run.items.length);
    if (inner) return inner.items.map((it) => [it.start, trimEnd(text, it.start, it.regionEnd)]);
    if (run.items.length !== 1) return null;
    const start = lineEnd(text, answer.start) + 1;
    const end = trimEnd(text, start, answer.regionEnd);
    return end > start ? [[start, end]] : null;
  }
  return null;
}

/**
 * A list's last item ends where a new list of the same markers begins: "…2厕所革命工作应付了事,未按要求进展厕改。
 * 整改状况: 1充分发挥周工作例会作用。" ends at 厕改。, the end of the last sentence before the new list's first marker.
 */
function endBeforeNextList(text: string, runs: Run[], markers: Marker[]): void {
  const firsts = new Map<Family | Run['family'], number[]>();
  for (const m of markers) if (m.number === 1) (firsts.get(m.family) ?? firsts.set(m.family, []).get(m.family)!).push(m.start);
  for (const run of runs) {
    const last = run.items[run.items.length - 1]!;
    // The same family numbering from 1 again is a new list, never one nested in this item (nested lists use another family).
    const at = firstFrom(firsts.get(run.family) ?? [], last.start, true);
    if (at === undefined || at >= last.regionEnd) continue;
    const words = text.slice(last.start, at);
    const stop = Math.max(words.lastIndexOf('。'), words.lastIndexOf('；'), words.lastIndexOf(';'));
    const end = last.start + (stop >= 0 ? stop + 1 : words.length);
    last.regionEnd = end;
    last.end = Math.min(last.end, trimEnd(text, last.start, end));
  }
}

/** A rectification inside an item: "…结余药品管理、使用不规范。整改情况:一是…" / "…。”整改进展情况:已经完成,长期坚持。". */
const ITEM_RECTIFICATION = new RegExp(`(?:^|[。；;”"\\s])\\s*[【\\[]?(?:${RECTIFICATION_WORDS})[】\\]]?\\s*[:：]\\s*`);

/**
 * An item as a problem. When the item's region holds a rectification label, the problem's words
 * stop before it and the rectification runs from it to the region's end.
 */
function problemOf(text: string, it: RunItem, number: number, category: number | null, answer: [number, number] | null = null): Problem {
  if (answer) {
    const rectification = text.slice(...answer);
    return { number, label: it.marker?.number ?? null, category, text: text.slice(it.start, it.end), rectification, status: statusOf(rectification), span: [it.start, it.end], rectificationSpan: answer };
  }
  const region = text.slice(it.start, it.regionEnd);
  const label = ITEM_RECTIFICATION.exec(region);
  if (label && label.index > 0) {
    const textEnd = Math.min(it.end, trimEnd(text, it.start, it.start + label.index + (/^[。；;”"]/.test(label[0]) ? 1 : 0)));
    const rectStart = it.start + label.index + label[0].length;
    const rectEnd = trimEnd(text, rectStart, it.regionEnd);
    if (rectEnd > rectStart) {
      const rectification = text.slice(rectStart, rectEnd);
      return { number, label: it.marker?.number ?? null, category, text: text.slice(it.start, textEnd), rectification, status: statusOf(rectification), span: [it.start, textEnd], rectificationSpan: [rectStart, rectEnd] };
    }
  }
  return { number, label: it.marker?.number ?? null, category, text: text.slice(it.start, it.end), rectification: null, status: null, span: [it.start, it.end], rectificationSpan: null };
}
