import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { AUDIT_CODES, CODES, type Code } from '../src/codes.js';
import { ARITHMETIC_CODES } from '../src/output/csv.js';
import { Message } from '../src/schema.js';
import { ROOT } from './helpers.js';

/** Every source file but the table itself, with its text. */
const sources = readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.ts$/.test(f) && f !== 'codes.ts')
  .map((f) => ({ file: f, text: readFileSync(path.join(ROOT, 'src', f), 'utf8') }));

/**
 * Where a message is made: `{ level: 'warning', code: 'validate/totals-mismatch', … }` or the
 * clean steps' `message('info', 'clean/encoding', …)`.
 */
const EMITTED = [/level: '(\w+)'(?: as const)?, code: '([^']+)'/g, /\bmessage\(\s*'(\w+)',\s*'([^']+)'/g];
const emitted = sources.flatMap(({ file, text }) => EMITTED.flatMap((re) => [...text.matchAll(re)].map((m) => ({ file, level: m[1]!, code: m[2]! }))));

test('every code the code emits is in the table, at its level', () => {
  const wrong = emitted.filter((e) => CODES[e.code as Code]?.level !== e.level).map((e) => `${e.file}: ${e.level} ${e.code}`);
  expect(wrong).toEqual([]);
});

test('every code of the table is emitted somewhere', () => {
  const seen = new Set(emitted.map((e) => e.code));
  expect(Object.keys(CODES).filter((c) => !seen.has(c))).toEqual([]);
});

test('every code named anywhere in the sources is in the table', () => {
  const named = sources.flatMap(({ file, text }) => [...text.matchAll(/['"`]((?:clean|segment|sections|extract|validate)\/[a-z0-9-]+)['"`]/g)].map((m) => ({ file, code: m[1]! })));
  expect(named.length).toBeGreaterThan(emitted.length);
  expect(named.filter((n) => !(n.code in CODES)).map((n) => `${n.file}: ${n.code}`)).toEqual([]);
});

test('a message with a code outside the table does not pass the schema', () => {
  const message = { level: 'warning', code: 'extract/date-invalid', message: '2月30日: not a calendar date', span: [0, 5] };
  expect(Message.safeParse(message).success).toBe(true);
  expect(Message.safeParse({ ...message, code: 'extract/date-invented' }).success).toBe(false);
});

test('the arithmetic audit is the codes marked so in the table', () => {
  expect(ARITHMETIC_CODES).toBe(AUDIT_CODES);
  expect([...AUDIT_CODES].sort()).toEqual([
    'validate/immediate-exceed',
    'validate/item-count-mismatch',
    'validate/part-exceeds-total',
    'validate/petitions-exceed',
    'validate/problem-number-repeated',
    'validate/problem-number-skipped',
    'validate/rate-mismatch',
    'validate/status-contradicts-totals',
    'validate/totals-mismatch',
  ]);
});
