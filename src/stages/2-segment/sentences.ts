/**
 * The one sentence layer: every reader after the segment stage (the sections stage's lists and
 * inspection team, the extract stage's totals, inspection dates and kind) takes its sentences
 * from here. A sentence ends after 。！？ (or ! ?), closing quotes and brackets staying with it
 * ("…问题整改到位。”"), or at a line break; a semicolon (；) separates clauses inside one sentence,
 * so "反馈问题36个,已完成整改23个;阶段性完成12个" is one sentence of two clauses.
 */

/** Whether a character ends a sentence: 。！？!? or a line break. */
export const isSentenceEnd = (c: string | undefined): boolean => c === '。' || c === '\n' || c === '!' || c === '！' || c === '?' || c === '？';

/** A sentence: its end punctuation, then any closing quotes and brackets; or a line break. */
const SENTENCE = /[^\n。！？!?]*(?:[。！？!?]+[”’」』)）]*|\n|$)/g;

/** Each sentence of `text` as `[start, end)`, without the spaces around it; empty ones left out. */
export function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  SENTENCE.lastIndex = 0;
  for (let m = SENTENCE.exec(text); m && m.index < text.length; m = SENTENCE.exec(text)) {
    if (m[0].length === 0) {
      SENTENCE.lastIndex++;
      continue;
    }
    let start = m.index;
    let end = m.index + m[0].length;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) spans.push([start, end]);
  }
  return spans;
}

/**
 * The sentences of one text, searchable by offset: the sentence that holds a count of a totals
 * sentence, the sentences that name 巡视, each found by binary search.
 */
export class Sentences {
  constructor(
    readonly text: string,
    /** `[start, end)` of each sentence, in text order, as `2-segment.json` has them. */
    readonly spans: readonly (readonly [number, number])[],
  ) {}

  static of(text: string): Sentences {
    return new Sentences(text, sentenceSpans(text));
  }

  /** The index of the last sentence starting at or before `offset`, or -1. */
  private before(offset: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]![0] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** The sentence that holds `offset`, `[start, end)`, or null between sentences. */
  at(offset: number): readonly [number, number] | null {
    const span = this.spans[this.before(offset)];
    return span && offset < span[1] ? span : null;
  }

  /** Where the sentence holding `offset` starts, at most `reach` before it (a page without full stops is not one sentence). */
  startOf(offset: number, reach = Infinity): number {
    const span = this.at(offset);
    return Math.max(span ? span[0] : offset, offset - reach);
  }

  /** Where the sentence holding `offset` ends, at most `reach` after it. */
  endOf(offset: number, reach = Infinity): number {
    const span = this.at(offset);
    return Math.min(span ? span[1] : offset, offset + reach);
  }

  /** The sentences that hold a match of `word` (a global regex), in order, each once, with their text. */
  withWord(word: RegExp): { text: string; start: number }[] {
    const out: { text: string; start: number }[] = [];
    let last = -1;
    for (const m of this.text.matchAll(word)) {
      const i = this.before(m.index);
      const span = this.spans[i];
      if (i === last || !span || m.index >= span[1]) continue;
      last = i;
      out.push({ text: this.text.slice(span[0], span[1]), start: span[0] });
    }
    return out;
  }

  /** Each sentence's text. */
  texts(): string[] {
    return this.spans.map(([s, e]) => this.text.slice(s, e));
  }
}
