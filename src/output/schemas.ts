import { z } from 'zod';
import { STAGES } from '../pipeline.js';
import type { AnyStage } from '../stages/stage.js';

/** A stage's schema as JSON Schema, made from the same zod schema the code validates with. */
export function stageJsonSchema(stage: AnyStage): Record<string, unknown> {
  return { title: `zhenggai ${stage.name} (${stage.file})`, ...z.toJSONSchema(stage.schema, { io: 'output', unrepresentable: 'any' }) };
}

/**
 * Every stage's schema as JSON Schema: `schemas/<stage>.schema.json`; a test fails when a file
 * is stale.
 */
export function jsonSchemas(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const stage of STAGES) files[`${stage.file.replace(/\.json$/, '')}.schema.json`] = JSON.stringify(stageJsonSchema(stage), null, 2) + '\n';
  return files;
}
