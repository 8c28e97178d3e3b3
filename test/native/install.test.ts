import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../helpers.js';

const INSTALL = path.join(ROOT, 'src', 'native', 'install.mjs');

/** Runs the addon's install step with a PATH holding only stand-ins for the given tools. */
function installWith(tools: string[]) {
  const bin = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-path-'));
  try {
    for (const tool of tools) {
      writeFileSync(path.join(bin, tool), '#!/bin/sh\nexit 0\n');
      chmodSync(path.join(bin, tool), 0o755);
    }
    const env = { PATH: bin, HOME: os.tmpdir() };
    return spawnSync(process.execPath, [INSTALL], { cwd: ROOT, env, encoding: 'utf8' });
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
}

describe.skipIf(process.platform === 'win32')('npm install without a toolchain', () => {
  test.each([
    [[], 'C++ compiler, make, python3 not found'],
    [['g++', 'python3'], 'make not found'],
    [['clang++', 'make'], 'python3 not found'],
  ])('with only %j on PATH says in one line what to install', (tools, missing) => {
    const r = installWith(tools);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`zhenggai: cannot build its segmenter addon: ${missing}; install g++, make and python3 (Debian, Ubuntu: apt-get install g++ make python3; macOS: xcode-select --install), then npm install again\n`);
  });
});
