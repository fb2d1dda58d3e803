import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { claimSchema, type Claim, type ClaimInput } from '../../../src/core/model/claim';
import { incidentFromPreset } from '../../../src/core/incidents/index';
import type { ActivityRecord } from '../../../src/core/model/record';

/**
 * Claims built through the claim schema, for the cases the packet must print exactly: the loss model's
 * worked example (a designated driver, section 7) and the best-week merchant.
 */

const require = createRequire(import.meta.url);

export function packetFonts() {
  return {
    regular: new Uint8Array(readFileSync(require.resolve('@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf'))),
    bold: new Uint8Array(readFileSync(require.resolve('@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf'))),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const hour = (date: string, h: number) => `${date}T${pad(h)}:00+09:00`;

/** Loss model section 7: E 325,000; A 44,000; LP 210,750; range 182,718-238,782; total 224,490. */
export function workedExampleDriverClaim(): Claim {
  const incident = incidentFromPreset('kakao-2022-10')!;
  const daeri = incident.services.find((s) => s.id === 'kakao-t-daeri')!;
  daeri.userWindow = { start: '2022-10-15T20:00+09:00', end: '2022-10-16T02:00+09:00', note: '그날 밤 일한 시간' };
  const records: ActivityRecord[] = [];
  const add = (bucket: string, channel: string, count: number, revenue: number) =>
    records.push({ bucket, channel, count, revenue, provenance: { kind: 'reconstructed', note: '운행 내역 화면에서 옮김' } });
  const saturdays = ['2022-10-08', '2022-10-01', '2022-09-24', '2022-09-17'];
  const sundays = ['2022-10-02', '2022-09-25', '2022-09-18', '2022-09-04'];
  const weeks = [[3, 3, 3, 2, 2, 1], [2, 2, 3, 3, 2, 1], [3, 3, 2, 2, 1, 1], [2, 3, 3, 2, 2, 1]];
  weeks.forEach((calls, k) => {
    [20, 21, 22, 23].forEach((h, i) => add(hour(saturdays[k]!, h), 'kakao-t', calls[i]!, calls[i]! * 25_000));
    [0, 1].forEach((h, i) => add(hour(sundays[k]!, h), 'kakao-t', calls[4 + i]!, calls[4 + i]! * 25_000));
  });
  // Holidays (Hangul Day 10-09, Chuseok 09-11) carry records too: they must be skipped for being holidays.
  add(hour('2022-10-09', 0), 'kakao-t', 4, 100_000);
  add(hour('2022-09-11', 0), 'kakao-t', 4, 100_000);
  for (const h of [20, 21, 22, 23]) add(hour('2022-10-15', h), 'kakao-t', 0, 0);
  for (const h of [0, 1]) add(hour('2022-10-16', h), 'kakao-t', 0, 0);
  add(hour('2022-10-15', 20), 'other-app', 1, 22_000);
  add(hour('2022-10-15', 22), 'other-app', 1, 22_000);
  const input: ClaimInput = {
    format: 'outage-loss-desk/claim',
    formatVersion: 1,
    id: 'driver-2022-test',
    title: '대리기사 2022-10-15 밤 (계산 예시)',
    claimant: {
      kind: 'designated-driver',
      name: '김대리',
      mobile: '010-1234-5678',
      email: 'driver@example.com',
      servicesUsed: ['kakao-t-daeri'],
      salesChannels: [
        { id: 'kakao-t', label: '카카오 T 대리', isPlatform: true },
        { id: 'other-app', label: '다른 대리 앱', isPlatform: false },
      ],
    },
    incident,
    granularity: 'hourly',
    records,
    parameters: { margin: { v: { value: 0.05, confirmed: true }, c: { value: 0.2, confirmed: false } } },
    indirectItems: [{ kind: 'claim-prep', id: 'prep', hours: 1.5, justification: '장애로 생긴 손실을 청구하려면 기록을 모으는 시간이 반드시 들어요.' }],
  };
  return claimSchema.parse(input);
}

/** Loss model section 7, merchant: weekly sales from Sat 3 Sep; best 4,610,000; loss 710,000; review. */
export function bestWeekMerchantClaim(): Claim {
  const incident = incidentFromPreset('kakao-2022-10')!;
  const weekly = [4_200_000, 3_100_000, 4_550_000, 4_400_000, 4_480_000, 4_610_000, 3_900_000, 4_350_000];
  const records: ActivityRecord[] = [];
  const start = Date.UTC(2022, 8, 3);
  weekly.forEach((total, w) => {
    // Spread each week over seven days in whole won, the last day taking the remainder.
    const perDay = Math.floor(total / 7);
    for (let d = 0; d < 7; d++) {
      const date = new Date(start + (w * 7 + d) * 86_400_000).toISOString().slice(0, 10);
      const revenue = d === 6 ? total - perDay * 6 : perDay;
      records.push({ bucket: date, channel: 'card', count: Math.round(revenue / 15_000), revenue, provenance: { kind: 'imported', fileSha256: 'a'.repeat(64), fileName: '카드매출.xlsx', row: w * 7 + d + 1 } });
    }
  });
  return claimSchema.parse({
    format: 'outage-loss-desk/claim',
    formatVersion: 1,
    id: 'merchant-best-week-test',
    title: '분식집 최고 주간 비교',
    claimant: {
      kind: 'merchant',
      industry: 'restaurant',
      businessName: '=떡볶이 가게',
      businessNumber: '123-45-67891',
      name: '박사장',
      mobile: '010-2222-3333',
      email: 'shop@example.com',
      region: { sido: '서울특별시', sigungu: '마포구' },
      servicesUsed: ['talk-channel', 'kakao-pay'],
      salesChannels: [{ id: 'card', label: '카드 매출', isPlatform: false }],
    },
    incident,
    granularity: 'daily',
    records,
    directItems: [{ id: 'refund-1', category: 'refund', description: '선물하기 상품권 환불', amount: 45_000 }],
  } satisfies ClaimInput);
}
