import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ROUTES } from '../../src/ui/routes';
import { openApp } from './fixtures';

/**
 * axe-core on every screen, with an example claim loaded so each page shows its real content (grids, tables,
 * charts). Any serious or critical WCAG 2.1 A/AA violation fails, listed with the rule, its impact and the
 * elements it was found on.
 */

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(() => document.fonts.ready);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ').slice(0, 140)}]` : ''}`).join('; ')}`);
}

test('no serious or critical axe finding on any screen (Korean, with the examples loaded)', async ({ page }) => {
  test.setTimeout(300_000);
  await openApp(page);
  const found = (await seriousViolations(page)).map((v) => `start: ${v}`);
  await page.getByRole('button', { name: '예시로 둘러보기' }).click();
  await expect(page.getByText(/예시 신고서 \d+개를 넣었어요/)).toBeVisible();
  for (const route of ROUTES) {
    await page.goto(`/#/${route}`);
    await page.locator('main h1').first().waitFor();
    // Pages that compute (estimate, export, baseline) settle before they are checked: no busy region left.
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    found.push(...(await seriousViolations(page)).map((v) => `${route}: ${v}`));
  }
  expect(found).toEqual([]);
});

test('the records grid is one Tab stop in Chromium: Tab and Shift+Tab leave it, Esc ends an edit (WCAG 2.1.2)', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: '예시로 둘러보기' }).click();
  await expect(page.getByText(/예시 신고서 \d+개를 넣었어요/)).toBeVisible();
  await page.goto('/#/records');
  const grid = page.getByRole('grid').first();
  await grid.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Tab');
  await expect(grid).not.toBeFocused();
  expect(await grid.evaluate((g) => g.contains(document.activeElement))).toBe(false);
  await page.keyboard.press('Shift+Tab');
  await expect(grid).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  expect(await grid.evaluate((g) => g.contains(document.activeElement))).toBe(false);
  // Editing: Esc leaves the edit and keeps focus on the grid; Tab from an edit still leaves the grid.
  await grid.focus();
  await page.keyboard.press('F2');
  await expect(page.getByRole('textbox', { name: '칸 값' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('textbox', { name: '칸 값' })).toHaveCount(0);
  await expect(grid).toBeFocused();
  await page.keyboard.press('F2');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: '칸 값' })).toHaveCount(0);
  expect(await grid.evaluate((g) => g.contains(document.activeElement))).toBe(false);
});
