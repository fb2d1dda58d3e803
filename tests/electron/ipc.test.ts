import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_CALLS, BRIDGE_CHANNELS, DEFAULT_MAX_OPEN_BYTES, type BridgeResponse } from '../../src/bridge/contract';

// Only Electron is faked (it cannot run here); files are read and written on the real disk.
const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, args?: unknown) => Promise<unknown>>(),
  dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
  shell: { showItemInFolder: vi.fn() },
  documents: '/home/user/Documents',
}));
vi.mock('electron', () => ({
  app: {
    getName: () => 'Outage Loss Desk',
    getVersion: () => '0.1.0',
    getPath: (name: string) => (name === 'documents' ? electron.documents : `/unused/${name}`),
  },
  dialog: electron.dialog,
  shell: electron.shell,
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, args?: unknown) => Promise<unknown>) => electron.handlers.set(channel, fn),
    removeHandler: (channel: string) => electron.handlers.delete(channel),
  },
}));

const { registerIpcHandlers } = await import('../../electron/ipc');

let dir: string;
let dataDir: string;
let unregister: () => void;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'desk-ipc-'));
  dataDir = path.join(dir, 'userData', 'data');
  mkdirSync(dataDir, { recursive: true });
  electron.dialog.showSaveDialog.mockReset();
  electron.dialog.showOpenDialog.mockReset();
  electron.shell.showItemInFolder.mockReset();
  unregister = registerIpcHandlers({ dataDir, getWindow: () => null });
});
afterEach(() => {
  unregister();
  rmSync(dir, { recursive: true, force: true });
});

const appFrame = { url: 'app://desk/index.html', parent: null };
const fromApp = { senderFrame: appFrame };

async function invoke<T = unknown>(call: (typeof BRIDGE_CALLS)[number], args?: unknown, event: unknown = fromApp): Promise<BridgeResponse<T>> {
  const handler = electron.handlers.get(BRIDGE_CHANNELS[call]);
  if (!handler) throw new Error(`no handler for ${call}`);
  return (await handler(event, args)) as BridgeResponse<T>;
}

describe('registration', () => {
  it('registers exactly one handler per bridge call, and removes them', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(Object.values(BRIDGE_CHANNELS).sort());
    unregister();
    expect(electron.handlers.size).toBe(0);
    unregister = registerIpcHandlers({ dataDir, getWindow: () => null });
  });
});

