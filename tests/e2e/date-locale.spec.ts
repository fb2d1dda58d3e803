import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { openApp } from './fixtures';

const shots = 'tests/e2e/screenshots';

async function loadExamples(page: Page) {
  await page.getByRole('button', { name: '예시로 둘러보기' }).click();
  await expect(page.getByText(/예시 신고서 \d+개를 넣었어요/)).toBeVisible();
}

test.describe('an English-language Chromium', () => {
  // The browser's own locale and zone are American: the app must still show Korean dates in Korean.
  test.use({ locale: 'en-US', timezoneId: 'America/New_York' });

  test('the Korean UI shows and reads Korean dates in a date field; an invalid date is named; English shows ISO', async ({ page }) => {
    await openApp(page);
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await loadExamples(page);
    await page.goto('/#/records');
    const from = page.getByRole('textbox', { name: '시작', exact: true });
    await expect(from).toHaveValue(/^\d{4}\. \d{1,2}\. \d{1,2}\.$/);

    await from.fill('20220901');
    await from.press('Tab');
    await expect(from).toHaveValue('2022. 9. 1.');
    await expect(page.getByRole('rowheader').first()).toContainText('9.1');

    await from.fill('2022. 2. 30.');
    await from.press('Tab');
    await expect(page.getByRole('alert').filter({ hasText: '시작: 날짜를 2022. 10. 15. 처럼 적어 주세요' })).toBeVisible();
    await expect(from).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('rowheader').first()).toContainText('9.1');

    await from.fill('2022-09-01');
    await from.press('Tab');
    await expect(from).toHaveValue('2022. 9. 1.');
    await expect(page.getByRole('alert').filter({ hasText: '날짜를' })).toHaveCount(0);

    await page.getByRole('group', { name: '언어' }).getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('textbox', { name: 'From', exact: true })).toHaveValue('2022-09-01');
  });
});

/** Whether two boxes overlap (touching edges do not count). */
function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function expectApart(notice: Locator, other: Locator) {
  const a = await notice.boundingBox();
  const b = await other.boundingBox();
  expect(a && b).toBeTruthy();
  expect(overlaps(a!, b!)).toBe(false);
}

for (const [name, width, height] of [['desktop', 1280, 900], ['phone', 360, 800]] as const) {
  test(`a notice does not cover the page's heading or its primary button (${width}x${height}); Esc closes it`, async ({ page }) => {
    mkdirSync(shots, { recursive: true });
    await page.setViewportSize({ width, height });
    await openApp(page);
    await page.getByLabel('새 신고서 이름').fill('판교 치킨');
    await page.getByRole('button', { name: '신고서 만들기' }).click();
    const notice = page.locator('.notice').filter({ hasText: '「판교 치킨」 신고서를 만들었어요.' });
    await expect(notice).toBeVisible();
    await expectApart(notice, page.getByRole('button', { name: '신고서 만들기' }));
    await expectApart(notice, page.locator('main h1'));
    await page.screenshot({ path: `${shots}/notice-${name}.png` });
    // Still announced: it sits in the polite live region.
    await expect(page.getByRole('status').filter({ hasText: '신고서를 만들었어요' })).toHaveCount(1);
    await page.locator('main').focus();
    await page.keyboard.press('Escape');
    await expect(notice).toHaveCount(0);
  });
}
