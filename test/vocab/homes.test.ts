/**
 * One home per vocabulary: each status word, label and numeral class is spelled in one source
 * file, and every other reader builds its patterns from there. The check reads the code without
 * comments, `example:` texts and `.describe(…)` texts (documentation, not rules) and the bench's
 * generated documents.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { DATE_LABELS } from '../../src/stages/4-extract/notice-dates.js';
import { BREADCRUMB_WORDS, HOME_WORDS } from '../../src/vocab/chrome-lines.js';
import { LABELS } from '../../src/vocab/labels.js';
import { HAN_DIGITS } from '../../src/vocab/numerals.js';
import { RATE_NAMES, STATUS_WORDS } from '../../src/vocab/status.js';
import { ROOT } from '../helpers.js';

const SRC = path.join(ROOT, 'src');

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


/** The source files other than `home` whose code holds any of `words`, as `word in file`. */
const spelledOutside = (home: string, words: string[]): string[] =>
  code().flatMap(([file, text]) => (file === path.join(SRC, home) ? [] : words.filter((w) => text.includes(w)).map((w) => `${w} in ${path.relative(ROOT, file)}`)));

test('each status word and rate name is spelled in src/vocab/status.ts only', () => {
  const words = [...STATUS_WORDS.flatMap((r) => [r.words, r.all, r.petitions].flatMap((s) => (s ? literals(s) : []))), ...RATE_NAMES.map((r) => r.name)];
  expect(words).toContain('阶段性完成');
  expect(words).toContain('整改率');
  expect(spelledOutside('vocab/status.ts', words)).toEqual([]);
});

test('the Chinese numerals are spelled in src/vocab/numerals.ts only', () => {
  // Any four of 一 … 九 in a row is a spelled-out class: [一二三四五六七八九十] rather than COUNTING_NUMERALS.
  const runs = Array.from({ length: HAN_DIGITS.length - 3 }, (_, i) => HAN_DIGITS.slice(i, i + 4));
  expect(spelledOutside('vocab/numerals.ts', runs)).toEqual([]);
});

test('the notice-date labels are the labels table\'s documentDate rows, most specific first', () => {
  expect(DATE_LABELS).toEqual(LABELS.filter((l) => l.field === 'documentDate').map((l) => l.label));
  expect(DATE_LABELS.slice(0, 5)).toEqual(['成文日期', '成文时间', '发文日期', '发文时间', '发布时间']);
  expect(spelledOutside('vocab/labels.ts', ['成文日期', '发布日期', '公开日期'])).toEqual([]);
});

test('the breadcrumb words are spelled in the chrome table only', () => {
  expect(spelledOutside('vocab/chrome-lines.ts', [...BREADCRUMB_WORDS, ...HOME_WORDS.filter((w) => w.length > 2)])).toEqual([]);
});