describe('sender check', () => {
  const validArgs = {
    saveFile: { suggestedName: 'a.csv', bytes: new Uint8Array([1]) },
    openFiles: {},
    appInfo: undefined,
    revealFile: { path: '/tmp/x' },
    writeAutoBackup: { bytes: new Uint8Array([1]), reason: 'daily' },
    listAutoBackups: undefined,
    readAutoBackup: { name: 'outage-desk-backup-20221015-200000.odbackup' },
  } as const;

  it.each([
    ['a remote page', { senderFrame: { url: 'https://evil.example/?next=app://desk', parent: null } }],
    ['a look-alike host', { senderFrame: { url: 'app://desk.evil.example/index.html', parent: null } }],
    ['another app:// host', { senderFrame: { url: 'app://evil/index.html', parent: null } }],
    ['a file:// page', { senderFrame: { url: 'file:///home/user/evil.html', parent: null } }],
    ['a sub-frame of the app', { senderFrame: { url: 'app://desk/index.html', parent: appFrame } }],
    ['a frame that is gone', { senderFrame: null }],
  ])('refuses every call from %s, before doing anything', async (_label, event) => {
    for (const call of BRIDGE_CALLS) {
      const response = await invoke(call, validArgs[call], event);
      expect(response).toMatchObject({ ok: false, code: 'untrusted-sender' });
    }
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(electron.dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(electron.shell.showItemInFolder).not.toHaveBeenCalled();
  });
});

describe('argument parsing', () => {
  it.each([
    ['saveFile', undefined, 'saveFile'],
    ['saveFile', { suggestedName: '../../.bashrc', bytes: new Uint8Array([1]) }, 'saveFile.suggestedName'],
    ['saveFile', { suggestedName: 'a.csv', bytes: 'not bytes' }, 'saveFile.bytes'],
    ['saveFile', { suggestedName: 'a.csv', bytes: [1, 2, 3] }, 'saveFile.bytes'],
    ['saveFile', { suggestedName: 'a.csv', bytes: new Uint8Array([1]), extra: true }, 'saveFile'],
    ['saveFile', { suggestedName: 'a.csv', bytes: new Uint8Array([1]), filters: [{ name: 'CSV', extensions: ['.csv'] }] }, 'saveFile.filters.0.extensions.0'],
    ['openFiles', { maxBytes: -1 }, 'openFiles.maxBytes'],
    ['openFiles', { maxBytes: 10 * 1024 * 1024 * 1024 }, 'openFiles.maxBytes'],
    ['openFiles', { accept: ['csv;rm -rf'] }, 'openFiles.accept.0'],
    ['openFiles', { multiple: 'yes' }, 'openFiles.multiple'],
    ['revealFile', { path: '' }, 'revealFile.path'],
    ['revealFile', { path: 42 }, 'revealFile.path'],
    ['appInfo', { sneaky: 1 }, 'appInfo'],
  ] as const)('%s(%j) is refused naming %s', async (call, args, field) => {
    const response = await invoke(call, args);
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.code).toBe('invalid-argument');
    expect(response.message).toContain(`(${field})`);
    expect(response.message).toMatch(/잘못된 요청이에요 .* \/ Invalid argument/);
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(electron.dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});

describe('saveFile', () => {
  it('writes the chosen file atomically and reports its path', async () => {
    const target = path.join(dir, '청구 패킷.zip');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const bytes = new Uint8Array([80, 75, 3, 4, 0, 1, 2]);
    const response = await invoke('saveFile', { suggestedName: '청구 패킷.zip', bytes, filters: [{ name: 'ZIP', extensions: ['zip'] }] });
    expect(response).toEqual({ ok: true, value: { saved: true, path: target } });
    expect(readFileSync(target).equals(bytes)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const options = electron.dialog.showSaveDialog.mock.calls[0][0];
    expect(options.defaultPath).toBe(path.join(electron.documents, '청구 패킷.zip'));
    expect(options.filters).toEqual([{ name: 'ZIP', extensions: ['zip'] }]);
  });

  it('adds the suggested extension when the dialog dropped it', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: path.join(dir, 'claim') });
    const response = await invoke('saveFile', { suggestedName: 'claim.pdf', bytes: new Uint8Array([37, 80]) });
    expect(response).toEqual({ ok: true, value: { saved: true, path: path.join(dir, 'claim.pdf') } });
  });

  it('answers saved: false when the user cancels, and writes nothing', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await invoke('saveFile', { suggestedName: 'a.csv', bytes: new Uint8Array([1]) })).toEqual({ ok: true, value: { saved: false } });
    expect(readdirSync(dir)).toEqual(['userData']);
  });

  it('reports a failed write as io-failed naming the file, leaving nothing behind', async () => {
    const target = path.join(dir, 'missing-folder', 'a.csv');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const response = await invoke('saveFile', { suggestedName: 'a.csv', bytes: new Uint8Array([1]) });
    expect(response).toMatchObject({ ok: false, code: 'io-failed' });
    expect(!response.ok && response.message).toContain(target);
  });
});

