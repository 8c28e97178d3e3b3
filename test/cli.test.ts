import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { FinalDocument } from '../src/schema.js';
import { CLI, CORPUS, ROOT } from './helpers.js';

const zhenggai = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('zhenggai run on a folder with broken files among good ones', () => {
  let input: string, out: string, result: SpawnSyncReturns<string>;
  beforeAll(() => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-cli-'));
    input = path.join(dir, 'in');
    out = path.join(dir, 'out');
    mkdirSync(input, { recursive: true });
    copyFileSync(path.join(CORPUS, '003_7004f69c1b986a66.txt'), path.join(input, '003.txt'));
    copyFileSync(path.join(CORPUS, '002_96900efc544a01e9.txt'), path.join(input, '002.txt'));
    writeFileSync(path.join(input, 'logo.png'), Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'));
    writeFileSync(path.join(input, 'image.txt'), Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'));
    writeFileSync(path.join(input, 'empty.txt'), '');
    result = zhenggai('run', input, '--out', out, '--jobs', '2');
  });

  test('exits 1 and names each bad file with its reason on stderr', () => {
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/empty\.txt: empty file/);
    expect(result.stderr).toMatch(/image\.txt: binary file/);
  });

  test('still writes every good document, valid against the schema', () => {
    for (const id of ['003', '002']) {
      const doc = JSON.parse(readFileSync(path.join(out, id, '5-validate.json'), 'utf8'));
      expect(FinalDocument.safeParse(doc).success).toBe(true);
    }
    expect(existsSync(path.join(out, 'empty'))).toBe(false);
  });

  test('lists the failures in run.json', () => {
    const run = JSON.parse(readFileSync(path.join(out, 'run.json'), 'utf8'));
    expect(run.counts).toMatchObject({ documents: 4, processed: 2, failed: 2 });
    expect(run.failures.map((f: { id: string; reason: string }) => [f.id, f.reason])).toEqual([
      ['empty', 'empty file'],
      ['image', 'binary file: a PNG image, not text'],
    ]);
  });

  test('writes the five CSV files with a byte-order mark', () => {
    for (const name of ['documents', 'problems', 'numbers', 'dates', 'diagnostics']) {
      expect(readFileSync(path.join(out, `${name}.csv`)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    }
    const header = readFileSync(path.join(out, 'problems.csv'), 'utf8').split('\r\n')[0]!.replace(/"/g, '');
    expect(header).toBe('\uFEFFid,number,category,categoryTitle,text,status,rectification,start,end,rectificationStart,rectificationEnd,spanStart,spanEnd');
  });
});

test('the built command can be run as a program (npx zhenggai, npm link): dist/cli.js keeps its execute bit after a build', () => {
  expect(statSync(CLI).mode & 0o111).not.toBe(0);
  const r = spawnSync(CLI, ['--version'], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
});

describe('the command line in its own words', () => {
  test('--help lists every command with a line, and the options', () => {
    const help = zhenggai('--help');
    expect(help.status).toBe(0);
    for (const command of ['run <file or folder>...', 'run --jsonl FILE|-', 'report OUT', 'csv [FILE or FOLDER]...']) expect(help.stdout).toMatch(new RegExp(`^  ${command.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +\\S`, 'm'));
    for (const option of ['--out DIR', '--jobs N', '--force', '--quiet', '--xlsx', '--jsonl FILE', '--allow-failures', '--version']) expect(help.stdout).toContain(option);
    expect(zhenggai('run', '--help').stdout).toBe(help.stdout);
  });

  test.each(['--version', '-v', '-V'])('%s prints the package version', (flag) => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const r = zhenggai(flag);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, `${version}\n`, '']);
  });

  test.each([
    [['frobnicate'], 'unknown command "frobnicate"; the commands are run, report, csv, eval'],
    [['rn', 'corpus'], 'unknown command "rn"; did you mean run?'],
    [[], 'name a command: zhenggai run, zhenggai report, zhenggai csv, zhenggai eval (zhenggai --help)'],
    [['eval', 'out'], 'eval needs --gold DIR and one output folder: zhenggai eval --gold DIR OUT'],
    [['eval', '--gold', 'gold', 'out', '--min', '2'], '--min takes a score from 0 to 1, not "2"'],
    [['run'], 'name at least one file or folder: zhenggai run <file or folder>... (zhenggai --help)'],
    [['run', 'corpus', '--jobz', '2'], 'unknown option --jobz for zhenggai run; did you mean --jobs?'],
    [['run', 'corpus', '--jobs', '-1'], '--jobs takes a whole number of at least 1, not "-1"'],
    [['run', 'corpus', '--jobs', 'zero'], '--jobs takes a whole number of at least 1, not "zero"'],
    [['run', 'corpus', '--jobs'], '--jobs needs a value'],
    // 1e9 seconds, meant as "no limit": the line says what --timeout limits, and how far it goes.
    [['run', 'corpus', '--timeout', '1e9'], '--timeout is the seconds of work one document may take: a number above 0 and at most 86400 (a day), not "1e9"'],
    [['run', 'corpus', '--timeout', 'forever'], '--timeout is the seconds of work one document may take: a number above 0 and at most 86400 (a day), not "forever"'],
    [['run', 'corpus', '--max-mb', '0'], '--max-mb is the largest input of one document, in MB: a number above 0 and at most 2147 (Node reads at most 2 GiB at once), not "0"'],
    [['run', 'corpus', '--quiet=yes'], '--quiet takes no value (it is on when given), not "yes"'],
    [['run', 'corpus', '--frobnicate'], 'unknown option --frobnicate for zhenggai run; the options are --out, --jobs, --force, --quiet, --xlsx, --jsonl, --allow-failures, --max-mb, --timeout, --heap-mb, --help'],
    [['run', '/no/such/folder'], 'no such file or folder: /no/such/folder'],
    [['run', '--jsonl', '-', '--out', 'elsewhere'], '--out does not go with --jsonl: streaming mode writes each final document to stdout and nothing to disk (redirect it: > documents.jsonl)'],
    [['report'], 'name one output folder: zhenggai report OUT'],
    [['report', '/no/such/folder'], 'no such folder: /no/such/folder'],
    [['csv', '--jobs', '2'], 'unknown option --jobs for zhenggai csv; the options are --out, --xlsx, --quiet, --help'],
    [['csv', '/no/such/part'], 'no such file or folder: /no/such/part'],
    [['report', 'corpus'], 'corpus is not an output folder of zhenggai run: it has no run.json and no <docId>/5-validate.json'],
  ])('%j exits 2 with one line: %s', (args, line) => {
    const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`zhenggai: ${line}\n`);
    expect(result.stdout).toBe('');
  });
});

