import { describe, expect, test } from 'vitest';
import { Sentences } from '../../../src/stages/2-segment/sentences.js';
import { findDates } from '../../../src/stages/4-extract/dates.js';
import { splitLines } from '../../../src/stages/3-sections/lines.js';
import { INSPECTED_BODY, NOT_A_TITLE, REPORT_TITLE, SELF_PUBLISHES, findSignature, issuerFromBody, issuerFromLabels, readTeam, readTitle } from '../../../src/stages/3-sections/metadata.js';
import { HEADER_DATES, readHeaderDate, readInspectionDates, readNoticeDate, readWrittenDate } from '../../../src/stages/4-extract/notice-dates.js';

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


/**
 * The issuer of a notice that publishes its own rectification is the body its opening names as inspected. Real
 * openings (tune d90 d129 d91 d127, dev d45) and paraphrases of our own with other bodies and words.
 */
describe('issuer from the opening formula', () => {
  test.each([
    ['the full name of 对X over the short one of 向X (d90)', '根据市委统一部署,2023年3月6日至5月31日,市委第三巡察组对中共东莞市人民检察院党组(以下简称“市检察院党组”)进行了巡察。7月25日,市委巡察组向市检察院党组反馈了巡察意见。现将巡察集中整改进展情况予以公布。', '中共东莞市人民检察院党组'],
    ['the recipient when the object is a place (d129)', '根据省委统一部署,2024年10月13日至11月21日,省委第二巡视组对达州市通川区开展了常规巡视。12月26日,省委第二巡视组向中共达州市通川区委反馈了巡视意见。现将巡视整改集中整改进展情况予以通报。', '中共达州市通川区委'],
    ['the plan title for 我院党组 (d91)', '七届市委第十二轮巡察一组对我院党组开展了巡察,并于2020年10月14日反馈了巡察意见。现将巡察整改进展情况予以公布。\n市法院党组研究制定《中共莆田市中级人民法院党组关于巡察反馈意见的整改方案》', '中共莆田市中级人民法院党组'],
    ['the longer of 对X and 向X (d127)', '区委第一巡察组对茨菇塘街道余家冲社区党委进行了巡察。2024年2月2日,巡察组向社区党委反馈了巡察意见,现将巡察整改情况报告如下。', '茨菇塘街道余家冲社区党委'],
    ['the recipient naming the object with its 党组 (dev d45)', '市委第四巡察组对安庆市交通运输局开展了巡察。9月11日,市委第四巡察组向安庆市交通运输局党组反馈了巡察意见。现将巡察整改进展情况予以公布:', '安庆市交通运输局党组'],
    ['a paraphrase: a bureau, 实施了专项巡察', '按照县委部署,县委第二巡察组于2023年5月对县水利局党组实施了专项巡察,6月向县水利局党组反馈了巡察意见。现将巡察整改情况公布如下。', '县水利局党组'],
    ['a paraphrase: a place and its 县委', '省委第六巡视组对某某县开展了巡视,并向中共某某县委反馈了巡视意见。现将巡视整改进展情况予以公布。', '中共某某县委'],
    ['the full name in the title of its own 整改 notice (dev d02)', '市委第二巡察组对民和镇党委开展了巡察。2022年10月25日,市委第二巡察组向民和镇党委反馈了巡察意见。现将巡察整改阶段进展情况予以公布。\n印发了《中共进贤县民和镇党委关于认真做好市委第二巡察组巡察反馈意见整改工作的通知》(民发〔2022〕100号)', '中共进贤县民和镇党委'],
    ['a paraphrase: a superior\'s notice names another body', '县委巡察组对县林业局党组开展了巡察。现将巡察整改情况予以公布。\n局党组学习了《中共某某市委关于做好巡察整改工作的通知》。', '县林业局党组'],
    ['a paraphrase: 我局 and the plan that names it', '区委第三巡察组对我局党组开展了巡察。现将整改进展情况报告如下。\n局党组印发了《中共某某区财政局党组落实巡察反馈意见整改方案》。', '中共某某区财政局党组'],
  ])('%s', (_, text, issuer) => {
    const got = issuerFromBody(text);
    expect(got?.value).toBe(issuer);
    expect(text.slice(...got!.span)).toBe(issuer);
  });

  test.each([
    ['the inspecting side publishes its findings (tune d94)', '市委第一巡察组对市公安局党委开展了专项巡察。根据市委巡察工作有关规定,现将巡察情况通报如下:'],
    ['a news report of the feedback', '近日,县委第二巡察组向县卫健局党组反馈了巡察意见。会议要求抓好整改。'],
    ['a paraphrase: the office publishes the problems it found', '县委巡察组对县林业局党组进行了巡察。现将巡察组反馈的主要问题公布如下:'],
    ['a plan of the inspecting team is not the body (wild w098)', '省委第一巡视组对我委开展了巡视。现将巡视整改进展情况予以公布。\n制定《省委第一巡视组巡视省卫生健康委党组反馈意见整改方案》'],
  ])('no issuer: %s', (_, text) => {
    expect(issuerFromBody(text)).toBeNull();
  });

  test.each(INSPECTED_BODY.map((r) => [r.role, r] as const))('%s: its example names the body', (_, r) => {
    expect([...r.example.matchAll(r.pattern)].length).toBeGreaterThan(0);
  });
  test('the gate needs 整改 in the self-publication phrase', () => {
    expect(SELF_PUBLISHES.test('现将巡察集中整改进展情况予以公布')).toBe(true);
    expect(SELF_PUBLISHES.test('现将巡察情况通报如下')).toBe(false);
  });
});

