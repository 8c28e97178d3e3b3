import { z } from 'zod';

/**
 * Every diagnostic code the pipeline emits, `stage/rule-id`, with the level it is emitted at,
 * what it means and a real example. The schemas take their enum of codes from here and the
 * README its table of codes (`npm run schemas` rewrites it); a test fails when the code emits a
 * code that is not here, or at another level. Adding a rule is one line here.
 * `audit: true` marks the checks of a notice's own arithmetic: documents.csv's `audit` column.
 */
export const CODES = {
  'clean/encoding': { level: 'info', meaning: 'the bytes were not UTF-8 and were decoded as GB18030, Big5 or UTF-16, as the file declares it or as guessed', example: 'decoded as big5 (not valid UTF-8; scored 0.88 against gb18030 -2.74 …): a Big5 copy of a corpus notice' },
  'clean/invalid-bytes': { level: 'warning', meaning: 'bytes that no encoding could read were replaced by U+FFFD', example: '… invalid UTF-8 sequences replaced by U+FFFD (no document of the corpus has any)' },
  'clean/truncated-character': { level: 'info', meaning: 'the file ends in the middle of a UTF-8 character, whose bytes were dropped', example: 'a copy cut after E9 98, two of the three bytes of 防 (illustration)' },
  'clean/entity-residue': { level: 'warning', meaning: 'broken HTML entities in the text were repaired', example: '开展&ldquo;回头看&amp;rdquo;工作 → 开展“回头看”工作' },
  'clean/pinyin-removed': { level: 'info', meaning: 'pinyin annotations after Han characters were removed', example: '根據(jù)市委巡察 → 根据市委巡察 (dev d04: 88 removed)' },
  'clean/pinyin-residue': { level: 'warning', meaning: 'mangled pinyin is left in the text', example: '饕?fù)責 (dev d17)' },
  'clean/mojibake': { level: 'warning', meaning: 'characters lost or mis-decoded in this copy are left as they are', example: '說明?!蹦硣笾饕? (dev d17)' },
  'clean/traditional-script': { level: 'info', meaning: 'the text was converted from traditional to simplified script', example: '149 of 450 Han characters, 33.1% (dev d04)' },
  'clean/boilerplate-dropped': { level: 'info', meaning: 'whole lines of site chrome were dropped; the message names the rules', example: '【编辑:胡苏 雷昕】, 回顶部 到底部, photo credits' },
  'clean/boilerplate-cut': { level: 'info', meaning: 'the chrome tail of a header line was cut', example: '发布日期:2023-01-06 11:16信息来源:宁波市审计局浏览次数: 字号:[ ]' },
  'clean/doubled-punctuation': { level: 'info', meaning: 'doubled punctuation was collapsed', example: '整改到位,, → 整改到位,' },
  'clean/spun-text': { level: 'warning', meaning: 'the text reads as a synonym-spun copy (洗稿); its numbers are still right', example: '监视×50 题目×15 胀动×10: score 0.95 (corpus 004)' },
  'extract/year-unknown': { level: 'warning', meaning: 'a date without a year, and no year can be known: start and end stay null', example: '今年 in a notice without a date (corpus 000)' },
  'extract/year-from-text': { level: 'info', meaning: "a date's year was taken from the only year the text names", example: '4月29日 → 2015 (dev d30)' },
  'extract/date-repaired': { level: 'warning', meaning: 'a date whose 年/月 were lost in copying was read anyway', example: '202442日至820日 → 2024-04-02..2024-08-20 (dev d01)' },
  'extract/date-invalid': { level: 'warning', meaning: 'not a calendar date, or a range that ends before it starts: start and end stay null', example: '2月30日 (illustration)' },
  'sections/marker-slip': { level: 'warning', meaning: 'an item whose marker lost its mark (5践行 in a list of 1. … 8.) was read as the next item of its list', example: '5践行安全发展理念有差距 between 4. and 6. (wild w156)' },
  'validate/problem-number-skipped': { level: 'warning', audit: true, meaning: 'the numbers of a list of problems skip one or more (a list starts again at 1); the message says how many items the list numbers and how many were read', example: '问题1 then 问题3: the list numbers 3 items from 1, 2 were read (fixture audit-arithmetic-fails)' },
  'validate/problem-number-repeated': { level: 'error', audit: true, meaning: 'a problem number repeats within its category', example: '问题2 twice in one category (illustration)' },
  'validate/item-count-mismatch': { level: 'warning', audit: true, meaning: 'the items found are not as many as the stated total', example: '反映1263个问题, 2 items found (dev d07)' },
  'validate/totals-mismatch': { level: 'warning', audit: true, meaning: 'completed + partial + not completed is not the stated total', example: '发现问题82个,已整改问题38个,正在整改问题21个: 38 + 21 = 59 (wild w121)' },
  'validate/part-exceeds-total': { level: 'warning', audit: true, meaning: 'one part is larger than the stated total', example: '25个问题,已完成整改27个 (illustration)' },
  'validate/rate-mismatch': { level: 'warning', audit: true, meaning: 'the stated rate is not completed / total, at the rate’s own precision', example: '整改率达到66% but 38/82 = 46.34% (wild w121)' },
  'validate/petitions-exceed': { level: 'warning', audit: true, meaning: 'more petitions resolved than received', example: '受理群众环境信访举报115件,办结146件 (dev d20)' },
  'validate/immediate-exceed': { level: 'warning', audit: true, meaning: 'more 立行立改 items resolved than stated', example: '立行立改事项12件,已办结13件 (illustration)' },
  'validate/status-contradicts-totals': { level: 'warning', audit: true, meaning: 'every item has a status and their counts differ from the stated totals', example: '2个具体问题,已完成整改2个, but 问题2 正在整改 (fixture audit-statuses-contradict-totals)' },
  'validate/no-rectification': { level: 'warning', meaning: 'a problem of a formal notice has no rectification text, while other problems of the notice have one', example: '问题2 of 问题1 … 问题5, the others each with 整改情况 (illustration)' },
  'validate/findings-only': { level: 'info', meaning: 'a formal notice lists its problems without any rectification text: it publishes findings, or its rectifications were not paired with them', example: '5 problems listed, none with 整改情况 (dev d44)' },
} as const satisfies Record<string, { level: 'error' | 'warning' | 'info'; meaning: string; example: string; audit?: boolean }>;

