/**
 * The findings of the hardening issue, one test each: odd file names, collisions, huge and
 * deeply nested inputs, limits, bad command lines, concurrent runs, skipped files. Each runs the
 * built command line, as a user would. (Disk full: diskfull.test.ts; kill -9: resume.test.ts;
 * superlinear time: `npm run bench:doubling`.)
 */
import { type SpawnSyncOptions, spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CLI, CORPUS } from '../helpers.js';
import { NOTICE, OTHER, complete, oneLineEach, readCsv, readRun, scratch, tree, twoNotices, zhenggai } from './cli.js';

const place = scratch('zhenggai-hostile-');

/** Running as root, tests of permissions run the command as `nobody`, for whom they hold. */
const root0 = process.getuid?.() === 0;
const unprivileged: SpawnSyncOptions = root0 ? { uid: 65534, gid: 65534 } : {};
const canDrop = !root0 || spawnSync(process.execPath, [CLI, '--help'], { ...unprivileged, encoding: 'utf8' }).status === 0;

describe('1. an empty file named ...txt: nothing outside out/ is touched', () => {
  test('the parent of out/, the corpus and files beside them stay as they were', () => {
    const victim = place();
    mkdirSync(path.join(victim, 'corpus'));
    mkdirSync(path.join(victim, 'keep'));
    writeFileSync(path.join(victim, 'corpus', '...txt'), '');
    copyFileSync(NOTICE, path.join(victim, 'corpus', 'a.txt'));
    writeFileSync(path.join(victim, 'keep', 'notes.md'), '不相干的文件\n');
    const before = tree(victim);
    const r = zhenggai(['run', path.join(victim, 'corpus'), '--out', path.join(victim, 'out'), '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`zhenggai: ${path.join(victim, 'corpus', '...txt')}: empty file\n`);
    const after = tree(victim);
    for (const [f, hash] of Object.entries(before)) expect(after[f], f).toBe(hash);
    expect(Object.keys(after).filter((f) => !(f in before) && !f.startsWith('out/'))).toEqual([]);
    const run = readRun(path.join(victim, 'out'));
    expect(run.failures).toEqual([{ source: path.join(victim, 'corpus', '...txt'), id: '__', reason: 'empty file' }]);
    expect(run.renamed).toEqual([{ source: path.join(victim, 'corpus', '...txt'), id: '__', plainId: '..', why: '".." is not a folder name of its own' }]);
  });

  test('a non-empty ...txt writes its files in out/__/, not in the parent of out/', () => {
    const victim = place();
    mkdirSync(path.join(victim, 'corpus'));
    copyFileSync(NOTICE, path.join(victim, 'corpus', '...txt'));
    const r = zhenggai(['run', path.join(victim, 'corpus'), '--out', path.join(victim, 'out'), '--quiet']);
    expect(r.status).toBe(0);
    complete(path.join(victim, 'out', '__'));
    expect(readdirSync(victim).sort()).toEqual(['corpus', 'out']);
  });
});

describe('2. a file named ..txt', () => {
  test('is written in out/_/; the CSVs, run.json and report.html are in place', () => {
    const dir = place();
    mkdirSync(path.join(dir, 'in'));
    copyFileSync(NOTICE, path.join(dir, 'in', '..txt'));
    copyFileSync(OTHER, path.join(dir, 'in', 'b.txt'));
    const out = path.join(dir, 'out');
    const r = zhenggai(['run', path.join(dir, 'in'), '--out', out, '--quiet']);
    expect(r.status).toBe(0);
    complete(path.join(out, '_'));
    complete(path.join(out, 'b'));
    expect(readdirSync(out).sort()).toEqual(['_', 'b', 'dates.csv', 'diagnostics.csv', 'documents.csv', 'numbers.csv', 'problems.csv', 'report.html', 'run.json']);
    expect(readCsv(path.join(out, 'documents.csv')).map((r) => [r.id, r.plainId, r.status])).toEqual([
      ['_', '.', 'ok'],
      ['b', '', 'ok'],
    ]);
  });
});

describe('3. ids that collide', () => {
  const dir = place();
  const input = path.join(dir, 'in');
  mkdirSync(path.join(input, 'sub'), { recursive: true });
  mkdirSync(path.join(input, 'x'), { recursive: true });
  const corpus = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).map((f) => path.join(CORPUS, f));
  const names = ['n.txt', 'n.htm', 'sub/m.txt', 'sub__m.txt', 'x/a b.txt', 'x/a_b.txt', 'N.txt'];
  names.forEach((name, i) => copyFileSync(corpus[i % corpus.length]!, path.join(input, name)));
  const out = path.join(dir, 'out');
  const first = zhenggai(['run', input, '--out', out, '--jobs', '2', '--quiet']);
  const firstTree = tree(out);

  test('one folder per document, each complete, every id in documents.csv once', () => {
    expect(first.status).toBe(0);
    const rows = readCsv(path.join(out, 'documents.csv'));
    expect(rows).toHaveLength(names.length);
    expect(new Set(rows.map((r) => r.id!.toLowerCase())).size).toBe(names.length);
    expect(rows.map((r) => r.source).sort()).toEqual(names.map((n) => path.join(input, n)).sort());
    for (const r of rows) {
      complete(path.join(out, r.id!));
      expect(JSON.parse(readFileSync(path.join(out, r.id!, '5-validate.json'), 'utf8')).source).toBe(r.source);
    }
    expect(rows.filter((r) => r.plainId).map((r) => r.plainId).sort()).toEqual(['N', 'n', 'n', 'sub__m', 'sub__m', 'x__a_b', 'x__a_b']);
    expect(readRun(out).renamed).toHaveLength(names.length);
  });

  test('the report shows every document', () => {
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    for (const r of readCsv(path.join(out, 'documents.csv'))) expect(html).toContain(JSON.stringify(r.id));
  });

  test('a rerun settles: everything skipped, every file the same', () => {
    const again = zhenggai(['run', input, '--out', out, '--jobs', '2', '--quiet']);
    expect(again.status).toBe(0);
    expect(readRun(out).counts).toEqual({ documents: names.length, processed: 0, skipped: names.length, failed: 0, notRun: 0 });
    const now = tree(out);
    for (const f of Object.keys(firstTree)) if (!/run\.json|report\.html/.test(f)) expect(now[f], f).toBe(firstTree[f]);
  });

  test('run a/x.txt b/x.txt: two files of one name given by path are two documents', () => {
    const d = place();
    mkdirSync(path.join(d, 'a'));
    mkdirSync(path.join(d, 'b'));
    copyFileSync(NOTICE, path.join(d, 'a', 'x.txt'));
    copyFileSync(OTHER, path.join(d, 'b', 'x.txt'));
    const r = zhenggai(['run', path.join(d, 'a', 'x.txt'), path.join(d, 'b', 'x.txt'), '--out', path.join(d, 'out'), '--quiet']);
    expect(r.status).toBe(0);
    const rows = readCsv(path.join(d, 'out', 'documents.csv'));
    expect(rows.map((r) => r.source).sort()).toEqual([path.join(d, 'a', 'x.txt'), path.join(d, 'b', 'x.txt')]);
    expect(rows.map((r) => r.id)).toEqual([expect.stringMatching(/^x~[0-9a-f]{8}$/), expect.stringMatching(/^x~[0-9a-f]{8}$/)]);
    expect(rows[0]!.sha256).not.toBe(rows[1]!.sha256);
  });
});

describe('6 and 8. inputs too deep or too large fail at once, with their reason, and the batch goes on', () => {
  test('nine web pages nested 60,000 deep, --jobs 2', () => {
    const dir = place();
    mkdirSync(path.join(dir, 'in'));
    for (let i = 0; i < 9; i++) writeFileSync(path.join(dir, 'in', `deep${i}.html`), `<html><body>${'<div>'.repeat(60_000 + i)}巡察整改${'</div>'.repeat(60_000 + i)}</body></html>`);
    copyFileSync(NOTICE, path.join(dir, 'in', 'good.txt'));
    const r = zhenggai(['run', path.join(dir, 'in'), '--out', path.join(dir, 'out'), '--jobs', '2', '--quiet']);
    expect(r.status).toBe(1);
    oneLineEach(r.stderr);
    const run = readRun(path.join(dir, 'out'));
    expect(run.counts).toEqual({ documents: 10, processed: 1, skipped: 0, failed: 9, notRun: 0 });
    expect(run.failures[0].reason).toBe('a web page whose elements nest 60000 deep (more than 5000): not a page a browser could show');
  });

  test('a 50 MB and a 200 MB text fail before they are read; --max-mb sets the limit', () => {
    const dir = place();
    mkdirSync(path.join(dir, 'in'));
    // Sparse files: their size is what is checked, before anything is read.
    writeFileSync(path.join(dir, 'in', 'dump50.txt'), '');
    truncateSync(path.join(dir, 'in', 'dump50.txt'), 50e6);
    writeFileSync(path.join(dir, 'in', 'dump200.txt'), '');
    truncateSync(path.join(dir, 'in', 'dump200.txt'), 200e6);
    copyFileSync(NOTICE, path.join(dir, 'in', 'good.txt'));
    const r = zhenggai(['run', path.join(dir, 'in'), '--out', path.join(dir, 'out'), '--quiet']);
    expect(r.status).toBe(1);
    expect(readRun(path.join(dir, 'out')).failures.map((f: { id: string; reason: string }) => [f.id, f.reason])).toEqual([
      ['dump200', '200.0 MB, over the limit of 10.0 MB for one document (--max-mb)'],
      ['dump50', '50.0 MB, over the limit of 10.0 MB for one document (--max-mb)'],
    ]);
    const small = zhenggai(['run', path.join(dir, 'in', 'good.txt'), '--out', path.join(dir, 'out2'), '--max-mb', '0.01', '--quiet']);
    expect(small.status).toBe(1);
    expect(small.stderr).toBe(`zhenggai: ${path.join(dir, 'in', 'good.txt')}: ${Math.ceil(statSync(NOTICE).size / 1e3)} KB, over the limit of 10 KB for one document (--max-mb)\n`);
  });
});

describe('the watchdog: time and memory limits of one document', () => {
  const dir = place();
  const input = path.join(dir, 'in');
  mkdirSync(input);
  const notice = readFileSync(NOTICE, 'utf8');
  // About 5 MB: some 4 s of work here, far over a 1 s limit; the small ones take some 50 ms.
  writeFileSync(path.join(input, 'big.txt'), `${notice}\n`.repeat(Math.ceil(5e6 / Buffer.byteLength(notice))));
  copyFileSync(NOTICE, path.join(input, 'a.txt'));
  copyFileSync(OTHER, path.join(input, 'b.txt'));

  test('a document over --timeout fails with that reason, leaves no folder, and the others are written', () => {
    const out = path.join(dir, 'out-time');
    const r = zhenggai(['run', input, '--out', out, '--jobs', '2', '--timeout', '1', '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`zhenggai: ${path.join(input, 'big.txt')}: took longer than 1 s, the limit for one document (--timeout)\n`);
    expect(existsSync(path.join(out, 'big'))).toBe(false);
    complete(path.join(out, 'a'));
    complete(path.join(out, 'b'));
    expect(readCsv(path.join(out, 'documents.csv')).map((r) => [r.id, r.status, r.reason])).toEqual([
      ['a', 'ok', ''],
      ['b', 'ok', ''],
      ['big', 'failed', 'took longer than 1 s, the limit for one document (--timeout)'],
    ]);
  });

  test('a document over --heap-mb fails with that reason, and the thread is replaced for the others', () => {
    const out = path.join(dir, 'out-heap');
    const r = zhenggai(['run', input, '--out', out, '--jobs', '1', '--heap-mb', '64', '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`zhenggai: ${path.join(input, 'big.txt')}: needed more than 64 MB of memory, the limit for one document (--heap-mb)\n`);
    expect(existsSync(path.join(out, 'big'))).toBe(false);
    complete(path.join(out, 'a'));
    complete(path.join(out, 'b'));
  });
});

describe('9. --jobs is capped', () => {
  test('--jobs 10000 runs the most threads the machine can use, and says so', () => {
    const dir = place();
    const r = zhenggai(['run', NOTICE, '--out', path.join(dir, 'out'), '--jobs', '10000', '--quiet']);
    expect(r.status).toBe(0);
    const most = Math.max(2, os.availableParallelism());
    expect(r.stderr).toBe(`zhenggai: --jobs 10000 is more than this machine's ${os.availableParallelism()} cores can use: running ${most} worker threads\n`);
  });
});

describe('10. what a user can get wrong is one line, exit 2; an unreadable file or folder is one failure', () => {
  test('--jsonl naming a missing file', () => {
    const r = zhenggai(['run', '--jsonl', '/missing.jsonl']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('zhenggai: cannot read --jsonl /missing.jsonl: no such file or folder (ENOENT)\n');
  });

  test('--out naming a file', () => {
    const dir = place();
    writeFileSync(path.join(dir, 'out'), 'not a folder');
    const r = zhenggai(['run', NOTICE, '--out', path.join(dir, 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`zhenggai: --out ${path.join(dir, 'out')} is a file, not a folder\n`);
    expect(readFileSync(path.join(dir, 'out'), 'utf8')).toBe('not a folder');
  });

  test('--out where nothing can be made (/sys refuses even root)', () => {
    const r = zhenggai(['run', NOTICE, '--out', '/sys/zhenggai-out']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^zhenggai: cannot make the output folder \/sys\/zhenggai-out: (operation not permitted \(EPERM\)|permission denied \(EACCES\)|read-only file system \(EROFS\))\n$/);
  });

  test.runIf(canDrop)('a read-only out/', () => {
    const dir = place();
    const out = path.join(dir, 'out');
    mkdirSync(out, { mode: 0o555 });
    chmodSync(out, 0o555);
    const r = zhenggai(['run', NOTICE, '--out', out], unprivileged);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`zhenggai: cannot write in ${out}: permission denied (EACCES)\n`);
  });

  test.runIf(canDrop)('an unreadable subfolder is one failed input; the rest is written', () => {
    const dir = place();
    const input = path.join(dir, 'in');
    mkdirSync(path.join(input, 'locked'), { recursive: true, mode: 0o777 });
    chmodSync(input, 0o777);
    copyFileSync(NOTICE, path.join(input, 'a.txt'));
    copyFileSync(OTHER, path.join(input, 'locked', 'b.txt'));
    chmodSync(path.join(input, 'locked'), 0o000);
    const r = zhenggai(['run', input, '--out', path.join(dir, 'out'), '--quiet'], unprivileged);
    chmodSync(path.join(input, 'locked'), 0o755);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`zhenggai: ${path.join(input, 'locked')}: cannot read this folder: permission denied (EACCES)\n`);
    const rows = readCsv(path.join(dir, 'out', 'documents.csv'));
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['a', 'ok'],
      ['locked', 'failed'],
    ]);
  });

  test('a JSONL line whose path is missing is one failure, the other lines go on', () => {
    const r = zhenggai(['run', '--jsonl', '-', '--quiet'], {
      input: `${JSON.stringify({ id: 'gone', path: '/no/such/notice.txt' })}\n${JSON.stringify({ id: 'here', path: NOTICE })}\n`,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('zhenggai: /no/such/notice.txt: cannot read it: no such file or folder (ENOENT)\n');
    const [gone, here] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(gone).toEqual({ id: 'gone', line: 1, source: '/no/such/notice.txt', error: { code: 'unreadable', message: 'cannot read it: no such file or folder (ENOENT)' } });
    expect(here.id).toBe('here');
    expect(here.summary.totalProblems).toBe(36);
  });

  test.each([[['run', NOTICE, '--jobs', '0']], [['run', NOTICE, '--timeout', 'soon']], [['run', NOTICE, '--max-mb=-1']], [['run', NOTICE, '--heap-mb', '1.5']]])(
    'bad option values: %j',
    (args) => {
      const r = zhenggai(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^zhenggai: --[a-z-]+ (takes a whole number of at least 1|is [^:]+: a number above 0 and at most \d+ \([^)]+\)), not "[^"]*"\n$/);
    },
  );
});

describe('11. two runs into one out/ at once', () => {
  const DOCUMENTS = 400;
  test('the second refuses in one line and touches nothing; the first completes', async () => {
    const dir = place();
    const input = path.join(dir, 'in');
    mkdirSync(input);
    // Enough documents that the first run is still going when the second has started up (a second or so).
    for (let i = 0; i < DOCUMENTS; i++) copyFileSync(i % 2 ? NOTICE : OTHER, path.join(input, `d${i}.txt`));
    const out = path.join(dir, 'out');
    const first = spawn(process.execPath, [CLI, 'run', input, '--out', out, '--jobs', '1', '--quiet'], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => first.on('exit', (code) => resolve(code)));
    while (!existsSync(path.join(out, '.zhenggai.lock'))) await new Promise((r) => setTimeout(r, 5));
    const second = zhenggai(['run', input, '--out', out, '--quiet']);
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`^zhenggai: ${out} is in use by another run \\(process ${first.pid} on ${os.hostname()}, since [^)]+\\); wait for it, or delete ${out}/.zhenggai.lock if no run is going on\\n$`));
    expect(await exited).toBe(0);
    expect(readRun(out).counts).toEqual({ documents: DOCUMENTS, processed: DOCUMENTS, skipped: 0, failed: 0, notRun: 0 });
    expect(existsSync(path.join(out, '.zhenggai.lock'))).toBe(false);
  });

  test('a lock left by a killed run (its process is gone) is taken over', () => {
    const dir = place();
    const out = path.join(dir, 'out');
    mkdirSync(out);
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(path.join(out, '.zhenggai.lock'), JSON.stringify({ pid: Number(dead.stdout), host: os.hostname(), startedAt: '2024-01-01T00:00:00.000Z' }));
    const r = zhenggai(['run', NOTICE, '--out', out, '--quiet']);
    expect(r.status).toBe(0);
    expect(existsSync(path.join(out, '.zhenggai.lock'))).toBe(false);
  });
});

describe('12. a notice with its line breaks removed', () => {
  test('one line starting 当前位置 is the notice, processed as text', () => {
    const dir = place();
    const text = readFileSync(NOTICE, 'utf8');
    writeFileSync(path.join(dir, 'one-line.txt'), `当前位置:首页>>巡察工作>>${text.replace(/\s*\n\s*/g, '')}`);
    const r = zhenggai(['run', path.join(dir, 'one-line.txt'), '--out', path.join(dir, 'out'), '--quiet']);
    expect(r.status).toBe(0);
    const final = JSON.parse(readFileSync(path.join(dir, 'out', 'one-line', '5-validate.json'), 'utf8'));
    expect(final.summary.totalProblems).toBe(36);
    expect(final.numbers.length).toBeGreaterThan(30);
  });
});

describe('13. out/ inside the corpus; report on a folder that is not an output', () => {
  test('a second run does not read out/report.html, and names out/ as not read', () => {
    const dir = place();
    const input = twoNotices(path.join(dir, 'corpus'));
    const out = path.join(input, 'out');
    expect(zhenggai(['run', input, '--out', out, '--quiet']).status).toBe(0);
    const again = zhenggai(['run', input, '--out', out, '--quiet']);
    expect(again.status).toBe(0);
    expect(again.stderr).toBe(`zhenggai: 1 entry not read (1 the output folder): ${out}\n`);
    const run = readRun(out);
    expect(run.counts).toEqual({ documents: 2, processed: 0, skipped: 2, failed: 0, notRun: 0 });
    expect(run.ignored).toEqual([{ path: out, reason: 'the output folder' }]);
  });

  test('an input inside out/ is refused', () => {
    const dir = place();
    const out = path.join(dir, 'out');
    mkdirSync(out);
    copyFileSync(NOTICE, path.join(out, 'a.txt'));
    const r = zhenggai(['run', out, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`zhenggai: ${out} is inside the output folder ${out}: name another --out\n`);
  });

  test('zhenggai report on any folder refuses and writes nothing', () => {
    const dir = place();
    writeFileSync(path.join(dir, 'thesis.md'), '论文\n');
    const r = zhenggai(['report', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`zhenggai: ${dir} is not an output folder of zhenggai run: it has no run.json and no <docId>/5-validate.json\n`);
    expect(readdirSync(dir)).toEqual(['thesis.md']);
  });
});

describe('14. nothing skipped without a word', () => {
  test('a link to a .txt is read; .docx and .pdf are named in the summary and run.json', () => {
    const dir = place();
    const input = path.join(dir, 'in');
    mkdirSync(input);
    copyFileSync(NOTICE, path.join(input, 'a.txt'));
    symlinkSync(OTHER, path.join(input, 'linked.txt'));
    symlinkSync(CORPUS, path.join(input, 'folder-link'));
    writeFileSync(path.join(input, 'notice.docx'), 'PK');
    writeFileSync(path.join(input, 'notice.pdf'), '%PDF-1.4');
    const r = zhenggai(['run', input, '--out', path.join(dir, 'out'), '--quiet']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      `zhenggai: 3 entries not read (1 a link to a folder (not followed); 2 not .txt, .html, .htm): ${path.join(input, 'folder-link')}, ${path.join(input, 'notice.docx')}, ${path.join(input, 'notice.pdf')}\n` +
        `zhenggai: 1 link leads outside the input folders and was followed (run.json "linksOutside"): ${path.join(input, 'linked.txt')} → ${OTHER}\n`,
    );
    const run = readRun(path.join(dir, 'out'));
    expect(run.counts.processed).toBe(2);
    expect(run.ignored.map((i: { path: string }) => path.basename(i.path))).toEqual(['folder-link', 'notice.docx', 'notice.pdf']);
    complete(path.join(dir, 'out', 'linked'));
  });
});
