import { expect, test } from 'vitest';
import { createProgress, describe as line, duration } from '../../src/batch/progress.js';

/** A stderr stand-in that records what is written. */
const sink = (isTTY: boolean) => {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream };
};

test.each([
  [5, '5s'],
  [159, '2m39s'],
  [7325, '2h02m'],
  [Infinity, '?'],
])('shows %s seconds as %s', (seconds, shown) => expect(duration(seconds)).toBe(shown));

test('describes documents done, documents per second and time left', () => {
  expect(line(1234, 10000, 61.7)).toBe('1234/10000 documents, 61.7/s, 2m22s left');
  expect(line(50, null, 5)).toBe('50 documents, 5.0/s');
  expect(line(3, 10000, null)).toBe('3/10000 documents, estimating time left');
});

test('waits for a few documents and leaves the start-up out of the rate', () => {
  let now = 0;
  const { written, stream } = sink(false);
  const progress = createProgress({ total: 200, stream, every: 5, now: () => now });
  // The segmenter loads for 40 s, then documents finish at 8 a second.
  now = 40;
  progress.tick();
  for (let i = 0; i < 40; i++) (now += 0.125), progress.tick();
  // Over the whole run it would be 41 documents in 45 s, 0.9/s and 2m55s left; the documents say 8/s.
  expect(written).toEqual(['zhenggai: 1/200 documents, estimating time left\n', 'zhenggai: 41/200 documents, 8.0/s, 20s left\n']);
});

test('weighs the last 30 seconds: a run that slows down says so', () => {
  let now = 0;
  const { written, stream } = sink(false);
  const progress = createProgress({ total: 10000, stream, every: 60, now: () => now });
  for (let i = 0; i < 1200; i++) (now += 0.05), progress.tick(); // 20/s for a minute
  for (let i = 0; i < 61; i++) (now += 1), progress.tick(); // then 1/s
  expect(written.at(-1)).toBe('zhenggai: 1261/10000 documents, 1.0/s, 2h25m left\n');
});

test('without a terminal, writes a plain line every few seconds', () => {
  let now = 0;
  const { written, stream } = sink(false);
  const progress = createProgress({ total: 100, stream, every: 5, now: () => now });
  for (let i = 0; i < 100; i++) {
    now += 0.2;
    progress.tick();
  }
  progress.log('zhenggai: x.txt: empty file');
  progress.end();
  expect(written.filter((l) => l.includes('documents'))).toHaveLength(3);
  expect(written[0]).toBe('zhenggai: 25/100 documents, 5.0/s, 15s left\n');
  expect(written.at(-1)).toBe('zhenggai: x.txt: empty file\n');
});

test('on a terminal, redraws one line in place and clears it before other lines', () => {
  let now = 0;
  const { written, stream } = sink(true);
  const progress = createProgress({ total: 4, stream, now: () => now });
  for (let i = 0; i < 4; i++) {
    now += 1;
    progress.tick();
  }
  progress.log('zhenggai: x.txt: empty file');
  progress.end();
  expect(written[0]).toMatch(/^\r\x1b\[2Kzhenggai \[#{6}\.{18}\] 25% 1\/4 documents, estimating time left$/);
  expect(written).toContain('zhenggai: x.txt: empty file\n');
  expect(written.at(-1)).toBe('\r\x1b[2K');
});

test('with --quiet, shows no progress but still lists failures', () => {
  const { written, stream } = sink(true);
  const progress = createProgress({ total: 10, stream, quiet: true });
  for (let i = 0; i < 10; i++) progress.tick();
  progress.log('zhenggai: x.txt: empty file');
  progress.end();
  expect(written).toEqual(['zhenggai: x.txt: empty file\n']);
});
