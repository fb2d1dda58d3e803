/**
 * Writes the example claims in assets/examples/ and their evidence files in assets/examples/evidence/
 * (reproducible: fixed seed, fixed dates, no system libraries in the pictures; tests/scripts checks a rerun
 * gives the committed bytes).
 * Run: npx tsx scripts/make-examples.ts [--out <dir>]
 * driver-2022 and merchant-best-week reproduce the worked examples of shared/loss-model.md section 7.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { claimSchema, serializeClaim, type Claim, type ClaimInput, type Evidence } from '../src/core/model/index';
import { findBundledPack, incidentFromPreset, packToIncident } from '../src/core/incidents/index';
import { suggestReferenceDatesForClaim } from '../src/core/estimate/index';
import { addDays, weekdayOf } from '../src/core/time/kst';
import type { ActivityRecord } from '../src/core/model/record';
import { adMessageInvoicePdf, smbCertificatePlaceholderPdf } from './example-evidence/documents';
import { connectionErrorScreen, tripHistoryScreen, type Trip } from './example-evidence/screens';
import { TrueTypeFont } from './example-evidence/ttf';
import { seededRandom } from '../src/core/random';

function outDir(args: string[]): string {
  const at = args.indexOf('--out');
  if (at < 0) return join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'examples');
  const dir = args[at + 1];
  if (!dir || dir.startsWith('--')) throw new Error('--out needs a folder / --out 뒤에 폴더가 필요해요');
  return resolve(dir);
}

const OUT = outDir(process.argv.slice(2));
const EVIDENCE_DIR = join(OUT, 'evidence');
const CREATED = '2022-10-25T10:00+09:00';

const rng = seededRandom;

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const hour = (date: string, h: number) => `${date}T${String(h).padStart(2, '0')}:00+09:00`;
const dates = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

function finish(input: ClaimInput, withSuggestedDates = true): Claim {
  const claim = claimSchema.parse(input);
  if (withSuggestedDates) {
    const s = suggestReferenceDatesForClaim(claim);
    claim.referenceDates.byWindowDate = s.byWindowDate;
  }
  return claimSchema.parse(claim);
}

function write(name: string, claim: Claim) {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, name), serializeClaim(claim));
  console.log(`wrote ${join(OUT, name)} (${claim.records.length} records)`);
}

// ---------------------------------------------------------------------------------------------------
// Evidence files: written under evidence/ beside the claims (where the packet command looks for them), and
// listed in the claim with their real SHA-256 and size.
type EvidenceFile = Pick<Evidence, 'fileName' | 'sha256' | 'size' | 'mimeType'>;

function writeEvidence(fileName: string, mimeType: string, bytes: Uint8Array): EvidenceFile {
  mkdirSync(EVIDENCE_DIR, { recursive: true });
  writeFileSync(join(EVIDENCE_DIR, fileName), bytes);
  console.log(`wrote ${join(EVIDENCE_DIR, fileName)} (${bytes.length.toLocaleString('en-US')} B)`);
  return { fileName, mimeType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function evidenceItem(file: EvidenceFile, item: Omit<Evidence, keyof EvidenceFile | 'addedAt'> & { addedAt?: string }): Evidence {
  return { ...file, addedAt: CREATED, ...item };
}

/** Adds evidence to a finished claim and checks the claim again (item links must name listed evidence). */
function withEvidence(claim: Claim, evidence: Evidence[], itemLinks: Record<string, string[]> = {}): Claim {
  return claimSchema.parse({
    ...claim,
    evidence: [...claim.evidence, ...evidence],
    directItems: claim.directItems.map((i) => ({ ...i, evidenceIds: [...i.evidenceIds, ...(itemLinks[i.id] ?? [])] })),
  });
}

const require = createRequire(import.meta.url);
const fontBytes = (path: string) => new Uint8Array(readFileSync(require.resolve(`@expo-google-fonts/noto-sans-kr/${path}`)));

