import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { closeNotices, createClaimInUi, openApp } from './fixtures';

const dir = 'tests/e2e/screenshots';
async function shot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
const stepTitle = (page: Page, name: string) => page.getByRole('heading', { level: 3, name });
const next = (page: Page) => page.getByRole('button', { name: '다음', exact: true }).click();

/**
 * Issue 16's taxi driver: daily call counts typed in, no fares, one average fare for Kakao T calls from
 * the trip history. The estimate is no longer 0 KRW and says which fare it used and where it comes from.
 */
test('a taxi driver with daily call counts and one average fare gets a non-zero, explained estimate', async ({ page }) => {
  mkdirSync(dir, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  await createClaimInUi(page, '개인택시 10월');
  await closeNotices(page);

  await page.getByRole('radio', { name: /택시 기사/ }).check();
  await page.getByRole('radio', { name: '개인 택시' }).check();
  await page.getByLabel('이름', { exact: true }).fill('김기사');
  await page.getByLabel('휴대전화').fill('010-1234-5678');
  await next(page);
  await expect(stepTitle(page, '어떤 장애로 손해를 봤나요?')).toBeVisible();
  await page.getByRole('radio', { name: /카카오 서비스 장애/ }).check();
  await next(page);
  await expect(stepTitle(page, '어떤 서비스가 멈춰서 일을 못 했나요?')).toBeVisible();
  await next(page);

  await expect(stepTitle(page, '콜은 어떤 길로 들어오나요?')).toBeVisible();
  // Only the platform channel, so the one fare prices every call.
  const labels = await page.getByRole('textbox', { name: /^채널 이름 \(/ }).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  for (const label of labels.filter((l) => l !== '카카오 T 호출')) await page.getByRole('checkbox', { name: `${label} 사용` }).uncheck();
  await expect(page.getByRole('group', { name: '채널별 평균 요금' })).toBeVisible();
  await page.getByLabel('카카오 T 호출 평균 요금 (원)').fill('0');
  await next(page);
  await expect(page.getByText('카카오 T 호출 평균 요금 (원): 0원보다 큰 금액을 적어 주세요.')).toBeVisible();
  await page.getByLabel('카카오 T 호출 평균 요금 (원)').fill('15,000');
  await page.getByLabel('카카오 T 호출 금액의 출처').selectOption({ label: '내 운행 내역' });
  await shot(page, 'ko-setup-4-channels-fare');
  await next(page);

  await expect(stepTitle(page, '이익률과 기록 단위를 정해요')).toBeVisible();
  // Before daily is chosen, the daily option says which rule it rules out, by name.
  const daily = page.getByRole('radio', { name: /하루 단위/ });
  await expect(daily).not.toBeChecked();
  await expect(daily).toHaveAccessibleDescription(/시간 단위 기록이 필요해요.*「카카오모빌리티 택시 보상 \(18시간, 1주 전 대비\)」/);
  await daily.check();
  await expect(page.getByTestId('hourly-rules')).toHaveClass(/is-warning/);
  await shot(page, 'ko-setup-5-daily-rules');
  await page.getByRole('checkbox', { name: /이 비율을 확인했어요/ }).check();
  await page.getByRole('button', { name: '다음: 기록 넣기' }).click();
  await expect(page).toHaveURL(/#\/records$/);

  // The records page shows the same fare, as saved.
  await expect(page.getByLabel('카카오 T 호출 평균 요금 (원)')).toHaveValue('15,000');
  await expect(page.getByLabel('카카오 T 호출 금액의 출처')).toHaveValue('trip-history');

  // Five weeks of daily calls, Monday to Sunday (12 Sep - 16 Oct 2022), pasted as a block: 20 a day,
  // then 6 and 10 on the outage weekend. No fares anywhere.
  await page.getByRole('textbox', { name: '시작' }).fill('2022-09-12');
  await page.getByRole('textbox', { name: '끝' }).fill('2022-10-16');
  const grid = page.getByRole('grid', { name: /카카오 T 호출 건수/ });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const weeks = [...Array(4).fill('20\t20\t20\t20\t20\t20\t20'), '20\t20\t20\t20\t20\t6\t10'].join('\r\n');
  await page.evaluate((text) => navigator.clipboard.writeText(`${text}\r\n`), weeks);
  await grid.getByRole('row').nth(1).getByRole('gridcell').nth(0).click();
  await page.keyboard.press('Control+V');
  // A daily cell reads its day of month, then the value.
  await expect(grid.getByRole('row').nth(5).getByRole('gridcell').nth(6)).toHaveText('1610');
  await expect(page.getByText('모두 저장했어요.')).toBeVisible();

  await page.getByRole('navigation', { name: '신고서 준비 단계' }).getByRole('link', { name: /추정/ }).click();
  const total = page.getByTestId('claim-total');
  await expect(total).toBeVisible();
  await expect(total).not.toHaveText(/^\s*0원/);
  const won = Number((await total.innerText()).replace(/[^\d]/g, ''));
  expect(won).toBeGreaterThan(0);
  const fareRow = page.getByRole('row', { name: /카카오 T 호출의 평균 요금/ });
  await expect(fareRow).toContainText('15,000');
  await expect(fareRow).toContainText('직접 적은 평균 요금 (출처: 내 운행 내역)');
  await expect(page.getByText(/매출과 손실 이익을 계산할 수 없어요/)).toHaveCount(0);
  await closeNotices(page);
  await shot(page, 'ko-estimate-driver-fare');

  // The export page names the 18-hour rule in words and sends the fix to the record unit in setup.
  await page.getByRole('navigation', { name: '신고서 준비 단계' }).getByRole('link', { name: /내보내기/ }).click();
  await page.getByRole('radio', { name: /카카오모빌리티 택시 보상/ }).check();
  const ruleIssue = page.locator('li[data-code="rule-needs-hourly"]');
  await expect(ruleIssue).toContainText('시간 단위 기록이 있어야 계산하는 기준이에요: 「카카오모빌리티 택시 보상 (18시간, 1주 전 대비)」');
  await expect(ruleIssue).not.toContainText('kakao-mobility-2022-taxi');
  await expect(ruleIssue.getByRole('link')).toHaveAttribute('href', '#/claimant?step=margin');
  await shot(page, 'ko-export-rule-needs-hourly');
  await ruleIssue.getByRole('link').click();
  await expect(stepTitle(page, '이익률과 기록 단위를 정해요')).toBeVisible();
  await page.goto('/#/estimate');
  await expect(page.getByTestId('claim-total')).toBeVisible();
  await page.setViewportSize({ width: 360, height: 800 });
  await shot(page, 'ko-estimate-driver-fare-360');
  await page.goto('/#/records');
  await page.getByLabel('카카오 T 호출 평균 요금 (원)').waitFor();
  await shot(page, 'ko-records-fare-360');

  // An upload's timing comes from the file's own date (this checkout's copy is from after 2022): made later.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/#/evidence');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '파일 올리기' }).first().click();
  await (await chooser).setFiles('assets/examples/evidence/카카오T_운행내역_2022-10-15.png');
  await expect(page.getByTestId('file-timing')).toContainText('장애가 끝난 뒤에 만든 파일이에요');
  await expect(page.getByRole('radio', { name: '나중에 다시 만든 것' })).toBeChecked();
  await closeNotices(page);
  await shot(page, 'ko-evidence-file-timing');
  await page.setViewportSize({ width: 360, height: 800 });
  await shot(page, 'ko-evidence-file-timing-360');
});
