import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openApp } from './fixtures';

const shots = 'tests/e2e/screenshots';

/** The dates a window date's row shows with a status, in order. */
async function chipDates(page: Page, windowDate: string, status: string): Promise<string[]> {
  return page.locator(`section[data-window-date="${windowDate}"] li[data-status="${status}"]`).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.date!));
}

async function loadExamples(page: Page): Promise<void> {
  await openApp(page, '#/claimant');
  await page.getByRole('button', { name: '예시로 둘러보기' }).click();
  await expect(page.locator('.current-claim')).toContainText('대리기사');
}

async function openClaim(page: Page, title: RegExp): Promise<void> {
  await page.goto('/#/claimant');
  const item = page.locator('li.claim-item', { has: page.getByRole('heading', { level: 3, name: title }) });
  await item.getByRole('button', { name: '이 신고서로 작업하기' }).click();
  await expect(page.locator('.current-claim')).toContainText(title);
}

async function language(page: Page, to: 'English' | '한국어'): Promise<void> {
  const group = page.locator('.topbar').getByRole('group');
  await group.getByRole('button', { name: to }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', to === 'English' ? 'en' : 'ko');
}

/** Nothing on the page sticks out sideways (a chart or a chip row wider than the sheet). */
async function expectNoOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const sheet = document.querySelector('main.page')!.getBoundingClientRect();
    return [...document.querySelectorAll('main.page *')]
      .filter((el) => !el.closest('.visually-hidden'))
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.right > sheet.right + 1 || r.left < sheet.left - 1))
      .map(({ el }) => `${el.tagName}.${(el as HTMLElement).className}`)
      .slice(0, 5);
  });
  expect(overflow).toEqual([]);
}

/** Closes the toasts and moves the pointer off the charts so neither covers them in a screenshot. */
async function closeNotices(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await page.locator('.notice-close').evaluateAll((buttons) => buttons.forEach((b) => (b as HTMLButtonElement).click()));
  await expect(page.locator('.notice')).toHaveCount(0);
}

test.use({ viewport: { width: 1280, height: 900 } });

test('driver example: suggested reference dates, holidays passed over by name, the chart, in Korean and English', async ({ page }) => {
  await loadExamples(page);
  await page.goto('/#/baseline');
  await expect(page.getByRole('heading', { level: 1, name: '기준선' })).toBeVisible();
  await expect(page.locator('section[data-window-date="2022-10-15"]')).toBeVisible();
  expect(await chipDates(page, '2022-10-15', 'used')).toEqual(['2022-10-08', '2022-10-01', '2022-09-24', '2022-09-17']);
  expect(await chipDates(page, '2022-10-16', 'used')).toEqual(['2022-10-02', '2022-09-25', '2022-09-18', '2022-09-04']);
  await expect(page.locator('section[data-window-date="2022-10-16"] li[data-date="2022-10-09"]')).toContainText('공휴일: 한글날');
  await expect(page.locator('section[data-window-date="2022-10-16"] li[data-date="2022-09-11"]')).toContainText('추석');
  await expect(page.getByTestId('figure-expected')).toContainText('325,000원');
  await expect(page.getByTestId('figure-lost-profit')).toContainText('210,750원');

  // The chart: one expected point per window bucket, KST labels on the axis.
  const chart = page.locator('figure.desk-chart').first();
  await expect(chart.locator('svg.recharts-surface')).toBeVisible();
  await expect(page.locator('.recharts-line-dot')).toHaveCount(6);
  await expect(chart.locator('.recharts-xAxis-tick-labels')).toContainText('15일 20시');
  await expect(chart.locator('.recharts-yAxis-tick-labels')).toContainText('만 원');
  await expectNoOverflow(page);
  await closeNotices(page);
  await page.screenshot({ path: `${shots}/ko-baseline-driver.png`, fullPage: true });

  // Marking a date abnormal moves the suggestion, and the undo puts it back.
  await page.getByRole('button', { name: '10월 8일 (토) 이상한 날로 표시' }).click();
  await expect.poll(() => chipDates(page, '2022-10-15', 'used')).toEqual(['2022-10-01', '2022-09-24', '2022-09-17', '2022-09-03']);
  await page.getByRole('button', { name: '방금 바꾼 것 되돌리기' }).click();
  await expect.poll(() => chipDates(page, '2022-10-15', 'used')).toEqual(['2022-10-08', '2022-10-01', '2022-09-24', '2022-09-17']);

  await language(page, 'English');
  await expect(page.locator('section[data-window-date="2022-10-16"] li[data-date="2022-10-09"]')).toContainText('holiday: Hangul Day');
  await expect(page.getByTestId('figure-expected')).toContainText('₩325,000');
  await expect(chart.locator('.recharts-xAxis-tick-labels')).toContainText('day 15 20:00');
  await expectNoOverflow(page);
  await closeNotices(page);
  await page.screenshot({ path: `${shots}/en-baseline-driver.png`, fullPage: true });
  await language(page, '한국어');
});