// ---------------------------------------------------------------------------------------------------
// 1. Designated driver: loss model section 7, exactly.
function driver2022(): Claim {
  const incident = incidentFromPreset('kakao-2022-10')!;
  const daeri = incident.services.find((s) => s.id === 'kakao-t-daeri')!;
  daeri.userWindow = {
    start: '2022-10-15T20:00+09:00',
    end: '2022-10-16T02:00+09:00',
    note: '토요일 20시~02시에만 일해요: 그 시간만 청구해요 / I only work 20:00-02:00 on Saturdays',
  };
  const fare = 25_000;
  const records: ActivityRecord[] = [];
  const logged = (bucket: string, channel: string, count: number, revenue: number): ActivityRecord => ({
    bucket, channel, count, revenue, provenance: { kind: 'logged', loggedAt: bucket },
  });
  // Weeks 1-4 of section 7: [Sat 20, 21, 22, 23, Sun 00, 01] calls; week k = (k-th Saturday, k-th Sunday).
  const weeks: [string, string, number[]][] = [
    ['2022-10-08', '2022-10-02', [3, 3, 3, 2, 2, 1]],
    ['2022-10-01', '2022-09-25', [2, 2, 3, 3, 2, 1]],
    ['2022-09-24', '2022-09-18', [3, 3, 2, 2, 1, 1]],
    ['2022-09-17', '2022-09-04', [2, 3, 3, 2, 2, 1]],
  ];
  for (const [sat, sun, calls] of weeks) {
    for (let i = 0; i < 4; i++) records.push(logged(hour(sat, 20 + i), 'kakao-t', calls[i]!, calls[i]! * fare));
    for (let i = 0; i < 2; i++) records.push(logged(hour(sun, i), 'kakao-t', calls[4 + i]!, calls[4 + i]! * fare));
  }
  // Nights the suggester must pass over: holidays (10-09 한글날, 09-11 추석 다음 날) and older weeks.
  for (const [date, h, calls] of [
    ['2022-10-09', 0, 4], ['2022-10-09', 1, 3], ['2022-09-11', 0, 1], ['2022-09-10', 21, 1],
    ['2022-09-03', 20, 2], ['2022-09-03', 21, 3], ['2022-08-28', 0, 2],
  ] as const) records.push(logged(hour(date, h), 'kakao-t', calls, calls * fare));
  records.push(logged(hour('2022-10-02', 2), 'kakao-t', 1, fare)); // after 02:00: outside the window
  // The outage night: two calls through another app, none on Kakao T.
  records.push(logged(hour('2022-10-15', 20), 'other-app', 1, 22_000));
  records.push(logged(hour('2022-10-15', 22), 'other-app', 1, 22_000));
  records.sort((a, b) => a.bucket.localeCompare(b.bucket));
  return finish({
    format: 'outage-loss-desk/claim',
    formatVersion: 1,
    id: 'example-driver-2022',
    example: true,
    title: '예시: 대리기사, 카카오 T 대리 / example: designated driver, Kakao T Daeri',
    createdAt: CREATED,
    claimant: {
      kind: 'designated-driver',
      name: '김대리 (예시)',
      mobile: '010-1234-5678',
      email: 'driver@example.com',
      region: { sido: '서울특별시', sigungu: '마포구' },
      servicesUsed: ['kakao-t-daeri'],
      salesChannels: [
        { id: 'kakao-t', label: '카카오 T 대리', isPlatform: true },
        { id: 'other-app', label: '다른 대리 앱', isPlatform: false },
      ],
    },
    incident,
    granularity: 'hourly',
    records,
    parameters: {
      estimator: 'mean', k: 4, alpha: 0.2,
      margin: { v: { confirmed: true }, c: { confirmed: true } },
    },
    indirectItems: [
      {
        kind: 'claim-prep', id: 'claim-prep', hours: 1.5,
        justification: '장애로 생긴 손해를 청구하려면 기록을 모으고 서류를 쓰는 시간이 꼭 들어요 / claiming a loss from the outage necessarily takes time to gather records and write the claim',
      },
    ],
    submissions: [],
  });
}

// ---------------------------------------------------------------------------------------------------
// Daily sales split: weekday weights and channel shares, integer won that add up exactly.
function splitExactly(total: number, weights: number[], unit: number): number[] {
  const sumW = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.round((total * w) / sumW / unit) * unit);
  parts[parts.length - 1]! += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

