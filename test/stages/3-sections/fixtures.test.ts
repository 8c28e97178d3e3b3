import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runPipeline } from '../../../src/pipeline.js';

const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));

/** One fixture folder per behaviour: `input.txt` and the `expected.json` it must give. */
const CASES: [string, string][] = [
  ['labelled-items-with-categories', 'reads 1.问题1: items under (一)反馈问题: categories, with multi-paragraph rectifications that stop before 下一步, contact lines and the signature'],
  ['unmarked-problem-labels', 'reads 问题一: items without a heading marker and 整改进展: rectifications'],
  ['about-quoted-problem-items', 'reads 1.关于“…”的问题 and 1.关于“…”问题的整改 items, keeping (1) sub-items inside their problem'],
  ['about-items-inline-rectification', 'reads (一)关于…的问题。 items whose rectification follows on the same line, under 一、 categories'],
  ['parenthesized-arabic-about-items', 'reads (1)关于“… items under a (一) category'],
  ['numbered-items-with-labels', 'reads 1、 items followed by 整改情况 with full-width, inline or missing colons'],
  ['bracket-labels', 'reads 【问题】…【整改情况】… pairs on one line or two'],
  ['inline-problems-after-intro', 'reads 一是…二是…三是… as problems after 存在以下问题'],
  ['inline-shortcoming-paragraphs', 'reads paragraphs opening with 一是/二是/三是 that name shortcomings as problems, without rectification'],
  ['measures-are-not-problems', 'takes no problem from 1./2. measures under (一) headings of a formal notice'],
  ['news-lists-are-not-problems', 'takes no problem from 一是 lists of requirements and pledges in a news report'],
  ['totals-phrasings', 'reads 完成整改, 基本完成…并持续整改 and 未完成 clauses and a two-decimal rate, and the extras beside them'],
  ['totals-with-delay-and-share', 'counts 申请延期整改 as not completed and reads 占整改问题总数的96.18% as the rate'],
  ['tasks-and-clues-are-not-problems', 'does not read 整改任务 or 问题线索 counts as problem totals'],
  ['petition-bulletin-running-total', 'reads a petition bulletin at its running total and calls it a summary notice'],
  ['header-metadata', 'reads title, issuer and 发布时间 from a web page header'],
  ['speech-dateline', 'reads the notice date from a ——date dateline and calls a 报告如下 report a formal notice'],
  ['audit-arithmetic-fails', 'audits parts against the total, the rate, petitions and numbering'],
  ['audit-statuses-contradict-totals', 'flags per-item statuses that contradict the stated totals'],
  ['inspection-schedule-is-other', 'calls an inspection schedule with a hotline other, not news'],
  ['bulletin-signed-by-a-team', 'calls a petition bulletin under a bare page date a summary notice, signed by its 协调联络组 and dated by its signature'],
  ['self-published-notice-issuer', 'reads the issuer of a notice that publishes its own rectification from 对X开展了巡察, in the full name of its 整改方案, and takes no page button as its title'],
  ['rectification-missing-in-notice', 'warns of the one problem of a notice left without the 整改情况 its other problems have'],
];

function project(name: string) {
  const file = path.join(FIXTURES, name, 'input.txt');
  const doc = runPipeline({ id: name, source: `${name}/input.txt`, bytes: readFileSync(file) });
  const { sections, final } = doc;
  const meta = Object.fromEntries(Object.entries(final.meta).filter(([k]) => !k.endsWith('Span')));
  const summary = Object.fromEntries(Object.entries(final.summary).filter(([, v]) => v !== null));
  return {
    kind: final.kind,
    kindEvidence: final.kindEvidence.map((e) => `${e.rule}: ${e.text}`),
    meta,
    summary,
    itemStyle: sections.itemStyle,
    categories: sections.categories.map((c) => ({ number: c.number, title: c.title })),
    problems: sections.problems.map((p) => ({ number: p.number, category: p.category, text: p.text, rectification: p.rectification, status: p.status })),
    audit: final.diagnostics.filter((d) => d.code.startsWith('validate/')).map((d) => d.code),
  };
}

describe('sections and audit on fixtures', () => {
  test.each(CASES)('%s: %s', async (name) => {
    const got = project(name);
    await expect(JSON.stringify(got, null, 1) + '\n').toMatchFileSnapshot(path.join(FIXTURES, name, 'expected.json'));
  });

  test('spans point at the text they carry', () => {
    for (const [name] of CASES) {
      const file = path.join(FIXTURES, name, 'input.txt');
      const doc = runPipeline({ id: name, source: file, bytes: readFileSync(file) });
      const text = doc.clean.text;
      for (const p of doc.sections.problems) {
        expect(text.slice(...p.span)).toBe(p.text);
        if (p.rectificationSpan) expect(text.slice(...p.rectificationSpan)).toBe(p.rectification);
      }
      for (const c of doc.sections.categories) expect(text.slice(...c.span)).toBe(c.title);
    }
  });
});

describe('rectification messages say what each kind of text owes', () => {
  const diagnostics = (file: string) => runPipeline({ id: 'x', source: file, bytes: readFileSync(file) }).final;
  test('a formal notice that lists findings without any 整改情况 gets one info message (dev d44)', () => {
    const doc = diagnostics(path.join(FIXTURES, '..', '..', '..', '..', 'dev', 'd44.txt'));
    expect(doc.kind).toBe('formal-notice');
    const codes = doc.diagnostics.filter((d) => d.code.endsWith('rectification') || d.code === 'validate/findings-only');
    expect(codes.map((d) => [d.level, d.code, d.message])).toEqual([['info', 'validate/findings-only', `${doc.problems.length} problems are listed without any rectification text`]]);
  });
  test('a news report that retells problems owes no rectification: no message (fixture inline-problems-after-intro)', () => {
    const doc = diagnostics(path.join(FIXTURES, 'inline-problems-after-intro', 'input.txt'));
    expect(doc.problems.length).toBeGreaterThan(0);
    expect(doc.kind).not.toBe('formal-notice');
    expect(doc.diagnostics.filter((d) => d.code === 'validate/no-rectification' || d.code === 'validate/findings-only')).toEqual([]);
  });
});
