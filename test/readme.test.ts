import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from './helpers.js';

/** The first ```ts block after a README heading. */
function example(heading: string): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf(`\n${heading}\n`);
  expect(at, `README has the heading ${heading}`).toBeGreaterThan(-1);
  return /```ts\n([\s\S]*?)```/.exec(readme.slice(at))![1]!;
}

test('the README example "From TypeScript" compiles, runs, and prints what its comments say', () => {
  const code = example('## From TypeScript');
  // The comment under each console.log is the line it prints.
  const said = code.split('\n').filter((l) => l.startsWith('// ')).map((l) => l.slice(3));
  expect(said.length).toBeGreaterThan(0);
  // Inside the repository, so that `import … from 'zhenggai'` finds this package by its name, as a user's code finds it in node_modules.
  const dir = path.join(ROOT, 'test', 'artifacts', 'readme-example');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'example.ts'), code);
  const compilerOptions = { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noUncheckedIndexedAccess: true, types: ['node'], skipLibCheck: true };
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['example.ts'] }));
  const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { encoding: 'utf8' });
  expect(tsc.stdout + tsc.stderr).toBe('');
  expect(tsc.status).toBe(0);
  const r = spawnSync(process.execPath, [path.join(dir, 'example.js')], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.stdout.trimEnd().split('\n')).toEqual(said);
});
