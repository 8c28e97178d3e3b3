/**
 * Bytes to a string. Crawled copies come in whatever encoding the site used: a byte-order mark
 * decides first, then an HTML page's `<meta charset>`, then UTF-8 if the bytes are valid UTF-8,
 * and otherwise the better of GB18030 and Big5 by how much of the decoded text is common
 * Chinese. An encoding the file declares (a byte-order mark, a page's `<meta charset=gb2312>`)
 * is read as declared and only noted (`clean/encoding`, info); one that had to be guessed, or
 * bytes that had to be replaced, are flagged `encoding-repaired`.
 */
import * as OpenCC from 'opencc-js';
import type { Message, QualityFlag } from '../../schema.js';
import { message } from './step.js';

/** A document that cannot be read at all: reported for that file, the batch goes on. */
export class CleanError extends Error {
  override name = 'CleanError';
}

export interface Decoded {
  /** The decoded input, without a byte-order mark; every offset map points into it. */
  raw: string;
  /** WHATWG label of what was used: `utf-8`, `utf-16le`, `gb18030`, `big5` … */
  encoding: string;
  flags: QualityFlag[];
  messages: Message[];
}

/**
 * The 400 commonest characters of Chinese prose, simplified; their traditional forms are added
 * from OpenCC, so a Big5 page and a GB page score alike when decoded right, and text decoded
 * with the wrong table is a jumble of rare characters that scores low.
 */
const COMMON_SIMPLIFIED =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞巡察督纪监';

let common: Set<string> | undefined;
function commonChars(): Set<string> {
  if (!common) {
    const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(COMMON_SIMPLIFIED);
    common = new Set([...COMMON_SIMPLIFIED, ...traditional]);
  }
  return common;
}

/**
 * How Chinese a decoding looks: common characters and ASCII count for it, replacement
 * characters, private-use and C1 control characters count heavily against it.
 */
export function chineseScore(text: string): number {
  const set = commonChars();
  let score = 0;
  for (const c of text) {
    if (set.has(c)) score += 2;
    else if (c === '\uFFFD') score -= 20;
    else if (/[\uE000-\uF8FF\u0080-\u009F]/.test(c)) score -= 10;
    else if (/[\x20-\x7E\n\r\t\u3000-\u303F\uFF00-\uFFEF]/.test(c)) score += 0;
    else score -= 1;
  }
  return score / Math.max(1, text.length);
}

function tryDecode(label: string, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

/** `<meta charset="gbk">` or `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`. */
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/** Encoding labels pages declare, to what TextDecoder reads them with (GB2312 and GBK are subsets of GB18030). */
const LABELS: Record<string, string> = {
  'utf-8': 'utf-8', utf8: 'utf-8', gb2312: 'gb18030', gbk: 'gb18030', gb18030: 'gb18030', 'x-gbk': 'gb18030',
  big5: 'big5', 'big5-hkscs': 'big5', 'utf-16': 'utf-16le', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be',
};

export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = META_CHARSET.exec(head);
  return m ? (LABELS[m[1]!.toLowerCase()] ?? null) : null;
}

const PNG = [0x89, 0x50, 0x4e, 0x47];
const PDF = [0x25, 0x50, 0x44, 0x46];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const GIF = [0x47, 0x49, 0x46, 0x38];
const JPEG = [0xff, 0xd8, 0xff];
const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/**
 * UTF-16 without a byte-order mark, and why it reads as such. Text mostly ASCII has a NUL on one
 * side of most pairs of bytes. A notice has fewer, from its digits, punctuation and line breaks
 * (corpus 003 as UTF-16LE: 264 of its first 2,048 pairs, and 23 on the other side, since 一 is
 * U+4E00), too few to tell it from binary data by themselves: it is UTF-16 when the NULs keep to
 * one side and the bytes decoded so read as Chinese (corpus 003 scores 1.09; read the other way
 * round -2.09, a UTF-8 file read as UTF-16 -3.83).
 */
function utf16WithoutBom(bytes: Uint8Array): { encoding: 'utf-16le' | 'utf-16be'; why: string } | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  const pattern = 'NUL bytes in the pattern of UTF-16 without a byte-order mark';
  if (oddNul > pairs * 0.2 && evenNul < pairs * 0.02) return { encoding: 'utf-16le', why: pattern };
  if (evenNul > pairs * 0.2 && oddNul < pairs * 0.02) return { encoding: 'utf-16be', why: pattern };
  const side = oddNul >= 4 && oddNul >= 4 * evenNul ? 'utf-16le' : evenNul >= 4 && evenNul >= 4 * oddNul ? 'utf-16be' : null;
  if (side && chineseScore(tryDecode(side, bytes.subarray(0, n), false) ?? '') >= 0.3) {
    return { encoding: side, why: 'no byte-order mark: NUL bytes on alternate sides, and the text reads as Chinese' };
  }
  return null;
}

