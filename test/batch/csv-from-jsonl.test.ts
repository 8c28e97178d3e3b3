import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { TABLES } from '../../src/output/csv.js';
import { documentId } from '../../src/stages/1-clean/index.js';
import { CLI, CORPUS, ROOT } from '../helpers.js';

/**
 * The CSV files of a folder run and of `run --jsonl` + `zhenggai csv` over the same documents
 * are the same bytes. The documents: the repository's notices (its dev set too, once it is in
 * the repository), a repost of 003 and an empty file that must fail; the JSONL output is cut
 * into part files in a folder, as a cluster writes it, beside a `_SUCCESS` marker and a
 * checksum file that `zhenggai csv` must pass over.
 */
const DEV = path.join(ROOT, 'dev');
const zhenggai = (args: string[], input?: string) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, maxBuffer: 1 << 28 });

describe('zhenggai csv over the JSON Lines of a run gives the CSV files of a folder run', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-csv-'));
  const input = path.join(dir, 'in');
  mkdirSync(path.join(input, 'farm'), { recursive: true });
  for (const f of readdirSync(CORPUS)) copyFileSync(path.join(CORPUS, f), path.join(input, f));
  if (existsSync(DEV)) {
    mkdirSync(path.join(input, 'dev'));
    for (const f of readdirSync(DEV).filter((f) => f.endsWith('.txt'))) copyFileSync(path.join(DEV, f), path.join(input, 'dev', f));
  }
  copyFileSync(path.join(CORPUS, '003_7004f69c1b986a66.txt'), path.join(input, 'farm', 'repost.txt'));
  writeFileSync(path.join(input, 'farm', 'empty.txt'), '');

  const folder = zhenggai(['run', input, '--out', path.join(dir, 'folder'), '--quiet']);
  // The same documents as JSON Lines, in the order a folder run takes them (by id).
  const files = (readdirSync(input, { recursive: true }) as string[]).filter((f) => f.endsWith('.txt')).map((f) => ({ id: documentId(f), path: path.join(input, f) }));
  files.sort((a, b) => a.id.localeCompare(b.id));
  const jsonl = zhenggai(['run', '--jsonl', '-', '--quiet', '--allow-failures'], files.map((f) => JSON.stringify(f)).join('\n') + '\n');
  const lines = jsonl.stdout.trim().split('\n');
  const parts = path.join(dir, 'parts');
  mkdirSync(parts);
  const cut = [0, Math.floor(lines.length / 3), Math.floor((2 * lines.length) / 3), lines.length];
  for (let p = 0; p < 3; p++) writeFileSync(path.join(parts, `part-0000${p}`), lines.slice(cut[p], cut[p + 1]).map((l) => `${l}\t\n`).join(''));
  writeFileSync(path.join(parts, '_SUCCESS'), '');
  writeFileSync(path.join(parts, '.part-00000.crc'), 'not json');
  const csv = zhenggai(['csv', parts, '--out', path.join(dir, 'from-jsonl')]);

  test('the runs: one failure, listed by both', () => {
    expect(folder.status).toBe(1);
    expect(folder.stderr).toContain('farm/empty.txt: empty file');
    expect(jsonl.status).toBe(0);
    expect(lines).toHaveLength(files.length);
    expect(csv.status).toBe(0);
    expect(csv.stderr).toBe(`zhenggai: ${files.length} documents (1 of them failed) from 3 files into ${path.join(dir, 'from-jsonl')}/*.csv\n`);
  });

  test.each(TABLES.map((t) => t.file))('%s is the same file', (file) => {
    const want = readFileSync(path.join(dir, 'folder', file), 'utf8');
    expect(readFileSync(path.join(dir, 'from-jsonl', file), 'utf8')).toBe(want);
  });

  test('documents.csv holds the failure with its reason and the repost with its original', () => {
    const rows = readFileSync(path.join(dir, 'from-jsonl', 'documents.csv'), 'utf8').split('\r\n');
    expect(rows.length - 2).toBe(files.length);
    expect(rows.find((r) => r.startsWith('"farm__empty"'))).toMatch(/,"failed","empty file",$/);
    expect(rows.find((r) => r.startsWith('"farm__repost"'))).toMatch(/,"003_7004f69c1b986a66",1,"ok",,$/);
  });

  test('reads stdin too, and names a line it cannot read, exiting 1', () => {
    const out = path.join(dir, 'stdin');
    const fromStdin = zhenggai(['csv', '--out', out, '--quiet'], `${lines[0]}\n{"id": "x", "kind": "news"}\nnot json\n${lines[0]}\n`);
    expect(fromStdin.status).toBe(1);
    expect(fromStdin.stderr.split('\n')).toEqual([
      'zhenggai: stdin:2: not a final document or an error record (source: Invalid input: expected string, received undefined)',
      'zhenggai: stdin:3: not JSON',
      `zhenggai: stdin:4: ${files[0]!.id} again (first at stdin:1); the first is kept`,
      '',
    ]);
    expect(readFileSync(path.join(out, 'documents.csv'), 'utf8').split('\r\n')).toHaveLength(3);
  });

  test('refuses what it cannot read, in one line', () => {
    expect(zhenggai(['csv', path.join(dir, 'nothing-here')]).stderr).toBe(`zhenggai: no such file or folder: ${path.join(dir, 'nothing-here')}\n`);
    mkdirSync(path.join(dir, 'empty-folder'));
    const empty = zhenggai(['csv', path.join(dir, 'empty-folder')]);
    expect([empty.status, empty.stderr]).toEqual([2, `zhenggai: ${path.join(dir, 'empty-folder')} holds no part files\n`]);
  });
});
