import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { documentId } from '../../src/stages/1-clean/index.js';
import { FinalDocument } from '../../src/schema.js';
import { CLI } from '../helpers.js';
import { smallCorpus } from './corpus.js';

/** The command of a Hadoop Streaming mapper: it reads lines on stdin and writes lines on stdout. */
const MAPPER = [CLI, 'run', '--jsonl', '-', '--jobs', '1', '--quiet'];

const byId = (lines: string): Map<string, unknown> =>
  new Map(
    lines
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { id: string })
      .map((doc) => [doc.id, doc]),
  );

/** Runs the mapper with `input` on stdin and `output` as stdout, as `mapper < input > output` does; resolves to its exit status. */
async function mapper(input: string, output: string): Promise<number | null> {
  const child = spawn(process.execPath, MAPPER, { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  createReadStream(input).pipe(child.stdin);
  const written = finished(child.stdout.pipe(createWriteStream(output)));
  const [status] = await Promise.all([exited, written]);
  return status;
}

describe('zhenggai run --jsonl -', () => {
  let dir: string;
  let input: string;
  let files: string[];
  let lines: string[];
  let jsonl: string;
  let one: SpawnSyncReturns<string>;
  beforeAll(() => {
    ({ dir, input } = smallCorpus(2));
    files = (readdirSync(input, { recursive: true }) as string[]).filter((f) => f.endsWith('.txt')).sort();
    // Half the lines carry the text, half a path, as a crawler's output might.
    lines = files.map((f, i) => {
      const id = documentId(f);
      const full = path.join(input, f);
      return JSON.stringify(i % 2 ? { id, path: full } : { id, text: readFileSync(full, 'utf8') });
    });
    jsonl = path.join(dir, 'input.jsonl');
    writeFileSync(jsonl, lines.join('\n') + '\n');
    one = spawnSync(process.execPath, MAPPER, { input: readFileSync(jsonl), encoding: 'utf8', maxBuffer: 1 << 28 });
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('writes one valid final document per input line, in input order', () => {
    expect(one.status).toBe(0);
    const out = one.stdout.trim().split('\n');
    expect(out).toHaveLength(files.length);
    out.forEach((line, i) => {
      const doc = JSON.parse(line);
      expect(FinalDocument.safeParse(doc).success).toBe(true);
      expect(doc.id).toBe(documentId(files[i]!));
    });
  });

  test('four shards run at once, as `split` and GNU parallel would run them, give the same documents as one run', async () => {
    // Four runs of consecutive lines, the shards `split -n l/4` makes.
    const size = Math.ceil(lines.length / 4);
    const shards = [0, 1, 2, 3].map((k) => {
      const shard = path.join(dir, `shard-0${k}`);
      writeFileSync(shard, lines.slice(k * size, (k + 1) * size).map((l) => l + '\n').join(''));
      return shard;
    });
    const statuses = await Promise.all(shards.map((s) => mapper(s, `${s}.out`)));
    expect(statuses).toEqual([0, 0, 0, 0]);
    const sharded = shards.map((s) => readFileSync(`${s}.out`, 'utf8')).join('');
    const whole = byId(one.stdout);
    const parts = byId(sharded);
    expect([...parts.keys()].sort()).toEqual([...whole.keys()].sort());
    for (const [id, doc] of whole) expect(parts.get(id), id).toEqual(doc);
  });

  test('gives the final document a folder run writes, for a line with a path', () => {
    const out = path.join(dir, 'out');
    expect(spawnSync(process.execPath, [CLI, 'run', input, '--out', out, '--quiet'], { encoding: 'utf8' }).status).toBe(0);
    const docs = byId(one.stdout);
    files.forEach((f, i) => {
      if (i % 2 === 0) return;
      const id = documentId(f);
      // The b/ copies repost the a/ ones: a folder run links them over its batch, a JSONL line is a batch of its own.
      const folder = JSON.parse(readFileSync(path.join(out, id, '5-validate.json'), 'utf8'));
      expect(folder.duplicateOf?.id ?? null, id).toBe(f.startsWith('b/') ? documentId(f.replace(/^b\//, 'a/')) : null);
      expect(docs.get(id), id).toEqual({ ...folder, duplicateOf: null });
    });
  });

  test('lists a bad line on stderr and as an error record, writes the others, and exits 1 (0 with --allow-failures)', () => {
    const bad = ['{"id": "ok", "text": "巡视整改工作已完成。"}', 'not json', '{"id": "empty", "text": ""}', '{"text": "无编号"}'].join('\n');
    const result = spawnSync(process.execPath, [CLI, 'run', '--jsonl', '-', '--quiet'], { input: bad, encoding: 'utf8' });
    expect(result.status).toBe(1);
    // Each failed line has its error record in its place (test/batch/failure-records.test.ts).
    expect(result.stdout.trim().split('\n').map((l) => [JSON.parse(l).id, JSON.parse(l).error?.code ?? null])).toEqual([['ok', null], [null, 'bad-line'], ['empty', 'empty'], [null, 'bad-line']]);
    expect(result.stderr).toMatch(/line 2: not a JSON object/);
    expect(result.stderr).toMatch(/empty: empty file/);
    expect(result.stderr).toMatch(/line 4: needs a string "id"/);
    const allowed = spawnSync(process.execPath, [CLI, 'run', '--jsonl', '-', '--quiet', '--allow-failures'], { input: bad, encoding: 'utf8' });
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toBe(result.stdout);
  });
});