// 2. Merchant, best-week rule: loss model section 7 weekly totals, as daily records.
function merchantBestWeek(): Claim {
  const weekly: [string, number, number[]][] = [
    ['2022-09-03', 4_200_000, [20, 18, 10, 11, 12, 13, 16]],
    ['2022-09-10', 3_100_000, [8, 8, 10, 17, 18, 19, 20]], // 추석 (Chuseok) week
    ['2022-09-17', 4_550_000, [20, 18, 10, 11, 12, 13, 16]],
    ['2022-09-24', 4_400_000, [20, 18, 10, 11, 12, 13, 16]],
    ['2022-10-01', 4_480_000, [20, 18, 10, 11, 12, 13, 16]],
    ['2022-10-08', 4_610_000, [20, 18, 10, 11, 12, 13, 16]],
    ['2022-10-15', 3_900_000, [17, 14, 12, 12, 13, 14, 18]], // outage week
    ['2022-10-22', 4_350_000, [20, 18, 10, 11, 12, 13, 16]],
  ];
  const r = rng(20221015);
  const daily = new Map<string, number>();
  for (const [start, total, weights] of weekly) {
    splitExactly(total, weights, 1_000).forEach((v, i) => daily.set(addDays(start, i), v));
  }
  // Days outside the compared weeks (August, end of October): ordinary days, for reference dates.
  for (const d of [...dates('2022-08-01', '2022-09-02'), ...dates('2022-10-29', '2022-10-31')]) {
    const base = [820_000, 740_000, 420_000, 450_000, 500_000, 540_000, 660_000][weekdayOf(d) === 6 ? 0 : weekdayOf(d) + 1]!;
    daily.set(d, Math.round((base * (0.9 + 0.2 * r())) / 1000) * 1000);
  }
  const records: ActivityRecord[] = [];
  const fileSha = sha('example card-sales statement 2022-08..10');
  let row = 1;
  for (const [date, total] of [...daily].sort(([a], [b]) => a.localeCompare(b))) {
    const outage = date >= '2022-10-15' && date <= '2022-10-20';
    // During the outage Talk Channel orders and Kakao Pay stop; some customers pay by card or cash instead.
    const shares = outage ? [85, 0, 0, 15] : [60, 15, 15, 10];
    const channels = ['card', 'kakao-pay', 'talk-channel-order', 'cash'];
    splitExactly(total, shares, 100).forEach((revenue, i) => {
      if (shares[i] === 0) return;
      records.push({
        bucket: date, channel: channels[i]!, count: Math.max(1, Math.round(revenue / 18_000)), revenue,
        provenance: { kind: 'imported', fileSha256: fileSha, fileName: '카드매출_2022-08_10.xlsx', row: row++ },
      });
    });
  }
  return finish({
    format: 'outage-loss-desk/claim',
    formatVersion: 1,
    id: 'example-merchant-best-week',
    example: true,
    title: '예시: 떡볶이 가게, 카카오 소상공인 기준 / example: snack restaurant, Kakao best-week rule',
    createdAt: CREATED,
    claimant: {
      kind: 'merchant',
      industry: 'restaurant',
      name: '박사장 (예시)',
      businessName: '예시 떡볶이 망원점',
      businessNumber: '123-45-67891',
      mobile: '010-2345-6789',
      email: 'shop@example.com',
      bankAccount: { bank: '국민은행', number: '123456-01-234567', holder: '박사장' },
      region: { sido: '서울특별시', sigungu: '마포구' },
      servicesUsed: ['talk-channel', 'kakao-pay'],
      salesChannels: [
        { id: 'card', label: '카드', isPlatform: false },
        { id: 'kakao-pay', label: '카카오페이', isPlatform: true },
        { id: 'talk-channel-order', label: '톡채널 주문', isPlatform: true },
        { id: 'cash', label: '현금', isPlatform: false },
      ],
    },
    incident: incidentFromPreset('kakao-2022-10')!,
    granularity: 'daily',
    records,
    parameters: { margin: { v: { confirmed: false }, c: { confirmed: false } } },
    directItems: [
      { id: 'undelivered-ads', category: 'undelivered-ads', description: '발송되지 않은 톡채널 광고 메시지 3,000건 × 15원', amount: 45_000, evidenceIds: [] },
    ],
    indirectItems: [
      { kind: 'claim-prep', id: 'claim-prep', hours: 3, justification: '카드매출 조회, 서류 네 가지 준비에 든 시간 / time to look up card sales and prepare the four documents' },
    ],
  });
}

