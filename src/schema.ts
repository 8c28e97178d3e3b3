import { z } from 'zod';
import { Code, FailureCode, QualityFlag } from './codes.js';

export { Code, FailureCode, QualityFlag } from './codes.js';

/**
 * The document model. Every field carries a `.describe()`: what it means, its unit and an example
 * from a real notice. `schemas/*.schema.json` and the field tables of README.md and
 * docs/fields.md are made from these descriptions (`npm run schemas`).
 */

/** `[start, end)` in UTF-16 code units into the cleaned text; `text.slice(start, end)` is the mention. */
export const Span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type Span = z.infer<typeof Span>;

/** ISO calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const Level = z.enum(['error', 'warning', 'info']);

/** A finding about the content of one document: stable `code` (`stage/rule-id`), never an exception. */
export const Message = z.object({
  level: Level.describe('How serious: `error` (the output is wrong somewhere), `warning` (it may be), `info` (a repair or a choice the pipeline made).'),
  code: Code.describe('Stable rule id `stage/rule-id`, one of the diagnostic codes (docs/fields.md, Diagnostic codes): `validate/item-count-mismatch`.'),
  message: z.string().describe('What was found, in English, with the text it concerns: `the notice states 1263 problems but 2 items were found`.'),
  span: Span.nullable().describe('Where, `[start, end)` in the cleaned text; null for a finding about the whole document (`clean/encoding`).'),
});
export type Message = z.infer<typeof Message>;

export const Quality = z.object({
  flags: z.array(QualityFlag).describe('How this copy was repaired or why it is suspect: `traditional-script`, `pinyin-annotations`, `encoding-repaired`, `spun-text`; empty for a clean copy.'),
});

export const Approx = z.enum(['nearly', 'over', 'about', 'under']);
export type Approx = z.infer<typeof Approx>;

export const NumberMention = z.object({
  text: z.string().describe('The mention as written, approximation words included: `近17万份`.'),
  value: z.number().describe('The number, fully scaled: 近17万份 → 170000; 11.3万人次 → 113000; 28.13% → 28.13; a range’s lower bound (8~10名 → 8).'),
  valueMax: z.number().optional().describe('Only for a range, its upper bound: 8~10名 → 10.'),
  unit: z.string().describe('The measure word after scaling, in simplified script: 11.3万人次 → `人次`, 217.69万元 → `元`, 28.13% → `%`, 1407項 → `项` (dev d17).'),
  approx: Approx.nullable().describe('The approximation word: `nearly` 近/将近/接近, `over` 余/多/以上/超过, `about` 约/左右, `under` 不足/以下; null for an exact number. 近17万份 → `nearly`.'),
  span: Span.describe('`[start, end)` of `text` in the cleaned text: [8329, 8334] in corpus 003.'),
  problem: z.number().int().nullable().default(null).describe('The `number` of the problem whose statement or 整改情况 holds the mention (问题3’s 整改资金217.69万元 → 3); null outside every problem.'),
  category: z.number().int().nullable().default(null).describe('That problem’s category, or the category whose title holds the mention; null when neither.'),
});
export type NumberMention = z.infer<typeof NumberMention>;

export const DateMention = z.object({
  text: z.string().describe('The date as written: `2023年9月7日至11月10日`.'),
  start: IsoDate.nullable().describe('First day covered, ISO: 截至2023年10月 → `2023-10-01` (corpus 003); null for a deadline (…前) or when no year can be known.'),
  end: IsoDate.nullable().describe('Last day covered, ISO: 截至2023年10月 → `2023-10-31`; null for `since` (…以来) or when no year can be known.'),
  grain: z.enum(['day', 'month', 'quarter', 'season', 'year']).describe('The finest unit the text names: 2023年12月21日 → `day`, 2023年10月 → `month`, 2024年第三季度 → `quarter` (dev d31), 2025年春季 → `season`, 2013年以来 → `year` (corpus 003).'),
  kind: z.enum(['point', 'range', 'deadline', 'since']).describe('What the date marks, all four in corpus 003: `point` (截至8月20日), `range` (2023年9月7日至11月10日), `deadline` (2025年底前: only `end`), `since` (2013年以来: only `start`).'),
  yearInferred: z.boolean().describe('true when the year is not written and came from the context: 截至8月20日 in a notice dated 2024-08-26 → 2024-08-20 (corpus 003).'),
  span: Span.describe('`[start, end)` of `text` in the cleaned text: [9, 25] in corpus 003.'),
  problem: z.number().int().nullable().default(null).describe('The `number` of the problem whose statement or 整改情况 holds the date; null outside every problem.'),
  category: z.number().int().nullable().default(null).describe('That problem’s category, or the category whose title holds the date; null when neither.'),
});
export type DateMention = z.infer<typeof DateMention>;

