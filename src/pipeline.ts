import { toJsonFile } from './json.js';
import { z } from 'zod';
import { type RawInput, CleanOutput, clean } from './clean.js';
import { SegmentLayer, SegmentOutput, segment } from './segment.js';
import { SectionsOutput, detectSections } from './detect-sections.js';
import { ExtractOutput, extract } from './extract.js';
import { ValidateOutput, type ValidatedDocument, validate } from './validate.js';

/**
 * The stages in order. Each reads what the stages before it produced and adds one layer,
 * written to `out/<docId>/<file>` after its schema has checked it. Adding a stage is a new
 * file and one entry here (and one call in `runPipeline`, where the compiler checks the order).
 */
export const STAGES = [
  { name: 'clean', file: '1-clean.json', schema: CleanOutput, output: (d: ValidatedDocument) => d.clean },
  { name: 'segment', file: '2-segment.json', schema: SegmentOutput, layer: SegmentLayer, output: (d: ValidatedDocument) => d.segment },
  { name: 'sections', file: '3-sections.json', schema: SectionsOutput, output: (d: ValidatedDocument) => d.sections },
  { name: 'extract', file: '4-extract.json', schema: ExtractOutput, output: (d: ValidatedDocument) => d.extract },
  { name: 'validate', file: '5-validate.json', schema: ValidateOutput, output: (d: ValidatedDocument) => d.final },
] as const satisfies readonly { name: string; file: string; schema: z.ZodType; layer?: z.ZodType; output: (d: ValidatedDocument) => unknown }[];

export type StageName = (typeof STAGES)[number]['name'];
/** Milliseconds per stage, and `write`: checking and writing a document's files and making its CSV rows. */
export type Timings = Record<StageName | 'write', number>;

/** Runs every stage on one input; `timings` gets each stage's milliseconds. */
export function runPipeline(input: RawInput, timings?: Partial<Timings>): ValidatedDocument {
  const timed = <T>(name: StageName, work: () => T): T => {
    const t0 = performance.now();
    const result = work();
    if (timings) timings[name] = (timings[name] ?? 0) + performance.now() - t0;
    return result;
  };
  const cleaned = timed('clean', () => clean(input));
  const segmented = timed('segment', () => segment(cleaned));
  const sectioned = timed('sections', () => detectSections(segmented));
  const extracted = timed('extract', () => extract(sectioned));
  return timed('validate', () => validate(extracted));
}

/**
 * Each stage's check: its schema, or for a stage whose layer the pipeline holds in another form
 * than its file (the segment stage's tokens), the schema of that form, `layer`. Compiled by
 * `z.compile`, which checks a layer in a quarter of the time and, when a layer fails, gives the
 * same issues (it falls back to the schema itself).
 */
const CHECKS = STAGES.map((stage) => z.compile('layer' in stage ? stage.layer : stage.schema));

/** Every stage's JSON for one document, each checked by its schema; a failure is a bug. */
export function stageFiles(doc: ValidatedDocument): { file: string; json: string | Uint8Array }[] {
  return STAGES.map((stage, i) => {
    const parsed = CHECKS[i]!.safeParse(stage.output(doc));
    if (!parsed.success) throw new Error(`${stage.name} output does not match its schema: ${parsed.error.message}`);
    return { file: stage.file, json: toJsonFile(parsed.data) };
  });
}
