import { z } from 'zod';
import { Category, InspectionType, Message, Problem, Span } from '../../schema.js';
import type { SegmentedDocument } from '../2-segment/index.js';
import { Heading, ItemStyle, readStructure } from './items.js';
import { readEnumerations } from './enumerations.js';
import { findMarkers } from './markers.js';
import { splitLines } from './lines.js';
import { type View, reline, spanInText } from './relines.js';
import { findMasthead, findSignature, issuerAboveTitle, issuerFromBody, issuerFromLabels, issuerFromTitle, readSpeaker, readTeam, readTitle } from './metadata.js';
import type { Stage } from '../stage.js';
import { Sentences } from '../2-segment/sentences.js';

export { Heading, ItemStyle } from './items.js';

/** What `3-sections.json` holds: the notice's structure and the metadata that is words. */
export const SectionsOutput = z.object({
  id: z.string().describe('The document id, as in every stage file: `003_7004f69c1b986a66`.'),
  meta: z.object({
    title: z.string().nullable().describe('The notice’s title as written, or null: `中共湖北省委关于十九届中央第六轮巡视整改进展情况的通报` (dev d22).'),
    issuer: z.string().nullable().describe('Who issued the notice: `中共汨罗市委` (corpus 003).'),
    inspectionType: InspectionType.nullable().describe('What kind of inspection the notice answers: `巡视`, `巡察`, `审计` or `督察`; null when none is named.'),
    inspectionTeam: z.string().nullable().describe('The team that inspected, as written: `省委第一巡视组` (corpus 003).'),
    titleSpan: Span.nullable().describe('Where `title` was read, `[start, end)` in the cleaned text; null with it.'),
    issuerSpan: Span.nullable().describe('Where `issuer` was read: [10751, 10757] (中共汨罗市委, corpus 003).'),
    inspectionTeamSpan: Span.nullable().describe('Where `inspectionTeam` was read: [26, 33] (省委第一巡视组, corpus 003).'),
  }).describe('The metadata that is words: title, issuer, the inspection team and its type, each with where it was read. The dates are read by the extract stage.'),
  /** How the problems are written: labelled (1.问题1:), about (关于…的问题), numbered (1、… then 整改情况), bracket (【问题】), inline (一是…二是…), or null. */
  itemStyle: ItemStyle.nullable().describe('How the problems are written: `labelled` (1.问题1:, corpus 003), `about` (关于…的问题), `numbered` (1、… then 整改情况), `bracket` (【问题】, or a field `问题:` / `整改任务:`), `inline` (一是…二是…), or null when no items were found.'),
  headings: z.array(Heading).describe('Every numbered heading line, in text order: 一、组织整改落实情况, (一)反馈问题:…, 1.问题1:….'),
  categories: z.array(Category).describe('The headings that group problems, as in the final document.'),
  problems: z.array(Problem).describe('The problems with their rectifications, as in the final document.'),
  messages: z.array(Message).describe('This stage’s findings: an item whose marker lost its mark and was read in its list anyway (`sections/marker-slip`).'),
});
export type SectionsOutput = z.infer<typeof SectionsOutput>;

export type SectionedDocument = SegmentedDocument & { sections: SectionsOutput };

/**
 * Finds the notice's structure (categories, problems and their rectifications) and the metadata
 * that is words (title, issuer, inspection team). Problems are read in news as in notices: a
 * report that quotes the problems an inspection found lists them too. Numbers, dates, totals and
 * the kind are the extract stage's.
 */
export function detectSections(doc: SegmentedDocument): SectionedDocument {
  const { text, pageMeta } = doc.clean;
  const lines = splitLines(text);
  // A page that lost its line breaks is read from a view with the lines its headings open (relines.ts).
  const view = reline(text, doc.segment.tokens);
  const read = view ?? { text, markers: findMarkers(text, doc.segment.tokens) };
  const structure = readStructure(read.text, view ? splitLines(read.text) : lines, read.markers);
  let { problems, categories } = structure;
  let itemStyle: ItemStyle | null = structure.itemStyle;
  let messages: Message[] = [];
  if (problems.length === 0) {
    ({ problems, categories, messages } = readEnumerations(read.text, read.markers));
    if (problems.length) itemStyle = 'inline';
  }
  let headings = structure.headings;
  if (view) ({ headings, categories, problems, messages } = inText(text, view, { headings, categories, problems, messages }));
  const title = readTitle(lines, pageMeta);
  const issuer = findSignature(lines).issuer ?? findMasthead(lines)?.issuer ?? issuerFromTitle(title) ?? issuerAboveTitle(lines, title) ?? readSpeaker(lines) ?? issuerFromBody(text) ?? issuerFromLabels(lines, text, pageMeta);
  const { team, type } = readTeam(new Sentences(text, doc.segment.sentences));
  const sections: SectionsOutput = {
    id: doc.clean.id,
    meta: {
      title: title?.value ?? null,
      issuer: issuer?.value ?? null,
      inspectionType: type,
      inspectionTeam: team?.value ?? null,
      titleSpan: title?.span ?? null,
      issuerSpan: issuer?.span ?? null,
      inspectionTeamSpan: team?.span ?? null,
    },
    itemStyle,
    headings,
    categories,
    problems,
    messages,
  };
  return { ...doc, sections };
}

/** What was read from the view of a page that lost its line breaks, its spans mapped back to the text and its words taken from there. */
function inText(text: string, view: View, read: { headings: Heading[]; categories: Category[]; problems: Problem[]; messages: Message[] }) {
  const at = (span: [number, number]) => spanInText(view, span);
  return {
    headings: read.headings.map((h) => {
      const span = at(h.span);
      const title = at([h.span[1] - h.title.length, h.span[1]]);
      return { ...h, span, title: text.slice(...title) };
    }),
    categories: read.categories.map((c) => ({ ...c, span: at(c.span), title: text.slice(...at(c.span)) })),
    problems: read.problems.map((p) => {
      const span = at(p.span);
      const rectificationSpan = p.rectificationSpan && at(p.rectificationSpan);
      return { ...p, span, text: text.slice(...span), rectificationSpan, rectification: rectificationSpan && text.slice(...rectificationSpan) };
    }),
    messages: read.messages.map((m) => ({ ...m, span: m.span && at(m.span) })),
  };
}

/** Stage 3: the notice's structure and the metadata that is words. */
export const stage = { name: 'sections', file: '3-sections.json', schema: SectionsOutput, run: detectSections, layer: (d) => d.sections } as const satisfies Stage<SegmentedDocument, SectionedDocument, SectionsOutput>;
