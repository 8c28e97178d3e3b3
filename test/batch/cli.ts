import { type SpawnSyncOptions, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, expect } from 'vitest';
import { STAGES } from '../../src/pipeline.js';
import { CLI, CORPUS } from '../helpers.js';

/** The built command line as a user runs it, and what it said. */

export const NOTICE = path.join(CORPUS, '003_7004f69c1b986a66.txt');
export const OTHER = path.join(CORPUS, '002_96900efc544a01e9.txt');
export const STAGE_FILES = STAGES.map((s) => s.file);

/** A folder (made) holding two corpus notices, a.txt and b.txt; its path. */
export function twoNotices(folder: string): string {
  mkdirSync(folder, { recursive: true });
  copyFileSync(NOTICE, path.join(folder, 'a.txt'));
  copyFileSync(OTHER, path.join(folder, 'b.txt'));
  return folder;
}

export const zhenggai = (args: string[], options: SpawnSyncOptions = {}) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', ...options });
  return { status: r.status, stderr: String(r.stderr), stdout: String(r.stdout) };
};

/**
 * A temporary folder for a test file, removed after it, and `place()`, a fresh folder in it for
 * one test. World-writable, so that a run as an unprivileged user can write in it.
 */
export function scratch(prefix: string): () => string {
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(root, 0o777);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let n = 0;
  return () => {
    const dir = path.join(root, String(n++));
    mkdirSync(dir, { recursive: true, mode: 0o777 });
    chmodSync(dir, 0o777);
    return dir;
  };
}

/** Every file under `dir`, relative, with a hash of its bytes. */
export function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, f);
    if (statSync(full).isFile()) out[f] = createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return out;
}

export const readRun = (out: string) => JSON.parse(readFileSync(path.join(out, 'run.json'), 'utf8'));
export const readCsv = (file: string): Record<string, string>[] => parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { columns: true });

/** Stderr is one line per message, none of them a stack frame. */
export function oneLineEach(stderr: string): void {
  for (const line of stderr.trim().split('\n')) {
    expect(line, stderr).toMatch(/^zhenggai: /);
    expect(line, stderr).not.toMatch(/^\s+at /);
  }
  expect(stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
}

/** A document folder holds its five stage files and its resume file, nothing else. */
export function complete(dir: string): void {
  expect(readdirSync(dir).sort()).toEqual([...STAGE_FILES, '.done.json'].sort());
}
