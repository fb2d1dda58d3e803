import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { closeNotices, openApp, SLOW_STEP, SLOW_TEST } from './fixtures';

/**
 * Backup and restore in the built app (browser bridge: the backup is a download, a restore file comes
 * from the file picker). Checks the file with unzip, restores it over changed data, and takes the
 * screenshots of the backup screens in Korean and English.
 */

const shots = 'tests/e2e/screenshots';
const out = 'test-results/backup';
test.setTimeout(SLOW_TEST);

async function backUpNow(page: Page, name: string): Promise<string> {
  const downloading = page.waitForEvent('download', { timeout: SLOW_STEP });
  await page.getByRole('button', { name: '지금 백업하기' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^outage-desk-backup-\d{8}-\d{6}\.odbackup$/);
  const path = join(out, name);
  await download.saveAs(path);
  return path;
}

async function chooseBackup(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '백업 파일 고르기' }).click();
  await (await chooser).setFiles(path);
}

test('back up everything, change the data, restore the backup: the claims come back and a safety copy is kept', async ({ page }) => {
  mkdirSync(out, { recursive: true });
  mkdirSync(shots, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  await page.getByRole('button', { name: '예시로 둘러보기' }).click();
  await expect(page.getByRole('status')).toContainText('예시 신고서', { timeout: SLOW_STEP });
  const claimCount = await page.locator('.claim-list .claim-item').count();
  expect(claimCount).toBeGreaterThan(2);

  await page.goto('/#/settings');
  const section = page.locator('section.backup');
  await section.waitFor();
  const plain = await backUpNow(page, 'plain.odbackup');
  // A plain backup is an ordinary zip any unzip tool lists and tests.
  const listing = execFileSync('unzip', ['-l', plain], { encoding: 'utf8' });
  expect(listing).toContain('backup-manifest.json');
  expect(listing).toContain('records.jsonl');
  execFileSync('unzip', ['-tq', plain]);
  const manifest = JSON.parse(execFileSync('unzip', ['-p', plain, 'backup-manifest.json'], { encoding: 'utf8' }));
  expect(manifest.counts.claims).toBe(claimCount);
  expect(manifest.createdAt).toMatch(/\+09:00$/);

  // With a passphrase: the warning is there in plain words; the file is sealed (not a zip any more).
  await page.getByRole('checkbox', { name: '비밀번호로 잠그기 (선택)' }).check();
  await expect(page.getByText(/비밀번호를 잊으면 누구도 백업을 열 수 없어요/)).toBeVisible();
  await page.getByLabel('비밀번호', { exact: true }).fill('국밥집 장부 2022');
  await page.getByLabel('비밀번호 한 번 더').fill('국밥집 장부 2022');
  await closeNotices(page);
  await section.screenshot({ path: `${shots}/backup-make-ko.png` });
  const sealed = await backUpNow(page, 'sealed.odbackup');
  expect(readFileSync(sealed).subarray(0, 25).toString()).toBe('OutageDeskEncryptedBackup');
  await page.getByRole('checkbox', { name: '비밀번호로 잠그기 (선택)' }).uncheck();

  // Change the data: a new claim the backup does not have.
  await page.goto('/#/claimant');
  await page.getByLabel('새 신고서 이름').fill('백업 뒤에 만든 신고서');
  await page.getByRole('button', { name: '신고서 만들기' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /백업 뒤에 만든 신고서/ })).toBeVisible();

  // A wrong passphrase says so and changes nothing.
  await page.goto('/#/settings');
  await chooseBackup(page, sealed);
  await page.getByLabel('백업 비밀번호').fill('틀린 비밀번호입니다');
  await page.getByRole('button', { name: '열기' }).click();
  await expect(page.getByText('비밀번호가 맞지 않거나 파일이 손상됐어요. 아무것도 바뀌지 않았어요.')).toBeVisible({ timeout: SLOW_STEP });
  await closeNotices(page);
  await section.screenshot({ path: `${shots}/backup-wrong-passphrase-ko.png` });
  await page.getByRole('button', { name: '취소' }).click();

  // A damaged file says so and changes nothing.
  const damaged = readFileSync(plain);
  damaged[Math.floor(damaged.length / 2)] ^= 0xff;
  writeFileSync(join(out, 'damaged.odbackup'), damaged);
  await chooseBackup(page, join(out, 'damaged.odbackup'));
  await expect(page.getByText(/백업 파일이 손상됐어요|이 백업은 복원할 수 없어요/)).toBeVisible();

  // The right passphrase: the preview, then the confirmation, then the restore.
  await chooseBackup(page, sealed);
  await page.getByLabel('백업 비밀번호').fill('국밥집 장부 2022');
  await page.getByRole('button', { name: '열기' }).click();
  await expect(page.getByRole('heading', { name: '이 백업에 들어 있는 것' })).toBeVisible({ timeout: SLOW_STEP });
  await expect(page.getByTestId('backup-totals')).toContainText(`신고서 ${claimCount}개`);
  await closeNotices(page);
  await section.screenshot({ path: `${shots}/backup-preview-ko.png` });
  await page.getByRole('button', { name: '이 백업으로 바꾸기' }).click();
  const dialog = page.getByRole('alertdialog', { name: '지금 데이터를 이 백업으로 바꿀까요?' });
  await expect(dialog).toContainText('자동 백업에 먼저 저장');
  await page.screenshot({ path: `${shots}/backup-confirm-ko.png` });
  await dialog.getByRole('button', { name: '바꾸기' }).click();
  await expect(page.getByText(/^복원했어요: 신고서 \d+개/)).toBeVisible({ timeout: SLOW_STEP });
  await expect(page.getByText(/^복원했어요: 신고서 \d+개, 기록 \d{1,3}(,\d{3})*건/)).toBeVisible();

  // The claim made after the backup is gone; the safety copy of it is listed among the automatic backups.
  const autoGroup = page.getByRole('group', { name: '자동 백업' });
  await expect(autoGroup.getByRole('button', { name: /^이 백업으로 복원/ })).toHaveCount(1);
  await closeNotices(page);
  await section.screenshot({ path: `${shots}/backup-restored-ko.png` });
  await page.goto('/#/claimant');
  await expect(page.locator('.claim-list .claim-item')).toHaveCount(claimCount);
  await expect(page.getByRole('heading', { level: 3, name: /백업 뒤에 만든 신고서/ })).toHaveCount(0);

  // After a reload, still the restored data (the restore was committed).
  await page.reload();
  await page.locator('nav.sidenav').waitFor();
  await expect(page.locator('.claim-list .claim-item')).toHaveCount(claimCount);

  // Going back: restore the safety copy, and the claim made after the backup returns.
  await page.goto('/#/settings');
  await page.getByRole('group', { name: '자동 백업' }).getByRole('button', { name: /^이 백업으로 복원/ }).click();
  await expect(page.getByRole('heading', { name: '이 백업에 들어 있는 것' })).toBeVisible();
  await expect(page.getByTestId('backup-totals')).toContainText(`신고서 ${claimCount + 1}개`);
  await page.getByRole('button', { name: '이 백업으로 바꾸기' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '바꾸기' }).click();
  await expect(page.getByText(/^복원했어요/)).toBeVisible({ timeout: SLOW_STEP });
  await page.goto('/#/claimant');
  await expect(page.getByRole('heading', { level: 3, name: /백업 뒤에 만든 신고서/ })).toBeVisible();
});

test('the backup screen in English', async ({ page }) => {
  mkdirSync(shots, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page, '#/settings');
  await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
  const section = page.locator('section.backup');
  await expect(section.getByRole('heading', { name: 'Backup and restore' })).toBeVisible();
  await section.getByRole('checkbox', { name: 'Lock with a passphrase (optional)' }).check();
  await expect(section.getByText(/If you forget the passphrase, nobody can open the backup/)).toBeVisible();
  await closeNotices(page);
  await section.screenshot({ path: `${shots}/backup-make-en.png` });
});
