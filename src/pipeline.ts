import { z } from 'zod';
import { toJsonFile } from './output/json.js';
import type { Chained, Final, First } from './stages/stage.js';
import { stage as clean } from './stages/1-clean/index.js';
import { stage as segment } from './stages/2-segment/index.js';
import { stage as sections } from './stages/3-sections/index.js';
import { stage as extract } from './stages/4-extract/index.js';
import { stage as validate } from './stages/5-validate/index.js';

/**
 * The stages in order. Each reads what the stages before it produced and adds one layer,
 * written to `out/<docId>/<file>` after its schema has checked it. Adding a stage is a folder
 * `src/stages/<n>-<name>/` exporting its `stage`, and one entry here; the compiler checks that
 * each stage reads what the one before it writes.
 */
export const STAGES = [clean, segment, sections, extract, validate] as const;
const inOrder: Chained<typeof STAGES> = true;
void inOrder;

export type StageName = (typeof STAGES)[number]['name'];
/** Milliseconds per stage, and `write`: checking and writing a document's files and making its CSV rows. */
export type Timings = Record<StageName | 'write', number>;
export type PipelineInput = First<typeof STAGES>;
export type PipelineDocument = Final<typeof STAGES>;

/** The file a stage writes in `out/<docId>/`: `stageFile('validate')` is `5-validate.json`. */
export const stageFile = (name: StageName): string => STAGES.find((s) => s.name === name)!.file;
/** The final document's file, the one a finished document always has. */
export const FINAL_FILE = STAGES[STAGES.length - 1]!.file;

/** Runs every stage on one input; `timings` gets each stage's milliseconds. Throws what a stage throws. */
export function runPipeline(input: PipelineInput, timings: Partial<Timings> = {}): PipelineDocument {
  const [result] = runPipelines([input], [timings]);
  if ('error' in result!) throw result.error;
  return result!.doc;
}

/** One document's result of `runPipelines`: the final document, or what its first failing stage threw. */
export type Result = { doc: PipelineDocument } | { error: unknown };

/**
 * Runs every stage on several inputs, stage by stage: each stage over every document before the
 * next. The segmenter reads a dictionary of some 120 MB, and run document by document the other
 * stages push the part of it a notice uses out of the processor's caches: measured over 600
 * notices of 12 KB, segmenting took 2.0 ms a notice between the other stages and 1.4–1.6 in
 * runs of 16 to 64 (clean and sections gained a tenth too). `begin(i)` is called as document i's
 * next stage starts (the watchdog's clock), and `timings[i]` gets its milliseconds per stage. A
 * document whose stage throws leaves the later stages with its error; the others go on.
 */
export function runPipelines(inputs: readonly PipelineInput[], timings: Partial<Timings>[], begin: (i: number) => void = () => {}): Result[] {
  const docs: { messages?: readonly unknown[] }[] = inputs.map((input) => input as { messages?: readonly unknown[] });
  const errors: unknown[] = inputs.map(() => undefined);
  const failed = inputs.map(() => false);
  for (const stage of STAGES) {
    for (let i = 0; i < docs.length; i++) {
      if (failed[i]) continue;
      begin(i);
      const t0 = performance.now();
      try {
        const doc = stage.run(docs[i] as never);
        // Each stage's messages are gathered on the document, in the list's order, for the last stage's diagnostics.
        const { messages } = stage.layer(doc as never) as { messages?: readonly unknown[] };
        docs[i] = messages ? { ...(doc as object), messages: [...(docs[i]!.messages ?? []), ...messages] } : (doc as object);
      } catch (error) {
        failed[i] = true;
        errors[i] = error;
      }
      timings[i]![stage.name] = (timings[i]![stage.name] ?? 0) + performance.now() - t0;
    }
  }
  return docs.map((doc, i) => (failed[i] ? { error: errors[i] } : { doc: doc as PipelineDocument }));
}

/**
 * Each stage's check: its schema, or for a stage whose layer the pipeline holds in another form
 * than its file (the segment stage's tokens), the schema of that form, `check`. Compiled by
 * `z.compile`, which checks a layer in a quarter of the time and, when a layer fails, gives the
 * same issues (it falls back to the schema itself).
 */
const CHECKS = STAGES.map((stage) => z.compile('check' in stage ? stage.check : stage.schema));

/** Every stage's JSON for one document, each checked by its schema; a failure is a bug. */
export function stageFiles(doc: PipelineDocument): { file: string; json: string | Uint8Array }[] {
  return STAGES.map((stage, i) => {
    const parsed = CHECKS[i]!.safeParse(stage.layer(doc as never));
    if (!parsed.success) throw new Error(`${stage.name} output does not match its schema: ${parsed.error.message}`);
    return { file: stage.file, json: toJsonFile(parsed.data) };
  });
}
