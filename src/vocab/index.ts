/**
 * The phrase tables that more than one part of the pipeline reads, one file a table, each row
 * with a real example (test/vocab/homes.test.ts checks that no other file spells their words):
 *
 * - `status.ts` `STATUS_WORDS`: how an item, a count or a petition stands (已完成整改, 阶段性完成,
 *   已销号 …), the all-done and petition-resolved words, the rate names; the segmenter's
 *   dictionary rows for them (`src/dict/status.dict.utf8`, written by `npm run schemas`).
 * - `numerals.ts`: the Chinese numerals (`HAN_DIGITS`, `COUNTING_NUMERALS`, `YEAR_DIGITS`) every
 *   numeral pattern is built from, and `parseNumeral`.
 * - `chrome-lines.ts` `CHROME_LINES`: site chrome lines dropped whole (当前位置:首页>>要闻, 回顶部,
 *   豫ICP备…), and the breadcrumb words; `chrome-fragments.ts` `CHROME_FRAGMENTS`: chrome cut out of
 *   a header line (浏览次数:, 字号:[ ]).
 * - `range-separators.ts` `RANGE_SEPARATORS`: 至 到 ~ - — -- —— between the ends of a number or date range.
 * - `labels.ts` `LABELS`: the `label: value` fields of a page header (发布时间, 来源, 索引号 …) and their reader.
 *
 * A table with one reader lives beside it:
 * - numbers: `MEASURE_WORDS`, `NOT_MEASURE_WORDS`, `TIME_UNITS`, `MULTIPLIERS`, `HALF_WORDS`, `MONEY_NOUNS`,
 *   `SESSION_AFTER`, `APPROX_PREFIXES` / `_INFIXES` / `_SUFFIXES`, `SLOGANS` in `src/stages/4-extract/numbers.ts`;
 *   `TRADITIONAL_TO_SIMPLIFIED` in `src/stages/4-extract/char-view.ts`;
 * - dates: `POINT_PREFIXES`, `SINCE_PREFIXES`, `KIND_SUFFIXES`, `RANGE_OPENERS`, `TIMES_OF_DAY`, `RELATIVE_YEARS`, `RELATIVE_MONTHS`,
 *   `RELATIVE_DAYS`, `ANAPHORIC_DAYS`, `PRESENT_MARKERS`, `YEAR_PARTS`, `MONTH_PARTS`
 *   in `src/stages/4-extract/dates.ts`;
 * - totals and kind: `COUNTED`, `EXTRAS` and the totals grammar in `src/stages/4-extract/totals.ts`, the kind's
 *   phrases and `RETOLD` in `kind.ts`;
 * - clean: `CONTENT_SELECTORS` in `src/stages/1-clean/html.ts`, spinner `SUBSTITUTIONS` in `spun.ts`;
 * - sections: heading `MARKERS`, the list cues, shortcoming and measure words in `src/stages/3-sections/`;
 * - diagnostic codes and quality flags: `src/codes.ts`.
 */
export { CHROME_LINES, type ChromeRule } from './chrome-lines.js';
export { CHROME_FRAGMENTS } from './chrome-fragments.js';
export { RANGE_SEPARATORS, RANGE_SEPARATOR_STARTS, rangeSeparatorPattern } from './range-separators.js';
export { LABELS, readLabels, type Label, type LabelField } from './labels.js';
