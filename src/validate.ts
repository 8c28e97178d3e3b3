import type { ExtractedDocument } from './extract.js';
import { FinalDocument, type Message, type Problem, type Summary } from './schema.js';

/** What `5-validate.json` holds: the final document of CONTRACT.md. */
export const ValidateOutput = FinalDocument;
export type ValidatedDocument = ExtractedDocument & { final: FinalDocument };

/** A stated rate and the recomputed one may differ by rounding to two decimals of a percent. */
const RATE_TOLERANCE = 0.00006;

/** Problem numbers must run 1, 2, 3 … : a gap or a repeat means an item was lost or doubled. */
function auditNumbering(problems: Problem[]): Message[] {
  const messages: Message[] = [];
  const seen = new Set<number>();
  let expected = problems[0]?.number ?? 1;
  for (const p of problems) {
    if (seen.has(p.number)) messages.push({ level: 'error', code: 'validate/problem-number-repeated', message: `问题${p.number} appears more than once`, span: p.span });
    else if (p.number !== expected) messages.push({ level: 'warning', code: 'validate/problem-number-skipped', message: `expected 问题${expected}, found 问题${p.number}`, span: p.span });
    seen.add(p.number);
    expected = p.number + 1;
  }
  return messages;
}

/** The notice's own arithmetic: items against the stated total, parts against the whole, the rate. */
function auditTotals(summary: Summary, problems: Problem[], summarySpan: [number, number] | null): Message[] {
  const messages: Message[] = [];
  const { totalProblems: total, completed, partial, notCompleted, completionRate } = summary;
  if (total !== null && problems.length > 0 && problems.length !== total) {
    messages.push({ level: 'warning', code: 'validate/item-count-mismatch', message: `the notice states ${total} problems but ${problems.length} items were found`, span: summarySpan });
  }
  if (total !== null && completed !== null && (partial !== null || notCompleted !== null)) {
    const sum = completed + (partial ?? 0) + (notCompleted ?? 0);
    if (sum !== total) messages.push({ level: 'warning', code: 'validate/totals-mismatch', message: `completed ${completed} + partial ${partial ?? 0} + not completed ${notCompleted ?? 0} = ${sum}, not the stated total ${total}`, span: summarySpan });
  }
  if (total && completed !== null && completionRate !== null) {
    const recomputed = completed / total;
    if (Math.abs(recomputed - completionRate) > RATE_TOLERANCE + 0.005) {
      messages.push({ level: 'warning', code: 'validate/rate-mismatch', message: `stated completion rate ${(completionRate * 100).toFixed(2)}% but ${completed}/${total} = ${(recomputed * 100).toFixed(2)}%`, span: summarySpan });
    }
  }
  if (summary.petitionsReceived !== null && summary.petitionsResolved !== null && summary.petitionsResolved > summary.petitionsReceived) {
    messages.push({ level: 'warning', code: 'validate/petitions-exceed', message: `${summary.petitionsResolved} petitions resolved but only ${summary.petitionsReceived} received`, span: summarySpan });
  }
  return messages;
}

function auditRectifications(problems: Problem[]): Message[] {
  return problems
    .filter((p) => !p.rectification)
    .map((p) => ({ level: 'warning' as const, code: 'validate/no-rectification', message: `问题${p.number} has no rectification text`, span: p.span }));
}

/** Assembles the final document, audits it, and checks it against the contract's schema. */
export function validate(doc: ExtractedDocument): ValidatedDocument {
  const { clean, segment, sections, extract } = doc;
  const { titleSpan, issuerSpan, documentDateSpan, inspectionPeriodSpan, feedbackDateSpan, inspectionTeamSpan, ...meta } = sections.meta;
  const diagnostics: Message[] = [
    ...clean.messages,
    ...segment.messages,
    ...sections.messages,
    ...extract.messages,
    ...auditNumbering(sections.problems),
    ...auditTotals(sections.summary, sections.problems, sections.summarySpan),
    ...auditRectifications(sections.problems),
  ];
  const final = FinalDocument.parse({
    id: clean.id,
    source: clean.source,
    sha256: clean.sha256,
    kind: sections.kind,
    quality: clean.quality,
    meta,
    summary: sections.summary,
    categories: sections.categories,
    problems: sections.problems,
    numbers: extract.numbers,
    dates: extract.dates,
    diagnostics,
  });
  return { ...doc, final };
}
