/**
 * Generated trip-history screenshots with known contents, for the OCR tests and the accuracy bench (issue 19).
 * Three layouts drivers and merchants keep: a day's trip list (with the day's summary card), a month's
 * per-day summary, and a card-sales lookup table. Drawn at a phone's device-pixel ratio (1x to 4x) with Noto
 * Sans KR, then optionally degraded (rescaled, blurred, JPEG-compressed) the way shared screenshots are.
 * They imitate the kind of screen, not any real app's design.
 */
import jpeg from 'jpeg-js';
import { seededRandom } from '../../src/core/random';
import { Raster, encodePng, type Color, type TextStyle } from './raster';
import type { Fonts } from './screens';

export type GeneratedTrip = { time: string; from: string; to: string; fare: number };
export type DaySummaryRow = { date: string; count: number; amount: number };

export type TripListTruth = { layout: 'trip-list'; date: string; trips: GeneratedTrip[] };
export type MonthSummaryTruth = { layout: 'month-summary'; month: string; days: DaySummaryRow[] };
export type CardSalesTruth = { layout: 'card-sales'; days: DaySummaryRow[] };
export type ScreenTruth = TripListTruth | MonthSummaryTruth | CardSalesTruth;

export type Degrade = { scale?: number; blur?: boolean; jpegQuality?: number };
export type GeneratedScreen = { bytes: Uint8Array; mime: 'image/png' | 'image/jpeg'; width: number; height: number; truth: ScreenTruth };

const INK = '#191919';
const MUTED = '#767676';
const LINE = '#e6e6e6';
const YELLOW = '#fee500';
const WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'];

export const won = (n: number): string => `${n.toLocaleString('en-US')}원`;

function weekday(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
}

/** A canvas in CSS pixels (360 wide) drawn at `dpr` device pixels per CSS pixel. */
class Screen {
  readonly r: Raster;
  constructor(readonly fonts: Fonts, readonly dpr: number, cssHeight: number) {
    this.r = new Raster(Math.round(360 * dpr), Math.round(cssHeight * dpr), '#ffffff');
  }
  style(size: number, color: Color = INK, bold = false): TextStyle {
    return { font: bold ? this.fonts.bold : this.fonts.regular, size: size * this.dpr, color };
  }
  text(value: string, x: number, y: number, size: number, color: Color = INK, bold = false, align: 'left' | 'center' | 'right' = 'left'): void {
    this.r.text(value, x * this.dpr, y * this.dpr, this.style(size, color, bold), align);
  }
  rect(x: number, y: number, w: number, h: number, color: Color, radius = 0): void {
    this.r.rect(x * this.dpr, y * this.dpr, w * this.dpr, h * this.dpr, color, radius * this.dpr);
  }
  chrome(title: string, clock: string): void {
    this.rect(0, 0, 360, 28, '#f7f7f7');
    this.text(clock, 16, 19, 12, INK, true);
    this.rect(308, 9, 26, 12, INK, 3);
    this.rect(0, 28, 360, 48, YELLOW);
    this.text(`‹  ${title}`, 16, 58, 17, INK, true);
  }
}

/** A day's trip list: the date, the summary card (count and total), then one row per trip. */
export function tripListScreen(fonts: Fonts, dpr: number, date: string, trips: readonly GeneratedTrip[]): { raster: Raster; truth: TripListTruth } {
  const rowHeight = 46;
  const s = new Screen(fonts, dpr, 96 + 96 + trips.length * rowHeight + 24);
  s.chrome('운행 내역', '23:48');
  let y = 88;
  s.text(`${date.replaceAll('-', '.')} (${weekday(date)})`, 180, y + 21, 16, INK, true, 'center');
  y += 36;
  const total = trips.reduce((sum, t) => sum + t.fare, 0);
  s.rect(12, y, 336, 52, '#f7f7f7', 8);
  s.text('호출 운행', 28, y + 22, 12, MUTED);
  s.text(`${trips.length}건`, 28, y + 42, 15, INK, true);
  s.text('운행 요금 합계', 332, y + 22, 12, MUTED, false, 'right');
  s.text(won(total), 332, y + 42, 15, INK, true, 'right');
  y += 60;
  for (const trip of trips) {
    s.text(trip.time, 20, y + 21, 14, INK, true);
    s.text(`${trip.from} → ${trip.to}`, 72, y + 20, 12.5);
    s.text('호출 · 자동 결제', 72, y + 39, 11, MUTED);
    s.text(won(trip.fare), 340, y + 28, 14, INK, true, 'right');
    s.rect(16, y + rowHeight - 1, 328, 1, LINE);
    y += rowHeight;
  }
  return { raster: s.r, truth: { layout: 'trip-list', date, trips: [...trips] } };
}

