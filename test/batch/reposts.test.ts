import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { run } from '../../src/batch/run.js';
import { loadBatch } from '../../src/report/build.js';
import type { FinalDocument } from '../../src/schema.js';
import { toJsonFile } from '../../src/output/json.js';
import { CORPUS } from '../helpers.js';

/**
 * One output folder through three runs: the corpus with a repost of 003 (its own header and
 * footer, in a subfolder); then without 003 (the repost is an original now); then without the
 * repost's input (its folder is stale). The final documents, documents.csv and the review page
 * must say the same thing each time.
 */
describe('reposts and removed inputs across runs of one output folder', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-reposts-'));
  const input = path.join(dir, 'in');
  const out = path.join(dir, 'out');
  mkdirSync(path.join(input, 'farm'), { recursive: true });
  for (const name of ['000_2d89892f4871253d', '002_96900efc544a01e9', '003_7004f69c1b986a66']) copyFileSync(path.join(CORPUS, `${name}.txt`), path.join(input, `${name}.txt`));
  const notice = readFileSync(path.join(CORPUS, '003_7004f69c1b986a66.txt'), 'utf8');
  writeFileSync(path.join(input, 'farm', 'copy.txt'), `来源:某资讯网  发布时间:2024-08-28 09:12\n${notice}\n【编辑:张三】 回顶部\n`);

  const final = (id: string) => JSON.parse(readFileSync(path.join(out, id, '5-validate.json'), 'utf8')) as FinalDocument;
  const documentsCsv = () => (parse(readFileSync(path.join(out, 'documents.csv')), { bom: true, columns: true }) as Record<string, string>[]).map((r) => [r.id, r.duplicateOf, r.similarity]);
  const pageRows = async () => (await loadBatch(out)).rows.map((r) => [r.id, r.copyOf?.id ?? null, r.copies]);

  const first = await run({ inputs: [input], outDir: out });
  const firstFinal = final('farm__copy');
  const firstBytes = readFileSync(path.join(out, 'farm__copy', '5-validate.json'), 'utf8');
  const firstCsv = documentsCsv();
  const firstPage = await pageRows();

  rmSync(path.join(input, '003_7004f69c1b986a66.txt'));
  const second = await run({ inputs: [input], outDir: out });
  const secondFinal = final('farm__copy');
  const secondCsv = documentsCsv();
  const secondPage = await pageRows();

  rmSync(path.join(input, 'farm'), { recursive: true });
  const third = await run({ inputs: [input], outDir: out });
  const thirdCsv = documentsCsv();
  const thirdPage = await pageRows();

  test('a repost points at its original in its final document, in documents.csv and on the page', () => {
    expect(first.counts).toMatchObject({ documents: 4, processed: 4 });
    expect(firstFinal.duplicateOf).toEqual({ id: '003_7004f69c1b986a66', similarity: expect.any(Number) });
    expect(firstFinal.duplicateOf!.similarity).toBeGreaterThan(0.9);
    expect(firstCsv).toEqual([
      ['000_2d89892f4871253d', '', ''],
      ['002_96900efc544a01e9', '', ''],
      ['003_7004f69c1b986a66', '', ''],
      ['farm__copy', '003_7004f69c1b986a66', String(firstFinal.duplicateOf!.similarity)],
    ]);
    expect(firstPage).toEqual([
      ['000_2d89892f4871253d', null, []],
      ['002_96900efc544a01e9', null, []],
      ['003_7004f69c1b986a66', null, ['farm__copy']],
      ['farm__copy', '003_7004f69c1b986a66', []],
    ]);
    expect(final('003_7004f69c1b986a66').duplicateOf).toBeNull();
    // The link was written over the file's last lines in place: the file is what the writer writes.
    expect(firstBytes).toBe(toJsonFile(firstFinal));
    expect(firstBytes.endsWith(`\n "duplicateOf": {\n  "id": "003_7004f69c1b986a66",\n  "similarity": ${firstFinal.duplicateOf!.similarity}\n }\n}\n`)).toBe(true);
  });

  test('without its original, the repost is an original: rewritten although skipped', () => {
    expect(second.counts).toMatchObject({ documents: 3, processed: 0, skipped: 3 });
    expect(second.stale).toEqual(['003_7004f69c1b986a66']);
    expect(secondFinal.duplicateOf).toBeNull();
    expect(secondCsv).toEqual([['000_2d89892f4871253d', '', ''], ['002_96900efc544a01e9', '', ''], ['farm__copy', '', '']]);
    expect(secondPage).toEqual([['000_2d89892f4871253d', null, []], ['002_96900efc544a01e9', null, []], ['farm__copy', null, []]]);
  });

  test('a removed input leaves the CSV files and the page alike, its folder listed as stale', () => {
    expect(third.stale).toEqual(['003_7004f69c1b986a66', 'farm__copy']);
    expect(JSON.parse(readFileSync(path.join(out, 'run.json'), 'utf8')).stale).toEqual(third.stale);
    expect(thirdCsv.map((r) => r[0])).toEqual(['000_2d89892f4871253d', '002_96900efc544a01e9']);
    expect(thirdPage.map((r) => r[0])).toEqual(thirdCsv.map((r) => r[0]));
    // The folders are still there, untouched: nothing a researcher wrote is deleted.
    expect(final('farm__copy').id).toBe('farm__copy');
  });
});
