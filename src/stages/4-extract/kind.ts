import type { Kind, KindEvidence, KindRule, Problem, Summary } from '../../schema.js';
import type { Line } from '../3-sections/lines.js';
import { BREADCRUMB_START } from '../../vocab/chrome-lines.js';
import { COUNTING_NUMERALS } from '../../vocab/numerals.js';
import type { Sentences } from '../2-segment/sentences.js';

/** Phrases by which a notice publishes its own rectification; a quoted title (《…》) is someone else's. */
export const NOTICE_PHRASES: { pattern: RegExp; example: string }[] = [
  { pattern: /现将[^。《》]{0,30}?(?:整改|情况)[^。《》]{0,20}?(?:予以公布|予以公开|公布如下|通报如下|报告如下|予以通报)/, example: '现将巡视整改进展情况予以公布。 / 现将有关情况报告如下:' },
  { pattern: /(?<!《[^》]{0,80})关于[^。《》\n]{0,80}?整改[^。《》\n]{0,20}?情况的(?:通报|报告)(?![^《]{0,80}》)/, example: '中共湖北省委关于十九届中央第六轮巡视整改进展情况的通报' },
  { pattern: /(?:整改情况|整改进展情况)报告如下|报告的主要内容如下/, example: '就我市2021年度市本级审计工作报告反映问题的整改情况报告如下' },
  // A government's report to its congress on the rectification of what its audit found is the body's own report.
  { pattern: /向[^。\n]{0,12}人大常委会(?:会议)?报告[^。\n]{0,80}?整改(?:情况|结果)/, example: '受区政府委托,现向区人大常委会报告罗湖区2023年度本级预算执行和其他财政收支审计查出问题整改情况,请予审议。' },
  // A report titled without 关于, a line of its own: an audit or an environmental inspection's rectification, reported by the body.
  { pattern: /^[ \t\u3000]*[^。，,;；:：《》\n]{0,60}整改[^。，,;；:：《》\n]{0,30}情况的?(?:通报|报告)[ \t\u3000]*$/m, example: '罗湖区2023年度本级预算执行和其他财政收支审计查出问题整改情况的报告 / 昆明市整改落实云南省环境保护督察反馈意见问题情况报告' },
];

/** A notice that announces an inspection or a review and its schedule, not rectification: 其他. */
export const ANNOUNCEMENT_PHRASES: { pattern: RegExp; example: string }[] = [
  { pattern: /现将有关事项(?:通知|公告)如下|现公告如下|关于开展[^。\n]{2,60}的通知/, example: '关于开展校内巡察整改“回头看”评估工作的通知 / 十一届区委第五轮巡察于2023年3月14日开始,至5月26日结束。现将有关事项公告如下:' },
  { pattern: /(?:值班|举报)电话[^。]{0,40}受理来电|受理来电、?来(?:信|访)/, example: '巡察组设专门值班电话17365353495,工作日期间受理来电、来访' },
];

/**
 * Texts about rectification that are neither a notice, its totals nor a news report: other. A
 * public notice of one item's acceptance (公示), a shared document or a template: other, whatever
 * problems and rectifications they list.
 */
export const OTHER_COPIES: { pattern: RegExp; example: string }[] = [
  { pattern: /公示如下|公示期(?:间|为)?|公示日期|公示时间|进行公示|予以公示|(?:销号|验收)公示/, example: '现将问题整改完成情况公示如下: / 现将…整改任务落实情况进行公示(详见附表)。公示日期为2025年1月21日至2月8日' },
  // Placeholders for names and dates mark a template: "XX年4月上旬" / "X月X日,XXX扫黑除恶专项斗争第X督导组" / "*年*月*日" / "20xx年x月x日".
  { pattern: /(?:X{1,3}|\*|x{1,2})\s*[年月日届市县区镇街轮][^\n]{0,200}?(?:X{1,3}|\*|x{1,2})\s*[年月日届市县区镇街轮个组]/, example: '关于X届县委第X轮巡察情况综合汇报 / XX 市 XX 区:聚焦“可视”“有感” / *年*月*日至*月*日,中央第五生态环境保护督察组' },
  { pattern: new RegExp(`文档编号|上传(?:人|时间)|由会员分享|第\\s*\\d+\\s*页\\s*/\\s*共\\s*\\d+\\s*页|\\.docx?\\b|【提纲】|范文|[(（][${COUNTING_NUMERALS}\\d]+篇[)）]`), example: '上传人:Sc****h 文档编号:130947064 / 第1页 / 共61页 / 【提纲】一、提高政治站位' },
];

