import { promises as fs, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError, describeError } from './errors.js';

/** The lock file of an output folder, held by the run writing in it. */
export const LOCK_FILE = '.zhenggai.lock';

interface Holder {
  pid: number;
  host: string;
  startedAt: string;
}

/** Whether the process `pid` of this machine is still running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock of `outDir` (a hard link, which fails when the name exists), so that a second run into the same folder
 * refuses in one line instead of racing the first for its files. A lock left by a run that was
 * killed (its process is gone) is taken over; one held by a live process, or by another machine
 * (a shared disk), is not. Returns the function that releases it.
 */
export async function lockOutDir(outDir: string): Promise<() => Promise<void>> {
  const file = path.join(outDir, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    // Written beside it and linked into place: a reader never finds the lock half written.
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      await fs.writeFile(tmp, JSON.stringify(me) + '\n');
      // A file system without hard links (FAT, some network disks): created exclusively instead.
      await fs.link(tmp, file).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EPERM' || error.code === 'ENOTSUP' || error.code === 'EOPNOTSUPP') return fs.writeFile(file, JSON.stringify(me) + '\n', { flag: 'wx' });
        throw error;
      });
      return () => fs.rm(file, { force: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new UsageError(`cannot write in ${outDir}: ${describeError(error)}`);
    } finally {
      await fs.rm(tmp, { force: true }).catch(() => {});
    }
    let holder: Partial<Holder> = {};
    try {
      holder = JSON.parse(await fs.readFile(file, 'utf8')) as Holder;
    } catch {
      // Unreadable: not a lock this program wrote.
    }
    const stale = holder.host === undefined || (holder.host === me.host && typeof holder.pid === 'number' && !alive(holder.pid));
    if (!stale || attempt > 0) {
      throw new UsageError(
        `${outDir} is in use by another run (process ${holder.pid} on ${holder.host}, since ${holder.startedAt}); wait for it, or delete ${file} if no run is going on`,
      );
    }
    await fs.rm(file, { force: true });
  }
}

/**
 * Removes the lock of `outDir` when this process holds it, synchronously: what a run stopped
 * by Ctrl-C does on its way out. (A lock left by a dead process is taken over by the next run
 * anyway, but the folder is left as a finished run leaves it.) Anyone else's lock stays.
 */
export function releaseOwnLockSync(outDir: string): void {
  const file = path.join(outDir, LOCK_FILE);
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
    if (holder.pid === process.pid && holder.host === os.hostname()) rmSync(file, { force: true });
  } catch {
    // No lock, or not one this program wrote: nothing of ours to remove.
  }
}
