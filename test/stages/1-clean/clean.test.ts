import { describe, expect, test } from 'vitest';
import { CleanError, clean, documentId } from '../../../src/stages/1-clean/index.js';
import { fromAnchors } from '../../../src/stages/1-clean/text-map.js';
import { runCorpusFile } from '../../helpers.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const cleanText = (s: string, source = 'x.txt') => clean({ id: 'x', source, bytes: bytes(s) }).clean.text;

describe('clean', () => {
  test('joins a paragraph that page layout broke mid-sentence (000: 企业下 / 达责令)', () => {
    const { clean: c } = runCorpusFile('000_2d89892f4871253d.txt');
    expect(c.text).toContain('迅速向相关单位、乡镇、企业下达责令限期整改决定书10余份');
    expect(c.text).toContain('县自然资源和规划局和县交通运输局');
    expect(c.text).toContain('晓之以理动之以情');
    expect(c.text).toContain('主下水管道工作');
  });

  test('keeps a title apart from the byline under it (000)', () => {
    const { clean: c } = runCorpusFile('000_2d89892f4871253d.txt');
    expect(c.text.split('\n').slice(0, 2)).toEqual(['5 个小故事,走进崇阳巡察一线', '记者 黄沁瞻 通讯员 吴小军 石玺君 黄丹 兰星 陈君益']);
  });

  test('keeps a heading line apart from the paragraph after it', () => {
    expect(cleanText('① 防风险 保安全\n\n今年的春天,天气有点“反常”。')).toBe('① 防风险 保安全\n今年的春天,天气有点“反常”。');
  });

  test('normalizes CRLF, full-width indentation and blank-line runs', () => {
    expect(cleanText('\uFEFF\u3000\u3000第一段。\r\n\r\n\r\n  第二段。  \r\n')).toBe('第一段。\n第二段。');
  });

  test('drops boilerplate lines such as 回顶部 and ICP records', () => {
    expect(cleanText('整改情况通报。\n回顶部\n湘ICP备05001234号')).toBe('整改情况通报。');
  });

  test('maps every offset of the cleaned text back to the raw input', () => {
    const raw = '\u3000\u3000截至8月20日,巡视反馈的36个具体问题。\r\n\r\n已完成整改23个。';
    const doc = clean({ id: 'x', source: 'x.txt', bytes: bytes(raw) });
    const map = fromAnchors(doc.clean.offsetMap, doc.clean.text.length);
    const at = doc.clean.text.indexOf('36个');
    expect(raw.slice(map[at]!, map[at]! + 3)).toBe('36个');
    const second = doc.clean.text.indexOf('已完成');
    expect(raw.slice(map[second]!, map[second]! + 3)).toBe('已完成');
  });

  test('reads HTML into paragraphs without scripts or navigation', () => {
    const html = '<html><head><script>var a=1;</script></head><body><nav>首页</nav><p>巡视整改进展情况。</p><p>已完成整改23个。</p><footer>版权所有</footer></body></html>';
    expect(cleanText(html, 'page.html')).toBe('巡视整改进展情况。\n已完成整改23个。');
  });

  test.each([
    ['an empty file', new Uint8Array(), /empty/],
    ['a PNG image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /binary/],
  ])('refuses %s with a reason', (_, input, reason) => {
    expect(() => clean({ id: 'x', source: 'x.txt', bytes: input })).toThrow(CleanError);
    expect(() => clean({ id: 'x', source: 'x.txt', bytes: input })).toThrow(reason);
  });
});

describe('documentId', () => {
  test.each([
    ['003_7004f69c1b986a66.txt', '003_7004f69c1b986a66'],
    ['dev/d01.txt', 'dev__d01'],
    ['2024 年/汨罗(1).html', '2024_年__汨罗_1_'],
  ])('names %s as %s', (input, id) => expect(documentId(input)).toBe(id));
});
