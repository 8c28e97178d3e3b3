import { z } from 'zod';
import { Gold } from '../eval/gold.js';
import { STAGES } from '../pipeline.js';
import type { AnyStage } from '../stages/stage.js';
import { ErrorRecord } from '../schema.js';
import { STATUS_DICTIONARY } from '../vocab/status.js';

/** The error record a JSONL run writes for a line it cannot process, as JSON Schema. */
export function errorRecordJsonSchema(): Record<string, unknown> {
  return { title: 'zhenggai error record (a JSONL output line for an input line that failed)', ...z.toJSONSchema(ErrorRecord, { io: 'output' }) };
}

/** A stage's schema as JSON Schema, made from the same zod schema the code validates with. */
export function stageJsonSchema(stage: AnyStage): Record<string, unknown> {
  return { title: `zhenggai ${stage.name} (${stage.file})`, ...z.toJSONSchema(stage.schema, { io: 'output', unrepresentable: 'any' }) };
}

/**
 * Every stage's schema as JSON Schema: `schemas/<stage>.schema.json`, the JSONL error record's,
 * `schemas/error-record.schema.json`, and `schemas/gold.schema.json` for the hand annotations
 * `zhenggai eval` reads; a test fails when a file is stale.
 */
export function jsonSchemas(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const stage of STAGES) files[`${stage.file.replace(/\.json$/, '')}.schema.json`] = JSON.stringify(stageJsonSchema(stage), null, 2) + '\n';
  files['error-record.schema.json'] = JSON.stringify(errorRecordJsonSchema(), null, 2) + '\n';
  const gold = z.toJSONSchema(Gold, { io: 'input', unrepresentable: 'any' });
  files['gold.schema.json'] = JSON.stringify({ title: 'zhenggai gold annotation (gold/README.md)', ...gold }, null, 2) + '\n';
  return files;
}

/** `src/dict/status.dict.utf8`, the segmenter's rows for the status words, as written from src/vocab/status.ts. */
export function statusDictionary(): string {
  return STATUS_DICTIONARY.join('\n') + '\n';
}
