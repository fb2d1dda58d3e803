/**
 * Bench page (not shipped): times bulkPut of N record rows into the app's real Dexie database class, in
 * one transaction, in a fresh database, in real Chromium. The rows are built before the clock starts.
 */
import Dexie from 'dexie';
import { OutageDeskDB } from '../../../src/db/database';
import { countRecords } from '../../../src/db/records';
import type { RecordRow } from '../../../src/db/schema';

const CHANNELS = ['card', 'kakao-pay', 'talk-channel-order', 'cash', 'phone'];
const pad = (n: number) => String(n).padStart(2, '0');

function rows(n: number, claimId: string): RecordRow[] {
  const out: RecordRow[] = [];
  // One row per (hour, channel), hour after hour from 2016: the shape an hourly POS import stores.
  let t = Date.UTC(2016, 0, 1);
  for (let i = 0; i < n; i++) {
    const channel = CHANNELS[i % CHANNELS.length]!;
    if (i > 0 && i % CHANNELS.length === 0) t += 3_600_000;
    const d = new Date(t);
    const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    const count = 1 + ((i * 7919) % 9);
    out.push({
      claimId,
      bucket: `${day}T${pad(d.getUTCHours())}:00+09:00`,
      channel,
      count,
      revenue: count * 11_000,
      provenance: { kind: 'imported', fileSha256: 'a'.repeat(64), fileName: 'POS_시간대별.csv', row: i + 2 },
    });
  }
  return out;
}

export type BulkPutResult = { ms: number; stored: number };

async function bulkPut(n: number): Promise<BulkPutResult> {
  const name = `bench-bulk-put-${n}-${Date.now()}`;
  const db = new OutageDeskDB(name);
  await db.open();
  try {
    const data = rows(n, 'bench-claim');
    const started = performance.now();
    await db.transaction('rw', db.records, () => db.records.bulkPut(data));
    const ms = performance.now() - started;
    return { ms, stored: await countRecords(db, 'bench-claim') };
  } finally {
    db.close();
    await Dexie.delete(name);
  }
}

declare global {
  interface Window {
    benchBulkPut?: (n: number) => Promise<BulkPutResult>;
  }
}

window.benchBulkPut = bulkPut;

/**
 * The same rows through raw IndexedDB (same stores and indexes, one transaction, no Dexie): tells
 * whether a slow bulkPut is Dexie's cost or the browser's. The indexes are read from the app's own
 * schema, so this stays "the same indexes" whenever a database version changes them.
 */
function appRecordIndexes(): { name: string; keyPath: string | string[] }[] {
  // Declaring the versions builds Dexie's schema; nothing is opened.
  const app = new OutageDeskDB('bench-schema-only');
  return app.records.schema.indexes.map((i) => ({ name: i.name, keyPath: i.keyPath as string | string[] }));
}

async function rawPut(n: number, withIndexes: boolean): Promise<BulkPutResult> {
  const name = `bench-raw-put-${n}-${Date.now()}`;
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore('records', { keyPath: 'id', autoIncrement: true });
    if (!withIndexes) return;
    for (const index of appRecordIndexes()) store.createIndex(index.name, index.keyPath);
  };
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    const data = rows(n, 'bench-claim');
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('records', 'readwrite');
      const store = tx.objectStore('records');
      for (const row of data) store.put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    const ms = performance.now() - started;
    const stored = await new Promise<number>((resolve, reject) => {
      const req = db.transaction('records').objectStore('records').count();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    return { ms, stored };
  } finally {
    db.close();
    indexedDB.deleteDatabase(name);
  }
}

declare global {
  interface Window {
    benchRawPut?: (n: number, withIndexes: boolean) => Promise<BulkPutResult>;
  }
}
window.benchRawPut = rawPut;
document.getElementById('state')!.textContent = 'ready';
