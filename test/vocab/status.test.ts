/**
 * The status vocabulary (src/vocab/status.ts): the segmenter's dictionary rows are written from
 * it, and adding a word is one row (已销号, read in its three phrasings).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { statusDictionary } from '../../src/output/schemas.js';
import { statusOf } from '../../src/vocab/status.js';
import { ROOT } from '../helpers.js';

const SRC = path.join(ROOT, 'src');

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
