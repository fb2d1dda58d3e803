import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { dumpDb, isAlive, killBrowser, launchProfile, type DbDump } from './crash-helpers';
import { SLOW_STEP, SLOW_TEST } from './fixtures';

/**
 * Crash safety: the browser is killed (SIGKILL to its process group, like a power cut or a crash) in the
 * middle of a large import and of a packet export, then started again on the same profile. Every record
 * committed before must be intact, the import all there or not there at all, nothing half-written.
 * Figures are printed as `crash:` lines and kept in docs/reliability.md.
 */

test.describe.configure({ mode: 'serial' });
test.setTimeout(SLOW_TEST);

const ROWS = 200_000;
const out = 'test-results/crash';

/** ~200k hourly rows on two channels, 2008-01-01 onwards (no overlap with the example's 2022 records). */
function bigCsv(path: string): void {
  const lines = ['\ufeff일자,시간,건수,매출액,결제수단'];
  const start = Date.UTC(2008, 0, 1);
  for (let i = 0; lines.length <= ROWS; i++) {
    const at = new Date(start + i * 3600_000);
    const day = at.toISOString().slice(0, 10);
    const hour = `${String(at.getUTCHours()).padStart(2, '0')}:00`;
    lines.push(`${day},${hour},${(i % 7) + 1},${((i % 7) + 1) * 11_000},카드`);
    if (lines.length <= ROWS) lines.push(`${day},${hour},${(i % 5) + 1},${((i % 5) + 1) * 9_000},카카오페이`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/**
 * Counts the writes Dexie issues into `records` and the record transactions that completed, by wrapping
 * IndexedDB in the page (observation only; the app's code is untouched). This is how the test knows the
 * kill lands inside the import's one transaction, not before or after it.
 */
const observeRecordWrites = () => {
  const w = window as unknown as { __recordPuts: number; __recordTxDone: number };
  w.__recordPuts = 0;
  w.__recordTxDone = 0;
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name === 'records') {
      w.__recordPuts++;
      const tx = this.transaction as IDBTransaction & { __watched?: boolean };
      if (!tx.__watched) {
        tx.__watched = true;
        tx.addEventListener('complete', () => w.__recordTxDone++);
      }
    }
    return put.apply(this, args);
  } as typeof put;
};

async function start(profile: string, downloads?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await launchProfile(profile, downloads);
  await context.addInitScript(observeRecordWrites);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/#/claimant');
  await page.locator('nav.sidenav').waitFor();
  return { context, page };
}

async function crash(context: BrowserContext, profile: string): Promise<void> {
  const pid = killBrowser(profile);
  await expect.poll(() => isAlive(pid)).toBe(false);
  await context.close().catch(() => undefined);
}

async function useRestaurant(page: Page): Promise<void> {
  await page.getByRole('button', { name: '예시로 둘러보기' }).click();
  await expect(page.getByRole('status')).toContainText('예시 신고서', { timeout: SLOW_STEP });
  const item = page.locator('.claim-item', { hasText: '국밥집' });
  const pick = item.getByRole('button', { name: /이 신고서로 작업하기/ });
  if (await pick.count()) await pick.click();
  await expect(page.locator('.current-claim')).toContainText('국밥집');
}

/** Through the import wizard to its last step, the way a user does; returns the store button. */
async function importUpToStore(page: Page, csv: string) {
  await page.goto('/#/records/import');
  await page.getByRole('heading', { name: '가져올 파일을 골라 주세요' }).waitFor();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '파일 고르기' }).click();
  await (await chooser).setFiles(csv);
  await page.getByRole('heading', { name: '어느 열이 무엇인지 확인해 주세요' }).waitFor({ timeout: SLOW_STEP });
  await page.getByRole('button', { name: '다음: 채널 맞추기' }).click();
  await page.getByRole('heading', { name: '파일의 채널을 신고서 채널에 맞춰 주세요' }).waitFor({ timeout: SLOW_STEP });
  await page.getByRole('button', { name: '다음: 문제 있는 행' }).click();
  await page.getByText('읽지 못한 행이 없어요.').waitFor({ timeout: SLOW_STEP });
  await page.getByRole('button', { name: '다음: 겹침 확인' }).click();
  const store = page.getByRole('button', { name: /^기록 [\d,]+건 저장하기$/ });
  await store.waitFor({ timeout: SLOW_STEP });
  return store;
}

function log(line: string) {
  console.log(`crash: ${line}`);
}

