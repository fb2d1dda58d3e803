import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './fixtures';

/** The taxi example claim without its records: the same claim (same id) opened on the phone and on the desktop. */
function claimFile() {
  const claim = JSON.parse(readFileSync('assets/examples/taxi-franchise.claim.json', 'utf8')) as Record<string, unknown>;
  delete claim.example;
  return { name: 'taxi.claim.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...claim, title: '택시 빠른 기록', records: [], evidence: [] })) };
}

async function openClaim(page: Page) {
  const opening = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '신고서 파일 열기 (.claim.json)' }).click();
  await (await opening).setFiles(claimFile());
  // The claim is open (and current) before the test moves on: under load the import can take a while.
  await expect(page.getByRole('banner')).toContainText('택시 빠른 기록');
}

/**
 * Issue 19's phone: the build installs its service worker, opens straight into the quick log on a narrow
 * screen, keeps working offline (airplane mode), logs calls and sends the log as one file; the desktop
 * merges it into the claim, and merging it again adds nothing.
 */
test('the quick log on a phone works offline and its log file merges into the desktop claim', async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 360, height: 800 }, acceptDownloads: true });
  const page = await phone.newPage();
  await page.goto('/');
  // A narrow screen opened without a page goes to the quick log.
  await expect(page).toHaveURL(/#\/records\/quick$/);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await openClaim(page);
  await page.goto('/#/records/quick');

  // Airplane mode: the app still loads and logs.
  await phone.setOffline(true);
  await page.reload();
  await page.locator('nav.sidenav').waitFor({ state: 'attached' });
  await expect(page.getByRole('button', { name: /카카오 T 호출 완료 콜/ })).toBeVisible();
  await page.getByLabel('운임 (선택)').fill('12,000');
  await page.getByRole('button', { name: /카카오 T 호출 완료 콜/ }).click();
  await expect(page.getByTestId('chain-status')).toHaveText('기록 1개, 사슬이 온전해요');
  await page.getByRole('button', { name: /카카오 T 호출 놓친 콜/ }).click();
  await expect(page.getByTestId('chain-status')).toHaveText('기록 2개, 사슬이 온전해요');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '빠른 기록 파일로 보내기' }).click();
  const logPath = await (await downloading).path();
  const log = readFileSync(logPath!, 'utf8');
  expect(JSON.parse(log)).toMatchObject({ format: 'outage-loss-desk/quick-log', head: { seq: 2 } });
  await phone.close();

  // The desktop: the same claim, the log merged once.
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const desk = await desktop.newPage();
  await openApp(desk, '#/records');
  await openClaim(desk);
  await desk.goto('/#/records/quick');
  const file = { name: 'quick-log.json', mimeType: 'application/json', buffer: Buffer.from(log) };
  await desk.getByTestId('quick-log-file-input').setInputFiles(file);
  await expect(desk.getByText('새 기록 2개를 합쳤어요 (이미 있던 0개는 건너뛰었어요).')).toBeVisible();
  await expect(desk.getByTestId('chain-status')).toHaveText('기록 2개, 사슬이 온전해요');
  await desk.getByTestId('quick-log-file-input').setInputFiles(file);
  await expect(desk.getByText('새 기록 0개를 합쳤어요 (이미 있던 2개는 건너뛰었어요).')).toBeVisible();
  const summary = desk.locator('table.table').filter({ hasText: '카카오 T 호출' });
  await expect(summary.getByRole('row', { name: /카카오 T 호출/ })).toContainText('12,000');
  // An edited log is refused whole.
  await desk.getByTestId('quick-log-file-input').setInputFiles({ ...file, buffer: Buffer.from(log.replace('"fare": 12000', '"fare": 92000')) });
  await expect(desk.getByText(/1번째 기록\(.*\)이 기록된 뒤에 바뀌었어요/).first()).toBeVisible();
  await desktop.close();
});

/**
 * The service worker's install fetches and caches every asset; beside a fresh start it cost ~0.3 s of the
 * first screen on 2 cores (docs/benchmarks.md, "First render"). So it is registered only once the first
 * screen is on the page and the page has loaded, and it still is registered then.
 */
test('the service worker is registered after the first screen is shown, not before', async ({ page }) => {
  await page.addInitScript(() => {
    const workers = navigator.serviceWorker;
    const register = workers.register.bind(workers);
    const seen: { listShown: boolean; loaded: boolean }[] = [];
    (window as unknown as { swRegistrations: typeof seen }).swRegistrations = seen;
    workers.register = (...args: Parameters<typeof register>) => {
      seen.push({
        listShown: document.querySelector('section[aria-labelledby="claims-list-title"] :is(.empty-state, .claim-list)') !== null,
        loaded: document.readyState === 'complete',
      });
      return register(...args);
    };
  });
  await page.goto('/#/claimant');
  await expect(page.getByRole('heading', { level: 1, name: /신고서/ })).toBeVisible();
  // It is still installed: offline use starts from the next load, as before.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  expect(await page.evaluate(() => (window as unknown as { swRegistrations: unknown[] }).swRegistrations)).toEqual([{ listShown: true, loaded: true }]);
});
