import { roundWon } from '../model/money';
import { kakao2022October } from '../incidents/kakao-2022-10';
import { SIDO, UNKNOWN_SIDO } from './normalise';
import { BAND_IDS, type BandId, type BatchMember } from './types';

/**
 * The tables associations published in 2022 (domain.md section 2): counts and shares by industry, by
 * service affected (several answers per member, so the shares add up to more than 100%), by region and by
 * claimant kind; sums and medians of the losses; counts per band of Kakao's small-business rule. Pure:
 * the members that stay after dedupe in, numbers out. Shares are count / members, unrounded.
 */

export type CountRow = { key: string; label: string; count: number; share: number };
export type LossStat = { n: number; sum: number; median: number | null };
export type BandRow = { key: BandId; label: string; count: number; share: number; payout: number | null; payoutSum: number | null };

export type BatchAggregates = {
  members: number;
  byKind: CountRow[];
  /** The 소상공인연합회 grouping: 음식·숙박, 서비스, 운수, 도소매, 기타. */
  bySector: CountRow[];
  byIndustry: CountRow[];
  byService: CountRow[];
  byRegion: CountRow[];
  /** Members whose figures came from the engine (packets, claims) or were declared on a roster. */
  basis: { engine: number; declared: number; none: number };
  loss: { direct: LossStat; indirect: LossStat; total: LossStat; salesLoss: LossStat };
  bands: BandRow[];
  /** What Kakao's fixed bands would pay in all (30,000 and 50,000 bands; review cases not included). */
  fixedBandPayout: number;
};

export const KIND_LABELS: Record<string, string> = { merchant: '소상공인', taxi: '택시 기사', 'designated-driver': '대리운전 기사' };
export const INDUSTRY_LABELS: Record<string, string> = {
  restaurant: '음식점',
  cafe: '카페',
  retail: '소매',
  'personal-services': '개인 서비스',
  other: '기타 업종',
  taxi: '택시',
  'designated-driver': '대리운전',
};
export const SECTOR_OF: Record<string, string> = {
  restaurant: 'food',
  cafe: 'food',
  'personal-services': 'services',
  taxi: 'transport',
  'designated-driver': 'transport',
  retail: 'retail',
  other: 'other',
};
export const SECTOR_LABELS: Record<string, string> = { food: '음식·숙박', services: '서비스', transport: '운수', retail: '도소매', other: '기타' };
export const BAND_LABELS: Record<BandId, string> = {
  'up-to-300000': '30만 원 이하 → 3만 원',
  'up-to-500000': '50만 원 이하 → 5만 원',
  review: '50만 원 초과 → 증빙 심사',
  none: '매출 손실 없음',
  'no-data': '자료 없음 (계산 불가)',
  'not-applicable': '해당 없음 (소상공인 아님)',
};
const BAND_PAYOUT: Record<BandId, number | null> = { 'up-to-300000': 30_000, 'up-to-500000': 50_000, review: null, none: 0, 'no-data': null, 'not-applicable': null };

const SERVICE_LABELS: Record<string, string> = Object.fromEntries(kakao2022October.services.map((s) => [s.id, s.name.ko]));

export function serviceLabel(id: string): string {
  return SERVICE_LABELS[id] ?? (id.startsWith('other:') ? `기타: ${id.slice(6)}` : id);
}

/** Median of whole-won figures; with an even count the mean of the middle two, rounded once. */
export function medianWon(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : roundWon((sorted[mid - 1]! + sorted[mid]!) / 2);
}

function lossStat(present: number[]): LossStat {
  let sum = 0;
  for (const v of present) sum += v;
  return { n: present.length, sum, median: medianWon(present) };
}

function countRows(counts: Map<string, number>, total: number, label: (key: string) => string, order?: readonly string[]): CountRow[] {
  const rows = [...counts].map(([key, count]) => ({ key, label: label(key), count, share: total ? count / total : 0 }));
  if (order) {
    const rank = new Map(order.map((k, i) => [k, i]));
    rows.sort((a, b) => (rank.get(a.key) ?? order.length) - (rank.get(b.key) ?? order.length) || a.key.localeCompare(b.key));
  } else {
    rows.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  }
  return rows;
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

export function aggregate(members: readonly BatchMember[]): BatchAggregates {
  const running = new BatchAggregator();
  for (const m of members) running.add(m);
  return running.result();
}

/**
 * The same tables, one member at a time: counts, sums and the figures the medians need (four numbers a
 * member), so a batch of 105,116 members is aggregated as it streams past, in the order `aggregate` reads.
 */
export class BatchAggregator {
  private n = 0;
  private readonly kind = new Map<string, number>();
  private readonly sector = new Map<string, number>();
  private readonly industry = new Map<string, number>();
  private readonly service = new Map<string, number>();
  private readonly region = new Map<string, number>();
  private readonly band = new Map<string, number>(BAND_IDS.map((b) => [b, 0]));
  private readonly basis = { engine: 0, declared: 0, none: 0 };
  private readonly losses = { direct: [] as number[], indirect: [] as number[], total: [] as number[], salesLoss: [] as number[] };

  add(m: BatchMember): void {
    this.n++;
    bump(this.kind, m.kind);
    bump(this.industry, m.industry);
    bump(this.sector, SECTOR_OF[m.industry] ?? 'other');
    // A member answering the same service twice counts once.
    for (const s of new Set(m.services)) bump(this.service, s);
    bump(this.region, m.region.sido);
    bump(this.band, m.figures.band);
    this.basis[m.figures.basis] += 1;
    for (const key of ['direct', 'indirect', 'total', 'salesLoss'] as const) {
      const v = m.figures[key];
      if (v !== null) this.losses[key].push(v);
    }
  }

  result(): BatchAggregates {
    const n = this.n;
    const bands: BandRow[] = BAND_IDS.map((key) => {
      const count = this.band.get(key) ?? 0;
      const payout = BAND_PAYOUT[key];
      return { key, label: BAND_LABELS[key], count, share: n ? count / n : 0, payout, payoutSum: payout === null ? null : payout * count };
    });
    return {
      members: n,
      byKind: countRows(this.kind, n, (k) => KIND_LABELS[k] ?? k, Object.keys(KIND_LABELS)),
      bySector: countRows(this.sector, n, (k) => SECTOR_LABELS[k] ?? k),
      byIndustry: countRows(this.industry, n, (k) => INDUSTRY_LABELS[k] ?? k),
      byService: countRows(this.service, n, serviceLabel),
      byRegion: countRows(this.region, n, (k) => k, [...SIDO.map((s) => s.name), UNKNOWN_SIDO]),
      basis: { ...this.basis },
      loss: {
        direct: lossStat(this.losses.direct),
        indirect: lossStat(this.losses.indirect),
        total: lossStat(this.losses.total),
        salesLoss: lossStat(this.losses.salesLoss),
      },
      bands,
      fixedBandPayout: bands.reduce((s, b) => s + (b.key === 'up-to-300000' || b.key === 'up-to-500000' ? (b.payoutSum ?? 0) : 0), 0),
    };
  }
}
