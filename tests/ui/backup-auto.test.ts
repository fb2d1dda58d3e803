import 'fake-indexeddb/auto';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createBrowserAutoBackups, BROWSER_BACKUPS_KEPT } from '../../src/bridge/browser-auto-backups';
import { createMemoryBridge } from '../../src/bridge/memory';
import { readBackup } from '../../src/core/backup';
import { LATEST_VERSION, OutageDeskDB, openDesk, readInstalledVersion } from '../../src/db';
import { restoreBackup } from '../../src/db/backup';
import { backupBeforeUpgrade, DAY_MS, onAutoBackupAttempt, preUpgradeOutcome, startAutoBackups, type AutoBackupAttempt } from '../../src/ui/backup/auto';
import { fullDump } from '../db/backup-dump';

const open: OutageDeskDB[] = [];
const freshName = (label: string) => `auto-${label}-${Math.random().toString(36).slice(2)}`;
afterEach(() => open.splice(0).forEach((d) => d.close()));

async function deskWithOneClaim(): Promise<OutageDeskDB> {
  const db = new OutageDeskDB(freshName('desk'));
  await db.open();
  open.push(db);
  await db.claims.add({ id: 'c1', title: '연남 카페', kind: 'merchant', createdAt: '2022-10-16T09:00:00+09:00', updatedAt: '2022-10-16T09:00:00+09:00', example: 0, body: { draft: true } });
  await db.records.add({ claimId: 'c1', bucket: '2022-10-15', channel: 'walk-in', count: 4, revenue: 40_000, provenance: { kind: 'logged' } });
  return db;
}

/** A manual interval: the test decides when "an hour" has passed. */
function manualTimer() {
  const timers = new Set<() => void>();
  return {
    setInterval: (fn: () => void) => (timers.add(fn), fn),
    clearInterval: (h: unknown) => timers.delete(h as () => void),
    fire: () => [...timers].forEach((fn) => fn()),
    size: () => timers.size,
  };
}

describe('automatic backups in the desktop shell (scheduler)', () => {
  it('writes a daily backup at start when none is younger than 24 h, then again once 24 h have passed', async () => {
    const db = await deskWithOneClaim();
    let now = Date.parse('2022-10-20T01:00:00Z');
    const bridge = createMemoryBridge({ isElectron: true }, { now: () => new Date(now) });
    const timer = manualTimer();
    const attempts: AutoBackupAttempt[] = [];
    const auto = startAutoBackups({ db, bridge, inline: true, now: () => now, ...timer, onWritten: (a) => attempts.push(a) });
    await auto.ready;
    expect([...bridge.autoBackups.keys()]).toEqual(['outage-desk-backup-20221020-100000.odbackup']);
    expect(attempts).toEqual([{ reason: 'daily', name: 'outage-desk-backup-20221020-100000.odbackup' }]);

    now += DAY_MS - 3600_000; // 23 h later: not due
    timer.fire();
    await new Promise((r) => setTimeout(r, 50));
    expect(bridge.autoBackups.size).toBe(1);

    now += 3600_000; // 24 h: due
    timer.fire();
    await expect.poll(() => bridge.autoBackups.size).toBe(2);
    const newest = [...bridge.autoBackups.entries()].find(([n]) => n === 'outage-desk-backup-20221021-100000.odbackup')!;
    expect(newest[1].reason).toBe('daily');
    const { summary } = await readBackup(newest[1].bytes, { supportedDbVersion: LATEST_VERSION });
    expect(summary.claims.map((c) => [c.title, c.recordCount])).toEqual([['연남 카페', 1]]);

    auto.stop();
    expect(timer.size()).toBe(0);
  });

  it('does not write at start when a backup is younger than 24 h', async () => {
    const db = await deskWithOneClaim();
    const now = Date.parse('2022-10-20T01:00:00Z');
    const bridge = createMemoryBridge({ isElectron: true }, { now: () => new Date(now - 3 * 3600_000) });
    await bridge.writeAutoBackup({ bytes: new Uint8Array([1]), reason: 'quit' });
    const auto = startAutoBackups({ db, bridge, inline: true, now: () => now, ...manualTimer() });
    await auto.ready;
    expect(bridge.autoBackups.size).toBe(1);
    auto.stop();
  });

  it('answers the shell’s quit request with a full backup of the database (reason quit), and stops listening on stop()', async () => {
    const db = await deskWithOneClaim();
    const bridge = createMemoryBridge({ isElectron: true }, { now: () => new Date('2022-10-20T01:00:00Z') });
    await bridge.writeAutoBackup({ bytes: new Uint8Array([1]), reason: 'daily' }); // recent: no daily at start
    const seen: AutoBackupAttempt[] = [];
    const off = onAutoBackupAttempt((a) => seen.push(a));
    const auto = startAutoBackups({ db, bridge, inline: true, now: () => Date.parse('2022-10-20T02:00:00Z'), ...manualTimer() });
    await auto.ready;
    expect(bridge.backupRequestListeners()).toBe(1);
    bridge.requestBackup();
    await expect.poll(() => [...bridge.autoBackups.values()].filter((b) => b.reason === 'quit').length).toBe(1);
    const quit = [...bridge.autoBackups.values()].find((b) => b.reason === 'quit')!;
    const restored = new OutageDeskDB(freshName('restored'));
    await restored.open();
    open.push(restored);
    await restoreBackup(restored, quit.bytes, { mode: 'replace-all' });
    expect(await fullDump(restored.name)).toEqual(await fullDump(db.name));
    expect(seen.map((a) => a.reason)).toEqual(['quit']);
    off();
    auto.stop();
    expect(bridge.backupRequestListeners()).toBe(0);
  });

  it('does nothing in a plain browser (no data folder, no quit event)', async () => {
    const db = await deskWithOneClaim();
    const bridge = createMemoryBridge({ isElectron: false });
    const timer = manualTimer();
    const auto = startAutoBackups({ db, bridge, inline: true, ...timer });
    await auto.ready;
    expect(bridge.autoBackups.size).toBe(0);
    expect(bridge.backupRequestListeners()).toBe(0);
    expect(timer.size()).toBe(0);
  });
});

