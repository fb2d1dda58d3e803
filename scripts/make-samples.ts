/**
 * Writes the sample import files in assets/samples/ (committed; the demo and the tests read them).
 * Reproducible: a seeded generator and fixed workbook dates, so re-running gives the same bytes.
 *   npx tsx scripts/make-samples.ts
 *
 * The businesses are invented; their patterns follow domain.md: a restaurant whose Kakao Pay and
 * Talk Channel orders stopped on Sat 2022-10-15 from 15:00, and a designated driver (대리기사) doing
 * 3-5 calls a night at 10-20k KRW who got none on the night of 15 Oct.
 */
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { poisson, seededRandom } from '../src/core/random';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'samples');

// ---------------------------------------------------------------- deterministic helpers

const mulberry32 = seededRandom;


type Day = { y: number; m: number; d: number; weekday: number; iso: string; dotted: string };

function daysBetween(from: string, to: string): Day[] {
  const out: Day[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const dt = new Date(t);
    const y = dt.getUTCFullYear();
    const m = dt.getUTCMonth() + 1;
    const d = dt.getUTCDate();
    const p = (n: number) => String(n).padStart(2, '0');
    out.push({ y, m, d, weekday: dt.getUTCDay(), iso: `${y}-${p(m)}-${p(d)}`, dotted: `${y}.${p(m)}.${p(d)}` });
  }
  return out;
}

// Public holidays in the sample period (Chuseok 9-11 Sep + substitute 12 Sep, 개천절 3 Oct, 한글날 9 Oct + substitute 10 Oct).
const HOLIDAYS = new Set(['2022-09-09', '2022-09-10', '2022-09-11', '2022-09-12', '2022-10-03', '2022-10-09', '2022-10-10']);

const csvField = (v: string | number) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csvLine = (fields: (string | number)[]) => fields.map(csvField).join(',');
const won = (n: number) => n.toLocaleString('en-US');

// ---------------------------------------------------------------- the restaurant

const STORE = '똠얌꿍하우스 햏복점';
const OPEN_HOURS = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22];
// Orders per hour on an ordinary Thursday: lunch and dinner peaks.
const HOURLY_ORDERS = [4, 9, 8, 3, 2, 2, 3, 7, 9, 7, 4, 2];
// Sunday..Saturday
const WEEKDAY_FACTOR = [1.15, 0.85, 0.9, 0.95, 1.0, 1.2, 1.35];
const PAYMENT_SHARE: [string, number][] = [
  ['카드', 0.62],
  ['카카오페이', 0.23],
  ['현금', 0.15],
];
const CLOSED = new Set(['2022-09-10']); // 추석 당일

type PosRow = { day: Day; hour: number; method: string; count: number; revenue: number; memo: string };

/** Outage effect on the restaurant (domain.md section 1): Pay down from 15:00 Sat to Sun afternoon; Talk Channel orders lost for days. */
function outageFactor(iso: string, hour: number, method: string): number {
  const isPay = method === '카카오페이';
  if (iso === '2022-10-15' && hour >= 15) return isPay ? 0 : 0.55;
  if (iso === '2022-10-16') return isPay ? (hour < 15 ? 0 : 0.7) : 0.75;
  if (iso === '2022-10-17') return isPay ? 0.85 : 0.85;
  if (iso >= '2022-10-18' && iso <= '2022-10-21') return 0.92;
  return 1;
}

function restaurantRows(): PosRow[] {
  const rand = mulberry32(20221015);
  const rows: PosRow[] = [];
  for (const day of daysBetween('2022-09-01', '2022-10-31')) {
    if (CLOSED.has(day.iso)) continue;
    const dayFactor = WEEKDAY_FACTOR[day.weekday]! * (HOLIDAYS.has(day.iso) ? 0.7 : 1);
    OPEN_HOURS.forEach((hour, i) => {
      for (const [method, share] of PAYMENT_SHARE) {
        const mean = HOURLY_ORDERS[i]! * dayFactor * share * outageFactor(day.iso, hour, method);
        const count = poisson(rand, mean);
        if (count === 0) continue; // a POS lists only the hours that sold something
        let revenue = 0;
        for (let k = 0; k < count; k++) revenue += Math.round((14_000 + rand() * 22_000) / 500) * 500;
        let memo = '';
        if (day.iso === '2022-09-01' && hour === 11) memo = '신메뉴 뷁볶음밥 출시';
        if (day.iso === '2022-10-15' && hour >= 15) memo = '카카오 장애: 카카오페이·톡채널 주문 안 됨';
        rows.push({ day, hour, method, count, revenue, memo });
      }
    });
  }
  return rows;
}

