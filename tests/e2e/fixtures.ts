import type { Page } from '@playwright/test';

/** Opens the app on a page and waits for the shell (the nav) to be there. */
export async function openApp(page: Page, hash = '#/claimant'): Promise<void> {
  await page.goto(`/${hash}`);
  await page.locator('nav.sidenav').waitFor();
}

/** Creates a claim through the form, the way a user does. */
export async function createClaimInUi(page: Page, title: string): Promise<void> {
  await page.getByLabel('새 신고서 이름').fill(title);
  await page.getByRole('button', { name: '신고서 만들기' }).click();
  await page.getByRole('heading', { level: 3, name: new RegExp(title) }).waitFor();
}
