import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
// @ts-expect-error: a plain ES module script, without types
import { compareFolders } from '../../scripts/compare-outputs.mjs';

/** An output folder as a run leaves it, with `over` replacing some files. */
function outFolder(over: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-compare-'));
  const files: Record<string, string> = {
    'documents.csv': '\ufeff"id"\r\n"d01"\r\n',
    'run.json': '{"startedAt":"2024-08-26T10:00:00.000Z"}',
    'report.html': '<title>zhenggai review · out-a</title><script type="application/json" id="index">{"outDir":"out-a","generatedAt":"2024-08-26T10:00:01.000Z","rows":[]}</script>',
    'd01/5-validate.json': '{"id":"d01","summary":{"totalProblems":36}}',
    'd01/.done.json': '{"version":"aaa"}',
    ...over,
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

test('two runs of one build compare equal: times, versions and the folder name are left out', () => {
  const later = outFolder({
    'run.json': '{"startedAt":"2024-08-27T09:00:00.000Z"}',
    'report.html': '<title>zhenggai review · /tmp/out-b</title><script type="application/json" id="index">{"outDir":"/tmp/out-b","generatedAt":"2024-08-27T09:00:01.000Z","rows":[]}</script>',
    'd01/.done.json': '{"version":"bbb"}',
  });
  expect(compareFolders(later, outFolder())).toEqual({ files: 3, differences: [] });
});

test('a changed byte, a missing file and an extra file are each reported', () => {
  const changed = outFolder({ 'd01/5-validate.json': '{"id":"d01","summary":{"totalProblems":35}}', 'd02/5-validate.json': '{}' });
  const { differences } = compareFolders(changed, outFolder({ 'd03/5-validate.json': '{}' }));
  expect(differences).toEqual(['missing: d03/5-validate.json', 'extra: d02/5-validate.json', 'differs: d01/5-validate.json (43 vs 43 bytes, first difference at byte 40)']);
});

test('the review page still counts apart from its build time and folder name', () => {
  const changed = outFolder({ 'report.html': '<title>zhenggai review · out-a</title><script type="application/json" id="index">{"outDir":"out-a","generatedAt":"2024-08-26T10:00:01.000Z","rows":[1]}</script>' });
  expect(compareFolders(changed, outFolder()).differences).toEqual([expect.stringMatching(/^differs: report\.html/)]);
});
