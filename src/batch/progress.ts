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

/**
 * `1234/10000 documents, 56.7/s, 2m39s left`, or without total and time left; `rate` is
 * documents per second, null while it cannot be told yet.
 */
export function describe(done: number, total: number | null, rate: number | null): string {
  const count = total === null ? `${done} documents` : `${done}/${total} documents`;
  if (rate === null) return `${count}${total === null ? '' : ', estimating time left'}`;
  const left = total === null ? '' : `, ${rate > 0 ? duration((total - done) / rate) : '?'} left`;
  return `${count}, ${rate.toFixed(1)}/s${left}`;
}

/** Documents to wait for before a rate is shown: the first ones carry the segmenter's loading. */
export const RATE_AFTER = 5;
/** Seconds of recent throughput the rate is taken over: a run's speed changes as it goes. */
export const RATE_WINDOW = 30;

/**
 * Documents per second over the last `RATE_WINDOW` seconds, counted from the first document
 * done (the time before it is start-up, not throughput), or null before `RATE_AFTER` documents.
 */
export function throughput(now: () => number): { tick(): void; rate(): number | null; done(): number } {
  const samples: { t: number; done: number }[] = [];
  let first = 0;
  let done = 0;
  return {
    tick() {
      done++;
      const t = now();
      samples.push({ t, done });
      // Keep one sample at or before the window's start as its base.
      while (first + 1 < samples.length - 1 && samples[first + 1]!.t <= t - RATE_WINDOW) first++;
      if (first > 1024) samples.splice(0, first), (first = 0);
    },
    rate() {
      if (done < RATE_AFTER) return null;
      const base = samples[first]!;
      const last = samples[samples.length - 1]!;
      return last.t > base.t ? (last.done - base.done) / (last.t - base.t) : null;
    },
    done: () => done,
  };
}

export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now() / 1000);
  const { total } = options;
  const counter = throughput(now);
  if (options.quiet) return { tick: () => counter.tick(), log: (line) => stream.write(line + '\n'), end: () => {} };
  const line = () => describe(counter.done(), total, counter.rate());

  if (stream.isTTY) {
    let last = -Infinity;
    let shown = false;
    const draw = () => {
      last = now();
      const share = total ? counter.done() / total : 0;
      const filled = Math.round(share * BAR);
      const bar = total === null ? '' : `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${Math.floor(share * 100)}% `;
      stream.write(`\r\x1b[2Kzhenggai ${bar}${line()}`);
      shown = true;
    };
    const clear = () => {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    };
    return {
      tick: () => {
        counter.tick();
        if (now() - last >= 0.1 || counter.done() === total) draw();
      },
      log: (text) => {
        clear();
        stream.write(text + '\n');
        draw();
      },
      end: clear,
    };
  }

  const every = options.every ?? 5;
  let next = now() + every;
  return {
    tick: () => {
      counter.tick();
      const t = now();
      if (t >= next) {
        next = t + every;
        stream.write(`zhenggai: ${line()}\n`);
      }
    },
    log: (text) => stream.write(text + '\n'),
    end: () => {},
  };
}
