import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STAGES } from '../../src/pipeline.js';
import { CLI } from '../helpers.js';
import { readJson, smallCorpus } from './corpus.js';
import { random } from '../../src/bench/random.js';

const zhenggai = (...args: string[]) => spawnSync(process.execPath, [CLI, 'run', ...args, '--quiet'], { encoding: 'utf8' });
const CSVS = ['documents.csv', 'problems.csv', 'numbers.csv', 'dates.csv', 'diagnostics.csv'];

/** Every file under a folder, relative, with run.json left out (it holds times). */
function listing(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => !f.endsWith('run.json')).sort();
}

/** Each file's bytes, for every file but run.json and report.html (they hold times). */
function contents(dir: string): Map<string, string> {
  const files = listing(dir).filter((f) => f !== 'report.html' && statSync(path.join(dir, f)).isFile());
  return new Map(files.map((f) => [f, readFileSync(path.join(dir, f), 'latin1')]));
}


/** Starts a run and SIGKILLs it after `ms` milliseconds, unless it ends first. */
async function killAfter(input: string, out: string, ms: number, ...extra: string[]): Promise<void> {
  const child = spawn(process.execPath, [CLI, 'run', input, '--out', out, '--jobs', '2', '--quiet', ...extra], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  await exited;
  clearTimeout(timer);
}

/** Starts a run and SIGKILLs it once `after` documents are done, before it can finish. */
async function killMidway(input: string, out: string, after: number): Promise<number> {
  const child = spawn(process.execPath, [CLI, 'run', input, '--out', out, '--jobs', '2', '--quiet'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const done = () => (existsSync(out) ? (readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith('.done.json')).length : 0);
  while (child.exitCode === null && done() < after) await new Promise((r) => setTimeout(r, 5));
  child.kill('SIGKILL');
  await exited;
  return done();
}

describe('a run killed with SIGKILL midway, then run again', () => {
  let dir: string, input: string, count: number, whole: string, resumed: string;
  beforeAll(() => {
    ({ dir, input, count } = smallCorpus(3));
    whole = path.join(dir, 'whole');
    resumed = path.join(dir, 'resumed');
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('completes every document, skipping those the killed run finished, and matches an uninterrupted run', async () => {
    expect(zhenggai(input, '--out', whole, '--jobs', '2').status).toBe(0);
    const doneBeforeKill = await killMidway(input, resumed, 20);
    expect(doneBeforeKill).toBeGreaterThanOrEqual(20);
    expect(doneBeforeKill).toBeLessThan(count);
    expect(existsSync(path.join(resumed, 'run.json'))).toBe(false);

    const again = zhenggai(input, '--out', resumed, '--jobs', '2');
    expect(again.status).toBe(0);
    const run = readJson(path.join(resumed, 'run.json')) as { counts: Record<string, number> };
    expect(run.counts.documents).toBe(count);
    expect(run.counts.failed).toBe(0);
    expect(run.counts.skipped).toBeGreaterThanOrEqual(doneBeforeKill);
    expect(run.counts.processed + run.counts.skipped).toBe(count);

    // No temporary file left, the same files as the uninterrupted run, each one the same bytes.
    expect(listing(resumed).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(listing(resumed)).toEqual(listing(whole));
    const ids = readdirSync(whole, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(ids).toHaveLength(count);
    for (const id of ids) {
      for (const stage of STAGES) {
        const text = readFileSync(path.join(resumed, id, stage.file), 'utf8');
        expect(stage.schema.safeParse(JSON.parse(text)).success, `${id}/${stage.file}`).toBe(true);
        expect(text, `${id}/${stage.file}`).toBe(readFileSync(path.join(whole, id, stage.file), 'utf8'));
      }
    }
    for (const csv of CSVS) expect(readFileSync(path.join(resumed, csv), 'utf8'), csv).toBe(readFileSync(path.join(whole, csv), 'utf8'));
  });

  test('a third run skips everything, --force redoes everything, a changed input is redone', () => {
    const third = zhenggai(input, '--out', resumed, '--jobs', '2');
    expect(third.status).toBe(0);
    expect((readJson(path.join(resumed, 'run.json')) as { counts: unknown }).counts).toEqual({ documents: count, processed: 0, skipped: count, failed: 0, notRun: 0 });
    for (const csv of CSVS) expect(readFileSync(path.join(resumed, csv), 'utf8'), csv).toBe(readFileSync(path.join(whole, csv), 'utf8'));

    expect(zhenggai(input, '--out', resumed, '--jobs', '2', '--force').status).toBe(0);
    expect((readJson(path.join(resumed, 'run.json')) as { counts: unknown }).counts).toEqual({ documents: count, processed: count, skipped: 0, failed: 0, notRun: 0 });

    const changed = path.join(input, 'a', 'd01.txt');
    writeFileSync(changed, readFileSync(changed, 'utf8') + '\n二〇二四年九月一日');
    expect(zhenggai(input, '--out', resumed, '--jobs', '2').status).toBe(0);
    expect((readJson(path.join(resumed, 'run.json')) as { counts: unknown }).counts).toEqual({ documents: count, processed: 1, skipped: count - 1, failed: 0, notRun: 0 });
  });
});

describe('runs killed with SIGKILL at random moments, then run again, equal an uninterrupted run file for file', () => {
  const { dir, input, count } = smallCorpus(1);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const seed = Number(process.env.RESUME_SEED ?? Date.now() % 100_000);

  const trials = Number(process.env.RESUME_TRIALS ?? 8);
  test(`${trials} trials of one or two kills, and ${trials / 2} of a --force rerun killed, 2 workers (seed ${seed}; RESUME_SEED=${seed} repeats them)`, async () => {
    const whole = path.join(dir, 'whole');
    const t0 = performance.now();
    expect(zhenggai(input, '--out', whole, '--jobs', '2').status).toBe(0);
    // From start-up to the last file: a kill anywhere in it, the report and run.json included.
    const span = performance.now() - t0;
    const expected = contents(whole);
    const next = random(seed);
    for (let trial = 0; trial < trials; trial++) {
      const out = path.join(dir, `trial${trial}`);
      const kills = 1 + Math.floor(next() * 2);
      const moments: number[] = [];
      for (let k = 0; k < kills; k++) {
        moments.push(Math.round(next() * span * 1.1));
        await killAfter(input, out, moments.at(-1)!);
      }
      const again = zhenggai(input, '--out', out, '--jobs', '2');
      const what = `trial ${trial}, killed after ${moments.join(' and ')} ms`;
      expect(again.status, `${what}: ${again.stderr}`).toBe(0);
      const run = readJson(path.join(out, 'run.json')) as { counts: Record<string, number> };
      expect(run.counts.processed + run.counts.skipped, what).toBe(count);
      const got = contents(out);
      expect([...got.keys()], what).toEqual([...expected.keys()]);
      for (const [file, bytes] of expected) expect(got.get(file) === bytes, `${what}: ${file}`).toBe(true);
      rmSync(out, { recursive: true, force: true });
    }
    // A --force rerun over a finished folder writes each file over the old one (src/batch/atomic.ts
    // keepInode): killed at random moments, then run again, it still ends as the uninterrupted run.
    for (let trial = 0; trial < trials / 2; trial++) {
      const out = path.join(dir, `force${trial}`);
      cpSync(whole, out, { recursive: true });
      const moment = Math.round(next() * span);
      await killAfter(input, out, moment, '--force');
      const what = `--force rerun ${trial}, killed after ${moment} ms`;
      const again = zhenggai(input, '--out', out, '--jobs', '2');
      expect(again.status, `${what}: ${again.stderr}`).toBe(0);
      const got = contents(out);
      expect([...got.keys()], what).toEqual([...expected.keys()]);
      for (const [file, bytes] of expected) expect(got.get(file) === bytes, `${what}: ${file}`).toBe(true);
      rmSync(out, { recursive: true, force: true });
    }
  }, 600_000);
});
