import type { Code, Message, QualityFlag } from '../../schema.js';
import type { MappedText } from './text-map.js';

/**
 * What every cleaning step returns: the rewritten text with its map, the quality flags it
 * raised (`traditional-script`, `pinyin-annotations` …) and messages about what it found.
 * Message spans are `[start, end)` in `text.text`, the step's own output.
 */
export interface StepResult {
  text: MappedText;
  flags: QualityFlag[];
  messages: Message[];
}

/** A warning or info message at `[start, end)` of a step's output. */
export function message(
  level: Message['level'],
  code: Code,
  text: string,
  span: [number, number] | null,
): Message {
  return { level, code, message: text, span };
}