/** Speeches and reports to a congress, audit results announcements, explainers: other, unless a notice phrase says the text is a rectification notice. */
export const OTHER_PHRASES: { pattern: RegExp; example: string }[] = [
  { pattern: /^\s*(?:——|--)[^\n。]{0,16}在[^\n。]{2,40}(?:人大常委会|代表大会|会议)[^\n。]{0,10}上\s*$|各位委员|各位领导[,，、]\s*同志们/m, example: '——年11月27日在省十二届人大常委会第三十三次会议上 / 主任、各位副主任、秘书长、各位委员:' },
  { pattern: /审计结果公告/, example: '甘肃省2015年度省级预算执行和其他财政收支审计结果公告' },
  { pattern: /^\s*引言\s*$|本文(?:将|旨在|拟|试图)/m, example: '引言\n…本文将深入剖析广西巡视背后的故事,探讨巡视工作的重要意义' },
];

/** The head of a body's disclosure of its rectification figures. */
const DISCLOSURE = /(?:公开|公布|通报)[^。\n]{0,30}整改[^。\n]{0,10}情况|整改[^。\n]{0,12}简报/;

/** A title that names rules or an essay, not events: "环保督察整改方案规定" / "关于对X县对村巡察工作的思考(第2/2页)". */
const OTHER_TITLE = /(?:规定|办法|细则|条例|指南|制度)$|的思考|浅谈|浅析|心得体会|探析/;

/** Signs of a news report: bylines, wire datelines, reporters, reported speech. */
export const NEWS_MARKERS: { pattern: RegExp; example: string }[] = [
  { pattern: /本报讯|记者|通讯员|記者/, example: '本报讯 (记者 董渺 通讯员 杨江伟)' },
  { pattern: /(?:新华社|中新社|人民网|央视网)?[^\n。]{0,8}\d{0,2}月?\d{0,2}日?電】|[社网]\S{0,10}\d{1,2}月\d{1,2}日电/, example: '新华社北京2月9日电 / 【中新社北京十二月三日電】' },
  { pattern: /^(?:近日|日前|近期|最近|据悉|据了解|报载|報載)[,，:：]/m, example: '近日,阜阳市委医疗卫生领域第六专项巡察组…反馈会召开。' },
  { pattern: /[(（][^()（）\n]{2,16}?\s*报道[)）]\s*$/m, example: '(刘林昊 报道)' },
  { pattern: /[(（]\p{Script=Han}{2,4}(?:[ \u3000]+\p{Script=Han}{2,4})*[)）]\s*$/u, example: '…形成“建账-更新-销号”的完整链条。(谢进 刘海东)' },
  { pattern: /(?:^|。)[^。\n]{0,20}?(?:\d{1,2}月\d{1,2}日|近日|日前)(?:上午|下午|晚上?)?[,，]?[^。\n]{0,40}?(?:召开|举行|举办)/m, example: '7月7日下午,机械优集学院党委在南校区机械馆报告厅召开巡察整改情况通报会 / 2020年5月11日,卫滨区委第一巡察组在胜利路街道召开巡察情况反馈会' },
  { pattern: /(?:^|。)\s*会上[,，]|(?:主持|出席)(?:会议|活动)/m, example: '会上,区委村居第一巡察组反馈了新华社区存在的4类主要问题' },
];

