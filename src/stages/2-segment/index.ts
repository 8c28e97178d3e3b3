import { z } from 'zod';
import { Message, Span } from '../../schema.js';
import type { CleanedDocument } from '../1-clean/index.js';
import { eachWord, segmenter } from '../../jieba.js';
import type { Stage } from '../stage.js';
import { sentenceSpans } from './sentences.js';

export { Sentences, isSentenceEnd, sentenceSpans } from './sentences.js';

export { USER_DICT } from '../../jieba.js';

/**
 * What `2-segment.json` holds. Tokens are `[start, end, tag]` triples rather than objects:
 * a token layer is the largest thing the pipeline writes, and triples keep it a third the size.
 * `tag` is nodejieba's part of speech (ICTCLAS set: n, v, m, x …).
 */
export const SegmentOutput = z.object({
  id: z.string().describe('The document id: `003_7004f69c1b986a66`.'),
  sentences: z.array(Span).describe('Each sentence, `[start, end)` in the cleaned text, without the spaces around it: it ends after 。！？!? (closing quotes kept) or at a line break; ； separates clauses inside it. Every later reader takes its sentences from here.'),
  tokens: z
    .array(z.tuple([z.number().int(), z.number().int(), z.string()]))
    .describe('Each word as `[start, end, tag]`: its span in the cleaned text and its part of speech (ICTCLAS: n, v, m, x …); 巡视整改 is one token `n`.'),
  messages: z.array(Message).describe('This stage’s findings (none so far).'),
});
export type SegmentOutput = z.infer<typeof SegmentOutput>;

/**
 * A document's tokens, held as three typed arrays rather than one small array per token: a
 * 100 KB notice has some 20,000 tokens, and as objects they cost more to build, to check and to
 * write than the segmentation itself. Iterating gives `[start, end, tag]` triples, and
 * `JSON.stringify` writes them as `2-segment.json` has them.
 */
export class Tokens {
  constructor(
    /** Token i is `[bounds[2i], bounds[2i+1])` in the cleaned text. */
    readonly bounds: Uint32Array,
    /** Token i's part of speech is `names[tags[i]]`. */
    readonly tags: Uint8Array,
    readonly names: readonly string[],
  ) {
    if (bounds.length !== tags.length * 2) throw new Error(`Tokens: ${bounds.length} bounds for ${tags.length} tags`);
  }

  get length(): number {
    return this.tags.length;
  }

  start(i: number): number {
    return this.bounds[2 * i]!;
  }

  end(i: number): number {
    return this.bounds[2 * i + 1]!;
  }

  tag(i: number): string {
    return this.names[this.tags[i]!]!;
  }

  *[Symbol.iterator](): IterableIterator<[number, number, string]> {
    for (let i = 0; i < this.length; i++) yield [this.start(i), this.end(i), this.tag(i)];
  }

  map<T>(f: (token: [number, number, string], i: number) => T): T[] {
    return Array.from(this, f);
  }

  toJSON(): [number, number, string][] {
    return [...this];
  }

  /**
   * The layer as `toJson` writes an array of triples, one token a line at `indent`, as UTF-8
   * bytes: a 100 KB notice has some 20,000 tokens, and its token layer is most of what a run
   * writes. The addon writes the lines (a tenth of the time of a JavaScript loop), and the bytes
   * go to the file as they are, never through a string.
   */
  toJsonBytes(indent: string): Uint8Array {
    if (this.length === 0) return new TextEncoder().encode('[]');
    const tagEnds = this.names.map((name) => `${JSON.stringify(name)}]`);
    return segmenter().tokensJson(this.bounds, this.tags, `,\n${indent} [`, `\n${indent}]`, tagEnds);
  }
}

/** The segment layer as the pipeline holds it: tokens as `Tokens`, written as triples. */
export const SegmentLayer = SegmentOutput.extend({ tokens: z.instanceof(Tokens) });
export type SegmentLayer = z.infer<typeof SegmentLayer>;

export type SegmentedDocument = CleanedDocument & { segment: SegmentLayer };

/** Whether a character code may start a whitespace word (ASCII space and control, NBSP, U+1680, U+2000–U+205F, U+3000, BOM). */
function maySpace(code: number): boolean {
  return code <= 0x20 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x205f) || code === 0x3000 || code === 0xfeff;
}

/**
 * Segments the text sentence by sentence, as nodejieba's `tag(sentence)` would, in one call to
 * the segmenter; whitespace words are left out.
 */
export function segment(doc: CleanedDocument): SegmentedDocument {
  const { text } = doc.clean;
  const sentences = sentenceSpans(text);
  // At most one token per code unit.
  const bounds = new Uint32Array(text.length * 2);
  const kept = new Uint8Array(text.length);
  let count = 0;
  const names = eachWord(
    sentences.map(([start, end]) => text.slice(start, end)),
    (sentence, from, to, tag) => {
      const start = sentences[sentence]![0] + from;
      const end = start + to - from;
      if (maySpace(text.charCodeAt(start)) && /^\s+$/.test(text.slice(start, end))) return;
      bounds[2 * count] = start;
      bounds[2 * count + 1] = end;
      kept[count++] = tag;
    },
  );
  const tokens = new Tokens(bounds.slice(0, count * 2), kept.slice(0, count), names);
  return { ...doc, segment: { id: doc.clean.id, sentences, tokens, messages: [] } };
}

/** Stage 2: sentences and words with their parts of speech. */
export const stage = { name: 'segment', file: '2-segment.json', schema: SegmentOutput, check: SegmentLayer, run: segment, layer: (d) => d.segment } as const satisfies Stage<CleanedDocument, SegmentedDocument, SegmentLayer>;
