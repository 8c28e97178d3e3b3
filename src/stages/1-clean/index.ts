import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { Message, Quality, type QualityFlag } from '../../schema.js';
import { isBoilerplate, stripBoilerplate } from './boilerplate.js';
import { CleanError, type Decoded, decodeBytes } from './decode.js';
import { htmlToText, readPageMeta, repairEntityResidue } from './html.js';
import { normalizeScript } from './script.js';
import { detectSpun } from './spun.js';
import { minhash } from './near-duplicates.js';
import type { StepResult } from './step.js';
import { eachWord } from '../../jieba.js';
import { type MappedText, TextMapBuilder, identity, rewrite, toAnchors } from './text-map.js';
import type { Stage } from '../stage.js';
import { COUNTING_NUMERALS } from '../../vocab/numerals.js';

export { CleanError };

/** What `1-clean.json` holds. `text` is the coordinate system of every later span. */
export const CleanOutput = z.object({
  id: z.string().describe('The document id: `003_7004f69c1b986a66`, `dev__d01`.'),
  source: z.string().describe('The input file as given on the command line: `corpus/003_7004f69c1b986a66.txt`.'),
  sha256: z.string().describe('SHA-256 of the input bytes, hex: `370b4f8d…` (corpus 003).'),
  format: z.enum(['text', 'html']).describe('How the input was read: `html` for a web page (by its name or its markup), else `text`.'),
  encoding: z.string().describe('WHATWG label of the encoding the bytes were decoded from: `utf-8`, `gb18030`, `big5`, `utf-16le`.'),
  text: z.string().describe('The cleaned text, the coordinate system of every later span: one `\\n` between paragraphs, site chrome dropped, simplified script.'),
  offsetMap: z
    .array(z.tuple([z.number().int(), z.number().int()]))
    .describe('`[textOffset, rawOffset]` anchors, UTF-16 code units: from each anchor on, both offsets advance together until the next; [[0, 0], [99, 100], …] in corpus 003.'),
  pageMeta: z.record(z.string(), z.string()).describe('Metadata a web page showed around the notice, keyed as shown: `{"来源": "博兴县纪委监委网站", "发布时间": "2025-05-12"}`.'),
  minhash: z
    .array(z.number().int())
    .nullable()
    .describe('MinHash signature of the Han text (128 unsigned 32-bit numbers), or null when too short: links reposts across a batch.'),
  quality: Quality.describe('How this copy was repaired, as in the final document.'),
  messages: z.array(Message).describe('This stage’s findings: `clean/traditional-script`, `clean/boilerplate-dropped` ….'),
});
export type CleanOutput = z.infer<typeof CleanOutput>;

/** One input file as read: its bytes and where it came from. */
export interface RawInput {
  id: string;
  source: string;
  bytes: Uint8Array;
}

export interface CleanedDocument {
  clean: CleanOutput;
  /** The decoded input that `offsetMap` points into. */
  raw: string;
  /** The full offset map, `text.length + 1` entries. */
  map: Int32Array;
}

/** `<!doctype html>` or `<html` at the start of a file makes it a web page, whatever its name. */
const HTML_START = /^\s*(?:<!doctype html|<html[\s>])/i;

/**
 * An input's bytes to its raw text, as the clean stage reads them (and the review page again):
 * a web page by its name or its markup, so that its `<meta charset>` is honoured.
 */
export function decodeInput(source: string, bytes: Uint8Array): Decoded & { format: 'text' | 'html' } {
  // Before decoding, the bytes read as Latin-1 are enough to see the markup.
  const html = /\.html?$/i.test(source) || HTML_START.test(new TextDecoder('latin1').decode(bytes.subarray(0, 1000)));
  const decoded = decodeBytes(bytes, { html });
  return { ...decoded, format: html || HTML_START.test(decoded.raw.slice(0, 1000)) ? 'html' : 'text' };
}

