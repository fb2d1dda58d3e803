import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { TrueTypeFont } from '../../scripts/example-evidence/ttf';
import { encodeScreen, tripListScreen, type GeneratedTrip } from '../../scripts/example-evidence/trip-history';
import { createClaimInUi, openApp, watchCspViolations } from './fixtures';

const font = (w: string) => new TrueTypeFont(new Uint8Array(readFileSync(join('node_modules/@expo-google-fonts/noto-sans-kr', w, `NotoSansKR_${w}.ttf`))));

/**
 * Issue 19 in the app: a driver's trip-history screenshots read by OCR in the browser (tesseract.js from the
 * app's own files, no network), reviewed beside their picture strips, confirmed with the keyboard, saved as
 * reconstructed records with the screenshots in the evidence vault.
 */
test('trip-history screenshots become confirmed records without typing a number', async ({ page, context }) => {
  // Nothing may come from outside the app's origin: the OCR worker, core and models are the app's files.
  const outside: string[] = [];
  context.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1') && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) outside.push(r.url());
  });
  // The OCR worker and its WebAssembly run under the Electron shell's CSP (sent by the preview server).
  const cspViolations = await watchCspViolations(page);
  const fonts = { regular: font('400Regular'), bold: font('700Bold') };
  const night: GeneratedTrip[] = [
    { time: '21:40', from: '마곡동', to: '공항동', fare: 17100 },
    { time: '22:35', from: '목동', to: '영등포동', fare: 16800 },
    { time: '23:50', from: '발산동', to: '공항동', fare: 9160 },
    { time: '00:25', from: '등촌동', to: '신정동', fare: 12900 },
  ];
  const a = tripListScreen(fonts, 2, '2022-10-08', night);
  const b = tripListScreen(fonts, 3, '2022-10-15', night.slice(0, 2));
  const files = [
    { name: '운행내역_1008.png', mimeType: 'image/png', buffer: Buffer.from(encodeScreen(a.raster, a.truth).bytes) },
    { name: '운행내역_1015.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(encodeScreen(b.raster, b.truth, { jpegQuality: 70, scale: 0.9 }).bytes) },
    { name: '문서.png', mimeType: 'image/png', buffer: Buffer.from('%PDF-1.7\n') },
  ];

  await page.setViewportSize({ width: 1280, height: 900 });
  const claim = JSON.parse(readFileSync('assets/examples/taxi-franchise.claim.json', 'utf8')) as Record<string, unknown>;
  delete claim.example;
  await openApp(page, '#/claimant');
  await createClaimInUi(page, '임시 신고서');
  await page.goto('/#/records');
  const opening = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '신고서 파일 열기 (.claim.json)' }).click();
  await (await opening).setFiles({ name: 'taxi.claim.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...claim, title: '택시 캡처 읽기', records: [], evidence: [] })) });
  await expect(page.getByRole('link', { name: '캡처 읽기' })).toBeVisible();

  await page.getByRole('link', { name: '캡처 읽기' }).click();
  await page.getByTestId('screenshot-files-input').setInputFiles(files);
  const table = page.locator('table.shot-table');
  await expect(table).toBeVisible({ timeout: 80_000 });

  // The PDF renamed .png is refused with a clear message; the two screenshots are read.
  await expect(page.getByRole('alert')).toContainText('문서.png: 이름은 그림 파일이지만 내용은 PDF예요');
  await expect(table.getByText('운행내역_1008.png · 일별 운행 목록')).toBeVisible();
  await expect(table.getByText(/운행 4건, 합계 55,960원이 화면의 합계와 같아요/)).toBeVisible();
  await expect(table.getByText(/운행 2건, 합계 33,900원이 화면의 합계와 같아요/)).toBeVisible();
  // After midnight: the next calendar date.
  await expect(table.getByRole('textbox', { name: '운행내역_1008.png 4 날짜' })).toHaveValue('2022-10-09');
  await expect(table.getByRole('textbox', { name: '운행내역_1008.png 4 시각' })).toHaveValue('00:25');
  await expect(table.getByRole('textbox', { name: '운행내역_1015.jpg 2 금액(원)' })).toHaveValue('16800');
  // Every value beside its strip of the picture.
  await expect(table.getByRole('img', { name: '운행내역_1008.png 1' }).locator('img')).toHaveJSProperty('complete', true);

  // Keyboard first: Enter confirms any value still to check, then save.
  for (let i = 0; i < 20 && (await table.locator('input[data-flagged="true"]').count()) > 0; i++) {
    await table.locator('input[data-flagged="true"]').first().focus();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByText('모든 값을 확인했어요.')).toBeVisible();
  await page.getByRole('button', { name: /기록 \d+개 저장하기/ }).click();
  await expect(page.getByText(/화면 캡처 2장에서 기록 \d+개를 저장했어요/)).toBeVisible();

  // The records are there: 6 trips, 89,860 won, on the Kakao T channel.
  const summary = page.locator('table.table').filter({ hasText: '카카오 T 호출' });
  await expect(summary.getByRole('row', { name: /카카오 T 호출/ })).toContainText('89,860');
  // The screenshots are in the evidence vault.
  await page.goto('/#/evidence');
  await expect(page.getByText('운행내역_1008.png').first()).toBeVisible();
  await expect(page.getByText('운행내역_1015.jpg').first()).toBeVisible();
  expect(outside).toEqual([]);
  expect(await cspViolations()).toEqual([]);
});
