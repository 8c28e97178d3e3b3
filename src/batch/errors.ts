/**
 * Errors a user can cause end in one line on stderr, never a stack trace: a usage error (exit 2),
 * a run that had to stop (exit 1), a document that failed (listed, the batch goes on).
 */

/** Bad command-line usage, or an output folder the run cannot use: exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A run that cannot go on (the disk is full): exit 1, finished documents kept. */
export class StopError extends Error {
  override name = 'StopError';
}

/** What the system calls an error code, in words a user reads. */
const CODES: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  EISDIR: 'is a folder',
  ENOTDIR: 'not a folder',
  EEXIST: 'already exists',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'name too long',
  ELOOP: 'too many levels of links',
};

/** Codes after which no further write can succeed: the run stops instead of failing every document. */
export const STOP_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO', 'EFBIG']);

/** `permission denied (EACCES)` for a system error, or the message of any other. */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code && /^E[A-Z]+$/.test(code)) return `${CODES[code] ?? (error as Error).message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*$/, '')} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * A bug's one line: its message and where it was thrown (the first frame of its stack that is
 * zhenggai's own), for a report that lets someone find it.
 */
export function internalError(error: unknown): string {
  if (!(error instanceof Error)) return `internal error: ${String(error)}`;
  const frame = error.stack?.split('\n').find((line) => /\/(?:dist|src)\/.*\.[jt]s:\d+/.test(line) && !line.includes('node_modules'));
  const where = frame?.match(/((?:dist|src)\/[^\s)]+:\d+)/)?.[1];
  return `internal error: ${error.message.split('\n')[0]}${where ? ` (at ${where})` : ''}`;
}