describe('zhenggai on your own folder, from outside the repository', () => {
  // What `npm link` and `npm install -g` make: a command on the PATH that is a link to dist/cli.js.
  const home = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-outside-'));
  const bin = path.join(home, 'bin');
  mkdirSync(bin);
  symlinkSync(CLI, path.join(bin, 'zhenggai'));
  chmodSync(CLI, 0o755); // as npm does to a package's bin files when it links or installs them
  mkdirSync(path.join(home, 'notices', '2024'), { recursive: true });
  copyFileSync(path.join(CORPUS, '003_7004f69c1b986a66.txt'), path.join(home, 'notices', '2024', '汨罗.txt'));
  copyFileSync(path.join(CORPUS, '000_2d89892f4871253d.txt'), path.join(home, 'notices', '000.txt'));
  const env = { ...process.env, PATH: `${bin}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}` };

  test.each([
    ['the linked command', 'zhenggai run notices --quiet'],
    ['node path/to/dist/cli.js', `node ${JSON.stringify(CLI)} run notices --quiet --out out`],
  ])('%s runs in any folder and writes out/ there', (_, command) => {
    rmSync(path.join(home, 'out'), { recursive: true, force: true });
    const result = spawnSync('sh', ['-c', command], { cwd: home, env, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(home, 'out', '2024__汨罗', '5-validate.json'), 'utf8')).problems).toHaveLength(36);
    expect(readFileSync(path.join(home, 'out', 'documents.csv'), 'utf8').split('\r\n').filter(Boolean)).toHaveLength(3);
  });
});

