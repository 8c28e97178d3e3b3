import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DOC_FILES, fillBlocks } from '../output/fields.js';
import { jsonSchemas, statusDictionary } from '../output/schemas.js';

/**
 * `npm run schemas`: regenerates `schemas/*.schema.json` from the zod schemas, the segmenter's
 * status dictionary from src/vocab/status.ts, and the field and code tables of the documentation
 * from their descriptions.
 */
const root = new URL('../../', import.meta.url);
for (const [name, json] of Object.entries(jsonSchemas())) {
  writeFileSync(fileURLToPath(new URL(`schemas/${name}`, root)), json);
  console.log(`wrote schemas/${name}`);
}
writeFileSync(fileURLToPath(new URL('src/dict/status.dict.utf8', root)), statusDictionary());
console.log('wrote src/dict/status.dict.utf8');
for (const name of DOC_FILES) {
  const file = fileURLToPath(new URL(name, root));
  const before = readFileSync(file, 'utf8');
  const after = fillBlocks(before);
  if (after === before) continue;
  writeFileSync(file, after);
  console.log(`rewrote the generated tables of ${name}`);
}
