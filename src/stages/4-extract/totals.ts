import type { FoundNumber, Status, Summary } from '../../schema.js';
import { ALL_DONE, ALL_RESOLVED, DONE_VERBS, RATE_NAMES, RESOLVED, statusAt, statusOf, withoutStatus } from '../../vocab/status.js';
import type { Sentences } from '../2-segment/sentences.js';

/**
 * Totals, read from the number mentions (numbers.ts, beside this file) and the words around each:
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
export type Counted = 'problem' | 'task' | 'petition' | 'clue' | 'measure' | 'case' | 'category' | 'immediate' | 'organisation' | 'other';

/**
 * The nouns of counts, tried on the words right after the count, then on those right before it.
 * Each row has the phrase it was written from; the first row that matches wins. A row with a
 * `unit` types only counts in that measure word.
 */
export const COUNTED: { counts: Counted; unit?: string; after?: RegExp; before?: RegExp; example: string }[] = [
  { counts: 'clue', after: /^(?:问题)?线索/, before: /线索$/, example: '移交问题线索1193件 / 30件问题线索' },
  { counts: 'immediate', after: /^立行立改/, before: /立行立改(?:事项|问题)?$/, example: '巡视交办的立行立改事项12件' },
  { counts: 'petition', after: /^(?:群众)?(?:生态)?(?:环境)?(?:信访|举报|投诉)/, before: /(?:信访|举报|投诉)(?:举报|投诉)?(?:案件|件|问题)?(?:共计|共)?$/, example: '巡视移交的1390件信访件 / 转办第二十七批信访件50件 / 共收到群众来电、来信举报23311件 / 交办第十三批次群众环境信访案件共3件' },
  // In a 督察 text the 件 of 交办 problems are petitions (dev d108's headline; wild w033's 重点交办件 are read so already).
  { counts: 'petition', unit: '件', after: /^[^,，;；。:：\d]{0,6}?交办(?:的)?(?:问题|事项)/, example: '甘肃已办结2555件督察交办问题' },
  { counts: 'category', after: /^(?:个|大)?(?:方面|大类|类别|领域|大项|类)/, example: '4个方面12类39个具体问题 / 6方面17项问题' },
  // Accountability cases a 督察 hands over (dev d118, wild w050 w076) are cases, not the problems fed back.
  {
    counts: 'case',
    after: /^[^,，;；。]{0,8}?典型(?:问题|案例)|^(?:重大)?案例|^[^,，;；。]{0,10}?(?:责任追究|追责|问责)问题/,
    before: /(?:责任追究|追责|问责)问题(?:共计|共)?$/,
    example: '集中公开通报56个违法违规重大典型问题 / 这57个重大问题典型案例 / 共移交生态环境损害责任追究问题38个 / 针对督察组移交的6个生态环境损害责任追究问题',
  },
  // A count of bodies before the verb that gives them problems (wild w003, w016): not problems.
  { counts: 'organisation', after: /^(?:被巡[察视])?(?:单位|党组织|党支部|部门|企业)/, example: '亲自面对面向巡察整改涉及的29个单位交办整改问题清单 / 向本届区委巡察反馈问题未整改完成的15个被巡察党组织下发' },
  { counts: 'problem', after: /^[^,，;；。:：\d]{0,8}?问题(?!线索)/, before: /问题(?:清单)?(?:共计|共)?$/, example: '巡视反馈的36个具体问题 / 4类主要问题 / 全市62个突出生态环境问题 / 发现问题247个 / 督察反馈问题已完成整改304项' },
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
    counts.push({ mention, before, after, sentence, clauseStart: a, clauseEnd: b, rest: text.slice(e, e + 40), counted: countedBy({ before, after, unit: mention.unit }) });
  }
  // Kinds of problems that are not the finest level of their breakdown count categories: after a count
  // of 方面 ("中管企业5个方面21类问题", dev d29), or refined later in their sentence into problems
  // ("3个方面、9类问题,进一步细化为18个具体问题", dev d120). "4类主要问题:一、…" alone stays a total (dev d53).
  for (const c of counts) {
    if (c.mention.unit !== '类' || c.counted !== 'problem') continue;
    const end = sentences.endOf(c.mention.span[1], SENTENCE_REACH);
    if (/\d\s*个?方面[、，,和及]?\s*$/.test(c.before) || between(counts, c.mention.span[1], end).some((d) => d.counted === 'problem' && d.mention.unit !== '类')) c.counted = 'category';
  }
  return counts;
}

