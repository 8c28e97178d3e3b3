import { describe, expect, test } from 'vitest';
import { normalizeLines } from '../../src/stages/1-clean/index.js';
import { htmlToText } from '../../src/stages/1-clean/html.js';
import { identity, rewrite, toAnchors } from '../../src/stages/1-clean/text-map.js';
import { rawPatches } from '../../src/report/build.js';

/** The page rebuilds the raw input from the text and patches; this is the same rebuild. */
function rebuild(text: string, anchors: [number, number][], raw: ReturnType<typeof rawPatches>): string | null {
  if (raw === null || typeof raw === 'string') return raw;
  const out: string[] = new Array(raw.length);
  let a = 0;
  for (let i = 0; i < text.length; i++) {
    while (a + 1 < anchors.length && anchors[a + 1]![0] <= i) a++;
    const r = anchors[a]![1] + (i - anchors[a]![0]);
    if (r >= 0 && r < raw.length) out[r] = text[i]!;
  }
  for (const [start, s] of raw.patches) for (let k = 0; k < s.length; k++) out[start + k] = s[k]!;
  return out.join('');
}

describe('rawPatches', () => {
  test.each([
    ['identical text', '反馈问题36个,已完成整改23个。', (r: string) => identity(r)],
    ['blank lines dropped', '一、组织整改落实情况\n\n\n  汨罗市委坚持把巡视整改\r\n', (r: string) => normalizeLines(identity(r))],
    ['characters rewritten', '巡視整改進展情況', (r: string) => rewrite(identity(r), /[視進]/g, (m) => (m[0] === '視' ? '视' : '进'))],
    ['html', '<html><body><p>问题1:乡镇债务包袱重。</p><p>整改情况:制定方案。</p></body></html>', (r: string) => htmlToText(r).text],
  ])('rebuilds the raw input exactly: %s', (_name, raw, clean) => {
    const mapped = clean(raw);
    const anchors = toAnchors(mapped.map);
    const packed = rawPatches(mapped.text, anchors, raw);
    expect(rebuild(mapped.text, anchors, packed)).toBe(raw);
  });

  test('sends only what the text lacks', () => {
    const raw = '问题1:乡镇债务包袱重,化债压力大,平台公司整合转型不够到位。\n\n\n整改情况:制定方案。\n'.repeat(10);
    const mapped = normalizeLines(identity(raw));
    const packed = rawPatches(mapped.text, toAnchors(mapped.map), raw);
    expect(typeof packed).toBe('object');
    expect(JSON.stringify(packed).length).toBeLessThan(raw.length);
  });
});
