/**
 * The records grid with two years of hourly records (gridPageDownMs, gridTypeMs): the wall-clock
 * figures the e2e test "two years of hourly records" used to assert, measured here instead, where a
 * busy machine moves a number rather than failing a landing. The e2e test keeps the behaviour (the
 * import goes through the worker, the grid is virtual, the typed cell is stored and survives a reload).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Figure } from './report';
import { ROOT } from './inputs';

export const GRID_CHANNELS = ['card', 'kakao-pay', 'talk-channel-order', 'cash', 'phone'] as const;

/** `days` of hourly rows for five channels from 2021-01-01, as an export would give them. */
export function hourlyCsv(days: number): { text: string; rows: number } {
  const lines = ['일자,시간,건수,매출액,채널'];
  const day0 = Date.UTC(2021, 0, 1);
  for (let d = 0; d < days; d++) {
    const date = new Date(day0 + d * 86_400_000).toISOString().slice(0, 10);
    for (let h = 0; h < 24; h++) for (const [i, c] of GRID_CHANNELS.entries()) lines.push(`${date},${h},${(d + h + i) % 7},${((d + h + i) % 7) * 12000},${c}`);
  }
  return { text: `${lines.join('\n')}\n`, rows: lines.length - 1 };
}

/** 20 PageDowns from the first row of a 1280x900 window land 300 days on (15 rows a page). */
const PAGE_DOWNS = 20;
const LANDING = '2021-10-28 00:00';

export async function gridFigures(page: Page, base: string, days: number): Promise<{ figures: Figure[]; importMs: number }> {
  if (days < 301) throw new Error(`the grid figures need at least 301 days, got ${days}`);
  await page.setViewportSize({ width: 1280, height: 900 });
  const claim = JSON.parse(readFileSync(join(ROOT, 'assets/examples/restaurant-hourly.claim.json'), 'utf8')) as { claimant: { salesChannels: unknown[] } } & Record<string, unknown>;
  delete claim.example;
  claim.claimant.salesChannels = [...claim.claimant.salesChannels, { id: 'phone', label: '전화 주문', isPlatform: false }];
  await page.goto(`${base}#/claimant`);
  await page.getByLabel('새 신고서 이름').fill('임시 신고서');
  await page.getByRole('button', { name: '신고서 만들기' }).click();
  await page.getByRole('heading', { level: 3, name: /임시 신고서/ }).waitFor();
  await page.goto(`${base}#/records`);
  await page.getByRole('heading', { name: '판매 채널을 먼저 정해 주세요' }).waitFor();
  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '신고서 파일 열기 (.claim.json)' }).click();
  await (await chooser).setFiles({ name: 'big.claim.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...claim, title: '2년 기록', records: [] })) });
  await page.getByRole('tablist', { name: '채널' }).waitFor();

  const csv = hourlyCsv(days);
  const slow = { timeout: 300_000 };
  await page.getByRole('link', { name: '파일 가져오기' }).click();
  const started = performance.now();
  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '파일 고르기' }).click();
  await (await chooser).setFiles({ name: 'two-years.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.text) });
  await page.getByRole('button', { name: '다음: 채널 맞추기' }).click(slow);
  await page.getByRole('button', { name: '다음: 문제 있는 행' }).click(slow);
  await page.getByRole('button', { name: '다음: 겹침 확인' }).click(slow);
  await page.getByRole('button', { name: `기록 ${csv.rows}건 저장하기` }).click(slow);
  await page.getByRole('heading', { name: '가져왔어요' }).waitFor(slow);
  const importMs = performance.now() - started;

  await page.getByRole('button', { name: '표에서 확인하기' }).click();
  await page.getByRole('textbox', { name: '시작' }).fill('2021-01-01');
  await page.getByRole('textbox', { name: '끝' }).fill(new Date(Date.UTC(2021, 0, 1) + (days - 1) * 86_400_000).toISOString().slice(0, 10));
  await page.getByRole('tab', { name: /전화 주문/ }).click();
  const grid = page.getByRole('grid', { name: /전화 주문 건수/ });
  await page.locator(`[role="grid"][aria-rowcount="${days + 1}"]`).waitFor(slow);
  await grid.getByRole('row').nth(1).getByRole('gridcell').nth(0).click();

  const t0 = performance.now();
  for (let i = 0; i < PAGE_DOWNS; i++) await page.keyboard.press('PageDown');
  await page.locator('.grid-status', { hasText: LANDING }).waitFor(slow);
  const moved = performance.now() - t0;
  const t1 = performance.now();
  await page.keyboard.type('77');
  await page.keyboard.press('Enter');
  await grid.locator('.grid-cell', { hasText: /^77$/ }).waitFor(slow);
  const typed = performance.now() - t1;
  return {
    importMs,
    figures: [
      {
        key: 'gridPageDownMs',
        label: `records grid, ${(days + 1).toLocaleString('en-US')} rows of one channel: ${PAGE_DOWNS} × PageDown until the status shows the landing row`,
        value: moved,
        unit: 'ms',
        note: `after importing ${csv.rows.toLocaleString('en-US')} rows through the app's import worker in ${(importMs / 1000).toFixed(1)} s`,
      },
      { key: 'gridTypeMs', label: 'records grid: type "77", Enter, until the cell shows 77', value: typed, unit: 'ms' },
    ],
  };
}
