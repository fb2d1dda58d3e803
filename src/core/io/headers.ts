/**
 * Column recognition: which header holds the date, hour, count, revenue ... in the exports Korean
 * merchants and drivers actually have (POS back offices, cardsales.or.kr statements, driver apps).
 */
export const COLUMN_ROLES = ['date', 'hour', 'datetime', 'count', 'revenue', 'cancelCount', 'cancelAmount', 'channel'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Role → header text as it appears in the file. */
export type ColumnMapping = Partial<Record<ColumnRole, string>>;

/** Known header spellings per role, in normalised form (see normaliseHeader). Order is preference. */
const KNOWN_HEADERS: Record<ColumnRole, readonly string[]> = {
  datetime: ['일시', '거래일시', '승인일시', '운행일시', '주문일시', '결제일시', '배차일시', '운행시작일시', '날짜시간', 'datetime', 'timestamp', 'date/time'],
  date: ['일자', '날짜', '거래일자', '승인일자', '운행일자', '매출일자', '영업일자', '주문일자', '결제일자', '기준일자', 'date', 'day'],
  hour: ['시간', '시각', '시간대', '승인시간', '승인시각', '거래시간', '주문시간', '운행시간', 'hour', 'time'],
  count: ['건수', '콜수', '주문수', '승인건수', '운행건수', '주문건수', '거래건수', '매출건수', '결제건수', 'count', 'orders', 'calls', 'trips'],
  revenue: ['매출', '매출액', '금액', '결제금액', '승인금액', '합계', '운임', '요금', '매출금액', '거래금액', '주문금액', '총매출', '총매출액', '수입', 'revenue', 'amount', 'sales', 'fare'],
  cancelCount: ['취소건수', '승인취소건수'],
  cancelAmount: ['취소금액', '승인취소금액'],
  channel: ['채널', '결제수단', '주문경로', '앱', '결제방법', '결제유형', '주문채널', '플랫폼', '호출앱', '판매채널', '콜채널', 'channel', 'app', 'platform', 'payment'],
};

/** Trim, drop BOM/zero-width characters, a unit in brackets ("매출액(원)"), spaces and case. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/[\uFEFF\u200B]/gu, '')
    .replace(/\s*[([（［][^)\]）］]*[)\]）］]\s*$/u, '')
    .replace(/\s+/gu, '')
    .toLowerCase();
}

const LOOKUP: Map<string, ColumnRole> = (() => {
  const map = new Map<string, ColumnRole>();
  for (const role of COLUMN_ROLES) for (const name of KNOWN_HEADERS[role]) if (!map.has(name)) map.set(name, role);
  return map;
})();

export function roleOfHeader(header: string): ColumnRole | undefined {
  return LOOKUP.get(normaliseHeader(header));
}

/**
 * Guess a mapping from the header row: each role takes the column whose header is its most preferred
 * known spelling (leftmost on a tie), so "매출액" wins over a "합계" column. A header serves one role only.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = Object.create(null) as ColumnMapping;
  const rankOf = new Map<ColumnRole, number>();
  for (const header of headers) {
    const normalised = normaliseHeader(header);
    const role = LOOKUP.get(normalised);
    if (!role) continue;
    const rank = KNOWN_HEADERS[role].indexOf(normalised);
    const best = rankOf.get(role);
    if (best === undefined || rank < best) {
      rankOf.set(role, rank);
      mapping[role] = header;
    }
  }
  return mapping;
}

/** How many headers in a row are recognised: used to find the header row under a title block. */
export function recognisedHeaderCount(cells: readonly string[]): number {
  const roles = new Set<ColumnRole>();
  for (const cell of cells) {
    const role = roleOfHeader(cell);
    if (role) roles.add(role);
  }
  return roles.size;
}
