import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { boilerplateRule, stripBoilerplate } from '../../../src/stages/1-clean/boilerplate.js';
import { CHROME_FRAGMENTS } from '../../../src/vocab/chrome-fragments.js';
import { CHROME_LINES } from '../../../src/vocab/chrome-lines.js';
import { CleanError, decodeBytes } from '../../../src/stages/1-clean/decode.js';
import { htmlToText, readPageMeta, repairEntityResidue } from '../../../src/stages/1-clean/html.js';
import { findDuplicates } from '../../../src/stages/1-clean/near-duplicates.js';
import { TRADITIONAL_SHARE, normalizeScript, removePinyin, traditionalBound, traditionalShare } from '../../../src/stages/1-clean/script.js';
import { detectSpun, spunScore } from '../../../src/stages/1-clean/spun.js';
import { identity } from '../../../src/stages/1-clean/text-map.js';
import { CORPUS, DEV, GOLD, corpusFiles, devFiles, lazy } from '../../helpers.js';
import { asHtmlPage, asTraditional, encodeGb18030, withFooterAndDoubledPunctuation, withPinyin } from './copies.js';

const corpusText = (name: string) => readFileSync(path.join(CORPUS, name), 'utf8');

describe('script', () => {
  test.each([
    ['根據(jù)中央的統(tǒng)一部署', '根据中央的统一部署'],
    ['鄭學(xué)選', '郑学选'],
    ['全媒体(méitǐ)记者', '全媒体记者'],
    ['以下簡(jiǎn)稱(chēng)“產(chǎn)投集團(tuán)”', '以下简称“产投集团”'],
    ['三大方面的45項(xiàng)問題', '三大方面的45项问题'],
    ['2個(gè)月', '2个月'],
    ['産業(yè)投資', '产业投资'],
    ['单位(含国矿)和(扩大)', '单位(含国矿)和(扩大)'],
  ])('reads %s as %s', (input, want) => {
    expect(normalizeScript(identity(input)).text.text).toBe(want);
  });

  test('keeps one character for one character, each mapped to its counterpart', () => {
    const raw = '根據(jù)市委巡察工作統(tǒng)一部署';
    const { text } = normalizeScript(identity(raw));
    expect(text.text).toBe('根据市委巡察工作统一部署');
    expect([...text.text].map((_, i) => raw[text.map[i]!])).toEqual([...'根據市委巡察工作統一部署']);
  });

  test('reports mangled remains 實打?qū)? as pinyin residue', () => {
    const r = removePinyin(identity('真抓實打?qū)?的作風'));
    expect(r.messages.map((m) => m.code)).toContain('clean/pinyin-residue');
  });

  test('reports the mojibake of d17 and flags both repairs', () => {
    const r = normalizeScript(identity(readFileSync(path.join(DEV, 'd17.txt'), 'utf8')));
    expect(r.flags).toEqual(['pinyin-annotations', 'traditional-script']);
    const mojibake = r.messages.find((m) => m.code === 'clean/mojibake')!;
    expect(r.text.text.slice(...mojibake.span!)).toBe('?!蹦硣笾饕?');
  });

  test.each(devFiles())('flags %s with exactly the script repairs gold lists', (f) => {
    const want: string[] = JSON.parse(readFileSync(path.join(GOLD, 'dev', f.replace('.txt', '.json')), 'utf8')).qualityFlags ?? [];
    const r = normalizeScript(identity(readFileSync(path.join(DEV, f), 'utf8')));
    expect(r.flags.sort()).toEqual(want.filter((x) => x !== 'spun-text').sort());
  });

  test('decides a simplified notice without converting it: the bound is never below the exact count', () => {
    // Every notice of corpus/ and dev/, and each in traditional script: the bound (code units
    // OpenCC's tables could change) holds the exact count, and the simplified ones fall under
    // the threshold on the bound alone.
    const texts = [...corpusFiles().map((f) => path.join(CORPUS, f)), ...devFiles().map((f) => path.join(DEV, f))].map((f) => readFileSync(f, 'utf8'));
    const simplified: string[] = [], undecided: string[] = [];
    for (const text of [...texts, ...texts.map(asTraditional)]) {
      const bound = traditionalBound(text);
      const exact = traditionalShare(text);
      expect(bound.han).toBe(exact.han);
      expect(bound.candidates).toBeGreaterThanOrEqual(exact.traditional);
      if (exact.traditional < TRADITIONAL_SHARE * exact.han) simplified.push(text);
      if (exact.traditional < TRADITIONAL_SHARE * exact.han && bound.candidates >= TRADITIONAL_SHARE * bound.han) undecided.push(text.slice(0, 20));
    }
    // Every simplified notice (all but the traditional copies d04 … d138 of dev/) is decided by the bound alone.
    expect(simplified.length).toBeGreaterThanOrEqual(texts.length - 30);
    expect(undecided).toEqual([]);
    // A paraphrase: 乾 alone may change (乾 → 干), so it counts; 干 never does.
    expect(traditionalBound('乾').candidates).toBe(1);
    expect(traditionalBound('干部').candidates).toBe(0);
  });
  test('never throws and never lengthens the text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = normalizeScript(identity(s));
        expect(r.text.text.length).toBeLessThanOrEqual(s.length);
        expect(r.text.map.length).toBe(r.text.text.length + 1);
      }),
    );
  });
});

