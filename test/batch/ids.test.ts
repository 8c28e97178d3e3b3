import { describe, expect, test } from 'vitest';
import { MAX_ID_BYTES, assignIds, safeId } from '../../src/batch/ids.js';
import { documentFolder } from '../../src/batch/atomic.js';

const ids = (...relatives: string[]) => assignIds(relatives.map((relative) => ({ source: `in/${relative}`, relative }))).map((f) => f.id);

describe('ordinary names keep the contract id', () => {
  test.each([
    ['003_7004f69c1b986a66.txt', '003_7004f69c1b986a66'],
    ['dev/d01.txt', 'dev__d01'],
    ['2024 年/汨罗(1).html', '2024_年__汨罗_1_'],
    ['.hidden.txt', '.hidden'],
    ['a/b/c.htm', 'a__b__c'],
  ])('%s is %s, not renamed', (relative, id) => {
    const [f] = assignIds([{ source: relative, relative }]);
    expect(f).toEqual({ source: relative, relative, id });
  });
});

describe('unsafe ids are rewritten, with the reason', () => {
  test.each([
    ['...txt', '..', '__'],
    ['..txt', '.', '_'],
    ['sub/..txt', 'sub__.', 'sub__.'],
    ['run.json.txt', 'run.json', 'run.json_'],
    ['Report.HTML.txt', 'Report.HTML', 'Report.HTML_'],
    ['x.tmp.txt', 'x.tmp', 'x.tmp_'],
    ['.zhenggai.lock.txt', '.zhenggai.lock', '.zhenggai.lock_'],
  ])('%s: the contract gives %j, the run uses %j', (relative, plainId, id) => {
    const [f] = assignIds([{ source: relative, relative }]);
    expect(f!.id).toBe(id);
    if (id === plainId) expect(f!.renamed).toBeUndefined();
    else expect(f!.renamed).toEqual({ plainId, why: expect.any(String) });
  });

  test('a name too long for a file system keeps its start and ends in a hash of its path', () => {
    const long = `${'巡察整改进展情况的通报'.repeat(20)}.txt`;
    const [a] = assignIds([{ source: `x/${long}`, relative: long }]);
    const [b] = assignIds([{ source: `y/${long}`, relative: long }]);
    expect(Buffer.byteLength(a!.id)).toBeLessThanOrEqual(MAX_ID_BYTES);
    const [start, hash] = a!.id.split('~');
    expect('巡察整改进展情况的通报'.repeat(20).startsWith(start!)).toBe(true);
    expect(start).toHaveLength(43);
    expect(hash).toMatch(/^[0-9a-f]{8}$/);
    expect(a!.id).not.toBe(b!.id);
    expect(a!.renamed!.why).toBe(`longer than ${MAX_ID_BYTES} bytes`);
  });

  test('safeId leaves a safe id alone', () => {
    expect(safeId('dev__d01', 'dev/d01.txt')).toEqual({ id: 'dev__d01', why: null });
  });
});

describe('ids that collide are told apart, stably', () => {
  test('n.txt and n.htm keep their extensions', () => {
    expect(ids('n.txt', 'n.htm')).toEqual(['n.txt', 'n.htm']);
  });

  test('sub/m.txt and sub__m.txt (the same with extensions) take a hash of their paths', () => {
    const [a, b] = ids('sub/m.txt', 'sub__m.txt');
    expect(a).toMatch(/^sub__m~[0-9a-f]{8}$/);
    expect(b).toMatch(/^sub__m~[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
  });

  test('x/a b.txt and x/a_b.txt', () => {
    const [a, b] = ids('x/a b.txt', 'x/a_b.txt');
    expect(new Set([a, b]).size).toBe(2);
    expect(a).toMatch(/^x__a_b~/);
  });

  test('one name in two folders given on the command line (run a/x.txt b/x.txt)', () => {
    const files = assignIds([
      { source: 'a/x.txt', relative: 'x.txt' },
      { source: 'b/x.txt', relative: 'x.txt' },
    ]);
    expect(files.map((f) => f.id)).toEqual([expect.stringMatching(/^x~[0-9a-f]{8}$/), expect.stringMatching(/^x~[0-9a-f]{8}$/)]);
    expect(files[0]!.id).not.toBe(files[1]!.id);
    expect(files.every((f) => f.renamed?.plainId === 'x')).toBe(true);
  });

  test('letter case aside: N.txt and n.txt would share a folder on macOS and Windows', () => {
    const [a, b] = ids('N.txt', 'n.txt');
    expect(a!.toLowerCase()).not.toBe(b!.toLowerCase());
  });

  test('an id given by the rule to one file is not taken by another to tell a pair apart', () => {
    // n.txt.txt has the contract id "n.txt": the pair n.txt + n.htm cannot use it.
    const [single, a, b] = ids('n.txt.txt', 'n.txt', 'n.htm');
    expect(single).toBe('n.txt');
    expect(a).toMatch(/^n~[0-9a-f]{8}$/);
    expect(b).toMatch(/^n~[0-9a-f]{8}$/);
  });

  test('each id depends on the set of files, not on the order they are listed in', () => {
    const names = ['n.txt', 'n.htm', 'sub/m.txt', 'sub__m.txt', 'N.TXT', 'a.txt', '..txt', '...txt'];
    const forward = new Map(names.map((n, i) => [n, ids(...names)[i]]));
    const reversed = [...names].reverse();
    const backward = new Map(reversed.map((n, i) => [n, ids(...reversed)[i]]));
    expect(backward).toEqual(forward);
    expect(new Set([...forward.values()].map((id) => id!.toLowerCase())).size).toBe(names.length);
  });
});

describe('documentFolder', () => {
  test('is the id inside out/', () => {
    expect(documentFolder('/data/out', 'dev__d01')).toBe('/data/out/dev__d01');
  });

  test.each(['', '.', '..', '...', 'a/b', '../x', 'a\\b', 'x\0y'])('refuses %j', (id) => {
    expect(() => documentFolder('/data/out', id)).toThrow(/unsafe document id/);
  });
});
