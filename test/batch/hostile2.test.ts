/**
 * The findings of the second hardening round (issue 26), one `describe` a row: nothing is
 * written outside out/, through a link or over what is not a regular file; nothing one
 * document's input or output folder holds stops the batch. Each runs the built command line,
 * as a user would, but row 4, which races three processes for the lock itself, and row 12's
 * fuzz check. How each case is handled: docs/troubleshooting.md. (The first round: hostile.test.ts.)
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { check, documentArbitrary } from '../../src/bench/fuzz.js';
import { fromAnchors } from '../../src/stages/1-clean/text-map.js';
import { ROOT } from '../helpers.js';
import { NOTICE, OTHER, complete, oneLineEach, readCsv, readRun, scratch, tree, twoNotices, zhenggai } from './cli.js';

const place = scratch('zhenggai-hostile2-');

/** A folder `in/` with a.txt and b.txt (two corpus notices), run once into `out/`. */
function twoDone(): { dir: string; input: string; out: string; a: string; b: string } {
  const dir = place();
  const input = twoNotices(path.join(dir, 'in'));
  const out = path.join(dir, 'out');
  expect(zhenggai(['run', input, '--out', out, '--quiet']).status).toBe(0);
  return { dir, input, out, a: path.join(input, 'a.txt'), b: path.join(input, 'b.txt') };
}

/** Temporary files anywhere under `dir`. */
const temporaries = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.tmp$/.test(f));

/** A folder's files and their hashes, but `but`. */
function filesBut(dir: string, but: string): Record<string, string> {
  const all = tree(dir);
  delete all[but];
  return all;
}

describe('1. something that is not a file where a document file goes: that document fails, the batch goes on', () => {
  const mkfifo = (file: string) => spawnSync('mkfifo', [file]).status === 0;
  test.each([
    ['5-validate.json', 'a folder', (file: string) => mkdirSync(file)],
    ['.done.json', 'a folder', (file: string) => mkdirSync(path.join(file, 'inside'), { recursive: true })],
    ['.done.json', 'a named pipe', mkfifo],
  ])('%s is %s: a one-line reason naming it, every run, --force too; nothing else touched, no temporary file left', (name, kind, make) => {
    const { input, out, a } = twoDone();
    const blocked = path.join(out, 'a', name);
    rmSync(blocked);
    make(blocked);
    const before = filesBut(path.join(out, 'a'), name);
    const other = tree(path.join(out, 'b'));
    for (const force of [[], ['--force']]) {
      const r = zhenggai(['run', input, '--out', out, '--quiet', ...force]);
      expect(r.status, r.stderr).toBe(1);
      const reason = `cannot write its output: ${blocked} is ${kind}, not a file (move it away, then run again)`;
      expect(r.stderr).toBe(`zhenggai: ${a}: ${reason}\n`);
      const run = readRun(out);
      expect(run.failures).toEqual([{ source: a, id: 'a', reason }]);
      expect(run.counts).toEqual({ documents: 2, processed: force.length, skipped: 1 - force.length, failed: 1, notRun: 0 });
      expect(readCsv(path.join(out, 'documents.csv')).map((row) => [row.id, row.status])).toEqual([
        ['a', 'failed'],
        ['b', 'ok'],
      ]);
      expect(temporaries(out)).toEqual([]);
      expect(filesBut(path.join(out, 'a'), name)).toEqual(before);
      expect(tree(path.join(out, 'b'))).toEqual(other);
      expect(lstatSync(blocked).isFile()).toBe(false);
    }
  });
});