describe('boilerplate', () => {
  test.each(CHROME_LINES.map((r) => [r.name, r.example] as const))('rule %s matches its own example', (name, example) => {
    expect(boilerplateRule(example)?.name).toBe(name);
  });

  test.each(CHROME_FRAGMENTS.map((r) => [r.name, r.example] as const))('fragment %s is cut from its example', (name, example) => {
    expect(stripBoilerplate(identity(example)).text.text).not.toBe(example);
  });

  test.each([
    ['整改到位,,已完成', '整改到位,已完成'],
    ['整改到位,。', '整改到位。'],
    ['整改到位。。', '整改到位。'],
    ['同比下降……', '同比下降……'],
  ])('collapses doubled punctuation: %s → %s', (input, want) => {
    expect(stripBoilerplate(identity(input)).text.text).toBe(want);
  });

  test('keeps 发布日期 while cutting 浏览次数 and 字号 from the d06 header line', () => {
    const out = stripBoilerplate(identity('发布日期:2023-01-06 11:16信息来源:宁波市审计局浏览次数: 字号:[ ] 色调调节:')).text.text;
    expect(out).toBe('发布日期:2023-01-06 11:16信息来源:宁波市审计局');
  });

  test.each(corpusFiles())('drops no line of the notice body in %s', (name) => {
    const raw = corpusText(name);
    const dropped = raw.split('\n').filter((l) => boilerplateRule(l.trim()));
    for (const line of dropped) expect(line.length).toBeLessThan(120);
  });
});