describe('issuer from the page fields', () => {
  const issuerOf = (text: string) => issuerFromLabels(splitLines(text), text, {});
  test.each([
    ['来源 naming a body (tune d111)', '罗湖区2023年度本级预算执行和其他财政收支审计查出问题整改情况的报告\n来源:罗湖区审计局 发布时间:2025-06-18\n正文', '罗湖区审计局'],
    ['来源 with the date after it (tune d117)', '昆明市整改落实云南省环境保护督察反馈意见问题情况报告\n来源: 昆明市人民政府 2019-07-30 11:42\n正文', '昆明市人民政府'],
    ['发布机构 with a bullet (a paraphrase)', '• 发布机构: 某某县交通运输局\n- 信息来源: 某某县融媒体中心\n正文', '某某县交通运输局'],
  ])('%s', (_, text, issuer) => {
    expect(issuerOf(text)?.value).toBe(issuer);
  });
  test.each([
    ['a website (dev d01)', '来源:博兴县纪委监委网站 发布时间:2025-05-12\n正文'],
    ['a paper (dev d22)', '来源:湖北日报\n正文'],
    ['a body on a news report', '来源:某某县人民政府\n本报讯(记者 王某)日前,某某县召开会议。'],
  ])('none from %s', (_, text) => {
    expect(issuerOf(text)).toBeNull();
  });
});

