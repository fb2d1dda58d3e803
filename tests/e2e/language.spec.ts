import { expect, test } from '@playwright/test';
import { openApp } from './fixtures';

test('switching to English changes the text, survives a reload, and switching back restores Korean', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1, name: '신고인과 신고서' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');

  await page.getByRole('group', { name: '언어' }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Claimant and claims' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Claim steps' }).getByRole('link', { name: /Evidence/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle(/Outage Loss Desk/);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Claimant and claims' })).toBeVisible();

  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '한국어' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '신고인과 신고서' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '신고인과 신고서' })).toBeVisible();
});