describe('2. nothing is ever written through a link inside out/', () => {
  test('a document folder replaced by a link to a folder elsewhere: the document fails, the link is not followed', () => {
    const { dir, input, out, a } = twoDone();
    const elsewhere = path.join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    renameSync(path.join(out, 'a'), path.join(elsewhere, 'a'));
    writeFileSync(path.join(elsewhere, 'notes.md'), '不相干的文件\n');
    symlinkSync(path.join(elsewhere, 'a'), path.join(out, 'a'));
    const target = tree(elsewhere);
    for (const force of [[], ['--force']]) {
      const r = zhenggai(['run', input, '--out', out, '--quiet', ...force]);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`zhenggai: ${a}: cannot write its output: ${path.join(out, 'a')} is a link (to ${path.join(elsewhere, 'a')}), not a folder: a run never writes through a link (remove it, then run again)\n`);
      expect(tree(elsewhere)).toEqual(target);
      expect(lstatSync(path.join(out, 'a')).isSymbolicLink()).toBe(true);
      expect(temporaries(elsewhere)).toEqual([]);
    }
  });

  test('a link in place of a document file or a file at the top of out/ is replaced by the file, never followed', () => {
    const { dir, input, out, a } = twoDone();
    const first = tree(out);
    const victims = path.join(dir, 'victims');
    mkdirSync(victims);
    writeFileSync(path.join(victims, 'segment.json'), '不相干的文件\n');
    writeFileSync(path.join(victims, 'documents.csv'), '不相干的表格\n');
    for (const [link, to] of [[path.join(out, 'a', '2-segment.json'), 'segment.json'], [path.join(out, 'documents.csv'), 'documents.csv']] as const) {
      rmSync(link);
      symlinkSync(path.join(victims, to), link);
    }
    const r = zhenggai(['run', input, '--out', out, '--quiet']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`zhenggai: ${a}: redone: ${path.join(out, 'a', '2-segment.json')} is a link (it is replaced, never followed)\n`);
    expect(readFileSync(path.join(victims, 'segment.json'), 'utf8')).toBe('不相干的文件\n');
    expect(readFileSync(path.join(victims, 'documents.csv'), 'utf8')).toBe('不相干的表格\n');
    for (const f of ['a/2-segment.json', 'documents.csv']) {
      expect(lstatSync(path.join(out, f)).isFile(), f).toBe(true);
      expect(tree(out)[f], f).toBe(first[f]);
    }
  });
});

