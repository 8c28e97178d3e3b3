import { describe, expect, test } from 'vitest';
import { Sentences } from '../../../src/stages/2-segment/sentences.js';
import { findNumbers } from '../../../src/stages/4-extract/numbers.js';
import { clean } from '../../../src/stages/1-clean/index.js';
import { segment } from '../../../src/stages/2-segment/index.js';
import { CASES, CUES, SLIPS, readCue, readEnumerations } from '../../../src/stages/3-sections/enumerations.js';
import { ANNOUNCEMENT_PHRASES, NEWS_MARKERS, NOTICE_PHRASES, OTHER_COPIES, OTHER_PHRASES, RETOLD } from '../../../src/stages/4-extract/kind.js';
import { MARKER_FAMILIES, findMarkers } from '../../../src/stages/3-sections/markers.js';
import { SHORTCOMING } from '../../../src/stages/3-sections/words.js';
import { STATUS_PHRASES, STATUS_WORDS, statusOf } from '../../../src/vocab/status.js';
import { COUNTED, EXTRAS, PART_ORDERS, PETITION_SCOPES, TOTAL_SHAPES, countedBy, readSummary } from '../../../src/stages/4-extract/totals.js';
import { LABELS, readLabels } from '../../../src/vocab/labels.js';
import { detectSections } from '../../../src/stages/3-sections/index.js';
import { runPipeline } from '../../../src/pipeline.js';

/**
 * Every row of the sections stage's grammar (docs/reading-notices.md) on the real sentence it was
 * written from, and on a paraphrase of our own: a rule that reads only its own example fits a
 * document, not the language.
 */
const parts = (example: string) => example.split(' / ').map((s) => s.replace(/^\(a paraphrase[^)]*\)\s*/, '').replace(/\(then .*\)$/, '').trim());
const tokensOf = (text: string) => {
  const doc = segment(clean({ id: 't', source: 't.txt', bytes: Buffer.from(text) }));
  return { text: doc.clean.text, tokens: doc.segment.tokens };
};
const problemsOf = (raw: string) => {
  const { text, tokens } = tokensOf(raw);
  return readEnumerations(text, findMarkers(text, tokens));
};

describe('markers', () => {
  test.each(MARKER_FAMILIES.map((f) => [f.family, f] as const))('%s: its example begins with its first marker', (family, f) => {
    const { text, tokens } = tokensOf(parts(f.example)[0]!);
    expect(findMarkers(text, tokens).some((m) => m.family === family && m.number === 1), text).toBe(true);
  });

  // Our own sentences, one a family: the list each numbers, and how many problems it holds.
  const paraphrases: [string, string, number][] = [
    ['cn-comma', '巡察组反馈了该局存在的三类问题:一、学习制度落实不严格;二、财务报销审核把关不严;三、干部选任程序不规范。', 3],
    ['cn-paren', '督察发现的主要问题:(一)污水处理设施建设滞后,运行不正常;(二)垃圾填埋场渗滤液处理不到位。', 2],
    ['digit-dot', '存在以下问题:\n1. 三重一大制度执行不到位,集体决策流于形式;\n2. 公务接待管理不规范,超标准接待时有发生。', 2],
    ['digit-paren', '巡视指出的问题主要有:(1)意识形态工作责任制落实不到位;(2)基层党组织软弱涣散。', 2],
    ['circled', '主要表现在:①党委会议研究部署不及时;②整改台账管理不规范。', 2],
    ['digit-bare', '(一)在作风建设方面 1部分干部纪律意识不强,迟到早退现象时有发生。2窗口服务不规范,群众反映办事难。', 2],
    ['ordinal', '会议指出了存在的问题:第一,主体责任压得不实;第二,整改进度明显滞后。', 2],
    ['sequence', '检查发现的问题主要是:首先,台账资料不完整;其次,销号程序不规范。', 2],
    ['is', '该单位仍然存在一些短板。一是理论学习不够深入;二是制度执行不够严格;三是监督管理存在漏洞。', 3],
    ['must', '书记强调,一要提高认识,狠抓落实;二要压实责任,确保整改见效。', 0],
  ];
  test.each(paraphrases)('%s: a paraphrase of our own', (family, text, count) => {
    const { text: cleaned, tokens } = tokensOf(text);
    expect(findMarkers(cleaned, tokens).some((m) => m.family === family)).toBe(true);
    expect(problemsOf(text).problems).toHaveLength(count);
  });

  test.each([
    ['统一是', '大家认识统一是关键。'],
    ['第一书记', '驻村第一书记到任。'],
    ['一要素', '三是一要素齐全。'],
  ])('%s is not a marker', (_, text) => {
    const { text: cleaned, tokens } = tokensOf(text);
    expect(findMarkers(cleaned, tokens).filter((m) => m.family === 'is' || m.family === 'must' || m.family === 'ordinal').map((m) => cleaned.slice(m.start, m.end))).toEqual(
      text === '三是一要素齐全。' ? ['三是'] : [],
    );
  });
});

describe('cues', () => {
  test.each(CUES.map((c, i) => [i, c.enumerates, c] as const))('row %i (%s): its phrase is in its example', (_, __, c) => {
    c.pattern.lastIndex = 0;
    expect(parts(c.example).some((p) => new RegExp(c.pattern.source).test(p))).toBe(true);
  });

  // Our own cues, each read as the row says; the nearest cue to the list decides.
  const paraphrases: [string, string][] = [
    ['problems', '专项检查发现该中心存在的三个方面问题:'],
    ['problems', '问题具体表现为:'],
    ['problems', '存在的不足主要是:'],
    ['problems', '巡察反馈的问题如下:'],
    ['problems', '二、存在的问题'],
    ['requirements', '针对检查中发现的问题,组长提出三点要求:'],
    ['pledges', '该局主要负责同志代表班子作表态发言:'],
    ['measures', '针对反馈的问题,该局采取了以下措施:'],
    ['achievements', '整改工作取得阶段性成效。'],
    ['plans', '下一步,局党组将持续巩固整改成果:'],
    ['causes', '产生问题的原因主要有:'],
  ];
  test.each(paraphrases)('%s: %s', (enumerates, cue) => expect(readCue(cue)).toBe(enumerates));

  test('a cue with nothing after it but a semicolon is no list (npm run bench:fuzz -- --seed 42 crashed on it)', () => {
    expect(problemsOf('5 个小故事,走进崇阳巡察一线问题12：；')).toMatchObject({ problems: [], categories: [] });
  });
});