/** What a count counts: the noun after it, else the one before it; "4个方面" before "12类" counts categories. */
export function countedBy(count: { before: string; after: string; unit?: string }): Counted {
  // 12类39个具体问题: a count followed by another count is part of a breakdown.
  if (/^\s*\d/.test(count.after)) return 'category';
  const rows = COUNTED.filter((row) => row.unit === undefined || row.unit === count.unit);
  for (const row of rows) if (row.after?.test(count.after.trimStart())) return row.counts;
  for (const row of rows) if (row.before?.test(count.before.trimEnd())) return row.counts;
  // The noun may stand before the status verb: "督察反馈问题已完成整改304项" (dev d118, wild w126) counts problems.
  const noun = withoutStatus(count.before.trimEnd());
  if (noun !== null) for (const row of rows) if (row.before?.test(noun.trimEnd())) return row.counts;
  return 'other';
}

/**
 * Verbs that state a total rather than a part: "巡视反馈的36个具体问题" / "共发现各类问题8483个" /
 * "对12个方面32个问题认真进行了整改" / "整改方案明确的530项整改任务" / "共明确整改任务2164项".
 */
const TOTAL_VERB = /反馈|反映|发现|通报|指出|存在|移交|交办|梳理|查出|形成|明确|针对|对|共|累计|合计|推进|列出/;

/** Parts right after a count: "66项整改任务已完成37项" / "45个具体问题有39个已完成整改". */
const PARTS_FOLLOW = /^[^,，;；。\d]{0,12}?(?:已|均已)?(?:完成|整改)[^,，;；。]{0,6}\d|^[^,，;；。\d]{0,16}?\d+\s*[个项件条]\s*(?:已|均已)?(?:完成|整改)/;
/** …or in the clause after it: "全市62个突出生态环境问题,已完成整改40个". */
const PARTS_NEXT = new RegExp(`^[^,，;；。]{0,16}[,，]\\s*(?:目前|截至目前)?[,，]?\\s*(?:已|均已)?(?:${DONE_VERBS}|完成)\\s*\\d`);

/**
 * The shapes in which a count of problems (or tasks) states their total; the first that fits
 * makes it one. `before` is tried on the words of its clause before it, `after` on those after it
 * (to the clause's end), `rest` on the 40 characters after it; `free` is where no status word may
 * stand (a status word makes the count a part: "已完成整改23个").
 */
export const TOTAL_SHAPES: { shape: string; before?: RegExp; after?: RegExp; rest?: RegExp; free: 'clause' | 'before'; example: string }[] = [
  { shape: 'a verb of stating before the count', before: TOTAL_VERB, free: 'clause', example: '巡视反馈的36个具体问题 / 巡察组围绕“四个落实”和生产经营方面共计反馈问题60个 / 第一轮督察和“回头看”整改方案明确的3294项整改任务' },
  { shape: 'its parts right after it', after: PARTS_FOLLOW, free: 'before', example: '我省66项整改任务已完成37项 / 截至2020年7月底,45个具体问题有39个已完成整改' },
  { shape: 'its parts in the next clause', rest: PARTS_NEXT, free: 'before', example: '截至1月11日,全市62个突出生态环境问题,已完成整改40个' },
];

/** Whether a count states a total, in one of the shapes above. */
function statesTotal(c: Count): boolean {
  return TOTAL_SHAPES.some(
    (t) =>
      (!t.before || t.before.test(c.before)) &&
      (!t.after || t.after.test(c.after)) &&
      (!t.rest || t.rest.test(c.rest)) &&
      statusOf(t.free === 'clause' ? c.before + c.after : c.before) === null,
  );
}

