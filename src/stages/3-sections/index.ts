import { z } from 'zod';
import { Category, DateMention, Kind, Message, Meta, NumberMention, Problem, Span, Summary } from '../../schema.js';
import type { SegmentedDocument } from '../2-segment/index.js';
import { Heading, readStructure } from './items.js';
import { readEnumerations } from './enumerations.js';
import { findMarkers } from './markers.js';
import { decideKind } from './kind.js';
import { splitLines } from './lines.js';
import { issuerAboveTitle, issuerFromTitle, readHeaderDate, readMasthead, readInspection, readSignature, readSpeaker, readTitle } from './metadata.js';
import { readSummary } from './totals.js';
import { resolveDates, scanDates } from '../../mentions/dates.js';
import { findNumbers } from '../../mentions/numbers.js';
import type { Stage } from '../stage.js';

export { Heading } from './items.js';
export { STATUS_PHRASES } from './status.js';

const Evidence = z.object({
  text: z.string().describe('The words a total was read from: `已完成整改23个` (corpus 003).'),
  span: Span.describe('`[start, end)` of those words in the cleaned text: [786, 794] in corpus 003.'),
});

/** What `3-sections.json` holds. */
export const SectionsOutput = z.object({
  id: z.string().describe('The document id, as in every stage file: `003_7004f69c1b986a66`.'),
  kind: Kind,
  /** Why the kind was chosen: the rules that fired, each with the text it saw. */
  kindEvidence: z.array(z.string()).describe('Why the kind was chosen: the rules that fired, each with the text it saw: `36 numbered problems with rectifications` (corpus 003).'),
  meta: Meta.extend({
    titleSpan: Span.nullable().describe('Where `title` was read, `[start, end)` in the cleaned text; null with it.'),
    issuerSpan: Span.nullable().describe('Where `issuer` was read: [10751, 10757] (中共汨罗市委, corpus 003).'),
    documentDateSpan: Span.nullable().describe('Where `documentDate` was read: [10758, 10768] (2024年8月26日, corpus 003).'),
    inspectionPeriodSpan: Span.nullable().describe('Where `inspectionPeriod` was read: [9, 25] (2023年9月7日至11月10日, corpus 003).'),
    feedbackDateSpan: Span.nullable().describe('Where `feedbackDate` was read: [43, 54] (2023年12月21日, corpus 003).'),
    inspectionTeamSpan: Span.nullable().default(null).describe('Where `inspectionTeam` was read: [26, 33] (省委第一巡视组, corpus 003).'),
  }).describe('The final document’s `meta`, and where each field was read.'),
  summary: Summary.describe('The totals the notice states, as in the final document.'),
  /** The sentence the problem totals were read from. */
  summarySpan: Span.nullable().describe('The sentence the problem totals were read from: [765, 857] in corpus 003; null when none states them.'),
  /** Each total with the words it was read from (`整改完成率88%`), so the audit can judge a rate at its stated precision. */
  summaryEvidence: z.record(z.string(), Evidence).default({}).describe('Each total, keyed by its `summary` field, with the words it was read from: `completed` → 已完成整改23个 (corpus 003).'),
  /** How the problems are written: labelled (1.问题1:), about (关于…的问题), numbered (1、… then 整改情况), bracket (【问题】), inline (一是…二是…), or null. */
  itemStyle: z.string().nullable().default(null).describe('How the problems are written: `labelled` (1.问题1:, corpus 003), `about` (关于…的问题), `numbered` (1、… then 整改情况), `bracket` (【问题】), `inline` (一是…二是…), or null when no items were found.'),
  headings: z.array(Heading).describe('Every numbered heading line, in text order: 一、组织整改落实情况, (一)反馈问题:…, 1.问题1:….'),
  categories: z.array(Category).describe('The headings that group problems, as in the final document.'),
  problems: z.array(Problem).describe('The problems with their rectifications, as in the final document.'),
  messages: z.array(Message).describe('This stage’s findings (it emits none at present).'),
});
export type SectionsOutput = z.infer<typeof SectionsOutput>;

/**
 * Every number and date mention, read once here (totals are read from the numbers, the
 * inspection's dates from the dates) and written by the extract stage.
 */
export interface Mentions { numbers: NumberMention[]; dates: DateMention[]; messages: Message[] }

export type SectionedDocument = SegmentedDocument & { sections: SectionsOutput; mentions: Mentions };

/**
 * Finds the notice's structure (categories, problems and their rectifications), its metadata,
 * its stated totals and its kind. Problems are read in news as in notices: a report that quotes
 * the problems an inspection found lists them too.
 */
export function detectSections(doc: SegmentedDocument): SectionedDocument {
  const { text } = doc.clean;
  const { pageMeta } = doc.clean;
  const lines = splitLines(text);
  const messages: Message[] = [];
  const markers = findMarkers(text, doc.segment.tokens);
  const structure = readStructure(text, lines, markers);
  let { problems, categories, itemStyle } = structure;
  if (problems.length === 0) {
    ({ problems, categories } = readEnumerations(text, markers));
    if (problems.length) itemStyle = 'inline';
  }
  const title = readTitle(lines, pageMeta);
  const signature = readSignature(lines);
  const masthead = readMasthead(lines);
  const issuer = signature.issuer ?? masthead?.issuer ?? issuerFromTitle(title) ?? issuerAboveTitle(lines, title) ?? readSpeaker(lines);
  const documentDate = signature.date ?? masthead?.date ?? readHeaderDate(lines, pageMeta, text);
  // Dates first, with the notice's own date for years left unsaid (截至8月20日 in a notice dated
  // 2024-08-26 → 2024-08-20); then quantities outside the dates, so that 2024年 is never 2024 年.
  const scan = scanDates(text);
  const { dates, messages: dateMessages } = resolveDates(scan, { documentDate: documentDate?.value ?? null });
  const numbers = findNumbers(text, { exclude: dates.map((d) => d.span) });
  const { period, feedback, type, team } = readInspection(text, dates);
  const { summary, span: summarySpan, evidence: summaryEvidence } = readSummary(text, numbers);
  const { kind, evidence } = decideKind(text, lines, problems, summary, title?.value ?? null);
  const sections: SectionsOutput = {
    id: doc.clean.id,
    kind,
    kindEvidence: evidence,
    meta: {
      title: title?.value ?? null,
      issuer: issuer?.value ?? null,
      documentDate: documentDate?.value ?? null,
      inspectionPeriod: period?.value ?? null,
      feedbackDate: feedback?.value ?? null,
      inspectionType: type,
      inspectionTeam: team?.value ?? null,
      titleSpan: title?.span ?? null,
      issuerSpan: issuer?.span ?? null,
      documentDateSpan: documentDate?.span ?? null,
      inspectionPeriodSpan: period?.span ?? null,
      feedbackDateSpan: feedback?.span ?? null,
      inspectionTeamSpan: team?.span ?? null,
    },
    summary,
    summarySpan,
    summaryEvidence: summaryEvidence as Record<string, { text: string; span: [number, number] }>,
    itemStyle,
    headings: structure.headings,
    categories,
    problems,
    messages,
  };
  return { ...doc, sections, mentions: { numbers, dates, messages: dateMessages } };
}

/** The totals tables, for readers who extend them: the problem total, the status clauses, and the extras. */
export { COUNTED, EXTRAS } from './totals.js';

/** Stage 3: the notice's structure, metadata, totals and kind. */
export const stage = { name: 'sections', file: '3-sections.json', schema: SectionsOutput, run: detectSections, layer: (d) => d.sections } as const satisfies Stage<SegmentedDocument, SectionedDocument, SectionsOutput>;