/** A line that is only a date or a page stamp: "2024-05-29", "2019年05月01日 21:46". */
const DATE_ONLY = /^\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}[:：]\d{2}(?::\d{2})?)?\s*$/;

/**
 * The headline: the title the sections stage read, unless it is a notice's (关于…的通报), else the first line of content when
 * it is short and no sentence; a line that is only a date is none ("2024-05-29" above a petition bulletin).
 */
function headline(lines: Line[], title: string | null): Line | null {
  if (title && /关于.+的(?:通报|报告|通知)$/.test(title)) return null;
  const titled = title ? lines.find((l) => l.text.includes(title)) : undefined;
  if (titled) return titled;
  const first = lines.find((l) => {
    const t = l.text.trim();
    return t && !BREADCRUMB_START.test(t) && !/^(?:来源|发布|时间|国内统一刊号|>|.*->)/.test(t);
  });
  const t = first?.text.trim();
  if (!first || !t || t.length > 45 || /[。;；]$/.test(t) || /[。]/.test(t) || DATE_ONLY.test(t)) return null;
  return first;
}

/**
 * Problems told by a third party: the findings an inspection made in the bodies it inspected, its
 * feedback to them, or their public naming. A text that tells its problems so, and is no notice of
 * the inspected body's own (no notice phrase, no rectifications), is a report of them: news; a
 * list of problems told by nobody is the body's self-assessment.
 */
export const RETOLD: { pattern: RegExp; example: string }[] = [
  { pattern: /(?:巡视|巡察|督察)组[^。]{0,60}?(?:对|进驻)[^。]{1,200}?(?:进行|开展|实施)了?[^。]{0,12}?(?:巡视|巡察|督察)/, example: '四届市委第九轮巡察安排8个巡察组,对市水利局党组…等4个党组织进行了常规巡察 (dev d88) / 5个巡察组分别对县国土局…5个县直单位党组织开展了巡察 (dev d54)' },
  { pattern: /(?:巡视|巡察|督察)组?[^。]{0,40}?向[^。]{1,200}?(?:反馈[^。]{0,6}?(?:巡视|巡察|督察)?(?:情况|意见)|(?:巡视|巡察|督察)反馈)/, example: '7月19日,市委第三巡察组向市政府办公室党组反馈了巡察情况 (wild w009) / 三个巡察组分别向…等6家二级党委进行了“一对一”的巡察反馈 (wild w100)' },
  { pattern: /(?:巡视|巡察|督察)(?:组|机构)?(?:指出|发现)[,，:：]/, example: '巡视组指出,天津的圈子文化… (wild w089) / 督察发现,一些地方… (wild w067)' },
  { pattern: /约谈[^。]{0,40}?(?:政府|党委|负责人)|(?:公开)?通报[^。]{0,12}?\d+[个起件][^。]{0,12}?(?:典型)?问题/, example: '生态环境部就…整改不力约谈安徽池州…等6市(区)政府 (wild w125) / 集中公开通报56个违法违规重大典型问题 (wild w066)' },
  { pattern: /^[\p{Script=Han}]{2,4}(?:指出|强调)[,，:：]/mu, example: '边卫华指出,综合分析,共性问题主要有:一是… (wild w126)' },
];

/** The evidence of a rule whose pattern matched at `m` in `text` (from offset `from`). */
const saw = (rule: KindRule, m: RegExpExecArray, from = 0): KindEvidence => {
  const lead = m[0].length - m[0].trimStart().length;
  const words = m[0].trim();
  return { rule, text: words, span: [from + m.index + lead, from + m.index + lead + words.length] };
};

/**
 * The kind, decided from evidence in the text; each rule that fires is recorded. Order matters:
 * numbered problems with rectifications make a formal notice whatever else the text says.
 */