describe('shortcomings', () => {
  // Real items (their sources) and our own, each naming a shortcoming; then words that name none.
  test.each([
    ['二次供水监督次数少频率低,覆盖不全面 (wild w155)', true],
    ['医疗卫生重点基础设施建设进度缓慢 (wild w155)', true],
    ['对中央决策部署搞变通、打折扣 (wild w039)', true],
    ['在重大项目建设中,未严格执行“三重一大”决策程序 (wild w039)', true],
    ['企业融资难、融资贵问题突出 (wild w087)', true],
    ['部分乡镇养老机构消防审验不达标 (corpus 003)', true],
    ['市委主要领导对下级“一把手”提醒谈话数量较少、效果不佳 (corpus 003)', true],
    ['一些被检查企业统计数据存在不同程度失实 (wild w073)', true],
    ['政治理论学习表面化 (dev d100)', true],
    ['常规宣传方式效果不好 (wild w037)', true],
    ['报销审批手续不全 (paraphrase)', true],
    ['重大项目未经集体研究擅自上马 (paraphrase)', true],
    ['信访积案化解问题较为突出 (paraphrase)', true],
    ['要不讲条件、不打折扣、不搞变通地落实整改任务 (paraphrase of wild w021)', false],
    ['整改好不好,要让群众说了算 (paraphrase of wild w097)', false],
    ['着力解决群众反映强烈的突出问题 (paraphrase of wild w052)', false],
  ])('%s', (words, names) => expect(SHORTCOMING.test(words.replace(/ \([^)]*\)$/, ''))).toBe(names));
});

describe('typical cases', () => {
  test.each(CASES.map((c) => [c.part, c] as const))('%s: its words are in its example', (_, c) => {
    expect(parts(c.example).some((p) => c.pattern.test(p.replace(/\s*\((?:wild|tune|dev) [^)]*\)$/, '')))).toBe(true);
  });
});

