import { describe, expect, test } from 'vitest';
import { runPipeline } from '../../../src/pipeline.js';
import { itemCountMessage } from '../../../src/stages/5-validate/index.js';

/** No silent gaps: a stated total that says more (or fewer) items exist than were read says how many of each. */
describe('validate/item-count-mismatch', () => {
  test.each([
    [36, 35, 'the notice states 36 problems; 35 items were read, 1 fewer'],
    [2, 3, 'the notice states 2 problems; 3 items were read, 1 more'],
    [34, 1, 'the notice states 34 problems; 1 item was read, 33 fewer'],
    [8, 0, 'the notice states 8 problems; no item was read, 8 missing'],
  ])('states %i, read %i: "%s"', (expected, found, message) => expect(itemCountMessage(expected, found)).toBe(message));

  const audit = (text: string) => runPipeline({ id: 't', source: 't.txt', bytes: Buffer.from(text) }).final.diagnostics.filter((d) => d.code === 'validate/item-count-mismatch').map((d) => d.message);

  test('a formal notice that states its total but whose list was not read says so (an excerpt cut before its list, tune d127)', () => {
    const notice = '区委第一巡察组对某社区党委进行了巡察。现将巡察整改情况报告如下。\n一、整改工作开展情况\n社区党委对巡察组反馈的8个问题逐项制定了整改措施。\n';
    expect(audit(notice)).toEqual(['the notice states 8 problems; no item was read, 8 missing']);
  });

  test('news that retells a total owes no list', () => {
    expect(audit('本报讯 记者从县纪委获悉,县委巡察组共反馈问题45个,已整改40个。')).toEqual([]);
  });

  test('a total of 整改任务 says nothing of how many problems a list holds', () => {
    const text = '现将整改进展情况予以公布。\n整改方案明确的30项整改任务,已完成25项。\n一、存在的问题\n1.污水处理设施建设滞后。\n2.垃圾填埋场渗滤液处理不到位。\n';
    expect(audit(text)).toEqual([]);
  });
});
