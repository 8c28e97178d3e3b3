import type { Summary } from '../../schema.js';
import { sentencesWith, toNumber } from './lines.js';

export const emptySummary = (): Summary => ({
  totalProblems: null, completed: null, partial: null, notCompleted: null, completionRate: null,
  petitionsReceived: null, petitionsResolved: null,
  immediateItems: null, immediateResolved: null, rulesMade: null, moneyRecovered: null, peopleHeldAccountable: null,
});

/** Where each total was read: the exact surface, so the audit can judge a rate at its stated precision. */
export type SummaryEvidence = Partial<Record<keyof Summary, { text: string; span: [number, number] }>>;

const N = '(\\d[\\d,，]*(?:\\.\\d+)?|[〇零一二两三四五六七八九十百千]+)';
const S = '\\s*';

/**
 * The problem total, the first phrase that counts problems (not clues, tasks or measures).
 * Each row has a real example.
 */
export const TOTAL_PATTERNS: { pattern: RegExp; example: string }[] = [
  { pattern: new RegExp(`(?:反馈|反映|发现|通报|指出|存在|移交|梳理|查出)(?:的|出|了)?[^,，;；。、]{0,12}?${S}${N}${S}(?:个|项|条)(?:具体|突出|普遍性)?问题(?!线索)`), example: '巡视反馈的36个具体问题 / 共反映1263个问题 / 对存在的471个问题进行整改 / 巡察发现6方面17项问题' },
  { pattern: new RegExp(`(?:反馈|发现)问题${S}${N}${S}(?:个|项|条)`), example: '发现问题247个' },
  { pattern: new RegExp(`(?:方面|大类|领域)的?${S}${N}${S}(?:个|项|条)(?:具体|突出)?问题(?!线索)`), example: '落实全面从严治党职责三大方面的45项问题' },
  { pattern: new RegExp(`(?:^|[,，;；、])${N}${S}(?:个|项|条)具体问题`), example: '分解出的4大类、13个大项、26个具体问题' },
];

/**
 * A clause of the totals sentence is read as one status; the first row whose words it holds
 * wins ("基本完成取得阶段性成果并持续整改问题4个" is partial, though it says 持续整改).
 */
export const STATUS_CLAUSES: { field: 'partial' | 'notCompleted' | 'completed'; pattern: RegExp; example: string }[] = [
  { field: 'partial', pattern: /基本完成|阶段性完成|阶段性成果|阶段性成效/, example: '阶段性完成整改12个 / 基本完成取得阶段性成果并持续整改问题4个' },
  { field: 'notCompleted', pattern: /未完成|未整改|尚未|正在整改|持续整改|申请延期|正在推进/, example: '未完成1个 / 正在整改6个 / 申请延期整改问题18个' },
  { field: 'completed', pattern: /完成整改|整改完成|完成[^,，;；。\d]{0,6}整改|已完成|已整改|整改到位|已销号|整改销号|^\s*整改问题|^\s*完成(?!率)/, example: '已完成整改23个 / 已整改销号问题453个 / 完成镇级问题整改38个 / 整改问题247个' },
];

/** Nouns that end the problem part of a totals sentence: "…未完成1个;巡视移交的1390件信访件…" */
const OTHER_COUNT = /信访|线索|立行立改|整改任务|整改措施|工作节点|事项/;
const COUNT = new RegExp(`${N}${S}(?:个|项|条|件)`);
/** 整改完成率88% / 整改率91.29% / 完成率达99% / 占整改问题总数的96.18% (right after the completed count). */
const RATE = new RegExp(`(?:完成率|整改率|销号率)[^%,，;；。\\d]{0,6}?(\\d+(?:\\.\\d+)?)${S}%`);
const SHARE = /^\s*占[^,，;；。\d]{0,12}?(\d+(?:\.\d+)?)\s*%/;