export type Code = keyof typeof CODES;
export const Code = z.enum(Object.keys(CODES) as [Code, ...Code[]]);

/** The codes of the arithmetic audit, in table order: a notice whose arithmetic fails has one of them. */
export const AUDIT_CODES: readonly Code[] = (Object.keys(CODES) as Code[]).filter((code) => 'audit' in CODES[code]);

/**
 * Every quality flag `clean` may raise (`quality.flags`, documents.csv `qualityFlags`): the
 * copy was repaired or is suspect, and how. Each with a real example.
 */
export const FLAGS = {
  'encoding-repaired': { meaning: 'the encoding had to be guessed (the better of GB18030 and Big5, or UTF-16 without a byte-order mark) or bytes had to be replaced; one the file declares (a byte-order mark, a page\'s <meta charset>) is not a repair', example: 'the GB18030 copies of the corpus notices the metamorphic tests make' },
  'traditional-script': { meaning: 'converted from traditional script', example: '武漢產業投資 → 武汉产业投资 (dev d04, once its pinyin is removed)' },
  'pinyin-annotations': { meaning: 'pinyin annotations were removed', example: '根據(jù) → 根据 (dev d04)' },
  'spun-text': { meaning: 'a synonym-spun copy (洗稿): words replaced, numbers intact', example: '厉重题目整改情景 for 严重问题整改情况 (corpus 004)' },
} as const satisfies Record<string, { meaning: string; example: string }>;

export type QualityFlag = keyof typeof FLAGS;
export const QualityFlag = z.enum(Object.keys(FLAGS) as [QualityFlag, ...QualityFlag[]]);

/**
 * Why a document could not be processed at all, as the `code` of a JSONL run's error record
 * (`{"id", "line", "source", "error": {"code", "message"}}`): each code with how its message
 * reads, what it means and a real example. `message` is the reason a folder run lists in
 * run.json and documents.csv.
 */
export const FAILURES = {
  'bad-line': { reason: /^(?:not a JSON object|needs a string)/, meaning: 'the JSONL line is not a JSON object with a string "id" and a string "text" or "path"', example: 'not a JSON object (a line cut in half by a crawler)' },
  empty: { reason: /^empty file/, meaning: 'the file or text is empty', example: 'empty file' },
  binary: { reason: /^binary file/, meaning: 'the bytes are not text', example: 'binary file: a PNG image, not text' },
  undecodable: { reason: /^undecodable/, meaning: 'no encoding gives readable text', example: 'undecodable: neither UTF-8, GB18030 nor Big5 gives readable text' },
  unreadable: { reason: /^cannot read|ENOENT|EACCES|EISDIR|ENOTDIR/, meaning: 'the input named by "path" cannot be read', example: 'cannot read it: no such file or folder (ENOENT)' },
  'too-large': { reason: /over the limit of .* for one document/, meaning: 'the input is larger than one document may be (--max-mb)', example: '12.5 MB, over the limit of 10 MB for one document (--max-mb)' },
  limit: { reason: /the limit for one document|^took longer|^needed more than/, meaning: 'the document took more time or memory than one document may (--timeout, --heap-mb)', example: 'took longer than 60 s, the limit for one document (--timeout)' },
  internal: { reason: /^internal error/, meaning: 'a bug in zhenggai: the message says where', example: 'internal error: … (at dist/stages/…)' },
  failed: { reason: /(?:)/, meaning: 'any other failure: the message says what', example: 'a reason none of the patterns above reads' },
} as const satisfies Record<string, { reason: RegExp; meaning: string; example: string }>;

export type FailureCode = keyof typeof FAILURES;
export const FailureCode = z.enum(Object.keys(FAILURES) as [FailureCode, ...FailureCode[]]);

/** The code of a failure's reason: the first entry of `FAILURES` whose pattern it matches. */
export function failureCode(reason: string): FailureCode {
  return (Object.keys(FAILURES) as FailureCode[]).find((code) => FAILURES[code].reason.test(reason))!;
}
