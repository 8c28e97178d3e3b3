import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { jsonSchemas } from '../../src/output/schemas.js';
import { ROOT } from '../helpers.js';

test.each(Object.entries(jsonSchemas()))('schemas/%s is up to date (npm run schemas)', (name, json) => {
  expect(readFileSync(path.join(ROOT, 'schemas', name), 'utf8')).toBe(json);
});
