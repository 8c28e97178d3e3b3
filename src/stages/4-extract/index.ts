import { z } from 'zod';
import { DateMention, Evidence, IsoDate, Kind, KindEvidence, Message, NumberMention, Period, Span, Summary } from '../../schema.js';
import type { SectionedDocument } from '../3-sections/index.js';
import { splitLines } from '../3-sections/lines.js';
import type { Stage } from '../stage.js';
import { Sentences } from '../2-segment/sentences.js';
import { resolveDates, scanDates } from './dates.js';
import { findNumbers } from './numbers.js';
import { readInspectionDates, readNoticeDate } from './notice-dates.js';
import { readSummary } from './totals.js';
import { decideKind } from './kind.js';
import { placeMentions } from './places.js';

/** What `4-extract.json` holds: every quantity and date mention, the dates of the notice, its totals and its kind. */
export const ExtractOutput = z.object({
  id: z.string().describe('The document id: `003_7004f69c1b986a66`.'),
  kind: Kind,
  kindEvidence: z.array(KindEvidence).describe('Why the kind was chosen: the rule that fired, with the words it saw: `rectified-items`, 36 numbered problems with rectifications (corpus 003).'),
  meta: z.object({
    documentDate: IsoDate.nullable().describe('The notice’s own date, ISO: `2024-08-26` (corpus 003).'),
    inspectionPeriod: Period.nullable().describe('When the inspection team was on site: 2023-09-07..2023-11-10 (corpus 003).'),
    feedbackDate: IsoDate.nullable().describe('When the inspection team gave its feedback: `2023-12-21` (corpus 003).'),
    documentDateSpan: Span.nullable().describe('Where `documentDate` was read: [10758, 10768] (2024年8月26日, corpus 003); [0, 0] for a field of the web page outside the text.'),
    inspectionPeriodSpan: Span.nullable().describe('Where `inspectionPeriod` was read: [9, 25] (2023年9月7日至11月10日, corpus 003).'),
    feedbackDateSpan: Span.nullable().describe('Where `feedbackDate` was read: [43, 54] (2023年12月21日, corpus 003).'),
  }).describe('The notice’s dates: its own, the inspection’s period and the feedback, each with where it was read.'),
  summary: Summary.describe('The totals the notice states, as in the final document.'),
  summarySpan: Span.nullable().describe('The sentence the problem totals were read from: [765, 857] in corpus 003; null when none states them.'),
  summaryEvidence: z.record(z.string(), Evidence).describe('Each total, keyed by its `summary` field, with the words it was read from: `completed` → 已完成整改23个 (corpus 003).'),
  numbers: z.array(NumberMention).describe('Every quantity mention outside dates, in text order, as in the final document.'),
  dates: z.array(DateMention).describe('Every date mention, in text order, as in the final document.'),
  messages: z.array(Message).describe('This stage’s findings: `extract/year-unknown`, `extract/date-repaired` ….'),
});
export type ExtractOutput = z.infer<typeof ExtractOutput>;

export type ExtractedDocument = SectionedDocument & { extract: ExtractOutput };

/**
 * Reads every number and date once, and from them what the notice states: its own date first
 * (so that 截至8月20日 in a notice dated 2024-08-26 is 2024-08-20), then every date, then the
 * quantities outside the dates (2024年 is never 2024 年), the inspection's period and feedback,
 * the totals, and with the structure the sections stage found, the kind and each mention's
 * problem and category.
 */
export function extract(doc: SectionedDocument): ExtractedDocument {
  const { text, pageMeta } = doc.clean;
  const { problems, categories, meta } = doc.sections;
  const lines = splitLines(text);
  const sentences = new Sentences(text, doc.segment.sentences);
  const documentDate = readNoticeDate(lines, pageMeta, text);
  const { dates, messages } = resolveDates(scanDates(text), { documentDate: documentDate?.value ?? null });
  const numbers = findNumbers(text, { exclude: dates.map((d) => d.span) });
  const { period, feedback } = readInspectionDates(sentences, dates);
  const { summary, span: summarySpan, evidence: summaryEvidence } = readSummary(sentences, numbers);
  const { kind, evidence } = decideKind(sentences, lines, problems, summary, meta.title, categories.length);
  return {
    ...doc,
    extract: {
      id: doc.clean.id,
      kind,
      kindEvidence: evidence,
      meta: {
        documentDate: documentDate?.value ?? null,
        inspectionPeriod: period?.value ?? null,
        feedbackDate: feedback?.value ?? null,
        documentDateSpan: documentDate?.span ?? null,
        inspectionPeriodSpan: period?.span ?? null,
        feedbackDateSpan: feedback?.span ?? null,
      },
      summary,
      summarySpan,
      summaryEvidence: summaryEvidence as Record<string, Evidence>,
      numbers: placeMentions(numbers, problems, categories),
      dates: placeMentions(dates, problems, categories),
      messages,
    },
  };
}

/** The totals tables, for readers who extend them: the problem total, the status clauses, and the extras. */
export { COUNTED, EXTRAS } from './totals.js';

/** Stage 4: every quantity and date mention with its value, the notice's dates, totals and kind. */
export const stage = { name: 'extract', file: '4-extract.json', schema: ExtractOutput, run: extract, layer: (d) => d.extract } as const satisfies Stage<SectionedDocument, ExtractedDocument, ExtractOutput>;