describe('openFiles', () => {
  it('reads the chosen files with the default 50 MB cap', async () => {
    const a = path.join(dir, '10월 매출.csv');
    const b = path.join(dir, 'calls.CSV');
    writeFileSync(a, '일자,건수\n2022-10-15,0\n');
    writeFileSync(b, 'x');
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [a, b] });
    const response = await invoke<{ name: string; path: string; bytes: Uint8Array; size: number }[]>('openFiles', { accept: ['csv'], multiple: true });
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    expect(response.value.map((f) => [f.name, f.path, f.size])).toEqual([
      ['10월 매출.csv', a, Buffer.byteLength('일자,건수\n2022-10-15,0\n')],
      ['calls.CSV', b, 1],
    ]);
    expect(new TextDecoder().decode(response.value[0].bytes)).toBe('일자,건수\n2022-10-15,0\n');
    expect(response.value[0].bytes).toBeInstanceOf(Uint8Array);
    expect(electron.dialog.showOpenDialog.mock.calls[0][0]).toEqual({
      properties: ['openFile', 'multiSelections'],
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    expect(DEFAULT_MAX_OPEN_BYTES).toBe(50 * 1024 * 1024);
  });

  it('refuses a file over the cap with a Korean and English message naming it, and returns none', async () => {
    const small = path.join(dir, 'small.csv');
    const big = path.join(dir, '큰 파일.csv');
    writeFileSync(small, 'ok');
    writeFileSync(big, Buffer.alloc(2048, 0x41));
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [small, big] });
    const response = await invoke('openFiles', { multiple: true, maxBytes: 1024 });
    expect(response).toEqual({
      ok: false,
      code: 'file-too-large',
      message: '파일이 너무 커요: 큰 파일.csv (2.0 KB, 최대 1.0 KB) / File too large: 큰 파일.csv (2.0 KB, limit 1.0 KB)',
      // The halves cross the IPC as they are, so the renderer never splits the line.
      text: { ko: '파일이 너무 커요: 큰 파일.csv (2.0 KB, 최대 1.0 KB)', en: 'File too large: 큰 파일.csv (2.0 KB, limit 1.0 KB)' },
    });
  });

  it('names the size in megabytes at the default cap', async () => {
    const big = path.join(dir, 'huge.xlsx');
    writeFileSync(big, '');
    // A sparse 51 MB file: real size on the filesystem, no real bytes written.
    const { truncateSync } = await import('node:fs');
    truncateSync(big, 51 * 1024 * 1024);
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [big] });
    const response = await invoke('openFiles', {});
    expect(response).toMatchObject({ ok: false, code: 'file-too-large' });
    expect(!response.ok && response.message).toBe('파일이 너무 커요: huge.xlsx (51.0 MB, 최대 50.0 MB) / File too large: huge.xlsx (51.0 MB, limit 50.0 MB)');
  });

  it('refuses a file whose extension is not accepted, even if the dialog let it through', async () => {
    const script = path.join(dir, 'payload.exe');
    writeFileSync(script, 'MZ');
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [script] });
    const response = await invoke('openFiles', { accept: ['csv', 'xlsx'] });
    expect(response).toMatchObject({ ok: false, code: 'file-type-not-allowed' });
    expect(!response.ok && response.message).toContain('payload.exe');
  });

  it('keeps only the first file unless multiple is set, and returns [] on cancel', async () => {
    const a = path.join(dir, 'a.csv');
    const b = path.join(dir, 'b.csv');
    writeFileSync(a, 'a');
    writeFileSync(b, 'b');
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [a, b] });
    const one = await invoke<{ name: string }[]>('openFiles', undefined);
    expect(one.ok && one.value.map((f) => f.name)).toEqual(['a.csv']);
    expect(electron.dialog.showOpenDialog.mock.calls[0][0].properties).toEqual(['openFile']);
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await invoke('openFiles', {})).toEqual({ ok: true, value: [] });
  });
});

describe('appInfo', () => {
  it('reports the app, the platform and the data folder', async () => {
    expect(await invoke('appInfo')).toEqual({
      ok: true,
      value: { name: 'Outage Loss Desk', version: '0.1.0', platform: process.platform, dataDir, isElectron: true },
    });
  });
});

describe('revealFile', () => {
  it('shows a file saved this session', async () => {
    const target = path.join(dir, 'packet.zip');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    await invoke('saveFile', { suggestedName: 'packet.zip', bytes: new Uint8Array([1]) });
    expect(await invoke('revealFile', { path: target })).toEqual({ ok: true, value: undefined });
    expect(electron.shell.showItemInFolder).toHaveBeenCalledWith(target);
  });

  it('shows a file inside the data folder', async () => {
    const backup = path.join(dataDir, 'backup-2022-10-15.json');
    writeFileSync(backup, '{}');
    expect(await invoke('revealFile', { path: backup })).toEqual({ ok: true, value: undefined });
  });

  it.each([
    ['a path the user never chose', () => '/etc/passwd', 'not-allowed'],
    ['a relative path', () => 'packet.zip', 'not-allowed'],
    ['a path escaping the data folder', (d: string) => path.join(d, '..', '..', 'secret.txt'), 'not-allowed'],
    ['a missing file in the data folder', (d: string) => path.join(d, 'gone.json'), 'io-failed'],
  ])('refuses %s', async (_label, makePath, code) => {
    writeFileSync(path.join(dir, 'secret.txt'), 'x');
    const response = await invoke('revealFile', { path: makePath(dataDir) });
    expect(response).toMatchObject({ ok: false, code });
    expect(electron.shell.showItemInFolder).not.toHaveBeenCalled();
  });
});