describe('3. the output folder is known by its real path', () => {
  test('--out, a link to a folder inside the input folder: a second run does not read its own output', () => {
    const dir = place();
    const input = twoNotices(path.join(dir, 'corpus'));
    mkdirSync(path.join(input, 'out'));
    const link = path.join(dir, 'out-link');
    symlinkSync(path.join(input, 'out'), link);
    expect(zhenggai(['run', input, '--out', link, '--quiet']).status).toBe(0);
    const again = zhenggai(['run', input, '--out', link, '--quiet']);
    expect(again.status).toBe(0);
    expect(again.stderr).toBe(`zhenggai: 1 entry not read (1 the output folder): ${path.join(input, 'out')}\n`);
    const run = readRun(link);
    expect(run.counts).toEqual({ documents: 2, processed: 0, skipped: 2, failed: 0, notRun: 0 });
    expect(run.ignored).toEqual([{ path: path.join(input, 'out'), reason: 'the output folder' }]);
  });

  test('an input that is the output folder by another path is refused', () => {
    const dir = place();
    const out = path.join(dir, 'out');
    mkdirSync(out);
    copyFileSync(NOTICE, path.join(out, 'a.txt'));
    symlinkSync(out, path.join(dir, 'in'));
    const r = zhenggai(['run', path.join(dir, 'in'), '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`zhenggai: ${path.join(dir, 'in')} is inside the output folder ${out}: name another --out\n`);
  });
});

describe('4. a stale lock and three runs starting at once', () => {
  // Each process waits for the same moment, then takes the lock, holds it a moment and lets it go,
  // saying when it held it (a process the machine started late may take it after the first let it go).
  const HOLDER = `
    const [lockModule, out, start] = process.argv.slice(1);
    const { lockOutDir } = await import(lockModule);
    while (Date.now() < Number(start)) {}
    try {
      const unlock = await lockOutDir(out);
      const from = performance.timeOrigin + performance.now();
      await new Promise((r) => setTimeout(r, 300));
      console.log('took ' + process.pid + ' ' + from + ' ' + (performance.timeOrigin + performance.now()));
      await unlock();
    } catch (error) {
      console.log('refused ' + error.message);
    }`;
  const TRIES = 30;

  test(`never two holders at once, and the others refuse naming the holder, in each of ${TRIES} tries`, async () => {
    const dir = place();
    const lockModule = path.join(ROOT, 'dist', 'batch', 'lock.js');
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    const holder = (out: string, start: number) =>
      new Promise<string>((resolve) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', HOLDER, lockModule, out, String(start)]);
        let said = '';
        child.stdout.on('data', (d: Buffer) => (said += d));
        child.on('exit', () => resolve(said.trim()));
      });
    for (let t = 0; t < TRIES; t++) {
      const out = path.join(dir, `out${t}`);
      mkdirSync(out);
      writeFileSync(path.join(out, '.zhenggai.lock'), JSON.stringify({ pid: dead, host: os.hostname(), startedAt: '2024-01-01T00:00:00.000Z' }));
      const start = Date.now() + 300;
      const said = await Promise.all([holder(out, start), holder(out, start), holder(out, start)]);
      const what = `try ${t}: ${said.join(' | ')}`;
      const took = said.filter((s) => s.startsWith('took ')).map((s) => s.split(' ').slice(1).map(Number) as [number, number, number]);
      expect(took.length, what).toBeGreaterThanOrEqual(1);
      took.sort((a, b) => a[1] - b[1]);
      for (let i = 1; i < took.length; i++) expect(took[i]![1], what).toBeGreaterThanOrEqual(took[i - 1]![2]);
      for (const s of said.filter((s) => !s.startsWith('took '))) {
        const named = new RegExp(`^refused ${out} is in use by another run \\(process (\\d+) on `).exec(s);
        expect(took.map(([pid]) => pid), what).toContain(Number(named?.[1]));
      }
      expect(readdirSync(out), what).toEqual([]);
    }
  }, 120_000);
});

const pagemap = '/proc/self/pagemap';
const endless = existsSync(pagemap) && spawnSync('head', ['-c', '16', pagemap]).stdout?.length === 16;

describe('5. a file that reports size 0 and never ends', () => {
  test.runIf(endless)('a link to /proc/self/pagemap stops at --max-mb and fails with that reason', () => {
    const dir = place();
    const input = path.join(dir, 'in');
    mkdirSync(input);
    symlinkSync(pagemap, path.join(input, 'endless.txt'));
    copyFileSync(NOTICE, path.join(input, 'good.txt'));
    for (const [limit, shown] of [[[], '10.0 MB'], [['--max-mb', '1'], '1.0 MB']] as const) {
      const out = path.join(dir, `out${limit.length}`);
      const t0 = performance.now();
      const r = zhenggai(['run', input, '--out', out, '--quiet', '--timeout', '30', ...limit]);
      expect(performance.now() - t0).toBeLessThan(20_000);
      expect(r.status).toBe(1);
      const reason = `more than ${shown} though the file says 0 KB, over the limit of ${shown} for one document (--max-mb)`;
      expect(readRun(out).failures).toEqual([{ source: path.join(input, 'endless.txt'), id: 'endless', reason }]);
      complete(path.join(out, 'good'));
    }
  });

  test.runIf(endless)('a JSONL line whose path is /proc/self/pagemap', () => {
    const r = zhenggai(['run', '--jsonl', '-', '--quiet', '--max-mb', '1'], { input: `${JSON.stringify({ id: 'endless', path: pagemap })}\n` });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      id: 'endless',
      line: 1,
      source: pagemap,
      error: { code: 'too-large', message: 'more than 1.0 MB though the file says 0 KB, over the limit of 1.0 MB for one document (--max-mb)' },
    });
  });
});

