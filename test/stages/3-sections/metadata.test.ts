import { expect, test } from 'vitest';
import { Sentences } from '../../../src/stages/2-segment/sentences.js';
import { findDates } from '../../../src/stages/4-extract/dates.js';
import { readInspectionDates } from '../../../src/stages/4-extract/notice-dates.js';
import { readTeam } from '../../../src/stages/3-sections/metadata.js';

test('reads an inspection period whose sentence names the inspected units at length (dev d04)', () => {
  const sentence = '根据市委巡察工作统一部署,2022年4月上旬至6月中旬,市委第一巡察组、第六巡察组分别对武汉产业投资发展集团有限公司(以下简称“产投集团”)、武汉商贸集团有限公司(以下简称“商贸集团”)(2家企业已于2022年12月重组整合为武汉产业投资控股集团有限公司,以下简称“武投控集团”)开展了政治巡察,并于2022年8月分别反馈了巡察意见。';
  const { period } = readInspectionDates(Sentences.of(sentence), findDates(sentence, { documentDate: null }).dates);
  expect(period?.value).toEqual({ start: '2022-04-01', end: '2022-06-20' });
  expect(sentence.slice(...period!.span)).toBe('2022年4月上旬至6月中旬');
  const { team, type } = readTeam(Sentences.of(sentence));
  expect(team?.value).toBe('市委第一巡察组');
  expect(sentence.slice(...team!.span)).toBe('市委第一巡察组');
  expect(type).toBe('巡察');
});
