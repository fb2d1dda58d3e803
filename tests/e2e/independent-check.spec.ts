import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { createClaimInUi, openApp } from './fixtures';

const SHOTS = process.env.E2E_SHOTS_DIR;

/**
 * Issue 15 in Chromium: a counts-only claim (the section 7 driver without revenue, no ticket) opened from
 * its file says on the estimate screen that revenue is not computable, with the counts; and the margin
 * step refuses v + c over 100% inline, naming the field. Desktop and 360 x 800.
 */
for (const size of [{ width: 1280, height: 900 }, { width: 360, height: 800 }]) {
  test(`counts only and impossible margins, ${size.width}x${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    const claim = JSON.parse(readFileSync('assets/examples/driver-2022.claim.json', 'utf8')) as { records: object[] } & Record<string, unknown>;
    delete claim.example;
    const body = { ...claim, title: '건수만 있는 대리', evidence: [], records: claim.records.map((r) => ({ ...r, revenue: null })) };
    await openApp(page, '#/claimant');
    await createClaimInUi(page, '임시 신고서');
    await page.goto('/#/records');
    const opening = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '신고서 파일 열기 (.claim.json)' }).click();
    await (await opening).setFiles({ name: 'counts.claim.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(body)) });
    await expect(page.getByRole('tablist', { name: '채널' })).toBeVisible();

    await page.goto('/#/estimate');
    const notice = page.getByTestId('revenue-not-computable');
    await expect(notice).toContainText('예상 13.0건, 실제 2.0건, 놓친 건수 11.0건이에요. 평균 요금을 적어 주세요');
    await expect(page.getByTestId('fig-LR')).toHaveText('계산할 수 없음');
    await expect(page.getByTestId('lost-profit-range')).toHaveCount(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/estimate-counts-only-${size.width}.png`, fullPage: false });
    await notice.scrollIntoViewIfNeeded();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/estimate-counts-only-notice-${size.width}.png` });

    await page.goto('/#/claimant?step=margin');
    const v = page.getByLabel('변동비 비율 v');
    await v.fill('85');
    await expect(page.getByText('변동비 비율 v: 변동비 v 85%와 수수료 c 20%의 합이 100%를 넘어요: 변동비 비율 v를 고쳐 주세요')).toBeVisible();
    await expect(v).toHaveAttribute('aria-invalid', 'true');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/margin-error-${size.width}.png`, fullPage: true });
  });
}
