import { type Stats, promises as fs, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kindOf } from './atomic.js';
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

/** How long a run waits for another that is taking over the same stale lock, before it says who holds it. */
const TAKEOVER_WAIT_MS = 1000;

/** The lock file as it is: its inode and its text, or null when there is none. */
async function readLock(file: string): Promise<{ stat: Stats; text: string } | null> {
  try {
    const stat = await fs.lstat(file);
    const kind = kindOf(stat);
    if (kind) throw new UsageError(`${file} is ${kind}, not the lock file of a run: remove it`);
    return { stat, text: await fs.readFile(file, 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Takes the lock of `outDir`, so that a second run into the same folder refuses in one line
 * instead of racing the first for its files. The lock is a hard link to a file already written,
 * which fails when the name exists (a reader never finds it half written). A lock left by a run
 * that was killed (its process is gone) is taken over; one held by a live process, or by another
 * machine (a shared disk), is not. Returns the function that releases it.
 *
 * Taking over is atomic, so that of several runs that find the same stale lock exactly one gets
 * it (removing it and linking anew let two runs each remove the other's lock, 9 times in 30): a
 * run first makes `.zhenggai.lock.<inode>.takeover` exclusively, which only one run can for that
 * lock; then checks that the lock is still that inode with that text, and renames its own lock
 * file over it. The others wait for the one taking over, then find its live lock, and refuse
 * naming its process.
 */
export async function lockOutDir(outDir: string): Promise<() => Promise<void>> {
  const file = path.join(outDir, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  const mine = JSON.stringify(me) + '\n';
  const tmp = `${file}.${process.pid}.tmp`;
  const release = async () => {
    // Only its own: a lock another run holds now stays.
    if ((await readLock(file).catch(() => null))?.text === mine) await fs.rm(file, { force: true });
  };
  const refuse = (text: string | undefined) => {
    let holder: Partial<Holder> = {};
    try {
      holder = JSON.parse(text ?? '') as Holder;
    } catch {
      // Unreadable: named as it is.
    }
    return new UsageError(`${outDir} is in use by another run (process ${holder.pid} on ${holder.host}, since ${holder.startedAt}); wait for it, or delete ${file} if no run is going on`);
  };
  const deadline = Date.now() + TAKEOVER_WAIT_MS;
  try {
    await fs.rm(tmp, { force: true });
    await fs.writeFile(tmp, mine, { flag: 'wx' });
    for (;;) {
      try {
        await fs.link(tmp, file).catch((error: NodeJS.ErrnoException) => {
          // A file system without hard links (FAT, some network disks): created exclusively instead.
          if (error.code === 'EPERM' || error.code === 'ENOTSUP' || error.code === 'EOPNOTSUPP') return fs.writeFile(file, mine, { flag: 'wx' });
          throw error;
        });
        return release;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const lock = await readLock(file);
      if (!lock) continue;
      let holder: Partial<Holder> = {};
      try {
        holder = JSON.parse(lock.text) as Holder;
      } catch {
        // Unreadable: not a lock this program wrote, and taken over.
      }
      const stale = holder.host === undefined || (holder.host === me.host && typeof holder.pid === 'number' && !alive(holder.pid));
      if (!stale) throw refuse(lock.text);
      const claim = `${file}.${lock.stat.ino}.takeover`;
      const claimed = await fs.writeFile(claim, mine, { flag: 'wx' }).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'EEXIST') return false;
          throw error;
        },
      );
      if (!claimed) {
        // Another run is taking this lock over: its lock, once there, is a live one.
        if (Date.now() > deadline) throw refuse(lock.text);
        await new Promise((resolve) => setTimeout(resolve, 10));
        continue;
      }
      try {
        const now = await readLock(file);
        if (now && now.stat.ino === lock.stat.ino && now.text === lock.text) {
          await fs.rename(tmp, file);
          // Verified: the lock is this run's (no other run can claim a live lock to replace it).
          const after = await readLock(file);
          if (after?.text === mine) return release;
          throw refuse(after?.text);
        }
      } finally {
        await fs.rm(claim, { force: true });
      }
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot write in ${outDir}: ${describeError(error)}`);
  } finally {
    await fs.rm(tmp, { force: true }).catch(() => {});
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
