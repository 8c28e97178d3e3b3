import type { FoundNumber, Summary } from '../../schema.js';
import { ALL_DONE, ALL_RESOLVED, DONE_VERBS, RATE_NAMES, RESOLVED, statusOf } from '../../vocab/status.js';
import type { Sentences } from '../2-segment/sentences.js';

/**
 * Totals, read from the number mentions (src/mentions/numbers.ts) and the words around each:
 * what a count counts is named by the noun after it (36个具体问题, 530项整改任务, 1390件信访件) or
 * before it (发现各类问题8483个, 信访举报115件), what it says of them by the verbs of its clause
 * (反馈, 已完成整改, 阶段性完成, 未完成). Only what the text states is read; every other field stays null.
 */
export const emptySummary = (): Summary => ({
  totalProblems: null, totalUnit: null, completed: null, partial: null, notCompleted: null, completionRate: null,
  petitionsReceived: null, petitionsResolved: null,
  immediateItems: null, immediateResolved: null, rulesMade: null, moneyRecovered: null, peopleHeldAccountable: null,
});

/** Where each total was read: the exact surface, so the audit can judge a rate at its stated precision. */
export type SummaryEvidence = Partial<Record<keyof Summary, { text: string; span: [number, number] }>>;

/** What a count counts. */
export type Counted = 'problem' | 'task' | 'petition' | 'clue' | 'measure' | 'case' | 'category' | 'immediate' | 'other';

/**
 * The nouns of counts, tried on the words right after the count, then on those right before it.
 * Each row has the phrase it was written from; the first row that matches wins.
 */
export const COUNTED: { counts: Counted; after?: RegExp; before?: RegExp; example: string }[] = [
  { counts: 'clue', after: /^(?:问题)?线索/, before: /线索$/, example: '移交问题线索1193件 / 30件问题线索' },
  { counts: 'immediate', after: /^立行立改/, before: /立行立改(?:事项|问题)?$/, example: '巡视交办的立行立改事项12件' },
  { counts: 'petition', after: /^(?:群众)?(?:生态)?(?:环境)?(?:信访|举报|投诉)/, before: /(?:信访|举报|投诉)(?:举报|投诉)?件?(?:共计|共)?$/, example: '巡视移交的1390件信访件 / 转办第二十七批信访件50件 / 共收到群众来电、来信举报23311件' },
  { counts: 'category', after: /^(?:个|大)?(?:方面|大类|类别|领域|大项|类)/, example: '4个方面12类39个具体问题 / 6方面17项问题' },
  { counts: 'case', after: /^[^,，;；。]{0,8}?典型(?:问题|案例)|^(?:重大)?案例/, example: '集中公开通报56个违法违规重大典型问题 / 这57个重大问题典型案例' },
  { counts: 'problem', after: /^[^,，;；。:：\d]{0,8}?问题(?!线索)/, before: /问题(?:清单)?(?:共计|共)?$/, example: '巡视反馈的36个具体问题 / 4类主要问题 / 全市62个突出生态环境问题 / 发现问题247个' },
  { counts: 'task', after: /^(?:具体|主要)?(?:整改)?任务/, before: /整改任务(?:共计|共)?$/, example: '530项整改任务 / 扎实推进55项具体整改任务 / 共明确整改任务2164项' },
  { counts: 'measure', after: /^(?:条|项)?(?:整改)?(?:措施|意见建议|建议|意见|举措)/, before: /(?:措施|意见建议|建议|举措)$/, example: '提出整改意见建议375条 / 24个具体问题细化为199项措施' },
];

/** A count's words: its clause before it and the words after it, up to the clause's end. */
interface Count { mention: FoundNumber; before: string; after: string; sentence: number; clauseStart: number; clauseEnd: number; /** The words after it, up to 40 characters. */ rest: string; /** What it counts, read once. */ counted: Counted }

/** The measure words of counts of things (not people, money or rates). */
const COUNT_UNITS = new Set(['个', '项', '条', '件', '类']);
const CLAUSE_END = /[,，;；。:：!！?？\n]/;

/** How far a totals sentence is read around a count: a sentence of a notice, not a page without full stops. */
const SENTENCE_REACH = 400;