/** Counts of things that run beside the problems, each with its own parts: petitions, clues, cases, 立行立改 items. */
const OTHER_STREAMS = new Set<Counted>(['petition', 'clue', 'case', 'immediate']);
/** The words that name petitions: 信访件, 群众举报, 投诉. */
const PETITION_WORDS = /信访|举报|投诉/;
/** The problem part of a totals sentence ends where another thing is counted: "…未完成1个;巡视移交的1390件信访件…". */
const OTHER_THING = /信访|线索|立行立改|工作节点|事项|制度|资金|人次/;
/** 整改完成率88% / 整改率91.29% / 完成率达99% / 总体完成率达到95% / 问题整改率为94.93.% (a stray dot); 占整改问题总数的96.18% right after the completed count. */
const RATE = new RegExp(`(?:${RATE_NAMES.map((r) => r.name).join('|')})[^%,，;；。\\d]{0,6}?(\\d+(?:\\.\\d+)?)\\.?\\s*%`);
/** A rate said only roughly states none: "完成率近60%" (dev d21, wild w007), "整改率达90%以上". */
const ROUGH_RATE = /[近约逾]|超过|接近|%\s*(?:以上|左右|多)/;
const SHARE = /^\s*占[^,，;；。\d]{0,12}?(\d+(?:\.\d+)?)\s*%/;

/**
 * Problem totals: the first count of problems stated as a total, else of rectification tasks
 * (environmental 督察 notices count tasks: "整改方案明确的530项整改任务,已完成或基本完成274项"),
 * and the status counts of the clauses after it in its sentence. A sentence without a total
 * may still state parts ("有642个面上问题未完成整改"); the first sentence of either kind is read,
 * as a notice gives its own level first ("完成镇级问题整改38个,整改完成率88%" before "村级反馈的
 * 289个问题已完成整改259个", dev d15).
 */
