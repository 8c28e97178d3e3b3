import { parseNumeral } from '../../vocab/numerals.js';

/** One line of the cleaned text; `start`/`end` are offsets into it, `end` exclusive, without the `\n`. */
export interface Line { start: number; end: number; text: string }

/** A value read from the text with the span it was read from. */
export interface Found<T> { value: T; span: [number, number] }

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    lines.push({ start, end: start + part.length, text: part });
    start += part.length + 1;
  }
  return lines;
}

const endsSentence = (c: number) => c === 0x3002 /* 。 */ || c === 0x0a;

/**
 * The sentences that hold a match of `word` (a global regex whose matches never cross 。 or a line
 * break), in order, each with its offset. A sentence ends in 。 or a line break, which stays with it.
 * Only the sentences around the matches are cut: most of a notice never names 巡视 or 问题.
 */
export function sentencesWith(text: string, word: RegExp): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let from = 0;
  for (;;) {
    word.lastIndex = from;
    const m = word.exec(text);
    if (m === null) return out;
    let start = m.index;
    while (start > from && !endsSentence(text.charCodeAt(start - 1))) start--;
    let end = m.index;
    while (end < text.length && !endsSentence(text.charCodeAt(end))) end++;
    if (end < text.length) end++;
    out.push({ text: text.slice(start, end), start });
    from = end;
  }
}

/** 36 → 36, 三十六 → 36, 1,390 → 1390; NaN when unreadable. */
export function toNumber(s: string): number {
  return parseNumeral(s.replace(/[,，\s]/g, '')) ?? Number.NaN;
}

export const CN = '[一二三四五六七八九十]+';
