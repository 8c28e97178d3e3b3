import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Tests that spawn the command line run `dist/`: compile it from the sources under test first. */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  // Files of moved or deleted modules would otherwise stay in dist/ and count in the pipeline's version.
  rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
  execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
}
