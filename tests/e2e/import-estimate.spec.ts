import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createClaimInUi, openApp, SLOW_STEP } from './fixtures';

const won = (n: number) => `${n.toLocaleString('en-US')}원`;

/**
 * Issue 4's "done when", in one flow as a new user would: a restaurant claim without records, the CP949 POS
 * export imported through the wizard, one grid cell edited, then the estimate screen. The claim the app then
 * exports (claim.json inside its packet) goes through the command line, and both must agree to the won.
 */
test('imported and edited records give the same estimate in the app and in the CLI', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const claim = JSON.parse(readFileSync('assets/examples/restaurant-hourly.claim.json', 'utf8')) as Record<string, unknown>;
  delete claim.example;
  const file = { name: 'restaurant.claim.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...claim, title: '판교 식당 가져오기', records: [], evidence: [], directItems: [], indirectItems: [] })) };

  await openApp(page, '#/claimant');
  await createClaimInUi(page, '임시 신고서');
  await page.goto('/#/records');
  const opening = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '신고서 파일 열기 (.claim.json)' }).click();
  await (await opening).setFiles(file);
  await expect(page.getByRole('tablist', { name: '채널' })).toBeVisible();

  // Import the CP949 POS export.
  await page.getByRole('link', { name: '파일 가져오기' }).click();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '파일 고르기' }).click();
  await (await choosing).setFiles({ name: 'pos-hourly-2022-restaurant.csv', mimeType: 'text/csv', buffer: readFileSync('assets/samples/pos-hourly-2022-restaurant.csv') });
  await expect(page.getByText('CP949 (한국어 Excel·POS 형식)')).toBeVisible();
  await page.getByRole('button', { name: '다음: 채널 맞추기' }).click();
  await page.getByRole('button', { name: '다음: 문제 있는 행' }).click();
  await page.getByRole('button', { name: '다음: 겹침 확인' }).click();
  await page.getByRole('button', { name: /기록 [\d,]+건 저장하기/ }).click();
  await expect(page.getByRole('heading', { name: '가져왔어요' })).toBeVisible();

  // Edit one cell: card orders on Sat 15 Oct 2022 at 20:00 become 1.
  await page.getByRole('button', { name: '표에서 확인하기' }).click();
  await page.getByRole('textbox', { name: '시작' }).fill('2022-10-15');
  await page.getByRole('textbox', { name: '끝' }).fill('2022-10-16');
  await page.getByRole('tab', { name: /카드/ }).first().click();
  const grid = page.getByRole('grid', { name: /건수/ });
  await grid.getByRole('row').nth(1).getByRole('gridcell').nth(20).click();
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await expect(grid.getByRole('row').nth(1).getByRole('gridcell').nth(20)).toHaveText('1');
  await expect(page.getByText('모두 저장했어요.')).toBeVisible();

  // The estimate screen.
  await page.locator('nav.sidenav').getByRole('link', { name: /추정/ }).click();
  const total = (await page.getByTestId('claim-total').innerText()).match(/([\d,]+)원/)![1]!;
  const lostProfit = await page.getByTestId('lost-profit').innerText();

  // The app's own claim file (inside a generic packet) through the CLI.
  await page.locator('nav.sidenav').getByRole('link', { name: /내보내기/ }).click();
  await page.getByRole('radio', { name: /일반/ }).check();
  const downloading = page.waitForEvent('download', { timeout: SLOW_STEP });
  await page.getByRole('button', { name: '증빙 묶음 만들기' }).click();
  const dir = mkdtempSync(join(tmpdir(), 'import-estimate-'));
  const zip = join(dir, 'packet.zip');
  await (await downloading).saveAs(zip);
  const claimPath = join(dir, 'claim.json');
  writeFileSync(claimPath, execFileSync('unzip', ['-p', zip, 'claim.json']));
  const cli = JSON.parse(execFileSync('npx', ['tsx', 'src/cli/main.ts', 'estimate', claimPath, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { claimTotal: number; lostProfit: number };
  const exported = JSON.parse(readFileSync(claimPath, 'utf8')) as { records: { bucket: string; channel: string; count: number }[] };

  expect(exported.records.length).toBeGreaterThan(1000);
  expect(exported.records.find((r) => r.bucket === '2022-10-15T20:00+09:00' && r.channel === 'card')?.count).toBe(1);
  expect(cli.claimTotal).toBeGreaterThan(0);
  expect(total).toBe(cli.claimTotal.toLocaleString('en-US'));
  expect(lostProfit).toBe(won(cli.lostProfit));
});