// ---------------------------------------------------------------------------------------------------
// 3. Restaurant, hourly POS export, several channels, direct and indirect items.
function restaurantHourly(): Claim {
  const r = rng(7);
  const records: ActivityRecord[] = [];
  const fileSha = sha('example POS hourly export');
  const hourShape: Record<number, number> = { 11: 0.9, 12: 1.6, 13: 1.2, 14: 0.5, 15: 0.3, 16: 0.4, 17: 0.9, 18: 1.5, 19: 1.6, 20: 1.1, 21: 0.6 };
  const channelShares: [string, number, number][] = [['card', 0.55, 14_000], ['kakao-pay', 0.2, 13_000], ['talk-channel-order', 0.15, 26_000], ['cash', 0.1, 12_000]];
  let row = 1;
  for (const d of dates('2022-08-27', '2022-10-31')) {
    const wd = weekdayOf(d);
    if (wd === 1) {
      // Closed on Mondays: a zero day logged, so the day counts as recorded (best-week rule, reference dates).
      records.push({ bucket: hour(d, 12), channel: 'card', count: 0, revenue: 0, provenance: { kind: 'reconstructed', note: '정기 휴무 / closed' } });
      continue;
    }
    const dayLevel = (wd === 5 || wd === 6 ? 1.35 : wd === 0 ? 1.15 : 1) * (0.88 + 0.24 * r());
    for (const [hStr, shape] of Object.entries(hourShape)) {
      const h = Number(hStr);
      const inOutage = (d === '2022-10-15' && h >= 15) || d === '2022-10-16';
      for (const [channel, share, ticket] of channelShares) {
        let count = Math.round(4 * shape * dayLevel * share * (0.7 + 0.6 * r()));
        if (inOutage && (channel === 'kakao-pay' || channel === 'talk-channel-order')) count = 0;
        if (inOutage && channel === 'card') count = Math.round(count * 1.3); // some pay by card instead
        if (count === 0) continue;
        records.push({
          bucket: hour(d, h), channel, count, revenue: count * ticket + Math.round(r() * 5) * 1000,
          provenance: { kind: 'imported', fileSha256: fileSha, fileName: 'POS_시간대별_2022-08_10.csv', row: row++ },
        });
      }
    }
  }
  return finish({
    format: 'outage-loss-desk/claim',
    formatVersion: 1,
    id: 'example-restaurant-hourly',
    example: true,
    title: '예시: 국밥집, POS 시간대별 매출 / example: restaurant with hourly POS sales',
    createdAt: CREATED,
    claimant: {
      kind: 'merchant',
      industry: 'restaurant',
      name: '이사장 (예시)',
      businessName: '예시 국밥 판교점',
      businessNumber: '220-81-62517',
      mobile: '010-3456-7890',
      email: 'gukbap@example.com',
      region: { sido: '경기도', sigungu: '성남시 분당구' },
      servicesUsed: ['kakao-pay', 'kakaotalk-gift-order'],
      salesChannels: [
        { id: 'card', label: '카드', isPlatform: false },
        { id: 'kakao-pay', label: '카카오페이', isPlatform: true },
        { id: 'talk-channel-order', label: '카카오톡 주문하기', isPlatform: true },
        { id: 'cash', label: '현금', isPlatform: false },
      ],
    },
    incident: incidentFromPreset('kakao-2022-10')!,
    granularity: 'hourly',
    records,
    parameters: { trendFactor: true, margin: { v: { value: 0.38, confirmed: true }, c: { confirmed: true } } },
    directItems: [
      { id: 'refund-orders', category: 'refund', description: '결제 안 된 주문하기 주문 환불', amount: 86_000, evidenceIds: [] },
      { id: 'spoiled-stock', category: 'spoiled-stock', description: '예약 취소로 버린 재료 (수육 5kg)', amount: 120_000, evidenceIds: [] },
    ],
    indirectItems: [
      { kind: 'after-effect', id: 'after-effect', tailHours: 48, justification: '주문하기 복구 뒤에도 손님들이 다른 앱으로 옮겨 간 상태가 이어졌어요 / after ordering came back, customers stayed on other apps for a while' },
      { kind: 'extra-labour', id: 'extra-labour', hours: 6, hourlyWage: 12_000, justification: '전화 주문을 받으려고 아르바이트 한 명을 더 불렀어요 / an extra part-timer to take phone orders' },
      { kind: 'claim-prep', id: 'claim-prep', hours: 2, justification: 'POS 자료를 내려받고 청구서를 쓰는 시간 / downloading POS data and writing the claim' },
      { kind: 'lost-regulars', id: 'lost-regulars', customers: 2, monthlySpend: 60_000, months: 2, justification: '단체 예약 손님 두 팀이 예약이 안 돼 다른 가게로 옮겼어요 / two regular groups could not book and moved to another restaurant' },
    ],
  });
}

