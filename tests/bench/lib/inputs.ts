/**
 * Seeded bench inputs: the same seed gives the same claim and the same CSV bytes on every machine, so
 * two runs differ only in how fast the machine is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parseClaimFile } from '../../../src/core/model/claim-file';
import { claimSchema, type Claim, type ClaimInput } from '../../../src/core/model/claim';
import { poisson, seededRandom } from '../../../src/core/random';

export const ROOT = join(import.meta.dirname, '..', '..', '..');

export const seeded = seededRandom;


const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

/** The five sales channels of the bench restaurant: two Kakao platforms, three that kept working. */
export const BENCH_CHANNELS = [
  { id: 'card', label: '카드', isPlatform: false, share: 0.45 },
  { id: 'kakao-pay', label: '카카오페이', isPlatform: true, share: 0.2 },
  { id: 'talk-channel-order', label: '카카오톡 주문하기', isPlatform: true, share: 0.15 },
  { id: 'cash', label: '현금', isPlatform: false, share: 0.1 },
  { id: 'phone', label: '전화 주문', isPlatform: false, share: 0.1 },
] as const;

/** Orders per hour by hour of day (a restaurant open 10:00-22:00, lunch and dinner peaks). */
const HOURLY_ORDERS = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 9, 14, 8, 4, 3, 4, 7, 12, 11, 7, 4, 0, 0];

/**
 * The estimate figure's claim: the bundled hourly restaurant example, re-recorded with five channels
 * and four months of seeded hourly sales, asking for K = 8 reference weeks (loss model section 3.1).
 * Platform channels go to zero during the outage, so the estimate has a real loss to find.
 */
export function estimateBenchClaim(seed = 20221015): Claim {
  const parsed = parseClaimFile(readFileSync(join(ROOT, 'assets', 'examples', 'restaurant-hourly.claim.json'), 'utf8'));
  if (!parsed.ok) throw new Error(`restaurant-hourly.claim.json does not parse: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  const example = parsed.claim;
  const rand = seeded(seed);
  // Plain strings here; claimSchema.parse below checks and brands every bucket.
  const records: NonNullable<ClaimInput['records']> = [];
  const outageStart = Date.parse('2022-10-15T15:00:00+09:00');
  const outageEnd = Date.parse('2022-10-16T22:00:00+09:00');
  for (let t = Date.parse('2022-06-01T00:00:00Z'); t <= Date.parse('2022-10-31T00:00:00Z'); t += DAY_MS) {
    const day = isoDay(t);
    const weekend = [0, 6].includes(new Date(t).getUTCDay());
    for (let h = 0; h < 24; h++) {
      const mean = HOURLY_ORDERS[h]! * (weekend ? 1.3 : 1);
      if (mean === 0) continue;
      const instant = Date.parse(`${day}T${pad(h)}:00:00+09:00`);
      const down = instant >= outageStart && instant < outageEnd;
      for (const ch of BENCH_CHANNELS) {
        const count = down && ch.isPlatform ? 0 : poisson(rand, mean * ch.share * (down ? 1.15 : 1));
        const revenue = count * (9_000 + Math.round(rand() * 12) * 1_000);
        records.push({ bucket: `${day}T${pad(h)}:00+09:00`, channel: ch.id, count, revenue, provenance: { kind: 'logged' } });
      }
    }
  }
  return claimSchema.parse({
    ...example,
    id: 'bench-restaurant-hourly',
    example: false,
    // No evidence ("one packet without evidence"): items keep their figures but cite nothing.
    evidence: [],
    directItems: example.directItems.map((item) => ({ ...item, evidenceIds: [] })),
    indirectItems: example.indirectItems.map((item) => ({ ...item, evidenceIds: [] })),
    claimant: { ...example.claimant, salesChannels: BENCH_CHANNELS.map(({ id, label, isPlatform }) => ({ id, label, isPlatform })) },
    records,
    referenceDates: { byWindowDate: {}, abnormalDates: [] },
    parameters: { ...example.parameters, k: 8 },
  });
}

/** The POS export's payment-method names, as a Korean POS writes them (CP949). */
const CSV_CHANNELS = ['카드', '카카오페이', '현금', '전화주문', '배달의민족'];
const CSV_NOTES = ['', '', '', '', '단체 예약', '신메뉴 뷁볶음밥', '똠얌꿍 품절', '햏볕 좋은 날 포장 많음'];

/**
 * A POS hourly export of `rows` data rows in CP949, the shape of assets/samples/pos-hourly-2022-restaurant.csv:
 * 일자,시간,건수,매출액,결제수단,매장명,메모 with quoted thousands separators and the CP949-only syllables
 * (똠 햏 뷁) that Node's own decoder gets wrong. Every (hour, channel) pair is unique, so every row must
 * become a record.
 */
export function posCsvCp949(rows: number, seed = 7): Uint8Array {
  const rand = seeded(seed);
  const lines = ['일자,시간,건수,매출액,결제수단,매장명,메모'];
  let t = Date.parse('2016-01-01T00:00:00Z');
  let h = 10;
  let c = 0;
  for (let i = 0; i < rows; i++) {
    const count = 1 + Math.floor(rand() * 9);
    const revenue = count * (8_000 + Math.round(rand() * 14) * 500);
    const note = CSV_NOTES[Math.floor(rand() * CSV_NOTES.length)]!;
    lines.push(`${isoDay(t)},${pad(h)}:00,${count},"${revenue.toLocaleString('en-US')}",${CSV_CHANNELS[c]},똠얌꿍하우스 햏복점,${note}`);
    // Next channel, then the next opening hour (10-21), then the next day.
    if (++c === CSV_CHANNELS.length) {
      c = 0;
      if (++h === 22) {
        h = 10;
        t += DAY_MS;
      }
    }
  }
  return new Uint8Array(iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp949'));
}
