import { runPipeline } from './pipeline.js';
import type { FinalDocument } from './schema.js';

export interface ProcessOptions {
  /** The document's id in the result (default `document`). */
  id?: string;
  /**
   * Where the text came from (default: the id). A name ending in `.html` or `.htm` makes it a
   * web page, as does text that begins with `<!doctype html` or `<html`.
   */
  source?: string;
}

/**
 * One notice to its final document (`5-validate.json` of a folder run): the text as a string,
 * or the file's bytes in any encoding (`readFileSync('notice.txt')`, GBK included). Throws
 * `CleanError` for what cannot be read as text (empty, an image, NUL bytes); problems in the
 * content are `diagnostics` of the document, never exceptions.
 */
export function process(input: string | Uint8Array, options: ProcessOptions = {}): FinalDocument {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new TypeError(`process takes the text as a string or its bytes as a Uint8Array or Buffer, not ${input === null ? 'null' : typeof input}`);
  }
  const id = options.id ?? 'document';
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  return runPipeline({ id, source: options.source ?? id, bytes }).final;
}