function readProblemTotals(sentences: Sentences, counts: Count[], summary: Summary, evidence: SummaryEvidence): [number, number] | null {
  const { text } = sentences;
  const totalSentences = new Set(counts.filter((c) => c.counted === 'problem' && statesTotal(c) && !partsBefore(text, counts, c)).map((c) => c.sentence));
  for (const c of counts) {
    if (c.counted !== 'problem' && c.counted !== 'other') continue;
    const end = sentences.endOf(c.mention.span[1], SENTENCE_REACH);
    if (c.counted === 'problem' && statesTotal(c) && !partsBefore(text, counts, c)) {
      const span = setTotal(sentences, c, 'problem', counts, summary, evidence);
      // The total restated later with its parts: "对62个问题以清单的形式…" then "截至1月11日,全市62个突出生态环境问题,已完成整改40个".
      const stated = summary.completed !== null || summary.partial !== null || summary.notCompleted !== null || summary.completionRate !== null;
      for (const again of stated ? [] : counts) {
        if (again.mention.span[0] <= c.mention.span[1] || again.counted !== 'problem' || again.mention.value !== c.mention.value) continue;
        if (readParts(text, again.mention.span[1], sentences.endOf(again.mention.span[1], SENTENCE_REACH), counts, summary, evidence, 'problem', true)) break;
      }
      if (summary.completed === null) allDoneLater(sentences, span[1], counts, summary, evidence);
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

/**
 * Whether parts stand before a count in its sentence: a total comes before its parts, so a count
 * of problems after "已整改完成479个,未整改到位36个" is one more thing found, not their total
 * ("…,新发现安全隐患问题1个", wild w127).
 */
function partsBefore(text: string, counts: Count[], c: Count): boolean {
  return between(counts, c.sentence, c.clauseStart).some((d) => partStatus(text.slice(d.clauseStart, d.clauseEnd), d.mention.span[0] - d.clauseStart, d.mention.text.length) !== null);
}

/** A sentence that only says every one is done, perhaps after a time: "截至目前,已全部完成整改。" */
const ALL_DONE_SENTENCE = new RegExp(`^(?:截至目前|截止目前|到目前为止|目前|截至[^,，;；。\\d]{0,4}\\d[^,，;；。]{0,10})?[,，]?\\s*(?:${ALL_DONE.source})[^,，;；。\\d]{0,4}[。！!]?$`);

/**
 * All done, said of the total in a later sentence of its own, before anything else is counted:
 * "对应34个具体问题清单制定了95条具体整改措施…" then "截至目前,已全部完成整改。" (dev d51).
 */
function allDoneLater(sentences: Sentences, from: number, counts: Count[], summary: Summary, evidence: SummaryEvidence) {
  const next = counts.find((c) => c.mention.span[0] >= from);
  const to = next ? next.mention.span[0] : sentences.text.length;
  for (const [s, e] of sentences.spans) {
    if (s < from) continue;
    if (s >= to) return;
    const m = ALL_DONE_SENTENCE.exec(sentences.text.slice(s, e));
    if (!m) continue;
    const all = ALL_DONE.exec(m[0])!;
    summary.completed = summary.totalProblems;
    evidence.completed = { text: all[0], span: [s + all.index, s + all.index + all[0].length] };
    return;
  }
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


/**
 * The two orders in which a clause says how many stand how, each with the words it lets stand
 * between the status words and the count (the count itself taken out of the clause): the status
 * first, the noun before it, between or after it; or the count first, its status after it.
 * Zero is a count like any other ("未完成0个").
 */
export const PART_ORDERS: { order: 'status, count' | 'count, status'; between: RegExp; example: string }[] = [
  { order: 'status, count', between: /^[^,，;；。\d]{0,16}$/, example: '已完成整改23个 / 已整改问题38个 / 完成问题整改122个 / 督察反馈问题已完成整改304项 / 基本完成取得阶段性成果并持续整改问题4个' },
  { order: 'count, status', between: /^[^,，;；。\d]{0,8}$/, example: '有39个已完成整改 / 有47项已完成整改 / 还有3个问题正在整改之中' },
];

/** How the clause `words` says its count (at `at`, `length` long) stands, in one of the orders above; null when it does not. */
function partStatus(words: string, at: number, length: number): Status | null {
  const bare = words.slice(0, at) + words.slice(at + length);
  const s = statusAt(bare);
  if (!s) return null;
  const order = s.index >= at ? 'count, status' : 'status, count';
  const gap = order === 'count, status' ? bare.slice(at, s.index) : bare.slice(Math.min(at, s.index + s.length), at);
  return PART_ORDERS.some((o) => o.order === order && o.between.test(gap)) ? s.status : null;
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
    if (rate && !/%的/.test(words) && !aboutOther && !ROUGH_RATE.test(words.slice(rate.index, rate.index + rate[0].length + 4))) {
      // A share of problems done is at most 100%: "任务完成率达120%" measures output against a plan, not a share of problems, and is not read.
      if (summary.completionRate === null && Number(rate[1]) <= 100) {
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
    const inClause = between(counts, clause[0], clause[1]);
    const count = inClause.pop();
    // After a total, a count of another stream ends its parts: "30项整改任务,…,交办的160件群众投诉举报案件,已办结154件" (dev d47).
    if (afterTotal && count && OTHER_STREAMS.has(count.counted)) break;
    // After a total, a clause that counts problems anew starts a subgroup ("51项问题中,2020年应完成整改的32项问题已完成整改29项",
    // dev d108) or a parallel total ("第二轮反馈问题22个"): the parts after it are not the total's.
    if (afterTotal && count && [...inClause, count].some((c) => (c.counted === unit || c.counted === 'problem') && (c !== count || statesTotal(c)))) break;
    if (!count || /%的/.test(words) || (!afterTotal && OTHER_THING.test(words))) continue;
    const counted = count.counted;
    if (counted !== unit && counted !== 'other' && counted !== 'problem') continue;
    // A count of something else named right after it: "…未整改完成的15个被巡察党组织" counts organisations.
    if (counted === 'other' && /^\s*[\p{Script=Han}]/u.test(count.after) && statusOf(count.after) === null) continue;
    // Petitions named before a count in 件 are what it counts: "督察组交办的群众举报生态环境问题,地方已办结28076件" (dev d84).
    if (!afterTotal && counted === 'other' && count.mention.unit === '件' && PETITION_WORDS.test(text.slice(from, clause[0]))) continue;
    // Parts belong to the count before them in the sentence: "我省66项整改任务已完成37项" are tasks, not problems;
    // a count that names problems itself is theirs ("…群众举报件已办结1468件,督察反馈问题已完成整改304项", dev d118).
    if (!afterTotal && counted !== 'problem' && !ownedByProblems(counts, from, count.mention.span[0])) continue;
    // 已完成或基本完成274项 lumps two statuses: neither is stated.
    if (/或/.test(words) && /完成/.test(words)) continue;
    const status = partStatus(words, count.mention.span[0] - clause[0], count.mention.text.length);
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
 * How a count of petitions received is said, from the running total down to one batch; the
 * first row that holds gives its rank. A bulletin gives the day's batch, then the running total
 * of the notice's area, and the running total is the one (dev d10, d114, d115, d126; wild w030
 * w031 w033 w034 w036). One batch stays one batch whatever else its clause says.
 */
export const PETITION_SCOPES: { scope: 'batch' | 'running' | 'together'; sentence?: RegExp; clause?: RegExp; example: string }[] = [
  { scope: 'batch', clause: /第[^,，;；。\d]{0,6}批/, example: '向巴彦淖尔市交办第十三批次群众环境信访案件共3件' },
  { scope: 'running', sentence: /^\s*(?:截至|截止|到目前为止|目前为止)/, example: '截至5月8日,省第二生态环境保护督察组共向我市转办信访件138件 / 截至6月17日,全区已对1-11批395件信访件进行调查处理' },
  { scope: 'running', clause: /累计|累計/, example: '截至4月24日,中央第一生态环境保护督察组通过省累计向我市转办信访件23件' },
  { scope: 'together', clause: /共计|共(?!同)|合计|总计/, example: '此轮督察共受理群众举报1964件' },
];
const SCOPE_RANK = { batch: 0, together: 1, running: 2 } as const;

/** The notice's own area, in the first person: "向我市转办信访件138件". */
const OWN_AREA = /我(?:省|市|区|县|州|盟|旗|镇|乡)/;

/**
 * The rank of a received count's scope. When the text names its own area in the first person, a
 * running total that does not name it may be another level's: a city's page "其中,交办我市信访件
 * 4件" then the province's "截至11月30日,共收到…交办信访件2711件…,已全部交办到各市州" (wild w032).
 */
function scopeOf(text: string, c: Count, ownNamed: boolean): number {
  const row = PETITION_SCOPES.find((r) => (!r.sentence || r.sentence.test(text.slice(c.sentence, c.mention.span[0]))) && (!r.clause || r.clause.test(c.before)));
  if (!row || (ownNamed && !OWN_AREA.test(c.before + c.after))) return 0;
  return SCOPE_RANK[row.scope];
}

/**
 * Petitions: the count of petitions the text states as received, and the count resolved after
 * it: the widest in scope (a running total over a single batch), then the first (收到 before 受理
 * before 转办) unless a later one has its resolved count after it, or is a larger count after 批.
 * One that gives only the resolved count has that alone.
 */
function readPetitions(sentences: Sentences, counts: Count[], summary: Summary, evidence: SummaryEvidence) {
  const { text } = sentences;
  const petitions = counts.filter((c) => c.mention.unit === '件' && c.counted === 'petition');
  const received = petitions.filter((c) => RECEIVED.test(c.before) || /^(?:群众)?(?:信访|举报|投诉)/.test(c.after.trimStart()) || !RESOLVED.test(c.before));
  const ownNamed = received.some((c) => OWN_AREA.test(c.before + c.after));
  let best: { c: Count; resolved: Count | null; scope: number } | null = null;
  for (const c of received) {
    const resolved = resolvedAfter(text, c, counts);
    const scope = scopeOf(text, c, ownNamed);
    const better =
      !best || scope !== best.scope
        ? !best || scope > best.scope
        : (resolved !== null) !== (best.resolved !== null)
          ? resolved !== null
          : best.c.mention.value < c.mention.value && /批/.test(text.slice(c.sentence, c.mention.span[0]));
    if (better) best = { c, resolved, scope };
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
  const alone = counts.find((c) => c.mention.unit === '件' && RESOLVED.test(c.before) && PETITION_WORDS.test(text.slice(c.sentence, c.mention.span[0])));
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
  // Not party dues: "4名党员半年党费收缴共计60元" (wild w158) describes a problem.
  { field: 'moneyRecovered', before: /(?<!党费)(?:追缴|挽回|清退|清收|补收|收缴|退还|退赔|追回)(?:(?!党费)[^,，;；。\d]){0,8}?$/, units: /^元$/, example: '挽回经济损失172.74万元 / 清退清收资金23471.60万元' },
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
