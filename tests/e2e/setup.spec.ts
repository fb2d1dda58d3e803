import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { createClaimInUi, openApp } from './fixtures';

const dir = 'tests/e2e/screenshots';

async function shot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
const stepTitle = (page: Page, name: string) => page.getByRole('heading', { level: 3, name });
const next = (page: Page) => page.getByRole('button', { name: '다음', exact: true }).click();

test('a designated driver sets up from scratch; a reload keeps every step; screenshots of each step', async ({ page }) => {
  mkdirSync(dir, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  await createClaimInUi(page, '마포 대리 10월');
  await page.getByRole('button', { name: '알림 닫기' }).first().click();
  await expect(stepTitle(page, '누구인지 알려 주세요')).toBeVisible();

  await page.getByRole('radio', { name: /대리기사/ }).check();
  await page.getByLabel('이름', { exact: true }).fill('김대리');
  await page.getByLabel('휴대전화').fill('010-1234-5678');
  await page.getByLabel(/사업자등록번호/).fill('1234567890');
  await expect(page.getByText(/^사업자등록번호: 사업자등록번호가 올바르지 않아요/)).toBeVisible();
  await shot(page, 'ko-setup-1-who-error');
  await page.getByLabel(/사업자등록번호/).fill('1234567891');
  await expect(page.getByText(/사업자등록번호가 올바르지 않아요/)).toBeHidden();
  await page.getByLabel(/시도/).selectOption('서울특별시');
  await page.getByLabel(/시군구/).fill('마포구');
  await page.getByLabel(/시군구/).press('Enter');
  await expect(stepTitle(page, '어떤 장애로 손해를 봤나요?')).toBeVisible();

  // Reload in the middle: step 1 is saved and ticked, the flow opens at step 2.
  await page.reload();
  await expect(stepTitle(page, '어떤 장애로 손해를 봤나요?')).toBeVisible();
  await expect(page.getByRole('navigation', { name: '신고인 준비 단계' }).getByRole('button', { name: /누구인가요/ })).toContainText('완료');
  await page.getByRole('radio', { name: /카카오 서비스 장애/ }).check();
  await shot(page, 'ko-setup-2-incident');
  await next(page);

  await expect(stepTitle(page, '어떤 서비스가 멈춰서 일을 못 했나요?')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /카카오 T 대리/ })).toBeChecked();
  await shot(page, 'ko-setup-3-services');
  await next(page);

  await expect(stepTitle(page, '콜은 어떤 길로 들어오나요?')).toBeVisible();
  await expect(page.getByRole('textbox', { name: '채널 이름 (1)' })).toHaveValue('카카오 T 대리');
  await shot(page, 'ko-setup-4-channels');
  await next(page);

  await expect(stepTitle(page, '이익률과 기록 단위를 정해요')).toBeVisible();
  await expect(page.getByLabel('변동비 비율 v')).toHaveValue('5');
  await expect(page.getByLabel('플랫폼 수수료 비율 c')).toHaveValue('20');
  await page.getByRole('checkbox', { name: /이 비율을 확인했어요/ }).check();
  await shot(page, 'ko-setup-5-margin');
  await page.getByRole('button', { name: '다음: 기록 넣기' }).click();
  await expect(page).toHaveURL(/#\/records$/);

  // Everything survives a reload: back on the claimant page every step is ticked, values kept.
  await page.reload();
  await page.getByRole('navigation', { name: '신고서 준비 단계' }).getByRole('link', { name: /신고인/ }).click();
  const steps = page.getByRole('navigation', { name: '신고인 준비 단계' });
  for (const label of ['누구인가요', '어떤 장애', '쓰던 서비스', '콜 채널', '이익률']) {
    await expect(steps.getByRole('button', { name: new RegExp(label) })).toContainText('완료');
  }
  await steps.getByRole('button', { name: /누구인가요/ }).click();
  await expect(page.getByLabel('이름', { exact: true })).toHaveValue('김대리');
  await expect(page.getByLabel(/사업자등록번호/)).toHaveValue('123-45-67891');
  await steps.getByRole('button', { name: /이익률/ }).click();
  await expect(page.getByRole('checkbox', { name: /이 비율을 확인했어요/ })).toBeChecked();

  // English screenshots of the same steps.
  await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
  const stepsEn = page.getByRole('navigation', { name: 'Claimant setup steps' });
  await stepsEn.getByRole('button', { name: /Who you are/ }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Tell us who you are' })).toBeVisible();
  await shot(page, 'en-setup-1-who');
  await stepsEn.getByRole('button', { name: /Call channels/ }).click();
  await shot(page, 'en-setup-4-channels');
  await stepsEn.getByRole('button', { name: /Margin/ }).click();
  await shot(page, 'en-setup-5-margin');
});

test('a restaurant owner sets up: business number required and checked, restaurant channels and v = 35%', async ({ page }) => {
  await openApp(page);
  await createClaimInUi(page, '판교 국밥');
  await page.getByRole('radio', { name: /가게·식당 사장님/ }).check();
  await expect(page.getByLabel('업종')).toHaveValue('restaurant');
  await page.getByLabel('대표자 이름').fill('박사장');
  await page.getByLabel('휴대전화').fill('01098765432');
  await next(page);
  await expect(page.getByText('사업자등록번호: 꼭 적어야 하는 항목이에요')).toBeVisible();
  await page.getByLabel(/사업자등록번호/).fill('123-45-67891');
  await page.getByLabel(/^은행/).fill('국민은행');
  await page.getByLabel('계좌번호').fill('123456-01-234567');
  await page.getByLabel('예금주').fill('박사장');
  await next(page);
  await expect(stepTitle(page, '어떤 장애로 손해를 봤나요?')).toBeVisible();
  await page.getByRole('radio', { name: /카카오 서비스 장애/ }).check();
  await next(page);
  await expect(page.getByRole('checkbox', { name: /카카오톡 채널 \(톡채널\)/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^카카오페이/ })).toBeChecked();
  await next(page);
  await expect(stepTitle(page, '손님은 어떤 길로 들어오나요?')).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^채널 이름 \(/ })).toHaveCount(6);
  const labels = await page.getByRole('textbox', { name: /^채널 이름 \(/ }).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(labels).toEqual(['카카오톡 채널 주문', '카카오페이', '카드', '현금', '전화 주문', '배달 앱']);
  // A merchant's declared figure is an average ticket from their own sales records (not a driver's trip history).
  await expect(page.getByLabel('카드 평균 객단가 (원)')).toBeVisible();
  await expect(page.getByLabel('카드 금액의 출처').locator('option:checked')).toHaveText('내 매출 기록 (POS·카드 정산)');
  await next(page);
  await expect(page.getByLabel('변동비 비율 v')).toHaveValue('35');
  await expect(page.getByRole('radio', { name: /하루 단위/ })).toBeChecked();
  await page.getByRole('button', { name: '다음: 기록 넣기' }).click();
  await expect(page).toHaveURL(/#\/records$/);
  await page.reload();
  await page.getByRole('navigation', { name: '신고서 준비 단계' }).getByRole('link', { name: /추정/ }).click();
  // Set up and no records yet: the estimate is there, and the checklist says what a reviewer still wants.
  await expect(page.getByTestId('claim-total')).toContainText('0원');
  await expect(page.getByRole('link', { name: '기록에서 장애 시간 채우기' })).toBeVisible();
  await expect(page.getByRole('link', { name: '이익률 확인하기' })).toHaveAttribute('href', '#/claimant?step=margin');
});