describe('6. a link from an input folder to a file outside it', () => {
  test('is followed, and listed in run.json "linksOutside" and on stderr; a link within the input folders is not listed', () => {
    const dir = place();
    const input = path.join(dir, 'in');
    const outside = path.join(dir, 'outside');
    mkdirSync(path.join(input, 'sub'), { recursive: true });
    mkdirSync(outside);
    copyFileSync(NOTICE, path.join(outside, 'notice.txt'));
    copyFileSync(OTHER, path.join(input, 'b.txt'));
    symlinkSync(path.join(outside, 'notice.txt'), path.join(input, 'linked.txt'));
    symlinkSync(path.join(input, 'b.txt'), path.join(input, 'sub', 'same.txt'));
    const out = path.join(dir, 'out');
    const r = zhenggai(['run', input, '--out', out, '--quiet']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`zhenggai: 1 link leads outside the input folders and was followed (run.json "linksOutside"): ${path.join(input, 'linked.txt')} → ${path.join(outside, 'notice.txt')}\n`);
    expect(readRun(out).linksOutside).toEqual([{ path: path.join(input, 'linked.txt'), target: path.join(outside, 'notice.txt') }]);
    complete(path.join(out, 'linked'));
    complete(path.join(out, 'sub__same'));
  });
});

describe('7. inputs deleted while a --force run is going', () => {
  test('keep their last outputs, listed as stale, as an input removed before the run', async () => {
    const dir = place();
    const input = path.join(dir, 'in');
    mkdirSync(input);
    const DOCUMENTS = 300;
    const ids = Array.from({ length: DOCUMENTS }, (_, i) => `d${String(i).padStart(3, '0')}`);
    ids.forEach((id, i) => copyFileSync(i % 2 ? NOTICE : OTHER, path.join(input, `${id}.txt`)));
    const out = path.join(dir, 'out');
    expect(zhenggai(['run', input, '--out', out, '--quiet', '--jobs', '1']).status).toBe(0);
    const gone = ids.slice(-50);
    const before = Object.fromEntries(gone.map((id) => [id, tree(path.join(out, id))]));
    const firstDone = path.join(out, ids[0]!, '.done.json');
    const doneAt = statSync(firstDone).mtimeMs;
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'run', input, '--out', out, '--quiet', '--jobs', '1', '--force'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Once the first document is redone, the last fifty inputs go.
    while ((statSync(firstDone, { throwIfNoEntry: false })?.mtimeMs ?? doneAt) === doneAt) await new Promise((r) => setTimeout(r, 5));
    for (const id of gone) unlinkSync(path.join(input, `${id}.txt`));
    expect(await exited).toBe(1);
    const run = readRun(out);
    const reason = 'its input is gone (removed during the run): its earlier outputs are kept, listed as stale';
    expect(run.stale).toEqual(gone);
    expect(run.failures).toEqual(gone.map((id) => ({ source: path.join(input, `${id}.txt`), id, reason })));
    expect(run.counts).toEqual({ documents: DOCUMENTS, processed: DOCUMENTS - 50, skipped: 0, failed: 50, notRun: 0 });
    for (const id of gone) expect(tree(path.join(out, id)), id).toEqual(before[id]);
    expect(stderr.split('\n').at(-2)).toMatch(/^zhenggai: 50 document folders in .* not among this run's inputs/);
  }, 120_000);
});

describe('8. the resume record holds a hash of each output file: a file changed by hand is redone, and said', () => {
  test('a hand-edited final document, valid JSON, with a payload for a title', () => {
    const { input, out, a } = twoDone();
    const file = path.join(out, 'a', '5-validate.json');
    const original = readFileSync(file, 'utf8');
    const csv = readFileSync(path.join(out, 'documents.csv'), 'utf8');
    const final = JSON.parse(original);
    final.meta.title = '<img src=x onerror=alert(1)>';
    writeFileSync(file, JSON.stringify(final, null, 1) + '\n');
    const r = zhenggai(['run', input, '--out', out, '--quiet']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`zhenggai: ${a}: redone: ${file} differs from what the last run wrote\n`);
    const run = readRun(out);
    expect(run.redone).toEqual([{ source: a, id: 'a', why: `${file} differs from what the last run wrote` }]);
    expect(run.counts).toEqual({ documents: 2, processed: 1, skipped: 1, failed: 0, notRun: 0 });
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(readFileSync(path.join(out, 'documents.csv'), 'utf8')).toBe(csv);
  });

  test('a resume record whose minhash was altered does not make an unrelated document a repost', () => {
    const { input, out, b } = twoDone();
    const done = (id: string) => path.join(out, id, '.done.json');
    const record = JSON.parse(readFileSync(done('b'), 'utf8'));
    record.minhash = JSON.parse(readFileSync(done('a'), 'utf8')).minhash;
    writeFileSync(done('b'), JSON.stringify(record) + '\n');
    const r = zhenggai(['run', input, '--out', out, '--quiet']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`zhenggai: ${b}: redone: ${done('b')} differs from what the last run wrote\n`);
    expect(readCsv(path.join(out, 'documents.csv')).map((row) => [row.id, row.duplicateOf])).toEqual([
      ['a', ''],
      ['b', ''],
    ]);
  });

  test('a stage file changed without a change of size (a digit), or removed', () => {
    const { input, out, a, b } = twoDone();
    const extract = path.join(out, 'a', '4-extract.json');
    const text = readFileSync(extract, 'utf8');
    const digit = text.search(/"value": [1-8]/) + '"value": '.length;
    writeFileSync(extract, text.slice(0, digit) + String(Number(text[digit]) + 1) + text.slice(digit + 1));
    // Later than the resume record, as any edit after the run is.
    const later = statSync(path.join(out, 'a', '.done.json')).mtime.getTime() / 1000 + 2;
    utimesSync(extract, later, later);
    rmSync(path.join(out, 'b', '1-clean.json'));
    const r = zhenggai(['run', input, '--out', out, '--quiet']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`zhenggai: ${a}: redone: ${extract} differs from what the last run wrote\nzhenggai: ${b}: redone: ${path.join(out, 'b', '1-clean.json')} is missing\n`);
    expect(readFileSync(extract, 'utf8')).toBe(text);
    complete(path.join(out, 'b'));
  });

  test('zhenggai report leaves a tampered document out of the page, says which, and exits 1', () => {
    const { out } = twoDone();
    const file = path.join(out, 'a', '5-validate.json');
    const final = JSON.parse(readFileSync(file, 'utf8'));
    final.meta.title = '<img src=x onerror=alert(1)>';
    writeFileSync(file, JSON.stringify(final, null, 1) + '\n');
    const r = zhenggai(['report', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`zhenggai: ${file} differs from what the last run wrote: left out of the page (run zhenggai run again to redo it)\nzhenggai: wrote ${path.join(out, 'report.html')}\n`);
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).not.toContain('onerror=alert');
    expect(html).toContain(JSON.stringify(`${file} differs from what the last run wrote: left out of the page`).slice(1, -1));
  });
});

describe('9. a JSONL line whose object holds a bare CR between fields', () => {
  test('only LF ends a line: every id once, line numbers as an editor counts them', () => {
    const text = readFileSync(NOTICE, 'utf8');
    const input = [`{"id": "one",\r"text": ${JSON.stringify(text)}}`, `{"id": "two", "text": ${JSON.stringify(text)}}\r`, '{"id": "three"}', ''].join('\n');
    const r = zhenggai(['run', '--jsonl', '-', '--quiet'], { input });
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['one', 'two', 'three']);
    expect(lines[2]).toEqual({ id: 'three', line: 3, source: 'three', error: { code: 'bad-line', message: 'needs a string "text" or "path"' } });
    expect(lines[0].summary.totalProblems).toBe(36);
  });
});

