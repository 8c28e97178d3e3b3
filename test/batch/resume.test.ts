import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STAGES } from '../../src/pipeline.js';
import { CLI } from '../helpers.js';
import { readJson, smallCorpus } from './corpus.js';

const zhenggai = (...args: string[]) => spawnSync(process.execPath, [CLI, 'run', ...args, '--quiet'], { encoding: 'utf8' });
const CSVS = ['documents.csv', 'problems.csv', 'numbers.csv', 'dates.csv', 'diagnostics.csv'];

/** Every file under a folder, relative, with `.done.json` and run.json left out (they hold times and versions). */
function listing(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => !f.endsWith('run.json')).sort();
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
    expect((readJson(path.join(resumed, 'run.json')) as { counts: unknown }).counts).toEqual({ documents: count, processed: 0, skipped: count, failed: 0 });
    for (const csv of CSVS) expect(readFileSync(path.join(resumed, csv), 'utf8'), csv).toBe(readFileSync(path.join(whole, csv), 'utf8'));

    expect(zhenggai(input, '--out', resumed, '--jobs', '2', '--force').status).toBe(0);
    expect((readJson(path.join(resumed, 'run.json')) as { counts: unknown }).counts).toEqual({ documents: count, processed: count, skipped: 0, failed: 0 });

    const changed = path.join(input, 'a', 'd01.txt');
    writeFileSync(changed, readFileSync(changed, 'utf8') + '\n二〇二四年九月一日');
    expect(zhenggai(input, '--out', resumed, '--jobs', '2').status).toBe(0);
    expect((readJson(path.join(resumed, 'run.json')) as { counts: unknown }).counts).toEqual({ documents: count, processed: 1, skipped: count - 1, failed: 0 });
  });
});
