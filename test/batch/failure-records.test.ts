import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { FAILURES, failureCode } from '../../src/codes.js';
import { ErrorRecord, FinalDocument } from '../../src/schema.js';
import { CLI } from '../helpers.js';

test.each(Object.entries(FAILURES).filter(([code]) => code !== 'failed'))('reads the example of %s as that code', (code, { example }) => {
  expect(failureCode(example)).toBe(code);
});

test.each([
  ['not a JSON object', 'bad-line'],
  ['needs a string "text" or "path"', 'bad-line'],
  ['binary file: it contains NUL bytes, not text', 'binary'],
  ["internal error: Error: ENOENT: no such file or directory, open '/no/such.txt'", 'unreadable'],
  ['internal error: worker: Worker terminated', 'internal'],
  ['something nobody foresaw', 'failed'],
])('codes the reason %j as %s', (reason, code) => expect(failureCode(reason)).toBe(code));

describe('zhenggai run --jsonl: one output line for every input line', () => {
  const lines = [
    '{"id": "ok", "text": "巡视反馈的36个问题,已完成整改23个。"}',
    'not json',
    '{"id": "empty", "text": ""}',
    '{"text": "无编号"}',
    '{"id": "nul", "text": "巡视\\u0000整改\\u0000情况"}',
    '{"id": "also-ok", "text": "截至2024年8月20日,已办结1389件。"}',
  ];
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'run', '--jsonl', '-', '--quiet', ...args], { input: lines.join('\n') + '\n', encoding: 'utf8' });
  const result = run();
  const out = result.stdout.trim().split('\n').map((l) => JSON.parse(l));

  test('a final document or an error record per line, in input order', () => {
    expect(out).toHaveLength(lines.length);
    expect(out.map((o) => ('error' in o ? ['error', o.id, o.line] : ['document', o.id]))).toEqual([
      ['document', 'ok'],
      ['error', null, 2],
      ['error', 'empty', 3],
      ['error', null, 4],
      ['error', 'nul', 5],
      ['document', 'also-ok'],
    ]);
    for (const o of out) expect(('error' in o ? ErrorRecord : FinalDocument).safeParse(o).success).toBe(true);
  });

  test('each error record says what failed in the words of a folder run', () => {
    expect(out.filter((o) => 'error' in o)).toEqual([
      { id: null, line: 2, source: 'line 2', error: { code: 'bad-line', message: 'not a JSON object' } },
      { id: 'empty', line: 3, source: 'empty', error: { code: 'empty', message: 'empty file' } },
      { id: null, line: 4, source: 'line 4', error: { code: 'bad-line', message: 'needs a string "id"' } },
      { id: 'nul', line: 5, source: 'nul', error: { code: 'binary', message: 'binary file: it contains NUL bytes, not text' } },
    ]);
  });

  test('the failures are still listed on stderr; exit 1, or 0 with --allow-failures and the same lines', () => {
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'zhenggai: line 2: not a JSON object',
      'zhenggai: empty: empty file',
      'zhenggai: line 4: needs a string "id"',
      'zhenggai: nul: binary file: it contains NUL bytes, not text',
    ]);
    const allowed = run('--allow-failures');
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toBe(result.stdout);
  });
});