describe('totals', () => {
  test.each(COUNTED.map((c) => [c.counts, c] as const))('%s: a count of its example is typed so', (counts, c) => {
    const found = parts(c.example).some((p) => {
      const numbers = findNumbers(p, { exclude: [] });
      return numbers.some((n) => countedBy({ before: p.slice(0, n.span[0]).split(/[,，;；。:：]/).pop() ?? '', after: p.slice(n.span[1]).split(/[,，;；。:：、]/)[0] ?? '', unit: n.unit }) === counts);
    });
    expect(found).toBe(true);
  });

  const paraphrases: [string, Partial<ReturnType<typeof readSummary>['summary']>][] = [
    ['巡察组共反馈问题18个,目前已完成整改15个,基本完成2个,未完成1个。', { totalProblems: 18, totalUnit: 'problem', completed: 15, partial: 2, notCompleted: 1 }],
    ['检查发现的5个方面21个具体问题,整改完成率达90%。', { totalProblems: 21, completionRate: 0.9 }],
    ['省级督察整改方案明确的86项整改任务,已完成64项。', { totalProblems: 86, totalUnit: 'task', completed: 64 }],
    ['累计受理群众信访举报320件,已办结300件。', { petitionsReceived: 320, petitionsResolved: 300 }],
    ['移交问题线索12件,立案3件。', { totalProblems: null, petitionsReceived: null }],
    ['前五轮共反馈巡察问题408个。', { totalProblems: 408 }],
    ['对照反馈意见,梳理形成问题清单52项。', { totalProblems: 52 }],
    ['巡察发现4个方面12类39个具体问题。', { totalProblems: 39 }],
    ['反馈问题45个,已整改40个,其余正在推进。', { totalProblems: 45, completed: 40 }],
    ['市委巡察组共反馈问题36个,目前已全部整改到位。', { totalProblems: 36, completed: 36 }],
    ['我县14项整改任务已完成9项,其余5项正加快推进。', { totalProblems: 14, totalUnit: 'task', completed: 9 }],
    ['向本轮巡察问题未整改完成的6个党支部下发督办函。', { totalProblems: null, notCompleted: null }],
    ['交办的85件信访件,均已全部办结。', { petitionsReceived: 85, petitionsResolved: 85 }],
  ];
  test.each(paraphrases)('%s', (text, want) => {
    const { summary } = readSummary(Sentences.of(text), findNumbers(text, { exclude: [] }));
    expect(summary).toMatchObject(want);
  });

  const summaryOf = (text: string) => readSummary(Sentences.of(text), findNumbers(text, { exclude: [] })).summary;

  test.each(TOTAL_SHAPES.map((t) => [t.shape, t] as const))('total shape "%s": each example states a total', (_, t) => {
    for (const p of parts(t.example)) expect(summaryOf(p).totalProblems, p).not.toBeNull();
  });

  test.each(PART_ORDERS.map((o) => [o.order, o] as const))('part order "%s": each example states a part', (_, o) => {
    for (const p of parts(o.example)) {
      const s = summaryOf(`巡察反馈问题500个,${p}。`);
      expect([s.completed, s.partial, s.notCompleted].some((v) => v !== null), p).toBe(true);
    }
  });

  // Every status word of the one vocabulary, in both orders, after a total of our own: "已销号7个" and "其中7个已销号".
  const FIELD = { completed: 'completed', partial: 'partial', 'not-completed': 'notCompleted' } as const;
  const statusWords = STATUS_WORDS.flatMap((r) => (r.words ? r.words.split('|').filter((w) => /^[\p{Script=Han}]{2,}$/u.test(w)).map((w) => [w, FIELD[r.status]] as const) : []));
  test.each(statusWords.flatMap(([w, field]) => [[`${w}7个`, field], [`其中7个${w}`, field], [`${w}0个`, field]] as const))('after a total, %s gives %s', (part, field) => {
    const count = /0个/.test(part) ? 0 : 7;
    expect(summaryOf(`巡察组共反馈问题20个,${part}。`)).toMatchObject({ totalProblems: 20, [field]: count });
  });

  test.each(PETITION_SCOPES.map((r, i) => [i, r.scope, r] as const))('petition scope row %i (%s): its example is read as received', (_, __, r) => {
    for (const p of parts(r.example)) {
      const n = findNumbers(p, { exclude: [] }).filter((m) => m.unit === '件').pop()!;
      expect(summaryOf(p).petitionsReceived, p).toBe(n.value);
    }
  });

  // Each rule of the totals grammar on its real phrasing's shape, in words of our own.
  const paraphrases2: [string, string, Partial<ReturnType<typeof readSummary>['summary']>][] = [
    ['a status verb after the noun (d118)', '本轮督察共受理群众举报820件,已办结790件,督察反馈问题已完成整改56项;移交生态环境损害责任追究问题9个,已办结4个。', { totalProblems: null, completed: 56, petitionsReceived: 820, petitionsResolved: 790 }],
    ['件 of 交办 problems are petitions, a subgroup ends the parts (d108)', '全省已办结1200件督察交办问题。截至目前,督察反馈的40项问题中,今年应完成整改的25项问题已完成整改20项。', { totalProblems: 40, completed: null }],
    ['kinds refined into problems are a level of the breakdown (d120)', '通报指出的4个方面、11类问题,进一步细化为25个具体问题。', { totalProblems: null }],
    ['a count of bodies is not of problems (w003)', '向巡察涉及的12个单位交办整改问题清单。', { totalProblems: null }],
    ['all done in a later sentence of its own (d51)', '对照反馈的28个具体问题制定了60条整改措施。\n截至目前,已全部完成整改。', { totalProblems: 28, completed: 28 }],
    ['the first level stated wins (d15)', '至目前,完成镇级问题整改20个,整改完成率90%。村级反馈的150个问题已完成整改140个。', { totalProblems: null, completed: 20, completionRate: 0.9 }],
    ['a rate over 100% measures output against a plan, not a share of problems (the bench corpus, digits shifted: 完成率211%)', '反馈的问题30个,已完成整改30个,年度任务完成率达120%。', { totalProblems: 30, completed: 30, completionRate: null }],
    ['a total after parts is one more thing found (w127)', '检查企业40家,已整改完成25个,未整改到位5个,新发现安全隐患问题2个。', { totalProblems: null, completed: 25, notCompleted: 5 }],
    ['a parallel total ends the parts of the first', '第一轮巡察反馈问题20个,第二轮反馈问题22个,已完成整改40个。', { totalProblems: 20, completed: null }],
    ['a total for several inspections together (d13)', '截至今年6月底,市委先后开展3轮巡察,共要求被巡察的30家单位对存在的260个问题进行整改,已整改销号问题250个。', { totalProblems: 260, completed: 250 }],
    ['two inspections in one total (w104)', '本轮被巡视党组织陆续公开整改情况,共完成整改问题310个,出台和修订制度120个。', { completed: 310, rulesMade: 120 }],
    ['the running total over the batch (d114)', '6月3日,督察组向我县转办信访件12件。截至6月3日,督察组累计向我县转办信访件96件,已办结80件。', { petitionsReceived: 96, petitionsResolved: 80 }],
    ['another level\'s running total is not the area\'s (w032)', '其中,交办我县信访件3件。截至5月2日,共收到督察组交办信访件1500件,已全部交办到各县区。', { petitionsReceived: 3 }],
    ['the funnel: received before accepted before passed on (w116)', '截至12月31日,各督察组共收到群众举报9800件,受理有效举报8700件,累计向相关省转办7600件。', { petitionsReceived: 9800 }],
    ['a share of completion (w142)', '完成问题整改56个,完成整改占比96.5%。', { completed: 56, completionRate: 0.965 }],
    ['kinds after a count of aspects are a level of the breakdown (d29)', '对照巡视发现的4个方面15类问题,制定整改方案。', { totalProblems: null }],
    ['kinds that are the finest level stay the total (d53)', '巡察组反馈了该村存在的3类主要问题:一、组织生活不规范;二、财务管理混乱;三、村务公开不及时。', { totalProblems: 3 }],
    ['a count of another stream ends the parts of a total (d47)', '省级督察反馈的24项整改任务,已完成或基本完成20项,交办的90件群众投诉举报案件,已办结85件。', { totalProblems: 24, completed: null, petitionsReceived: 90, petitionsResolved: 85 }],
    ['petitions named before a count in 件 are what it counts (d84)', '督察组交办的群众信访问题,各地已办结1200件。', { completed: null, petitionsResolved: 1200 }],
    ['a rate said roughly states none (d21)', '整改方案共明确整改任务300项,已完成160项,完成率近55%。', { totalProblems: 300, completed: 160, completionRate: null }],
    ['办结率 is a petition rate, not the completion rate (d108)', '累计受理群众信访举报320件,已办结300件,办结率93.8%。', { petitionsReceived: 320, petitionsResolved: 300, completionRate: null }],
  ];
  test.each(paraphrases2)('%s: %s', (_, text, want) => expect(summaryOf(text)).toMatchObject(want));

  test.each(STATUS_PHRASES.map((s, i) => [i, s.status, s] as const))('status row %i (%s): each example reads so', (_, status, s) => {
    // Each example's last clause, its count taken out, as the totals reader reads a clause.
    for (const p of parts(s.example)) expect(statusOf(p.split(/[,，]/).pop()!.replace(/\d+[个项件]/g, '')), p).toBe(status);
  });
  test.each([
    ['completed', '该问题已全部整改到位'],
    ['partial', '目前已基本完成整改'],
    ['not-completed', '因资金原因申请延期整改'],
    ['not-completed', '该项工作正在整改中'],
  ])('status %s: %s', (status, words) => expect(statusOf(words)).toBe(status));

  test('party dues collected are no money recovered (w158)', () => {
    expect(summaryOf('三是党费收缴不规范。某卫生院3名党员半年党费收缴共计45元。').moneyRecovered).toBeNull();
    expect(summaryOf('通过整改,追缴违规资金45万元。').moneyRecovered).toBe(450000);
  });

  test.each(EXTRAS.map((e) => [e.field, e] as const))('%s: read from its example', (field, e) => {
    const p = parts(e.example)[0]!;
    expect(readSummary(Sentences.of(p), findNumbers(p, { exclude: [] })).summary[field]).not.toBeNull();
  });
});

