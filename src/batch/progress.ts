/**
 * How far a run has got, on stderr: on a terminal a bar redrawn in place (documents done,
 * documents per second, time left); elsewhere (CI, a pipe) a plain line every few seconds;
 * nothing when quiet. Other lines (failures) go through `log` so they never tear the bar.
 */
export interface Progress {
  /** One more document finished. */
  tick(): void;
  log(line: string): void;
  /** Clears the bar. */
  end(): void;
}

export interface ProgressOptions {
  /** Documents in the run, or null when unknown (a stream). */
  total: number | null;
  stream?: NodeJS.WriteStream;
  quiet?: boolean;
  /** Seconds between plain lines. */
  every?: number;
  now?: () => number;
}

const BAR = 24;

export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** `1234/10000 documents, 56.7/s, 2m39s left` (or without total and time left). */
export function describe(done: number, total: number | null, seconds: number): string {
  const rate = seconds > 0 ? done / seconds : 0;
  const count = total === null ? `${done} documents` : `${done}/${total} documents`;
  const left = total === null ? '' : `, ${rate > 0 ? duration((total - done) / rate) : '?'} left`;
  return `${count}, ${rate.toFixed(1)}/s${left}`;
}

export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now() / 1000);
  const { total } = options;
  const start = now();
  let done = 0;
  if (options.quiet) return { tick: () => void done++, log: (line) => stream.write(line + '\n'), end: () => {} };

  if (stream.isTTY) {
    let last = -Infinity;
    let shown = false;
    const draw = () => {
      last = now();
      const share = total ? done / total : 0;
      const filled = Math.round(share * BAR);
      const bar = total === null ? '' : `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${Math.floor(share * 100)}% `;
      stream.write(`\r\x1b[2Kzhenggai ${bar}${describe(done, total, last - start)}`);
      shown = true;
    };
    const clear = () => {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    };
    return {
      tick: () => {
        done++;
        if (now() - last >= 0.1 || done === total) draw();
      },
      log: (line) => {
        clear();
        stream.write(line + '\n');
        draw();
      },
      end: clear,
    };
  }

  const every = options.every ?? 5;
  let next = start + every;
  return {
    tick: () => {
      done++;
      const t = now();
      if (t >= next) {
        next = t + every;
        stream.write(`zhenggai: ${describe(done, total, t - start)}\n`);
      }
    },
    log: (line) => stream.write(line + '\n'),
    end: () => {},
  };
}
