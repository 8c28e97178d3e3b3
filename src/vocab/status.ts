import type { Status } from '../schema.js';

/**
 * The one status vocabulary: how a notice says a problem (or a count of problems) stands. Read
 * for each item's rectification (items.ts) and for each clause of a totals sentence
 * (totals.ts, with the count itself taken out: "已完成1275项," is read as "已完成,", while an item's
 * "目前已完成7个镇污水处理厂新建" does not say the problem is done). The first row whose words the text holds wins, so order matters: a stated
 * failure first, then partial completion ("基本完成取得阶段性成果并持续整改问题4个" is partial
 * though it says 持续整改), then completion, then work that merely goes on.
 */
export const STATUS_PHRASES: { status: Status; pattern: RegExp; example: string }[] = [
  { status: 'not-completed', pattern: /未完成|未整改|尚未完成|尚未整改|申请延期|未达到序时/, example: '未完成1个 / 申请延期整改问题18个 / 该问题未完成整改,正在推进' },
  { status: 'partial', pattern: /基本完成|基本整改|基本到位|阶段性完成|阶段性整改|阶段性成果|阶段性成效/, example: '阶段性完成整改12个 / 目前已有28项完成阶段性整改 / 基本到位N项' },
  { status: 'completed', pattern: /已完成整改|完成整改|整改完成|完成[^,，;；。\d]{0,6}整改|已(?:经)?完成(?=[,，;；。]|$)|已整改|整改到位|已全部整改|已办结|已销号|整改销号|^\s*整改问题/, example: '已完成整改23个 / 已整改销号问题453个 / 完成镇级问题整改38个 / 发现问题247个,整改问题247个' },
  { status: 'not-completed', pattern: /正在整改|持续整改|正在推进|长期坚持|持续推进/, example: '正在整改6个 / 此项工作持续推进' },
];

export function statusOf(words: string): Status | null {
  for (const row of STATUS_PHRASES) if (row.pattern.test(words)) return row.status;
  return null;
}
