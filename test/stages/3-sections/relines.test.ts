import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { runPipeline } from '../../../src/pipeline.js';
import { clean } from '../../../src/stages/1-clean/index.js';
import { segment } from '../../../src/stages/2-segment/index.js';
import { reline } from '../../../src/stages/3-sections/relines.js';
import { checkInvariants } from '../../helpers.js';

/**
 * A page that lost its line breaks gives the headings, items and totals it gives with them: one long line, breaks
 * wherever a line was full (every 300 characters, in the middle of words), or breaks only at the first full stop past
 * 300 characters.
 */
const CORPUS_003 = readFileSync(new URL('../../../corpus/003_7004f69c1b986a66.txt', import.meta.url), 'utf8');

const flat = (text: string) => text.replace(/\r?\n/g, '');
const everyLine = (text: string, n = 300) => flat(text).match(new RegExp(`[^]{1,${n}}`, 'g'))!.join('\n');
const atStops = (text: string, n = 300) => flat(text).replace(new RegExp(`([^]{${n},}?[。；;])`, 'g'), '$1\n');
/** A page whose breaks became spaces, as a PDF's text or collapsed HTML gives it. */
const spaced = (text: string) => text.replace(/\r?\n/g, ' ');

/** What the structure and the totals are, folded as the scorer folds (no spaces or line breaks). */
function reading(text: string) {
  const doc = runPipeline({ id: 't', source: 't.txt', bytes: Buffer.from(text) });
  // Every span read from the view points at the words it carries in the text.
  checkInvariants(doc);
  const { final } = doc;
  const fold = (s: string | null) => s && s.replace(/\s+/g, '');
  return {
    summary: final.summary,
    categories: final.categories.map((c) => fold(c.title)),
    problems: final.problems.map((p) => ({ category: p.category, label: p.label, text: fold(p.text), status: p.status, rectification: fold(p.rectification) })),
  };
}

/** Our own notice (a paraphrase of corpus 003's layout): 二、 part, (一)反馈问题: categories, 1.问题1: items, 整改情况 on a line of their own. */
const PARAPHRASE = [
  '根据县委统一部署,县委第二巡察组对县林业局党组开展了常规巡察。现将巡察整改进展情况予以公布。',
  '一、整改工作组织情况',
  '局党组成立整改工作领导小组,逐条研究整改措施。',
  '截至6月30日,巡察反馈的4个问题,已完成整改3个,未完成1个。',
  '二、巡察反馈问题整改进展情况',
  '(一)反馈问题:落实上级决策部署有差距',
  '1.问题1:林长制工作推进不力,巡林记录流于形式。',
  '整改情况:修订林长巡林制度,每月通报巡林情况。已完成整改。',
  '2.问题2:森林防火责任落实不到位。',
  '整改情况:与各乡镇签订防火责任书。已完成整改。',
  '(二)反馈问题:财务管理不规范',
  '3.问题3:公务接待审批手续不全。',
  '整改情况:制定公务接待管理办法,已完成整改。',
  '4.问题4:固定资产账实不符。',
  '整改情况:开展资产清查,正在整改。',
  '三、下一步工作打算',
  '局党组将持续巩固整改成果。',
].join('\n');

/** Our own notice with numbered items and the label on the next line (no 问题N:). */
const NUMBERED = [
  '现将巡察整改情况予以公布。',
  '一、巡察反馈问题整改情况',
  '(一)党的建设方面',
  '1.党支部“三会一课”制度执行不严格。',
  '整改情况:制定支部学习计划,按月开展。已完成整改。',
  '2.发展党员程序不规范。',
  '整改情况:组织专项培训,已完成整改。',
  '(二)作风建设方面',
  '3.公车使用登记不完整。',
  '整改情况:建立公车使用台账,已完成整改。',
].join('\n');

describe('a page that lost its line breaks', () => {
  const cases: [string, string][] = [['corpus 003', CORPUS_003], ['a paraphrase with 问题N: labels', PARAPHRASE], ['a paraphrase with numbered items', NUMBERED]];
  test.each(cases)('%s: one long line, breaks every 300 characters, breaks at the first full stop past 300, breaks become spaces', (_, text) => {
    const want = reading(text);
    expect(want.problems.length).toBeGreaterThan(0);
    for (const lost of [flat(text), everyLine(text, text.length > 1000 ? 300 : 40), atStops(text, text.length > 1000 ? 300 : 40), spaced(text)]) expect(reading(lost)).toEqual(want);
  });

  test('paragraphs opening with 一是 after a full stop and a space were lines: "…不扎实。 一是…。 二是…" (wild w158 with its breaks as spaces)', () => {
    const text = '二、存在的问题\n(一)党建主体责任落实不到位,支部建设不规范,党员教育弱化,“五风”建设开展不扎实。\n一是党支部书记对党建工作要求认识有差距。\n二是党内政治生活不严肃。\n三是党费收缴不规范。\n(二)财务管理不规范。\n一是报销审核把关不严。\n二是公务卡结算执行不到位。\n';
    const want = reading(text);
    expect(want.categories).toHaveLength(2);
    expect(reading(spaced(text))).toEqual(want);
  });

  test('corpus 003 without breaks still gives its 36 problems, 6 categories and its totals', () => {
    const got = reading(flat(CORPUS_003));
    expect(got.problems).toHaveLength(36);
    expect(got.categories).toHaveLength(6);
    expect(got.summary).toMatchObject({ totalProblems: 36, completed: 23, partial: 12, notCompleted: 1 });
  });

  const view = (text: string) => {
    const doc = segment(clean({ id: 't', source: 't.txt', bytes: Buffer.from(text) }));
    return reline(doc.clean.text, doc.segment.tokens);
  };
  test.each(cases)('%s with its line breaks is read as it is', (_, text) => expect(view(text)).toBeNull());
  test('a list inside a paragraph is no page that lost its breaks', () => {
    expect(view('巡察发现的问题:一、学习制度落实不严格;二、财务报销审核不严;三、干部选任程序不规范。\n下一步,将持续整改。')).toBeNull();
  });
});
