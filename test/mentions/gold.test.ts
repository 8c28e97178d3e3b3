import { describe, expect, test } from 'vitest';
import { checkGold, goldFiles } from './gold-check.js';

// Pinyin annotations (根據(jù)) are stripped by the clean stage before extract sees the text; on the raw
// file they may still break a mention, so those documents only need their other mentions right.
const CLEAN_STAGE_FLAGS = ['pinyin-annotations'];

describe('gold annotations (corpus and dev)', () => {
  const results = goldFiles().map(checkGold);
  test.each(results.map((r) => [r.file, r] as const))('finds every gold number and date in %s, and no slogan', (_file, r) => {
    const tolerated = r.flags.some((f) => CLEAN_STAGE_FLAGS.includes(f)) ? r.fails.filter((f) => !/\(\w*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]\w*\)/.test(f)) : r.fails;
    expect(tolerated).toEqual([]);
  });
});
