import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from './helpers.js';

/**
 * The examples of the README and docs/ as a user's project runs them: every ```ts block that
 * imports from 'zhenggai' is a file of a small TypeScript project in a temporary folder whose
 * node_modules/zhenggai is this package (as `npm link zhenggai` makes it), compiled with the
 * package's own types (strict), then run by Node in a folder holding the repository's corpus/.
 * What it prints must be the ```text block that follows it. `UPDATE_DOCS=1` writes what the
 * examples print into those blocks instead, to be reviewed as a diff.
 */
const PAGES = ['README.md', 'docs/library.md'];

interface Example {
  page: string;
  line: number;
  code: string;
  /** Where the expected output's text sits in the page: [start, end) of its content. */
  output: [number, number];
}

function examples(page: string): Example[] {
  const text = readFileSync(path.join(ROOT, page), 'utf8');
  const out: Example[] = [];
  const fence = /```ts\n([\s\S]*?)```\n(?:\s*\n)*```text\n([\s\S]*?)```/g;
  for (const m of text.matchAll(fence)) {
    if (!m[1]!.includes("from 'zhenggai'")) continue;
    const outputStart = m.index! + m[0].length - 3 - m[2]!.length;
    out.push({ page, line: text.slice(0, m.index).split('\n').length, code: m[1]!, output: [outputStart, outputStart + m[2]!.length] });
  }
  return out;
}

const all = PAGES.flatMap(examples);

/**
 * Imports from 'zhenggai' written inline in the prose (`import type { FinalDocument } from 'zhenggai'`):
 * a reader copies them as they are, so each is compiled too, as a file of its own. The README once
 * named `ValidatedDocument` there for what `process` returns, which does not compile (TS2322).
 */
function hints(page: string): { page: string; line: number; code: string }[] {
  const text = readFileSync(path.join(ROOT, page), 'utf8').replace(/```[\s\S]*?```/g, (block) => block.replace(/[^\n]/g, ' '));
  return [...text.matchAll(/`(import (?:type )?(?:\{[^`}]*\}|\* as \w+) from 'zhenggai';?)`/g)].map((m) => ({ page, line: text.slice(0, m.index).split('\n').length, code: m[1]! }));
}

const inline = PAGES.flatMap(hints);

/** A project that depends on zhenggai, with each example as a file; compiled once. */
function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-docs-'));
  mkdirSync(path.join(dir, 'node_modules', '@types'), { recursive: true });
  symlinkSync(ROOT, path.join(dir, 'node_modules', 'zhenggai'));
  symlinkSync(path.join(ROOT, 'node_modules', '@types', 'node'), path.join(dir, 'node_modules', '@types', 'node'));
  cpSync(path.join(ROOT, 'corpus'), path.join(dir, 'corpus'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module', dependencies: { zhenggai: '*' } }));
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, types: ['node'], outDir: 'js', rootDir: 'src' } }),
  );
  mkdirSync(path.join(dir, 'src'));
  all.forEach((e, i) => writeFileSync(path.join(dir, 'src', `example-${i}.ts`), e.code));
  inline.forEach((h, i) => writeFileSync(path.join(dir, 'src', `hint-${i}.ts`), `${h.code}\nexport {};\n`));
  const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { cwd: dir, encoding: 'utf8' });
  return { dir, errors: tsc.stdout + tsc.stderr };
}

describe('the examples of the README and docs/ compile against the package and print what the page says', () => {
  test('every example that imports zhenggai is followed by what it prints', () => {
    const blocks = PAGES.flatMap((page) => [...readFileSync(path.join(ROOT, page), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].filter((m) => m[1]!.includes("from 'zhenggai'")));
    expect(all).toHaveLength(blocks.length);
    expect(all.length).toBeGreaterThanOrEqual(10);
  });

  test('there is one for every public function', () => {
    const code = all.map((e) => e.code).join('\n');
    const index = readFileSync(path.join(ROOT, 'src', 'index.ts'), 'utf8');
    const functions = [...index.matchAll(/export \{([^}]*)\} from/g)].flatMap((m) => m[1]!.split(',')).map((s) => s.trim()).filter((s) => s && !s.startsWith('type '))
      .map((s) => s.split(' as ').at(-1)!)
      .filter((name) => /^[a-z]/.test(name));
    expect(functions.length).toBeGreaterThanOrEqual(12);
    for (const name of functions) expect(code, name).toMatch(new RegExp(`\\b${name}\\(`));
  });

  test('the type hint of the README names what process returns, as docs/library.md does', () => {
    for (const page of PAGES) {
      const code = all.filter((e) => e.page === page).map((e) => e.code).join('\n');
      expect(code, page).toMatch(/const doc: FinalDocument = zhenggai\.process\(/);
    }
  });

  const { dir, errors } = project();

  test('every example, and every import written inline in the prose, compiles against the package (strict)', () => {
    // tsc names the file: src/example-N.ts is all[N], src/hint-N.ts is inline[N].
    const where = errors.replace(/src\/(example|hint)-(\d+)\.ts/g, (_, kind: string, n: string) => {
      const at = kind === 'example' ? all[Number(n)]! : inline[Number(n)]!;
      return `${at.page}:${at.line}`;
    });
    expect(where).toBe('');
  });
  const update = process.env.UPDATE_DOCS === '1';
  const updates = new Map<string, { at: [number, number]; text: string }[]>();

  test.each(all.map((e, i) => [`${e.page}:${e.line}`, i] as const))('%s', (_, i) => {
    const example = all[i]!;
    const result = spawnSync(process.execPath, [path.join(dir, 'js', `example-${i}.js`)], { cwd: dir, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const page = readFileSync(path.join(ROOT, example.page), 'utf8');
    if (update) {
      updates.set(example.page, [...(updates.get(example.page) ?? []), { at: example.output, text: result.stdout }]);
      if (i === all.length - 1) {
        for (const [file, edits] of updates) {
          let text = readFileSync(path.join(ROOT, file), 'utf8');
          for (const e of edits.sort((a, b) => b.at[0] - a.at[0])) text = text.slice(0, e.at[0]) + e.text + text.slice(e.at[1]);
          writeFileSync(path.join(ROOT, file), text);
        }
      }
      return;
    }
    expect(result.stdout).toBe(page.slice(...example.output));
  });
});