export function decideKind(sentences: Sentences, lines: Line[], problems: Problem[], summary: Summary, title: string | null, categories = 0): { kind: Kind; evidence: KindEvidence[] } {
  const { text } = sentences;
  // A public notice of one item, a shared copy or a speech is other, whatever problems and rectifications it lists.
  for (const row of OTHER_COPIES) {
    const m = row.pattern.exec(text);
    if (m) return { kind: 'other', evidence: [saw('other-copy', m)] };
  }
  const rectified = problems.filter((p) => p.rectification);
  if (rectified.length > 0) return { kind: 'formal-notice', evidence: [{ rule: 'rectified-items', text: `${rectified.length} numbered problems with rectifications`, span: null }] };
  for (const row of NOTICE_PHRASES) {
    const m = row.pattern.exec(text);
    if (m) return { kind: 'formal-notice', evidence: [saw('notice-phrase', m)] };
  }
  for (const row of ANNOUNCEMENT_PHRASES) {
    const m = row.pattern.exec(text);
    if (m) return { kind: 'other', evidence: [saw('announcement', m)] };
  }
  for (const row of OTHER_PHRASES) {
    const m = row.pattern.exec(text);
    if (m) return { kind: 'other', evidence: [saw('other-phrase', m)] };
  }
  if (title && OTHER_TITLE.test(title)) return { kind: 'other', evidence: [{ rule: 'other-title', text: title, span: null }] };
  for (const row of NEWS_MARKERS) {
    const m = row.pattern.exec(text);
    if (m) return { kind: 'news', evidence: [saw('news-marker', m)] };
  }
  const figures = summary.petitionsReceived !== null || summary.totalProblems !== null || summary.completed !== null || /累计|共计|合计/.test(text);
  // A body's own disclosure of its totals: "四平市公开第二轮省级生态环境保护督察整改落实情况" / "…反馈意见整改工作简报(第六期)".
  if (figures && problems.length === 0) {
    for (const l of lines.slice(0, 6)) {
      const m = DISCLOSURE.exec(l.text);
      if (m) return { kind: 'summary-notice', evidence: [saw('disclosure', m, l.start)] };
    }
  }
  // Findings set out under categories, in a text no news marker signs, are the findings the inspected body discloses, whatever its headline.
  if (categories > 0) return { kind: 'formal-notice', evidence: [{ rule: 'categorised-findings', text: `${problems.length} problems under ${categories} categories`, span: null }] };
  const head = headline(lines, title);
  if (head) {
    const lead = head.text.length - head.text.trimStart().length;
    const words = head.text.trim();
    return { kind: 'news', evidence: [{ rule: 'headline', text: words, span: [head.start + lead, head.start + lead + words.length] }] };
  }
  // Problems a third party found, fed back or named, retold: a report of them (RETOLD).
  for (const row of problems.length > 0 ? RETOLD : []) {
    const m = row.pattern.exec(text);
    if (m) return { kind: 'news', evidence: [saw('retold-findings', m)] };
  }
  // A bare list, with no inspection told, is a self-assessment.
  if (problems.length > 0) return { kind: 'other', evidence: [{ rule: 'self-assessment', text: `${problems.length} problems stated without rectification`, span: null }] };
  // A bulletin is mostly figures: "已办结151件、阶段性办结209件、未办结35件,责令整改88家…"
  // A date line (a page stamp, a signature's date) says nothing.
  const said = sentences.texts().filter((s) => s.replace(/[。！？!?]+$/, '').length > 6 && !DATE_ONLY.test(s));
  const counted = said.filter((s) => /\d\s*(?:万|亿)?(?:件|个|项|条|家|人|元|%)/.test(s)).length;
  if (figures && said.length && counted / said.length >= 0.5) {
    return { kind: 'summary-notice', evidence: [{ rule: 'totals-bulletin', text: `${counted} of ${said.length} sentences are counts`, span: null }] };
  }
  return { kind: 'news', evidence: [{ rule: 'no-sign', text: '', span: null }] };
}