// ---------------------------------------------------------------------------------------------------
// 4. Franchise (Blue) taxi driver: hourly trip earnings; the Kakao Mobility 18-hour rule applies.
function taxiFranchise(): Claim {
  const r = rng(1015);
  const records: ActivityRecord[] = [];
  for (const d of dates('2022-09-01', '2022-10-20')) {
    if (weekdayOf(d) === 3) continue; // Wednesdays off
    for (let h = 0; h < 24; h++) {
      const working = h >= 15 || h < 3 || (h >= 7 && h < 9); // afternoon/night shift and a morning run
      if (!working) continue;
      const inOutage = (d === '2022-10-15' && h >= 15) || (d === '2022-10-16' && h < 22);
      const kakaoCalls = inOutage ? 0 : Math.round(1.2 + r() * 1.6);
      const street = Math.round((inOutage ? 0.8 : 0.4) + r() * 1.2);
      const fare = () => Math.round((9_000 + r() * 9_000) / 100) * 100;
      const night = h < 4 ? 1.2 : 1; // +20% 00:00-04:00 (Seoul tariff in 2022)
      if (kakaoCalls > 0) {
        let rev = 0;
        for (let i = 0; i < kakaoCalls; i++) rev += fare();
        records.push({ bucket: hour(d, h), channel: 'kakao-t', count: kakaoCalls, revenue: Math.round(rev * night), provenance: { kind: 'reconstructed', note: '카카오 T 기사 앱 운행 내역 캡처에서 옮겨 적음' } });
      }
      if (street > 0) {
        let rev = 0;
        for (let i = 0; i < street; i++) rev += fare();
        records.push({ bucket: hour(d, h), channel: 'street', count: street, revenue: Math.round(rev * night), provenance: { kind: 'reconstructed', note: '미터기 영수증 합계' } });
      }
    }
  }
  return finish({
    format: 'outage-loss-desk/claim',
    formatVersion: 1,
    id: 'example-taxi-franchise',
    example: true,
    title: '예시: 카카오 T 블루 가맹 택시 기사 / example: Kakao T Blue franchise taxi driver',
    createdAt: CREATED,
    claimant: {
      kind: 'taxi',
      taxiType: 'franchise',
      name: '최기사 (예시)',
      businessNumber: '101-86-02232',
      mobile: '010-4567-8901',
      email: 'taxi@example.com',
      region: { sido: '서울특별시', sigungu: '강서구' },
      servicesUsed: ['kakao-t-taxi'],
      salesChannels: [
        { id: 'kakao-t', label: '카카오 T 호출', isPlatform: true },
        { id: 'street', label: '배회 영업', isPlatform: false },
      ],
    },
    incident: incidentFromPreset('kakao-2022-10')!,
    granularity: 'hourly',
    records,
    parameters: { margin: { v: { confirmed: false }, c: { confirmed: false } } },
    indirectItems: [
      { kind: 'claim-prep', id: 'claim-prep', hours: 2, justification: '운행 내역 캡처를 시간대별로 옮겨 적은 시간 / copying trip screenshots into hourly records' },
    ],
  });
}

// ---------------------------------------------------------------------------------------------------
// 5. Cafe: daily card-sales statements (여신금융협회 조회) and Kakao gift vouchers.
function cafeDaily(): Claim {
  const r = rng(33);
  const records: ActivityRecord[] = [];
  const fileSha = sha('example cardsales.or.kr daily export');
  let row = 1;
  for (const d of dates('2022-08-20', '2022-10-25')) {
    const wd = weekdayOf(d);
    const level = (wd === 0 || wd === 6 ? 1.4 : 1) * (0.9 + 0.2 * r());
    const outage = d === '2022-10-15' || d === '2022-10-16';
    const gift = outage ? 0 : Math.round(9 * level * (0.8 + 0.4 * r()));
    const pay = outage ? 0 : Math.round(12 * level * (0.8 + 0.4 * r()));
    const card = Math.round(70 * level * (0.9 + 0.2 * r()) * (outage ? 1.1 : 1));
    const cash = Math.round(6 * level * (0.7 + 0.6 * r()));
    const push = (channel: string, count: number, ticket: number, imported: boolean) => {
      if (count === 0) return;
      records.push({
        bucket: d, channel, count, revenue: imported ? count * ticket + Math.round(r() * 20) * 100 : null,
        provenance: imported
          ? { kind: 'imported', fileSha256: fileSha, fileName: '가맹점매출_일별_2022-08_10.xlsx', row: row++ }
          : { kind: 'reconstructed', note: '현금 건수만 기억해요' },
      });
    };
    push('card', card, 6_200, true);
    push('kakao-pay', pay, 5_800, true);
    push('kakao-gift', gift, 5_500, true);
    push('cash', cash, 0, false); // revenue unknown: count x average ticket (section 1)
  }
  return finish({
    format: 'outage-loss-desk/claim',
    formatVersion: 1,
    id: 'example-cafe-daily',
    example: true,
    title: '예시: 카페, 일별 카드매출과 카카오 선물하기 / example: cafe with daily card sales and Kakao gift vouchers',
    createdAt: CREATED,
    claimant: {
      kind: 'merchant',
      industry: 'cafe',
      name: '정사장 (예시)',
      businessName: '예시 커피 연남점',
      businessNumber: '214-87-00013',
      mobile: '010-5678-9012',
      email: 'cafe@example.com',
      region: { sido: '서울특별시', sigungu: '마포구' },
      servicesUsed: ['kakao-pay', 'kakaotalk-gift-order'],
      salesChannels: [
        { id: 'card', label: '카드', isPlatform: false },
        { id: 'kakao-pay', label: '카카오페이', isPlatform: true },
        { id: 'kakao-gift', label: '카카오톡 선물하기 교환권', isPlatform: true },
        { id: 'cash', label: '현금', isPlatform: false },
      ],
    },
    incident: incidentFromPreset('kakao-2022-10')!,
    granularity: 'daily',
    records,
    referenceDates: { abnormalDates: ['2022-09-24'], byWindowDate: {} },
    parameters: { estimator: 'median', margin: { v: { confirmed: true }, c: { confirmed: true } } },
    directItems: [
      { id: 'reissued-vouchers', category: 'reissued-voucher', description: '사용하지 못한 교환권 대신 음료 제공 (4잔)', amount: 22_000, evidenceIds: [] },
    ],
    indirectItems: [
      { kind: 'claim-prep', id: 'claim-prep', hours: 1, justification: '카드매출 조회 사이트에서 내려받고 정리한 시간 / downloading and sorting the card-sales statements' },
    ],
  });
}

