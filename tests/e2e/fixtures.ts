import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/**
 * Hang guards, not speed limits: steps wait on what the screen shows (a heading, a count, an attribute),
 * and these only end a wait that would otherwise never end. They are sized for a shared machine with
 * both cores busy (3-5x slower than idle); how fast a step is belongs in the bench (tests/bench).
 */
/** A step that runs a worker over tens of thousands of rows, or builds a PDF packet. */
export const SLOW_STEP = 300_000;
/** A test that does several such steps, or restarts the browser. */
export const SLOW_TEST = 900_000;

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

/**
 * Closes the notices so they do not cover what a screenshot is of. Info notices also close themselves,
 * so a button can go between finding it and clicking it: click every one there is inside the page in
 * one step, then wait until none is left (whoever closed them).
 */
export async function closeNotices(page: Page): Promise<void> {
  await page.locator('.notice-close').evaluateAll((buttons) => buttons.forEach((b) => (b as HTMLButtonElement).click()));
  await expect(page.locator('.notice')).toHaveCount(0);
}
