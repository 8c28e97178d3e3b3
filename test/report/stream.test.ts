import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { loadBatch, writeReport } from '../../src/report/build.js';
import { renderPage } from '../../src/report/page.js';
import { run } from '../../src/batch/run.js';
import { CORPUS } from '../helpers.js';

test('the streamed report is the page built from the whole batch in memory', async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-report-'));
  await run({ inputs: [CORPUS], outDir: out, jobs: 1 });
  const file = await writeReport(out);
  const streamed = readFileSync(file, 'utf8');
  const generatedAt = /"generatedAt":"([^"]+)"/.exec(streamed)![1]!;
  expect(streamed).toBe(renderPage(await loadBatch(out), generatedAt));
  expect(streamed.match(/<script type="application\/json" id="doc-\d+">/g)).toHaveLength(5);
});
