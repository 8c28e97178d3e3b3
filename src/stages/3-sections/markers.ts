import type { Tokens } from '../2-segment/index.js';
import { toNumber } from './lines.js';
import { COUNTING_NUMERALS } from '../../vocab/numerals.js';

/**
 * Item markers: the signs by which a notice numbers what it lists. The same families number
 * problems, measures, requirements and section headings alike (reference: 58 of 159 real
 * excerpts number problems, 54 number other things with the same markers), so a marker only
 * says "an item begins here"; what a run of them enumerates is decided from its cue
 * (enumerations.ts).
 */
export type Family = 'cn-comma' | 'cn-paren' | 'digit-dot' | 'digit-paren' | 'circled' | 'digit-bare' | 'ordinal' | 'sequence' | 'is' | 'must';

export interface Marker {
  family: Family;
  /** The item's own number: 三、 → 3, (12) → 12, ③ → 3. */
  number: number;
  /** Where the marker begins (after any spaces) and where the item's words begin. */
  start: number;
  end: number;
  /** At the start of a line (a heading), rather than inside running text. */
  lineStart: boolean;
}

const CN = `[${COUNTING_NUMERALS}]{1,3}`;
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const NUMERALS = COUNTING_NUMERALS;

/**
 * The families, each tried where an item may begin. `pattern` is sticky and captures the number;
 * `opens` are the characters it can begin with; `inline` says whether the family also numbers
 * items inside a sentence (after a colon, a semicolon or a full stop), not only at line starts.
 */
