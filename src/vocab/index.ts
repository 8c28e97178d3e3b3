/**
 * The phrase tables that more than one part of the pipeline reads, one file a table, each row
 * with a real example:
 *
 * - `chrome-lines.ts` `CHROME_LINES`: site chrome lines dropped whole (当前位置:首页>>要闻, 回顶部, 豫ICP备…).
 * - `chrome-fragments.ts` `CHROME_FRAGMENTS`: chrome cut out of a header line (浏览次数:, 字号:[ ]).
 * - `range-separators.ts` `RANGE_SEPARATORS`: 至 到 ~ - — -- —— between the ends of a number or date range.
 * - `labels.ts` `LABELS`: the `label: value` fields of a page header (发布时间, 来源, 索引号 …) and their reader.
 *
 * A table with one reader lives beside it:
 * - numbers: `MEASURE_WORDS`, `NOT_MEASURE_WORDS`, `TIME_UNITS`, `MULTIPLIERS`, `HALF_WORDS`, `MONEY_NOUNS`,
 *   `SESSION_AFTER`, `APPROX_PREFIXES` / `_INFIXES` / `_SUFFIXES`, `SLOGANS` in `src/mentions/numbers.ts`; Chinese digits and units in `src/mentions/numerals.ts`;
 *   `TRADITIONAL_TO_SIMPLIFIED` in `src/mentions/char-view.ts`;
 * - dates: `POINT_PREFIXES`, `SINCE_PREFIXES`, `KIND_SUFFIXES`, `RANGE_OPENERS`, `TIMES_OF_DAY`, `RELATIVE_YEARS`, `RELATIVE_MONTHS`,
 *   `RELATIVE_DAYS`, `ANAPHORIC_DAYS`, `PRESENT_MARKERS`, `YEAR_PARTS`, `MONTH_PARTS`
 *   in `src/mentions/dates.ts`;
 * - clean: `CONTENT_SELECTORS` in `src/stages/1-clean/html.ts`, spinner `SUBSTITUTIONS` in `spun.ts`;
 * - sections: heading `MARKERS`, `STATUS_PHRASES`, the totals and kind phrases in `src/stages/3-sections/`;
 * - diagnostic codes and quality flags: `src/codes.ts`.
 */
export { CHROME_LINES, type ChromeRule } from './chrome-lines.js';
export { CHROME_FRAGMENTS } from './chrome-fragments.js';
export { RANGE_SEPARATORS, RANGE_SEPARATOR_STARTS, rangeSeparatorPattern } from './range-separators.js';
export { LABELS, readLabels, type Label, type LabelField } from './labels.js';
