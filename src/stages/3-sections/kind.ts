import type { Kind, Problem, Summary } from '../../schema.js';
import type { Line } from './lines.js';

/** Phrases by which a notice publishes its own rectification; a quoted title (《…》) is someone else's. */
export const NOTICE_PHRASES: { pattern: RegExp; example: string }[] = [
  { pattern: /现将[^。《》]{0,30}?(?:整改|情况)[^。《》]{0,20}?(?:予以公布|予以公开|公布如下|通报如下|报告如下|予以通报)/, example: '现将巡视整改进展情况予以公布。 / 现将有关情况报告如下:' },
  { pattern: /(?<!《[^》]{0,80})关于[^。《》\n]{0,80}?整改[^。《》\n]{0,20}?情况的(?:通报|报告)(?![^《]{0,80}》)/, example: '中共湖北省委关于十九届中央第六轮巡视整改进展情况的通报' },
  { pattern: /(?:整改情况|整改进展情况)报告如下|报告的主要内容如下/, example: '就我市2021年度市本级审计工作报告反映问题的整改情况报告如下' },
];

/** A notice that announces an inspection or a review and its schedule, not rectification: 其他. */
export const ANNOUNCEMENT_PHRASES: { pattern: RegExp; example: string }[] = [
  { pattern: /现将有关事项通知如下|关于开展[^。\n]{2,60}的通知/, example: '关于开展校内巡察整改“回头看”评估工作的通知' },
  { pattern: /(?:值班|举报)电话[^。]{0,40}受理来电|受理来电、?来(?:信|访)/, example: '巡察组设专门值班电话17365353495,工作日期间受理来电、来访' },
];

/** Signs of a news report: bylines, wire datelines, reporters, reported speech. */
export const NEWS_MARKERS: { pattern: RegExp; example: string }[] = [
  { pattern: /本报讯|记者|通讯员|記者/, example: '本报讯 (记者 董渺 通讯员 杨江伟)' },
  { pattern: /(?:新华社|中新社|人民网|央视网)?[^\n。]{0,8}\d{0,2}月?\d{0,2}日?電】|[社网]\S{0,10}\d{1,2}月\d{1,2}日电/, example: '新华社北京2月9日电 / 【中新社北京十二月三日電】' },
  { pattern: /^(?:近日|日前|近期|据悉|据了解|報載)[,，:：]/m, example: '近日,阜阳市委医疗卫生领域第六专项巡察组…反馈会召开。' },
];

/** The first line of content is a headline: short, no sentence punctuation, not a notice title. */
function headline(lines: Line[], title: string | null): string | null {
  const first = lines.map((l) => l.text.trim()).find((t) => t && !/^(?:当前位置|您的位置|首页|来源|发布|时间|国内统一刊号|>|.*->)/.test(t));
  if (!first || first.length > 45 || /[。;；]$/.test(first) || /[。]/.test(first)) return null;
  if (title && /关于.+的(?:通报|报告|通知)$/.test(title)) return null;
  return first;
}

/**
 * The kind, decided from evidence in the text; each rule that fires is recorded. Order matters:
 * numbered problems with rectifications make a formal notice whatever else the text says.
 */
export function decideKind(text: string, lines: Line[], problems: Problem[], summary: Summary, title: string | null): { kind: Kind; evidence: string[] } {
  const rectified = problems.filter((p) => p.rectification);
  if (rectified.length > 0) return { kind: 'formal-notice', evidence: [`${rectified.length} numbered problems with rectifications`] };
  for (const row of NOTICE_PHRASES) {
    const m = row.pattern.exec(text);
    if (m) return { kind: 'formal-notice', evidence: [`notice phrase: ${m[0]}`] };
  }
  for (const row of ANNOUNCEMENT_PHRASES) {
    const m = row.pattern.exec(text);
    if (m) return { kind: 'other', evidence: [`announcement of an inspection or review: ${m[0]}`] };
  }
  const news = NEWS_MARKERS.map((r) => r.pattern.exec(text)).find((m) => m);
  if (news) return { kind: 'news', evidence: [`news marker: ${news[0]}`] };
  const head = headline(lines, title);
  if (head) return { kind: 'news', evidence: [`headline: ${head}`] };
  if (problems.length > 0) return { kind: 'other', evidence: [`${problems.length} problems stated without rectification: a self-assessment, not a notice`] };
  const figures = summary.petitionsReceived !== null || summary.totalProblems !== null || summary.completed !== null || /累计|共计|合计/.test(text);
  // A bulletin is mostly figures: "已办结151件、阶段性办结209件、未办结35件,责令整改88家…"
  const sentences = text.split(/[。\n]/).filter((s) => s.trim().length > 6);
  const counted = sentences.filter((s) => /\d\s*(?:万|亿)?(?:件|个|项|条|家|人|元|%)/.test(s)).length;
  if (figures && sentences.length && counted / sentences.length >= 0.5) {
    return { kind: 'summary-notice', evidence: [`totals without items: ${counted} of ${sentences.length} sentences are counts, no headline and no news marker`] };
  }
  return { kind: 'news', evidence: ['a report without numbered problems, notice phrase or totals bulletin'] };
}
