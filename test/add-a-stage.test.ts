/**
 * Adding a stage touches two places: the stage's own folder and its line in the stage list (and,
 * as for any rule, a row of src/codes.ts for each kind of message it emits: the codes are a closed
 * set the schemas publish). A copy of the project gets a stage that counts the notice's sentences
 * between extract and validate in exactly those places; the copy is built and run as a user runs
 * it, and its file, its message in the final document and its time in run.json appear.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { CORPUS, ROOT } from './helpers.js';

const copy = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-stage-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** The whole of the new stage: a folder of its own. */
const STAGE = `import { z } from 'zod';
import { Message } from '../../schema.js';
import type { ExtractedDocument } from '../4-extract/index.js';
import type { Stage } from '../stage.js';

export const SentenceCount = z.object({
  id: z.string().describe('The document id.'),
  sentences: z.number().int().describe('How many sentences the notice has.'),
  messages: z.array(Message).describe('One info message with the count.'),
});
export type SentenceCount = z.infer<typeof SentenceCount>;

export function countSentences(doc: ExtractedDocument): ExtractedDocument & { counted: SentenceCount } {
  const sentences = doc.segment.sentences.length;
  const message: Message = { level: 'info', code: 'sentences/counted', message: \`\${sentences} sentences\`, span: null };
  return { ...doc, counted: { id: doc.clean.id, sentences, messages: [message] } };
}

export const stage = { name: 'count', file: '4b-count.json', schema: SentenceCount, run: countSentences, layer: (d) => d.counted } as const satisfies Stage<ExtractedDocument, ExtractedDocument & { counted: SentenceCount }, SentenceCount>;
`;

test('a new stage is its folder and one line of src/pipeline.ts: its file is written, its message reaches the final document, its time run.json', () => {
  for (const f of ['package.json', 'tsconfig.json', 'scripts', 'src']) cpSync(path.join(ROOT, f), path.join(copy, f), { recursive: true, filter: (src) => !src.includes(`${path.sep}native${path.sep}build`) });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
  rmSync(path.join(copy, 'src', 'native'), { recursive: true });
  symlinkSync(path.join(ROOT, 'src', 'native'), path.join(copy, 'src', 'native'));

  // Place 1: the stage's folder.
  mkdirSync(path.join(copy, 'src', 'stages', '4b-count'));
  writeFileSync(path.join(copy, 'src', 'stages', '4b-count', 'index.ts'), STAGE);
  // Place 2: the stage list (the line, and the import that names the stage in it).
  const pipeline = path.join(copy, 'src', 'pipeline.ts');
  const before = readFileSync(pipeline, 'utf8');
  const list = 'export const STAGES = [clean, segment, sections, extract, validate] as const;';
  expect(before).toContain(list);
  writeFileSync(pipeline, before.replace(list, `import { stage as count } from './stages/4b-count/index.js';\nexport const STAGES = [clean, segment, sections, extract, count, validate] as const;`));

  // The one message code it emits: a row of the codes table.
  const codes = path.join(copy, 'src', 'codes.ts');
  const table = readFileSync(codes, 'utf8');
  const last = "  'validate/no-rectification':";
  expect(table).toContain(last);
  writeFileSync(codes, table.replace(last, `  'sentences/counted': { level: 'info', meaning: 'the sentences of the notice were counted', example: '312 sentences' },\n${last}`));

  execFileSync(process.execPath, [path.join(copy, 'scripts', 'build.mjs')], { cwd: copy, stdio: 'pipe' });
  const out = path.join(copy, 'out');
  const run = spawnSync(process.execPath, [path.join(copy, 'dist', 'cli.js'), 'run', path.join(CORPUS, '003_7004f69c1b986a66.txt'), '--out', out, '--quiet'], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);

  const dir = path.join(out, '003_7004f69c1b986a66');
  expect(existsSync(path.join(dir, '4b-count.json'))).toBe(true);
  const layer = JSON.parse(readFileSync(path.join(dir, '4b-count.json'), 'utf8'));
  const segment = JSON.parse(readFileSync(path.join(dir, '2-segment.json'), 'utf8'));
  expect(layer.sentences).toBe(segment.sentences.length);
  const final = JSON.parse(readFileSync(path.join(dir, '5-validate.json'), 'utf8'));
  expect(final.diagnostics).toContainEqual({ level: 'info', code: 'sentences/counted', message: `${layer.sentences} sentences`, span: null });
  const report = JSON.parse(readFileSync(path.join(out, 'run.json'), 'utf8'));
  expect(Object.keys(report.timings)).toEqual(expect.arrayContaining(['clean', 'segment', 'sections', 'extract', 'count', 'validate']));
  expect(report.timings.count).toBeGreaterThan(0);
}, 120_000);