/** A month's history: one row per day with the day's trip count and fares. */
export function monthSummaryScreen(fonts: Fonts, dpr: number, month: string, days: readonly DaySummaryRow[]): { raster: Raster; truth: MonthSummaryTruth } {
  const rowHeight = 44;
  const s = new Screen(fonts, dpr, 96 + 90 + days.length * rowHeight + 24);
  s.chrome('월별 운행 내역', '21:05');
  let y = 88;
  const [yy, mm] = month.split('-');
  s.text(`${yy}년 ${Number(mm)}월`, 180, y + 21, 16, INK, true, 'center');
  y += 36;
  const total = days.reduce((sum, d) => sum + d.amount, 0);
  const count = days.reduce((sum, d) => sum + d.count, 0);
  s.rect(12, y, 336, 46, '#f7f7f7', 8);
  s.text(`운행 ${count}건`, 28, y + 29, 14, INK, true);
  s.text(won(total), 332, y + 29, 15, INK, true, 'right');
  y += 56;
  for (const day of days) {
    const [, m, d] = day.date.split('-');
    s.text(`${m}.${d} (${weekday(day.date)})`, 20, y + 27, 14, INK, true);
    s.text(`${day.count}건`, 190, y + 27, 14, MUTED, false, 'right');
    s.text(won(day.amount), 340, y + 27, 14, INK, true, 'right');
    s.rect(16, y + rowHeight - 1, 328, 1, LINE);
    y += rowHeight;
  }
  return { raster: s.r, truth: { layout: 'month-summary', month, days: [...days] } };
}

/** A card-sales lookup table (approvals per day): date, count, amount, as the lookup site lists them. */
export function cardSalesScreen(fonts: Fonts, dpr: number, days: readonly DaySummaryRow[]): { raster: Raster; truth: CardSalesTruth } {
  const rowHeight = 36;
  const s = new Screen(fonts, dpr, 96 + 44 + days.length * rowHeight + 24);
  s.chrome('매출거래 조회', '10:12');
  let y = 90;
  s.rect(12, y, 336, 34, '#eef1f5');
  s.text('승인일자', 24, y + 22, 13, INK, true);
  s.text('건수', 200, y + 22, 13, INK, true, 'right');
  s.text('승인금액', 336, y + 22, 13, INK, true, 'right');
  y += 38;
  for (const day of days) {
    s.text(day.date, 24, y + 24, 13.5);
    s.text(String(day.count), 200, y + 24, 13.5, INK, false, 'right');
    s.text(day.amount.toLocaleString('en-US'), 336, y + 24, 13.5, INK, false, 'right');
    s.rect(12, y + rowHeight - 1, 336, 1, LINE);
    y += rowHeight;
  }
  return { raster: s.r, truth: { layout: 'card-sales', days: [...days] } };
}

/** Bilinear resize of an RGB raster. */
function resize(pixels: Uint8Array, w: number, h: number, nw: number, nh: number): Uint8Array {
  const out = new Uint8Array(nw * nh * 3);
  for (let y = 0; y < nh; y++) {
    const sy = Math.min(h - 1, ((y + 0.5) * h) / nh - 0.5);
    const y0 = Math.max(0, Math.floor(sy));
    const y1 = Math.min(h - 1, y0 + 1);
    const fy = Math.max(0, sy - y0);
    for (let x = 0; x < nw; x++) {
      const sx = Math.min(w - 1, ((x + 0.5) * w) / nw - 0.5);
      const x0 = Math.max(0, Math.floor(sx));
      const x1 = Math.min(w - 1, x0 + 1);
      const fx = Math.max(0, sx - x0);
      for (let c = 0; c < 3; c++) {
        const a = pixels[3 * (y0 * w + x0) + c]! * (1 - fx) + pixels[3 * (y0 * w + x1) + c]! * fx;
        const b = pixels[3 * (y1 * w + x0) + c]! * (1 - fx) + pixels[3 * (y1 * w + x1) + c]! * fx;
        out[3 * (y * nw + x) + c] = Math.round(a * (1 - fy) + b * fy);
      }
    }
  }
  return out;
}

