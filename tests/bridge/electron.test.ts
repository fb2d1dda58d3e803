// @vitest-environment jsdom
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BridgeError, type BridgeCallName, type PreloadApi } from '../../src/bridge/contract';
import { createElectronBridge } from '../../src/bridge/electron';
import { getBridge, setBridgeForTests } from '../../src/bridge/index';
import { createMemoryBridge } from '../../src/bridge/memory';

// Both halves for real: the renderer-side bridge talks to main's handlers (electron/ipc.ts) through
// structuredClone, which is how Electron's IPC copies values. Only Electron's own APIs are faked.
const electron = vi.hoisted(() => ({ showSaveDialog: vi.fn(), showOpenDialog: vi.fn() }));
vi.mock('electron', () => ({
  app: { getName: () => 'Outage Loss Desk', getVersion: () => '0.1.0', getPath: () => '/home/user/Documents' },
  dialog: { showSaveDialog: electron.showSaveDialog, showOpenDialog: electron.showOpenDialog },
  shell: { showItemInFolder: vi.fn() },
  ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
}));
const { createBridgeHandlers, respond } = await import('../../electron/ipc');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'desk-bridge-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => setBridgeForTests(null));

function preloadOverIpc(frameUrl = 'app://desk/index.html') {
  const handlers = createBridgeHandlers({ dataDir: path.join(dir, 'data'), getWindow: () => null });
  const sent: unknown[] = [];
  const send = (call: BridgeCallName) => async (args: unknown) => {
    sent.push(call);
    const response = await respond(handlers, call, { senderFrame: { url: frameUrl, parent: null } as never }, structuredClone(args));
    return structuredClone(response);
  };
  const api = { saveFile: send('saveFile'), openFiles: send('openFiles'), appInfo: send('appInfo'), revealFile: send('revealFile') } as PreloadApi;
  return { api, sent };
}

describe('createElectronBridge over the real main handlers', () => {
  it('saves through the atomic writer and returns the path', async () => {
    const target = path.join(dir, '패킷.zip');
    electron.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const bridge = createElectronBridge(preloadOverIpc().api);
    expect(await bridge.saveFile({ suggestedName: '패킷.zip', bytes: new Uint8Array([80, 75]) })).toEqual({ saved: true, path: target });
    expect([...readFileSync(target)]).toEqual([80, 75]);
  });

  it('brings opened bytes back as a Uint8Array', async () => {
    const source = path.join(dir, 'calls.csv');
    writeFileSync(source, '건수\n0\n');
    electron.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [source] });
    const [file] = await createElectronBridge(preloadOverIpc().api).openFiles({ accept: ['csv'] });
    expect(Object.prototype.toString.call(file.bytes)).toBe('[object Uint8Array]');
    expect(new TextDecoder().decode(file.bytes)).toBe('건수\n0\n');
  });

  it('turns an error response into a BridgeError with its code and message', async () => {
    const big = path.join(dir, 'big.csv');
    writeFileSync(big, Buffer.alloc(4096));
    electron.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [big] });
    const error = await createElectronBridge(preloadOverIpc().api).openFiles({ maxBytes: 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeError);
    expect(error).toMatchObject({ code: 'file-too-large', message: expect.stringContaining('big.csv') });
  });

  it('surfaces a refused sender as untrusted-sender', async () => {
    const bridge = createElectronBridge(preloadOverIpc('https://evil.example/?next=app://desk').api);
    await expect(bridge.appInfo()).rejects.toMatchObject({ code: 'untrusted-sender' });
  });

  it('checks arguments before sending anything', async () => {
    const { api, sent } = preloadOverIpc();
    await expect(createElectronBridge(api).revealFile({ path: '' })).rejects.toMatchObject({ code: 'invalid-argument' });
    expect(sent).toEqual([]);
  });

  it('maps a broken channel to io-failed', async () => {
    const api = { appInfo: () => Promise.reject(new Error("No handler registered for 'outage-desk:appInfo'")) } as unknown as PreloadApi;
    await expect(createElectronBridge(api).appInfo()).rejects.toMatchObject({ code: 'io-failed', message: expect.stringContaining('No handler registered') });
  });
});

describe('getBridge', () => {
  afterEach(() => {
    delete window.outageDesk;
  });

  it('uses the browser bridge when there is no preload', async () => {
    expect(await getBridge().appInfo()).toMatchObject({ platform: 'web', isElectron: false });
  });

  it('uses window.outageDesk when the preload put it there', async () => {
    window.outageDesk = preloadOverIpc().api;
    setBridgeForTests(null); // forget the cached choice from the previous test
    expect(await getBridge().appInfo()).toMatchObject({ isElectron: true, version: '0.1.0' });
  });

  it('lets a UI test swap in the memory bridge, which applies the same contract', async () => {
    const fake = createMemoryBridge();
    setBridgeForTests(fake);
    expect(getBridge()).toBe(fake);
    await getBridge().saveFile({ suggestedName: 'a.csv', bytes: new Uint8Array([1]) });
    expect(fake.saved.map((s) => s.name)).toEqual(['a.csv']);
    fake.queueOpenFiles([{ name: 'big.csv', bytes: new Uint8Array(10) }]);
    await expect(getBridge().openFiles({ maxBytes: 5 })).rejects.toMatchObject({ code: 'file-too-large' });
    await expect(getBridge().saveFile({ suggestedName: 'a/b', bytes: new Uint8Array() })).rejects.toMatchObject({ code: 'invalid-argument' });
    setBridgeForTests(null);
    expect(getBridge()).not.toBe(fake);
  });
});