// ---------------------------------------------------------------------------------------------------
/** A PC cafe in the LG U+ DDoS outages of 29 Jan and 4 Feb 2023 (incident pack lguplus-2023-01): daily card sales. */
function pcCafeLguplus2023(): Claim {
  const r = rng(2023);
  const records: ActivityRecord[] = [];
  const fileSha = sha('example PC cafe POS daily export 2022-12..2023-02');
  let row = 1;
  for (const d of dates('2022-12-01', '2023-02-20')) {
    const wd = weekdayOf(d);
    const level = (wd === 0 || wd === 6 ? 1.5 : 1) * (0.9 + 0.2 * r());
    const outage = d === '2023-01-29' || d === '2023-02-04';
    const seats = Math.round(90 * level * (outage ? 0.8 : 1));
    records.push({ bucket: d, channel: 'pos', count: seats, revenue: seats * 4_000 + Math.round(r() * 30) * 100, provenance: { kind: 'imported', fileSha256: fileSha, fileName: 'PC방_POS_일별_2022-12_2023-02.csv', row: row++ } });
  }
  return finish({
    format: 'outage-loss-desk/claim',
    formatVersion: 1,
    id: 'example-pc-cafe-lguplus-2023',
    example: true,
    title: '예시: PC방, LG유플러스 인터넷 장애 2023 / example: PC cafe in the LG U+ outages of 2023',
    createdAt: '2023-05-02T10:00+09:00',
    claimant: {
      kind: 'merchant',
      industry: 'other',
      name: '오사장 (예시)',
      businessName: '예시 PC방 부평점',
      businessNumber: '123-45-67891',
      mobile: '010-2345-6789',
      region: { sido: '인천광역시', sigungu: '부평구' },
      servicesUsed: ['lgu-internet', 'lgu-internet-2'],
      salesChannels: [{ id: 'pos', label: 'PC방 POS (이용 요금·먹거리)', isPlatform: false }],
    },
    incident: packToIncident(findBundledPack('lguplus-2023-01')!),
    granularity: 'daily',
    records,
    parameters: { margin: { v: { value: 0.4, confirmed: true }, c: { value: 0, confirmed: true } } },
    ruleInputs: {
      datesHit: { value: ['2023-01-29', '2023-02-04'], evidenceIds: [], note: '두 날 모두 손님이 접속하지 못했어요 / guests could not connect on both days' },
      monthlyFee: { value: 385_000, evidenceIds: [], note: '기업 인터넷 회선 월 요금 / monthly fee of the business internet lines' },
    },
  });
}

