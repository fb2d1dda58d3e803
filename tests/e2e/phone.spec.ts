import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ROUTES } from '../../src/ui/routes';
import { openApp } from './fixtures';

/**
 * A phone, 360 x 800: the quick log opens with its big buttons on the first screen, no page scrolls
 * sideways, the language switch is in view, and undo brings the per-channel total back at once.
 */

test.use({ viewport: { width: 360, height: 800 }, hasTouch: true });

const dir = 'tests/e2e/screenshots';

async function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('phone: quick-log buttons on the first screen, no sideways scroll anywhere, language switch visible, undo updates the total', async ({ page }) => {
  test.setTimeout(240_000);
  mkdirSync(dir, { recursive: true });
  // Nothing the app asks for is missing (the favicon was a 404 on every load).
  const missing: string[] = [];
  page.on('response', (r) => {
    if (r.status() === 404) missing.push(r.url());
  });
  await openApp(page);
  await page.getByRole('button', { name: '예시로 둘러보기' }).click();
  await expect(page.getByText(/예시 신고서 \d+개를 넣었어요/)).toBeVisible();

  await page.goto('/#/records/quick');
  const first = page.locator('.quick-buttons button').first();
  await expect(first).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${dir}/phone-quick-log.png` });
  // The whole first big button is inside the first screen without scrolling.
  const box = (await first.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(800);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.locator('.topbar').getByRole('button', { name: 'English' })).toBeInViewport({ ratio: 1 });

  // A tap, then undo: the per-channel total goes back without a reload.
  const totals = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: '채널', exact: true }) });
  const before = await totals.textContent();
  await first.click();
  await expect(totals).not.toHaveText(before!);
  await page.getByRole('button', { name: '마지막 기록 취소' }).click();
  await expect(totals).toHaveText(before!);

  const wide: string[] = [];
  for (const route of ROUTES) {
    await page.goto(`/#/${route}`);
    await page.locator('main h1').first().waitFor();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    // A page's step number is the number the nav gives it.
    const step = page.locator('main .page-step');
    if (await step.count()) await expect(step, route).toHaveText(String(ROUTES.indexOf(route) + 1).padStart(2, '0'));
    const over = await sidewaysScroll(page);
    if (over > 0) wide.push(`${route}: ${over}px`);
    // At the top of the page the language switch is whole, not clipped at the right edge.
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(page.locator('.topbar').getByRole('button', { name: 'English' }), route).toBeInViewport({ ratio: 1 });
  }
  await page.goto('/#/records/quick');
  await page.locator('.quick-buttons button').first().waitFor();
  await page.screenshot({ path: `${dir}/phone-quick-log.png` });
  expect(wide).toEqual([]);
  expect(missing).toEqual([]);
});

test('phone: the claimant setup steps read one label per line, in a strip that scrolls by itself, not the page', async ({ page }) => {
  mkdirSync(dir, { recursive: true });
  await openApp(page);
  await page.getByRole('button', { name: '예시로 둘러보기' }).click();
  await expect(page.getByText(/예시 신고서 \d+개를 넣었어요/)).toBeVisible();
  await page.goto('/#/claimant?step=channels');
  const steps = page.getByRole('navigation', { name: '신고인 준비 단계' });
  await expect(steps.getByRole('button')).toHaveCount(5);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${dir}/phone-setup-steps.png` });
  // Each step's label is one line: its height is at most one line-height (one syllable a line was the bug).
  const labels = await steps.locator('.stepper-label').evaluateAll((els) =>
    els.map((el) => ({ text: el.textContent ?? '', height: el.getBoundingClientRect().height, line: parseFloat(getComputedStyle(el).lineHeight) })),
  );
  expect(labels).toHaveLength(5);
  for (const l of labels) expect(l.height, l.text).toBeLessThanOrEqual(l.line + 1);
  // The current step is in view inside the strip, and the page itself does not scroll sideways.
  await expect(steps.locator('[aria-current="step"]')).toBeInViewport({ ratio: 1 });
  expect(await sidewaysScroll(page)).toBe(0);
  // Keyboard: Tab reaches a step, Enter opens it, and the focused step is scrolled into the strip's view.
  const last = steps.getByRole('button').last();
  await last.focus();
  await expect(last).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 3, name: '이익률과 기록 단위를 정해요' })).toBeVisible();
  await expect(last).toHaveAttribute('aria-current', 'step');
});
