import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS, type AutoBackupList, type AutoBackupWritten, type BridgeResponse, type OpenedFile } from '../../src/bridge/contract';

// Only Electron is faked (it cannot run here); the backups folder is a real folder on disk.
const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, args?: unknown) => Promise<unknown>>(),
}));
vi.mock('electron', () => ({
  app: { getName: () => 'Outage Loss Desk', getVersion: () => '0.1.0', getPath: (name: string) => `/unused/${name}` },
  dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
  shell: { showItemInFolder: vi.fn() },
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, args?: unknown) => Promise<unknown>) => electron.handlers.set(channel, fn),
    removeHandler: (channel: string) => electron.handlers.delete(channel),
  },
}));

const { registerIpcHandlers } = await import('../../electron/ipc');

let dir: string;
let backupsDir: string;
let clock: Date;
let written: [string, string][];
let unregister: () => void;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'desk-autobackup-'));
  backupsDir = path.join(dir, 'userData', 'backups');
  mkdirSync(path.join(dir, 'userData', 'data'), { recursive: true });
  // 2022-10-15 20:00:00 KST
  clock = new Date('2022-10-15T11:00:00Z');
  written = [];
  unregister = registerIpcHandlers({
    dataDir: path.join(dir, 'userData', 'data'),
    getWindow: () => null,
    now: () => clock,
    onAutoBackupWritten: (reason, name) => written.push([reason, name]),
  });
});
afterEach(() => {
  unregister();
  rmSync(dir, { recursive: true, force: true });
});

const appFrame = { url: 'app://desk/index.html', parent: null };

async function invoke<T>(channel: keyof typeof BRIDGE_CHANNELS, args?: unknown, event: unknown = { senderFrame: appFrame }): Promise<BridgeResponse<T>> {
  return (await electron.handlers.get(BRIDGE_CHANNELS[channel])!(event, args)) as BridgeResponse<T>;
}

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text));