/** A Baemin restaurant with an Ultra Call (flat-fee ad) in the outage of 30 May 2025 (pack baemin-2025-05): hourly orders. */
function baeminUltraCall2025(): Claim {
  const r = rng(2025);
  const records: ActivityRecord[] = [];
  const fileSha = sha('example Baemin order history 2025-04..06');
  let row = 1;
  for (const d of dates('2025-04-01', '2025-06-02')) {
    const wd = weekdayOf(d);
    for (let h = 11; h <= 23; h++) {
      const peak = h >= 17 && h <= 20 ? 2 : 1;
      const level = (wd === 5 || wd === 6 ? 1.3 : 1) * peak * (0.8 + 0.4 * r());
      const outageHour = d === '2025-05-30' && h === 18;
      const app = Math.round(3 * level * (outageHour ? 0.4 : 1));
      const phone = Math.round(1 * level * (outageHour ? 1.5 : 1));
      if (app > 0) records.push({ bucket: hour(d, h), channel: 'baemin', count: app, revenue: app * 23_000 + Math.round(r() * 20) * 100, provenance: { kind: 'imported', fileSha256: fileSha, fileName: '배민_주문내역_2025-04_06.csv', row: row++ } });
      if (phone > 0) records.push({ bucket: hour(d, h), channel: 'phone', count: phone, revenue: phone * 21_000, provenance: { kind: 'imported', fileSha256: fileSha, fileName: '배민_주문내역_2025-04_06.csv', row: row++ } });
    }
  }
  return finish({
    format: 'outage-loss-desk/claim',
    formatVersion: 1,
    id: 'example-baemin-ultracall-2025',
    example: true,
    title: '예시: 배민 울트라콜 음식점, 2025-05-30 장애 / example: Baemin restaurant with Ultra Call, outage of 30 May 2025',
    createdAt: '2025-06-02T10:00+09:00',
    claimant: {
      kind: 'merchant',
      industry: 'restaurant',
      name: '한사장 (예시)',
      businessName: '예시 치킨 망원점',
      businessNumber: '220-81-62517',
      mobile: '010-3456-7890',
      region: { sido: '서울특별시', sigungu: '마포구' },
      servicesUsed: ['baemin-app'],
      salesChannels: [
        { id: 'baemin', label: '배달의민족 주문', isPlatform: true },
        { id: 'phone', label: '전화 주문', isPlatform: false },
      ],
    },
    incident: packToIncident(findBundledPack('baemin-2025-05')!),
    granularity: 'hourly',
    records,
    parameters: { margin: { v: { value: 0.35, confirmed: true }, c: { value: 0.068, confirmed: true } } },
    ruleInputs: {
      commissionRate: { value: 0.068, evidenceIds: [], note: '배민 정산 내역의 중개 수수료율 / commission rate on the settlement statement' },
      ultraCallMonthlyCost: { value: 264_000, evidenceIds: [], note: '울트라콜 깃발 3개 x 88,000원 / three Ultra Call flags at 88,000 KRW' },
    },
  });
}

// ---------------------------------------------------------------------------------------------------
// The evidence files, then the claims that list them.

/** The franchise driver's Kakao T trips on the outage day, one row per call, from the claim's own records. */
function tripsOn(claim: Claim, day: string): Trip[] {
  const r = rng(151015);
  const places = ['화곡동', '등촌동', '염창동', '가양동', '발산동', '마곡동', '방화동', '공항동', '목동', '당산동', '신정동', '영등포동', '합정동', '김포공항'];
  const place = () => places[Math.floor(r() * places.length)]!;
  const trips: Trip[] = [];
  for (const rec of claim.records.filter((x) => x.channel === 'kakao-t' && x.bucket.startsWith(day))) {
    const hourText = rec.bucket.slice(11, 13);
    const minutes = Array.from({ length: rec.count }, (_, i) => Math.floor(((i + r()) * 60) / rec.count));
    const fares = splitExactly(rec.revenue!, minutes.map(() => 0.8 + 0.4 * r()), 100);
    minutes.forEach((m, i) => {
      const from = place();
      let to = place();
      if (to === from) to = places[(places.indexOf(from) + 3) % places.length]!;
      trips.push({ time: `${hourText}:${String(m).padStart(2, '0')}`, from, to, fare: fares[i]! });
    });
  }
  return trips;
}

const screenFonts = {
  regular: new TrueTypeFont(fontBytes('400Regular/NotoSansKR_400Regular.ttf')),
  bold: new TrueTypeFont(fontBytes('700Bold/NotoSansKR_700Bold.ttf')),
};
const pdfFonts = { regular: fontBytes('400Regular/NotoSansKR_400Regular.ttf'), bold: fontBytes('700Bold/NotoSansKR_700Bold.ttf') };

