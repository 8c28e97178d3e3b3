import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Evaluation, type Outputs, evaluate, fold, loadGold, loadOutputs } from '../../src/eval/index.js';
import type { Gold } from '../../src/eval/gold.js';
import { CLI, CORPUS, GOLD } from '../helpers.js';

const zhenggai = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
const DOC_003 = '003_7004f69c1b986a66';

let dir: string;
/** The seeds run as `npm start` runs them. */
let out: string;
/** The same run with 003's output changed in four places a researcher would catch. */
let broken: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-eval-'));
  out = path.join(dir, 'out');
  const run = zhenggai('run', CORPUS, '--out', out, '--quiet');
  if (run.status !== 0) throw new Error(`zhenggai run corpus exited ${run.status}: ${run.stderr}`);
  broken = path.join(dir, 'broken');
  cpSync(out, broken, { recursive: true });
  const file = path.join(broken, DOC_003, '5-validate.json');
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  doc.kind = 'news';
  // 11.3万人次 read as 11.3 人次, unscaled.
  doc.numbers.find((n: { text: string }) => n.text === '11.3万人次').value = 11.3;
  doc.summary.completed = 25;
  doc.problems[35].rectification = null;
  writeFileSync(file, JSON.stringify(doc));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('zhenggai eval --gold DIR OUT', () => {
  test('scores the seeds 1.0: every metric at 100%, one line each', () => {
    const r = zhenggai('eval', '--gold', GOLD, out);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('score: 1.0000  (5 gold documents, 0 misses)');
    expect(lines.slice(0, -1).map((l) => l.replace(/\s+/g, ' '))).toEqual([
      'documents processed 5/5 100.0%',
      'document kind 5/5 100.0%',
      'meta fields 4/4 100.0%',
      'summary totals 6/6 100.0%',
      'problem items F1 36/36 100.0% P 100.0% R 100.0% 0 extra',
      'rectification attached 36/36 100.0%',
      'categories F1 6/6 100.0% P 100.0% R 100.0% 0 extra',
      'dates normalized 17/17 100.0%',
      'numbers normalized 44/44 100.0%',
      'slogans not taken as quantities 5/5 100.0%',
      'clean text 13/13 100.0%',
      'quality flags 1/1 100.0%',
    ]);
  });

  test('reports each miss of a worse run with --verbose, by file and metric', () => {
    const r = zhenggai('eval', '--gold', GOLD, broken, '--verbose');
    expect(r.status).toBe(0);
    const misses = r.stdout.split('\n').filter((l) => l.startsWith('  '));
    expect(misses).toEqual([
      `  ${DOC_003}.txt  document kind: kind news, want formal-notice`,
      `  ${DOC_003}.txt  summary totals: summary.completed 25, want 23`,
      `  ${DOC_003}.txt  rectification attached: problems 36 has no rectification`,
      `  ${DOC_003}.txt  numbers normalized: number "11.3万人次" read as [["11.3万人次",11.3,"人次",null]], want 113000 人次`,
    ]);
    expect(r.stdout).toMatch(/^numbers normalized +43\/44 +97\.7%$/m);
    expect(r.stdout).toMatch(/^score: 0\.9\d{3} {2}\(5 gold documents, 4 misses\)$/m);
  });

  test('gives the same figures and misses as JSON', () => {
    const r = zhenggai('eval', '--gold', GOLD, broken, '--json');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as Evaluation;
    expect(json.documents).toBe(5);
    expect(json.misses.map((m) => [m.file, m.metric])).toEqual([
      [`${DOC_003}.txt`, 'kind'],
      [`${DOC_003}.txt`, 'summary'],
      [`${DOC_003}.txt`, 'rectification'],
      [`${DOC_003}.txt`, 'numbers'],
    ]);
    expect(json.metrics.find((m) => m.id === 'kind')).toMatchObject({ ok: 4, n: 5, rate: 0.8, scored: true });
    // The mean of twelve metrics, four of them short by one check.
    expect(json.score).toBeCloseTo((8 + 4 / 5 + 5 / 6 + 35 / 36 + 43 / 44) / 12, 12);
  });

  test.each([
    ['1', 1],
    ['0.95', 0],
    ['0', 0],
  ])('--min %s exits %i on a run scoring 0.9652', (min, status) => {
    const r = zhenggai('eval', '--gold', GOLD, broken, '--min', min);
    expect(r.status).toBe(status);
    if (status === 1) expect(r.stderr).toMatch(/^zhenggai: score 0\.9\d{3} is below --min 1\n$/);
  });

  test('--min 1 passes a perfect run', () => {
    expect(zhenggai('eval', '--gold', GOLD, out, '--min', '1').status).toBe(0);
  });
});