describe('labels', () => {
  test.each(LABELS.map((l) => [l.label, l] as const))('%s: read from its example', (label, l) => {
    const example = l.example.replace('【責任編輯:', '【责任编辑:');
    const found = readLabels(example);
    // A counter ends the field before it ("时间:2022-07-07点击:" is 2022-07-07); the others are read.
    if (l.field === 'counter') expect(found.every((x) => !x.value.includes(label)), JSON.stringify(found)).toBe(true);
    else expect(found.map((x) => x.label)).toContain(label);
  });
  test.each([
    ['成文日期', '成 文 日 期 : 2023年5月6日', '2023年5月6日'],
    ['发布时间', '来源:某某区纪委监委    发布时间:2024-01-09 08:30    浏览次数:12', '2024-01-09 08:30'],
    ['来源', '| 来源 | 某县人民政府办公室 | 发布日期 | 2022-03-01 |', '某县人民政府办公室'],
    ['发布时间', '发布时间 2021年3月9日', '2021年3月9日'],
    ['发布时间', '【发布时间】2021-03-09', '2021-03-09'],
    ['发布时间', '发布时间/2021-03-09 浏览:5', '2021-03-09'],
    ['发布时间', '发布时间——2021-03-09', '2021-03-09'],
    ['成文时间', '成文时间：2019年12月2日', '2019年12月2日'],
    ['发布机构', '• 发布机构: 某某市审计局', '某某市审计局'],
    ['信息来源', '- 信息来源: 某某区政府办', '某某区政府办'],
  ])('%s in a paraphrase', (label, line, value) => {
    expect(readLabels(line).find((l) => l.label === label)?.value).toBe(value);
  });
});

describe('kind', () => {
  const rows = [...OTHER_COPIES, ...NOTICE_PHRASES, ...ANNOUNCEMENT_PHRASES, ...OTHER_PHRASES, ...NEWS_MARKERS, ...RETOLD];
  test.each(rows.map((r, i) => [i, r] as const))('row %i: its words are in its example', (_, r) => {
    expect(parts(r.example).some((p) => new RegExp(r.pattern.source, r.pattern.flags.replace('g', '')).test(p.replace(/\\n/g, '\n')))).toBe(true);
  });

  // Problems told by a third party make a report of them, news; told by nobody, a self-assessment.
  const kindOf = (text: string) => runPipeline({ id: 't', source: 't.txt', bytes: Buffer.from(text) }).final;
  test.each([
    ['an inspection of several bodies, then its findings (paraphrase of dev d88)', '县委三个巡察组于3月对城关镇、河口镇等4个乡镇党委开展了专项巡察。巡察发现的主要问题:落实主体责任不到位;财务管理不规范;干部作风不严不实。'],
    ['feedback to a body, then the problems (paraphrase of wild w009)', '市委第二巡察组向市交通局党组反馈了巡察情况。巡察组指出,该局存在以下问题:一是理论学习不深入;二是制度执行不严格;三是整改推进较慢。'],
    ['a leader naming the common problems (paraphrase of wild w126)', '张某某指出,共性问题主要有:一是部分企业主体责任不落实;二是隐患排查流于形式;三是监管力量薄弱。'],
  ])('%s is news', (_, text) => {
    const doc = kindOf(text);
    expect(doc.problems.length).toBeGreaterThan(1);
    expect([doc.kind, doc.kindEvidence[0]!.rule]).toEqual(['news', 'retold-findings']);
  });
  test('a body listing its own shortcomings, told by nobody, is a self-assessment (paraphrase of dev d35)', () => {
    const doc = kindOf('一是整改主体责任压实不到位,领导带头作用发挥不充分。二是整改推进缓慢,部分任务逾期未完成。三是长效机制建设不够,制度执行不严格。');
    expect(doc.problems.length).toBe(3);
    expect([doc.kind, doc.kindEvidence[0]!.rule]).toEqual(['other', 'self-assessment']);
  });

  // Paraphrases of our own for the notice phrases of a body's report: other bodies, other years, other words.
  test.each([
    ['a report to the congress', '受县人民政府委托,我向县人大常委会报告2022年度县级预算执行审计查出问题的整改情况,请予审议。'],
    ['a report titled without 关于', '某某区落实省生态环境保护督察反馈意见整改情况的报告'],
    ['a report titled without 的', '某某市2022年度审计查出问题整改情况报告'],
  ])('%s is a notice phrase', (_, text) => {
    expect(NOTICE_PHRASES.some((r) => r.pattern.test(text))).toBe(true);
  });
  test.each([
    ['a news report of the report', '会议听取了市审计局关于审计查出问题整改情况的报告,要求各单位抓好落实。'],
    ['a report on audit results, not rectification (wild w090)', '我受区人民政府的委托,向区人大常委会报告2022年度区本级预算执行和其他财政收支审计情况,请予审议。'],
  ])('%s is none', (_, text) => {
    expect(NOTICE_PHRASES.slice(3).some((r) => r.pattern.test(text))).toBe(false);
  });
});

/** The whole sections stage on a text: its categories' titles and its problems' texts, each cut to `n` characters. */
const sectionsOf = (raw: string, n = 12) => {
  const { sections } = detectSections(segment(clean({ id: 't', source: 't.txt', bytes: Buffer.from(raw) })));
  return { categories: sections.categories.map((c) => c.title.slice(0, n)), problems: sections.problems.map((p) => [p.category, p.text.slice(0, n)]) };
};

