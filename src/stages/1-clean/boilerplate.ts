/**
 * What a web page adds around a notice and what is never part of it: whole chrome lines
 * (breadcrumbs, footers, share widgets), chrome fragments glued into a header line, and
 * punctuation a copy doubled. The chrome rules are tables in `src/vocab/` (`CHROME_LINES`,
 * `CHROME_FRAGMENTS`), each row with a real example from a crawled page.
 */
import { CHROME_FRAGMENTS } from '../../vocab/chrome-fragments.js';
import { CHROME_LINES, type ChromeRule } from '../../vocab/chrome-lines.js';
import { type MappedText, TextMapBuilder, rewrite } from './text-map.js';
import { type StepResult, message } from './step.js';

export function isBoilerplate(line: string): boolean {
  return CHROME_LINES.some((rule) => rule.pattern.test(line));
}

/** The rule a trimmed line matches, if any. */
export function boilerplateRule(line: string): ChromeRule | undefined {
  return CHROME_LINES.find((rule) => rule.pattern.test(line));
}

/**
 * Doubled punctuation a copy leaves when it drops a word or joins fields: ,, → ,  ,。 → 。
 * 、、 → 、  。。 → 。 (an ellipsis …… and a dash —— are real and kept).
 */
export const DOUBLED_PUNCTUATION = /([,，、;；])[,，、;；]+|[,，、;；]+([。.!！?？])|([。！？])\3+/g;

function collapsePunctuation(input: MappedText): { text: MappedText; count: number } {
  let count = 0;
  const text = rewrite(input, DOUBLED_PUNCTUATION, (m) => {
    count++;
    return m[1] ?? m[2] ?? m[3] ?? null;
  });
  return { text, count };
}

/**
 * Drops chrome lines (with their line break), cuts chrome fragments out of header lines and
 * collapses doubled punctuation. Reports what it dropped as info messages.
 */
export function stripBoilerplate(input: MappedText): StepResult {
  const src = input.text;
  const b = new TextMapBuilder(input);
  const dropped: string[] = [];
  const lineRe = /[^\n]*\n?/g;
  for (let m = lineRe.exec(src); m && m[0].length > 0; m = lineRe.exec(src)) {
    const line = m[0].replace(/\r?\n$/, '').trim();
    const rule = line ? boilerplateRule(line) : undefined;
    if (rule) {
      dropped.push(rule.name);
      continue;
    }
    b.keep(m.index, m.index + m[0].length);
  }
  let text = dropped.length ? b.build() : input;
  let fragments = 0;
  for (const rule of CHROME_FRAGMENTS) {
    text = rewrite(text, rule.pattern, () => {
      fragments++;
      return '';
    });
  }
  const punct = collapsePunctuation(text);
  text = punct.text;
  const messages = [];
  if (dropped.length) {
    const names = [...new Set(dropped)].join(', ');
    messages.push(message('info', 'clean/boilerplate-dropped', `dropped ${dropped.length} site chrome lines (${names})`, null));
  }
  if (fragments) messages.push(message('info', 'clean/boilerplate-cut', `cut ${fragments} chrome fragments from header lines`, null));
  if (punct.count) messages.push(message('info', 'clean/doubled-punctuation', `collapsed ${punct.count} doubled punctuation marks`, null));
  return { text, flags: [], messages };
}
