import { expect, test } from 'vitest';
import { clean } from '../../../src/stages/1-clean/index.js';
import { Tokens, segment } from '../../../src/stages/2-segment/index.js';
import { segmenter } from '../../../src/jieba.js';
import { runCorpusFile } from '../../helpers.js';

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

test('writes a token layer as the stage file has it: one triple a line, the first without a comma', () => {
  const tokens = new Tokens(new Uint32Array([0, 2, 2, 3, 4, 1234567]), new Uint8Array([0, 1, 0]), ['n', 'x']);
  expect(Buffer.from(tokens.toJsonBytes(' ')).toString('utf8')).toBe('[\n  [0,2,"n"],\n  [2,3,"x"],\n  [4,1234567,"n"]\n ]');
  expect(JSON.parse(Buffer.from(tokens.toJsonBytes('')).toString('utf8'))).toEqual([...tokens]);
  expect(Buffer.from(new Tokens(new Uint32Array(0), new Uint8Array(0), []).toJsonBytes(' ')).toString('utf8')).toBe('[]');
});

test('the segmenter refuses a token layer whose tag has no name, or arguments of the wrong kind', () => {
  expect(() => segmenter().tokensJson(new Uint32Array([0, 1]), new Uint8Array([3]), ',\n [', '\n]', ['"n"]'])).toThrow(RangeError);
  expect(() => segmenter().tokensJson(new Uint32Array([0, 1]), new Uint8Array([0, 0]), ',\n [', '\n]', ['"n"]'])).toThrow(TypeError);
  expect(() => (segmenter().spans as (...a: unknown[]) => unknown)()).toThrow(/spans\(text\)/);
});