function writePosCsv(rows: PosRow[]): void {
  const lines = [csvLine(['일자', '시간', '건수', '매출액', '결제수단', '매장명', '메모'])];
  for (const r of rows) {
    lines.push(csvLine([r.day.iso, `${String(r.hour).padStart(2, '0')}:00`, r.count, won(r.revenue), r.method, STORE, r.memo]));
  }
  // Korean POS back offices export CP949 with CRLF.
  writeFileSync(join(OUT, 'pos-hourly-2022-restaurant.csv'), iconv.encode(lines.join('\r\n') + '\r\n', 'cp949'));
}

// ---------------------------------------------------------------- the card-sales statement

async function writeCardXlsx(rows: PosRow[]): Promise<void> {
  const rand = mulberry32(1093);
  const cardByDay = new Map<string, { count: number; amount: number }>();
  for (const r of rows) {
    if (r.method !== '카드') continue;
    const t = cardByDay.get(r.day.iso) ?? { count: 0, amount: 0 };
    t.count += r.count;
    t.amount += r.revenue;
    cardByDay.set(r.day.iso, t);
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Outage Loss Desk sample generator';
  wb.created = new Date(Date.UTC(2022, 10, 1, 0, 0, 0));
  wb.modified = new Date(Date.UTC(2022, 10, 1, 0, 0, 0));
  const ws = wb.addWorksheet('일별 승인내역');
  ws.addRow(['가맹점 매출거래정보 통합조회 (일별 승인내역)']);
  ws.addRow([`가맹점명: ${STORE}   조회기간: 2022-09-01 ~ 2022-10-31`]);
  ws.addRow([]);
  ws.addRow(['승인일자', '요일', '승인건수', '승인금액', '취소건수', '취소금액', '순매출금액']);
  const weekdays = ['일', '월', '화', '수', '목', '금', '토'];
  const totals = [0, 0, 0, 0, 0];
  for (const day of daysBetween('2022-09-01', '2022-10-31')) {
    const net = cardByDay.get(day.iso) ?? { count: 0, amount: 0 };
    // A few cancellations: the approval and its cancellation both appear; net equals what the POS kept.
    const cancels = net.count > 0 && rand() < 0.3 ? 1 + Math.floor(rand() * 2) : 0;
    let cancelled = 0;
    for (let k = 0; k < cancels; k++) cancelled += Math.round((14_000 + rand() * 22_000) / 500) * 500;
    const approvals = net.count + cancels;
    const approved = net.amount + cancelled;
    // Dates as real date cells: a UTC midnight Date is the wall-clock day exceljs writes.
    const row = ws.addRow([new Date(Date.UTC(day.y, day.m - 1, day.d)), weekdays[day.weekday], approvals, approved, cancels, cancelled, approved - cancelled]);
    row.getCell(1).numFmt = 'yyyy-mm-dd';
    for (const c of [4, 6, 7]) row.getCell(c).numFmt = '#,##0';
    totals[0]! += approvals;
    totals[1]! += approved;
    totals[2]! += cancels;
    totals[3]! += cancelled;
    totals[4]! += approved - cancelled;
  }
  const total = ws.addRow(['합계', '', ...totals]);
  for (const c of [4, 6, 7]) total.getCell(c).numFmt = '#,##0';
  ws.columns.forEach((col) => (col.width = 14));

  const byCompany = wb.addWorksheet('카드사별');
  byCompany.addRow(['카드사', '승인건수', '승인금액']);
  const companies = ['신한카드', 'KB국민카드', '삼성카드', '현대카드', '롯데카드', '우리카드', '하나카드', 'BC카드', 'NH농협카드'];
  const weights = [0.21, 0.18, 0.15, 0.13, 0.08, 0.06, 0.07, 0.08, 0.04];
  companies.forEach((name, i) => byCompany.addRow([name, Math.round(totals[0]! * weights[i]!), Math.round((totals[1]! * weights[i]!) / 10) * 10]));

  const written = new Uint8Array(await wb.xlsx.writeBuffer());
  // exceljs stamps each zip entry with the current time: re-zip with a fixed time so the bytes repeat
  // (a zip stores local wall-clock time, hence the local-time constructor: same bytes in every zone).
  const entries = unzipSync(written);
  const fixed: Zippable = {};
  for (const name of Object.keys(entries).sort()) fixed[name] = [entries[name]!, { mtime: new Date(2022, 10, 1), level: 6 }];
  const zipped = zipSync(fixed);
  // Sanity: still a workbook exceljs writes.
  if (!strFromU8(unzipSync(zipped)['xl/workbook.xml']!).includes('일별 승인내역')) throw new Error('re-zipped workbook lost its sheet');
  writeFileSync(join(OUT, 'card-sales-daily-2022.xlsx'), zipped);
}

// ---------------------------------------------------------------- the designated driver

const PLACES = [
  '강남구 역삼동', '강남구 논현동', '서초구 서초동', '송파구 잠실동', '송파구 문정동', '마포구 합정동', '마포구 상암동',
  '영등포구 여의도동', '용산구 한남동', '성동구 성수동', '광진구 자양동', '분당구 정자동', '분당구 판교동', '수지구 죽전동',
  '강동구 천호동', '동작구 사당동', '관악구 봉천동', '노원구 상계동', '일산동구 장항동', '부천시 중동',
];

function writeTripCsv(): void {
  const rand = mulberry32(4260);
  const lines = [csvLine(['운행일시', '출발지', '도착지', '운임', '앱'])];
  // Calls per night by weekday of the evening (Sunday..Saturday): Friday and Saturday are busiest.
  const perNight = [3, 3.2, 3.2, 3.5, 4, 5, 5];
  for (const day of daysBetween('2022-09-01', '2022-10-31')) {
    if (day.weekday === 2) continue; // Tuesday is the driver's night off
    if (day.iso === '2022-10-15') continue; // the outage night: no calls at all
    if (day.iso === '2022-09-10') continue; // 추석 당일, at the family's
    const calls = Math.max(1, Math.min(7, poisson(rand, perNight[day.weekday]! * (HOLIDAYS.has(day.iso) ? 0.8 : 1))));
    // Minutes after 20:00 of the first call, then 50-80 min per call (drive plus getting back).
    let minute = Math.floor(rand() * 50);
    for (let k = 0; k < calls && minute < 6 * 60 + 30; k++) {
      const at = Date.UTC(day.y, day.m - 1, day.d, 20, minute);
      const dt = new Date(at);
      const p = (n: number) => String(n).padStart(2, '0');
      const stamp = `${dt.getUTCFullYear()}.${p(dt.getUTCMonth() + 1)}.${p(dt.getUTCDate())} ${p(dt.getUTCHours())}:${p(dt.getUTCMinutes())}`;
      const lateNight = dt.getUTCHours() < 6;
      const fare = Math.round((10_000 + rand() * 9_000 + (lateNight ? 3_000 : 0)) / 1000) * 1000;
      const from = PLACES[Math.floor(rand() * PLACES.length)]!;
      let to = PLACES[Math.floor(rand() * PLACES.length)]!;
      if (to === from) to = PLACES[(PLACES.indexOf(from) + 3) % PLACES.length]!;
      const app = rand() < 0.85 ? '카카오T' : '티맵대리';
      lines.push(csvLine([stamp, from, to, `${won(fare)}원`, app]));
      minute += 50 + Math.floor(rand() * 31);
    }
  }
  writeFileSync(join(OUT, 'kakao-t-trip-history-2022.csv'), '\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

// ---------------------------------------------------------------- the broken file

/** Each bad row breaks one rule; tests/core/io pins these row numbers (the header is row 1). */
function writeBrokenCsv(): void {
  const text = [
    '일자,시간,건수,매출액,채널',
    '2022-10-08,20,3,"45,000",카카오T', // 2: duplicate of row 9 -> both left out
    '2022-10-08,21,2,"30,000",카카오T', // 3: good
    '2022-13-01,20,1,15000,카카오T', // 4: no such month
    '2022-10-08,22,-1,15000,카카오T', // 5: negative count
    '2022-10-08,23,2,만오천원,카카오T', // 6: revenue not a number
    '2022-10-09,20,1,15000,카카오T,덤', // 7: one field too many
    '2022-10-09,25,1,15000,카카오T', // 8: no such hour
    '2022-10-08,20,1,"15,000",카카오T', // 9: same bucket and channel as row 2
    '2022-10-09,21,2,"28,000원",전화', // 10: good
  ].join('\n');
  writeFileSync(join(OUT, 'broken-rows.csv'), text + '\n', 'utf8');
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const rows = restaurantRows();
  writePosCsv(rows);
  await writeCardXlsx(rows);
  writeTripCsv();
  writeBrokenCsv();
  for (const f of ['pos-hourly-2022-restaurant.csv', 'card-sales-daily-2022.xlsx', 'kakao-t-trip-history-2022.csv', 'broken-rows.csv']) {
    console.log(`${f}: ${readFileSync(join(OUT, f)).length} bytes`);
  }
}

await main();
