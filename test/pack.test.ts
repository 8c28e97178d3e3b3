import { spawnSync } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from './helpers.js';

/**
 * The library installed as docs/library.md says, from a tarball that `npm pack` made of this
 * checkout, into an empty folder: the tarball's own install builds nodejieba and the addon
 * there (and nothing in the checkout: `npm install ../zhenggai` instead links the checkout and
 * reruns its install and build in place, under anything running from it), and the README's
 * first example, compiled against the installed package's types, prints what the README says.
 * About 20 s here, most of it compiling the two addons; the dependencies come from npm's cache,
 * which the checkout's own `npm ci` filled.
 */
const npm = (args: string[], cwd: string) =>
  spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_yes: 'true', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' } });

/** The README's first example of `process` and what it prints (From TypeScript). */
function readmeExample(): { code: string; output: string } {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## From TypeScript'));
  const m = /```ts\n([\s\S]*?)```\n\s*```text\n([\s\S]*?)```/.exec(section)!;
  return { code: m[1]!, output: m[2]! };
}

/** What of the checkout an install could rebuild: the addon and the compiled entry, with their times. */
const checkoutBuild = () => ['src/native/build/Release/jieba_spans.node', 'dist/cli.js', 'dist/index.js'].map((f) => [f, statSync(path.join(ROOT, f)).mtimeMs]);

describe('npm pack, then npm install of the tarball in an empty folder', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-pack-'));
  const project = path.join(dir, 'project');
  const before = checkoutBuild();

  test('packs the built package without building anything (dist/ is built already: --ignore-scripts)', () => {
    const r = npm(['pack', '--ignore-scripts', '--pack-destination', dir], ROOT);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tgz'))).toEqual([`zhenggai-${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}.tgz`]);
    const files = npm(['pack', '--ignore-scripts', '--dry-run', '--json'], ROOT);
    const listed = (JSON.parse(files.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/cli.js', 'src/native/jieba_spans.cc', 'src/native/binding.gyp', 'src/native/install.mjs', 'src/dict/zhenggai.dict.utf8']) expect(listed).toContain(f);
    // Nothing the checkout built for itself: the tarball's install builds its own addon.
    expect(listed.filter((f) => f.startsWith('src/native/build/') || f.startsWith('node_modules/'))).toEqual([]);
  });

  test('installs it into an empty folder, building its addons there and leaving the checkout as it was', () => {
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'uses-zhenggai', private: true, type: 'module' }));
    const tarball = path.join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!);
    // With Node's types, as a TypeScript project has them (else exceljs brings @types/node 14, which Node 20's globals contradict).
    const types = `@types/node@${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).devDependencies['@types/node']}`;
    const r = npm(['install', '--prefer-offline', tarball, types], project);
    expect(r.status, r.stderr).toBe(0);
    const installed = path.join(project, 'node_modules', 'zhenggai');
    expect(lstatSync(installed).isSymbolicLink()).toBe(false);
    expect(statSync(path.join(installed, 'src/native/build/Release/jieba_spans.node')).isFile()).toBe(true);
    expect(checkoutBuild()).toEqual(before);
  });

  test("runs the README's example there, compiled against the installed types, and prints what the README says", () => {
    const { code, output } = readmeExample();
    mkdirSync(path.join(project, 'src'));
    writeFileSync(path.join(project, 'src', 'example.ts'), code);
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, types: ['node'], outDir: 'js', rootDir: 'src' } }),
    );
    const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { cwd: project, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    cpSync(path.join(ROOT, 'corpus'), path.join(project, 'corpus'), { recursive: true });
    const r = spawnSync(process.execPath, [path.join(project, 'js', 'example.js')], { cwd: project, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(output);
  });
});