describe('writeAutoBackup', () => {
  it('writes <userData>/backups/outage-desk-backup-<KST>.odbackup atomically and tells main', async () => {
    const response = await invoke<AutoBackupWritten>('writeAutoBackup', { bytes: bytesOf('backup one'), reason: 'quit' });
    const name = 'outage-desk-backup-20221015-200000.odbackup';
    expect(response).toEqual({ ok: true, value: { name, path: path.join(backupsDir, name), size: 10, deleted: [] } });
    expect(readFileSync(path.join(backupsDir, name), 'utf8')).toBe('backup one');
    expect(readdirSync(backupsDir)).toEqual([name]); // no temp file left
    expect(written).toEqual([['quit', name]]);
  });

  it('never overwrites one taken in the same second: the next free second is used', async () => {
    await invoke('writeAutoBackup', { bytes: bytesOf('before upgrade'), reason: 'before-upgrade' });
    const second = await invoke<AutoBackupWritten>('writeAutoBackup', { bytes: bytesOf('daily'), reason: 'daily' });
    expect(second.ok && second.value.name).toBe('outage-desk-backup-20221015-200001.odbackup');
    expect(readFileSync(path.join(backupsDir, 'outage-desk-backup-20221015-200000.odbackup'), 'utf8')).toBe('before upgrade');
  });

  it('keeps the newest ten on the real disk, and never touches the user’s own files there', async () => {
    mkdirSync(backupsDir, { recursive: true });
    writeFileSync(path.join(backupsDir, 'my copy.odbackup'), 'mine');
    writeFileSync(path.join(backupsDir, 'outage-desk-backup-20221015-200000.odbackup.txt'), 'look-alike');
    const names: string[] = [];
    for (let i = 0; i < 13; i++) {
      clock = new Date(Date.UTC(2022, 9, 15 + i, 11, 0, 0));
      const r = await invoke<AutoBackupWritten>('writeAutoBackup', { bytes: bytesOf(`day ${i}`), reason: 'daily' });
      if (!r.ok) throw new Error(r.message);
      names.push(r.value.name);
      if (i === 10) expect(r.value.deleted).toEqual([names[0]]);
    }
    const left = readdirSync(backupsDir).sort();
    expect(left).toEqual([...names.slice(3), 'my copy.odbackup', 'outage-desk-backup-20221015-200000.odbackup.txt'].sort());
    expect(readFileSync(path.join(backupsDir, names[12]!), 'utf8')).toBe('day 12');
  });

  it('keeps the one just written even when the clock went backwards', async () => {
    for (let i = 0; i < 10; i++) {
      clock = new Date(Date.UTC(2023, 0, 1 + i, 3));
      await invoke('writeAutoBackup', { bytes: bytesOf(`2023 ${i}`), reason: 'daily' });
    }
    clock = new Date(Date.UTC(2022, 0, 1, 3)); // a year earlier
    const r = await invoke<AutoBackupWritten>('writeAutoBackup', { bytes: bytesOf('now'), reason: 'quit' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(existsSync(r.value.path!)).toBe(true);
    expect(r.value.deleted).toEqual(['outage-desk-backup-20230101-120000.odbackup']);
    expect(readdirSync(backupsDir)).toHaveLength(10);
  });

  it.each([
    [{ bytes: bytesOf('x'), reason: 'weekly' }, 'writeAutoBackup.reason'],
    [{ bytes: 'x', reason: 'daily' }, 'writeAutoBackup.bytes'],
    [{ bytes: new Uint8Array(0), reason: 'daily' }, 'writeAutoBackup.bytes'],
    [{ bytes: bytesOf('x'), reason: 'daily', name: '../../evil' }, 'writeAutoBackup'],
    [undefined, 'writeAutoBackup'],
  ])('refuses bad arguments (%j) naming %s, writing nothing', async (args, field) => {
    const r = await invoke('writeAutoBackup', args);
    expect(r).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(!r.ok && r.message).toContain(`(${field})`);
    expect(existsSync(backupsDir) ? readdirSync(backupsDir) : []).toEqual([]);
    expect(written).toEqual([]);
  });

  it('refuses a call from another page before writing anything', async () => {
    const r = await invoke('writeAutoBackup', { bytes: bytesOf('x'), reason: 'quit' }, { senderFrame: { url: 'https://evil.example/', parent: null } });
    expect(r).toMatchObject({ ok: false, code: 'untrusted-sender' });
    expect(existsSync(backupsDir)).toBe(false);
    expect(written).toEqual([]);
  });

  it('reports a folder it cannot write as io-failed, and keeps the old backups', async () => {
    await invoke('writeAutoBackup', { bytes: bytesOf('old'), reason: 'daily' });
    const blocked = path.join(dir, 'userData', 'blocked');
    writeFileSync(blocked, 'a file where the folder should be');
    const other = registerIpcHandlers({ dataDir: path.join(dir, 'userData', 'data'), backupsDir: blocked, getWindow: () => null });
    const r = await invoke('writeAutoBackup', { bytes: bytesOf('new'), reason: 'daily' });
    expect(r).toMatchObject({ ok: false, code: 'io-failed' });
    other();
    expect(readdirSync(backupsDir)).toEqual(['outage-desk-backup-20221015-200000.odbackup']);
  });
});

describe('listAutoBackups and readAutoBackup', () => {
  it('lists only automatic backups, newest first, with sizes and KST times, and reads one back', async () => {
    await invoke('writeAutoBackup', { bytes: bytesOf('first'), reason: 'daily' });
    clock = new Date('2022-10-16T11:30:05Z');
    await invoke('writeAutoBackup', { bytes: bytesOf('second!'), reason: 'quit' });
    writeFileSync(path.join(backupsDir, 'notes.txt'), 'not a backup');
    mkdirSync(path.join(backupsDir, 'outage-desk-backup-20221017-200000.odbackup')); // a folder with the name
    const list = await invoke<AutoBackupList>('listAutoBackups');
    expect(list).toEqual({
      ok: true,
      value: {
        folder: backupsDir,
        backups: [
          {
            name: 'outage-desk-backup-20221016-203005.odbackup',
            path: path.join(backupsDir, 'outage-desk-backup-20221016-203005.odbackup'),
            size: 7,
            takenAt: '2022-10-16T20:30:05+09:00',
          },
          {
            name: 'outage-desk-backup-20221015-200000.odbackup',
            path: path.join(backupsDir, 'outage-desk-backup-20221015-200000.odbackup'),
            size: 5,
            takenAt: '2022-10-15T20:00:00+09:00',
          },
        ],
      },
    });
    const read = await invoke<OpenedFile>('readAutoBackup', { name: 'outage-desk-backup-20221016-203005.odbackup' });
    expect(read.ok && Buffer.from(read.value.bytes).toString()).toBe('second!');
  });

  it('lists nothing (not an error) before the first backup', async () => {
    expect(await invoke('listAutoBackups', {})).toEqual({ ok: true, value: { folder: backupsDir, backups: [] } });
  });

  it.each([
    '../data/secret.odbackup',
    '../../../etc/passwd',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    'outage-desk-backup-20221015-200000.odbackup/../../secret',
    'outage-desk-backup-20221015-200000.odbackup\u0000.txt',
    'sub/outage-desk-backup-20221015-200000.odbackup',
    'outage-desk-backup-20221332-250000.odbackup',
    'my copy.odbackup',
    '',
  ])('refuses the name %j before touching the disk', async (name) => {
    writeFileSync(path.join(dir, 'userData', 'data', 'secret.odbackup'), 'TOP SECRET');
    const r = await invoke('readAutoBackup', { name });
    expect(r).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(!r.ok && r.message).toContain('(readAutoBackup.name)');
    expect(JSON.stringify(r)).not.toContain('TOP SECRET');
  });

  it('refuses a symlink planted under a backup name', async () => {
    mkdirSync(backupsDir, { recursive: true });
    writeFileSync(path.join(dir, 'secret.txt'), 'TOP SECRET');
    symlinkSync(path.join(dir, 'secret.txt'), path.join(backupsDir, 'outage-desk-backup-20221015-200000.odbackup'));
    const r = await invoke('readAutoBackup', { name: 'outage-desk-backup-20221015-200000.odbackup' });
    expect(r).toMatchObject({ ok: false, code: 'not-allowed' });
    expect(JSON.stringify(r)).not.toContain('TOP SECRET');
    const list = await invoke<AutoBackupList>('listAutoBackups');
    expect(list.ok && list.value.backups).toEqual([]);
  });

  it('says which backup is missing', async () => {
    const r = await invoke('readAutoBackup', { name: 'outage-desk-backup-20221015-200000.odbackup' });
    expect(r).toMatchObject({ ok: false, code: 'io-failed' });
    expect(!r.ok && r.message).toMatch(/자동 백업을 찾을 수 없어요: outage-desk-backup-20221015-200000\.odbackup \/ Automatic backup not found/);
  });

  it('refuses list and read from a sub-frame', async () => {
    const event = { senderFrame: { url: 'app://desk/index.html', parent: appFrame } };
    expect(await invoke('listAutoBackups', undefined, event)).toMatchObject({ ok: false, code: 'untrusted-sender' });
    expect(await invoke('readAutoBackup', { name: 'outage-desk-backup-20221015-200000.odbackup' }, event)).toMatchObject({ ok: false, code: 'untrusted-sender' });
  });
});