export const MARKER_FAMILIES: { family: Family; pattern: RegExp; opens: string; inline: boolean; level?: number; example: string }[] = [
  { family: 'cn-comma', opens: NUMERALS, pattern: new RegExp(`(${CN})[、．]\\s*`, 'y'), inline: true, level: 1, example: '一、党支部组织建设不规范;二、从严治党存在“两个责任”落实不到位' },
  { family: 'cn-paren', opens: '(（', pattern: new RegExp(`[(（](${CN})[)）]\\s*`, 'y'), inline: true, level: 2, example: '(一)建立“清单化管理”机制,确保整改任务精准落地。(二)聚焦“关键领域”整改' },
  { family: 'digit-dot', opens: '0123456789', pattern: /(\d{1,3})\s*[.、．](?![\d.．])\s*/y, inline: true, level: 3, example: '1. 思想提升:将学习贯彻生态文明思想作为首要任务 / 1、有关村级清廉村居建设' },
  { family: 'digit-paren', opens: '(（', pattern: /[(（](\d{1,3})[)）]\s*/y, inline: true, level: 4, example: '(1)关于“三重一大”制度执行不严格的问题' },
  { family: 'circled', opens: CIRCLED, pattern: new RegExp(`([${CIRCLED}])\\s*`, 'y'), inline: true, level: 5, example: '①党组会议研究不及时' },
  // A number glued to the item's words, its dot lost in copying: "…工作作风不实方面 1局部村干部工作要求不高…2厕所革命工作应付了事".
  // Never before a measure or time word (3月, 2019年, 5个): only a run 1, 2 … makes it a list.
  { family: 'digit-bare', opens: '0123456789', pattern: /(\d{1,2})(?![\d.．、]|[年月日号时分秒个项条件次人名元万亿千百十%％])(?=[\p{Script=Han}“"])/uy, inline: true, example: '(一)在畏难思想严峻,工作作风不实方面 1局部村干部工作要求不高,得过且过。…2厕所革命工作应付了事' },
  { family: 'ordinal', opens: '第', pattern: new RegExp(`第(${CN})[,，、:：]\\s*`, 'y'), inline: true, example: '第一,按时完成集中整改工作。第二,巩固已有成果' },
  { family: 'sequence', opens: '首其再最', pattern: /(首先|其次|再次|最后)[,，:：]\s*/y, inline: true, example: '(a paraphrase: no notice in corpus/, dev or wild numbers a list this way; 首先 there is an adverb, 首先向…通报) 首先,整改主体责任落实不到位;其次,整改措施针对性不强' },
  { family: 'is', opens: NUMERALS, pattern: new RegExp(`(${CN})是[,，:：]?\\s*`, 'y'), inline: true, example: '一是思想认识有“温差”,整改主动性不足' },
  { family: 'must', opens: NUMERALS, pattern: new RegExp(`(${CN})要[,，:：]?\\s*`, 'y'), inline: true, example: '一要讲政治、高站位,深刻认识巡察整改重要意义;二要明责任、强担当' },
];

/** 首先 1, 其次 2, 再次 3, 最后 4: 首先…其次…再次…最后…; a list that skips 再次 ends at 其次. */
const SEQUENCE = ['首先', '其次', '再次', '最后'];

/** The nesting depth of heading families at line starts: 一、 1, (一) 2, 1. 3, (1) 4, ① 5. */
export const HEADING_LEVEL: Partial<Record<Family, number>> = Object.fromEntries(MARKER_FAMILIES.filter((f) => f.level).map((f) => [f.family, f.level!]));

/** Marks after which an item may begin inside a line: "问题:一、…;二、…" / "…要求。一是…" / "【提纲】一、…" / "…方面 1局部…". */
const AFTER = new Set([...':：;；。!！?？】]', '\u3000', ' ']);
/** 一是 and 一要 also follow a comma: "他强调,一要…,二要…". */
const AFTER_COMMA = new Set([',', '，']);

/**
 * Whether the words may begin at `at`: the segmenter starts a word there, so 统一是 (统一|是),
 * 十一是 (十一|是) and 第一书记 are not markers, while 一是 and 一要 (words of the field's
 * dictionary) are.
 */
export function wordStarts(tokens: Tokens, text: string): Uint8Array {
  const starts = new Uint8Array(text.length + 1);
  for (let i = 0; i < tokens.length; i++) starts[tokens.start(i)] = 1;
  // Whitespace is left out of the tokens: what follows it starts a word.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0x3000 || c === 0xa0) starts[i + 1] = 1;
  }
  starts[0] = 1;
  return starts;
}

/** The families a character may open, in the table's order: 一 opens 一、 一是 一要, ( opens (一) and (1), 2 opens 2. and 2局部. */
const OPENED = new Map<string, typeof MARKER_FAMILIES>();
for (const f of MARKER_FAMILIES) for (const c of f.opens) OPENED.set(c, [...(OPENED.get(c) ?? []), f]);
const familiesOpenedBy = (c: string) => OPENED.get(c) ?? [];
/** Where a marker may open: a numeral, a bracket, a digit, a circled number, 第, 首, 其, 再, 最. */
const OPENING = new RegExp(`[${[...OPENED.keys()].join('')}]`, 'g');
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\u3000';

/**
 * Every marker of every family, in text order. Only the characters a marker may open with are
 * visited, each once, and the boundary before one is read back over spaces: linear in the text.
 * `starts` are the word starts (`wordStarts`), or the tokens to find them from. `anywhere` finds
 * the heading families (一、 (一) 1. (1) ①) after any character too (the others only where they may begin), as a page that lost its line
 * breaks glues them to the title before ("…的紧迫感不强1.问题1:…", relines.ts).
 */
export function findMarkers(text: string, tokens: Tokens | Uint8Array, anywhere = false): Marker[] {
  const starts = tokens instanceof Uint8Array ? tokens : wordStarts(tokens, text);
  const markers: Marker[] = [];
  for (OPENING.lastIndex = 0; ; ) {
    const o = OPENING.exec(text);
    if (o === null) break;
    const i = o.index;
    if (!starts[i]) continue;
    let j = i;
    while (j > 0 && isSpace(text[j - 1]!)) j--;
    const prev = j > 0 ? text[j - 1]! : '\n';
    const lineStart = prev === '\n';
    const glued = !lineStart && !AFTER.has(prev) && !AFTER_COMMA.has(prev) && !(j < i && i > 0);
    if (glued && !anywhere) continue;
    for (const f of familiesOpenedBy(text[i]!)) {
      if (anywhere && glued && !f.level) continue;
      if (!lineStart && !f.inline) continue;
      if (!lineStart && AFTER_COMMA.has(prev) && f.family !== 'is' && f.family !== 'must') continue;
      f.pattern.lastIndex = i;
      const m = f.pattern.exec(text);
      if (!m) continue;
      const numeral = m[1]!;
      // 一是 / 一要: the numeral is a word of its own, or one word with 是/要 (not 一要素, 三是非).
      if ((f.family === 'is' || f.family === 'must') && !starts[i + numeral.length + 1] && !/[,，:：\s]/.test(text[i + numeral.length + 1] ?? '')) continue;
      const number = f.family === 'circled' ? CIRCLED.indexOf(numeral) + 1 : f.family === 'sequence' ? SEQUENCE.indexOf(numeral) + 1 : toNumber(numeral);
      if (!Number.isFinite(number) || number < 1) continue;
      markers.push({ family: f.family, number, start: i, end: i + m[0].length, lineStart });
      // A marker's words are read after it: the next one begins past its own marker.
      OPENING.lastIndex = i + m[0].length;
      break;
    }
  }
  return markers;
}