describe('problem lists', () => {
  // Each rule on its real example (the source in the name) and on a paraphrase of our own: [rule, text, categories, problems as [category, first characters]].
  const cases: [string, string, string[], [number | null, string][]][] = [
    [
      'a colon-announced ;-run is a list though its last clause ends in 等问题 (tune d88)',
      '四届市委第九轮巡察中发现被巡察党组织主要存在的问题:贯彻落实党中央决策部署不到位;管党治党不严不实;有的存在投资无收益,偿债风险巨大等问题。',
      [], [[null, '贯彻落实党中央决策部署'], [null, '管党治党不严不实'], [null, '有的存在投资无收益,偿债']],
    ],
    [
      'a colon-announced ;-run is a list though its last clause ends in 等问题 (paraphrase)',
      '督察组指出该县存在的主要问题:污水管网建设滞后;垃圾分类推进不力;部分河段水质反弹等突出问题。',
      [], [[null, '污水管网建设滞后'], [null, '垃圾分类推进不力'], [null, '部分河段水质反弹等突出']],
    ],
    [
      'a sentence of ;-clauses naming kinds with no colon is not a list (seed 000)',
      '发现个别烟花爆竹店存在超量储存、烟花堆放位置不合理;部分工业园区企业未制定综合应急预案;部分应急救援消防场所无人值班等安全隐患问题。',
      [], [],
    ],
    [
      '问题1. labels an item as 问题1: does (tune d102)',
      '二、对照反馈问题,对标对表进行整改\n(一)聚焦贯彻落实党的路线方针政策和中央、省委、市委决策部署情况方面\n问题1.针对学习习近平新时代中国特色社会主义思想流于形式、走马观花的问题。\n',
      ['聚焦贯彻落实党的路线方'], [[1, '针对学习习近平新时代中']],
    ],
    [
      '问题1. labels an item as 问题1: does (paraphrase)',
      '(一)党的建设方面\n问题1.党组会议学习制度落实不严格。\n整改情况:已修订学习制度。\n问题2.干部选拔任用程序不规范。\n整改情况:已修订选任办法。\n',
      ['党的建设方面'], [[1, '党组会议学习制度落实不严'], [1, '干部选拔任用程序不规范。']],
    ],
    [
      'one numbered line naming a shortcoming in the part that sets out the feedback is a problem (tune d123)',
      '一、组织整改落实情况\n(一)细化工作方案。对照巡察反馈的问题及整改意见,制定巡察整改方案。\n(二)注重建章立制。建立和完善相关规章制度。\n二、巡察反馈问题整改进展情况\n(一)反馈问题:公立医院公益性凸显不足\n1.优化后的绩效考核方案尚未公布。医院原来的绩效考核体系已难以适应当今公立医',
      ['公立医院公益性凸显不足'], [[1, '优化后的绩效考核方案尚未']],
    ],
    [
      'one numbered line naming a shortcoming in the part that sets out the feedback is a problem (paraphrase)',
      '二、存在的主要问题\n(一)财务管理方面\n1.公务卡结算制度执行不严格,现金支付比例偏高。\n',
      ['财务管理方面'], [[1, '公务卡结算制度执行不严格']],
    ],
    [
      '有的 clauses joined by commas are a list (wild w101)',
      '在事业发展方面取得了一定成绩,但巡察也发现,有的单位党组织政治核心作用发挥不够,有的落实党政共同负责制和全面从严治党“两个责任”不够到位,有的落实新时代党的组织路线存在短板,在领导班子和基层党组织建设方面存在薄弱环节。',
      [], [[null, '有的单位党组织政治核心'], [null, '有的落实党政共同负责制'], [null, '有的落实新时代党的组织']],
    ],
    [
      '有的 clauses joined by 、 are a list, the first after its subject (wild w125)',
      '这些地方有的存在违法采矿破坏生态问题、有的垃圾填埋场严重污染环境、有的地方违规侵占湖泊,有的地方甚至存在敷衍整改、虚假整改。',
      [], [[null, '有的存在违法采矿'], [null, '有的垃圾填埋场'], [null, '有的地方违规侵占湖泊'], [null, '有的地方甚至存在敷衍整改']],
    ],
    [
      '有的 clauses joined by 、 or commas are a list (paraphrase)',
      '检查组指出,部分村级组织有的财务公开不及时、有的集体资产台账缺失,有的村务监督委员会形同虚设。',
      [], [[null, '有的财务公开不及时'], [null, '有的集体资产台账缺失'], [null, '有的村务监督委员会']],
    ],
    [
      '有的 clauses that name no shortcoming list what was done, though a problem is named before them (paraphrase; the lists of wild w101 w125 name one in most clauses)',
      '针对巡察反馈的问题,各单位迅速行动,有的召开专题会议研究部署,有的建立整改台账,有的完善制度机制。',
      [], [],
    ],
    [
      '一些 clauses that name no shortcoming list what was done (paraphrase)',
      '对照督察指出的问题,一些县区连夜制定整改方案;一些部门抽调专人蹲点督办。',
      [], [],
    ],
    [
      'a list after its causes\' cue lists causes, not problems (wild w141: its problems, then 二、问题产生的原因; the causes paraphrased)',
      '一、存在的问题\n在集中学习的基础上,经过自查自纠,学校方面存在如下问题:\n1、工作计划不明确,盲目单干,不辨方向。\n2、个别教师存在擅自换课、调课、上课接打手机等工作纪律性差的问题。\n二、问题产生的原因\n1、思想认识不到位,对师德师风建设重视不够。\n2、制度执行不严格,考核监督失之于宽。\n',
      [], [[null, '工作计划不明确'], [null, '个别教师存在擅自换课']],
    ],
    [
      'a list after its causes\' cue lists causes, not problems (paraphrase)',
      '经过对照检查,班子存在的问题主要有:一是理论学习不够深入;二是担当作为不够。产生问题的原因:一是理想信念有所弱化;二是宗旨意识有所淡化。',
      [], [[null, '理论学习不够深入'], [null, '担当作为不够']],
    ],
    [
      '所有的 is no opener (paraphrase)',
      '所有的整改任务均已完成,有的已建立长效机制。',
      [], [],
    ],
    [
      'a ;-run after the inspectors\' finding and a comma is a list (wild w089)',
      '巡视组指出,天津的圈子文化不绝,政治生态遭破坏;江西对苏荣案后续处理工作不及时;河南省委政治意识需进一步增强;湖北一些领导干部和重要部门存在较大廉政风险。',
      [], [[null, '天津的圈子文化不绝'], [null, '江西对苏荣案'], [null, '河南省委政治意识'], [null, '湖北一些领导干部']],
    ],
    [
      'a ;-run after the inspectors\' finding and a comma is a list, clauses inside a clause are not its sub-list (wild w008)',
      '督察发现,一些地方践行习近平生态文明思想还不到位,长江保护修复仍存在一些突出问题;污染防治攻坚存在薄弱环节,一些地方环境空气质量反弹,一些地市环境基础设施短板突出;一些第三方环境检测机构存在数据造假问题。',
      [], [[null, '一些地方践行'], [null, '污染防治攻坚存在薄弱环节'], [null, '一些第三方环境检测机构']],
    ],
    [
      'a ;-run after the inspectors\' finding and a comma is a list (paraphrase)',
      '但审计也发现,专项资金拨付滞后;部分项目未按期开工;个别单位挤占挪用资金。',
      [], [[null, '专项资金拨付滞后'], [null, '部分项目未按期开工'], [null, '个别单位挤占挪用资金']],
    ],
    [
      'a quoted problem 1.关于“…”问题的整改 is its quoted words, under no part heading as category (tune d99)',
      '二、整改进展情况及成效\n1.关于“政治引领有短板”问题的整改。\n一是积极组织相关学习活动,深入学习习近平总书记关于工会工作重要论述。\n',
      [], [[null, '政治引领有短板']],
    ],
    [
      '(一)…方面 headings are the categories of 1.关于“…”的整改情况 items (paraphrase)',
      '一、巡察反馈问题整改情况\n(一)党的建设方面\n1.关于“党组会议学习制度落实不严格”的整改情况\n已制定党组理论学习中心组学习计划。\n2.关于“干部选拔任用程序不规范”的整改情况\n已修订干部选拔任用工作办法。\n(二)财务管理方面\n3.关于“公务接待超标准”的整改情况\n已清退超标准接待费用。\n',
      ['党的建设方面', '财务管理方面'], [[1, '党组会议学习制度落实不严格'], [1, '干部选拔任用程序不规范'], [2, '公务接待超标准']],
    ],
    [
      'a quote that only begins the title leaves the title as written (paraphrase)',
      '(一)党的建设方面\n1.关于“三重一大”制度执行不严格的问题\n整改情况:已修订决策制度。\n',
      ['党的建设方面'], [[1, '关于“三重一大”制度执行不严格的问题']],
    ],
    [
      'under a heading naming one of the three focuses, the next heading is the problem and the one below it its sub-item (tune d127)',
      '二、落实整改实施情况\n我社区党委对区委第一巡察组反馈的问题进行了认真分析。\n(一)聚焦基层贯彻落实党中央重大决策部署及省市区委工作要求情况\n1、上级决策部署落实不彻底。\n(1)开展基层治理不均衡。\n',
      ['聚焦基层贯彻落实党中央'], [[1, '上级决策部署落实不彻底']],
    ],
    [
      'under a heading naming a field, one numbered line naming a shortcoming is its problem (paraphrase)',
      '二、整改落实情况\n(一)选人用人方面\n1.干部档案审核把关不严。\n(1)部分干部出生日期前后不一致。\n',
      ['选人用人方面'], [[1, '干部档案审核把关不严']],
    ],
    [
      'a heading that opens with the name of a kind and holds only prose is a category without items (tune d141, a PDF page)',
      '下面,我代表巡察组,向大家反馈巡察意见。 一、巡察发现的主要问题 本次巡察主要围绕“三个聚焦”展开。巡察发 现,17 个村党组织在不同程度上都存在一些不容忽视的问题。 (一)在聚焦贯彻落实党的 路线方针政策和上级决策部署方 面存在差距 部分村党组织政治站位不高,对上级重大决策部署理解不深、 研究不透,执行上存在打折扣、搞变通的现象。',
      ['在聚焦贯彻落实党的'], [],
    ],
    [
      'headings that open with the name of a kind and hold only prose are categories without items (paraphrase)',
      '巡察发现的主要问题如下:\n(一)党的建设方面存在差距\n个别支部组织生活不规范,党员教育管理不到位。\n(二)作风建设方面存在的问题\n公务用车管理不严,存在公车私用现象。\n',
      ['党的建设方面存在差距', '作风建设方面存在的问题'], [],
    ],
    [
      'a roundup lists each unit\'s problems under its heading, the units are categories (wild w155)',
      '现将巡察组反馈的主要问题公布如下:\n一、县卫生健康局党组\n落实“第一议题”制度不严格;执行“三重一大”制度不够到位;县域医共体推进不够有力。\n二、县卫生监督所\n学习上级决策部署不够全面;监督针对性、实效性不强;对镇级生活饮用水监督力度不足。\n',
      ['县卫生健康局党组', '县卫生监督所'], [[1, '落实“第一议题”'], [1, '执行“三重一大”'], [1, '县域医共体'], [2, '学习上级决策部署'], [2, '监督针对性'], [2, '对镇级生活饮用水']],
    ],
    [
      'a roundup lists each unit\'s problems after 主要问题是: (paraphrase)',
      '近日,县委巡察组反馈了巡察情况。\n一、县财政局\n县财政局存在的主要问题是:一是预算管理不规范;二是政府采购监管不到位。\n二、县教育局\n县教育局存在的主要问题是:一是学校食堂管理混乱;二是教师队伍建设滞后。\n',
      ['县财政局', '县教育局'], [[1, '预算管理不规范'], [1, '政府采购监管不到位'], [2, '学校食堂管理混乱'], [2, '教师队伍建设滞后']],
    ],
    [
      'a roundup without headings lists each unit\'s problems after 主要问题是: (paraphrase)',
      '县财政局存在的主要问题是:一是预算管理不规范;二是政府采购监管不到位。县教育局存在的主要问题是:一是学校食堂管理混乱;二是教师队伍建设滞后。\n',
      [], [[null, '预算管理不规范'], [null, '政府采购监管不到位'], [null, '学校食堂管理混乱'], [null, '教师队伍建设滞后']],
    ],
    [
      'a heading naming shortcomings, its 一是… lines below it: the heading is their category (wild w158; 主体责任 there is a problem\'s subject, no cue of measures)',
      '二、存在的问题\n(一)党建主体责任落实不到位,支部建设不规范,党员教育弱化,“五风”建设开展不扎实。\n一是党支部书记对党建工作要求认识有差距。党建第一责任人意识不强。\n二是党内政治生活不严肃。“三会一课”执行不严格。\n三是党费收缴不规范。标准不一,没有根据。\n',
      ['党建主体责任落实不到位'], [[1, '党支部书记对党建工作'], [1, '党内政治生活不严肃'], [1, '党费收缴不规范']],
    ],
    [
      'a heading naming shortcomings, its 一是… lines below it: the heading is their category (paraphrase)',
      '(一)整改工作要求落实不到位,台账管理混乱。\n一是整改台账更新不及时。\n二是销号资料不完整。\n',
      ['整改工作要求落实不到位'], [[1, '整改台账更新不及时'], [1, '销号资料不完整']],
    ],
    [
      'a 一是… list in a numbered item\'s own paragraph details that problem (tune d106)',
      '一、巡察发现的主要问题\n1.学习贯彻习近平新时代中国特色社会主义思想和党的十九大精神不够深入。一是领导干部普遍存在重业务、轻政治理论学习现象。二是学习制度落实不到位,存在形式主义。\n2.执行党中央决策部署和省委、市委要求不到位。一是领导班子贯彻落实新发展理念不够有力。二是科技成果转化率较低。\n',
      [], [[null, '学习贯彻习近平新时代'], [null, '执行党中央决策部署']],
    ],
    [
      'a 一是… list in a numbered item\'s own paragraph details that problem (paraphrase)',
      '检查发现以下问题:\n1.财务制度执行不严格。一是报销审核把关不严。二是现金管理不规范。\n2.资产管理混乱。一是固定资产账实不符。二是闲置资产未及时处置。\n',
      [], [[null, '财务制度执行不严格'], [null, '资产管理混乱']],
    ],
    [
      'a sentence that only names a field, before its 有的… clauses, is their category (wild w088)',
      '反馈中,各巡察组指出巡察发现的一些问题,主要是:在党的领导方面。有的被巡察党组织“四个意识”不强,领导核心作用弱化虚化;有的政治意识淡薄,对党规党纪缺乏敬畏。在党的建设方面。有的对党员教育管理缺位,党组织生活不严肃;有的引领党建氛围不浓厚,发展党员不规范。',
      ['在党的领导方面', '在党的建设方面'], [[1, '有的被巡察党组织'], [1, '有的政治意识淡薄'], [2, '有的对党员教育管理缺位'], [2, '有的引领党建氛围']],
    ],
    [
      'a sentence that only names a field, before its 一些… clauses, is their category (paraphrase)',
      '督察指出的问题主要有两类。在污染防治方面。一些企业废水超标排放;一些园区污水处理设施运行不正常。',
      ['在污染防治方面'], [[1, '一些企业废水超标排放'], [1, '一些园区污水处理设施']],
    ],
    [
      'the cue that announces a list is not its category (dev d54)',
      '本轮巡察发现被巡察单位存在一些突出问题,集中表现在以下五个方面:党的领导弱化,对党建工作的重要性认识不足;党内政治生活不规范;执行财经纪律不严格。',
      [], [[null, '党的领导弱化'], [null, '党内政治生活不规范'], [null, '执行财经纪律不严格']],
    ],
    [
      'under a heading naming a kind, the next heading is the problem though its sub-item is the line 整改情况 follows (wild w157)',
      '二、巡察反馈问题整改进展情况\n(一)反馈问题:巡察整改主体责任落实不到位,整改质效不高。\n1.结余药品使用不规范。\n(1)结余药品管理、使用不规范。\n整改情况:一是全面排查盘点药品结余,建立台账。\n',
      ['巡察整改主体责任落实不到位'], [[1, '结余药品使用不规范。']],
    ],
    [
      'under a heading naming a kind, the next heading is the problem though its sub-items are the lines 整改情况 follows (paraphrase)',
      '一、反馈意见整改落实情况\n(一)党的建设方面\n1.支部组织生活制度执行不严。\n(1)“三会一课”记录不完整。\n整改情况:已补齐会议记录。\n(2)主题党日活动流于形式。\n整改情况:已制定活动计划。\n2.党员发展工作不规范。\n(1)发展对象培养考察不足一年。\n整改进展:已重新履行程序。\n',
      ['党的建设方面'], [[1, '支部组织生活制度执行不严'], [1, '党员发展工作不规范']],
    ],
    [
      'items its 整改 label follows at two levels, neither inside the other, are all problems (wild w143)',
      '一、整改内容\n1.专项整改问题\n(1)将脱贫人口指标集中安排给当年计划退出村,无指标的即使达到也不让退出。(牵头单位:扶贫办;责任单位:各村支部)\n整改措施:继续坚持采取“自下而上、自上而下”的方式,科学确定脱贫人口指标。\n(2)住房安全方面。\n①有的易地扶贫搬迁建房面积超标、贫困户负债较重。(牵头单位:扶贫办、村建所;责任单位:各村支部)\n整改措施:一是强化宣传培训,提高政策水平。\n',
      ['专项整改问题', '住房安全方面'], [[1, '将脱贫人口指标集中安排'], [2, '有的易地扶贫搬迁建房面积超标']],
    ],
    [
      'items its 整改 label follows at two levels, neither inside the other, are all problems (paraphrase)',
      '一、问题整改情况\n(一)财务管理问题\n1.公务接待超标准,部分接待无公函。\n整改情况:已清退超标准费用。\n2.资产管理方面\n(1)固定资产账实不符。\n整改情况:已开展资产清查。\n(2)闲置房产未及时处置。\n整改情况:已公开招租。\n',
      ['财务管理问题', '资产管理方面'], [[1, '公务接待超标准'], [2, '固定资产账实不符'], [2, '闲置房产未及时处置']],
    ],
    [
      'typical cases after their announcement, one a paragraph opening with the finding (wild w119)',
      '为发挥警示作用,切实推动问题整改,第二轮第三批中央生态环境保护督察组17日对第五批8个典型案例进行集中公开通报。\n经中共中央、国务院批准,4月6日,第二轮第三批中央生态环境保护督察全面启动。\n督察发现,安徽省淮北市有关部门及区县落实打赢蓝天保卫战相关部署要求不到位,部分项目煤炭消费减量替代方案弄虚作假。\n督察发现,第一轮督察交办的抚顺市李石街道废钢渣加工企业污染等民众举报问题,因原抚顺经济开发区敷衍整改,在未得到有效解决的情况下草草结案销号。\n中央第一生态环境保护督察组下沉督察发现,山西太谷恒达煤气化有限公司存在私自通过旁路烟道长期违法排污等问题。\n',
      [], [[null, '安徽省淮北市有关部门'], [null, '第一轮督察交办的抚顺市'], [null, '山西太谷恒达煤气化']],
    ],
    [
      'typical cases under their title lines; the clauses inside a case are its details (wild w117)',
      '为发挥警示作用,切实推动问题整改,现对第四批7个典型案例进行集中公开通报。\n湖北省部分地方大气污染反弹严重\n2024年5月,中央第四生态环境保护督察组督察湖北省发现,部分地方“两高”项目盲目上马管控不力,部分行业污染治理不到位,一些企业单位违法违规问题突出。\n云南省部分高原湖泊保护治理不力\n2024年5月,中央第七生态环境保护督察组督察云南省发现,滇池、杞麓湖、大屯海等高原湖泊保护治理不力,治理措施推进滞后。\n',
      [], [[null, '湖北省部分地方大气污染反弹严重'], [null, '云南省部分高原湖泊保护治理不力']],
    ],
    [
      'typical cases under their title lines; the clauses inside a case are its details (paraphrase)',
      '省自然资源厅近日公开通报3起违法占地典型案例。\n某县违规批地建设工业园区\n今年4月,省自然资源督察组检查某县发现,该县政府违规批准占用耕地,有的项目未批先建,有的项目擅自改变用途。\n某市主导推动违法占地建设景观湖\n同期督察组检查某市发现,该市有关部门违法占用永久基本农田挖湖造景。\n',
      [], [[null, '某县违规批地建设工业园区'], [null, '某市主导推动违法占地建设景观湖']],
    ],
    [
      'without typical cases announced, paragraphs opening with the finding are no cases: their 一些… clauses are read as before (paraphrase)',
      '督察指出,总的来看,该省高度重视生态环境保护,工作取得积极成效。\n督察发现,一些地方环境基础设施短板突出,一些企业违法排污问题时有发生。\n',
      [], [[null, '一些地方环境基础设施短板突出'], [null, '一些企业违法排污问题时有发生']],
    ],
    [
      'a kind with its ;-problems after 一是, two kinds: the kinds are categories (paraphrase of wild w013, a shortcoming named 不全)',
      '巡察组反馈,该镇党委存在的主要问题:一是党建工作方面:“三会一课”制度落实不到位;党员发展程序不规范。二是财务管理方面:报销审批手续不全;集体资产台账不清。',
      ['党建工作方面', '财务管理方面'], [[1, '“三会一课”制度落实不到位'], [1, '党员发展程序不规范'], [2, '报销审批手续不全'], [2, '集体资产台账不清']],
    ],
    [
      'a measure heading in the part that sets out the feedback is not a problem (paraphrase)',
      '二、巡察反馈问题整改进展情况\n(一)加强组织领导\n1.建立整改台账,逐项销号。\n',
      [], [],
    ],
  ];
  test.each(cases)('%s', (_, text, categories, problems) => {
    const got = sectionsOf(text, 40);
    // Each title and text begins with the words given.
    const cut = (got: string, want: string) => got.slice(0, want.length);
    expect({ categories: got.categories.map((c, i) => cut(c, categories[i] ?? '')), problems: got.problems.map(([c, p], i) => [c, cut(p as string, problems[i]?.[1] ?? '')]) }).toEqual({ categories, problems });
  });
});

