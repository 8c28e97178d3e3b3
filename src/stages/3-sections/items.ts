import { z } from 'zod';
import { type Category, type Problem, Span } from '../../schema.js';
import { CN, type Line, toNumber } from './lines.js';
import { statusOf } from '../../vocab/status.js';
import { CATEGORY_PREFIX, CLOSING, INLINE_LABEL, RECTIFICATION_LABEL, SIGNATURE_LINE, closesItems, isReportPart, namesKindOutright } from './words.js';
import { HEADING_LEVEL, type Marker } from './markers.js';

/** How a notice writes its problems: labelled (1.问题1:), about (关于…的问题), numbered (1、… then 整改情况), bracket (【问题】, or a field 问题: / 整改任务:), inline (一是…二是…). */
export const ItemStyle = z.enum(['labelled', 'about', 'numbered', 'bracket', 'inline']);
export type ItemStyle = z.infer<typeof ItemStyle>;

/** A numbered heading: 一、 (level 1), (一) (2), 1. / 1、 (3), (1) (4), ① (5). */
export const Heading = z.object({
  level: z.number().int().describe('Nesting depth by marker: 一、 1, (一) 2, 1. 3, (1) 4, ① 5.'),
  number: z.number().int().describe('The marker’s number: 二、 → 2, (三) → 3, 10. → 10.'),
  title: z.string().describe('The heading line after its marker: `组织整改落实情况` (corpus 003, 一、).'),
  span: Span.describe('`[start, end)` of the heading line in the cleaned text: [100, 110] in corpus 003.'),
});
export type Heading = z.infer<typeof Heading>;

/** 问题1: / 问题一: / 问题36: / 问题1. after the marker or alone: "1.问题1:依靠举债发展的路径依赖仍然存在" / "问题1.针对学习…流于形式、走马观花的问题。" */
const LABELLED_ITEM = new RegExp(`^问题\\s*(\\d+|${CN})\\s*[:：.．、](?!\\d)\\s*`);
/** 【问题】 / 【问题1】 / [问题]: "【问题】部分党员干部理论学习不深入【整改情况】…" */
const BRACKET_ITEM = /^[【\[]问题\s*(\d*)[】\]]\s*[:：]?\s*/;
/**
 * A field labelled as the problem, on an unnumbered line, a field of what was done following it: "整改任务:在一些具体整改
 * 任务中,一些地方仍然存在不作为、慢作为,甚至敷衍应对等突出问题。\n整改目标:…\n整改完成情况:\n1、…" (wild w027, a notice of
 * one item laid out as fields; dev d59 numbers the same fields as headings: 一、整改问题).
 */
const FIELD_ITEM = /^(?:(?:存在|整改)?问题|问题描述|整改任务)\s*[:：]\s*(?=\S)/;
/** The fields that answer a problem field, within a few lines of it: 整改目标: / 整改措施: / 整改完成情况: / 完成情况:. */
const ANSWER_FIELD = /^(?:整改[^:：\s]{0,4}|完成情况)\s*[:：]/;
const FIELD_REACH = 3;
/** Fields of a problem that are not what was done about it: "整改目标:压实责任落实,健全机制体制。" / "责任单位:…" / "整改时限:…". */
const OTHER_FIELD = /^(?:整改目标|整改时限|完成时限|责任单位|牵头单位|责任领导|责任人)\s*[:：]/;
/**
 * 关于…的问题 after a marker: "(一)关于少数领导干部不守政治规矩的问题。" / "1.关于“…”问题的整改".
 * The words between 关于 and 问题 must say what the problem is: "一、关于巡视反馈问题的整改情况" does not.
 */
const ABOUT_ITEM = /^关于(.{2,120}?)(?:的)?问题(?:的整改(?:情况)?)?/;
/**
 * The same with the problem quoted, its text the quoted words: "1.关于“学习贯彻…不够深入”的问题" / "1.关于“政治引领有短板”
 * 问题的整改。" / "1.关于“党组会议学习制度落实不严格”的整改情况". Not a quote that only begins the title: "3.关于“三重一大”
 * 制度执行不严格的问题".
 */