describe('10. UTF-16 without a byte-order mark', () => {
  test.each([['utf-16le'], ['utf-16be']])('%s: decoded, with an info message', (encoding) => {
    const dir = place();
    const text = readFileSync(NOTICE, 'utf8');
    const le = Buffer.from(text, 'utf16le');
    writeFileSync(path.join(dir, 'notice.txt'), encoding === 'utf-16le' ? le : Buffer.from(le).swap16());
    const out = path.join(dir, 'out');
    const r = zhenggai(['run', path.join(dir, 'notice.txt'), '--out', out, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const final = JSON.parse(readFileSync(path.join(out, 'notice', '5-validate.json'), 'utf8'));
    expect(final.summary.totalProblems).toBe(36);
    expect(final.diagnostics.filter((d: { code: string }) => d.code === 'clean/encoding')).toEqual([
      { level: 'info', code: 'clean/encoding', message: `decoded as ${encoding} (no byte-order mark: NUL bytes on alternate sides, and the text reads as Chinese)`, span: null },
    ]);
    expect(JSON.parse(readFileSync(path.join(out, 'notice', '1-clean.json'), 'utf8')).encoding).toBe(encoding);
  });
});

describe('11. a link loop', () => {
  test('is named a link loop, not a link to nothing', () => {
    const dir = place();
    const input = path.join(dir, 'in');
    mkdirSync(input);
    copyFileSync(NOTICE, path.join(input, 'good.txt'));
    symlinkSync('self.txt', path.join(input, 'self.txt'));
    symlinkSync('pong.txt', path.join(input, 'ping.txt'));
    symlinkSync('ping.txt', path.join(input, 'pong.txt'));
    const r = zhenggai(['run', input, '--out', path.join(dir, 'out'), '--quiet']);
    expect(r.status).toBe(1);
    oneLineEach(r.stderr);
    const reason = 'a link loop (following it leads back to itself, never to a file)';
    expect(readRun(path.join(dir, 'out')).failures).toEqual(['ping', 'pong', 'self'].map((id) => ({ source: path.join(input, `${id}.txt`), id, reason })));
  });
});

describe('12. an HTML page whose tags are never closed', () => {
  /** Each piece of the page's text once, in the order of the page, and the offset map never going back. */
  function cleaned(page: string): { text: string; map: Int32Array } {
    const dir = place();
    writeFileSync(path.join(dir, 'page.htm'), page);
    const r = zhenggai(['run', path.join(dir, 'page.htm'), '--out', path.join(dir, 'out'), '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const clean = JSON.parse(readFileSync(path.join(dir, 'out', 'page', '1-clean.json'), 'utf8'));
    const map = fromAnchors(clean.offsetMap, clean.text.length);
    for (let i = 1; i < map.length; i++) expect(map[i]!, `offset ${i}`).toBeGreaterThanOrEqual(map[i - 1]!);
    return { text: clean.text, map };
  }

  test('<h1><p>5 个小故事,走进崇阳巡察一线: the title once, the map from 7 on', () => {
    const { text, map } = cleaned('<h1><p>5 个小故事,走进崇阳巡察一线');
    expect(text).toBe('5 个小故事,走进崇阳巡察一线');
    expect(map[0]).toBe(7);
  });

  test('a title after the content block in the page does not open the text', () => {
    const body = readFileSync(NOTICE, 'utf8').split('\n').slice(0, 8).join('</p><p>');
    const { text } = cleaned(`<html><body><div id="zoom"><p>${body}</p></div><h1>巡察整改进展情况的通报</h1></body></html>`);
    expect(text.startsWith('巡察整改进展情况的通报')).toBe(false);
  });

  test('the fuzz bench with the seed that found it keeps every invariant (1,000 documents)', () => {
    const result = fc.check(
      fc.property(documentArbitrary(), (doc) => {
        const problems = check(doc);
        if (problems.length) throw new Error(problems.join('\n'));
      }),
      { numRuns: 1000, seed: 20261207 },
    );
    expect(result.failed ? String(result.errorInstance) : null).toBe(null);
  });
});
