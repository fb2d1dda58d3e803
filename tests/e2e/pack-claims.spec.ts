import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { closeNotices, openApp, SLOW_STEP, SLOW_TEST } from './fixtures';

/**
 * Issue 14, item 7: two outages other than Kakao's, from the bundled example claims to a verified packet in
 * Chromium. The claimant declares the rule's inputs on the estimate screen; the packet shows the company's
 * figure beside the app's estimate, with the gap in words, and no Kakao channel anywhere on the way.
 */

const shots = 'tests/e2e/screenshots';
const out = 'test-results/pack-claims';

async function openExample(page: Page, title: RegExp): Promise<void> {
  await openApp(page);
  if ((await page.locator('li.claim-item').count()) === 0) {
    await page.getByRole('button', { name: '예시로 둘러보기' }).click();
    await expect(page.getByRole('status').first()).toContainText('예시 신고서', { timeout: SLOW_STEP });
  }
  const item = page.locator('li.claim-item', { has: page.getByRole('heading', { level: 3, name: title }) });
  await item.getByRole('button', { name: '이 신고서로 작업하기' }).click();
  await expect(page.locator('.current-claim')).toContainText(title);
}

async function goTo(page: Page, nav: RegExp, heading: string): Promise<void> {
  await page.locator('nav.sidenav').getByRole('link', { name: nav }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/** Builds the packet on the export page (the channel already chosen) and saves the downloaded zip. */
async function downloadPacket(page: Page, name: string): Promise<string> {
  const downloading = page.waitForEvent('download', { timeout: SLOW_STEP });
  await page.getByRole('button', { name: '증빙 묶음 만들기' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/-damage365\.zip$/);
  const path = join(out, `${name}.zip`);
  await download.saveAs(path);
  return path;
}

/** The zip as a recipient checks it: the CLI's verify, then the report's text (pdftotext) and its pages as PNGs. */
function verifiedReport(zip: string, name: string): string {
  const verify = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'verify', zip], { encoding: 'utf8' });
  expect(verify.stdout + verify.stderr).toContain('OK');
  expect(verify.status).toBe(0);
  const pdf = join(out, `${name}-report.pdf`);
  execFileSync('sh', ['-c', `unzip -p "${zip}" report.pdf > "${pdf}"`]);
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(shots, `pack-${name}`)]);
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** The export page offers the claim's own channels only: no Kakao form, the 365 Center first. */
async function exportPageWithoutKakao(page: Page): Promise<void> {
  await goTo(page, /내보내기/, '내보내기');
  const chooser = page.getByRole('group', { name: '어디에 신고하나요' });
  await expect(chooser.getByRole('radio')).toHaveCount(3);
  await expect(chooser).not.toContainText('카카오');
  await expect(chooser.getByRole('radio', { name: /온라인피해365센터/ })).toBeChecked();
}

test.beforeAll(() => {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  mkdirSync(shots, { recursive: true });
});

test('a PC cafe in the LG U+ outages of 2023: the days hit declared, 710,000 KRW beside the estimate, a verified packet', async ({ page }) => {
  test.setTimeout(SLOW_TEST);
  await page.setViewportSize({ width: 1280, height: 900 });
  await openExample(page, /PC방/);

  await goTo(page, /추정/, '추정');
  const gap = page.getByTestId('rule-gap-lguplus-2023-pc-cafe');
  await expect(gap).toContainText('회사 기준 보상액은 710,000원');
  // Only the 29th hit: 323,000; both days again: 710,000 (the pack's published figures).
  const days = page.getByRole('form', { name: '장애를 겪은 날' });
  await days.getByRole('checkbox', { name: '2023-02-04' }).uncheck();
  await days.getByRole('button', { name: '이 값 저장' }).click();
  await expect(gap).toContainText('회사 기준 보상액은 323,000원');
  await days.getByRole('checkbox', { name: '2023-02-04' }).check();
  await days.getByRole('button', { name: '이 값 저장' }).click();
  await expect(gap).toContainText('회사 기준 보상액은 710,000원, 우리가 계산한 손실은');
  await expect(page.locator('.checklist')).not.toContainText('운행 내역');
  await closeNotices(page);
  await page.evaluate(() => document.fonts.ready);
  await page.locator('section', { has: page.getByRole('heading', { level: 2, name: '보상 창구의 기준' }) }).screenshot({ path: `${shots}/pack-pc-cafe-rules.png` });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.getByTestId('rule-gap-lguplus-2023-pc-cafe').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/pack-pc-cafe-rules-phone.png` });
  await page.setViewportSize({ width: 1280, height: 900 });

  await exportPageWithoutKakao(page);
  const text = verifiedReport(await downloadPacket(page, 'pc-cafe'), 'pc-cafe');
  expect(text).toContain('회사 보상 기준과 이 계산의 비교');
  expect(text).toContain('LG유플러스 PC방 보상 (날짜별 정액): 710,000원');
  expect(text).toContain('장애를 겪은 날 (신청인이 적은 값): 2023-01-29(일), 2023-02-04(토)');
  expect(text).toMatch(/회사 기준 보상액은 710,000원, 이 보고서가 계산한 손실은 [\d,]+원으로/);
  expect(text).not.toContain('카카오');
});

test('a Baemin restaurant with an Ultra Call flat-fee ad in 2025: the ad cost declared, the rule’s figure in a verified packet', async ({ page }) => {
  test.setTimeout(SLOW_TEST);
  await page.setViewportSize({ width: 1280, height: 900 });
  await openExample(page, /울트라콜/);

  await goTo(page, /추정/, '추정');
  const gap = page.getByTestId('rule-gap-baemin-2025-ultra-call');
  await expect(gap).toContainText('회사 기준 보상액은 1,833원');
  // Four flags at 75,000 won: 300,000 a month; 10 x the ad cost of the 30 outage minutes = 2,083 won.
  const ad = page.getByRole('form', { name: /울트라콜 월 광고비/ });
  const cost = ad.getByRole('textbox', { name: /울트라콜 월 광고비/ });
  await cost.fill('300000');
  await ad.getByRole('textbox', { name: /메모/ }).fill('깃발 4개 × 75,000원');
  await ad.getByRole('button', { name: '이 값 저장' }).click();
  await expect(gap).toContainText('회사 기준 보상액은 2,083원, 우리가 계산한 손실은');
  await expect(gap).toContainText('이 차이를 온라인피해365센터나 분쟁조정에 청구할 수 있어요');
  await closeNotices(page);
  await page.evaluate(() => document.fonts.ready);
  await page.locator('section', { has: page.getByRole('heading', { level: 2, name: '보상 창구의 기준' }) }).screenshot({ path: `${shots}/pack-baemin-rules.png` });

  await exportPageWithoutKakao(page);
  const text = verifiedReport(await downloadPacket(page, 'baemin'), 'baemin');
  expect(text).toContain('배민 울트라콜 가게: 장애 시간 광고비의 10배: 2,083원');
  expect(text).toContain('울트라콜 월 광고비 (깃발 합계) (신청인이 적은 값): 300,000원');
  expect(text).toMatch(/회사 기준 보상액은 2,083원, 이 보고서가 계산한 손실은 [\d,]+원으로 차이는 [\d,]+원이에요/);
  expect(text).not.toContain('카카오');
});
