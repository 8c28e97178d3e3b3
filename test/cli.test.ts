import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { FinalDocument } from '../src/schema.js';
import { CLI, CORPUS } from './helpers.js';

const zhenggai = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('zhenggai run on a folder with broken files among good ones', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-cli-'));
  const input = path.join(dir, 'in');
  const out = path.join(dir, 'out');
  spawnSync('mkdir', ['-p', input]);
  copyFileSync(path.join(CORPUS, '003_7004f69c1b986a66.txt'), path.join(input, '003.txt'));
  copyFileSync(path.join(CORPUS, '002_96900efc544a01e9.txt'), path.join(input, '002.txt'));
  writeFileSync(path.join(input, 'logo.png'), Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'));
  writeFileSync(path.join(input, 'image.txt'), Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'));
  writeFileSync(path.join(input, 'empty.txt'), '');
  const result = zhenggai('run', input, '--out', out, '--jobs', '2');

  test('exits 1 and names each bad file with its reason on stderr', () => {
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/empty\.txt: empty file/);
    expect(result.stderr).toMatch(/image\.txt: binary file/);
  });

  test('still writes every good document, valid against the schema', () => {
    for (const id of ['003', '002']) {
      const doc = JSON.parse(readFileSync(path.join(out, id, '5-validate.json'), 'utf8'));
      expect(FinalDocument.safeParse(doc).success).toBe(true);
    }
    expect(existsSync(path.join(out, 'empty'))).toBe(false);
  });

  test('lists the failures in run.json', () => {
    const run = JSON.parse(readFileSync(path.join(out, 'run.json'), 'utf8'));
    expect(run.counts).toMatchObject({ documents: 4, processed: 2, failed: 2 });
    expect(run.failures.map((f: { id: string; reason: string }) => [f.id, f.reason])).toEqual([
      ['empty', 'empty file'],
      ['image', 'binary file: a PNG image, not text'],
    ]);
  });

  test('writes the five CSV files with a byte-order mark', () => {
    for (const name of ['documents', 'problems', 'numbers', 'dates', 'diagnostics']) {
      expect(readFileSync(path.join(out, `${name}.csv`)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    }
    const header = readFileSync(path.join(out, 'problems.csv'), 'utf8').split('\r\n')[0]!.replace(/"/g, '');
    expect(header).toBe('\uFEFFid,number,category,categoryTitle,text,status,rectification,start,end,rectificationStart,rectificationEnd,spanStart,spanEnd');
  });
});

describe('usage errors exit 2', () => {
  test.each([[['frobnicate']], [['run']], [['run', 'corpus', '--jobs', 'zero']], [['run', '/no/such/folder']]])('%j', (args) => {
    expect(zhenggai(...args).status).toBe(2);
  });
});
