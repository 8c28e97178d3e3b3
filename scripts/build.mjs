// `npm run build` (and the tests' setup): dist/ compiled afresh from src/. The old dist/ goes
// first, so that files of moved or deleted modules neither linger nor count in the pipeline's
// version; the command-line entry keeps its execute bit, which a fresh file would lose and
// without which the installed `zhenggai` command cannot start.
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
chmodSync(new URL('../dist/cli.js', import.meta.url), 0o755);