/** A number as the readers find it, before the extract stage places it in the notice's structure. */
export type FoundNumber = Omit<NumberMention, 'problem' | 'category'>;
/** A date as the readers find it, before the extract stage places it. */
export type FoundDate = Omit<DateMention, 'problem' | 'category'>;

export const Period = z.object({
  start: IsoDate.describe('First day, ISO: `2023-09-07`.'),
  end: IsoDate.describe('Last day, ISO: `2023-11-10`.'),
});

export const InspectionType = z.enum(['巡视', '巡察', '审计', '督察']).describe('What kind of inspection the notice answers: `巡视`, `巡察`, `审计` or `督察`.');
export type InspectionType = z.infer<typeof InspectionType>;

export const Meta = z.object({
  title: z.string().nullable().describe('The notice’s title as written, or null when the text has none: `中共湖北省委关于十九届中央第六轮巡视整改进展情况的通报` (dev d22).'),
  issuer: z.string().nullable().describe('Who issued the notice, from the signature block, the title, a speaker line, the body a self-published notice names as inspected, or a 发布机构/来源 field naming a body: `中共汨罗市委` (corpus 003).'),
  documentDate: IsoDate.nullable().describe('The notice’s own date (signature or dateline), ISO: `2024-08-26` (corpus 003).'),
  inspectionPeriod: Period.nullable().describe('When the inspection team was on site: 2023年9月7日至11月10日 → 2023-09-07..2023-11-10 (corpus 003).'),
  feedbackDate: IsoDate.nullable().describe('When the inspection team gave its feedback, ISO: 2023年12月21日 → `2023-12-21` (corpus 003).'),
  inspectionType: InspectionType.nullable().default(null).describe('What kind of inspection the notice answers: `巡视`, `巡察`, `审计` or `督察`; null when none is named.'),
  inspectionTeam: z.string().nullable().default(null).describe('The team that inspected, as written: `省委第一巡视组` (corpus 003).'),
  titleSpan: Span.nullable().default(null).describe('Where `title` was read, `[start, end)` in the cleaned text; [0, 0] for a field of the web page outside the text; null with it.'),
  issuerSpan: Span.nullable().default(null).describe('Where `issuer` was read: [10751, 10757] (中共汨罗市委, corpus 003).'),
  documentDateSpan: Span.nullable().default(null).describe('Where `documentDate` was read: [10758, 10768] (2024年8月26日, corpus 003); [0, 0] for a field of the web page outside the text.'),
  inspectionPeriodSpan: Span.nullable().default(null).describe('Where `inspectionPeriod` was read: [9, 25] (2023年9月7日至11月10日, corpus 003).'),
  feedbackDateSpan: Span.nullable().default(null).describe('Where `feedbackDate` was read: [43, 54] (2023年12月21日, corpus 003).'),
  inspectionTeamSpan: Span.nullable().default(null).describe('Where `inspectionTeam` was read: [26, 33] (省委第一巡视组, corpus 003).'),
});
export type Meta = z.infer<typeof Meta>;

/** The words a value was read from, and where: `已完成整改23个` at [786, 794] (corpus 003). */
export const Evidence = z.object({
  text: z.string().describe('The words a value was read from: `已完成整改23个` (corpus 003).'),
  span: Span.describe('`[start, end)` of those words in the cleaned text: [786, 794] in corpus 003.'),
});
export type Evidence = z.infer<typeof Evidence>;

