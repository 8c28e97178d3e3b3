/**
 * The regression gate: the pipeline runs over the repository's seeds (corpus/) and dev set
 * (dev/), `zhenggai eval` scores the run against gold/ and gold/dev/, and no figure may fall
 * below its floor in floors.ts, per group of documents and per metric; no document may miss a
 * check it passes today. The figures of the run are printed in the form of floors.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Evaluation, type MetricId, type Outputs, evaluate, loadGold, loadOutputs } from '../../src/eval/index.js';
import type { Gold } from '../../src/eval/gold.js';
import { CLI, CORPUS, DEV, GOLD, corpusFiles, devFiles, lazy } from '../helpers.js';
import { FLOORS, KNOWN_MISSES } from './floors.js';

/** A dev file's number: 142 for `dev/d142.txt`; NaN for a seed. */
const devNumber = (file: string): number => (file.startsWith('dev/') ? Number(/\d+/.exec(file)?.[0]) : NaN);

/**
 * The groups the floors are kept by: the seeds, the dev set the code was first written on, its
 * later, harder part, and the texts added unseen in round 3 (d87–d142).
 */
const GROUPS: [string, (gold: Gold) => boolean][] = [
  ['seeds', (g) => !g.file.startsWith('dev/')],
  ['d01–d35', (g) => devNumber(g.file) <= 35],
  ['d36–d86', (g) => devNumber(g.file) >= 36 && devNumber(g.file) <= 86],
  ['d87–d142', (g) => devNumber(g.file) >= 87],
];

const golds = lazy(() => [...loadGold(GOLD), ...loadGold(path.join(GOLD, 'dev'))].map((g) => g.gold));
let dir: string;
let outputs: Outputs;
const figures = new Map<string, Evaluation>();

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-gate-'));
  const out = path.join(dir, 'out');
  const run = spawnSync(process.execPath, [CLI, 'run', CORPUS, DEV, '--out', out, '--quiet'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`zhenggai run corpus dev exited ${run.status}: ${run.stderr}`);
  outputs = loadOutputs(out);
  for (const [group, member] of GROUPS) figures.set(group, evaluate(golds().filter(member), outputs));
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (figures.size === GROUPS.length) console.log(todaysTable());
});

/** Today's figures in the form of floors.ts: raising the floors is pasting this. */
function todaysTable(): string {
  const cut = (rate: number) => Math.floor(rate * 1e4 + 1e-9) / 1e4;
  const floors = GROUPS.map(([group]) => {
    const e = figures.get(group)!;
    const entries = [`score: ${cut(e.score)}`, ...e.metrics.filter((m) => m.scored).map((m) => `${m.id}: ${cut(m.rate)}`)];
    return `  '${group}': { ${entries.join(', ')} },`;
  });
  const known = new Map<string, Set<MetricId>>();
  for (const e of figures.values()) for (const m of e.misses) known.set(m.file, (known.get(m.file) ?? new Set()).add(m.metric));
  const misses = [...known].map(([file, metrics]) => `  '${file}': [${[...metrics].map((m) => `'${m}'`).join(', ')}],`);
  const passing = Object.entries(KNOWN_MISSES).flatMap(([file, metrics]) => metrics.filter((m) => !known.get(file)?.has(m)).map((m) => `${file} ${m}`));
  const lines = GROUPS.map(([group]) => {
    const e = figures.get(group)!;
    return `${group.padEnd(8)} ${String(e.documents).padStart(3)} documents  score ${e.score.toFixed(4)}  ${e.metrics.filter((m) => m.scored).map((m) => `${m.id} ${m.ok}/${m.n}`).join('  ')}`;
  });
  const raise = passing.length ? ['', `passing now, to remove from KNOWN_MISSES: ${passing.join(', ')}`] : [];
  return ['eval of corpus/ and dev/ against gold/ today:', ...lines, ...raise, '', 'as floors.ts:', 'export const FLOORS: Record<string, Partial<Record<MetricId | \'score\', number>>> = {', ...floors, '};', 'export const KNOWN_MISSES: Record<string, MetricId[]> = {', ...misses, '};'].join('\n');
}

describe.each(GROUPS.map(([group]) => group))('%s', (group) => {
  test.each(Object.entries(FLOORS[group] ?? {}))('%s at or above its floor %s', (metric, floor) => {
    const e = figures.get(group)!;
    const rate = metric === 'score' ? e.score : e.metrics.find((m) => m.id === metric)?.rate;
    expect(rate, `${group} ${metric}`).toBeGreaterThanOrEqual(floor!);
  });

  test('every metric scored has a floor', () => {
    const scored = figures.get(group)!.metrics.filter((m) => m.scored).map((m) => m.id);
    expect(scored.filter((id) => FLOORS[group]?.[id] === undefined)).toEqual([]);
  });
});

/** Every gold file's `file`, listed at collection without reading them: 003_7004f69c1b986a66.txt, dev/d01.txt. */
const GOLD_FILES = [...corpusFiles(), ...devFiles().map((f) => `dev/${f}`)];

describe('each document', () => {
  test('floors.ts lists only documents the gold annotates', () => {
    expect(Object.keys(KNOWN_MISSES).filter((f) => !GOLD_FILES.includes(f))).toEqual([]);
  });

  // One test per gold file, named by it: a change that breaks d12's dates fails `dev/d12.txt`.
  const cases = GOLD_FILES.map((file) => {
    const known = KNOWN_MISSES[file] ?? [];
    return [known.length ? `${file} misses no check but in ${known.join(', ')}, as today` : `${file} passes every gold check`, file, known] as const;
  });
  test.each(cases)('%s', (_title, file, known) => {
    const misses = [...figures.values()].flatMap((e) => e.misses).filter((m) => m.file === file);
    expect(misses.filter((m) => !known.includes(m.metric)).map((m) => `${m.metric}: ${m.message}`)).toEqual([]);
  });
});
