import { COUNTING_NUMERALS, parseNumeral } from '../../vocab/numerals.js';

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

/** 36 → 36, 三十六 → 36, 1,390 → 1390; NaN when unreadable. */
export function toNumber(s: string): number {
  return parseNumeral(s.replace(/[,，\s]/g, '')) ?? Number.NaN;
}

export const CN = `[${COUNTING_NUMERALS}]+`;
