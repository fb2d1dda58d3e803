/**
 * Random claims for the independent check (issue 15): built from a seed with their own date arithmetic
 * (Date.UTC, not the app's time helpers), through the claim schema. Windows anywhere in 2015-2028,
 * a quarter of them starting on 31 December evening (New Year incidents), hourly or daily, counts with
 * revenue, partly without, or counts only; explicit reference lists or suggested ones; every item kind.
 */
import { claimSchema, type Claim } from '../../../src/core/model/index';
import { seededRandom } from '../../../src/core/random';

const H = 3_600_000;
const KST = 9 * H;
const pad = (n: number) => String(n).padStart(2, '0');
/** A UTC instant as KST text: `2022-10-15T20:00+09:00`. */
const kstInstant = (ms: number) => {
  const d = new Date(ms + KST);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}+09:00`;
};
const kstDate = (ms: number) => kstInstant(ms).slice(0, 10);
const kstHour = (ms: number) => `${kstInstant(ms).slice(0, 13)}:00+09:00`;
const DAY = 24 * H;

export interface RandomClaimInfo {
  claim: Claim;
  /** The window's start, for checks that recompute a figure independently. */
  startMs: number;
}

export function randomClaim(seed: number): RandomClaimInfo {
  const rand = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

  const year = int(2015, 2028);
  const newYear = rand() < 0.25;
  const startMs = newYear
    ? Date.UTC(year, 11, 31, int(18, 23), pick([0, 30])) - KST
    : Date.UTC(year, 0, 1 + int(0, 360), int(0, 23), pick([0, 15, 30])) - KST;
  const endMs = startMs + int(1, 30) * H + pick([0, 0, 20 * 60_000]);
  const daily = rand() < 0.2;
  const channels = ['platform', 'phone', 'other-app'];

  // Window buckets (whole hours or whole KST days overlapping [start, end)).
  const firstHour = Math.floor((startMs + KST) / H) * H - KST;
  const hours: number[] = [];
  for (let h = firstHour; h < endMs; h += H) hours.push(h);
  const windowDates = [...new Set(hours.map(kstDate))];

  const revenueMode = pick(['full', 'full', 'partial', 'counts-only'] as const);
  const ticket = int(8_000, 40_000);
  const records: { bucket: string; channel: string; count: number; revenue: number | null; provenance: { kind: 'logged' } }[] = [];
  const seen = new Set<string>();
  const add = (bucket: string, channel: string) => {
    if (seen.has(`${bucket}|${channel}`)) return;
    seen.add(`${bucket}|${channel}`);
    const count = int(0, 8);
    const withRevenue = revenueMode === 'full' || (revenueMode === 'partial' && rand() < 0.7);
    records.push({ bucket, channel, count, revenue: withRevenue ? count * (ticket + int(-2_000, 2_000)) : null, provenance: { kind: 'logged' } });
  };
  for (let j = 0; j <= 7; j++) {
    // j = 0: the outage itself (fewer records); j >= 1: the same slots j weeks earlier.
    const keep = j === 0 ? 0.35 : 0.75;
    if (daily) {
      for (const d of windowDates) for (const ch of channels) if (rand() < keep) add(kstDate(Date.parse(`${d}T12:00+09:00`) - 7 * j * DAY), ch);
    } else {
      for (const h of hours) for (const ch of channels) if (rand() < keep) add(kstHour(h - 7 * j * DAY), ch);
      // Hours before the window on its first day (the trend factor reads them).
      for (let b = 1; b <= 3; b++) if (rand() < 0.5) add(kstHour(firstHour - b * H - 7 * j * DAY), pick(channels));
    }
  }

  const kind = pick(['designated-driver', 'taxi', 'merchant'] as const);
  const claimant = kind === 'merchant'
    ? { kind, industry: pick(['restaurant', 'cafe', 'retail', 'personal-services'] as const), businessNumber: '123-45-67891' }
    : kind === 'taxi' ? { kind, taxiType: pick(['private', 'franchise'] as const) } : { kind };
  let margin: { v: { value?: number; confirmed: boolean }; c: { value?: number; confirmed: boolean } } = { v: { confirmed: false }, c: { confirmed: false } };
  if (rand() < 0.5) {
    const v = Math.round(rand() * 80) / 100;
    const c = rand() < 0.15 ? Number((1 - v).toFixed(2)) : Math.round(rand() * (1 - v) * 100) / 100;
    margin = { v: { value: v, confirmed: true }, c: { value: c, confirmed: rand() < 0.5 } };
  }
  let byWindowDate: Record<string, string[]> = {};
  if (rand() < 0.4) {
    const k = int(1, 6);
    byWindowDate = Object.fromEntries(windowDates.map((d) => [d, Array.from({ length: k }, (_, j) => kstDate(Date.parse(`${d}T12:00+09:00`) - 7 * (j + 1) * DAY))]));
  }
  const just = '장애 때문에 생긴 손해라 예견할 수 있었어요 / foreseeable';
  const indirectItems = [
    ...(rand() < 0.6 ? [{ kind: 'claim-prep' as const, id: 'prep', hours: int(1, 40) / 4, justification: just }] : []),
    ...(rand() < 0.3 ? [{ kind: 'extra-labour' as const, id: 'labour', hours: int(1, 20) / 2, hourlyWage: int(9_000, 20_000), justification: just }] : []),
    ...(rand() < 0.3 ? [{ kind: 'lost-regulars' as const, id: 'regulars', customers: int(1, 10), monthlySpend: int(10_000, 200_000), months: int(1, 6) / 2, justification: just }] : []),
    ...(rand() < 0.3 ? [{ kind: 'after-effect' as const, id: 'after', tailHours: pick([24, 48]), justification: just }] : []),
  ];
  const claim = claimSchema.parse({
    format: 'outage-loss-desk/claim',
    formatVersion: 1,
    id: `random-${seed >>> 0}`,
    claimant: { ...claimant, name: '무작위', mobile: '010-1111-2222', servicesUsed: ['svc'], salesChannels: channels.map((id, i) => ({ id, label: id, isPlatform: i === 0 })) },
    incident: {
      id: 'random',
      name: { ko: '무작위 장애' },
      services: [
        { id: 'svc', name: { ko: '서비스' }, window: { start: kstInstant(startMs), end: kstInstant(endMs) } },
        // A service the claimant did not use, starting later: the earliest window is still svc's.
        { id: 'other', name: { ko: '다른 서비스' }, window: { start: kstInstant(startMs + 2 * H), end: kstInstant(endMs + 2 * H) } },
      ],
    },
    granularity: daily ? 'daily' : 'hourly',
    records,
    referenceDates: { byWindowDate, abnormalDates: [] },
    parameters: {
      estimator: pick(['mean', 'median', 'trimmed'] as const),
      k: int(2, 6),
      alpha: pick([0.2, 0.05]),
      trendFactor: rand() < 0.2,
      margin,
      ...(rand() < 0.3 ? { averageTicket: int(5_000, 50_000) } : {}),
    },
    directItems: Array.from({ length: int(0, 3) }, (_, i) => ({ id: `d${i}`, category: 'refund', amount: int(0, 500_000) })),
    indirectItems,
  });
  return { claim, startMs };
}

/** Loss model section 5, typed again from the page: the statutory table; after it, 10,320 assumed. */
export const WAGE_TABLE: Record<number, number> = {
  2015: 5_580, 2016: 6_030, 2017: 6_470, 2018: 7_530, 2019: 8_350, 2020: 8_590,
  2021: 8_720, 2022: 9_160, 2023: 9_620, 2024: 9_860, 2025: 10_030, 2026: 10_320,
};
export const kstYear = (ms: number) => new Date(ms + KST).getUTCFullYear();