function readProblemTotals(text: string, summary: Summary, evidence: SummaryEvidence): [number, number] | null {
  // A totals sentence names 问题: every total pattern does, and without a total the sentence must at least be
  // about problems ("完成镇级问题整改38个" / "有642个面上问题未完成整改").
  for (const sentence of sentencesWith(text, /问题/g)) {
    const s = sentence.text;
    let totalAt: { index: number; length: number; value: number } | null = null;
    for (const row of TOTAL_PATTERNS) {
      const m = row.pattern.exec(s);
      if (m && (!totalAt || m.index < totalAt.index)) totalAt = { index: m.index, length: m[0].length, value: toNumber(m[1]!) };
    }
    const from = totalAt ? totalAt.index + totalAt.length : 0;
    // After a total, the problem part ends where another thing is counted: "…未完成1个;巡视移交的1390件信访件…"
    const cut = totalAt ? s.slice(from).search(OTHER_COUNT) : -1;
    const end = cut < 0 ? s.length : from + cut;
    const found: Summary = { ...summary };
    const seen: SummaryEvidence = {};
    let offset = from;
    let last: string | null = null;
    for (const clause of s.slice(from, end).split(/(?<=[,，;；、])/)) {
      const at = sentence.start + offset;
      offset += clause.length;
      const rate = RATE.exec(clause) ?? (last === 'completed' ? SHARE.exec(clause) : null);
      // 完成率达到100%的51个 counts units that reached a rate, not problems.
      if (rate && !/%的/.test(clause) && found.completionRate === null) {
        found.completionRate = Number((Number(rate[1]) / 100).toFixed(6));
        seen.completionRate = { text: rate[0], span: [at + rate.index, at + rate.index + rate[0].length] };
        last = 'rate';
        continue;
      }
      const count = COUNT.exec(clause);
      if (!count || /%的/.test(clause) || (!totalAt && OTHER_COUNT.test(clause))) continue;
      const row = STATUS_CLAUSES.find((r) => r.pattern.test(clause));
      if (!row || found[row.field] !== null) continue;
      const surface = clause.replace(/[,，;；、。\n]+$/, '');
      found[row.field] = toNumber(count[1]!);
      seen[row.field] = { text: surface, span: [at, at + surface.length] };
      last = row.field;
    }
    if (!totalAt && Object.keys(seen).length === 0) continue;
    if (!totalAt && !seen.completed && !seen.notCompleted && !seen.partial) continue;
    Object.assign(summary, found);
    Object.assign(evidence, seen);
    if (totalAt) {
      summary.totalProblems = totalAt.value;
      evidence.totalProblems = { text: s.slice(totalAt.index, totalAt.index + totalAt.length), span: [sentence.start + totalAt.index, sentence.start + totalAt.index + totalAt.length] };
    }
    return [sentence.start, sentence.start + s.replace(/\n$/, '').length];
  }
  return null;
}

/**
 * Petitions: "巡视移交的1390件信访件,已办结1389件" / "转办第二十七批信访件50件…已办结42件". A notice
 * that gives a batch and the running total ("第十一批27件" then "1-11批395件") is read at the
 * running total, the largest count.
 */
const PETITIONS_RECEIVED: { pattern: RegExp; example: string }[] = [
  { pattern: new RegExp(`${N}${S}件(?:群众)?(?:环境)?信访(?:举报|投诉)?件?`), example: '巡视移交的1390件信访件' },
  { pattern: new RegExp(`信访(?:举报|投诉)?件?(?:共计|共)?${S}${N}${S}件`), example: '转办第二十七批信访件50件' },
];
const PETITIONS_RESOLVED = new RegExp(`(?<!阶段性)(?:已)?办结${S}${N}${S}件`);

