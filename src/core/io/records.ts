import { bt, type BilingualText } from '../model/common';
import { activityRecordSchema, type ActivityRecord } from '../model/record';
import { createChannelResolver } from './channels';
import { ImportFileError, type ImportRowError } from './errors';
import { COLUMN_ROLES, guessMapping, normaliseHeader, type ColumnMapping, type ColumnRole } from './headers';
import type { Table } from './table';
import {
  cellText,
  dailyBucket,
  hourlyBucket,
  isBlank,
  parseAmount,
  parseCount,
  parseDate,
  parseDateTime,
  parseHour,
  type Cell,
  type Parsed,
} from './values';

/**
 * Table → activity records, for the three shapes claimants bring:
 * - aggregated: one row per bucket (POS hourly or daily exports);
 * - card: card-sales daily statements, approvals minus cancellations (cardsales.or.kr);
 * - transactions: one row per trip or order, summed into hourly buckets (a driver's trip history).
 */
export type ImportShape = 'aggregated' | 'card' | 'transactions';
export const IMPORT_SHAPES: readonly ImportShape[] = ['aggregated', 'card', 'transactions'];
export type Granularity = 'hourly' | 'daily';

export type ResolvedColumns = Partial<Record<ColumnRole, number>>;

/** A file's own channel used when no channel column exists and the caller named none. */
export const FALLBACK_CHANNEL = 'total';

export type UnknownChannel = { value: string; id: string; rows: number; firstRow: number };

export type BuildOptions = {
  shape: ImportShape;
  fileSha256: string;
  fileName?: string;
  defaultChannel?: string;
  channelMap: ReadonlyMap<string, string>;
};

export type BuildResult = {
  granularity: Granularity;
  records: ActivityRecord[];
  errors: ImportRowError[];
  /** Notes on what the import did (rows skipped, channels guessed), in both languages. */
  warnings: BilingualText[];
  unknownChannels: UnknownChannel[];
};

/** Explicit entries override guessed ones; an explicit '' unmaps a role. Role names are checked. */
export function mergeMapping(headers: readonly string[], explicit: Readonly<Record<string, string | undefined>> | undefined, fileName?: string): ColumnMapping {
  const mapping = guessMapping(headers);
  if (!explicit) return mapping;
  const byNormalised = new Map(headers.map((h) => [normaliseHeader(h), h] as const));
  for (const [role, header] of Object.entries(explicit)) {
    if (!(COLUMN_ROLES as readonly string[]).includes(role)) {
      throw new ImportFileError('bad-mapping', bt(`알 수 없는 항목 '${role}'이에요 (쓸 수 있는 것: ${COLUMN_ROLES.join(', ')})`, `unknown mapping key '${role}'`), fileName);
    }
    const key = role as ColumnRole;
    if (header === undefined || header === '') {
      delete mapping[key];
      continue;
    }
    const actual = byNormalised.get(normaliseHeader(header));
    if (!actual) {
      throw new ImportFileError('missing-columns', bt(`'${header}' 열이 없어요 (있는 열: ${headers.join(', ')})`, `no column '${header}' (columns: ${headers.join(', ')})`), fileName);
    }
    // The same header cannot serve two roles: the explicit one takes it.
    for (const other of COLUMN_ROLES) if (other !== key && mapping[other] === actual) delete mapping[other];
    mapping[key] = actual;
  }
  return mapping;
}

export function resolveColumns(headers: readonly string[], mapping: ColumnMapping): ResolvedColumns {
  const columns: ResolvedColumns = Object.create(null) as ResolvedColumns;
  for (const role of COLUMN_ROLES) {
    const header = mapping[role];
    if (header === undefined) continue;
    const index = headers.indexOf(header);
    if (index >= 0) columns[role] = index;
  }
  return columns;
}

/** The shape a file most likely has, or null when the columns fit none. */
export function guessShape(columns: ResolvedColumns): ImportShape | null {
  const hasWhen = columns.date !== undefined || columns.datetime !== undefined;
  if (!hasWhen) return null;
  if (columns.cancelCount !== undefined || columns.cancelAmount !== undefined) return 'card';
  if (columns.count === undefined && columns.revenue !== undefined && (columns.datetime !== undefined || columns.hour !== undefined)) return 'transactions';
  if (columns.count !== undefined) return 'aggregated';
  return null;
}

export function granularityOf(columns: ResolvedColumns): Granularity {
  return columns.datetime !== undefined || columns.hour !== undefined ? 'hourly' : 'daily';
}

const ROLE_LABEL: Record<ColumnRole, BilingualText> = {
  date: bt('일자', 'date'),
  hour: bt('시간', 'hour'),
  datetime: bt('일시', 'date-time'),
  count: bt('건수', 'count'),
  revenue: bt('매출액', 'revenue'),
  cancelCount: bt('취소건수', 'cancellations'),
  cancelAmount: bt('취소금액', 'cancelled amount'),
  channel: bt('채널', 'channel'),
};