test('a kill in the middle of a 200,000-row import leaves the import all there or not there, and committed records intact', async () => {
  mkdirSync(out, { recursive: true });
  const csv = join(out, 'pos-hourly-200k.csv');
  bigCsv(csv);
  const profile = mkdtempSync(join(tmpdir(), 'desk-crash-import-'));
  try {
    // 1. Committed data: the example claims with their records.
    let { context, page } = await start(profile);
    await useRestaurant(page);
    const before = await dumpDb(page);
    const restaurantId = Object.keys(before.recordsByClaim).find((id) => id.includes('restaurant'))!;
    expect(before.recordsByClaim[restaurantId]).toBeGreaterThan(1000);
    log(`committed before: ${JSON.stringify(before.counts)}`);

    // 2. Kill while the worker is still reading the file.
    const chooser = page.waitForEvent('filechooser');
    await page.goto('/#/records/import');
    await page.getByRole('button', { name: '파일 고르기' }).click();
    await (await chooser).setFiles(csv);
    await page.locator('.import-progress').waitFor();
    await crash(context, profile);
    ({ context, page } = await start(profile));
    const afterParseKill = await dumpDb(page);
    expect(afterParseKill).toEqual(before);
    log('kill while parsing: database identical (same SHA-256 over every row)');

    // 3. Kill inside the store transaction: writes issued, transaction not complete.
    let store = await importUpToStore(page, csv);
    const clicked = Date.now();
    await store.click();
    await page.waitForFunction(() => (window as unknown as { __recordPuts: number }).__recordPuts > 0, undefined, { timeout: SLOW_STEP, polling: 20 });
    const state = await page.evaluate(() => {
      const w = window as unknown as { __recordPuts: number; __recordTxDone: number };
      return { puts: w.__recordPuts, done: w.__recordTxDone };
    });
    await crash(context, profile);
    log(`kill inside the transaction: ${state.puts} of ${ROWS} writes issued, ${state.done} record transactions complete, ${Date.now() - clicked} ms after "store"`);
    expect(state.done).toBe(0);
    ({ context, page } = await start(profile));
    const afterStoreKill = await dumpDb(page);
    // All or nothing; with the transaction not complete at the kill, nothing.
    expect(afterStoreKill).toEqual(before);
    log('after restart: database identical to before the import (no half rows, no import mark)');

    // 4. The same file again (nothing was stored, so it is not refused), to the end; then a kill right after.
    store = await importUpToStore(page, csv);
    const t0 = Date.now();
    await store.click();
    await page.getByRole('heading', { name: '가져왔어요' }).waitFor({ timeout: SLOW_STEP });
    const storeMs = Date.now() - t0;
    const committed = await dumpDb(page);
    await crash(context, profile);
    ({ context, page } = await start(profile));
    const afterCommitKill = await dumpDb(page);
    expect(afterCommitKill).toEqual(committed);
    expect(afterCommitKill.recordsByClaim[restaurantId]).toBe(before.recordsByClaim[restaurantId]! + ROWS);
    for (const [claim, n] of Object.entries(before.recordsByClaim)) if (claim !== restaurantId) expect(afterCommitKill.recordsByClaim[claim]).toBe(n);
    expect(afterCommitKill.imports).toEqual([...before.imports, `${restaurantId}|pos-hourly-200k.csv|${ROWS}`].sort());
    log(`completed import: ${ROWS} records stored in ${storeMs} ms; killed right after; all ${afterCommitKill.counts.records} records there after restart`);

    // The app itself still opens and shows the claims.
    await page.goto('/#/claimant');
    await expect(page.locator('.claim-item', { hasText: '국밥집' })).toBeVisible();
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a kill in the middle of a packet export changes nothing in the database and leaves no file that looks complete', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'desk-crash-export-'));
  const downloads = mkdtempSync(join(tmpdir(), 'desk-crash-downloads-'));
  try {
    let { context, page } = await start(profile, downloads);
    await useRestaurant(page);
    const before: DbDump = await dumpDb(page);
    await page.goto('/#/export');
    const build = page.getByRole('button', { name: '증빙 묶음 만들기' });
    await build.waitFor();
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await build.click();
    // The packet is built in a worker (PDF with fonts); kill while its progress shows.
    await page.getByRole('progressbar').first().waitFor({ timeout: SLOW_STEP });
    await crash(context, profile);
    log(`kill during packet build: download started before the kill: ${downloaded}`);
    expect(downloaded).toBe(false);
    const files = existsSync(downloads) ? readdirSync(downloads) : [];
    expect(files.filter((f) => f.endsWith('.zip'))).toEqual([]);

    ({ context, page } = await start(profile, downloads));
    expect(await dumpDb(page)).toEqual(before);
    log(`after restart: database identical; files in the download folder: ${JSON.stringify(files)}`);
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
    rmSync(downloads, { recursive: true, force: true });
  }
});