export const Summary = z.object({
  totalProblems: z.number().nullable().describe('Problems fed back, as the notice states: 反馈的36个具体问题 → 36 (corpus 003); null when it does not.'),
  totalUnit: z.enum(['problem', 'task']).nullable().default(null).describe('What totalProblems counts: `problem`, or `task` when the notice states only a total of rectification tasks (整改方案明确的530项整改任务 → 530, `task`, dev d55, as environmental 督察 notices count them); null when there is no total.'),
  completed: z.number().nullable().describe('Problems stated as done (已完成 / 已整改到位): 已完成整改23个 → 23 (corpus 003).'),
  partial: z.number().nullable().describe('Problems stated as mostly done (基本完成 / 阶段性完成): 阶段性完成整改12个 → 12 (corpus 003).'),
  notCompleted: z.number().nullable().describe('Problems stated as not done (未完成 / 正在整改 / 持续整改 / 申请延期): 未完成1个 → 1 (corpus 003).'),
  completionRate: z.number().min(0).max(1).nullable().describe('The stated completion rate, 0..1: 整改率91.29% → 0.9129 (dev d07).'),
  petitionsReceived: z.number().nullable().describe('Petitions (信访件) received: 1390件信访件 → 1390 (corpus 003).'),
  petitionsResolved: z.number().nullable().describe('Petitions resolved: 已办结1389件 → 1389 (corpus 003).'),
  immediateItems: z.number().nullable().default(null).describe('立行立改 items stated: 立行立改事项12件 → 12 (corpus 003).'),
  immediateResolved: z.number().nullable().default(null).describe('立行立改 items resolved: 立行立改事项12件,已办结12件 → 12 (corpus 003).'),
  rulesMade: z.number().nullable().default(null).describe('Rules made or revised: 建立完善规章制度768个 → 768 (dev d13).'),
  moneyRecovered: z.number().nullable().default(null).describe('Money recovered, in 元: 挽回经济损失172.74万元 → 1727400 (dev d09).'),
  peopleHeldAccountable: z.number().nullable().default(null).describe('People held accountable (问责 / 处分 / 追责): 问责552人 → 552 (dev d13).'),
});
export type Summary = z.infer<typeof Summary>;

export const Category = z.object({
  number: z.number().int().describe('The category’s position, 1, 2, 3 …: (一) → 1.'),
  title: z.string().describe('Its title without the 反馈问题: prefix: `践行正确政绩观有差距,提高发展“含金量”的紧迫感不强` (corpus 003).'),
  span: Span.describe('`[start, end)` of the title in the cleaned text: [881, 907] in corpus 003.'),
});
export type Category = z.infer<typeof Category>;

export const Status = z.enum(['completed', 'partial', 'not-completed']);
export type Status = z.infer<typeof Status>;

export const Problem = z.object({
  number: z.number().int().describe('The item’s position in reading order, 1, 2, 3 … whatever its marker says (its own number is `label`): 问题1 → 1.'),
  category: z.number().int().nullable().describe('The `number` of the category it is under, or null: 1 for 问题1 under (一) in corpus 003.'),
  text: z.string().describe('The problem statement: `依靠举债发展的路径依赖仍然存在,平台公司整合转型不够到位。` (corpus 003, 问题1).'),
  rectification: z.string().nullable().describe('The whole 整改情况 text, every paragraph of it: `制定《汨之源集团公司市场化转型方案》,加快市场化转型,…` (corpus 003, 问题1); null when there is none.'),
  status: Status.nullable().describe('The item’s own status phrase: `completed` 已完成 / 已整改到位, `partial` 基本完成 / 阶段性完成, `not-completed` 正在整改 / 持续整改; null when it states none.'),
  span: Span.describe('`[start, end)` of `text` in the cleaned text: [914, 943] in corpus 003.'),
  rectificationSpan: Span.nullable().describe('`[start, end)` of `rectification`: [949, 1105] in corpus 003; null with it.'),
  label: z.number().int().nullable().default(null).describe('The item’s own number as its marker writes it, which may restart in each category or start past 1 in an excerpt: `问题36` → 36, `(二)` → 2, `三是` → 3 (corpus 003); null for unnumbered items (semicolon clauses, bullets).'),
});
export type Problem = z.infer<typeof Problem>;

export const Kind = z
  .enum(['formal-notice', 'summary-notice', 'news', 'other'])
  .describe(
    'What the document is: `formal-notice` (the 通报 with its problems: corpus 003), `summary-notice` (a notice of totals only), `news` (a report that retells one), `other` (an inspection announcement, a self-assessment).',
  );
export type Kind = z.infer<typeof Kind>;

/** The rules that decide a document's kind, in the order they are tried (src/stages/4-extract/kind.ts). */
export const KindRule = z.enum([
  'other-copy', 'rectified-items', 'notice-phrase', 'announcement', 'other-phrase', 'other-title', 'news-marker',
  'disclosure', 'headline', 'categorised-findings', 'retold-findings', 'self-assessment', 'totals-bulletin', 'no-sign',
]);
export type KindRule = z.infer<typeof KindRule>;