describe('titles', () => {
  const titleOf = (text: string) => readTitle(splitLines(text), {})?.value ?? null;
  test.each([
    ['a page date after the title (tune d96)', '返回上一级\n中共上海市青浦区民政局党组关于巡察集中整改进展情况的通报 2026-02-13\n根据区委统一部署,…', '中共上海市青浦区民政局党组关于巡察集中整改进展情况的通报'],
    ['a report titled without 关于 (tune d117)', '江苏五分\n昆明: 小雨 4℃~8℃\n环境保护督察“回头看”\n昆明市整改落实云南省环境保护督察反馈意见问题情况报告\n来源: 昆明市人民政府 2019-07-30 11:42', '昆明市整改落实云南省环境保护督察反馈意见问题情况报告'],
    ['the headline above the page fields (wild w120)', '新闻资讯\n第三轮第二批中央生态环境保护督察下沉任务全面推进\n发布时间:2024-06-19 08:48:06\n据生态环境部消息,…', '第三轮第二批中央生态环境保护督察下沉任务全面推进'],
    ['a title broken inside (a paraphrase)', '中共某某县财政局党组关于巡察整改\n进展情况的通报\n根据县委统一部署,…', '中共某某县财政局党组关于巡察整改进展情况的通报'],
    ['a paraphrase: a 2023年度 report with its date', '某某县2023年度县级预算执行审计查出问题整改情况的报告　2024年12月1日\n正文。', '某某县2023年度县级预算执行审计查出问题整改情况的报告'],
    ['without the bar after it (wild w034)', '中央第二生态环境保护督察组向浙江省转办第九批群众信访举报件132件 |\n5月16日,中央生态环境保护督察组…', '中央第二生态环境保护督察组向浙江省转办第九批群众信访举报件132件'],
    ['without the page number (wild w103)', '巡视纪委整改工作方案_第1页\n一、…', '巡视纪委整改工作方案'],
    ['out of its 原标题 note (dev d30)', '(原标题:省委巡视工作领导小组听取今年第一轮专项巡视工作汇报 )\n正文。', '省委巡视工作领导小组听取今年第一轮专项巡视工作汇报'],
    ['a year opens a title (wild w143)', '政府信息公开\n2017年度脱贫攻坚成效考核反馈问题整改实施方案\n发布机构: 广元市昭化区射箭乡人民政府 发布时间: 2018-09-05', '2017年度脱贫攻坚成效考核反馈问题整改实施方案'],
  ])('%s', (_, text, title) => {
    expect(titleOf(text)).toBe(title);
  });
  test.each(NOT_A_TITLE.flatMap((r) => r.example.split(' / ').map((e) => [r.name, e] as const)))('%s: "%s" is no title', (_, line) => {
    expect(titleOf(`${line}\n正文开始,这是一个句子。`)).toBeNull();
  });
  test.each([
    ['a breadcrumb word', '新闻资讯'], ['a page button', '返回上一级'], ['a widget', '购物车'], ['a speaker line (wild w090)', '汕头市潮阳区审计局局长 郑创平'],
    ['a paraphrase: a site name', '某某县人民政府门户网站'], ['a paraphrase: a byline', '文/某某县纪委监委宣传部'],
  ])('%s is no title', (_, line) => {
    expect(titleOf(`${line}\n正文开始,这是一个句子。`)).toBeNull();
  });
  test('REPORT_TITLE is a whole line', () => {
    expect(REPORT_TITLE.test('罗湖区2023年度本级预算执行和其他财政收支审计查出问题整改情况的报告')).toBe(true);
    expect(REPORT_TITLE.test('区政府听取了审计查出问题整改情况的报告,要求抓好落实。')).toBe(false);
  });
});

describe('signatures', () => {
  test.each([
    ['a 协调联络组 above its date (tune d114)', '…将及时向社会公开。\n安徽省生态环境保护督察宣城市协调联络组\n2024年5月8日', '安徽省生态环境保护督察宣城市协调联络组'],
    ['a paraphrase: a 指挥部', '…全面完成整改。\n某某市生态环境问题整改攻坚指挥部\n2023年3月1日', '某某市生态环境问题整改攻坚指挥部'],
  ])('%s', (_, text, issuer) => {
    expect(findSignature(splitLines(text)).issuer?.value).toBe(issuer);
  });
});

test('反馈强烈 is no feedback of the inspection (tune d118)', () => {
  const text = '截至2023年年底,省生态环境保护督察有效推动解决了一批群众反馈强烈的突出生态环境问题。';
  expect(readInspectionDates(Sentences.of(text), findDates(text, { documentDate: null }).dates).feedback).toBeNull();
});