/** Throws naming the missing columns when the shape cannot be built from these columns. */
export function requireColumns(shape: ImportShape, columns: ResolvedColumns, fileName?: string): void {
  const missing: BilingualText[] = [];
  if (columns.date === undefined && columns.datetime === undefined) missing.push(ROLE_LABEL.date);
  if (shape === 'aggregated' && columns.count === undefined) missing.push(ROLE_LABEL.count);
  if (shape === 'card') {
    if (columns.count === undefined) missing.push(bt('승인건수', 'approvals'));
    if (columns.revenue === undefined) missing.push(bt('승인금액', 'approved amount'));
  }
  if (missing.length > 0) {
    // The English half now names the columns too (it named only the shape).
    throw new ImportFileError(
      'missing-columns',
      bt(`필요한 열이 없어요: ${missing.map((m) => m.ko).join(', ')} (${shape})`, `required columns missing for shape '${shape}': ${missing.map((m) => m.en).join(', ')}`),
      fileName,
    );
  }
}

// Totals at the foot of a statement are not a day.
const SUMMARY_ROW_RE = /^\s*(합\s*계|총\s*계|소\s*계|누\s*계|총합계|total|sum|subtotal)(?![\p{L}\p{N}])/iu;

function isSummaryRow(whenCell: Cell, cells: readonly Cell[]): boolean {
  if (typeof whenCell === 'string' && SUMMARY_ROW_RE.test(whenCell)) return true;
  return isBlank(whenCell) && cells.some((c) => typeof c === 'string' && SUMMARY_ROW_RE.test(c));
}

type Entry = {
  bucket: string;
  channel: string;
  count: number;
  revenue: number | null;
  rows: number[];
  rawChannels: Set<string>;
  conflict: boolean;
};