test('the strict format takes every gold file of the repository, their notes (quirks, a date\'s note) included', () => {
  const golds = [GOLD, path.join(GOLD, 'dev')].flatMap((dir) => loadGold(dir));
  expect(golds.length).toBeGreaterThanOrEqual(147);
  expect(golds.filter((g) => g.gold.quirks).length).toBe(golds.length);
  expect(golds.flatMap((g) => g.gold.dates ?? []).filter((d) => d.note).length).toBeGreaterThan(0);
});

describe('bad input: one line naming the file and the reason, exit 2', () => {
  let gold: string;
  beforeAll(() => {
    gold = path.join(dir, 'gold');
    mkdirSync(gold);
  });

  test.each([
    ['a gold file that is not JSON', '{"file": "d01.txt",', /^zhenggai: .*bad\.json: not JSON \(.+\)\n$/],
    ['numbers that are not a list', '{"file": "d01.txt", "numbers": {"text": "33项"}}', /^zhenggai: .*bad\.json: numbers: .+\n$/],
    ['a number without its value', '{"file": "d01.txt", "numbers": [{"text": "33项", "unit": "项"}]}', /^zhenggai: .*bad\.json: numbers\[0\]\.value: .+\n$/],
    // Scored as misses before: a misspelt key checked nothing, and a kind outside the list never matched.
    ['an unknown key, with the closest valid one', '{"file": "d01.txt", "summary": {"totalProblem": 36}}', /^zhenggai: .*bad\.json: unknown key "totalProblem" in summary; did you mean totalProblems\? \(gold\/README\.md lists the keys\)\n$/],
    ['a summary total at the top level', '{"file": "d01.txt", "totalProblems": 36}', /^zhenggai: .*bad\.json: unknown key "totalProblems"; did you mean summary\.totalProblems\? \(gold\/README\.md lists the keys\)\n$/],
    ['a kind outside the format', '{"file": "d01.txt", "kind": "newz"}', /^zhenggai: .*bad\.json: kind "newz" is not one of formal-notice, summary-notice, news, other; did you mean news\?\n$/],
    ['a date kind and a flag outside the format', '{"file": "d01.txt", "dates": [{"text": "2025年底前", "kind": "dedline"}], "qualityFlags": ["spun"]}', /^zhenggai: .*bad\.json: dates\[0\]\.kind "dedline" is not one of point, range, deadline, since; did you mean deadline\?; qualityFlags\[0\] "spun" is not one of encoding-repaired, traditional-script, pinyin-annotations, spun-text; did you mean spun-text\?\n$/],
    ['no file named', '{"kind": "news"}', /^zhenggai: .*bad\.json: file: .+\n$/],
  ])('%s', (_, content, message) => {
    writeFileSync(path.join(gold, 'bad.json'), content);
    const r = zhenggai('eval', '--gold', gold, out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  // OUT stands for the seeds' output folder, made before the tests run.
  test.each([
    [['eval', 'OUT'], /eval needs --gold DIR and one output folder/],
    [['eval', '--gold', 'gold'], /eval needs --gold DIR and one output folder/],
    [['eval', '--gold', 'gold', 'OUT', '--min', '95'], /--min takes a score from 0 to 1, not "95"/],
    [['eval', '--gold', '/no/such/gold', 'OUT'], /\/no\/such\/gold: no such folder of gold annotations/],
    [['eval', '--gold', 'gold', '/no/such/out'], /\/no\/such\/out: no such output folder/],
  ])('%j', (args, message) => {
    const r = zhenggai(...args.map((a) => (a === 'OUT' ? out : a === 'gold' ? GOLD : a)));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  test('an output that is not JSON is named on stderr, and its document counted as not processed', () => {
    const damaged = path.join(dir, 'damaged');
    cpSync(out, damaged, { recursive: true });
    writeFileSync(path.join(damaged, DOC_003, '5-validate.json'), '{"id": "003');
    const r = zhenggai('eval', '--gold', GOLD, damaged, '--verbose');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^zhenggai: .*${DOC_003}/5-validate\\.json: not JSON`));
    expect(r.stdout).toMatch(/^documents processed +4\/5 +80\.0%$/m);
    expect(r.stdout).toContain(`  ${DOC_003}.txt  documents processed: no output document`);
  });
});

describe('the rules of each metric (gold/README.md)', () => {
  /** One output document, as loadOutputs reads it from disk. */
  const single = (doc: Record<string, unknown>, text = ''): Outputs => ({ byName: new Map([['d.txt', [{ dir: 'out/d', doc: { source: 'in/d.txt', ...doc }, text }]]]), unreadable: [] });
  const score = (gold: Omit<Gold, 'file'>, doc: Record<string, unknown>, text = ''): Evaluation => evaluate([{ file: 'd.txt', ...gold }], single(doc, text));
  const number = (text: string, value: number, unit: string, approx: string | null = null, valueMax?: number) => ({ text, value, unit, approx, valueMax, span: [0, text.length] });
  const date = (text: string, start: string | null, end: string | null, kind = 'point') => ({ text, start, end, kind, grain: 'day', yearInferred: false, span: [0, text.length] });

  test.each([
    ['reads 10余份 with any approximation for gold approx: true', { text: '10余份', value: 10, unit: '份', approx: true }, number('10余份', 10, '份', 'over'), true],
    ['misses 10余份 read without its approximation', { text: '10余份', value: 10, unit: '份', approx: true }, number('10余份', 10, '份'), false],
    ['asks for the very approximation when gold names it', { text: '近17万份', value: 170000, unit: '份', approx: 'about' }, number('近17万份', 170000, '份', 'nearly'), false],
    ['takes 个月 for 月: one unit contains the other', { text: '3个月', value: 3, unit: '月' }, number('3个月', 3, '个月'), true],
    ['misses 217.69万元 scaled wrong', { text: '217.69万元', value: 2176900, unit: '元' }, number('217.69万元', 217.69, '万元'), false],
    ['finds 8~10名 inside a longer mention and checks valueMax', { text: '8~10名', value: 8, unit: '名', valueMax: 10 }, number('选派8~10名', 8, '名', null, 10), true],
    ['matches full-width and half-width surfaces: 8～10名', { text: '8～10名', value: 8, unit: '名', valueMax: 10 }, number('8~10名', 8, '名', null, 10), true],
  ])('numbers: %s', (_, want, got, ok) => {
    expect(score({ numbers: [want] }, { numbers: [got] }).metrics.find((m) => m.id === 'numbers')!.ok).toBe(ok ? 1 : 0);
  });

  test.each([
    ['a month in gold (2018-01) matches any day of it', { text: '2018年1月11日', start: '2018-01', end: '2018-01' }, date('2018年1月11日', '2018-01-11', '2018-01-11'), true],
    ['a year-less 今年1月6日 must stay unresolved when gold says no year can be known', { text: '今年1月6日', start: null, end: null }, date('今年1月6日', '2020-01-06', '2020-01-06'), false],
    ['截至2024年9月底 found for gold 2024年9月底', { text: '2024年9月底', start: '2024-09-30', end: '2024-09-30' }, date('截至2024年9月底', '2024-09-30', '2024-09-30'), true],
    ['a deadline must be one when gold says so', { text: '12月底前', start: null, end: '2020-12-31', kind: 'deadline' }, date('12月底前', null, '2020-12-31', 'point'), false],
  ])('dates: %s', (_, want, got, ok) => {
    expect(score({ dates: [want] }, { dates: [got] }).metrics.find((m) => m.id === 'dates')!.ok).toBe(ok ? 1 : 0);
  });

  test('summary: a rate written 98.71 in gold is the output 0.9871; a missing total is a miss', () => {
    const e = score({ summary: { completionRate: 98.71, totalProblems: 36, completed: null } }, { summary: { completionRate: 0.9871, totalProblems: null } });
    expect(e.metrics.find((m) => m.id === 'summary')).toMatchObject({ ok: 1, n: 2 });
    expect(e.misses.map((m) => m.message)).toEqual(['summary.totalProblems null, want 36']);
  });

  test('slogans: 中央八项规定 taken as 八项 is a miss', () => {
    const e = score({ notNumbers: ['中央八项规定', '第三巡视组'] }, { numbers: [number('八项', 8, '项')] });
    expect(e.misses.map((m) => m.message)).toEqual(['"中央八项规定" taken as ["八项"]']);
  });

  test('clean text: a paragraph left broken mid-word (下\\n达) is a miss; spaces do not count', () => {
    const e = score({ cleanContains: ['企业下达责令限期整改决定书', '晓之以理动之以情'], cleanNotContains: ['ICP备'] }, {}, '企业下\n达责令限期整改决定书\n晓之以理 动之以情');
    expect(e.misses.map((m) => m.message)).toEqual(['clean text lacks "企业下达责令限期整改决定书"']);
  });

  describe('problems and categories: number and first characters; precision, recall, F1', () => {
    const problem = (number: number, text: string, rectification: string | null = '制定方案。') => ({ number, text, rectification });
    const gold = {
      problems: [
        { number: 1, titleStartsWith: '依靠举债发展的路', hasRectification: true },
        { number: 2, titleStartsWith: '政府全口径债务较', hasRectification: true },
        { number: 3, titleStartsWith: '乡镇债务包袱重。', hasRectification: true },
      ],
    };

    test('finds all three, the third read with its first characters garbled (spun: 州里债务包袱重)', () => {
      const e = score(gold, { problems: [problem(1, '依靠举债发展的路径依赖仍然存在。'), problem(2, '政府全口径债务较大。'), problem(3, '州里债务包袱重,化债压力大。')] });
      expect(e.metrics.find((m) => m.id === 'problems')).toMatchObject({ ok: 3, n: 3, rate: 1, precision: 1, recall: 1, extra: 0 });
      expect(e.metrics.find((m) => m.id === 'rectification')).toMatchObject({ ok: 3, n: 3 });
    });

    test('scores one missed, one misnumbered and one extra item by F1 = 2·found / (2·found + extra + missed)', () => {
      const e = score(gold, { problems: [problem(1, '依靠举债发展的路径依赖仍然存在。', null), problem(3, '政府全口径债务较大。'), problem(4, '整改措施:制定方案。')] });
      // Found: 1. Missed: 2 and 3 (政府… is numbered 3). Extra: the items numbered 3 and 4.
      expect(e.metrics.find((m) => m.id === 'problems')).toMatchObject({ ok: 1, n: 3, extra: 2, precision: 1 / 3, recall: 1 / 3, rate: 2 / (2 + 2 + 2) });
      expect(e.misses.map((m) => `${m.metric}: ${m.message}`)).toEqual([
        'rectification: problems 1 has no rectification',
        'problems: problems 2 "政府全口径债务较" not found',
        'problems: problems 3 "乡镇债务包袱重。" not found',
        'problems: 2 extra problems: 3 "政府全口径债务较", 4 "整改措施:制定方"',
      ]);
    });

    test('shows but does not score items when gold has none: a news report with invented problems', () => {
      const e = score({ problems: [] }, { problems: [problem(1, '一是要提高认识。')] });
      expect(e.metrics.find((m) => m.id === 'problems')).toMatchObject({ ok: 0, n: 0, extra: 1, scored: false });
      expect(e.score).toBe(1);
    });
  });

  test('matches gold to the output whose source ends with its path when two inputs share a file name', () => {
    const outputs: Outputs = {
      byName: new Map([['d01.txt', [{ dir: 'out/a', doc: { source: 'crawl/d01.txt', kind: 'news' }, text: '' }, { dir: 'out/b', doc: { source: 'corpus/dev/d01.txt', kind: 'formal-notice' }, text: '' }]]]),
      unreadable: [],
    };
    expect(evaluate([{ file: 'dev/d01.txt', kind: 'formal-notice' }], outputs).score).toBe(1);
  });

  test.each([
    ['（一）反馈问题：落实“两个维护”', '(一)反馈问题:落实"两个维护"'],
    ['截至 8 月\n20 日', '截至8月20日'],
    ['第一、二轮。', '第一,二轮.'],
  ])('fold reads %j as %j', (input, want) => expect(fold(input)).toBe(want));

  test('loadOutputs reads a run folder by source file name', () => {
    const outputs = loadOutputs(out);
    expect([...outputs.byName.keys()].sort()).toEqual(['000_2d89892f4871253d.txt', '001_b5c919a87834dfca.txt', '002_96900efc544a01e9.txt', '003_7004f69c1b986a66.txt', '004_7e4e6f0c30fead75.txt']);
    expect(outputs.byName.get(`${DOC_003}.txt`)![0]!.text).toContain('巡视反馈的36个具体问题,已完成整改23个');
  });
});
