/**
 * Text rewriting that never loses its way back to the input.
 *
 * Every cleaning step reads an input text and writes an output string through a
 * `TextMapBuilder`, which records for each output code unit the input offset it came from,
 * carried through the input's own map, so the clean stage ends with one map from every offset
 * of the cleaned text back to the raw (decoded) input. Offsets are UTF-16 code units; the map has
 * `text.length + 1` entries, the last one being where the text ends in the input.
 */
export interface MappedText {
  text: string;
  /** `map[i]` is the input offset of output offset `i`; `map[text.length]` is the input end. */
  map: Int32Array;
}

export class TextMapBuilder {
  private readonly parts: string[] = [];
  /**
   * Runs of output, three numbers each: input offset, length, and whether the input offset
   * advances with the output (1, a kept stretch) or stays (0, a replacement mapped to its start).
   * Runs instead of one entry per code unit: cleaning a 100 KB notice keeps long stretches,
   * and a run that continues the previous one extends it (an HTML page's text is kept a
   * character at a time), so that `build` copies whole stretches of the input's map at once.
   */
  private readonly runs: number[] = [];
  private length = 0;
  private readonly input: string;
  /** The input's map back to the raw text, or `null` when the input is the raw text itself. */
  private readonly inner: Int32Array | null;

  /** Builds from `input`: a step's input with its map, or the raw text itself. */
  constructor(input: MappedText | string) {
    this.input = typeof input === 'string' ? input : input.text;
    this.inner = typeof input === 'string' ? null : input.map;
  }

  /** Copies `input[start, end)` unchanged. */
  keep(start: number, end: number): this {
    if (end <= start) return this;
    this.parts.push(this.input.slice(start, end));
    this.run(start, end - start, 1);
    return this;
  }

  /**
   * Writes `value` in place of `input[start, end)`. When lengths agree each unit maps to its
   * counterpart (a traditional character to its simplified one); otherwise all map to `start`.
   */
  replace(start: number, end: number, value: string): this {
    if (!value) return this;
    this.parts.push(value);
    this.run(start, value.length, value.length === end - start ? 1 : 0);
    return this;
  }

  /** Appends a run, or extends the last one when this one continues it. */
  private run(start: number, length: number, step: number): void {
    const runs = this.runs;
    const last = runs.length - 3;
    this.length += length;
    const continues = step === 1 && last >= 0 && runs[last + 2] === 1 && runs[last]! + runs[last + 1]! === start;
    if (continues) runs[last + 1] = runs[last + 1]! + length;
    else runs.push(start, length, step);
  }

  /** Writes `value` that has no counterpart in the input (a joining newline), mapped to `at`. */
  insert(at: number, value: string): this {
    return this.replace(at, at, value);
  }

  get outputLength(): number {
    return this.length;
  }

  /** The text written, mapped to where the input maps (one pass, no intermediate map). */
  build(): MappedText {
    const map = new Int32Array(this.length + 1);
    const inner = this.inner;
    let o = 0;
    for (let r = 0; r < this.runs.length; r += 3) {
      const start = this.runs[r]!, len = this.runs[r + 1]!, step = this.runs[r + 2]!;
      if (step === 0) map.fill(inner ? inner[start]! : start, o, o + len);
      else if (inner) map.set(inner.subarray(start, start + len), o);
      else for (let i = 0; i < len; i++) map[o + i] = start + i;
      o += len;
    }
    map[this.length] = inner ? inner[this.input.length]! : this.input.length;
    return { text: this.parts.join(''), map };
  }
}

/** Identity mapping for a text taken as it is. */
export function identity(text: string): MappedText {
  const map = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) map[i] = i;
  return { text, map };
}

/**
 * Applies `rewrite` to every match of `pattern` (global) and keeps the rest.
 * `rewrite` returns the replacement, or `null` to keep the match as it is.
 */
export function rewrite(
  input: MappedText,
  pattern: RegExp,
  replacement: (match: RegExpExecArray) => string | null,
): MappedText {
  const b = new TextMapBuilder(input);
  let last = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(input.text); m; m = pattern.exec(input.text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const value = replacement(m);
    if (value === null) continue;
    b.keep(last, m.index);
    if (value === m[0]) b.keep(m.index, m.index + m[0].length);
    else b.replace(m.index, m.index + m[0].length, value);
    last = m.index + m[0].length;
  }
  if (last === 0) return input;
  b.keep(last, input.text.length);
  return b.build();
}

/**
 * The map in the compact form written to `1-clean.json`: `[textOffset, rawOffset]` anchors,
 * each starting a run in which both advance together, so that identity stretches cost nothing.
 */
export function toAnchors(map: Int32Array): [number, number][] {
  const anchors: [number, number][] = [];
  for (let i = 0; i < map.length; i++) {
    if (i === 0 || map[i] !== map[i - 1]! + 1) anchors.push([i, map[i]!]);
  }
  return anchors;
}

/** Inverse of `toAnchors` for a text of `length` code units. */
export function fromAnchors(anchors: [number, number][], length: number): Int32Array {
  const map = new Int32Array(length + 1);
  let a = 0;
  for (let i = 0; i <= length; i++) {
    while (a + 1 < anchors.length && anchors[a + 1]![0] <= i) a++;
    const [t, r] = anchors[a] ?? [0, 0];
    map[i] = r + (i - t);
  }
  return map;
}
