import { z } from 'zod';
import { STAGES } from '../pipeline.js';

/**
 * Every stage's schema as JSON Schema, made from the same zod schema the code validates with.
 * `schemas/<stage>.schema.json`; a test fails when a file is stale.
 */
export function jsonSchemas(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const stage of STAGES) {
    const schema = z.toJSONSchema(stage.schema, { io: 'output', unrepresentable: 'any' });
    files[`${stage.file.replace(/\.json$/, '')}.schema.json`] = JSON.stringify({ title: `zhenggai ${stage.name} (${stage.file})`, ...schema }, null, 2) + '\n';
  }
  return files;
}
