import { z } from 'zod';
import { DateMention, Message, NumberMention } from '../../schema.js';
import type { SectionedDocument } from '../3-sections/index.js';
import { findDates } from '../../mentions/dates.js';
import { findNumbers } from '../../mentions/numbers.js';
import type { Stage } from '../stage.js';

/** What `4-extract.json` holds: every quantity and date mention, with its span and value. */
export const ExtractOutput = z.object({
  id: z.string().describe('The document id: `003_7004f69c1b986a66`.'),
  numbers: z.array(NumberMention).describe('Every quantity mention outside dates, in text order, as in the final document.'),
  dates: z.array(DateMention).describe('Every date mention, in text order, as in the final document.'),
  messages: z.array(Message).describe('This stage’s findings: `extract/year-unknown`, `extract/date-repaired` ….'),
});
export type ExtractOutput = z.infer<typeof ExtractOutput>;

export type ExtractedDocument = SectionedDocument & { extract: ExtractOutput };

/**
 * Dates first, with the notice's own date as the reference for years left unsaid
 * (截至8月20日 in a notice dated 2024-08-26 → 2024-08-20); then quantities outside the dates,
 * so that 2024年 is a date and never the number 2024 年.
 */
export function extract(doc: SectionedDocument): ExtractedDocument {
  const { text } = doc.clean;
  const { dates, messages } = findDates(text, { documentDate: doc.sections.meta.documentDate });
  const numbers = findNumbers(text, { exclude: dates.map((d) => d.span) });
  return { ...doc, extract: { id: doc.clean.id, numbers, dates, messages } };
}

/** Stage 4: every quantity and date mention with its value. */
export const stage = { name: 'extract', file: '4-extract.json', schema: ExtractOutput, run: extract, layer: (d) => d.extract } as const satisfies Stage<SectionedDocument, ExtractedDocument, ExtractOutput>;