describe('fields', () => {
  // A notice of one item laid out as fields: [source, text, problems as [words, its rectification]].
  const cases: [string, string, [string, string][]][] = [
    [
      'wild w027',
      '关于铁东区中央生态环境保护督察“回头看”反馈问题整改任务(序号十)整改情况的公示情况说明\n整改任务:在一些具体整改任务中,一些地方仍然存在不作为、慢作为,甚至敷衍应对等突出问题。\n整改目标:压实责任落实,健全机制体制。\n整改完成情况:\n1、区委区政府及各乡镇针对环保整改问题不定期召开任务推进会议,压实责任。\n2、每月调度预警,强化督查督办,及时召开任务推进会议解决问题难题。\n特此公示!\n公示时间:2019年12月13日至2019年12月19日,共7天。\n',
      [['在一些具体整改任务中,一些地方仍然存在不作为、慢作为,甚至敷衍应对等突出问题。', '1、区委区政府及各乡镇针对环保整改问题不定期召开任务推进会议,压实责任。\n2、每月调度预警,强化督查督办,及时召开任务推进会议解决问题难题。']],
    ],
    [
      'a paraphrase',
      '存在问题:村务公开不及时,公开内容不全面。\n责任单位:村委会\n整改措施:建立村务公开台账,每月公开一次。\n存在问题:集体资产管理混乱,账实不符。\n整改措施:\n(1)开展集体资产清查。\n(2)建立资产台账。\n',
      [['村务公开不及时,公开内容不全面。', '建立村务公开台账,每月公开一次。'], ['集体资产管理混乱,账实不符。', '(1)开展集体资产清查。\n(2)建立资产台账。']],
    ],
    [
      'a question in an interview is no problem field (paraphrase)',
      '问题:巡察整改工作下一步如何推进?\n答:我们将持续跟踪督办,确保问题整改到位。\n',
      [],
    ],
  ];
  test.each(cases)('a field labelled as the problem, what was done after its label (%s)', (_, text, want) => {
    const { sections } = detectSections(segment(clean({ id: 't', source: 't.txt', bytes: Buffer.from(text) })));
    expect(sections.problems.map((p) => [p.text, p.rectification])).toEqual(want);
  });
});

