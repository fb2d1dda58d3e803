import { bi } from '../../core/model/text';
/**
 * What an evidence file supports, stored in its `linkedIds` (core/model evidence): a direct or indirect
 * item by its id, or a stretch of records written `<first day>..<last day>|<channel id or *>`, e.g.
 * `2022-10-15..2022-10-16|kakao-t`. Days are KST calendar days (records' `day`).
 */

export type RecordLink = { from: string; to: string; channel: string | null };

const RECORD_LINK = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})\|(.+)$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function formatRecordLink(link: RecordLink): string {
  if (!DAY.test(link.from) || !DAY.test(link.to)) throw new Error(bi(`날짜는 YYYY-MM-DD로 적어요: ${link.from}, ${link.to}`, `dates must be YYYY-MM-DD: ${link.from}, ${link.to}`));
  // ISO days compare as text; a reversed range is put in order rather than refused.
  const [from, to] = link.from <= link.to ? [link.from, link.to] : [link.to, link.from];
  return `${from}..${to}|${link.channel ?? '*'}`;
}

export function parseRecordLink(id: string): RecordLink | null {
  const m = RECORD_LINK.exec(id);
  if (!m) return null;
  return { from: m[1]!, to: m[2]!, channel: m[3] === '*' ? null : m[3]! };
}
