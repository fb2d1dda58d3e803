/**
 * Example "screenshots" for the example claims: phone screens drawn from simple shapes and Noto Sans KR text.
 * Each is stamped 예시 (example) at the top and bottom: they imitate the kind of screen a person would keep,
 * not any real app's design, and must never pass for a real capture.
 */
import { Raster, type Color, type TextStyle } from './raster';
import type { TrueTypeFont } from './ttf';

export type Fonts = { regular: TrueTypeFont; bold: TrueTypeFont };

const WIDTH = 360;
const INK = '#191919';
const MUTED = '#767676';
const LINE = '#e6e6e6';
const YELLOW = '#fee500';
const RED = '#d93025';

const won = (n: number) => `${n.toLocaleString('en-US')}원`;

function phone(height: number, fonts: Fonts, clock: string, appTitle: string): { r: Raster; style: (size: number, color?: Color, bold?: boolean) => TextStyle } {
  const r = new Raster(WIDTH, height, '#ffffff');
  const style = (size: number, color: Color = INK, bold = false): TextStyle => ({ font: bold ? fonts.bold : fonts.regular, size, color });
  // Status bar: clock, a weak signal and the battery.
  r.rect(0, 0, WIDTH, 28, '#f7f7f7');
  r.text(clock, 16, 19, style(12, INK, true));
  for (let i = 0; i < 4; i++) r.rect(282 + 5 * i, 16 - 3 * i, 3, 4 + 3 * i, i < 1 ? INK : '#c4c4c4', 1);
  r.strokeRect(308, 9, 26, 12, INK, 3, 1);
  r.rect(310, 11, 15, 8, INK, 2);
  r.rect(335, 13, 2, 4, INK, 1);
  // App bar.
  r.rect(0, 28, WIDTH, 48, YELLOW);
  r.fill([[{ x: 22, y: 44 }, { x: 14, y: 52 }, { x: 22, y: 60 }, { x: 24, y: 58 }, { x: 18, y: 52 }, { x: 24, y: 46 }]], INK);
  r.text(appTitle, 38, 58, style(17, INK, true));
  exampleBadge(r, style, 82);
  return { r, style };
}

/** A red "예시 (example)" stamp under the app bar; the same words close every screen. */
function exampleBadge(r: Raster, style: (size: number, color?: Color, bold?: boolean) => TextStyle, y: number): void {
  r.rect(12, y, WIDTH - 24, 26, '#fdecea', 6);
  r.strokeRect(12, y, WIDTH - 24, 26, RED, 6, 1);
  r.text('예시 (example) · 실제 화면 캡처가 아니에요', WIDTH / 2, y + 18, style(12, RED, true), 'center');
}

function footer(r: Raster, style: (size: number, color?: Color, bold?: boolean) => TextStyle): void {
  const y = r.height - 30;
  r.rect(0, y, WIDTH, 30, '#f2f2f2');
  r.text('장애 손실 계산기 예시 증빙 · example evidence, not a real app', WIDTH / 2, y + 19, style(10.5, MUTED), 'center');
}

export type Trip = { time: string; from: string; to: string; fare: number };

/** A driver app's trip list for one day: the trips before the outage, then the app's connection error. */
export function tripHistoryScreen(fonts: Fonts, day: string, weekday: string, trips: readonly Trip[], outageNote: string): Uint8Array {
  const rowHeight = 46;
  const height = 112 + 96 + trips.length * rowHeight + 92 + 30;
  const { r, style } = phone(height, fonts, '23:48', '운행 내역');
  let y = 118;
  // Day picker.
  r.text('‹', 24, y + 22, style(20, MUTED));
  r.text(`${day.replaceAll('-', '.')} (${weekday})`, WIDTH / 2, y + 21, style(16, INK, true), 'center');
  r.text('›', WIDTH - 24, y + 22, style(20, '#c4c4c4'), 'right');
  y += 36;
  // Day summary.
  const total = trips.reduce((s, t) => s + t.fare, 0);
  r.rect(12, y, WIDTH - 24, 52, '#f7f7f7', 8);
  r.text('호출 운행', 28, y + 22, style(12, MUTED));
  r.text(`${trips.length}건`, 28, y + 42, style(15, INK, true));
  r.text('운행 요금 합계', WIDTH - 28, y + 22, style(12, MUTED), 'right');
  r.text(won(total), WIDTH - 28, y + 42, style(15, INK, true), 'right');
  y += 60;
  for (const trip of trips) {
    r.text(trip.time, 20, y + 21, style(14, INK, true));
    r.text(`${trip.from} → ${trip.to}`, 72, y + 20, style(12.5, INK));
    r.text('호출 · 자동 결제', 72, y + 39, style(11, MUTED));
    r.text(won(trip.fare), WIDTH - 20, y + 28, style(14, INK, true), 'right');
    r.rect(16, y + rowHeight - 1, WIDTH - 32, 1, LINE);
    y += rowHeight;
  }
  // After the last trip the app could not reach the server.
  y += 8;
  r.rect(12, y, WIDTH - 24, 72, '#fff4f3', 8);
  r.circle(38, y + 26, 11, RED);
  r.text('!', 38, y + 31.5, style(15, '#ffffff', true), 'center');
  r.text('운행 내역을 더 불러오지 못했어요', 58, y + 31, style(13.5, INK, true));
  r.text(outageNote, 58, y + 53, style(11.5, MUTED));
  footer(r, style);
  return r.png();
}

/** A full-screen connection error, as an app shows it when its server is gone. */
export function connectionErrorScreen(
  fonts: Fonts,
  options: { clock: string; appTitle: string; heading: string; lines: string[]; code: string; behind: string[] },
): Uint8Array {
  const height = 640;
  const { r, style } = phone(height, fonts, options.clock, options.appTitle);
  // The app's list, greyed out behind the error card.
  let y = 122;
  for (const line of options.behind) {
    r.rect(16, y, WIDTH - 32, 56, '#f4f4f4', 8);
    r.text(line, 30, y + 33, style(13, '#b0b0b0'));
    y += 66;
  }
  // Dim the screen and put the error card on it.
  r.fill([[{ x: 0, y: 112 }, { x: WIDTH, y: 112 }, { x: WIDTH, y: height - 30 }, { x: 0, y: height - 30 }]], '#000000', 0.35);
  const cardTop = 190;
  const cardHeight = 272;
  r.rect(28, cardTop, WIDTH - 56, cardHeight, '#ffffff', 14);
  r.ring(WIDTH / 2, cardTop + 50, 24, 3.5, RED);
  r.rect(WIDTH / 2 - 2, cardTop + 36, 4, 18, RED, 2);
  r.circle(WIDTH / 2, cardTop + 62, 2.6, RED);
  r.text(options.heading, WIDTH / 2, cardTop + 104, style(18, INK, true), 'center');
  options.lines.forEach((line, i) => r.text(line, WIDTH / 2, cardTop + 132 + 20 * i, style(13, '#444444'), 'center'));
  r.text(options.code, WIDTH / 2, cardTop + 140 + 20 * options.lines.length, style(11, MUTED), 'center');
  const button = '다시 시도';
  r.rect(48, cardTop + cardHeight - 54, WIDTH - 96, 40, YELLOW, 8);
  r.text(button, WIDTH / 2, cardTop + cardHeight - 28, style(14, INK, true), 'center');
  footer(r, style);
  return r.png();
}
