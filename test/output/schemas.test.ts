import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DOC_FILES, type JsonSchema, blockNames, fieldRows, fillBlocks, generatedBlocks } from '../../src/output/fields.js';
import { jsonSchemas, stageJsonSchema } from '../../src/output/schemas.js';
import { STAGES } from '../../src/pipeline.js';
import { ROOT } from '../helpers.js';

test.each(Object.entries(jsonSchemas()))('schemas/%s is up to date (npm run schemas)', (name, json) => {
  expect(readFileSync(path.join(ROOT, 'schemas', name), 'utf8')).toBe(json);
});

/** Every property of a JSON Schema, with its path, through nullables, arrays and records. */
function properties(schema: JsonSchema, at = ''): [string, JsonSchema][] {
  const out: [string, JsonSchema][] = [];
  const visit = (s: JsonSchema, where: string) => {
    for (const [name, field] of Object.entries(s.properties ?? {})) {
      out.push([`${where}${name}`, field]);
      visit(field, `${where}${name}.`);
    }
    for (const branch of s.anyOf ?? []) visit(branch, where);
    if (s.items) visit(s.items, `${where}[].`);
    for (const item of s.prefixItems ?? []) visit(item, where);
    if (typeof s.additionalProperties === 'object') visit(s.additionalProperties, `${where}*.`);
  };
  visit(schema, at);
  return out;
}

/** The values of an enum, wherever it sits: the field itself, its non-null branch, its items. */
function enumValues(s: JsonSchema): unknown[] | undefined {
  return s.enum ?? s.anyOf?.map(enumValues).find(Boolean) ?? (s.items ? enumValues(s.items) : undefined);
}

describe.each(STAGES.map((s) => [s.file, stageJsonSchema(s) as JsonSchema] as const))('%s', (_, schema) => {
  const fields = properties(schema);

  test('every field has a description', () => {
    expect(fields.length).toBeGreaterThan(3);
    expect(fields.filter(([, f]) => !f.description?.trim()).map(([p]) => p)).toEqual([]);
  });

  // A closed vocabulary is an enum, and its description names each value, so neither drifts:
  // the diagnostic codes (too many to name) have their own table.
  test('every small enum is described value by value', () => {
    const unnamed = fields.flatMap(([p, f]) => {
      const values = enumValues(f);
      if (!values || values.length > 8) return [];
      return values.filter((v) => !f.description!.includes(`\`${String(v)}\``)).map((v) => `${p}: ${String(v)}`);
    });
    expect(unnamed).toEqual([]);
  });
});

test('the closed vocabularies are enums', () => {
  const final = properties(stageJsonSchema(STAGES[4]) as JsonSchema);
  const values = (p: string) => enumValues(final.find(([path]) => path === p)![1]);
  expect(values('kind')).toEqual(['formal-notice', 'summary-notice', 'news', 'other']);
  expect(values('problems.[].status')).toEqual(['completed', 'partial', 'not-completed']);
  expect(values('numbers.[].approx')).toEqual(['nearly', 'over', 'about', 'under']);
  expect(values('dates.[].grain')).toEqual(['day', 'month', 'quarter', 'season', 'year']);
  expect(values('dates.[].kind')).toEqual(['point', 'range', 'deadline', 'since']);
  expect(values('diagnostics.[].level')).toEqual(['error', 'warning', 'info']);
  expect(values('diagnostics.[].code')).toContain('validate/item-count-mismatch');
  expect(values('quality.flags')).toEqual(['encoding-repaired', 'traditional-script', 'pinyin-annotations', 'spun-text']);
});

describe('field tables', () => {
  const rows = fieldRows(stageJsonSchema(STAGES[4]) as JsonSchema);
  const row = (p: string) => rows.find((r) => r.path === p);

  test.each([
    ['id', 'string'],
    ['meta.documentDate', 'date | null'],
    ['meta.inspectionPeriod', 'object | null'],
    ['meta.inspectionPeriod.start', 'date'],
    ['problems', 'object[]'],
    ['problems[].rectificationSpan', '[integer, integer] | null'],
    ['numbers[].valueMax?', 'number'],
    ['quality.flags', 'enum[]'],
    ['diagnostics[].code', 'enum'],
  ])('lists %s as %s', (p, type) => {
    expect(row(p)?.type).toBe(type);
  });

  test('a row carries the field’s description', () => {
    expect(row('summary.moneyRecovered')?.description).toBe('Money recovered, in 元: 挽回经济损失172.74万元 → 1727400 (dev d09).');
  });

  test.each(DOC_FILES)('the generated tables of %s are up to date (npm run schemas)', (file) => {
    const markdown = readFileSync(path.join(ROOT, file), 'utf8');
    expect(fillBlocks(markdown)).toBe(markdown);
  });

  test('docs/fields.md has every field table and the codes, docs/reading-notices.md every grammar table, docs/csv.md the LibreOffice filters; the README, kept short, links them', () => {
    expect(blockNames(readFileSync(path.join(ROOT, 'README.md'), 'utf8'))).toEqual([]);
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain('](docs/fields.md)');
    const names = Object.keys(generatedBlocks());
    expect(blockNames(readFileSync(path.join(ROOT, 'docs/csv.md'), 'utf8'))).toEqual(['libreoffice']);
    expect(blockNames(readFileSync(path.join(ROOT, 'docs/fields.md'), 'utf8')).sort()).toEqual(names.filter((n) => !n.startsWith('grammar:') && n !== 'libreoffice').sort());
    expect(blockNames(readFileSync(path.join(ROOT, 'docs/reading-notices.md'), 'utf8')).sort()).toEqual(names.filter((n) => n.startsWith('grammar:')).sort());
  });

  test('a stale block is rewritten, an unknown one refused', () => {
    const stale = 'before\n<!-- BEGIN flags -->\n| old |\n<!-- END flags -->\nafter\n';
    expect(fillBlocks(stale, { flags: '| new |' })).toBe('before\n<!-- BEGIN flags -->\n| new |\n<!-- END flags -->\nafter\n');
    expect(fillBlocks('<!-- BEGIN flags -->\n<!-- END flags -->', { flags: '| new |' })).toBe('<!-- BEGIN flags -->\n| new |\n<!-- END flags -->');
    expect(() => fillBlocks('<!-- BEGIN fields:6-nothing.json -->\n<!-- END fields:6-nothing.json -->')).toThrow('no generated block named fields:6-nothing.json');
  });
});
