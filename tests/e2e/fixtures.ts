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

/**
 * Records every Content-Security-Policy violation the page reports (the preview server sends the Electron
 * shell's own policy, vite.config.ts), so a spec can say its flow ran under that policy untouched. Call it
 * before the first `goto`; read the list at the end.
 */
export async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) fromConsole.push(m.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
  });
  return async () => [...fromConsole, ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []))];
}
