import type { z } from 'zod';
import type { Message } from '../schema.js';

/**
 * One stage of the pipeline: it reads the document as the stages before it left it and returns
 * it with one more layer, which is written to `out/<docId>/<file>` after `schema` has checked it.
 * Its folder `src/stages/<n>-<name>/` holds the stage (`index.ts`) and the parts only it uses.
 */
export interface Stage<In, Out, Layer> {
  /** The stage's name, as in run.json's timings: `clean`. */
  readonly name: string;
  /** The file it writes in `out/<docId>/`: `1-clean.json`. */
  readonly file: string;
  /** The layer as written, from which `schemas/<file>.schema.json` is made. */
  readonly schema: z.ZodType;
  /** The layer as held in memory, when it differs from the file (the segment stage's tokens are typed arrays). */
  readonly check?: z.ZodType;
  run(doc: In): Out;
  /** The part of the document this stage adds, as its file holds it. */
  layer(doc: Out): Layer;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyStage = Stage<any, any, unknown>;
type In<S> = S extends Stage<infer I, infer _O, infer _L> ? I : never;
type Out<S> = S extends Stage<infer _I, infer O, infer _L> ? O : never;

/**
 * What the pipeline adds to the document after each stage: every message of the layers so far, in
 * the order of the stage list (the last stage turns them into the final document's diagnostics).
 */
export interface Gathered { messages: Message[] }

/**
 * `true` when each stage's output (with the messages gathered so far) is what the next one reads, so a list in the wrong order, or a
 * stage that does not fit, fails to compile.
 */
export type Chained<S extends readonly AnyStage[]> = S extends readonly [infer A extends AnyStage, infer B extends AnyStage, ...infer R extends readonly AnyStage[]]
  ? Out<A> & Gathered extends In<B> ? Chained<readonly [B, ...R]> : { error: 'a stage does not read what the one before it writes'; stage: B }
  : true;

/** What the last stage of a list returns. */
export type Final<S extends readonly AnyStage[]> = S extends readonly [...AnyStage[], infer L extends AnyStage] ? Out<L> : never;
/** What the first stage of a list reads. */
export type First<S extends readonly AnyStage[]> = S extends readonly [infer F extends AnyStage, ...AnyStage[]] ? In<F> : never;
