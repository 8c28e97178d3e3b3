/** Throughput of the extract normalizers: findDates then findNumbers (dates excluded), as the extract stage runs them. */
import { findDates } from '../stages/4-extract/dates.js';
import { findNumbers } from '../stages/4-extract/numbers.js';

export async function benchExtract(texts: string[]): Promise<{ mbPerSecond: number }> {
  let bytes = 0;
  for (const t of texts) bytes += Buffer.byteLength(t, 'utf8');
  const t0 = performance.now();
  for (const t of texts) {
    const { dates } = findDates(t, { documentDate: null });
    findNumbers(t, { exclude: dates.map((d) => d.span) });
  }
  const seconds = (performance.now() - t0) / 1000;
  return { mbPerSecond: bytes / 1e6 / Math.max(seconds, 1e-9) };
}
