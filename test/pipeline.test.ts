import { beforeAll, describe, expect, test } from 'vitest';
import { checkInvariants, corpusFiles, lazy, runCorpusFile } from './helpers.js';

describe.each(corpusFiles())('%s', (name) => {
  const doc = lazy(() => runCorpusFile(name));
  test('keeps every invariant', () => checkInvariants(doc()));
  test('has no error diagnostic', () => {
    expect(doc().final.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  });
});

describe('003: the 汨罗 notice of 36 problems', () => {
  let final: ReturnType<typeof runCorpusFile>['final'];
  beforeAll(() => {
    final = runCorpusFile('003_7004f69c1b986a66.txt').final;
  });

  test('finds 36 problems numbered 1 to 36, each with its rectification', () => {
    expect(final.problems.map((p) => p.number)).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
    expect(final.problems.every((p) => p.rectification && p.rectification.length > 20)).toBe(true);
    expect(final.problems[0]!.text).toBe('依靠举债发展的路径依赖仍然存在,平台公司整合转型不够到位。');
  });

  test('keeps all four paragraphs of problem 35', () => {
    const rect = final.problems[34]!.rectification!;
    expect(rect.split('\n')).toHaveLength(4);
    expect(rect.startsWith('市委、市政府牢记习近平总书记殷殷嘱托')).toBe(true);
  });

  test('ends problem 36 before 三、下一步整改工作安排', () => {
    const rect = final.problems[35]!.rectification!;
    expect(rect.endsWith('责令整改到位。')).toBe(true);
    expect(rect).not.toContain('下一步');
    expect(rect).not.toContain('联系电话');
  });

  test('reads six categories, problems assigned to them', () => {
    expect(final.categories.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(final.categories[0]!.title.startsWith('践行正确政绩观有差距')).toBe(true);
    expect(final.categories[4]!.title.startsWith('落实新时代党的组织路线')).toBe(true);
    expect(final.problems.find((p) => p.number === 33)!.category).toBe(5);
    expect(final.problems.find((p) => p.number === 36)!.category).toBe(6);
  });

  test('reads the totals 36 / 23 / 12 / 1 and petitions 1390 / 1389', () => {
    expect(final.summary).toMatchObject({ totalProblems: 36, completed: 23, partial: 12, notCompleted: 1, petitionsReceived: 1390, petitionsResolved: 1389 });
  });

  test('reads issuer, notice date, inspection period and feedback date', () => {
    expect(final.meta).toMatchObject({
      issuer: '中共汨罗市委',
      documentDate: '2024-08-26',
      inspectionPeriod: { start: '2023-09-07', end: '2023-11-10' },
      feedbackDate: '2023-12-21',
    });
    expect(final.kind).toBe('formal-notice');
  });

  test('finds no arithmetic fault in a notice that adds up', () => {
    expect(final.diagnostics.filter((d) => d.code.startsWith('validate/'))).toEqual([]);
  });
});

describe('news reports', () => {
  test.each(['000_2d89892f4871253d.txt', '001_b5c919a87834dfca.txt', '002_96900efc544a01e9.txt'])('%s is news with no invented problems', (name) => {
    const { final } = runCorpusFile(name);
    expect(final.kind).toBe('news');
    expect(final.problems).toEqual([]);
  });
});