/**
 * Decodes one input file. Throws `CleanError` for what is not text at all (empty, an image,
 * a PDF, NUL bytes that are not UTF-16), never for text in an unexpected encoding.
 */
export function decodeBytes(bytes: Uint8Array, options: { html?: boolean } = {}): Decoded {
  if (bytes.length === 0) throw new CleanError('empty file');
  const decoded = (raw: string, encoding: string, why: string, flags: QualityFlag[]): Decoded => ({
    raw,
    encoding,
    flags,
    messages: [message('info', 'clean/encoding', `decoded as ${encoding} (${why})`, null)],
  });
  // 0xFF 0xFE, <meta charset=gb2312>: the file says what it is, nothing was repaired.
  const declared = (raw: string, encoding: string, why: string) => decoded(raw, encoding, why, []);
  const repaired = (raw: string, encoding: string, why: string) => decoded(raw, encoding, why, ['encoding-repaired']);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const raw = tryDecode('utf-8', bytes.subarray(3), false)!;
    return { raw, encoding: 'utf-8', flags: [], messages: [] };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return declared(tryDecode('utf-16le', bytes.subarray(2), false)!, 'utf-16le', 'byte-order mark');
  if (startsWith(bytes, [0xfe, 0xff])) return declared(tryDecode('utf-16be', bytes.subarray(2), false)!, 'utf-16be', 'byte-order mark');
  for (const [sig, kind] of [[PNG, 'a PNG image'], [PDF, 'a PDF'], [ZIP, 'a ZIP archive (DOCX/XLSX?)'], [GIF, 'a GIF image'], [JPEG, 'a JPEG image']] as const) {
    if (startsWith(bytes, sig)) throw new CleanError(`binary file: ${kind}, not text`);
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return repaired(tryDecode(utf16.encoding, bytes, false)!, utf16.encoding, utf16.why);
  if (bytes.subarray(0, 65536).includes(0)) throw new CleanError('binary file: it contains NUL bytes, not text');

  const charset = options.html ? declaredCharset(bytes) : null;
  if (charset && charset !== 'utf-8') {
    const raw = tryDecode(charset, bytes, true);
    if (raw !== null) return declared(raw, charset, 'the page declares it in <meta charset>');
  }

  const utf8 = tryDecode('utf-8', bytes, true);
  if (utf8 !== null) return { raw: utf8, encoding: 'utf-8', flags: [], messages: [] };
  // A copy cut off in the middle of a character: 防 is E9 98 B2, the file ends after E9 98.
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
    const head = tryDecode('utf-8', bytes.subarray(0, bytes.length - cut), true);
    if (head !== null) {
      return {
        raw: head,
        encoding: 'utf-8',
        flags: [],
        messages: [message('info', 'clean/truncated-character', `the file ends in the middle of a character (${cut} bytes dropped)`, null)],
      };
    }
  }

  const candidates = ['utf-8', 'gb18030', 'big5'].map((label) => {
    const raw = tryDecode(label, bytes, false) ?? '';
    return { label, raw, score: chineseScore(raw) };
  });
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0]!;
  if (best.score <= -1) throw new CleanError('undecodable: neither UTF-8, GB18030 nor Big5 gives readable text');
  const bad = [...best.raw].filter((c) => c === '\uFFFD').length;
  if (best.label === 'utf-8') {
    return {
      raw: best.raw,
      encoding: 'utf-8',
      flags: ['encoding-repaired'],
      messages: [message('warning', 'clean/invalid-bytes', `${bad} invalid UTF-8 sequences replaced by U+FFFD`, null)],
    };
  }
  const others = candidates.slice(1).map((c) => `${c.label} ${c.score.toFixed(2)}`).join(', ');
  const result = repaired(best.raw, best.label, `not valid UTF-8; scored ${best.score.toFixed(2)} against ${others}`);
  if (bad) result.messages.push(message('warning', 'clean/invalid-bytes', `${bad} byte sequences invalid in ${best.label}`, null));
  return result;
}