describe('decode', () => {
  const text = '根据省委统一部署,巡视组反馈问题36个,已完成整改23个。';
  test('reads UTF-8, UTF-8 with BOM, UTF-16 LE/BE with BOM', () => {
    expect(decodeBytes(new TextEncoder().encode(text)).raw).toBe(text);
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])).raw).toBe(text);
    const le = Buffer.from('\ufeff' + text, 'utf16le');
    // A byte-order mark declares the encoding: read as declared, not flagged as a repair.
    expect(decodeBytes(le)).toMatchObject({ raw: text, encoding: 'utf-16le', flags: [] });
    const be = Buffer.from(le).swap16();
    expect(decodeBytes(be)).toMatchObject({ raw: text, encoding: 'utf-16be' });
  });
  test('guesses GB18030 for a simplified notice and Big5 for a traditional one', () => {
    expect(decodeBytes(encodeGb18030(text))).toMatchObject({ raw: text, encoding: 'gb18030', flags: ['encoding-repaired'] });
    const big5 = Buffer.from('a5fcacf9ace7a4e5', 'hex'); // 全面落實 … in Big5
    const trad = new TextDecoder('big5').decode(Buffer.concat(Array(20).fill(big5)));
    expect(decodeBytes(Buffer.concat(Array(20).fill(big5)))).toMatchObject({ raw: trad, encoding: 'big5' });
  });
  test('follows <meta charset> of an HTML page', () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>${text}</body></html>`;
    const decoded = decodeBytes(encodeGb18030(page), { html: true });
    expect(decoded).toMatchObject({ encoding: 'gb18030', raw: page, flags: [] });
    expect(decoded.messages.map((m) => [m.code, m.message])).toEqual([['clean/encoding', 'decoded as gb18030 (the page declares it in <meta charset>)']]);
    // The same bytes in a text file declare nothing: GB18030 is guessed, and that is a repair.
    expect(decodeBytes(encodeGb18030(page)).flags).toEqual(['encoding-repaired']);
  });
  test('tolerates a file cut in the middle of its last character', () => {
    const bytes = new TextEncoder().encode(text + '防');
    expect(decodeBytes(bytes.subarray(0, bytes.length - 1)).raw).toBe(text);
  });
  test.each([
    ['an empty file', new Uint8Array(), 'empty file'],
    ['a PNG image', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'binary file: a PNG image, not text'],
    ['NUL bytes', Uint8Array.from([0x41, 0, 0, 0, 0x42, 0, 0, 0, 0, 0x43, 0, 0, 0xff, 0x00]), 'binary file: it contains NUL bytes, not text'],
  ])('rejects %s with a clear reason', (_, bytes, reason) => {
    expect(() => decodeBytes(bytes)).toThrow(CleanError);
    expect(() => decodeBytes(bytes)).toThrow(reason);
  });
});

describe('html', () => {
  test('reads page metadata before the chrome is dropped', () => {
    const body = corpusText('002_96900efc544a01e9.txt').split('\n').slice(0, 8).join('\n');
    const { pageMeta, text } = htmlToText(asHtmlPage(body));
    expect(pageMeta).toEqual({ 发布时间: '2024-06-18', 来源: '县纪委监委' });
    expect(text.text).not.toContain('当前位置');
    expect(text.text).not.toContain('发布时间');
    expect(text.text).toContain('蒸湘区:坚持“三个结合”,做好巡视整改“后半篇文章”');
  });
  test('reads header metadata lines of text copies', () => {
    expect(readPageMeta('来源:博兴县纪委监委网站      发布时间:2025-05-12       浏览量:0 次')).toEqual({ 来源: '博兴县纪委监委网站', 发布时间: '2025-05-12' });
    expect(readPageMeta('发布日期:2023-01-06 11:16信息来源:宁波市审计局浏览次数:')).toEqual({ 发布日期: '2023-01-06 11:16', 信息来源: '宁波市审计局' });
  });
  test('reads table rows as lines, cells apart', () => {
    const { text } = htmlToText('<html><body><div id="zoom"><table><tr><td>序号</td><td>问题</td></tr><tr><td>1</td><td>整改到位</td></tr></table></div></body></html>');
    expect(text.text.trim().split('\n')).toEqual(['序号\t问题', '1\t整改到位']);
  });
  test('repairs a broken &rdquo; residue with a message', () => {
    const r = repairEntityResidue(identity('开展&ldquo;回头看&amp;rdquo;工作'));
    expect(r.text.text).toBe('开展“回头看”工作');
    expect(r.messages[0]!.code).toBe('clean/entity-residue');
  });
});

describe('spun', () => {
  test.each(corpusFiles())('flags %s as spun only if it is 004', (name) => {
    const flags = detectSpun(identity(corpusText(name))).flags;
    expect(flags).toEqual(name.startsWith('004') ? ['spun-text'] : []);
  });
  test('scores 004 against its normal forms', () => {
    const s = spunScore(corpusText('004_7e4e6f0c30fead75.txt'));
    expect(s.found).toMatchObject({ 题目: 15, 胀动: 10 });
    expect(s.score).toBeGreaterThan(0.9);
  });
});

describe('near-duplicates', () => {
  const originals = lazy(() => corpusFiles().map((name) => ({ id: name, text: corpusText(name) })));
  test('never links different corpus notices', () => {
    expect(findDuplicates(originals()).size).toBe(0);
  });
  test('links each repost to its notice, whatever was done to the copy', async () => {
    const { normalizeScript: ns } = await import('../../../src/stages/1-clean/script.js');
    const reposts = originals().flatMap((d) => [
      { id: `${d.id}#footer`, text: withFooterAndDoubledPunctuation(d.text) },
      { id: `${d.id}#traditional`, text: ns(identity(withPinyin(asTraditional(d.text)))).text.text },
      { id: `${d.id}#half`, text: d.text.slice(0, Math.floor(d.text.length * 0.7)) + '\n来源:某某资讯网 转载请注明出处' },
    ]);
    const dup = findDuplicates([...originals(), ...reposts]);
    for (const r of reposts) expect(dup.get(r.id)?.duplicateOf, r.id).toBe(r.id.split('#')[0]);
    for (const d of originals()) expect(dup.has(d.id)).toBe(false);
  });
});
