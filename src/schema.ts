import { z } from 'zod';

/** `[start, end)` in UTF-16 code units into the cleaned text; `text.slice(start, end)` is the mention. */
export const Span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type Span = z.infer<typeof Span>;

/** ISO calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A finding about the content of one document: stable `code` (`stage/rule-id`), never an exception. */
export const Message = z.object({
  level: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
  span: Span.nullable(),
});
export type Message = z.infer<typeof Message>;

export const Quality = z.object({ flags: z.array(z.string()) });

export const Approx = z.enum(['nearly', 'over', 'about', 'under']);
export type Approx = z.infer<typeof Approx>;

export const NumberMention = z.object({
  text: z.string(),
  value: z.number(),
  valueMax: z.number().optional(),
  /** The measure word after scaling: 11.3万人次 → 人次, 217.69万元 → 元, 28.13% → %. */
  unit: z.string(),
  approx: Approx.nullable(),
  span: Span,
});
export type NumberMention = z.infer<typeof NumberMention>;

export const DateMention = z.object({
  text: z.string(),
  start: IsoDate.nullable(),
  end: IsoDate.nullable(),
  grain: z.enum(['day', 'month', 'quarter', 'season', 'year']),
  kind: z.enum(['point', 'range', 'deadline', 'since']),
  yearInferred: z.boolean(),
  span: Span,
});
export type DateMention = z.infer<typeof DateMention>;

export const Period = z.object({ start: IsoDate, end: IsoDate });

export const Meta = z.object({
  title: z.string().nullable(),
  issuer: z.string().nullable(),
  documentDate: IsoDate.nullable(),
  inspectionPeriod: Period.nullable(),
  feedbackDate: IsoDate.nullable(),
  /** What kind of inspection the notice answers: 巡视, 巡察, 审计 or 督察; null when none is named. */
  inspectionType: z.enum(['巡视', '巡察', '审计', '督察']).nullable().default(null),
  /** The team that inspected, as written: 省委第一巡视组, 中央第二巡视组. */
  inspectionTeam: z.string().nullable().default(null),
});
export type Meta = z.infer<typeof Meta>;

export const Summary = z.object({
  totalProblems: z.number().nullable(),
  completed: z.number().nullable(),
  partial: z.number().nullable(),
  notCompleted: z.number().nullable(),
  /** 0..1 as stated in the text (整改完成率98.71% → 0.9871). */
  completionRate: z.number().min(0).max(1).nullable(),
  petitionsReceived: z.number().nullable(),
  petitionsResolved: z.number().nullable(),
  /** 立行立改 items: 巡视交办的立行立改事项12件 → 12. */
  immediateItems: z.number().nullable().default(null),
  /** 立行立改 items resolved: 立行立改事项12件,已办结12件 → 12. */
  immediateResolved: z.number().nullable().default(null),
  /** Rules made or revised: 建立完善规章制度768个 → 768. */
  rulesMade: z.number().nullable().default(null),
  /** Money recovered, in 元: 挽回经济损失172.74万元 → 1727400. */
  moneyRecovered: z.number().nullable().default(null),
  /** People held accountable: 追责问责552人 → 552. */
  peopleHeldAccountable: z.number().nullable().default(null),
});
export type Summary = z.infer<typeof Summary>;

export const Category = z.object({ number: z.number().int(), title: z.string(), span: Span });
export type Category = z.infer<typeof Category>;

export const Status = z.enum(['completed', 'partial', 'not-completed']);
export type Status = z.infer<typeof Status>;

export const Problem = z.object({
  number: z.number().int(),
  category: z.number().int().nullable(),
  /** The problem statement. */
  text: z.string(),
  /** The whole 整改情况 text, every paragraph of it. */
  rectification: z.string().nullable(),
  status: Status.nullable(),
  span: Span,
  rectificationSpan: Span.nullable(),
});
export type Problem = z.infer<typeof Problem>;

export const Kind = z.enum(['formal-notice', 'summary-notice', 'news', 'other']);
export type Kind = z.infer<typeof Kind>;

/** A repost's link to the document it repeats: `{ id: '003', similarity: 0.98 }`. */
export const Repost = z.object({ id: z.string(), similarity: z.number().min(0).max(1) });
export type Repost = z.infer<typeof Repost>;

/** The final document, `5-validate.json`: the shape promised by CONTRACT.md. */
export const FinalDocument = z.object({
  id: z.string(),
  source: z.string(),
  sha256: z.string(),
  kind: Kind,
  quality: Quality,
  meta: Meta,
  summary: Summary,
  categories: z.array(Category),
  problems: z.array(Problem),
  numbers: z.array(NumberMention),
  dates: z.array(DateMention),
  diagnostics: z.array(Message),
  /**
   * MinHash signature of the document's Han text (128 numbers, as `minhash` in `1-clean.json`),
   * so that reposts can be linked across any set of final documents (`zhenggai csv` over JSON
   * Lines links them as a folder run does); null for a text too short to have one.
   */
  minhash: z.array(z.number().int()).nullable().default(null),
  /**
   * The earlier document of the batch this one reposts (estimated Jaccard similarity of their
   * Han text ≥ 0.5), or null. A folder run links the whole batch at its end and writes it here;
   * a JSONL line is a batch of its own, so it is null there (`zhenggai csv` links the lines).
   */
  duplicateOf: Repost.nullable().default(null),
});
export type FinalDocument = z.infer<typeof FinalDocument>;
