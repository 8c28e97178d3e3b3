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
 * Each word's part of speech, remembered. nodejieba's `tag` is its `cut` (with HMM) followed by
 * a lookup that depends on the word alone, but it returns one JS object per word, which costs
 * more than the segmentation itself. So: cut, and learn each distinct word's tag once, by
 * tagging the word by itself. A word that tagging alone would split (an HMM word such as 住在)
 * is remembered as null, and its sentence is tagged the slow way.
 */
const TAGS = new Map<string, string | null>();
/** Enough for the vocabulary of a large corpus; past it, start again rather than grow. */
const MAX_TAGS = 500_000;

function tagOf(jb: ReturnType<typeof jieba>, word: string): string | null {
  let tag = TAGS.get(word);
  if (tag === undefined) {
    const alone = jb.tag(word);
    tag = alone.length === 1 && alone[0]!.word === word ? alone[0]!.tag : null;
    if (TAGS.size >= MAX_TAGS) TAGS.clear();
    TAGS.set(word, tag);
  }
  return tag;
}

type Tagged = { word: string; tag: string }[];

/**
 * Words and tags of each sentence, exactly as `jb.tag(sentence)` gives them, from one call to
 * nodejieba: the sentences joined by line breaks. nodejieba cuts at a line break and returns it
 * as a word of its own, and no sentence contains one, so the words between two breaks are
 * that sentence's words.
 */
function tagSentences(sentences: string[]): Tagged[] {
  const jb = jieba();
  const result: Tagged[] = [];
  let current: Tagged = [];
  let exact = true;
  const finish = () => {
    result.push(exact ? current : jb.tag(sentences[result.length]!));
    current = [];
    exact = true;
  };
  for (const word of jb.cut(sentences.join('\n'), true)) {
    if (word === '\n') {
      finish();
      continue;
    }
    const tag = tagOf(jb, word);
    if (tag === null) exact = false;
    else current.push({ word, tag });
  }
  finish();
  return result;
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
  const tagged = sentences.length ? tagSentences(sentences.map(([start, end]) => text.slice(start, end))) : [];
  for (const [i, [start, end]] of sentences.entries()) {
    let cursor = start;
    for (const { word, tag } of tagged[i]!) {
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