/** A version-1 database as the previous app left it (no `day` on records). */
async function seedVersion1(name: string, records: Record<string, unknown>[]): Promise<void> {
  const old = new OutageDeskDB(name, 1);
  await old.open();
  await old.claims.add({ id: 'c1', title: '제주 택시', kind: 'taxi', createdAt: '2022-10-16T09:00:00+09:00', updatedAt: '2022-10-16T09:00:00+09:00', example: 0, body: { draft: true } });
  await old.table('records').bulkAdd(records);
  await old.settings.add({ key: 'currentClaimId', value: 'c1' });
  old.close();
}

const hour = (h: number, count: number) => ({ claimId: 'c1', bucket: `2022-10-15T${String(h).padStart(2, '0')}:00+09:00`, channel: 'kakao-t', count, revenue: count * 15_000, provenance: { kind: 'logged' } });

describe('before a database upgrade', () => {
  it('copies the old database as a restorable backup before the new schema touches it', async () => {
    expect(LATEST_VERSION).toBeGreaterThan(1);
    const name = freshName('v1');
    await seedVersion1(name, [hour(19, 2), hour(20, 0)]);
    const v1 = await fullDump(name);
    expect(v1.version).toBe(1);
    const bridge = createMemoryBridge({ isElectron: true }, { now: () => new Date('2022-10-20T01:00:00Z') });

    let versionSeenByHook = -1;
    const opened = await openDesk(name, {
      beforeUpgrade: async (upgrade) => {
        versionSeenByHook = await readInstalledVersion(name);
        await backupBeforeUpgrade(upgrade, bridge);
      },
    });
    if (opened.kind !== 'ready') throw new Error(opened.kind);
    open.push(opened.db);
    expect(versionSeenByHook).toBe(1); // the copy was taken while the database was still version 1
    expect(await readInstalledVersion(name)).toBe(LATEST_VERSION);
    expect(preUpgradeOutcome).toMatchObject({ fromVersion: 1, toVersion: LATEST_VERSION, kind: 'backup', name: 'outage-desk-backup-20221020-100000.odbackup' });

    const [copy] = [...bridge.autoBackups.values()];
    expect(copy!.reason).toBe('before-upgrade');
    const read = await readBackup(copy!.bytes, { supportedDbVersion: LATEST_VERSION });
    expect(read.summary.dbVersion).toBe(1);
    expect(read.contents.records.map((r) => [r.bucket, r.count])).toEqual([
      ['2022-10-15T19:00+09:00', 2],
      ['2022-10-15T20:00+09:00', 0],
    ]);
    // Restored into the upgraded database, it brings back exactly the old rows, in the current shape (no `day`).
    await opened.db.records.clear();
    await restoreBackup(opened.db, copy!.bytes, { mode: 'replace-all' });
    const rows = await opened.db.records.toArray();
    expect(rows.map((r) => [r.bucket, r.count, 'day' in r])).toEqual([
      ['2022-10-15T19:00+09:00', 2, false],
      ['2022-10-15T20:00+09:00', 0, false],
    ]);
    expect((await fullDump(name)).tables.claims).toEqual(v1.tables.claims);
  });

  it('keeps a raw dump when the old rows no longer fit the backup format, and still opens the app', async () => {
    const name = freshName('v1-odd');
    await seedVersion1(name, [hour(19, 2), { ...hour(20, 1), count: -3 }]);
    const bridge = createMemoryBridge({ isElectron: true }, { now: () => new Date('2022-10-20T01:00:00Z') });
    const opened = await openDesk(name, { beforeUpgrade: (u) => backupBeforeUpgrade(u, bridge) });
    if (opened.kind !== 'ready') throw new Error(opened.kind);
    open.push(opened.db);
    expect(preUpgradeOutcome).toMatchObject({ kind: 'raw-dump', fromVersion: 1 });
    const [copy] = [...bridge.autoBackups.values()];
    const files = unzipSync(copy!.bytes);
    const dump = JSON.parse(strFromU8(files['raw-dump.json']!));
    expect(dump.format).toBe('outage-loss-desk/raw-dump');
    expect(dump.dbVersion).toBe(1);
    expect(dump.reason).toMatch(/records\.jsonl 2번째 줄.*count/);
    expect(dump.tables.records.map((r: { count: number }) => r.count)).toEqual([2, -3]);
    expect(dump.tables.claims[0].title).toBe('제주 택시');
  });

  it('a copy that cannot be written is reported and the app still opens', async () => {
    const name = freshName('v1-fail');
    await seedVersion1(name, [hour(19, 2)]);
    const bridge = createMemoryBridge({ isElectron: true });
    bridge.writeAutoBackup = async () => {
      throw new Error('disk full');
    };
    const opened = await openDesk(name, { beforeUpgrade: (u) => backupBeforeUpgrade(u, bridge) });
    expect(opened.kind).toBe('ready');
    if (opened.kind === 'ready') open.push(opened.db);
    expect(preUpgradeOutcome).toMatchObject({ fromVersion: 1, error: 'disk full' });
  });

  it('is not called for a new database or one already at this version', async () => {
    let calls = 0;
    const name = freshName('new');
    const first = await openDesk(name, { beforeUpgrade: async () => void calls++ });
    if (first.kind === 'ready') first.db.close();
    const second = await openDesk(name, { beforeUpgrade: async () => void calls++ });
    if (second.kind === 'ready') second.db.close();
    expect(calls).toBe(0);
  });
});

describe('automatic backups in a plain browser (separate IndexedDB database)', () => {
  it('keeps the newest three, reads them back byte for byte, and lists them newest first', async () => {
    let t = Date.parse('2022-10-20T01:00:00Z');
    const store = createBrowserAutoBackups(() => indexedDB, () => new Date(t));
    const names: string[] = [];
    for (let i = 0; i < 5; i++) {
      const w = await store.write(new TextEncoder().encode(`backup ${i}`), i === 0 ? 'before-upgrade' : 'before-restore');
      names.push(w.name);
      t += 60_000;
    }
    const { backups } = await store.list();
    expect(backups.map((b) => b.name)).toEqual(names.slice(-BROWSER_BACKUPS_KEPT).reverse());
    const read = await store.read(names[4]!);
    expect(new TextDecoder().decode(read.bytes)).toBe('backup 4');
    await expect(store.read(names[0]!)).rejects.toMatchObject({ code: 'io-failed' });
  });
});
