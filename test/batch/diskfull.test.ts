/**
 * A disk that fills up during a run (finding 5), on a real small file system: a tmpfs of a
 * chosen size, mounted in a user and mount namespace of the test's own (`unshare -rm`, which
 * needs no root). At each size the run must stop in one line, leave no file cut short and no
 * temporary file, and a run on a larger disk must then complete it to equal an uninterrupted run.
 *
 * By hand, as root: `mount -t tmpfs -o size=2m tmpfs /mnt/small && npx zhenggai run corpus --out /mnt/small/out`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, test } from 'vitest';
import { STAGES } from '../../src/pipeline.js';
import { CLI } from '../helpers.js';
import { smallCorpus } from './corpus.js';

const canUnshare = spawnSync('unshare', ['-rm', 'true']).status === 0;

/** Each file's bytes, for every file but run.json and report.html (they hold times). */
function contents(dir: string): Map<string, string> {
  const files = (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => !/(^|\/)(run\.json|report\.html)$/.test(f) && statSync(path.join(dir, f)).isFile())
    .sort();
  return new Map(files.map((f) => [f, readFileSync(path.join(dir, f), 'latin1')]));
}

/**
 * Inside a namespace: a tmpfs of `size` at `mount`, a run into it, a copy of what it left to
 * `full`; then the same tmpfs grown, the same run again, and a copy to `resumed`.
 */
function fillThenGrow(input: string, mount: string, size: string, full: string, resumed: string) {
  const script = `
    set -u
    mount -t tmpfs -o size=${size} zhenggai-full "${mount}" || exit 99
    "${process.execPath}" "${CLI}" run "${input}" --out "${mount}/out" --jobs 2 --quiet 2> "${full}.stderr"
    echo $? > "${full}.status"
    cp -a "${mount}/out" "${full}"
    mount -o remount,size=256m "${mount}" || exit 98
    "${process.execPath}" "${CLI}" run "${input}" --out "${mount}/out" --jobs 2 --quiet 2> "${resumed}.stderr"
    echo $? > "${resumed}.status"
    cp -a "${mount}/out" "${resumed}"
  `;
  const r = spawnSync('unshare', ['-rm', 'sh', '-c', script], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const read = (f: string) => readFileSync(f, 'utf8');
  return {
    full: { status: Number(read(`${full}.status`)), stderr: read(`${full}.stderr`) },
    resumed: { status: Number(read(`${resumed}.status`)), stderr: read(`${resumed}.stderr`) },
  };
}

describe.runIf(canUnshare)('a full disk: the run stops in one line, leaves nothing cut short, and the next run completes it', () => {
  const { dir, input, count } = smallCorpus(1);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const whole = path.join(dir, 'whole');
  const mount = path.join(dir, 'mnt');
  spawnSync('mkdir', ['-p', mount]);
  // The uninterrupted run, on a tmpfs large enough, and what it uses there, in KB.
  const measured = spawnSync(
    'unshare',
    ['-rm', 'sh', '-c', `mount -t tmpfs -o size=256m zhenggai-big "${mount}" && "${process.execPath}" "${CLI}" run "${input}" --out "${mount}/out" --jobs 2 --quiet && df -k --output=used "${mount}" | tail -1 && cp -a "${mount}/out" "${whole}"`],
    { encoding: 'utf8' },
  );
  const used = Number(measured.stdout.trim());
  const expected = contents(whole);

  test('the uninterrupted run', () => {
    expect(measured.status, measured.stderr).toBe(0);
    expect(used).toBeGreaterThan(500);
  });

  // Stopped early, midway, near the end (the CSVs, documents.csv, report.html) and at the very end (run.json).
  test.each([0.05, 0.4, 0.8, 0.9, 0.97, 0.995])('a disk of %s of what the run uses', (share) => {
    const size = `${Math.min(Math.round(used * share), used - 4)}k`;
    const full = path.join(dir, `full-${share}`);
    const resumed = path.join(dir, `resumed-${share}`);
    const r = fillThenGrow(input, mount, size, full, resumed);

    expect(r.full.status, r.full.stderr).toBe(1);
    expect(r.full.stderr).toMatch(/^zhenggai: stopped: .*no space left on device \(ENOSPC\).*; run the same command again to go on \(written documents are kept\)\n$/);
    const left = readdirSync(full, { recursive: true }) as string[];
    expect(left.filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([]);
    // Every document folder is whole, or not there; every JSON file and CSV reads back.
    for (const id of readdirSync(full).filter((f) => statSync(path.join(full, f)).isDirectory())) {
      expect(readdirSync(path.join(full, id)).sort(), id).toEqual([...STAGES.map((s) => s.file), '.done.json'].sort());
      for (const f of readdirSync(path.join(full, id))) expect(() => JSON.parse(readFileSync(path.join(full, id, f), 'utf8')), `${id}/${f}`).not.toThrow();
    }
    for (const csv of left.filter((f) => f.endsWith('.csv'))) {
      const rows = parse(readFileSync(path.join(full, csv), 'utf8').replace(/^\uFEFF/, ''), { columns: true });
      if (csv === 'documents.csv') expect(rows).toHaveLength(count);
    }
    if (existsSync(path.join(full, 'run.json'))) {
      const run = JSON.parse(readFileSync(path.join(full, 'run.json'), 'utf8'));
      expect(run.stopped).toMatch(/ENOSPC/);
      expect(run.counts.processed + run.counts.skipped + run.counts.failed + run.counts.notRun).toBe(count);
    }

    expect(r.resumed.status, r.resumed.stderr).toBe(0);
    const got = contents(resumed);
    expect([...got.keys()]).toEqual([...expected.keys()]);
    for (const [file, bytes] of expected) expect(got.get(file) === bytes, file).toBe(true);
    expect(existsSync(path.join(resumed, 'report.html'))).toBe(true);
  });
});