describe("the run's last words: what it found and where to look", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-summary-'));
  const input = path.join(dir, 'in');
  mkdirSync(input);
  // The five seeds, a repost of 003 under a site's header, and an empty file.
  for (const name of ['000_2d89892f4871253d', '001_b5c919a87834dfca', '002_96900efc544a01e9', '003_7004f69c1b986a66', '004_7e4e6f0c30fead75']) copyFileSync(path.join(CORPUS, `${name}.txt`), path.join(input, `${name}.txt`));
  writeFileSync(path.join(input, 'repost-003.txt'), `来源:某县政府网  发布时间:2024-08-27\n${readFileSync(path.join(CORPUS, '003_7004f69c1b986a66.txt'), 'utf8')}`);
  writeFileSync(path.join(input, 'empty.txt'), '');

  test('kinds, problems and totals, warnings by code, reposts, the review page, documents.csv and the workbook', () => {
    const r = spawnSync(process.execPath, [CLI, 'run', 'in', '--out', 'out', '--xlsx', '--jobs', '2'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.replace(/in \d+\.\d s/, 'in T s').split('\n')).toEqual([
      `zhenggai: ${path.join('in', 'empty.txt')}: empty file`,
      'zhenggai: 6 of 7 documents processed, 0 skipped (done before, unchanged), 1 failed, in T s',
      '  kinds: 4 news, 2 formal-notice',
      '  problems: 72 found in 2 documents; 2 documents state a total of problems',
      '  diagnostics: 21 warnings in 3 documents (extract/year-unknown 20, clean/spun-text 1); no errors',
      '  reposts: 1 document repeats an earlier one (documents.csv duplicateOf)',
      '  look at: out/report.html (every finding in its text), out/documents.csv (a row per document), out/zhenggai.xlsx; the run itself: out/run.json',
      '',
    ]);
    const run = JSON.parse(readFileSync(path.join(dir, 'out', 'run.json'), 'utf8'));
    expect(run.findings).toMatchObject({ problems: 72, documentsWithTotals: 2, warnings: 21, errors: 0, reposts: 1, codes: [['extract/year-unknown', 20], ['clean/spun-text', 1]] });
    expect(run.wrote).toEqual(['documents.csv', 'problems.csv', 'numbers.csv', 'dates.csv', 'diagnostics.csv', 'zhenggai.xlsx', 'report.html']);
  });

  test('a rerun says the same of the documents it skipped, and names no workbook it did not write', () => {
    const r = spawnSync(process.execPath, [CLI, 'run', 'in', '--out', 'out', '--allow-failures'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const lines = r.stderr.split('\n');
    expect(lines[1]).toMatch(/^zhenggai: 0 of 7 documents processed, 6 skipped \(done before, unchanged\), 1 failed, in \d+\.\d s$/);
    expect(lines.slice(2)).toEqual([
      '  kinds: 4 news, 2 formal-notice',
      '  problems: 72 found in 2 documents; 2 documents state a total of problems',
      '  diagnostics: 21 warnings in 3 documents (extract/year-unknown 20, clean/spun-text 1); no errors',
      '  reposts: 1 document repeats an earlier one (documents.csv duplicateOf)',
      '  look at: out/report.html (every finding in its text), out/documents.csv (a row per document); the run itself: out/run.json',
      '',
    ]);
  });
});

describe('Ctrl-C', () => {
  test('ends with one line, interrupted after N documents; the same command then resumes', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'zhenggai-interrupt-')), 'out');
    const args = [CLI, 'run', path.join(ROOT, 'dev'), '--out', out, '--jobs', '1'];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const written = () => (existsSync(out) ? readdirSync(out).filter((d) => existsSync(path.join(out, d, '.done.json'))).length : 0);
    // Signalled once some documents are written and before the run ends (142 take a few seconds on one thread).
    while (written() < 10) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    // On a busy machine a progress line (every 5 s off a terminal) may come first.
    const lines = stderr.split('\n').filter((line) => !/^zhenggai: \d+\/142 documents/.test(line));
    const last = /^zhenggai: interrupted after (\d+) of 142 documents; run the same command again to resume \(what is written is kept\)$/;
    expect(lines).toEqual([expect.stringMatching(last), '']);
    const done = Number(last.exec(lines[0]!)![1]);
    expect(done).toBeLessThan(142);
    expect(existsSync(path.join(out, '.zhenggai.lock'))).toBe(false);
    const again = spawnSync(process.execPath, [...args, '--quiet'], { encoding: 'utf8' });
    expect([again.status, again.stderr]).toEqual([0, 'zhenggai: 1 entry not read (1 not .txt, .html, .htm): ' + path.join(ROOT, 'dev', 'SOURCES.tsv') + '\n']);
    const counts = JSON.parse(readFileSync(path.join(out, 'run.json'), 'utf8')).counts;
    expect(counts.skipped).toBeGreaterThanOrEqual(done);
    expect(counts.processed + counts.skipped).toBe(142);
  });
});