test('merchant example: weekly totals with the best week 4,610,000원 and the outage week', async ({ page }) => {
  await loadExamples(page);
  await openClaim(page, /떡볶이/);
  await page.goto('/#/baseline');
  const weekly = page.getByTestId('weekly-section');
  await expect(weekly).toBeVisible();
  await expect(weekly.getByTestId('best-week-sales')).toHaveText('4,610,000원');
  await expect(weekly.getByTestId('outage-week-sales')).toHaveText('3,900,000원');
  await expect(weekly).toContainText('기준 손실 710,000원');
  await expect(weekly.locator('.week-bar')).toHaveCount(8);
  await expect(weekly.locator('.week-best')).toHaveCount(1);
  await expect(weekly.locator('.week-outage')).toHaveCount(1);
  await expect(weekly.locator('svg.recharts-surface')).toContainText('최고 461만');
  // Monday 17 Oct passes over the substitute holidays.
  await expect(page.locator('section[data-window-date="2022-10-17"] li[data-date="2022-10-10"]')).toContainText('대체공휴일(한글날)');
  await expectNoOverflow(page);
  await closeNotices(page);
  await page.screenshot({ path: `${shots}/ko-baseline-merchant.png`, fullPage: true });
  await closeNotices(page);
  await weekly.screenshot({ path: `${shots}/ko-baseline-weekly.png` });

  await language(page, 'English');
  await expect(weekly.getByTestId('best-week-sales')).toHaveText('₩4,610,000');
  await expect(weekly).toContainText('above 500,000: review with proof');
  await expectNoOverflow(page);
  await closeNotices(page);
  await page.screenshot({ path: `${shots}/en-baseline-merchant.png`, fullPage: true });
  await weekly.screenshot({ path: `${shots}/en-baseline-weekly.png` });
  await language(page, '한국어');
});

test('cafe example: a skipped week is drawn hatched with its reason', async ({ page }) => {
  await loadExamples(page);
  await openClaim(page, /카페/);
  await page.goto('/#/baseline');
  const weekly = page.getByTestId('weekly-section');
  await expect(weekly).toContainText('건너뛴 주 10.22~10.28');
  await expect(weekly).toContainText('기록 없는 날 3일');
  await expect(weekly.locator('.desk-chart-legend')).toContainText('건너뛴 주');
  await closeNotices(page);
  await weekly.screenshot({ path: `${shots}/ko-baseline-weekly-skipped.png` });
});

test('declared baseline: the grid takes typed and pasted numbers, and every figure is marked declared', async ({ page }) => {
  await loadExamples(page);
  await page.goto('/#/baseline');
  await page.getByRole('radio', { name: /직접 적은 평소 수입/ }).click();
  await expect(page.getByRole('radio', { name: /직접 적은 평소 수입/ })).toBeChecked();
  await expect(page.getByRole('heading', { name: /평소 수입 직접 적기/ })).toBeVisible();
  const count = page.getByRole('textbox', { name: '토요일 저녁 18~22시 건수' });
  await count.fill('8');
  await count.press('ArrowRight');
  await expect(page.getByRole('textbox', { name: '토요일 밤 22~24시 건수' })).toBeFocused();
  await page.getByRole('textbox', { name: '토요일 밤 22~24시 건수' }).fill('4');
  await page.getByRole('textbox', { name: '토요일 저녁 18~22시 평균 요금' }).click();
  await page.keyboard.type('25,000');
  await page.keyboard.press('Tab');
  await page.keyboard.type('25000');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('figure-expected')).toContainText('신고 기준선');
  await expect(page.getByTestId('figure-expected')).not.toContainText('declared');
  await expect(page.locator('figure.desk-chart').first()).toContainText('가정한 ±20% 범위');
  // 8 calls over 18-22 (2 an hour) at 25,000 for 20-21h, 4 over 22-24 (2 an hour) for 22-23h; Sunday nothing.
  await expect(page.getByTestId('figure-expected')).toContainText('200,000원');
  await page.getByRole('textbox', { name: '일요일 심야 0~6시 건수' }).fill('x');
  await page.getByRole('textbox', { name: '일요일 심야 0~6시 건수' }).press('Enter');
  await expect(page.getByText(/일요일 심야 0~6시 건수: 0 이상의 숫자를 적어 주세요/)).toBeVisible();
  await expectNoOverflow(page);
  await closeNotices(page);
  await page.screenshot({ path: `${shots}/ko-baseline-declared.png`, fullPage: true });

  // On a phone the seven-column grids scroll sideways in their own boxes; the page itself never does.
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(page.getByRole('textbox', { name: '일요일 밤 22~24시 건수' })).toBeAttached();
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await page.getByRole('textbox', { name: '토요일 밤 22~24시 평균 요금' }).focus();
  await expect(page.getByRole('textbox', { name: '토요일 밤 22~24시 평균 요금' })).toBeInViewport();
  await page.screenshot({ path: `${shots}/phone-baseline-declared.png` });
});
