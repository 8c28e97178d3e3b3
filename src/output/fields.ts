import { CODES, FAILURES, FLAGS } from '../codes.js';
import { STAGES } from '../pipeline.js';
import { errorRecordJsonSchema, stageJsonSchema } from './schemas.js';
import { grammarBlocks } from './grammar.js';
import { TABLES, libreOfficeFilter } from './csv.js';

/**
 * The field tables of docs/fields.md, made from the schemas' descriptions so that
 * they cannot drift: each table stands between `<!-- BEGIN name -->` and `<!-- END name -->`,
 * and `npm run schemas` rewrites it (a test fails when one is stale).
 */

/** The part of a JSON Schema these tables read. */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  pattern?: string;
}

/** One row of a field table: `problems[].rectificationSpan`, its type, its description. */
export interface FieldRow {
  path: string;
  type: string;
  description: string;
}

const ISO_DATE = '^\\d{4}-\\d{2}-\\d{2}$';

/** The schema without its `null` branch, and whether it had one. */
function unwrapNull(schema: JsonSchema): { inner: JsonSchema; nullable: boolean } {
  if (schema.anyOf) {
    const rest = schema.anyOf.filter((s) => s.type !== 'null');
    if (rest.length === 1 && rest.length < schema.anyOf.length) return { inner: rest[0]!, nullable: true };
  }
  if (Array.isArray(schema.type) && schema.type.includes('null')) {
    const types = schema.type.filter((t) => t !== 'null');
    return { inner: { ...schema, type: types.length === 1 ? types[0] : types }, nullable: true };
  }
  return { inner: schema, nullable: false };
}

/** A field's type in a table: `integer`, `date`, `enum`, `[integer, integer]`, `object[]`, `string \| null`. */
export function typeName(schema: JsonSchema): string {
  const { inner, nullable } = unwrapNull(schema);
  let name: string;
  if (inner.enum) name = 'enum';
  else if (inner.prefixItems) name = `[${inner.prefixItems.map(typeName).join(', ')}]`;
  else if (inner.type === 'array') name = `${inner.items ? typeName(inner.items) : 'any'}[]`;
  else if (inner.type === 'object' && !inner.properties && typeof inner.additionalProperties === 'object') name = `{ [key]: ${typeName(inner.additionalProperties)} }`;
  else if (inner.type === 'string' && inner.pattern === ISO_DATE) name = 'date';
  else if (typeof inner.type === 'string') name = inner.type;
  else name = 'any';
  return nullable ? `${name} | null` : name;
}

/**
 * Every field of a schema, depth first, with its path (`meta.inspectionPeriod.start`,
 * `problems[].span`, `summaryEvidence.*.text`); optional fields end in `?`.
 */
export function fieldRows(schema: JsonSchema, prefix = ''): FieldRow[] {
  const rows: FieldRow[] = [];
  const { inner } = unwrapNull(schema);
  const required = new Set(inner.required ?? []);
  for (const [name, field] of Object.entries(inner.properties ?? {})) {
    const path = `${prefix}${name}${required.has(name) ? '' : '?'}`;
    rows.push({ path, type: typeName(field), description: field.description ?? '' });
    rows.push(...fieldRows(field, `${path}.`));
    const value = unwrapNull(field).inner;
    if (value.type === 'array' && value.items) rows.push(...fieldRows(value.items, `${path}[].`));
    if (value.type === 'object' && !value.properties && typeof value.additionalProperties === 'object') rows.push(...fieldRows(value.additionalProperties, `${path}.*.`));
  }
  return rows;
}

/**
 * A Markdown table cell: one line, `|` escaped, and outside code spans `&` and `<` as entities,
 * so that `&ldquo;` and `<meta charset>` show as written.
 */
function cell(s: string): string {
  return s
    .replace(/\s*\n\s*/g, ' ')
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 ? part : part.replace(/&/g, '&amp;').replace(/</g, '&lt;')))
    .join('')
    .replace(/\|/g, '\\|');
}

export function markdownTable(headers: string[], rows: string[][]): string {
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

/** A stage file's field table: field, type, meaning. */
export function fieldTable(file: string): string {
  const stage = STAGES.find((s) => s.file === file);
  if (!stage) throw new Error(`no stage writes ${file}`);
  return schemaTable(stageJsonSchema(stage) as JsonSchema);
}

/** A JSON Schema's field table: field, type, meaning. */
function schemaTable(schema: JsonSchema): string {
  return markdownTable(
    ['field', 'type', 'meaning'],
    fieldRows(schema).map((r) => [`\`${r.path}\``, `\`${r.type}\``, r.description]),
  );
}

/** The diagnostic codes: code, level, meaning, a real example. */
export function codeTable(): string {
  return markdownTable(
    ['code', 'level', 'meaning', 'example'],
    Object.entries(CODES).map(([code, c]) => [`\`${code}\``, c.level, 'audit' in c ? `${c.meaning} (arithmetic audit)` : c.meaning, c.example]),
  );
}

/** The quality flags: flag, meaning, a real example. */
export function flagTable(): string {
  return markdownTable(
    ['flag', 'meaning', 'example'],
    Object.entries(FLAGS).map(([flag, f]) => [`\`${flag}\``, f.meaning, f.example]),
  );
}

/** The failure codes of a JSONL run's error records: code, meaning, a real example. */
export function failureTable(): string {
  return markdownTable(
    ['code', 'meaning', 'example'],
    Object.entries(FAILURES).map(([code, f]) => [`\`${code}\``, f.meaning, f.example]),
  );
}

/** Each CSV file's LibreOffice import filter, for docs/csv.md. */
export function libreOfficeTable(): string {
  return markdownTable(['file', 'filter'], TABLES.map((t) => [`\`${t.file}\``, `\`${libreOfficeFilter(t.columns)}\``]));
}

/** Every generated block by name: `fields:5-validate.json`, `fields:error-record`, `codes`, `flags`, `failures`. */
export function generatedBlocks(): Record<string, string> {
  return {
    ...Object.fromEntries(STAGES.map((s) => [`fields:${s.file}`, fieldTable(s.file)])),
    'fields:error-record': schemaTable(errorRecordJsonSchema() as JsonSchema),
    codes: codeTable(),
    flags: flagTable(),
    failures: failureTable(),
    libreoffice: libreOfficeTable(),
    ...grammarBlocks(),
  };
}

const BLOCK = /(<!-- BEGIN ([^ ]+) -->\n)(?:[\s\S]*?\n)?(<!-- END \2 -->)/g;

/**
 * `markdown` with each generated block rewritten from `blocks`; a block of an unknown name is
 * an error (a renamed stage file must not leave a stale table behind).
 */
export function fillBlocks(markdown: string, blocks: Record<string, string> = generatedBlocks()): string {
  return markdown.replace(BLOCK, (_, begin: string, name: string, end: string) => {
    const block = blocks[name];
    if (block === undefined) throw new Error(`no generated block named ${name}`);
    return `${begin}${block}\n${end}`;
  });
}

/** The names of the generated blocks a Markdown file holds, in order. */
export function blockNames(markdown: string): string[] {
  return [...markdown.matchAll(BLOCK)].map((m) => m[2]!);
}

/** The Markdown files that hold generated blocks, relative to the repository. */
export const DOC_FILES = ['docs/fields.md', 'docs/reading-notices.md', 'docs/csv.md'];
