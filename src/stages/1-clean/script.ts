/**
 * Content-farm script repairs: pinyin annotations removed, then traditional script converted
 * to simplified. Both keep the offset map exact: a removal maps nothing, and the conversion
 * writes one character for one character, each mapped to its counterpart.
 */
import * as OpenCC from 'opencc-js';
import { type MappedText, TextMapBuilder, rewrite } from './text-map.js';
import { type StepResult, message } from './step.js';
import type { Message } from '../../schema.js';

/** Vowels carrying a tone mark; a pinyin annotation has at least one (or a tone number). */
const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const PINYIN_LETTERS = `a-zü${TONED}`;

/**
 * One annotation in ASCII or full-width parentheses right after a Han character (or after the
 * `?` a lost character left), holding one or more syllables with a tone mark or tone number:
 * 根據(jù) · 簡(jiǎn)稱(chēng) · 全媒体(méitǐ)记者 · 45項(xiàng) · 说明?(fù)责.
 * Real parentheses hold Han text or numbers and are never matched: (含国矿) · (扩大) · (一).
 * The parenthesis comes first and the character before it is looked behind from there, so that
 * the regex engine skips ahead to each parenthesis instead of trying every position of the text.
 */
const ANNOTATION = new RegExp(
  `[(（](?<=[\\p{Script=Han}?\\uFFFD][(（])(?:` +
    `(?=[${PINYIN_LETTERS} '’]*[${TONED}])[${PINYIN_LETTERS}][${PINYIN_LETTERS} '’]{0,29}` +
    `|(?:[a-zü]{1,6}[1-5][ '’]?){1,6}` +
    `)[)）]`,
  'gu',
);

/**
 * A toneless syllable in parentheses: the neutral tone of 的(de) 们(men) 子(zi). Removed only in a
 * document that already carries toned annotations, where (de) cannot be anything else.
 */
const NEUTRAL = /[(（](?<=\p{Script=Han}[(（])(?:[zcs]h?|[bpmfdtnlgkhjqxryw])?(?:[aeiouü][a-zü]{0,4})[)）]/gu;
/** Toned annotations from which a document counts as annotated. */
const ANNOTATED_MIN = 3;

/** Tone-marked Latin left over where a copy mangled an annotation: 實打?qū)? (tried at one position). */
const PINYIN_RESIDUE = new RegExp(`[(（?]?[a-zü]*[${TONED}][${PINYIN_LETTERS}]*[)）?]?`, 'uy');
const TONE_MARK = new RegExp(`[${TONED}]`, 'g');
/** `[a-zü]` of the pattern above. */
const isPinyinLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || c === 0xfc;

/**
 * Where `PINYIN_RESIDUE` matches in `text`, as a global search for it would find them. Every
 * match holds a toned vowel, and a search for those skips through a notice several times faster
 * than trying the pattern at each position: the match holding the first toned vowel after the
 * last match starts at the run of letters (and the bracket or `?`) just before that vowel.
 */
function pinyinResidues(text: string): { index: number; residue: string }[] {
  const found: { index: number; residue: string }[] = [];
  let from = 0;
  TONE_MARK.lastIndex = 0;
  for (let m = TONE_MARK.exec(text); m; m = TONE_MARK.exec(text)) {
    let index = m.index;
    while (index > from && isPinyinLetter(text.charCodeAt(index - 1))) index--;
    if (index > from && '(（?'.includes(text[index - 1]!)) index--;
    PINYIN_RESIDUE.lastIndex = index;
    const residue = PINYIN_RESIDUE.exec(text)![0];
    found.push({ index, residue });
    from = TONE_MARK.lastIndex = index + residue.length;
  }
  return found;
}

/**
 * Mis-decoded stretches: the replacement character, or a `?` followed by `!` inside a sentence,
 * as in 說明?!蹦硣笾饕?(fù)責 (should read 说明。”某国企主要负责).
 */
const MOJIBAKE = /\uFFFD+|\?!(?:[\p{Script=Han}]{0,8}\?)?/gu;

/** Removes pinyin annotations; flags `pinyin-annotations` and reports mangled remains. */
export function removePinyin(input: MappedText): StepResult {
  const src = input.text;
  const b = new TextMapBuilder(input);
  let last = 0;
  let count = 0;
  ANNOTATION.lastIndex = 0;
  for (let m = ANNOTATION.exec(src); m; m = ANNOTATION.exec(src)) {
    b.keep(last, m.index);
    last = m.index + m[0].length;
    count++;
  }
  b.keep(last, src.length);
  let text = count ? b.build() : input;
  if (count >= ANNOTATED_MIN) {
    text = rewrite(text, NEUTRAL, () => {
      count++;
      return '';
    });
  }
  const messages: Message[] = [];
  for (const { index, residue } of pinyinResidues(text.text)) {
    messages.push(
      message('warning', 'clean/pinyin-residue', `mangled pinyin annotation left in the text: ${residue}`, [
        index,
        index + residue.length,
      ]),
    );
  }
  MOJIBAKE.lastIndex = 0;
  for (let m = MOJIBAKE.exec(text.text); m; m = MOJIBAKE.exec(text.text)) {
    messages.push(
      message('warning', 'clean/mojibake', `characters lost or mis-decoded in this copy: ${m[0]}`, [
        m.index,
        m.index + m[0].length,
      ]),
    );
  }
  if (count) {
    messages.unshift(message('info', 'clean/pinyin-removed', `removed ${count} pinyin annotations`, null));
  }
  return { text, flags: count ? ['pinyin-annotations'] : [], messages };
}

let toSimplified: ((s: string) => string) | undefined;

/**
 * OpenCC traditional (`t`) to mainland simplified (`cn`), character and phrase tables, which
 * also folds the variants such copies carry: 産 → 产, 裏 → 里, 併 → 并.
 */
export function t2s(s: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(s);
}

let changing: Uint8Array | undefined;

/**
 * The UTF-16 code units that `t2s` can change: every unit of a dictionary entry at a place where
 * its replacement differs (all of an entry whose replacement has another length). A text with
 * none of them comes out of `t2s` as it went in, so its traditional share is 0 without
 * converting it; a simplified notice (almost every notice) has none.
 */
function changingUnits(): Uint8Array {
  if (changing) return changing;
  const units = new Uint8Array(0x10000);
  for (const dict of OpenCC.Locale.to.cn.flat()) {
    const entries: [string, string][] = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ') as [string, string]) : (dict as [string, string][]);
    for (const [from, to] of entries) {
      for (let i = 0; i < from.length; i++) if (from.length !== to.length || from.charCodeAt(i) !== to.charCodeAt(i)) units[from.charCodeAt(i)] = 1;
    }
  }
  return (changing = units);
}

/** Share of Han characters above which a document counts as written in traditional script. */
export const TRADITIONAL_SHARE = 0.05;
/** …and at least this many of them, so a single 於 in a name does not convert a notice. */
export const TRADITIONAL_MIN = 3;

const HAN = /\p{Script=Han}/u;
/**
 * Whether a UTF-16 code unit, read alone, is Han. The unified block 一 (U+4E00) … U+9FFF, almost
 * every character of a notice, is all Han, and nothing below the radicals (U+2E80) is, so the
 * Unicode property is looked up only for the few code units in between and above.
 */
function isHanUnit(c: number): boolean {
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  return c >= 0x2e80 && HAN.test(String.fromCharCode(c));
}
/** Code units of the text's start that decide its script. */
export const SHARE_SAMPLE = 6000;

/**
 * An upper bound of `traditionalShare` without converting: the Han characters of the same
 * sample, and how many of its code units `t2s` could change at all.
 */
export function traditionalBound(whole: string): { han: number; candidates: number } {
  const text = whole.slice(0, SHARE_SAMPLE);
  const units = changingUnits();
  let han = 0;
  let candidates = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHanUnit(c)) han++;
    candidates += units[c]!;
  }
  return { han, candidates };
}

