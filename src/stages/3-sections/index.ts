import { z } from 'zod';
import { Category, Kind, Message, Meta, Problem, Span, Summary } from '../../schema.js';
import type { SegmentedDocument } from '../2-segment/index.js';
import { Heading, readStructure } from './items.js';
import { readEnumerations } from './enumerations.js';
import { findMarkers } from './markers.js';
import { decideKind } from './kind.js';
import { splitLines } from './lines.js';
import { issuerFromTitle, readHeaderDate, readInspection, readSignature, readSpeaker, readTitle } from './metadata.js';
import { readSummary } from './summary.js';
import type { Stage } from '../stage.js';

export { Heading } from './items.js';
export { STATUS_PHRASES } from './items.js';

const Evidence = z.object({ text: z.string(), span: Span });

/** What `3-sections.json` holds. */
export const SectionsOutput = z.object({
  id: z.string(),
  kind: Kind,
  /** Why the kind was chosen: the rules that fired, each with the text it saw. */
  kindEvidence: z.array(z.string()),
  meta: Meta.extend({
    titleSpan: Span.nullable(),
    issuerSpan: Span.nullable(),
    documentDateSpan: Span.nullable(),
    inspectionPeriodSpan: Span.nullable(),
    feedbackDateSpan: Span.nullable(),
    inspectionTeamSpan: Span.nullable().default(null),
  }),
  summary: Summary,
  /** The sentence the problem totals were read from. */
  summarySpan: Span.nullable(),
  /** Each total with the words it was read from (`整改完成率88%`), so the audit can judge a rate at its stated precision. */
  summaryEvidence: z.record(z.string(), Evidence).default({}),
  /** How the problems are written: labelled (1.问题1:), about (关于…的问题), numbered (1、… then 整改情况), bracket (【问题】), inline (一是…二是…), or null. */
  itemStyle: z.string().nullable().default(null),
  headings: z.array(Heading),
  categories: z.array(Category),
  problems: z.array(Problem),
  messages: z.array(Message),
});
export type SectionsOutput = z.infer<typeof SectionsOutput>;

export type SectionedDocument = SegmentedDocument & { sections: SectionsOutput };

/**
 * Finds the notice's structure (categories, problems and their rectifications), its metadata,
 * its stated totals and its kind. News never yields problem items: a report that quotes a list
 * of problems is not the notice that answers them.
 */
export function detectSections(doc: SegmentedDocument): SectionedDocument {
  const { text } = doc.clean;
  const { pageMeta } = doc.clean;
  const lines = splitLines(text);
  const messages: Message[] = [];
  const structure = readStructure(text, lines);
  let { problems, categories, itemStyle } = structure;
  if (problems.length === 0) {
    ({ problems, categories } = readEnumerations(text, findMarkers(text, doc.segment.tokens)));
    if (problems.length) itemStyle = 'inline';
  }
  const title = readTitle(lines, pageMeta);
  const signature = readSignature(lines);
  const issuer = signature.issuer ?? issuerFromTitle(title) ?? readSpeaker(lines);
  const documentDate = signature.date ?? readHeaderDate(lines, pageMeta, text);
  const { period, feedback, type, team } = readInspection(text, documentDate?.value ?? null);
  const { summary, span: summarySpan, evidence: summaryEvidence } = readSummary(text);
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
  return { ...doc, sections };
}

/** The totals tables, for readers who extend them: the problem total, the status clauses, and the extras. */
export { TOTAL_PATTERNS as SUMMARY_PATTERNS, STATUS_CLAUSES, EXTRA_PATTERNS } from './summary.js';

/** Stage 3: the notice's structure, metadata, totals and kind. */
export const stage = { name: 'sections', file: '3-sections.json', schema: SectionsOutput, run: detectSections, layer: (d) => d.sections } as const satisfies Stage<SegmentedDocument, SectionedDocument, SectionsOutput>;