const ABOUT_QUOTED = /^关于[“"]([^”"\n]{2,600}?)[”"](?:的)?(?:问题(?:的)?(?:整改(?:落实|进展)?(?:情况)?)?|整改(?:落实|进展)?(?:情况)?)/;
const GENERIC_ABOUT = /^(?:[“"]?)(?:(?:省委|市委|县委|区委|中央)?(?:巡视|巡察|审计|督察)?(?:反馈|查出|发现|指出|移交|交办)?(?:意见)?(?:的)?)$/;
/** 整改情况: and its variants open the rectification: 整改情况: / 整改进展： / 【整改措施】 / 整改成效 */

interface Classified {
  line: Line;
  /** Offset of the first non-space character. */
  at: number;
  marker: { level: number; number: number; end: number } | null;
  item: { style: ItemStyle; number: number | null; textStart: number; textEnd: number; rectStart: number | null } | null;
  label: number | null;
}

function classify(text: string, lines: Line[], markers: Marker[]): Classified[] {
  const headings = new Map(markers.filter((m) => m.lineStart && HEADING_LEVEL[m.family]).map((m) => [m.start, m]));
  // The next line with words after each line, found once from the end: a walk per line would be quadratic.
  const nextWords: (Line | undefined)[] = new Array(lines.length);
  for (let i = lines.length - 1, seen: Line | undefined; i >= 0; i--) {
    nextWords[i] = seen;
    if (lines[i]!.text.trim()) seen = lines[i];
  }
  const out: Classified[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lead = line.text.length - line.text.trimStart().length;
    const body = line.text.slice(lead);
    const at = line.start + lead;
    const m = headings.get(at);
    const marker: Classified['marker'] = m ? { level: HEADING_LEVEL[m.family]!, number: m.number, end: m.end } : null;
    const contentStart = marker ? marker.end : at;
    const content = text.slice(contentStart, line.end);
    const labelMatch = RECTIFICATION_LABEL.exec(body);
    let item: Classified['item'] = null;
    const inline = (from: number) => {
      const m = INLINE_LABEL.exec(text.slice(from, line.end));
      // "…不够到位。整改情况:…": the item keeps its full stop, as when the label opens the next line.
      return m ? { textEnd: from + m.index + (/^[。；;]/.test(m[0]) ? 1 : 0), rectStart: from + m.index + m[0].length } : null;
    };
    const labelled = LABELLED_ITEM.exec(content);
    const field = marker ? null : FIELD_ITEM.exec(content);
    const bracket = BRACKET_ITEM.exec(content) ?? (field && answeredWithin(lines, i) ? field : null);
    const quoted = marker ? ABOUT_QUOTED.exec(content) : null;
    const about = marker ? ABOUT_ITEM.exec(content) : null;
    if (labelled) {
      const s = contentStart + labelled[0].length;
      const il = inline(s);
      item = { style: 'labelled', number: toNumber(labelled[1]!), textStart: s, textEnd: il?.textEnd ?? line.end, rectStart: il?.rectStart ?? null };
    } else if (bracket) {
      const s = contentStart + bracket[0].length;
      const il = inline(s);
      item = { style: 'bracket', number: bracket[1] ? toNumber(bracket[1]) : null, textStart: s, textEnd: il?.textEnd ?? line.end, rectStart: il?.rectStart ?? null };
    } else if (quoted) {
      const titleEnd = contentStart + quoted[0].length;
      const rest = text.slice(titleEnd, line.end).replace(/^[。.:：,，;；\s]+/, '');
      const textStart = contentStart + quoted[0].indexOf(quoted[1]!);
      item = { style: 'about', number: marker!.number, textStart, textEnd: textStart + quoted[1]!.length, rectStart: rest ? line.end - rest.length : null };
    } else if (about && !GENERIC_ABOUT.test(about[1]!) && !/[。；;]/.test(about[1]!)) {
      // "(一)关于…的问题。一是…": the title ends at 问题, the rest of the line is already the rectification.
      const titleEnd = contentStart + about[0].length;
      const rest = text.slice(titleEnd, line.end).replace(/^[。.:：,，;；\s]+/, '');
      item = { style: 'about', number: marker!.number, textStart: contentStart, textEnd: titleEnd, rectStart: rest ? line.end - rest.length : null };
    } else if (marker && !labelMatch) {
      const il = inline(contentStart);
      const next = nextWords[i];
      if (il) item = { style: 'numbered', number: marker.number, textStart: contentStart, textEnd: il.textEnd, rectStart: il.rectStart };
      else if (next && RECTIFICATION_LABEL.test(next.text.trimStart())) item = { style: 'numbered', number: marker.number, textStart: contentStart, textEnd: line.end, rectStart: null };
    }
    out.push({ line, at, marker, item, label: labelMatch && !item ? at + labelMatch[0].length : null });
  }
  return out;
}

/** The level of problems without a marker (问题1: / 【问题】 / 问题:), below every heading; and the first level that numbers measures (1. (1) ①). */
const UNMARKED = 9;
const MEASURE_LEVEL = 3;

/** Whether a field of what was done follows the line `i` within FIELD_REACH lines with words. */
function answeredWithin(lines: Line[], i: number): boolean {
  for (let j = i + 1, seen = 0; j < lines.length && seen < FIELD_REACH; j++) {
    const words = lines[j]!.text.trim();
    if (!words) continue;
    if (ANSWER_FIELD.test(words)) return true;
    seen++;
  }
  return false;
}

export interface Structure { headings: Heading[]; categories: Category[]; problems: Problem[]; itemStyle: ItemStyle | null }

/** For each line that opens with a heading marker, the heading lines it sits under, outermost first: "(1)…" under "1.…" under "(一)反馈问题:…". */
function headingsAbove(rows: Classified[]): Map<Classified, Classified[]> {
  const above = new Map<Classified, Classified[]>();
  const stack: Classified[] = [];
  for (const r of rows) {
    if (!r.marker) {
      if (closesItems(r.line.text.trim())) stack.length = 0;
      continue;
    }
    while (stack.length && stack[stack.length - 1]!.marker!.level >= r.marker.level) stack.pop();
    above.set(r, [...stack]);
    stack.push(r);
  }
  return above;
}

/**
 * Under a heading that names a kind of problems outright ("(一)反馈问题:巡察整改主体责任落实不到位,整改质效不高。" /
 * "(一)党的建设方面"), the headings of the next level are the problems and the numbered lines below them their
 * sub-items, even when a sub-item is the line its 整改情况 follows: "1.结余药品使用不规范。\n(1)结余药品管理、使用不规范。\n
 * 整改情况:一是…" (wild w157) is the problem 结余药品使用不规范. The same grammar reads lists in running text (enumerations.ts).
 */
function problemsUnderKinds(text: string, rows: Classified[], above: Map<Classified, Classified[]>): void {
  const promoted = new Set<Classified>();
  for (const r of rows) {
    if (!r.item || !r.marker) continue;
    const up = above.get(r)!;
    let k = up.length - 1;
    while (k >= 0 && !namesKindOutright(text.slice(up[k]!.marker!.end, up[k]!.line.end))) k--;
    const problem = k >= 0 ? up[k + 1] : undefined;
    if (!problem || (problem.item && !promoted.has(problem))) continue;
    if (!problem.item) problem.item = { style: 'numbered', number: problem.marker!.number, textStart: problem.marker!.end, textEnd: problem.line.end, rectStart: null };
    promoted.add(problem);
    r.item = null;
  }
}

/**
 * Problems at another level than most: a numbered line its 整改 label follows, in no other problem and over none of the
 * level's, is a problem too. "1.专项整改问题\n(1)将脱贫人口指标集中安排给…\n整改措施:…\n(2)住房安全方面。\n①有的易地扶贫
 * 搬迁建房面积超标…\n整改措施:…" (wild w143): (1) and ① are both problems, 专项整改问题 and 住房安全方面 their categories.
 */
function problemsBeside(rows: Classified[], above: Map<Classified, Classified[]>, level: number): Set<Classified> {
  const beside = new Set<Classified>();
  if (level === 0) return beside;
  const items = rows.filter((r) => r.item && r.marker);
  const holders = new Set(items.filter((r) => r.marker!.level === level).flatMap((r) => above.get(r)!));
  for (const r of items) if (r.marker!.level !== level && !holders.has(r) && !above.get(r)!.some((a) => a.item)) beside.add(r);
  return beside;
}

/**
 * Walks the lines once. The problem level is the heading level that carries the most problem
 * items (問題 labels, 关于…的问题, or a numbered line followed by 整改情况); shallower headings
 * open categories, deeper ones are sub-items of the open problem. A rectification runs from its
 * label (or from the first paragraph after the item) to the next item, heading or closing part.
 */
export function readStructure(text: string, lines: Line[], markers: Marker[]): Structure {
  const rows = classify(text, lines, markers);
  const above = headingsAbove(rows);
  problemsUnderKinds(text, rows, above);
  const perLevel = new Map<number, number>();
  for (const r of rows) if (r.item) perLevel.set(r.marker?.level ?? 0, (perLevel.get(r.marker?.level ?? 0) ?? 0) + 1);
  let level = -1;
  let best = 0;
  for (const [l, n] of perLevel) if (n > best || (n === best && l > level)) (level = l), (best = n);
  const headings: Heading[] = [];
  const categories: Category[] = [];
  const problems: Problem[] = [];
  if (level < 0) {
    for (const r of rows) if (r.marker) headings.push({ level: r.marker.level, number: r.marker.number, title: text.slice(r.marker.end, r.line.end), span: [r.at, r.line.end] });
    return { headings, categories, problems, itemStyle: null };
  }
  const style = rows.find((r) => r.item && (r.marker?.level ?? 0) === level)!.item!.style;
  // Unmarked items (问题1: / 【问题】) sit below every heading seen so far.
  const problemLevel = level === 0 ? UNMARKED : level;
  const beside = problemsBeside(rows, above, level);
  const stack: Category[] = [];
  const categoryOf = new Map<Category, Category>();
  const stackLevels: number[] = [];
  let open: { problem: Problem; level: number; rectStart: number | null; rectEnd: number; labelled?: boolean } | null = null;
  let sequence = 0;
  const close = () => {
    if (!open) return;
    const { problem, rectEnd } = open;
    // A label alone on its line ("整改完成情况:") leaves the line break before what was done.
    let rectStart = open.rectStart;
    while (rectStart !== null && rectStart < rectEnd && /\s/.test(text[rectStart]!)) rectStart++;
    if (rectStart !== null && rectEnd > rectStart) {
      const rectification = text.slice(rectStart, rectEnd);
      problems.push({ ...problem, rectification, rectificationSpan: [rectStart, rectEnd], status: statusOf(rectification) });
    } else problems.push(problem);
    open = null;
  };
  const extend = (r: Classified) => {
    if (!open || r.line.end <= r.at) return;
    // "整改目标:…" / "责任单位:…" between a problem and its 整改完成情况 are no part of what was done.
    if (open.rectStart === null && r.label === null && OTHER_FIELD.test(r.line.text.trim())) return;
    if (open.rectStart === null) open.rectStart = r.label ?? r.at;
    if (r.label !== null) open.labelled = true;
    open.rectEnd = r.line.end;
  };
  for (const r of rows) {
    const body = r.line.text.trim();
    if (!body) continue;
    const markerLevel = r.marker?.level ?? null;
    const isItem = r.item && ((markerLevel ?? 0) === level || beside.has(r));
    if (isItem) {
      close();
      const it = r.item!;
      sequence += 1;
      // A problem's categories are the headings above its own level: "(2)住房安全方面。" is not the category of "(3)…" beside it.
      while (markerLevel !== null && stackLevels.length && stackLevels[stackLevels.length - 1]! >= markerLevel) stack.pop(), stackLevels.pop();
      // The nearest heading above that is not a part of the report ("二、反馈意见整改落实情况" is one, "(一)聚焦贯彻落实…在基层落实情况" is not).
      const heading = [...stack].reverse().find((c) => !isReportPart(c.title)) ?? null;
      if (heading && !categoryOf.has(heading)) {
        categoryOf.set(heading, { number: categories.length + 1, title: heading.title, span: heading.span });
        categories.push(categoryOf.get(heading)!);
      }
      const problem: Problem = {
        number: sequence, label: it.number, category: heading ? categoryOf.get(heading)!.number : null, text: text.slice(it.textStart, it.textEnd).trim(),
        rectification: null, status: null, span: [it.textStart, it.textStart + text.slice(it.textStart, it.textEnd).trimEnd().length], rectificationSpan: null,
      };
      open = { problem, level: markerLevel ?? problemLevel, rectStart: it.rectStart, rectEnd: it.rectStart === null ? 0 : r.line.end, labelled: it.rectStart !== null };
      if (r.marker) headings.push({ level: r.marker.level, number: r.marker.number, title: text.slice(r.marker.end, r.line.end), span: [r.at, r.line.end] });
      continue;
    }
    if (CLOSING.some((c) => c.pattern.test(body)) || SIGNATURE_LINE.test(body)) {
      close();
      if (r.marker) headings.push({ level: r.marker.level, number: r.marker.number, title: text.slice(r.marker.end, r.line.end), span: [r.at, r.line.end] });
      while (stack.length) stack.pop(), stackLevels.pop();
      continue;
    }
    // Deeper than the open problem (or, in a notice of 问题1: labels, its own level: the measures under 整改情况 numbered 1.
    // 2. like the problems) a numbered line is the problem's sub-item.
    // An unnumbered problem (【问题】, 问题:) holds the lines 1. (1) ① after its rectification's label: "整改完成情况:\n1、区委区政府…
    // 召开任务推进会议,压实责任。\n2、每月调度预警…" (wild w027) are what was done.
    const inside = open !== null && markerLevel !== null && (markerLevel > open.level || (markerLevel === open.level && style === 'labelled')
      || (open.level === UNMARKED && open.labelled === true && markerLevel >= MEASURE_LEVEL));
    if (markerLevel !== null && !inside) {
      // A heading: closes the open problem and may be the category of the problems below it.
      close();
      headings.push({ level: markerLevel, number: r.marker!.number, title: text.slice(r.marker!.end, r.line.end), span: [r.at, r.line.end] });
      while (stackLevels.length && stackLevels[stackLevels.length - 1]! >= markerLevel) stack.pop(), stackLevels.pop();
      const prefix = CATEGORY_PREFIX.exec(text.slice(r.marker!.end, r.line.end));
      const start = r.marker!.end + (prefix ? prefix[0].length : 0);
      stack.push({ number: r.marker!.number, title: text.slice(start, r.line.end), span: [start, r.line.end] });
      stackLevels.push(markerLevel);
      continue;
    }
    extend(r);
  }
  close();
  return { headings, categories, problems, itemStyle: style };
}
