import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openApp } from './fixtures';

const dir = 'tests/e2e/screenshots';
const won = (n: number) => `${n.toLocaleString('en-US')}원`;

test('a new user loads the examples and the driver example’s estimate equals the CLI’s, to the won', async ({ page }) => {
  // The same claim file through the command line (a real child process): the figures the UI must show.
  const cli = JSON.parse(
    execFileSync('npx', ['tsx', 'src/cli/main.ts', 'estimate', 'assets/examples/driver-2022.claim.json', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  ) as { claimTotal: number; directTotal: number; indirectTotal: number; lostProfit: number; lostProfitRange: { low: number; high: number } };
  expect(cli.claimTotal).toBe(224_490);

  await openApp(page);
  await expect(page.getByRole('heading', { name: '아직 신고서가 없어요' })).toBeVisible();
  await page.getByRole('button', { name: '예시로 둘러보기' }).click();
  await expect(page.getByText(/예시 신고서 \d+개를 넣었어요/)).toBeVisible();
  await expect(page.locator('.current-claim')).toContainText('예시: 대리기사');
  await expect(page.locator('.current-claim .tag-example')).toHaveText('예시');

  await page.getByRole('navigation', { name: '신고서 준비 단계' }).getByRole('link', { name: /추정/ }).click();
  await expect(page.getByTestId('claim-total')).toContainText(won(cli.claimTotal));
  await expect(page.getByTestId('claim-total')).toContainText('224,490원');
  await expect(page.getByTestId('direct-total')).toHaveText(won(cli.directTotal));
  await expect(page.getByTestId('indirect-total')).toHaveText(won(cli.indirectTotal));
  await expect(page.getByTestId('lost-profit')).toHaveText(won(cli.lostProfit));
  await expect(page.getByTestId('lost-profit-range')).toHaveText(`80% 범위 ${won(cli.lostProfitRange.low)} – ${won(cli.lostProfitRange.high)}`);

  // A reload keeps the examples and the figures.
  await page.reload();
  await expect(page.getByTestId('claim-total')).toContainText('224,490원');

  mkdirSync(dir, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${dir}/ko-estimate.png`, fullPage: true });
  await page.getByRole('navigation', { name: '신고서 준비 단계' }).getByRole('link', { name: /장애/ }).click();
  await expect(page.getByRole('heading', { level: 3, name: /카카오 T 대리/ })).toBeVisible();
  await page.screenshot({ path: `${dir}/ko-incident.png`, fullPage: true });

  await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /Kakao T designated driving/ })).toBeVisible();
  await page.screenshot({ path: `${dir}/en-incident.png`, fullPage: true });
  await page.getByRole('navigation', { name: 'Claim steps' }).getByRole('link', { name: /Estimate/ }).click();
  await expect(page.getByTestId('claim-total')).toContainText('₩224,490');
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${dir}/en-estimate.png`, fullPage: true });
});
