/**
 * The command line's options, read in the tool's own words: an unknown option or a bad value
 * is one line naming it, with the closest valid option (`unknown option --jobz; did you mean
 * --jobs?`), never the raw text of Node's parser.
 */
import { UsageError } from './batch/run.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
}

export type Values<S extends Record<string, OptionSpec>> = {
  [K in keyof S]?: S[K]['type'] extends 'string' ? string : boolean;
};


/** Edit distance, for the closest option to a mistyped one. */
export function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** `did you mean --jobs?`, or the list of valid options (or commands) when none is close. */
export function closest(name: string, valid: readonly string[], prefix = '--'): string {
  const ranked = valid.map((v) => [v, distance(name, v)] as const).sort((a, b) => a[1] - b[1]);
  const best = ranked[0];
  if (best && best[1] <= Math.max(2, Math.floor(name.length / 3))) return `did you mean ${prefix}${best[0]}?`;
  return `the ${prefix ? 'options' : 'commands'} are ${valid.map((v) => `${prefix}${v}`).join(', ')}`;
}

/**
 * Reads `args` against `spec`: `--name value` or `--name=value` for a string option (the value
 * may begin with `-`: `--jobs -1` is a bad number, not a missing one), `--name` for a boolean,
 * `-h` for `--help`, `--` before positionals that begin with `-`.
 */
export function parseOptions<S extends Record<string, OptionSpec>>(command: string, args: readonly string[], spec: S): { values: Values<S>; positionals: string[] } {
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  const names = Object.keys(spec);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      values.help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq < 0 ? undefined : eq) : arg.slice(1);
    const option = spec[name];
    if (!option || !arg.startsWith('--')) throw new UsageError(`unknown option ${arg.slice(0, eq < 0 ? undefined : eq)} for zhenggai ${command}; ${closest(name, names)}`);
    if (option.type === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value (it is on when given), not "${arg.slice(eq + 1)}"`);
      values[name] = true;
      continue;
    }
    if (eq >= 0) values[name] = arg.slice(eq + 1);
    else if (i + 1 < args.length) values[name] = args[++i]!;
    else throw new UsageError(`--${name} needs a value`);
  }
  return { values: values as Values<S>, positionals };
}

/** A whole number of at least 1, for `--jobs`. */
export function positiveInteger(name: string, value: string): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--${name} takes a whole number of at least 1, not "${value}"`);
  return n;
}

/** What a limit of one document is, for its option's messages: `--timeout` is … */
export interface LimitSpec {
  /** What the number means: `the seconds of work one document may take`. */
  means: string;
  /** The largest value taken, and why in a few words: 86400, `a day`. */
  max: number;
  maxWhy: string;
}

/**
 * A limit of one document (`--max-mb`, `--timeout`): a number above 0 and at most `max`, a
 * fraction or an exponent too (0.5, 1e3). Out of range, the line says what the option limits
 * and its bounds: `--timeout 1e9` (31 years, meant as "no limit") is told that a day is the most,
 * not only that it "takes a number above 0".
 */
export function limitValue(name: string, value: string, spec: LimitSpec): number {
  const n = /^\s*(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(value) ? Number(value) : NaN;
  if (!(n > 0 && n <= spec.max)) throw new UsageError(`--${name} is ${spec.means}: a number above 0 and at most ${spec.max} (${spec.maxWhy}), not "${value}"`);
  return n;
}
