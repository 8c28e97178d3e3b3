import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { clean } from '../../../src/stages/1-clean/index.js';
import { jieba } from '../../../src/jieba.js';
import { segment } from '../../../src/stages/2-segment/index.js';
import { noticeFiles } from '../../batch/corpus.js';

/** The tokens as nodejieba's tag, sentence by sentence, gives them: what segment did before one cut per document. */
function reference(text: string, sentences: [number, number][]): [string, string][] {
  return sentences.flatMap(([s, e]) => jieba().tag(text.slice(s, e)).filter(({ word }) => !/^\s+$/.test(word)).map(({ word, tag }) => [word, tag] as [string, string]));
}

test.each(noticeFiles().map((f) => [path.basename(f), f]))('%s: one cut per document gives the words and tags of tag per sentence', (_, file) => {
  const doc = segment(clean({ id: 'x', source: file, bytes: readFileSync(file) }));
  const { text } = doc.clean;
  expect(doc.segment.tokens.map(([s, e, tag]) => [text.slice(s, e), tag])).toEqual(reference(text, doc.segment.sentences));
});