export function buildRecords(table: Table, columns: ResolvedColumns, options: BuildOptions): BuildResult {
  const { shape } = options;
  const granularity = granularityOf(columns);
  const errors: ImportRowError[] = [...table.rowErrors];
  const warnings: BilingualText[] = [];
  const headers = table.headers;
  const entries = new Map<string, Entry>();
  const unknown = new Map<string, UnknownChannel>();
  const resolveChannel = createChannelResolver(options.channelMap);
  let summaryRows = 0;
  let mergedChannelRows = 0;
  const defaultChannel = options.defaultChannel ?? (shape === 'card' ? 'card' : FALLBACK_CHANNEL);
  if (columns.channel === undefined && options.defaultChannel === undefined && shape !== 'card') {
    warnings.push(bt(`채널 열이 없어 모든 기록을 '${FALLBACK_CHANNEL}' 채널로 넣었어요. 채널을 지정할 수 있어요`, `no channel column: every record goes to channel '${FALLBACK_CHANNEL}' (pass a channel to change it)`));
  }

  const cellAt = (cells: Cell[], role: ColumnRole): Cell => {
    const index = columns[role];
    return index === undefined ? null : (cells[index] ?? null);
  };

  for (const { row, cells } of table.rows) {
    const rowErrors: ImportRowError[] = [];
    const take = <T>(role: ColumnRole, parsed: Parsed<T>): T | undefined => {
      if (parsed.ok) return parsed.value;
      const index = columns[role]!;
      rowErrors.push({ row, column: headers[index] ?? role, value: cellText(cells[index] ?? null), reason: parsed.reason });
      return undefined;
    };

    const whenCell = columns.datetime !== undefined ? cellAt(cells, 'datetime') : cellAt(cells, 'date');
    if (isSummaryRow(whenCell, cells)) {
      summaryRows++;
      continue;
    }

    // When
    let bucket: string | undefined;
    if (columns.datetime !== undefined) {
      const at = take('datetime', parseDateTime(cellAt(cells, 'datetime'), table.date1904));
      if (at) bucket = hourlyBucket(at);
    } else {
      const date = take('date', parseDate(cellAt(cells, 'date'), table.date1904));
      if (columns.hour !== undefined) {
        const hour = take('hour', parseHour(cellAt(cells, 'hour'), table.date1904));
        if (date && hour !== undefined) bucket = hourlyBucket({ ...date, hour });
      } else if (date) {
        bucket = dailyBucket(date);
      }
    }

    // How many and how much
    let count: number | undefined;
    let revenue: number | null | undefined;
    if (shape === 'transactions') {
      count = 1;
      if (columns.revenue !== undefined) revenue = take('revenue', parseAmount(cellAt(cells, 'revenue')));
      else revenue = null;
    } else {
      count = take('count', parseCount(cellAt(cells, 'count')));
      const revenueCell = cellAt(cells, 'revenue');
      if (columns.revenue === undefined || isBlank(revenueCell)) revenue = shape === 'card' ? take('revenue', parseAmount(revenueCell)) : null;
      else revenue = take('revenue', parseAmount(revenueCell));
      if (shape === 'card') {
        const cancelCountCell = cellAt(cells, 'cancelCount');
        const cancelAmountCell = cellAt(cells, 'cancelAmount');
        const cancelled = isBlank(cancelCountCell) ? 0 : take('cancelCount', parseCount(cancelCountCell, { allowNegativeAsMagnitude: true }));
        const cancelledAmount = isBlank(cancelAmountCell) ? 0 : take('cancelAmount', parseAmount(cancelAmountCell, { allowNegativeAsMagnitude: true }));
        if (count !== undefined && cancelled !== undefined) {
          if (cancelled > count) {
            rowErrors.push({ row, column: headers[columns.cancelCount!] ?? 'cancelCount', value: String(cancelled), reason: bt('취소건수가 승인건수보다 많아요', 'more cancellations than approvals') });
          }
          count -= cancelled;
        }
        if (typeof revenue === 'number' && cancelledAmount !== undefined) {
          if (cancelledAmount > revenue) {
            rowErrors.push({ row, column: headers[columns.cancelAmount!] ?? 'cancelAmount', value: String(cancelledAmount), reason: bt('취소금액이 승인금액보다 커요', 'cancelled amount exceeds approvals') });
          }
          revenue -= cancelledAmount;
        }
      }
    }

    // Which channel
    let channel = defaultChannel;
    let rawChannel = '';
    if (columns.channel !== undefined) {
      rawChannel = cellText(cellAt(cells, 'channel'));
      if (rawChannel) {
        const resolved = resolveChannel(rawChannel);
        channel = resolved.id;
        if (!resolved.known) {
          const seen = unknown.get(rawChannel);
          if (seen) seen.rows++;
          else unknown.set(rawChannel, { value: rawChannel, id: resolved.id, rows: 1, firstRow: row });
        }
      }
    }

    if (rowErrors.length > 0 || bucket === undefined || count === undefined || revenue === undefined) {
      errors.push(...rowErrors);
      continue;
    }

    const key = `${bucket}\u0000${channel}`;
    const existing = entries.get(key);
    if (!existing) {
      entries.set(key, { bucket, channel, count, revenue, rows: [row], rawChannels: new Set([rawChannel]), conflict: false });
      continue;
    }
    // Trips add up; two aggregated rows for one bucket contradict each other, unless they are two
    // spellings of one channel (신용카드 + 체크카드 → card), which a POS lists separately.
    const sameRawChannel = existing.rawChannels.has(rawChannel);
    if (shape === 'transactions' || !sameRawChannel) {
      existing.count += count;
      existing.revenue = existing.revenue === null || revenue === null ? null : existing.revenue + revenue;
      existing.rows.push(row);
      existing.rawChannels.add(rawChannel);
      if (shape !== 'transactions') mergedChannelRows++;
    } else {
      errors.push({
        row,
        column: '',
        value: `${bucket} ${channel}`,
        reason: bt(`${existing.rows[0]}행과 같은 시간·채널이 또 있어요 (${existing.rows[0]}행, ${row}행 둘 다 제외)`, `duplicate of row ${existing.rows[0]} for the same bucket and channel (rows ${existing.rows[0]} and ${row} both left out)`),
      });
      existing.conflict = true;
    }
  }

  const records: ActivityRecord[] = [];
  for (const entry of entries.values()) {
    if (entry.conflict) continue;
    const candidate = {
      bucket: entry.bucket,
      channel: entry.channel,
      count: entry.count,
      revenue: entry.revenue,
      provenance: {
        kind: 'imported' as const,
        fileSha256: options.fileSha256,
        ...(options.fileName ? { fileName: options.fileName.slice(-260) } : {}),
        row: entry.rows[0]!,
      },
    };
    const parsed = activityRecordSchema.safeParse(candidate);
    if (parsed.success) {
      records.push(parsed.data);
    } else {
      const issue = parsed.error.issues[0];
      errors.push({
        row: entry.rows[0]!,
        column: issue?.path.join('.') ?? '',
        value: `${entry.bucket} ${entry.channel}`,
        reason: bt('기록이 올바르지 않아요', `invalid record: ${issue?.message ?? 'unknown'}`),
      });
    }
  }

  records.sort((a, b) => (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0));
  errors.sort((a, b) => a.row - b.row);
  if (summaryRows > 0) warnings.push(bt(`합계 행 ${summaryRows}개는 건너뛰었어요`, `skipped ${summaryRows} total row(s)`));
  if (mergedChannelRows > 0) {
    warnings.push(bt(`같은 시간에 같은 채널로 묶인 다른 이름의 행 ${mergedChannelRows}개를 더했어요`, `added up ${mergedChannelRows} row(s) whose channel names map to the same channel`));
  }
  const unknownChannels = [...unknown.values()];
  for (const u of unknownChannels) {
    warnings.push(bt(`모르는 채널 '${u.value}'을(를) '${u.id}'(으)로 넣었어요 (${u.rows}행, 처음 ${u.firstRow}행)`, `unknown channel '${u.value}' imported as '${u.id}' (${u.rows} rows, first at row ${u.firstRow})`));
  }
  return { granularity, records, errors, warnings, unknownChannels };
}
