/**
 * zhenggai's public API: what `import … from 'zhenggai'` gives, pinned by test/index.test.ts
 * and shown, one example per function, in docs/library.md (run by test/docs.test.ts).
 */

// One document
export { process, type ProcessOptions } from './process.js';
export { STAGES, runPipeline, type PipelineDocument, type PipelineInput, type StageName, type Timings } from './pipeline.js';
export type { Stage } from './stages/stage.js';

// Batches, as the command line runs them
export { run, type Failure, type RunOptions, type RunReport } from './batch/run.js';
export type { Progress } from './batch/progress.js';
export { runJsonl, type JsonlOptions, type JsonlReport } from './batch/jsonl.js';
export { batchCsv } from './output/csv.js';
export { writeReport, type RunFacts } from './report/build.js';

// Parts that work on their own
export { decodeBytes as decode, CleanError, type Decoded } from './stages/1-clean/decode.js';
export { findDuplicates, type Duplicate } from './stages/1-clean/near-duplicates.js';
export { parseNumeral } from './vocab/numerals.js';
export { findNumbers } from './stages/4-extract/numbers.js';
export { findDates, parseDate, type DateContext } from './stages/4-extract/dates.js';

// The rule tables, each entry with a real example: every diagnostic code, quality flag and failure code, the
// status phrases, the counts a totals sentence states
export { AUDIT_CODES, CODES, FAILURES, FLAGS } from './codes.js';
export { COUNTED, EXTRAS } from './stages/4-extract/index.js';
export { STATUS_PHRASES } from './vocab/status.js';

// The document model: zod schemas and their types, the final document's and each stage's
export * from './schema.js';
export { CleanOutput, type CleanedDocument, type RawInput } from './stages/1-clean/index.js';
export { SegmentOutput, type SegmentLayer, type SegmentedDocument } from './stages/2-segment/index.js';
export { SectionsOutput, type SectionedDocument } from './stages/3-sections/index.js';
export { ExtractOutput, type ExtractedDocument } from './stages/4-extract/index.js';
export { ValidateOutput, type ValidatedDocument } from './stages/5-validate/index.js';