/** Why the kind was chosen: the rule that fired and the words it saw. */
export const KindEvidence = z.object({
  rule: KindRule.describe('The rule that decided the kind: `other-copy` (a public notice of one item or a shared copy), `rectified-items` (numbered problems with rectifications), `notice-phrase`, `announcement`, `other-phrase` (a speech, report or explainer), `other-title`, `news-marker`, `disclosure` (a body discloses its totals), `headline`, `categorised-findings`, `retold-findings` (an inspection team’s findings in the bodies it inspected, retold), `self-assessment`, `totals-bulletin`, `no-sign` (none of the others).'),
  text: z.string().describe('The words the rule saw (`现将巡视整改进展情况予以公布`), or what it counted (`36 numbered problems with rectifications`, corpus 003).'),
  span: Span.nullable().describe('Where the rule saw its words, `[start, end)` in the cleaned text; null for a rule that counts.'),
});
export type KindEvidence = z.infer<typeof KindEvidence>;

/** A repost's link to the document it repeats: `{ id: '003', similarity: 0.98 }`. */
export const Repost = z.object({
  id: z.string().describe('The id of the document reposted: the first of the batch, in id order, with this text.'),
  similarity: z.number().min(0).max(1).describe('Estimated Jaccard similarity of 5-character shingles of the Han text, 0..1 (0.5 at least).'),
});
export type Repost = z.infer<typeof Repost>;

/** The final document, `5-validate.json`: the shape promised by CONTRACT.md. */
export const FinalDocument = z.object({
  id: z.string().describe('The document id: the input’s path relative to the folder given, without extension, `/` → `__`: `dev__d01`, `003_7004f69c1b986a66`.'),
  source: z.string().describe('The input file as given on the command line: `corpus/003_7004f69c1b986a66.txt`.'),
  sha256: z.string().describe('SHA-256 of the input bytes, hex: `370b4f8d…`.'),
  kind: Kind,
  kindEvidence: z.array(KindEvidence).default([]).describe('Why the kind was chosen: the rule that fired, with the words it saw and their span.'),
  quality: Quality.describe('How trustworthy this copy is.'),
  meta: Meta.describe('The notice’s metadata, each field null when the text does not state it, and each with the span it was read from.'),
  summary: Summary.describe('The totals the notice states, never computed; each null when absent.'),
  summarySpan: Span.nullable().default(null).describe('The sentence the problem totals were read from: [765, 857] in corpus 003; null when none states them.'),
  summaryEvidence: z.record(z.string(), Evidence).default({}).describe('Each total, keyed by its `summary` field, with the words it was read from and their span: `completed` → 已完成整改23个 at [786, 794] (corpus 003).'),
  categories: z.array(Category).describe('The headings that group problems: (一)反馈问题:…'),
  problems: z.array(Problem).describe('Each problem the inspection fed back, as the text enumerates it (问题1, 一、, (一), 一是…), with its rectification, in news as in notices.'),
  numbers: z.array(NumberMention).describe('Every quantity mention outside dates, in text order.'),
  dates: z.array(DateMention).describe('Every date mention, in text order.'),
  diagnostics: z.array(Message).describe('Every stage’s messages, then the audit’s: the arithmetic and numbering checks.'),
  minhash: z
    .array(z.number().int())
    .nullable()
    .default(null)
    .describe('MinHash signature of the Han text (128 numbers, as `minhash` in `1-clean.json`), so that reposts can be linked across any set of final documents, those of JSON Lines runs on many machines too; null for a text too short to have one.'),
  duplicateOf: Repost.nullable()
    .default(null)
    .describe('The earlier document of the batch this one reposts (estimated Jaccard similarity of their Han text ≥ 0.5), or null. A folder run links each document to those before it in its batch (id order) and writes it here; a JSONL line is a batch of its own, so it is null there.'),
});
export type FinalDocument = z.infer<typeof FinalDocument>;

/**
 * What a JSONL run writes for an input line it cannot process, in the final document's place,
 * so that every input line has its output line: a cluster keeps no document silently.
 */
export const ErrorRecord = z.object({
  id: z.string().nullable().describe('The line’s `id`, or null when the line has none (`not a JSON object`, `needs a string "id"`).'),
  line: z.number().int().positive().describe('The line’s number in the input of the run that wrote the record (a cluster task’s own input: its partition).'),
  source: z.string().describe('The `path` the line named, or else its id (`line 4` when it has none).'),
  error: z
    .object({
      code: FailureCode.describe('What kind of failure: `bad-line`, `empty`, `binary`, `undecodable`, `unreadable`, `too-large`, `limit`, `internal`, `failed`.'),
      message: z.string().describe('The reason, as a folder run lists it in run.json and documents.csv: `empty file`, `binary file: a PNG image, not text`.'),
    })
    .describe('Why the line could not be processed.'),
});
export type ErrorRecord = z.infer<typeof ErrorRecord>;