const driverError = writeEvidence('카카오T대리_연결오류_2022-10-15.png', 'image/png', connectionErrorScreen(screenFonts, {
  clock: '20:07',
  appTitle: '카카오 T 대리 기사',
  heading: '연결 오류',
  lines: ['서버와 연결할 수 없어요.', '지금은 콜을 받을 수 없어요.', '잠시 후 다시 시도해 주세요.'],
  code: '2022.10.15 (토) 20:07 화면',
  behind: ['콜 대기 중 · 주변 콜 0건', '오늘 운행 0건 · 0원', '공지사항'],
}));
const driver = withEvidence(driver2022(), [
  evidenceItem(driverError, {
    id: 'ev-daeri-error-1015', label: '카카오 T 대리 기사 앱 연결 오류 화면 (서비스 이용 증빙)', provenance: 'at-the-time',
    addedAt: '2022-10-15T20:07+09:00', linkedIds: ['2022-10-15..2022-10-16|kakao-t'],
  }),
]);

const invoice = writeEvidence('톡채널_메시지_청구서_2022-10.pdf', 'application/pdf', await adMessageInvoicePdf(pdfFonts, {
  madeAt: new Date('2022-10-21T09:00:00+09:00'),
  issuedOn: '2022-10-21',
  period: '2022-10-01 ~ 2022-10-20 (10월 1차)',
  business: '예시 떡볶이 망원점',
  businessNumber: '123-45-67891',
  lines: [
    { date: '10-03', item: '친구톡 광고', count: 2_000, unitPrice: 15, note: '발송 완료' },
    { date: '10-15', item: '친구톡 광고', count: 3_000, unitPrice: 15, note: '16:00 예약 · 장애로 발송 안 됨 (도달 0건)' },
  ],
}));
const certificate = writeEvidence('소상공인확인서_예시.pdf', 'application/pdf', await smbCertificatePlaceholderPdf(pdfFonts, {
  madeAt: new Date('2022-10-24T09:00:00+09:00'),
  business: '예시 떡볶이 망원점',
  businessNumber: '123-45-67891',
  representative: '박사장 (예시)',
  validFrom: '2022-04-01',
  validTo: '2023-03-31',
}));
const merchant = withEvidence(merchantBestWeek(), [
  evidenceItem(invoice, { id: 'ev-ad-invoice', label: '톡채널 메시지 발송 청구서', provenance: 'at-the-time', linkedIds: ['undelivered-ads'] }),
  evidenceItem(certificate, { id: 'ev-smb-certificate', label: '소상공인 확인서 (예시 자리표시: 진짜 확인서가 아니에요)', provenance: 'at-the-time', linkedIds: [] }),
], { 'undelivered-ads': ['ev-ad-invoice'] });

const orderError = writeEvidence('카카오톡주문하기_연결오류_2022-10-15.png', 'image/png', connectionErrorScreen(screenFonts, {
  clock: '15:42',
  appTitle: '주문하기 사장님 · 주문 접수',
  heading: '연결 오류',
  lines: ['주문 목록을 불러올 수 없어요.', '새 주문을 받을 수 없어요.', '잠시 후 다시 시도해 주세요.'],
  code: '2022.10.15 (토) 15:42 화면',
  behind: ['접수 대기 중인 주문', '예약 주문', '매장 영업 상태'],
}));
const restaurant = withEvidence(restaurantHourly(), [
  evidenceItem(orderError, {
    id: 'ev-order-error-1015', label: '카카오톡 주문하기 사장님 화면 연결 오류 (서비스 이용 증빙)', provenance: 'at-the-time',
    addedAt: '2022-10-15T15:42+09:00', linkedIds: ['2022-10-15..2022-10-16|talk-channel-order', 'refund-orders'],
  }),
], { 'refund-orders': ['ev-order-error-1015'] });

const taxiWithoutEvidence = taxiFranchise();
const tripList = writeEvidence('카카오T_운행내역_2022-10-15.png', 'image/png', tripHistoryScreen(
  screenFonts, '2022-10-15', '토', tripsOn(taxiWithoutEvidence, '2022-10-15'), '15:20부터 서버에 연결되지 않아 호출을 못 받았어요',
));
const taxi = withEvidence(taxiWithoutEvidence, [
  evidenceItem(tripList, {
    id: 'ev-trips-1015', label: '10월 15일 운행 내역 캡처', provenance: 'at-the-time',
    addedAt: '2022-10-15T23:48+09:00', linkedIds: ['2022-10-15..2022-10-15|kakao-t'],
  }),
]);

write('driver-2022.claim.json', driver);
write('merchant-best-week.claim.json', merchant);
write('restaurant-hourly.claim.json', restaurant);
write('taxi-franchise.claim.json', taxi);
write('cafe-daily.claim.json', cafeDaily());
write('pc-cafe-lguplus-2023.claim.json', pcCafeLguplus2023());
write('baemin-ultracall-2025.claim.json', baeminUltraCall2025());
