import { z } from 'zod';
import { DateMention, Message, NumberMention } from './schema.js';
import type { SectionedDocument } from './detect-sections.js';
import { findDates } from './normalize/dates.js';
import { findNumbers } from './normalize/numbers.js';

/** What `4-extract.json` holds: every quantity and date mention, with its span and value. */
export const ExtractOutput = z.object({
  id: z.string(),
  numbers: z.array(NumberMention),
  dates: z.array(DateMention),
  messages: z.array(Message),
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
