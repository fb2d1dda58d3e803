import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { createClaimInUi, openApp } from './fixtures';

const dir = 'tests/e2e/screenshots';

test('screenshots of the shell in Korean and English (for a human to look at)', async ({ page }) => {
  mkdirSync(dir, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${dir}/ko-empty.png`, fullPage: true });

  await createClaimInUi(page, '판교 치킨 10월 15일 장애');
  await createClaimInUi(page, '제주 개인택시');
  await page.getByRole('button', { name: '알림 닫기' }).first().click();
  await page.getByRole('button', { name: '알림 닫기' }).first().click();
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${dir}/ko-claims.png`, fullPage: true });

  await page.getByRole('button', { name: '삭제: 제주 개인택시' }).click();
  await page.screenshot({ path: `${dir}/ko-confirm.png` });
  await page.keyboard.press('Escape');

  await page.locator('nav.sidenav').getByRole('link', { name: /기록/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '기록' })).toBeVisible();
  await page.screenshot({ path: `${dir}/ko-records.png`, fullPage: true });

  await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
  await page.locator('nav.sidenav').getByRole('link', { name: /Claimant/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Claimant and claims' })).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${dir}/en-claims.png`, fullPage: true });
  await page.locator('nav.sidenav').getByRole('link', { name: /Settings/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.screenshot({ path: `${dir}/en-settings.png`, fullPage: true });
});
