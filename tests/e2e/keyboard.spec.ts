import { expect, test } from '@playwright/test';
import { openApp } from './fixtures';

test('keyboard only: the skip link comes first, Tab and Enter reach a page, its heading takes focus', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '본문으로 건너뛰기' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();

  // From the top again: skip link, then the two language buttons, then the nav.
  await page.locator('body').focus();
  await openApp(page);
  const records = page.locator('nav.sidenav').getByRole('link', { name: /기록/ });
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    if (await records.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(records).toBeFocused();
  // The focus ring is visible (an outline, not just a colour change).
  const outline = await records.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/records$/);
  await expect(page.getByRole('heading', { level: 1, name: '기록' })).toBeFocused();
  await expect(records).toHaveAttribute('aria-current', 'page');

  // Alt+8 jumps to the tracker, Alt+0 to settings (the tenth area).
  await page.keyboard.press('Alt+Digit8');
  await expect(page.getByRole('heading', { level: 1, name: '신청 현황' })).toBeFocused();
  await page.keyboard.press('Alt+Digit0');
  await expect(page.getByRole('heading', { level: 1, name: '설정' })).toBeFocused();
});
