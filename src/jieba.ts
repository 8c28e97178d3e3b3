import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nodejieba from 'nodejieba';

/**
 * The segmenter's user dictionaries: the field's own terms (巡视整改, 立行立改, 一岗双责 …), and the
 * status words and rate names, written from src/vocab/status.ts by `npm run schemas`.
 */
export const USER_DICTS = ['../src/dict/zhenggai.dict.utf8', '../src/dict/status.dict.utf8'].map((f) => fileURLToPath(new URL(f, import.meta.url)));
/** The user dictionaries as cppjieba (and nodejieba) take several: paths joined by `|`. */
export const USER_DICT = USER_DICTS.join('|');

/**
 * The addon built by `npm install` from `src/native/jieba_spans.cc`: nodejieba's own segmenter
 * (cppjieba, from nodejieba's sources, with nodejieba's dictionaries) returning offsets and tags
 * instead of strings, its dictionary built once per process and shared by every worker thread.
 */
export const SEGMENTER_SOURCE = fileURLToPath(new URL('../src/native/jieba_spans.cc', import.meta.url));
const ADDON = fileURLToPath(new URL('../src/native/build/Release/jieba_spans.node', import.meta.url));

/** Words of a text as offsets: `spans[2i]`, `spans[2i+1]` are word i's [start, end) in UTF-16 units, `names[tags[i]]` its part of speech. */
export interface Spans {
  spans: Uint32Array;
  tags: Uint8Array;
  names: string[];
}

interface Addon {
  load(dict: string, hmm: string, userDict: string): boolean;
  spans(text: string): Spans;
  /** A token layer as JSON bytes: see `Tokens.toJsonBytes`. */
  tokensJson(bounds: Uint32Array, tags: Uint8Array, lineStart: string, lineEnd: string, tagEnds: string[]): Uint8Array;
}

/** nodejieba's own dictionary and HMM model, which nodejieba's `load()` reads by default. */
const JIEBA_DICTS = path.join(path.dirname(createRequire(import.meta.url).resolve('nodejieba/package.json')), 'submodules/cppjieba/dict');
const DICT = path.join(JIEBA_DICTS, 'jieba.dict.utf8');
const HMM_DICT = path.join(JIEBA_DICTS, 'hmm_model.utf8');

let addon: Addon | undefined;
let builtHere = false;

/** Whether this thread built the segmenter's dictionary (false: another thread of the process had). */
export function segmenterBuiltHere(): boolean {
  segmenter();
  return builtHere;
}

/**
 * The segmenter, loaded on first use: nodejieba's `cut(text, true)` segmentation and `tag`
 * parts of speech, as offsets. The dictionary (about 120 MB in memory) is built by the first
 * thread of a process to ask and shared by the others.
 */
export function segmenter(): Addon {
  if (!addon) {
    if (!existsSync(ADDON)) {
      throw new Error(`the segmenter addon is not built (${ADDON} is missing): run npm install, which builds it with node-gyp`);
    }
    for (const file of [DICT, HMM_DICT, ...USER_DICTS]) {
      // cppjieba aborts the process on a dictionary it cannot open; say which one instead.
      if (!existsSync(file)) throw new Error(`segmenter dictionary ${file} is missing: reinstall nodejieba (npm ci)`);
    }
    const loaded = createRequire(import.meta.url)(ADDON) as Addon;
    builtHere = loaded.load(DICT, HMM_DICT, USER_DICT);
    addon = loaded;
  }
  return addon;
}

/**
 * Each word of each piece, from one call to the segmenter: the pieces joined by `\n`, at which
 * cppjieba always cuts first and which it returns as a word of its own, so every piece is cut
 * as it would be alone. `visit` gets the piece's index, the word's [start, end) within the
 * piece, and its tag number; the tag names are returned.
 */
export function eachWord(pieces: readonly string[], visit: (piece: number, start: number, end: number, tag: number) => void): string[] {
  if (!pieces.length) return [];
  const { spans, tags, names } = segmenter().spans(pieces.join('\n'));
  let piece = 0;
  // Where the current piece starts in the joined text.
  let pieceStart = 0;
  for (let i = 0; i < tags.length; i++) {
    const from = spans[2 * i]!;
    const to = spans[2 * i + 1]!;
    if (from >= pieceStart + pieces[piece]!.length) {
      // The line break after the piece.
      piece++;
      pieceStart = to;
      continue;
    }
    visit(piece, from - pieceStart, to - pieceStart, tags[i]!);
  }
  return names;
}

/** Stand-ins for the keyword extractor's IDF table and stop words, which cutting and tagging never read. */
const UNUSED_IDF = fileURLToPath(new URL('../src/dict/unused-idf.utf8', import.meta.url));
const UNUSED_STOP_WORDS = fileURLToPath(new URL('../src/dict/unused-stop-words.utf8', import.meta.url));

let loaded = false;

/**
 * nodejieba itself, with the same user dictionary: what the benchmark measures the pipeline
 * against, and what the tests check the segmenter's words and tags against. The pipeline does
 * not call it: every thread that did would hold two copies of the dictionary of its own.
 */
export function jieba(): typeof nodejieba {
  if (!loaded) {
    nodejieba.load({ userDict: USER_DICT, idfDict: UNUSED_IDF, stopWordDict: UNUSED_STOP_WORDS });
    loaded = true;
  }
  return nodejieba;
}