function readPetitions(text: string, summary: Summary, evidence: SummaryEvidence) {
  let best: { received: number; resolved: number | null; rSpan: [number, number]; rText: string; dSpan: [number, number] | null; dText: string } | null = null;
  for (const row of PETITIONS_RECEIVED) {
    for (const m of text.matchAll(new RegExp(row.pattern.source, 'g'))) {
      const received = toNumber(m[1]!);
      const after = m.index! + m[0].length;
      const window = text.slice(after, after + 90);
      const stop = window.search(/信访|立行立改|\n\n/);
      const d = PETITIONS_RESOLVED.exec(stop < 0 ? window : window.slice(0, stop));
      // A count with its resolved figure beats a bare one: "受理…信访举报115件,办结146件" over a headline's 3571件.
      const better = !best || (d !== null) !== (best.resolved !== null) ? !best || d !== null : received > best.received;
      if (better) {
        best = {
          received, resolved: d ? toNumber(d[1]!) : null, rSpan: [m.index!, after], rText: m[0],
          dSpan: d ? [after + d.index, after + d.index + d[0].length] : null, dText: d?.[0] ?? '',
        };
      }
    }
  }
  if (!best) return;
  summary.petitionsReceived = best.received;
  evidence.petitionsReceived = { text: best.rText, span: best.rSpan };
  if (best.resolved !== null && best.dSpan) {
    summary.petitionsResolved = best.resolved;
    evidence.petitionsResolved = { text: best.dText, span: best.dSpan };
  }
}

/** Beside the totals, what readers ask for; the largest mention wins (a running total over a batch). */
export const EXTRA_PATTERNS: { field: 'immediateItems' | 'immediateResolved' | 'rulesMade' | 'moneyRecovered' | 'peopleHeldAccountable'; pattern: RegExp; example: string }[] = [
  { field: 'immediateItems', pattern: new RegExp(`立行立改(?:事项|问题)?${S}${N}${S}(?:件|个|项|条)`), example: '巡视交办的立行立改事项12件' },
  { field: 'immediateResolved', pattern: new RegExp(`立行立改(?:事项|问题)?${S}\\d+${S}(?:件|个|项|条)[,，]\\s*(?:已)?(?:办结|完成|整改)${S}${N}${S}(?:件|个|项|条)`), example: '立行立改事项12件,已办结12件' },
  { field: 'rulesMade', pattern: new RegExp(`(?:制定|完善|建立|修订|出台|健全|起草)[、和]?(?:完善|修订|健全)?(?:相关|规章)?制度${S}${N}${S}(?:个|项|件|条)`), example: '建立完善规章制度768个 / 制定、完善制度1407项' },
  { field: 'moneyRecovered', pattern: new RegExp(`(?:追缴|挽回|清退|清收|补收|收缴|退还|退赔|追回)[^,，;；。\\d]{0,8}?${N}${S}(万|亿)?元`), example: '挽回经济损失172.74万元 / 清退清收资金23471.60万元' },
  { field: 'peopleHeldAccountable', pattern: new RegExp(`(?:问责|处分|追责)${S}${N}${S}(?:人|名)`), example: '追责问责552人 / 问责8人' },
];

function readExtras(text: string, summary: Summary, evidence: SummaryEvidence) {
  for (const row of EXTRA_PATTERNS) {
    for (const m of text.matchAll(new RegExp(row.pattern.source, 'g'))) {
      let value = toNumber(m[1]!);
      if (row.field === 'moneyRecovered') value = Math.round(value * (m[2] === '亿' ? 1e8 : m[2] === '万' ? 1e4 : 1) * 100) / 100;
      if (!Number.isFinite(value)) continue;
      const current = summary[row.field];
      if (current === null || value > current) {
        summary[row.field] = value;
        evidence[row.field] = { text: m[0], span: [m.index!, m.index! + m[0].length] };
      }
    }
  }
}

/** Totals in the notice's own words; only what the text states, every other field null. */
export function readSummary(text: string): { summary: Summary; span: [number, number] | null; evidence: SummaryEvidence } {
  const summary = emptySummary();
  const evidence: SummaryEvidence = {};
  const span = readProblemTotals(text, summary, evidence);
  readPetitions(text, summary, evidence);
  readExtras(text, summary, evidence);
  return { summary, span, evidence };
}