describe('numbering', () => {
  test.each(SLIPS.map((s) => [s.family, s] as const))('slip %s: its example holds it between two markers of the list it continues', (_, slip) => {
    const { text, tokens } = tokensOf(slip.example);
    const families = findMarkers(text, tokens).filter((m) => m.lineStart).map((m) => m.family);
    const at = families.indexOf(slip.family);
    expect(at > 0 && families[at - 1] === slip.continues && families[at + 1] === slip.continues, families.join(' ')).toBe(true);
  });

  // [rule, text, the problems' own numbers, the messages said about the numbering]
  const cases: [string, string, number[], string[]][] = [
    [
      'a marker that lost its dot continues its list, and a message says so (wild w156)',
      '现将巡察发现的主要问题通报如下:\n\n1.上轮巡察反馈问题整改仍有差距。\n\n2.落实推进公立医院高质量发展、加快中医药特色发展上有差距。\n\n3.医保资金使用不规范,医疗管理有漏洞。\n\n4.主体责任和监督责任履行不到位,重要领域、重点岗位廉政风险管控不严。\n\n5践行安全发展理念有差距。项目建设风险防控意识不强,安防管理平台有漏洞。\n\n6.财务管理不规范。内控制度执行不到位。\n',
      [1, 2, 3, 4, 5, 6], ['sections/marker-slip: item 5 is written "5践行" without the mark of its list (1. …): read as item 5 of the list 1 to 6'],
    ],
    [
      'a marker that lost its dot continues its list, and a message says so (paraphrase)',
      '检查发现以下问题:\n1.台账资料不完整。\n2销号程序不规范,佐证材料缺失。\n3.整改时限把握不严。\n',
      [1, 2, 3], ['sections/marker-slip: item 2 is written "2销号" without the mark of its list (1. …): read as item 2 of the list 1 to 3'],
    ],
    [
      'a list that skips a number says how many items it numbers and how many were read (paraphrase)',
      '巡察发现的主要问题:\n1.党组理论学习不深入。\n2.财务管理不规范。\n4.干部选任程序不严格。\n5.公务接待超标准。\n',
      [1, 2, 4, 5], ['validate/problem-number-skipped: expected 问题3, found 问题4: the list numbers 5 items from 1, 4 were read'],
    ],
    [
      'lists that each start at 1 are not repeats (paraphrase of a roundup, wild w155)',
      '县财政局存在的主要问题是:一是预算管理不规范;二是政府采购监管不到位。县教育局存在的主要问题是:一是学校食堂管理混乱;二是教师队伍建设滞后。\n',
      [1, 2, 1, 2], [],
    ],
  ];
  test.each(cases)('%s', (_, text, labels, messages) => {
    const { final } = runPipeline({ id: 't', source: 't.txt', bytes: Buffer.from(text) });
    expect(final.problems.map((p) => p.label)).toEqual(labels);
    expect(final.diagnostics.filter((d) => /^sections\/|^validate\/problem-number/.test(d.code)).map((d) => `${d.code}: ${d.message}`)).toEqual(messages);
  });
});
