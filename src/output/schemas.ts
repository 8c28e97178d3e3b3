import { z } from 'zod';
import { Gold } from '../eval/gold.js';
import { STAGES } from '../pipeline.js';

/**
 * Every stage's schema as JSON Schema, made from the same zod schema the code validates with:
 * `schemas/<stage>.schema.json`, and `schemas/gold.schema.json` for the hand annotations
 * `zhenggai eval` reads. A test fails when a file is stale.
 */
export function jsonSchemas(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const stage of STAGES) {
    const schema = z.toJSONSchema(stage.schema, { io: 'output', unrepresentable: 'any' });
    files[`${stage.file.replace(/\.json$/, '')}.schema.json`] = JSON.stringify({ title: `zhenggai ${stage.name} (${stage.file})`, ...schema }, null, 2) + '\n';
  }
  const gold = z.toJSONSchema(Gold, { io: 'input', unrepresentable: 'any' });
  files['gold.schema.json'] = JSON.stringify({ title: 'zhenggai gold annotation (gold/README.md)', ...gold }, null, 2) + '\n';
  return files;
}
