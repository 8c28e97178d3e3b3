import { expect, test } from 'vitest';
import * as zhenggai from '../src/index.js';

/** The public API: what `import … from 'zhenggai'` gives. A change here is a change for every user. */
test('the package entry exports exactly the public API', () => {
  expect(Object.keys(zhenggai).sort()).toEqual([
    'AUDIT_CODES', 'Approx', 'CODES', 'COUNTED', 'Category', 'CleanError', 'CleanOutput', 'Code', 'DateMention', 'EXTRAS', 'ErrorRecord', 'Evidence', 'ExtractOutput',
    'FAILURES', 'FLAGS', 'FailureCode', 'FinalDocument', 'InspectionType', 'IsoDate', 'Kind', 'KindEvidence', 'KindRule', 'Level', 'Message', 'Meta', 'NumberMention', 'Period', 'Problem', 'Quality', 'QualityFlag',
    'Repost', 'STAGES', 'STATUS_PHRASES', 'SectionsOutput', 'SegmentOutput', 'Span', 'Status', 'Summary', 'ValidateOutput',
    'batchCsv', 'decode', 'findDates', 'findDuplicates', 'findNumbers', 'parseDate', 'parseNumeral', 'process', 'run', 'runJsonl',
    'runPipeline', 'writeReport',
  ]);
});

test('process takes text or bytes and refuses anything else in one line', () => {
  const text = '巡视反馈的36个问题,已完成整改23个。';
  expect(zhenggai.process(text, { id: 'a' })).toEqual(zhenggai.process(Buffer.from(text), { id: 'a' }));
  expect(zhenggai.process(text).id).toBe('document');
  expect(() => zhenggai.process(42 as never)).toThrow(new TypeError('process takes the text as a string or its bytes as a Uint8Array or Buffer, not number'));
  expect(() => zhenggai.process('')).toThrow(new zhenggai.CleanError('empty file'));
});
