#!/usr/bin/env node
/**
 * "No behaviour change", shown: runs the pipeline on the given inputs into a fresh folder and
 * compares it byte for byte with a reference folder an earlier build wrote from the same inputs.
 *
 *   node scripts/compare-outputs.mjs --out /tmp/before corpus more/notices          # the reference
 *   (change the code, npm run build)
 *   node scripts/compare-outputs.mjs --out /tmp/after --ref /tmp/before corpus more/notices
 *
 * Run both from the same folder with the same input arguments: `source` in every output is the
 * input path as given. `--cli FILE` runs another build's `dist/cli.js`: for a reference from a
 * commit without this script, build that commit and run a copy of the script with `--cli`.
 * Left out of the comparison: `run.json` (times and dates) and `.done.json` (the pipeline's
 * version, a hash of the compiled code, changes with any edit); in `report.html` the build time
 * (`generatedAt`) and the output folder's name. Exit status 0 when equal, 1 when not, 2 on bad usage.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** Files whose content is expected to differ between two runs of the same build. */
export const IGNORED = new Set(['run.json', '.done.json']);

/** Every file below `dir`, as `/`-separated paths relative to it, sorted. */
export function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** A file's bytes as compared: the review page without its build time and folder name. */
export function comparable(dir, file) {
  const bytes = readFileSync(path.join(dir, file));
  if (path.basename(file) !== 'report.html') return bytes;
  const html = bytes
    .toString('utf8')
    .replace(/"generatedAt":"[^"]*"/, '"generatedAt":""')
    .replace(/"outDir":"(?:[^"\\]|\\.)*"/, '"outDir":""')
    .replace(/<title>zhenggai review · [^<]*<\/title>/, '<title>zhenggai review · </title>');
  return Buffer.from(html, 'utf8');
}

/**
 * The differences between two output folders: files only in one of them, and files whose
 * comparable bytes differ (with the first differing byte offset). Empty when they are equal.
 */
export function compareFolders(actual, reference) {
  const keep = (f) => !IGNORED.has(path.basename(f));
  const a = listFiles(actual).filter(keep);
  const b = listFiles(reference).filter(keep);
  const inA = new Set(a);
  const inB = new Set(b);
  const differences = [];
  for (const f of b) if (!inA.has(f)) differences.push(`missing: ${f}`);
  for (const f of a) if (!inB.has(f)) differences.push(`extra: ${f}`);
  for (const f of a) {
    if (!inB.has(f)) continue;
    const x = comparable(actual, f);
    const y = comparable(reference, f);
    if (x.equals(y)) continue;
    let i = 0;
    while (i < x.length && i < y.length && x[i] === y[i]) i++;
    differences.push(`differs: ${f} (${x.length} vs ${y.length} bytes, first difference at byte ${i})`);
  }
  return { files: a.length, differences };
}

function main(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' }, ref: { type: 'string' }, cli: { type: 'string' }, jobs: { type: 'string' } },
  });
  if (!values.out || positionals.length === 0) {
    console.error('usage: compare-outputs.mjs --out DIR [--ref REFERENCE] [--cli dist/cli.js] [--jobs N] INPUT...');
    return 2;
  }
  const cli = values.cli ?? fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  if (!existsSync(cli)) {
    console.error(`compare-outputs: ${cli} not found (npm run build)`);
    return 2;
  }
  if (values.ref && !existsSync(path.join(values.ref, 'run.json'))) {
    console.error(`compare-outputs: ${values.ref} is not an output folder (no run.json)`);
    return 2;
  }
  rmSync(values.out, { recursive: true, force: true });
  const jobs = values.jobs ? ['--jobs', values.jobs] : [];
  // Exit status 1 (some documents failed) is a result to compare like any other: failures are in run.json and absent folders.
  try {
    execFileSync(process.execPath, [cli, 'run', ...positionals, '--out', values.out, '--quiet', ...jobs], { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (error) {
    if (error.status !== 1) throw error;
  }
  if (!values.ref) {
    console.log(`compare-outputs: wrote ${listFiles(values.out).length} files to ${values.out}`);
    return 0;
  }
  const { files, differences } = compareFolders(values.out, values.ref);
  for (const line of differences) console.log(line);
  const failures = (dir) => JSON.parse(readFileSync(path.join(dir, 'run.json'), 'utf8')).failures;
  if (JSON.stringify(failures(values.out)) !== JSON.stringify(failures(values.ref))) {
    differences.push('run.json failures differ');
    console.log('differs: run.json failures');
  }
  console.log(differences.length ? `compare-outputs: ${differences.length} differences` : `compare-outputs: ${files} files identical to ${values.ref}`);
  return differences.length ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2));
}
