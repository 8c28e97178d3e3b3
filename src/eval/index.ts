import { loadGold } from './gold.js';
import { loadOutputs } from './outputs.js';
import { type Evaluation, MIN_ITEMS, evaluate } from './score.js';

export { EvalInputError, Gold, loadGold } from './gold.js';
export { loadOutputs, outputFor, type Output, type Outputs } from './outputs.js';
export { METRICS, MIN_ITEMS, evaluate, fold, type Evaluation, type MetricId, type MetricResult, type Miss } from './score.js';

/**
 * `zhenggai eval --gold DIR OUT`: the output folder OUT scored against the gold files of DIR.
 * Throws EvalInputError, naming the file, when a gold file or a folder cannot be read.
 */
export function evalFolder(goldDir: string, outDir: string): Evaluation & { unreadable: { file: string; reason: string }[] } {
  const golds = loadGold(goldDir).map((g) => g.gold);
  const outputs = loadOutputs(outDir);
  return { ...evaluate(golds, outputs), unreadable: outputs.unreadable };
}

const percent = (rate: number): string => `${(100 * rate).toFixed(1)}%`;

/**
 * One line per metric, then `score: 0.8317`; with `verbose`, every miss under the figures,
 * document by document:
 *
 *     document kind                         65/77      84.4%
 *     problem items F1                      13/38      51.0%   P 100.0%  R 34.2%  0 extra
 *       dev/d44.txt  document kind: kind news, want formal-notice
 */
export function formatEvaluation(evaluation: Evaluation, { verbose = false } = {}): string {
  const lines = evaluation.metrics.map((m) => {
    const figures = `${m.label.padEnd(34)} ${String(m.ok).padStart(5)}/${String(m.n).padEnd(5)}`;
    if (!m.scored) return `${figures} (under ${MIN_ITEMS} gold items; not in the score)${m.extra ? `  ${m.extra} extra` : ''}`;
    const rate = percent(m.rate).padStart(7);
    return m.precision === undefined ? `${figures} ${rate}` : `${figures} ${rate}   P ${percent(m.precision)}  R ${percent(m.recall!)}  ${m.extra} extra`;
  });
  if (verbose) {
    const labels = new Map(evaluation.metrics.map((m) => [m.id, m.label.replace(/ F1$/, '')]));
    for (const miss of evaluation.misses) lines.push(`  ${miss.file}  ${labels.get(miss.metric)}: ${miss.message}`);
  }
  lines.push(`score: ${evaluation.score.toFixed(4)}  (${evaluation.documents} gold documents, ${evaluation.misses.length} misses)`);
  return lines.join('\n');
}
