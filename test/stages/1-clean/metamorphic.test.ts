/**
 * Issue 5's metamorphic tests: every corpus notice, read from the copies researchers get, gives
 * the same cleaned text and the same findings as the clean original, and the flags say what
 * was repaired.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { fromAnchors } from '../../../src/stages/1-clean/text-map.js';
import { runPipeline } from '../../../src/pipeline.js';
import type { ValidatedDocument } from '../../../src/stages/5-validate/index.js';
import { CORPUS, corpusFiles } from '../../helpers.js';
import { asHtmlPage, asTraditional, encodeGb18030, withFooterAndDoubledPunctuation, withPinyin } from './copies.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

function run(id: string, source: string, bytes: Uint8Array): ValidatedDocument {
  return runPipeline({ id, source, bytes });
}

/** What a researcher reads off a document: problems, numbers and dates, by value and kind. */
function findings(doc: ValidatedDocument) {
  return {
    kind: doc.final.kind,
    summary: doc.final.summary,
    problems: doc.final.problems.map((p) => [p.number, p.category, p.status]),
    numbers: doc.final.numbers.map((n) => [n.value, n.valueMax ?? null, n.unit, n.approx]),
    dates: doc.final.dates.map((d) => [d.start, d.end, d.grain, d.kind]),
  };
}

/** Every character of the cleaned text maps into the raw input, monotonically. */
function expectExactMap(doc: ValidatedDocument) {
  const map = fromAnchors(doc.clean.offsetMap, doc.clean.text.length);
  for (let i = 1; i < map.length; i++) expect(map[i]!).toBeGreaterThanOrEqual(map[i - 1]!);
  expect(map[map.length - 1]!).toBeLessThanOrEqual(doc.raw.length);
}

describe.each(corpusFiles())('copies of %s', (name) => {
  let raw: string, original: ValidatedDocument, want: string;
  beforeAll(() => {
    raw = readFileSync(path.join(CORPUS, name), 'utf8');
    original = run('a', name, utf8(raw));
    want = original.clean.text;
  });

  test('(a) the UTF-8 original needs no repair but its own', () => {
    expect(original.final.quality.flags).not.toContain('encoding-repaired');
    expect(original.final.quality.flags).not.toContain('traditional-script');
    expect(original.final.quality.flags).not.toContain('pinyin-annotations');
    expectExactMap(original);
  });

  test('(b) as GB18030 bytes: same text and findings, flagged encoding-repaired', () => {
    const doc = run('b', name, encodeGb18030(raw));
    expect(doc.clean.encoding).toBe('gb18030');
    expect(doc.clean.text).toBe(want);
    expect(findings(doc)).toEqual(findings(original));
    expect(doc.final.quality.flags).toContain('encoding-repaired');
  });

  test('(c) inside a web page with navigation, scripts and a footer: same text and findings', () => {
    const html = asHtmlPage(raw);
    const doc = run('c', name.replace(/\.txt$/, '.html'), utf8(html));
    expect(doc.clean.format).toBe('html');
    expect(doc.clean.text).toBe(want);
    // The page states when it was published (发布时间：2024-06-18), which the bare text lacks: a
    // date whose year the text alone could not know, or could only guess from another date
    // (yearInferred), may now take the page's; every other finding holds.
    const guessed = (i: number) => {
      const o = original.final.dates[i];
      return !o || (o.start === null && o.end === null) || o.yearInferred;
    };
    const known = (d: ValidatedDocument) => ({
      ...findings(d),
      dates: d.final.dates.map((x, i) => (guessed(i) ? [x.text, x.kind] : [x.text, x.start, x.end, x.grain, x.kind])),
    });
    expect(known(doc)).toEqual(known(original));
    expect(doc.final.meta.documentDate).toBe(original.final.meta.documentDate ?? '2024-06-18');
    expect(doc.clean.pageMeta).toMatchObject({ 发布时间: '2024-06-18', 来源: '县纪委监委' });
    // Offsets point into the HTML source: each Han character maps to itself in the page.
    const map = fromAnchors(doc.clean.offsetMap, doc.clean.text.length);
    const text = doc.clean.text;
    const misplaced = [...text].filter((c, i) => /\p{Script=Han}/u.test(c) && html[map[i]!] !== c);
    expect(misplaced).toEqual([]);
    expectExactMap(doc);
  });

  test('(d) in traditional script: the same text up to characters the round trip cannot keep, flagged', () => {
    const doc = run('d', name, utf8(asTraditional(raw)));
    expect(doc.final.quality.flags).toContain('traditional-script');
    const got = doc.clean.text;
    expect(got.length).toBe(want.length);
    // Only characters whose simplified → traditional → simplified trip is lossy may differ.
    const differing = [...want].map((c, i) => [c, got[i]!] as const).filter(([a, b]) => a !== b);
    expect(differing.length / Math.max(1, want.length)).toBeLessThan(0.002);
    expect(findings(doc)).toEqual(findings(original));
  });

  test('(e) with pinyin after every character: same text and findings, flagged', () => {
    const doc = run('e', name, utf8(withPinyin(raw)));
    expect(doc.final.quality.flags).toContain('pinyin-annotations');
    expect(doc.clean.text).toBe(want);
    expect(findings(doc)).toEqual(findings(original));
    expectExactMap(doc);
  });

  test('(f) with a site footer and doubled punctuation: same text and findings', () => {
    const doc = run('f', name, utf8(withFooterAndDoubledPunctuation(raw)));
    expect(doc.clean.text).toBe(want);
    expect(findings(doc)).toEqual(findings(original));
  });

  test('(d+e+b) traditional with pinyin in GB18030: still the same findings', () => {
    const doc = run('g', name, encodeGb18030(withPinyin(asTraditional(raw))));
    expect(doc.final.quality.flags).toEqual(expect.arrayContaining(['encoding-repaired', 'pinyin-annotations', 'traditional-script']));
    expect(findings(doc)).toEqual(findings(original));
  });
});
