import { writeFileSync } from 'node:fs';

/**
 * Loaded with `node --import` into a command the bench runs as a user would: at exit it writes
 * the process's peak resident memory (its worker threads' included) in KB to the file
 * `ZHENGGAI_BENCH_RSS` names.
 */
const file = process.env.ZHENGGAI_BENCH_RSS;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
