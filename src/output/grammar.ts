import { LABELS } from '../vocab/labels.js';
import { CASES, CUES, SLIPS } from '../stages/3-sections/enumerations.js';
import { ANNOUNCEMENT_PHRASES, NEWS_MARKERS, NOTICE_PHRASES, OTHER_COPIES, OTHER_PHRASES, RETOLD } from '../stages/4-extract/kind.js';
import { MARKER_FAMILIES } from '../stages/3-sections/markers.js';
import { STATUS_PHRASES } from '../vocab/status.js';
import { COUNTED, EXTRAS, PART_ORDERS, PETITION_SCOPES, TOTAL_SHAPES } from '../stages/4-extract/totals.js';

/**
 * The sections stage's grammar as tables for docs/reading-notices.md, made from the very rows the
 * code reads (`npm run schemas` rewrites the blocks; a test fails when one is stale).
 */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, '\\n');
const code = (re: RegExp | undefined) => (re ? `\`${cell(re.source)}\`` : '');
const table = (head: string[], rows: string[][]) => [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

export function grammarBlocks(): Record<string, string> {
  return {
    'grammar:markers': table(
      ['family', 'marker', 'inside sentences', 'heading level', 'real example'],
      MARKER_FAMILIES.map((f) => [`\`${f.family}\``, code(f.pattern), f.inline ? 'yes' : 'line starts only', f.level ? String(f.level) : '', cell(f.example)]),
    ),
    'grammar:slips': table(['a marker of the family', 'continues a list of', 'real example'], SLIPS.map((s) => [`\`${s.family}\``, `\`${s.continues}\``, cell(s.example)])),
    'grammar:cues': table(['the list is', 'cue', 'real example'], CUES.map((c) => [c.enumerates, code(c.pattern), cell(c.example)])),
    'grammar:cases': table(['part', 'words', 'real example'], CASES.map((c) => [c.part, code(c.pattern), cell(c.example)])),
    'grammar:counted': table(['counts', 'noun after the count', 'noun before it', 'real example'], COUNTED.map((c) => [c.counts, code(c.after), code(c.before), cell(c.example)])),
    'grammar:total-shapes': table(
      ['a count states a total when', 'words before it', 'words after it', 'the 40 characters after it', 'no status word in', 'real example'],
      TOTAL_SHAPES.map((t) => [t.shape, code(t.before), code(t.after), code(t.rest), t.free === 'clause' ? 'its clause' : 'the words before it', cell(t.example)]),
    ),
    'grammar:part-orders': table(['order', 'words between the status and the count', 'real example'], PART_ORDERS.map((o) => [o.order, code(o.between), cell(o.example)])),
    'grammar:petition-scopes': table(
      ['scope', 'its sentence opens', 'its clause holds', 'real example'],
      PETITION_SCOPES.map((r) => [r.scope, code(r.sentence), code(r.clause), cell(r.example)]),
    ),
    'grammar:status': table(['status', 'words', 'real example'], STATUS_PHRASES.map((s) => [s.status, code(s.pattern), cell(s.example)])),
    'grammar:extras': table(['field', 'words before the number', 'real example'], EXTRAS.map((e) => [`\`${e.field}\``, code(e.before), cell(e.example)])),
    'grammar:labels': table(['label', 'field', 'real example'], LABELS.map((l) => [l.label, l.field, cell(l.example)])),
    'grammar:kind': table(
      ['decides', 'words', 'real example'],
      [
        ...OTHER_COPIES.map((r) => ['other (public notice of one item, shared copy)', code(r.pattern), cell(r.example)]),
        ...NOTICE_PHRASES.map((r) => ['formal-notice', code(r.pattern), cell(r.example)]),
        ...ANNOUNCEMENT_PHRASES.map((r) => ['other (announcement)', code(r.pattern), cell(r.example)]),
        ...OTHER_PHRASES.map((r) => ['other (speech, report, explainer)', code(r.pattern), cell(r.example)]),
        ...NEWS_MARKERS.map((r) => ['news', code(r.pattern), cell(r.example)]),
        ...RETOLD.map((r) => ['news (problems told by a third party; else a list is a self-assessment, other)', code(r.pattern), cell(r.example)]),
      ],
    ),
  };
}
