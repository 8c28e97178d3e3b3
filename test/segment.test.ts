import { expect, test } from 'vitest';
import { clean } from '../src/clean.js';
import { segment } from '../src/segment.js';
import { runCorpusFile } from './helpers.js';

const seg = (s: string) => segment(clean({ id: 'x', source: 'x.txt', bytes: new TextEncoder().encode(s) }));

test('aligns every token of 003 to its text, with no misalignment', () => {
  const doc = runCorpusFile('003_7004f69c1b986a66.txt');
  expect(doc.segment.messages).toEqual([]);
  expect(doc.segment.tokens.length).toBeGreaterThan(5000);
  const words = doc.segment.tokens.map(([s, e]) => doc.clean.text.slice(s, e)).join('');
  expect(words).toBe(doc.clean.text.replace(/\s/g, ''));
});

test('keeps the field terms of the user dictionary whole', () => {
  const doc = seg('严格落实一岗双责,对问题线索立行立改,开展整改销号和回头看。');
  const words = doc.segment.tokens.map(([s, e]) => doc.clean.text.slice(s, e));
  for (const term of ['一岗双责', '问题线索', '立行立改', '整改销号', '回头看']) expect(words).toContain(term);
});

test('tags parts of speech and splits sentences at 。 and line ends', () => {
  const doc = seg('巡视组反馈了意见。市委召开会议\n整改情况:已完成。');
  expect(doc.segment.sentences.map(([s, e]) => doc.clean.text.slice(s, e))).toEqual(['巡视组反馈了意见。', '市委召开会议', '整改情况:已完成。']);
  const tags = Object.fromEntries(doc.segment.tokens.map(([s, e, t]) => [doc.clean.text.slice(s, e), t]));
  expect(tags['反馈']).toBe('v');
});
