import { z } from 'zod';
import { Message, Span } from './schema.js';
import type { CleanedDocument } from './clean.js';
import { jieba } from './jieba.js';

export { USER_DICT } from './jieba.js';

/**
 * What `2-segment.json` holds. Tokens are `[start, end, tag]` triples rather than objects:
 * a token layer is the largest thing the pipeline writes, and triples keep it a third the size.
 * `tag` is nodejieba's part of speech (ICTCLAS set: n, v, m, x …).
 */
export const SegmentOutput = z.object({
  id: z.string(),
  sentences: z.array(Span),
  tokens: z.array(z.tuple([z.number().int(), z.number().int(), z.string()])),
  messages: z.array(Message),
});
export type SegmentOutput = z.infer<typeof SegmentOutput>;

export type SegmentedDocument = CleanedDocument & { segment: SegmentOutput };

/** A sentence ends after 。！？； or a line break; closing quotes stay with their sentence. */
const SENTENCE = /[^\n。！？!?；;]*(?:[。！？!?；;]+[”’」』)）]*|\n|$)/g;

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
 * Segments each sentence with nodejieba and aligns every word back to the text. nodejieba
 * returns strings, not offsets; a word that is not found where the previous one ended is a
 * mismatch, recorded as an error message rather than silently dropped.
 */
export function segment(doc: CleanedDocument): SegmentedDocument {
  const { text } = doc.clean;
  const sentences = sentenceSpans(text);
  const tokens: [number, number, string][] = [];
  const messages: Message[] = [];
  const jb = jieba();
  for (const [start, end] of sentences) {
    let cursor = start;
    for (const { word, tag } of jb.tag(text.slice(start, end))) {
      if (text.startsWith(word, cursor)) {
        if (!/^\s+$/.test(word)) tokens.push([cursor, cursor + word.length, tag]);
        cursor += word.length;
        continue;
      }
      const found = text.indexOf(word, cursor);
      if (found < 0 || found >= end) {
        messages.push({ level: 'error', code: 'segment/misaligned', message: `nodejieba word "${word}" not found in the text after offset ${cursor}`, span: [cursor, end] });
        break;
      }
      tokens.push([found, found + word.length, tag]);
      cursor = found + word.length;
    }
  }
  return { ...doc, segment: { id: doc.clean.id, sentences, tokens, messages } };
}