/** Characters that end a sentence or a clause at the end of a line. */
const LINE_END_PUNCT = /[。！？!?；;：:，,、”’"'）)》】…—\]]$/;
/** Numbered headings and list items that start a new paragraph: 一、 (一) 1. ① 二是. */
const NUMBERED_START = new RegExp(`^(?:[${COUNTING_NUMERALS}]+[、是]|[(（][${COUNTING_NUMERALS}\\d]+[)）]|\\d+[.、．]|[①-⑳]|问题\\d|第[${COUNTING_NUMERALS}]+)`);

/**
 * For each pair of lines, whether the segmenter reads a word across the end of the first and
 * the start of the second (规|划局): the four code units either side of each break, every pair
 * read as it would be alone, all in one call to the segmenter (`eachWord`).
 */
function wordsAcrossBreaks(pairs: readonly [string, string][]): boolean[] {
  const lefts = pairs.map(([prev]) => prev.slice(-4));
  const across = pairs.map(() => false);
  eachWord(
    pairs.map(([, next], i) => lefts[i]! + next.slice(0, 4)),
    (w, start, end) => {
      const edge = lefts[w]!.length;
      if (start < edge && end > edge) across[w] = true;
    },
  );
  return across;
}

/**
 * Whether `next` may continue the sentence of `prev`: `prev` runs on (no punctuation at its end)
 * and `next` starts with a Han character, not a numbered item.
 */
function runsOn(prev: string, next: string): boolean {
  if (LINE_END_PUNCT.test(prev)) return false;
  return /^[\p{Script=Han}]/u.test(next) && !NUMBERED_START.test(next);
}

/** A long line with clauses: when it runs on, the break cut a sentence short. */
function longSentence(line: string): boolean {
  return line.length >= 40 && /[,，;；]/.test(line);
}

/**
 * For each break between `lines` (break `i` before line `i`, `false` for the first), whether a
 * page layout broke a sentence there: "…迅速向相关单位、乡镇、企业下" ⏎⏎ "达责令限期整改决定书10余份".
 * The first line runs on into the next, and either it is a long sentence cut short or a word
 * spans the break (下达, 规划局, 整改).
 */
function brokenMidSentence(lines: readonly string[]): boolean[] {
  const broken = lines.map((line, i) => i > 0 && runsOn(lines[i - 1]!, line));
  const ask: number[] = [];
  broken.forEach((runs, i) => {
    if (runs && !longSentence(lines[i - 1]!)) ask.push(i);
  });
  const across = wordsAcrossBreaks(ask.map((i) => [lines[i - 1]!, lines[i]!]));
  ask.forEach((i, k) => (broken[i] = across[k]!));
  return broken;
}

/**
 * Whitespace and line structure: CRLF → LF, full-width and no-break spaces, indentation and
 * trailing spaces removed, blank lines dropped (one `\n` between paragraphs), boilerplate lines
 * dropped, and paragraphs broken mid-sentence joined.
 */
export function normalizeLines(input: MappedText): MappedText {
  const src = input.text;
  const lineRe = /([^\r\n]*)(?:\r\n|\r|\n|$)/g;
  const lines: string[] = [];
  const starts: number[] = [];
  for (let m = lineRe.exec(src); m && m[0].length > 0; m = lineRe.exec(src)) {
    // `trim` removes what `\s` matches, which takes in the full-width, no-break and BOM spaces.
    const body = m[1]!;
    const line = body.trim();
    if (!line || isBoilerplate(line)) continue;
    lines.push(line);
    starts.push(m.index + body.length - body.trimStart().length);
  }
  const broken = brokenMidSentence(lines);
  const b = new TextMapBuilder(input);
  lines.forEach((line, i) => {
    if (i > 0 && !broken[i]) b.insert(starts[i]!, '\n');
    b.keep(starts[i]!, starts[i]! + line.length);
  });
  return b.build();
}

/** Runs of spaces inside a line become one; a full-width space between words becomes a space. */
function normalizeSpaces(input: MappedText): MappedText {
  return rewrite(input, /[ \t\u3000\u00a0]{2,}|[\t\u3000\u00a0]/g, () => ' ');
}

/**
 * A message span from a step's output, moved to the final text through the raw offsets both
 * map to: the first final offset at or after the raw start, and likewise for the end.
 */
function moveSpan(span: [number, number], from: MappedText, to: MappedText): [number, number] {
  const rawStart = from.map[span[0]]!;
  const rawEnd = from.map[span[1]]!;
  const find = (raw: number) => {
    let lo = 0;
    let hi = to.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (to.map[mid]! < raw) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const start = find(rawStart);
  return [start, Math.max(start, find(rawEnd))];
}

export function clean(input: RawInput): CleanedDocument {
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const decoded = decodeInput(input.source, input.bytes);
  const { raw, encoding, format } = decoded;
  const flags = new Set<QualityFlag>(decoded.flags);
  const messages: Message[] = [...decoded.messages];
  const pending: { step: StepResult }[] = [];
  const apply = (step: StepResult) => {
    for (const f of step.flags) flags.add(f);
    pending.push({ step });
    return step.text;
  };
  let pageMeta: Record<string, string> = {};
  let mapped: MappedText;
  if (format === 'html') {
    const page = htmlToText(raw);
    mapped = page.text;
    pageMeta = page.pageMeta;
  } else {
    mapped = identity(raw);
  }
  mapped = apply(repairEntityResidue(mapped));
  // Pinyin first (OpenCC leaves it in place), then traditional → simplified, then chrome lines.
  mapped = apply(normalizeScript(mapped));
  if (format === 'text') pageMeta = readPageMeta(mapped.text.split('\n').slice(0, 12).join('\n'));
  mapped = apply(stripBoilerplate(mapped));
  mapped = normalizeSpaces(normalizeLines(mapped));
  mapped = apply(detectSpun(mapped));
  if (!/[\p{Script=Han}]/u.test(mapped.text)) throw new CleanError('no Chinese text in the document');
  for (const { step } of pending) {
    for (const m of step.messages) messages.push(m.span ? { ...m, span: moveSpan(m.span, step.text, mapped) } : m);
  }
  return {
    raw,
    map: mapped.map,
    clean: {
      id: input.id,
      source: input.source,
      sha256,
      format,
      encoding,
      text: mapped.text,
      offsetMap: toAnchors(mapped.map),
      pageMeta,
      minhash: minhash(mapped.text),
      quality: { flags: [...flags] },
      messages,
    },
  };
}

/**
 * The document id of CONTRACT.md: relative path without extension, `/` → `__`, odd characters → `_`.
 * With `keepExtension` the extension stays (`n.htm` → `n.htm`): how two files that differ only
 * by it are told apart (src/batch/ids.ts).
 */
export function documentId(relativePath: string, keepExtension = false): string {
  const parsed = path.parse(relativePath.split(path.sep).join('/'));
  const name = keepExtension ? parsed.base : parsed.name;
  const stem = parsed.dir ? `${parsed.dir}/${name}` : name;
  return stem.replace(/\//g, '__').replace(/[^\p{L}\p{N}\p{Script=Han}\-_.]/gu, '_');
}

/** Stage 1: the raw input decoded, stripped of markup and site chrome, in simplified script. */
export const stage = { name: 'clean', file: '1-clean.json', schema: CleanOutput, run: clean, layer: (d) => d.clean } as const satisfies Stage<RawInput, CleanedDocument, CleanOutput>;
