import type { Tokens } from '../2-segment/index.js';
import { isSentenceEnd } from '../2-segment/sentences.js';
import { CN } from './lines.js';
import { type Family, HEADING_LEVEL, type Marker, findMarkers, wordStarts } from './markers.js';
import { SLIPS } from './enumerations.js';
import { RECTIFICATION_WORDS } from './words.js';

/**
 * A page that lost its line breaks: one long line ("…予以公布。一、组织整改落实情况汨罗市委坚持…(一)反馈问题:践行正确
 * 政绩观有差距,…的紧迫感不强1.问题1:依靠举债发展的路径依赖仍然存在…"), or breaks wherever a line was full, every few
 * hundred characters ("…5.问题5:落实⏎“三高四新”美好蓝图不够扎实…"). Its headings still number it, and the structure is
 * read from a view of the text with the lines its headings open put back, and the breaks that only wrapped a line
 * taken out; every span read there is mapped back to the text. A page whose headings open its lines is read as it is.
 */
export interface View {
  /** The text with the lines its headings open: what the structure is read from. */
  text: string;
  /** The markers of the view's text. */
  markers: Marker[];
  /** `toText[v]` is the offset in the text of the view's character `v`; `toText[view.length]` is the text's length. */
  toText: Int32Array;
}

/** What opens an item after a heading marker glued to the title before it: 问题1: / 反馈问题: / 关于 / 【问题】. */
const ITEM_LABEL = new RegExp(`^\\s*(?:问题\\s*(?:\\d+|${CN})\\s*[:：.．、]|反馈问题\\s*[:：]|关于|[【\\[]问题)`);
/** Closing quotes and brackets a sentence may end with before a heading: "…“回头看”。(二)…" / "…到位。”(三)…". */
const CLOSERS = /[”’」』)）]/;
/** Families whose marker, glued to the words before it, is still a heading when Han words follow: "…凸显不足1.优化后的…". */
const GLUED_HEADINGS = new Set<Family>(['cn-paren', 'digit-dot', 'digit-paren', 'circled']);
/**
 * The labels and bullets that open their own line in a notice, inside a line of one that lost its breaks: "…政治意识
 * 不够强整改状态:完成整改情况:一是…" / "…到位。问题2:…" / "【问题】…" / "…具体表现在:- 党组织生活不规范,…;- 党风…".
 */
const LINE_LABELS = new RegExp(`(?<=[:：;；。\\s])[-•·●▪◆■][ \\t\\u3000]|(?:${RECTIFICATION_WORDS}|整改状态|整改时限|责任单位|牵头单位)\\s*[:：]|(?<![\\d.．、])问题\\s*(?:\\d+|${CN})\\s*(?:[:：]|[.．](?!\\d))|[【\\[](?:问题|${RECTIFICATION_WORDS})[】\\]]`, 'g');

/** The end of a heading marker: "36." / "(二)" / "三、". */
const AFTER_MARKER = new RegExp(`(?:\\d+|${CN})\\s*[.．、]$|[(（](?:\\d+|${CN})[)）]$|[①-⑳]$`);

type Seen = 'ended' | 'semicolon' | 'glued';

/** What stands before a marker inside a line: the end of a sentence (or a colon, or spaces), a semicolon, or words. */
function before(text: string, m: Marker): Seen | null {
  let j = m.start;
  while (j > 0 && (text[j - 1] === ' ' || text[j - 1] === '\t' || text[j - 1] === '\u3000')) j--;
  if (j === 0 || text[j - 1] === '\n') return null;
  if (j < m.start) return 'ended';
  let k = j;
  while (k > 0 && CLOSERS.test(text[k - 1]!)) k--;
  const c = text[k - 1] ?? '';
  if (isSentenceEnd(c) || c === ':' || c === '：') return 'ended';
  if (c === ';' || c === '；') return 'semicolon';
  return /[\p{Script=Han}”」』]/u.test(text[j - 1]!) ? 'glued' : null;
}

/**
 * Where a heading lost the line break before it. `strict` (is this a page that lost its breaks?): a marker of a heading
 * family (一、 (一) 1. (1) ①) inside a line, after the end of a sentence, a colon or a space ("…予以公布。一、组织整改
 * 落实情况" / "…存在一些不容忽视的问题。 (一)在聚焦…"), or right after the title it ends when an item's label follows
 * ("…紧迫感不强1.问题1:" / "…进展情况(一)反馈问题:" / "…方面1.关于“…”"), and numbered on from a heading of its family or
 * on to the next one (a lone "(二)" inside a paragraph is a list in a sentence, not a heading). Otherwise, on a page
 * known to have lost them: also any such marker after a sentence end, one after a semicolon that numbers on
 * ("…未完成整改1个;二、巡察反馈问题整改进展情况"), and (一) 1. (1) ① glued to words before Han words ("…凸显不足1.优化后的…").
 */
