import { z } from 'zod';
import { DateMention, Message, NumberMention } from '../../schema.js';
import type { SectionedDocument } from '../3-sections/index.js';
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
 * The mentions layer: every number and date, read once by the sections stage (which reads the
 * totals from the numbers and the notice's dates from the dates) and resolved there against the
 * notice's own date.
 */
export function extract(doc: SectionedDocument): ExtractedDocument {
  const { numbers, dates, messages } = doc.mentions;
  return { ...doc, extract: { id: doc.clean.id, numbers, dates, messages } };
}

/** Stage 4: every quantity and date mention with its value. */
export const stage = { name: 'extract', file: '4-extract.json', schema: ExtractOutput, run: extract, layer: (d) => d.extract } as const satisfies Stage<SectionedDocument, ExtractedDocument, ExtractOutput>;
