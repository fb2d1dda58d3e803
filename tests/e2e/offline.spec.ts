import { expect, test } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import { createClaimInUi, openApp, watchCspViolations } from './fixtures';

test('the app makes no request outside its own origin, and its Korean font comes from itself', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const outside: string[] = [];
  const fonts: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) outside.push(url);
    if (request.resourceType() === 'font') fonts.push(url);
  });
  const cspViolations = await watchCspViolations(page);

  await openApp(page);
  await createClaimInUi(page, '네트워크 점검');
  for (const name of ['장애', '기록', '기준선', '추정', '증빙', '내보내기', '협회 일괄', '설정']) {
    await page.locator('nav.sidenav').getByRole('link', { name: new RegExp(name) }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.evaluate(() => document.fonts.ready);

  expect(outside).toEqual([]);
  expect(await cspViolations()).toEqual([]);
  expect(fonts.length).toBeGreaterThan(0);
  // The bundled Noto Sans KR is in use for Hangul.
  expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans KR Variable"', '신고서'))).toBe(true);
});

test('every screen is served with the Electron shell\'s Content-Security-Policy, and a violation is caught', async ({ page }) => {
  const response = await page.goto('/#/claimant');
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  await page.locator('nav.sidenav').waitFor();
  // The watcher is real: an inline script, which the policy forbids, is reported.
  const cspViolations = await watchCspViolations(page);
  await page.reload();
  await page.locator('nav.sidenav').waitFor();
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
  });
  await expect.poll(async () => (await cspViolations()).join('\n')).toContain('script-src');
  expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
});