export function lostBreaks(text: string, markers: Marker[], strict: boolean): number[] {
  const candidates: Marker[] = [];
  const members = new Map<string, Marker[]>();
  // A marker that lost its mark is a member of the list it continues: "…监督不力。5践行安全发展理念有差距。…6.财务管理…".
  const listOf = (m: Marker): Family | undefined => (HEADING_LEVEL[m.family] !== undefined ? m.family : SLIPS.find((s) => s.family === m.family)?.continues);
  for (const m of markers) {
    const family = listOf(m);
    // A slip is read on a page known to have lost its breaks, and is no evidence that it has.
    if (!family || (strict && family !== m.family)) continue;
    const seen = before(text, m);
    if (seen !== null) {
      const labelled = ITEM_LABEL.test(text.slice(m.end, m.end + 12));
      const hanAfter = /^[\p{Script=Han}“"]/u.test(text.slice(m.end, m.end + 1));
      const ok = seen === 'ended' || (seen === 'glued' && (labelled || (hanAfter && GLUED_HEADINGS.has(m.family)))) || (!strict && seen === 'semicolon');
      if (ok) candidates.push(m);
    }
    (members.get(family) ?? members.set(family, []).get(family)!).push(m);
  }
  // A heading numbers on from the one before it in its family, or on to the one after.
  const position = new Map<Marker, number>();
  for (const list of members.values()) list.forEach((m, i) => position.set(m, i));
  const inSequence = (m: Marker) => {
    const list = members.get(listOf(m)!)!;
    const i = position.get(m)!;
    return list[i - 1]?.number === m.number - 1 || list[i + 1]?.number === m.number + 1;
  };
  return candidates.filter((m) => inSequence(m) || (!strict && before(text, m) !== 'semicolon' && HEADING_LEVEL[m.family] !== undefined)).map((m) => m.start);
}

/**
 * Paragraphs that open with 一是 / 第一, after a full stop and the space a lost break left: "…“五风”建设开展不扎实。 一是党支部
 * 书记…。 二是…" (a page whose breaks became spaces). Without the space, 一是 may as well go on the sentence before.
 */
function lostParagraphs(text: string, markers: Marker[]): number[] {
  return markers
    .filter((m) => PARAGRAPH_FAMILIES.has(m.family) && !m.lineStart && /[ \t\u3000]/.test(text[m.start - 1] ?? '') && before(text, m) === 'ended')
    .filter((m) => {
      let j = m.start;
      while (j > 0 && /[ \t\u3000]/.test(text[j - 1]!)) j--;
      return isSentenceEnd(text[j - 1]!);
    })
    .map((m) => m.start);
}
const PARAGRAPH_FAMILIES = new Set<Family>(['is', 'ordinal']);

/** The labels inside lines that open a line of their own: 整改情况: / 问题2: / 【问题】 (not at a line start already). */
function lostLabels(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(LINE_LABELS)) {
    let j = m.index;
    while (j > 0 && /[ \t\u3000]/.test(text[j - 1]!)) j--;
    // "36. 问题36:" keeps its label after its marker.
    if (j > 0 && text[j - 1] !== '\n' && !/[“"‘'《(（]/.test(text[j - 1]!) && !AFTER_MARKER.test(text.slice(Math.max(0, j - 6), j))) out.push(m.index);
  }
  return out;
}

/**
 * The view of a page that lost its line breaks, or null for a page whose headings open its lines: more headings
 * found inside lines than at their starts, at least two.
 */
export function reline(text: string, tokens: Tokens): View | null {
  const starts = wordStarts(tokens, text);
  const markers = findMarkers(text, starts, true);
  const lineStarts = markers.filter((m) => m.lineStart).length;
  const evidence = lostBreaks(text, markers, true).length;
  if (evidence < 2 || evidence <= lineStarts) return null;
  // First the breaks that only wrapped a line go: inside a sentence, and no heading opens the line after them
  // ("…5.问题5:落实⏎“三高四新”…", "…(⏎二)反馈问题:…"); then a break goes before each heading and label.
  const opens = new Set(markers.filter((m) => m.lineStart).map((m) => m.start));
  const joined = edit(text, starts, (i) => {
    if (text[i] !== '\n' || text[i + 1] === '\n' || (i > 0 && text[i - 1] === '\n')) return 'keep';
    let b = i;
    while (b > 0 && /[ \t\u3000]/.test(text[b - 1]!)) b--;
    let a = i + 1;
    while (a < text.length && /[ \t\u3000]/.test(text[a]!)) a++;
    return b > 0 && !isSentenceEnd(text[b - 1]!) && !/[;；:：]/.test(text[b - 1]!) && !CLOSERS.test(text[b - 1]!) && !opens.has(a) ? 'drop' : 'keep';
  });
  const found = findMarkers(joined.text, joined.starts, true);
  const at = new Set([...lostBreaks(joined.text, found, false), ...lostLabels(joined.text), ...lostParagraphs(joined.text, found)]);
  const view = edit(joined.text, joined.starts, (i) => (at.has(i) ? 'break' : 'keep'));
  const toText = view.toText.map((j) => joined.toText[j]!);
  return { text: view.text, markers: findMarkers(view.text, view.starts), toText };
}

/**
 * The text with each character kept, dropped, or kept after a line break put before it; where each character of the
 * result comes from, and its word starts (the text's, and a line's first character).
 */
function edit(text: string, starts: Uint8Array, what: (i: number) => 'keep' | 'drop' | 'break'): { text: string; starts: Uint8Array; toText: Int32Array } {
  const chars: string[] = [];
  const toText: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const w = what(i);
    if (w === 'drop') continue;
    if (w === 'break') chars.push('\n'), toText.push(i);
    chars.push(text[i]!), toText.push(i);
  }
  toText.push(text.length);
  const out = chars.join('');
  const from = Int32Array.from(toText);
  const outStarts = new Uint8Array(out.length + 1);
  for (let v = 0; v < out.length; v++) outStarts[v] = out[v] !== '\n' && (starts[from[v]!] || v === 0 || out[v - 1] === '\n') ? 1 : 0;
  return { text: out, starts: outStarts, toText: from };
}

/** A span of the view as a span of the text: its first character's offset, and past its last one. */
export function spanInText(view: View, [start, end]: [number, number]): [number, number] {
  if (end <= start) return [view.toText[start]!, view.toText[start]!];
  return [view.toText[start]!, view.toText[end - 1]! + 1];
}
