import { describe, expect, test } from 'vitest';
import { Sentences } from '../../../src/stages/2-segment/sentences.js';
import { findNumbers } from '../../../src/stages/4-extract/numbers.js';
import { clean } from '../../../src/stages/1-clean/index.js';
import { segment } from '../../../src/stages/2-segment/index.js';
import { CUES, readCue, readEnumerations } from '../../../src/stages/3-sections/enumerations.js';
import { ANNOUNCEMENT_PHRASES, NEWS_MARKERS, NOTICE_PHRASES, OTHER_COPIES, OTHER_PHRASES } from '../../../src/stages/4-extract/kind.js';
import { MARKER_FAMILIES, findMarkers } from '../../../src/stages/3-sections/markers.js';
import { STATUS_PHRASES, STATUS_WORDS, statusOf } from '../../../src/vocab/status.js';
import { COUNTED, EXTRAS, PART_ORDERS, PETITION_SCOPES, TOTAL_SHAPES, countedBy, readSummary } from '../../../src/stages/4-extract/totals.js';
import { LABELS, readLabels } from '../../../src/vocab/labels.js';

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
  ];
  test.each(paraphrases)('%s: %s', (enumerates, cue) => expect(readCue(cue)).toBe(enumerates));

  test('a cue with nothing after it but a semicolon is no list (npm run bench:fuzz -- --seed 42 crashed on it)', () => {
    expect(problemsOf('5 个小故事,走进崇阳巡察一线问题12：；')).toEqual({ problems: [], categories: [] });
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
  const rows = [...OTHER_COPIES, ...NOTICE_PHRASES, ...ANNOUNCEMENT_PHRASES, ...OTHER_PHRASES, ...NEWS_MARKERS];
  test.each(rows.map((r, i) => [i, r] as const))('row %i: its words are in its example', (_, r) => {
    expect(parts(r.example).some((p) => new RegExp(r.pattern.source, r.pattern.flags.replace('g', '')).test(p.replace(/\\n/g, '\n')))).toBe(true);
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