/** A light 3x3 blur (centre weighted), the softness of a re-shared screenshot. */
function blur(pixels: Uint8Array, w: number, h: number): Uint8Array {
  const out = new Uint8Array(pixels.length);
  const k = [1, 2, 1, 2, 8, 2, 1, 2, 1];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        let weight = 0;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const yy = y + dy;
            const xx = x + dx;
            if (yy < 0 || yy >= h || xx < 0 || xx >= w) continue;
            const kk = k[(dy + 1) * 3 + dx + 1]!;
            sum += pixels[3 * (yy * w + xx) + c]! * kk;
            weight += kk;
          }
        }
        out[3 * (y * w + x) + c] = Math.round(sum / weight);
      }
    }
  }
  return out;
}

/** Encodes a drawn screen as PNG or JPEG after the given degradations. */
export function encodeScreen(raster: Raster, truth: ScreenTruth, degrade: Degrade = {}): GeneratedScreen {
  let { width, height } = raster;
  let pixels = raster.pixels;
  if (degrade.scale && degrade.scale !== 1) {
    const nw = Math.round(width * degrade.scale);
    const nh = Math.round(height * degrade.scale);
    pixels = resize(pixels, width, height, nw, nh);
    width = nw;
    height = nh;
  }
  if (degrade.blur) pixels = blur(pixels, width, height);
  if (degrade.jpegQuality === undefined) return { bytes: encodePng(width, height, pixels), mime: 'image/png', width, height, truth };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba[4 * i] = pixels[3 * i]!;
    rgba[4 * i + 1] = pixels[3 * i + 1]!;
    rgba[4 * i + 2] = pixels[3 * i + 2]!;
    rgba[4 * i + 3] = 255;
  }
  const encoded = jpeg.encode({ data: rgba, width, height }, degrade.jpegQuality);
  return { bytes: new Uint8Array(encoded.data), mime: 'image/jpeg', width, height, truth };
}

// ---------------------------------------------------------------------------------------------------
// Realistic contents from a seed: a driver's shift, with fares near the Seoul tariff of 2022.

const PLACES = ['마곡동', '공항동', '영등포동', '목동', '발산동', '등촌동', '신정동', '김포공항', '화곡동', '합정동', '여의도동', '당산동', '상암동', '망원동', '신림동', '구로동'];

/** The project's one seeded PRNG (mulberry32), so each seed draws the same screen on every machine. */
export const prng = seededRandom;

const pad = (n: number) => String(n).padStart(2, '0');

/** `count` trips of one shift starting at `startHour`, in time order; a night shift runs past midnight. */
export function randomTrips(random: () => number, count: number, startHour: number): GeneratedTrip[] {
  const trips: GeneratedTrip[] = [];
  let minute = startHour * 60 + Math.floor(random() * 30);
  for (let i = 0; i < count; i++) {
    const from = PLACES[Math.floor(random() * PLACES.length)]!;
    let to = PLACES[Math.floor(random() * PLACES.length)]!;
    if (to === from) to = PLACES[(PLACES.indexOf(from) + 3) % PLACES.length]!;
    const fare = Math.round((4800 + random() * 26000) / 10) * 10;
    const m = minute % (24 * 60);
    trips.push({ time: `${pad(Math.floor(m / 60))}:${pad(m % 60)}`, from, to, fare });
    minute += 14 + Math.floor(random() * 32);
  }
  return trips;
}

export function randomDays(random: () => number, firstDate: string, count: number, maxCount = 40): DaySummaryRow[] {
  const [y, m, d] = firstDate.split('-').map(Number) as [number, number, number];
  const days: DaySummaryRow[] = [];
  for (let i = 0; i < count; i++) {
    const t = new Date(Date.UTC(y, m - 1, d + i));
    const n = 1 + Math.floor(random() * maxCount);
    days.push({ date: `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`, count: n, amount: Math.round((n * (9000 + random() * 9000)) / 10) * 10 });
  }
  return days;
}