/**
 * How much of `text` is in traditional script: the Han characters OpenCC would change, out of
 * all Han characters. Simplified notices score 0.000, the traditional copies 0.31–0.42.
 */
export function traditionalShare(whole: string): { han: number; traditional: number; share: number } {
  // A copy is converted as a whole, so its first stretch tells its script: OpenCC's phrase
  // tables over a 100 KB notice would cost more than segmenting it.
  const text = whole.slice(0, SHARE_SAMPLE);
  const converted = t2s(text);
  let han = 0;
  let traditional = 0;
  const same = converted.length === text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isHanUnit(c)) continue;
    han++;
    if (same ? converted.charCodeAt(i) !== c : t2s(text[i]!) !== text[i]) traditional++;
  }
  return { han, traditional, share: han ? traditional / han : 0 };
}

/**
 * Converts to simplified one character for one character, so each output unit maps to the
 * input unit it replaced. Lines whose conversion would change length are converted per
 * character (and a character whose conversion changes length is kept as it is).
 */
function convertExact(input: MappedText): MappedText {
  const src = input.text;
  const b = new TextMapBuilder(input);
  const lineRe = /[^\n]*\n?/g;
  for (let m = lineRe.exec(src); m && m[0].length > 0; m = lineRe.exec(src)) {
    const line = m[0];
    let out = t2s(line);
    if (out.length !== line.length) {
      out = Array.from(line, (c) => {
        const s = t2s(c);
        return s.length === c.length ? s : c;
      }).join('');
    }
    let run = 0;
    for (let i = 0; i <= line.length; i++) {
      if (i < line.length && out[i] === line[i]) continue;
      b.keep(m.index + run, m.index + i);
      if (i < line.length) b.replace(m.index + i, m.index + i + 1, out[i]!);
      run = i + 1;
    }
  }
  return b.build();
}

/** Converts a document written in traditional script to simplified; flags `traditional-script`. */
export function toSimplifiedScript(input: MappedText, options: { annotated?: boolean } = {}): StepResult {
  // A copy that carried pinyin annotations is a content-farm copy: one traditional character is enough (2個(gè)月).
  const min = options.annotated ? 1 : TRADITIONAL_MIN;
  // Most notices are simplified and have too few characters OpenCC could change to be converted:
  // decided without running its phrase tables.
  const bound = traditionalBound(input.text);
  if (bound.candidates < min || bound.candidates < TRADITIONAL_SHARE * bound.han) return { text: input, flags: [], messages: [] };
  const { han, traditional, share } = traditionalShare(input.text);
  if (traditional < min || share < TRADITIONAL_SHARE) return { text: input, flags: [], messages: [] };
  const text = convertExact(input);
  const pct = (share * 100).toFixed(1);
  return {
    text,
    flags: ['traditional-script'],
    messages: [
      message(
        'info',
        'clean/traditional-script',
        `converted traditional script to simplified (${traditional} of ${han} Han characters, ${pct}%)`,
        null,
      ),
    ],
  };
}

/** Pinyin removal first (OpenCC leaves pinyin in place), then traditional → simplified. */
export function normalizeScript(input: MappedText): StepResult {
  const pinyin = removePinyin(input);
  const script = toSimplifiedScript(pinyin.text, { annotated: pinyin.flags.length > 0 });
  return {
    text: script.text,
    flags: [...pinyin.flags, ...script.flags],
    // The conversion keeps lengths, so spans found before it still hold after it.
    messages: [...pinyin.messages, ...script.messages],
  };
}