/** The counts inside `[from, to)`, by binary search over the counts in text order. */
function between(counts: Count[], from: number, to: number): Count[] {
  let lo = 0, hi = counts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (counts[mid]!.mention.span[0] < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Count[] = [];
  for (let i = lo; i < counts.length && counts[i]!.mention.span[0] < to; i++) if (counts[i]!.mention.span[1] <= to) out.push(counts[i]!);
  return out;
}

function countsOf(sentences: Sentences, numbers: FoundNumber[]): Count[] {
  const { text } = sentences;
  const counts: Count[] = [];
  for (const mention of numbers) {
    if (!COUNT_UNITS.has(mention.unit) || mention.approx !== null) continue;
    const [s, e] = mention.span;
    let a = s;
    while (a > 0 && !CLAUSE_END.test(text[a - 1]!) && s - a < 40) a--;
    // The words after a count name its noun and stop at a list's 、: "26个具体问题、29项整改措施已完成".
    let b = e;
    while (b < text.length && !CLAUSE_END.test(text[b]!) && text[b] !== '、' && b - e < 30) b++;
    const sentence = sentences.startOf(s, SENTENCE_REACH);
    const before = text.slice(a, s), after = text.slice(e, b);
    counts.push({ mention, before, after, sentence, clauseStart: a, clauseEnd: b, rest: text.slice(e, e + 40), counted: countedBy({ before, after }) });
  }
  return counts;
}

/** What a count counts: the noun after it, else the one before it; "4个方面" before "12类" counts categories. */
export function countedBy(count: Pick<Count, 'before' | 'after'>): Counted {
  // 12类39个具体问题: a count followed by another count is part of a breakdown.
  if (/^\s*\d/.test(count.after)) return 'category';
  for (const row of COUNTED) if (row.after?.test(count.after.trimStart())) return row.counts;
  for (const row of COUNTED) if (row.before?.test(count.before.trimEnd())) return row.counts;
  return 'other';
}

/**
 * Verbs that state a total rather than a part: "巡视反馈的36个具体问题" / "共发现各类问题8483个" /
 * "对12个方面32个问题认真进行了整改" / "整改方案明确的530项整改任务" / "共明确整改任务2164项".
 */
const TOTAL_VERB = /反馈|反映|发现|通报|指出|存在|移交|交办|梳理|查出|形成|明确|针对|对|共|累计|合计|推进|列出/;

/**
 * A count that states a total: a total verb in its clause and no status word (已完成整改23个 is a
 * part), or a count whose parts follow it at once ("我省66项整改任务已完成37项").
 */
function statesTotal(c: Count): boolean {
  if (TOTAL_VERB.test(c.before) && statusOf(c.before + c.after) === null) return true;
  return (PARTS_FOLLOW.test(c.after) || PARTS_NEXT.test(c.rest)) && statusOf(c.before) === null;
}

/** Parts right after a count: "66项整改任务已完成37项" / "45个具体问题有39个已完成整改". */
const PARTS_FOLLOW = /^[^,，;；。\d]{0,12}?(?:已|均已)?(?:完成|整改)[^,，;；。]{0,6}\d|^[^,，;；。\d]{0,16}?\d+\s*[个项件条]\s*(?:已|均已)?(?:完成|整改)/;
/** …or in the clause after it: "全市62个突出生态环境问题,已完成整改40个". */
const PARTS_NEXT = new RegExp(`^[^,，;；。]{0,16}[,，]\\s*(?:目前|截至目前)?[,，]?\\s*(?:已|均已)?(?:${DONE_VERBS}|完成)\\s*\\d`);

/** The problem part of a totals sentence ends where another thing is counted: "…未完成1个;巡视移交的1390件信访件…". */
const OTHER_THING = /信访|线索|立行立改|工作节点|事项|制度|资金|人次/;
/** 整改完成率88% / 整改率91.29% / 完成率达99% / 总体完成率达到95% / 问题整改率为94.93.% (a stray dot); 占整改问题总数的96.18% right after the completed count. */
const RATE = new RegExp(`(?:${RATE_NAMES.map((r) => r.name).join('|')})[^%,，;；。\\d]{0,6}?(\\d+(?:\\.\\d+)?)\\.?\\s*%`);
const SHARE = /^\s*占[^,，;；。\d]{0,12}?(\d+(?:\.\d+)?)\s*%/;

/**
 * Problem totals: the first count of problems stated as a total, else of rectification tasks
 * (environmental 督察 notices count tasks: "整改方案明确的530项整改任务,已完成或基本完成274项"),
 * and the status counts of the clauses after it in its sentence. A sentence without a total
 * may still state parts ("有642个面上问题未完成整改").
 */
function readProblemTotals(sentences: Sentences, counts: Count[], summary: Summary, evidence: SummaryEvidence): [number, number] | null {
  const { text } = sentences;
  const totalSentences = new Set(counts.filter((c) => c.counted === 'problem' && statesTotal(c)).map((c) => c.sentence));
  // The first sentence that states a total of problems, or how many problems stand how.
  for (const c of counts) {
    if (c.counted !== 'problem' && c.counted !== 'other') continue;
    const end = sentences.endOf(c.mention.span[1], SENTENCE_REACH);
    if (c.counted === 'problem' && statesTotal(c)) {
      const span = setTotal(sentences, c, 'problem', counts, summary, evidence);
      // The total restated later with its parts: "对62个问题以清单的形式…" then "截至1月11日,全市62个突出生态环境问题,已完成整改40个".
      const stated = summary.completed !== null || summary.partial !== null || summary.notCompleted !== null || summary.completionRate !== null;
      for (const again of stated ? [] : counts) {
        if (again.mention.span[0] <= c.mention.span[1] || again.counted !== 'problem' || again.mention.value !== c.mention.value) continue;
        if (readParts(text, again.mention.span[1], sentences.endOf(again.mention.span[1], SENTENCE_REACH), counts, summary, evidence, 'problem', true)) break;
      }
      return span;
    }
    if (!/问题/.test(text.slice(c.sentence, end)) || totalSentences.has(c.sentence)) continue;
    if (readParts(text, c.sentence, end, counts, summary, evidence, 'problem')) return [c.sentence, end];
  }
  // No problem total: rectification tasks, the most specific (12项主要任务 … 55项具体整改任务).
  const tasks = counts.filter((c) => c.counted === 'task' && statesTotal(c));
  const task = tasks.find((c) => /具体/.test(c.after)) ?? tasks[0];
  return task ? setTotal(sentences, task, 'task', counts, summary, evidence) : null;
}

function setTotal(sentences: Sentences, c: Count, unit: 'problem' | 'task', counts: Count[], summary: Summary, evidence: SummaryEvidence): [number, number] {
  const { text } = sentences;
  summary.totalProblems = c.mention.value;
  summary.totalUnit = unit;
  evidence.totalProblems = { text: text.slice(c.clauseStart, c.clauseEnd).trim(), span: c.mention.span };
  const end = sentences.endOf(c.mention.span[1], SENTENCE_REACH);
  readParts(text, c.mention.span[1], end, counts, summary, evidence, unit, true);
  return [c.sentence, end];
}


/** The status counts and the rate in the clauses of `text[from, to)`; whether any was read. */
function readParts(text: string, from: number, to: number, counts: Count[], summary: Summary, evidence: SummaryEvidence, unit: 'problem' | 'task', afterTotal = false): boolean {
  // After a total the problem part ends where another thing is counted; without one, such clauses are passed over.
  const stop = afterTotal ? text.slice(from, to).search(OTHER_THING) : -1;
  const end = stop < 0 ? to : from + stop;
  let found = false;
  let last: string | null = null;
  for (const clause of clausesOf(text, from, end)) {
    const words = text.slice(clause[0], clause[1]);
    // A part speaks of the count before it in the sentence: "…移交的3665个信访举报问题,已整改完成3569个,完成率97.4%" are petitions.
    const aboutOther = !afterTotal && !ownedByProblems(counts, from, clause[0]);
    const rate = RATE.exec(words) ?? (last === 'completed' ? SHARE.exec(words) : null);
    // 完成率达到100%的51个 counts units that reached a rate, not problems.
    if (rate && !/%的/.test(words) && !aboutOther) {
      if (summary.completionRate === null) {
        summary.completionRate = Number((Number(rate[1]) / 100).toFixed(6));
        evidence.completionRate = { text: rate[0], span: [clause[0] + rate.index, clause[0] + rate.index + rate[0].length] };
        found = true;
      }
      last = 'rate';
      continue;
    }
    // All of them done, in the total's own sentence: "市委巡察组共反馈问题36个,目前已全部整改到位".
    const all = afterTotal && summary.totalProblems !== null && summary.completed === null ? ALL_DONE.exec(words) : null;
    if (all && between(counts, clause[0], clause[1]).length === 0) {
      summary.completed = summary.totalProblems;
      evidence.completed = { text: all[0], span: [clause[0] + all.index, clause[0] + all.index + all[0].length] };
      found = true;
      continue;
    }
    // The clause's last count is the one its status speaks of: "村级反馈的289个问题已完成整改259个".
    const count = between(counts, clause[0], clause[1]).pop();
    if (!count || /%的/.test(words) || (!afterTotal && OTHER_THING.test(words))) continue;
    const counted = count.counted;
    if (counted !== unit && counted !== 'other' && counted !== 'problem') continue;
    // A count of something else named right after it: "…未整改完成的15个被巡察党组织" counts organisations.
    if (counted === 'other' && /^\s*[\p{Script=Han}]/u.test(count.after) && statusOf(count.after) === null) continue;
    // Parts belong to the count before them in the sentence: "我省66项整改任务已完成37项" are tasks, not problems.
    if (!afterTotal && !ownedByProblems(counts, from, count.mention.span[0])) continue;
    // 已完成或基本完成274项 lumps two statuses: neither is stated.
    if (/或/.test(words) && /完成/.test(words)) continue;
    const status = statusOf(words.replace(count.mention.text, ''));
    const field = status === 'completed' ? 'completed' : status === 'partial' ? 'partial' : status === 'not-completed' ? 'notCompleted' : null;
    if (!field || summary[field] !== null) continue;
    const surface = words.replace(/[,，;；、。\n]+$/, '').trim();
    const at = clause[0] + words.indexOf(surface);
    summary[field] = count.mention.value;
    evidence[field] = { text: surface, span: [at, at + surface.length] };
    last = field;
    found = true;
  }
  return found;
}

/** Whether the last count that names its noun before `at` (in `[from, at)`) counts problems, or there is none. */
function ownedByProblems(counts: Count[], from: number, at: number): boolean {
  const owner = between(counts, from, at).filter((c) => c.counted !== 'other').pop();
  return !owner || ['problem', 'category'].includes(owner.counted);
}

function clausesOf(text: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let s = from;
  for (let i = from; i < to; i++) {
    if (/[,，;；、]/.test(text[i]!)) {
      out.push([s, i + 1]);
      s = i + 1;
    }
  }
  if (to > s) out.push([s, to]);
  return out;
}

/** Verbs by which petitions are received, in the order a batch passes them: 收到 before 受理 before 转办. */
const RECEIVED = /收到|受理|转办|交办|移交|接到|接收|共计|共|累计/;

/**
 * Petitions: the first count of petitions the text states as received, and the count resolved
 * after it. A notice that gives a batch and the running total ("第十一批27件" then "1-11批395件")
 * is read at the running total; one that gives only the resolved count has that alone.
 */
function readPetitions(sentences: Sentences, counts: Count[], summary: Summary, evidence: SummaryEvidence) {
  const { text } = sentences;
  const petitions = counts.filter((c) => c.mention.unit === '件' && c.counted === 'petition');
  const received = petitions.filter((c) => RECEIVED.test(c.before) || /^(?:群众)?(?:信访|举报|投诉)/.test(c.after.trimStart()) || !RESOLVED.test(c.before));
  // A running total over a batch: the largest count that has its resolved count after it, else the first.
  let best: { c: Count; resolved: Count | null } | null = null;
  for (const c of received) {
    const resolved = resolvedAfter(text, c, counts);
    const better = !best || (resolved !== null) !== (best.resolved !== null) ? !best || resolved !== null : best.c.mention.value < c.mention.value && /批/.test(text.slice(c.sentence, c.mention.span[0]));
    if (better) best = { c, resolved };
  }
  if (best) {
    summary.petitionsReceived = best.c.mention.value;
    evidence.petitionsReceived = { text: text.slice(best.c.clauseStart, best.c.clauseEnd).trim(), span: best.c.mention.span };
    if (best.resolved) setResolved(text, best.resolved, summary, evidence);
    else {
      // "…的6个立行立改问题和15件信访件,均已全部办结": every one resolved.
      const all = ALL_RESOLVED.exec(text.slice(best.c.mention.span[1], sentences.endOf(best.c.mention.span[1], SENTENCE_REACH)));
      if (all) {
        const at = best.c.mention.span[1] + all.index;
        summary.petitionsResolved = best.c.mention.value;
        evidence.petitionsResolved = { text: all[0], span: [at, at + all[0].length] };
      }
    }
    return;
  }
  // Only the resolved count: "督察组交办的群众举报生态环境问题,地方已办结28076件".
  const alone = counts.find((c) => c.mention.unit === '件' && RESOLVED.test(c.before) && /信访|举报|投诉/.test(text.slice(c.sentence, c.mention.span[0])));
  if (alone) setResolved(text, alone, summary, evidence);
}


function resolvedAfter(text: string, received: Count, counts: Count[]): Count | null {
  const from = received.mention.span[1];
  const window = text.slice(from, from + 120);
  const stop = window.search(/信访件?\d|立行立改|\n\n/);
  const limit = from + (stop < 0 ? window.length : stop);
  return between(counts, from, limit).find((c) => c.mention.unit === '件' && RESOLVED.test(c.before) && !/或/.test(c.before)) ?? null;
}

function setResolved(text: string, c: Count, summary: Summary, evidence: SummaryEvidence) {
  const m = RESOLVED.exec(c.before);
  const start = m ? c.clauseStart + m.index : c.mention.span[0];
  summary.petitionsResolved = c.mention.value;
  evidence.petitionsResolved = { text: text.slice(start, c.mention.span[1]), span: [start, c.mention.span[1]] };
}

/** Beside the totals, what readers ask for, each from the words before a mention; the largest mention wins (a running total over a batch). */
export const EXTRAS: { field: 'immediateItems' | 'immediateResolved' | 'rulesMade' | 'moneyRecovered' | 'peopleHeldAccountable'; before: RegExp; units: RegExp; example: string }[] = [
  { field: 'immediateItems', before: /立行立改(?:事项|问题)?\s*$/, units: /^[件个项条]$/, example: '巡视交办的立行立改事项12件' },
  { field: 'immediateResolved', before: /立行立改(?:事项|问题)?\s*\d+\s*[件个项条][,，]\s*(?:已)?(?:办结|完成|整改)\s*$/, units: /^[件个项条]$/, example: '立行立改事项12件,已办结12件' },
  { field: 'rulesMade', before: /(?:制定|完善|建立|修订|出台|健全|起草)[、和]?(?:完善|修订|健全)?(?:相关|规章)?制度\s*$/, units: /^[个项件条]$/, example: '建立完善规章制度768个 / 制定、完善制度1407项' },
  { field: 'moneyRecovered', before: /(?:追缴|挽回|清退|清收|补收|收缴|退还|退赔|追回)[^,，;；。\d]{0,8}?$/, units: /^元$/, example: '挽回经济损失172.74万元 / 清退清收资金23471.60万元' },
  { field: 'peopleHeldAccountable', before: /(?:问责|处分|追责)\s*$/, units: /^[人名]$/, example: '追责问责552人 / 问责8人' },
];

function readExtras(text: string, numbers: FoundNumber[], summary: Summary, evidence: SummaryEvidence) {
  for (const row of EXTRAS) {
    for (const m of numbers) {
      if (!row.units.test(m.unit) || m.approx !== null) continue;
      const before = text.slice(Math.max(0, m.span[0] - 40), m.span[0]);
      const found = row.before.exec(before);
      if (!found) continue;
      const current = summary[row.field];
      if (current === null || m.value > current) {
        const start = m.span[0] - (before.length - found.index);
        summary[row.field] = m.value;
        evidence[row.field] = { text: text.slice(start, m.span[1]), span: [start, m.span[1]] };
      }
    }
  }
}

/** Totals in the notice's own words, from its number mentions; only what the text states, every other field null. */
export function readSummary(sentences: Sentences, numbers: FoundNumber[]): { summary: Summary; span: [number, number] | null; evidence: SummaryEvidence } {
  const { text } = sentences;
  const summary = emptySummary();
  const evidence: SummaryEvidence = {};
  const counts = countsOf(sentences, numbers);
  const span = readProblemTotals(sentences, counts, summary, evidence);
  readPetitions(sentences, counts, summary, evidence);
  readExtras(text, numbers, summary, evidence);
  return { summary, span, evidence };
}
