import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsonSchemas } from '../output/schemas.js';

/** `npm run schemas`: regenerates `schemas/*.schema.json` from the zod schemas. */
const dir = fileURLToPath(new URL('../../schemas/', import.meta.url));
for (const [name, json] of Object.entries(jsonSchemas())) {
  writeFileSync(dir + name, json);
  console.log(`wrote schemas/${name}`);
}
