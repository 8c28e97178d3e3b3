/**
 * The status vocabulary has one home, src/vocab/status.ts: every reader builds its pattern from
 * the rows there, and the segmenter's dictionary rows for them are written from it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { statusDictionary } from '../../src/output/schemas.js';
import { RATE_NAMES, STATUS_WORDS, statusOf } from '../../src/vocab/status.js';
import { ROOT } from '../helpers.js';

const SRC = path.join(ROOT, 'src');
const HOME = path.join(SRC, 'vocab', 'status.ts');

/** Every source file's code: comments, `example:` texts and `.describe(…)` texts (documentation) left out. */
function code(): [string, string][] {
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.ts$/.test(e.name) ? [path.join(dir, e.name)] : []));
  return files(SRC)
    .filter((f) => !f.includes(`${path.sep}bench${path.sep}`))
    .map((f) => [
      f,
      readFileSync(f, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
        .replace(/example:\s*'(?:[^'\\]|\\.)*'/g, '')
        .replace(/\.describe\(\s*(?:'(?:[^'\\]|\\.)*'|`[^`]*`)\s*\)/g, ''),
    ]);
}

/** The literal words of a row's patterns: 已完成整改, 阶段性完成 … (regular-expression syntax left out). */
const literals = (source: string): string[] => source.split('|').map((w) => w.replace(/^\^\\s\*/, '')).filter((w) => /^[\p{Script=Han}]{3,}$/u.test(w));

test('each status word and rate name is spelled in src/vocab/status.ts only (comments, examples and descriptions aside)', () => {
  const words = [...STATUS_WORDS.flatMap((r) => [r.words, r.all, r.petitions].flatMap((s) => (s ? literals(s) : []))), ...RATE_NAMES.map((r) => r.name)];
  expect(words).toContain('阶段性完成');
  expect(words).toContain('整改率');
  const elsewhere = code().flatMap(([file, text]) => (file === HOME ? [] : words.filter((w) => text.includes(w)).map((w) => `${w} in ${path.relative(ROOT, file)}`)));
  expect(elsewhere).toEqual([]);
});

test('src/dict/status.dict.utf8 is written from the status table (npm run schemas)', () => {
  expect(readFileSync(path.join(SRC, 'dict', 'status.dict.utf8'), 'utf8')).toBe(statusDictionary());
  expect(statusDictionary()).toContain('已完成整改 100 v');
});

const read = (text: string) => runPipeline({ id: 't', source: 't.txt', bytes: Buffer.from(text) }).final;

// 已销号 is one row of the table; these are its three readings.
test('已销号 says an item is done', () => {
  expect(statusOf('该问题已销号')).toBe('completed');
  const doc = read('一、存在的问题\n1.党支部组织生活不规范。\n整改情况:已制定学习计划,该问题已销号。\n');
  expect(doc.problems.map((p) => p.status)).toEqual(['completed']);
});

test('已全部销号 after a stated total gives completed = that total', () => {
  // The real phrasing: "巡察反馈的20个问题,已全部销号"; a paraphrase with another count and verb.
  expect(read('县委第二巡察组共反馈问题20个,目前已全部销号。').summary).toMatchObject({ totalProblems: 20, completed: 20 });
  expect(read('巡视反馈的问题共计7个,均已全部销号。').summary).toMatchObject({ totalProblems: 7, completed: 7 });
});

test('已销号20件 of petitions is the count resolved', () => {
  expect(read('督察组转办信访件25件,已销号20件。').summary).toMatchObject({ petitionsReceived: 25, petitionsResolved: 20 });
});
