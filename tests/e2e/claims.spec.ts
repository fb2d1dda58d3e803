import { expect, test } from '@playwright/test';
import { createClaimInUi, openApp } from './fixtures';

test('a claim created in the UI is still there after a reload, can be renamed, and is deleted only after confirming', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { name: '아직 신고서가 없어요' })).toBeVisible();

  await createClaimInUi(page, '판교 치킨 10월 15일');
  await expect(page.getByRole('status')).toContainText('「판교 치킨 10월 15일」 신고서를 만들었어요.');
  await expect(page.locator('.current-claim')).toContainText('판교 치킨 10월 15일');

  await page.reload();
  await page.locator('nav.sidenav').waitFor();
  await expect(page.getByRole('heading', { level: 3, name: /판교 치킨 10월 15일/ })).toBeVisible();
  await expect(page.locator('.current-claim')).toContainText('판교 치킨 10월 15일');

  // Rename; an empty name is refused beside the field and changes nothing.
  await page.getByRole('button', { name: '이름 바꾸기: 판교 치킨 10월 15일' }).click();
  const renameInput = page.getByLabel('「판교 치킨 10월 15일」의 새 이름');
  await renameInput.fill('  ');
  await page.getByRole('button', { name: '저장' }).click();
  await expect(page.getByText('신고서 이름을 적어 주세요.')).toBeVisible();
  await renameInput.fill('판교 치킨 본점');
  await page.getByRole('button', { name: '저장' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /판교 치킨 본점/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 3, name: /판교 치킨 본점/ })).toBeVisible();

  // Delete: Esc cancels and keeps the claim; confirming deletes it.
  await page.getByRole('button', { name: '삭제: 판교 치킨 본점' }).click();
  const dialog = page.getByRole('alertdialog', { name: '신고서를 삭제할까요?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: '취소' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: '삭제: 판교 치킨 본점' })).toBeFocused();
  await expect(page.getByRole('heading', { level: 3, name: /판교 치킨 본점/ })).toBeVisible();

  await page.getByRole('button', { name: '삭제: 판교 치킨 본점' }).click();
  await dialog.getByRole('button', { name: '삭제하기' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /판교 치킨 본점/ })).toBeHidden();
  await expect(page.getByRole('heading', { name: '아직 신고서가 없어요' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: '아직 신고서가 없어요' })).toBeVisible();
  await expect(page.locator('.current-claim')).toContainText('선택한 신고서가 없어요');
});

test('pages that need a claim say so and lead to creating one; with a claim they show the next step', async ({ page }) => {
  await openApp(page, '#/records');
  await expect(page.getByRole('heading', { level: 1, name: '기록' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '먼저 신고서를 만들어 주세요' })).toBeVisible();
  await page.getByRole('link', { name: '신고서 만들기' }).click();
  await expect(page).toHaveURL(/#\/claimant$/);
  await createClaimInUi(page, '제주 택시');

  await page.locator('nav.sidenav').getByRole('link', { name: /^기록/ }).click();
  await expect(page.getByRole('heading', { name: '아직 기록이 없어요' })).toBeVisible();
  // A claim named but not set up is a draft: the baseline page lists what to fill in first.
  await page.locator('nav.sidenav').getByRole('link', { name: /^기준선/ }).click();
  await expect(page.getByRole('heading', { name: '신고서에 아직 채울 항목이 있어요' })).toBeVisible();
});

test('evidence: a file picked is kept with its fingerprint and survives a reload', async ({ page }) => {
  await openApp(page);
  await createClaimInUi(page, '대리 기사 증빙');
  await page.locator('nav.sidenav').getByRole('link', { name: /^증빙/ }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '파일 올리기' }).click();
  await (await chooser).setFiles({ name: '운행기록 캡처.png', mimeType: 'image/png', buffer: Buffer.from('abc') });
  await expect(page.getByText('운행기록 캡처.png')).toBeVisible();
  // SHA-256 of "abc".
  await expect(page.locator('code[title="ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"]')).toHaveText('ba7816bf8f01');
  await page.reload();
  await expect(page.getByText('운행기록 캡처.png')).toBeVisible();
});
