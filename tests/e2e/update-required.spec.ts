import { expect, test } from '@playwright/test';
import { createClaimInUi, openApp } from './fixtures';

test('data saved by a newer app version opens read-only behind "update required" and is not changed', async ({ page }) => {
  await openApp(page);
  await createClaimInUi(page, '새 버전이 만든 신고서');

  // Play the newer app: raise the database's version by one step (Dexie stores version x 10).
  const before = await page.evaluate(async () => {
    const current: IDBDatabase = await new Promise((resolve, reject) => {
      const r = indexedDB.open('outage-loss-desk');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const next = current.version + 10;
    current.close();
    await new Promise<void>((resolve, reject) => {
      const r = indexedDB.open('outage-loss-desk', next);
      r.onupgradeneeded = () => r.result.createObjectStore('futureOnly');
      r.onsuccess = () => { r.result.close(); resolve(); };
      r.onerror = () => reject(r.error);
    });
    return next;
  });

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '업데이트가 필요해요' })).toBeVisible();
  await expect(page.getByText('새 버전이 만든 신고서')).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('button')).toHaveCount(0);

  const after = await page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const r = indexedDB.open('outage-loss-desk');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const version = db.version;
    const stores = Array.from(db.objectStoreNames).sort();
    db.close();
    return { version, stores };
  });
  expect(after.version).toBe(before);
  expect(after.stores).toContain('futureOnly');
});