describe('the notice date in the header', () => {
  const dateOf = (text: string) => readHeaderDate(splitLines(text), {}, text);
  test.each(HEADER_DATES.flatMap((r) => r.example.split(' / ').map((e) => [r.name, e] as const)))('%s: "%s"', (_, line) => {
    const text = `标题在这里\n${line}\n正文。`;
    const got = dateOf(text);
    expect(got?.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(text.slice(...got!.span)).toMatch(/^\d/);
  });
  test.each([
    ['day-first with its time (tune d120)', '中共湖南省委关于巡视“回头看”整改情况的通报\n26.08.2016  22:04\n正文。', '2016-08-26'],
    ['a paraphrase: day-first alone', '某某标题\n03.11.2019\n正文。', '2019-11-03'],
    ['a paraphrase: a paper and its date', '某某新闻标题\n某某日报 2021-7-5\n正文。', '2021-07-05'],
    ['a stripped dateline, one reading', '某某报告\n——20221130日在某某县第十八届人大常委会第六次会议上\n正文。', '2022-11-30'],
    ['a stripped dateline, the reading after what it reports', '某某报告\n——2025117日在某某区人大常委会会议上\n2025年3月5日至6月30日,区审计局开展了审计。', '2025-11-07'],
    ['a wire dateline with the year of the page date above it (wild w048)', '天津等7省市中央环保督察整改任务已完成近六成\n字号+ 作者:生活头条 来源:未知 2018-09-29 我要评论\n新华社北京9月28日电 生态环境部28日公布,…督察组于2017年4月至5月组织对天津等7省市开展环境保护督察。', '2018-09-28'],
    ['a paraphrase: a Chinese-numeral dateline and a page date of the new year', '某某新闻\n来源:某某网 2020-01-02 评论\n新华社北京十二月三十一日电 2019年…\n正文。', '2019-12-31'],
    ['a wire dateline in Chinese numerals and the text\'s only year', '【中新社北京十二月三日电】2018年中央巡视…\n正文。', '2018-12-03'],
  ])('%s', (_, text, iso) => {
    expect(dateOf(text)?.value).toBe(iso);
  });
  test.each([
    ['a version number in a sentence', '某某标题\n系统升级到1.2.2023版本后运行稳定,这是正文。'],
    ['a stripped dateline read two ways with nothing to choose', '某某报告\n——2025117日在某某区人大常委会会议上\n正文。'],
  ])('none from %s', (_, text) => {
    expect(dateOf(text)).toBeNull();
  });
  test.each([
    ['eight digits', '…整改工作取得阶段性成效。\n中共某某县委\n20221130日', '2022-11-30'],
    ['seven digits after what the notice reports', '2025年3月5日至6月30日,县委巡察组开展了巡察。\n中共某某镇委员会\n2025117日', '2025-11-07'],
  ])('a signature dated with 年 and 月 stripped: %s', (_, text, iso) => {
    expect(readNoticeDate(splitLines(text), {}, text)?.value).toBe(iso);
  });
  test.each([
    ['二〇一九年九月十六日', '2019-09-16'], ['二0一九年九月十六日', '2019-09-16'], ['二○二四年十二月三十一日', '2024-12-31'], ['二零二三年8月1日', '2023-08-01'],
  ])('reads the signature date %s', (s, iso) => {
    expect(readWrittenDate(s)).toBe(iso);
  });
});

test('a job title names no inspection: 二级巡视员 in an audit report leaves its type 审计', () => {
  // The real shape: a report read by an official whose rank is 巡视员 ("省审计厅二级巡视员 张某某"); a paraphrase with 副巡视员.
  const report = '审计发现的问题已整改。审计查出的问题均已建立台账。省审计厅二级巡视员张某某作说明,一级巡视员李某某、副巡视员王某某出席。';
  expect(readTeam(Sentences.of(report)).type).toBe('审计');
  expect(readTeam(Sentences.of('副巡视员王某某介绍了审计整改情况。')).type).toBe('审计');
  expect(readTeam(Sentences.of('巡视反馈的问题已整改,巡视整改工作取得成效。')).type).toBe('巡视');
});
