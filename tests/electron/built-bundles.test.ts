import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_CALLS, BRIDGE_CHANNELS, BRIDGE_EVENT_CHANNELS, BRIDGE_EVENTS } from '../../src/bridge/contract';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';

/**
 * The real build (scripts/build-electron.mjs) into a temp app folder laid out like the packaged app:
 *   package.json (ours, "type": "module"), dist/index.html, dist-electron/{main.js,preload.cjs},
 *   node_modules/electron → a recording stub (tests/electron/fixtures/electron-stub.cjs).
 * Main is then loaded by plain Node as an ES module in a child process; the preload runs in a bare
 * vm context that offers only `require('electron')`, like a sandboxed preload.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const fixtures = path.join(import.meta.dirname, 'fixtures');
let appDir: string;
let mainPath: string;
let preloadPath: string;

beforeAll(() => {
  appDir = mkdtempSync(path.join(tmpdir(), 'desk-bundles-'));
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs'), '--outdir', path.join(appDir, 'dist-electron')], { cwd: root, stdio: 'pipe' });
  mainPath = path.join(appDir, 'dist-electron', 'main.js');
  preloadPath = path.join(appDir, 'dist-electron', 'preload.cjs');
  copyFileSync(path.join(root, 'package.json'), path.join(appDir, 'package.json'));
  mkdirSync(path.join(appDir, 'dist'));
  writeFileSync(path.join(appDir, 'dist', 'index.html'), '<!doctype html><title>Outage Loss Desk</title>');
  writeFileSync(path.join(appDir, 'secret.txt'), 'TOP SECRET');
  const stubDir = path.join(appDir, 'node_modules', 'electron');
  mkdirSync(stubDir, { recursive: true });
  writeFileSync(path.join(stubDir, 'package.json'), JSON.stringify({ name: 'electron', main: 'index.js' }));
  copyFileSync(path.join(fixtures, 'electron-stub.cjs'), path.join(stubDir, 'index.js'));
}, 60_000);
afterAll(() => rmSync(appDir, { recursive: true, force: true }));

function runMain(env: Record<string, string> = {}) {
  const userData = path.join(appDir, 'userData');
  const result = spawnSync(process.execPath, [path.join(fixtures, 'load-main.mjs'), mainPath], {
    cwd: appDir,
    env: { ...process.env, STUB_USER_DATA: userData, ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return { report: JSON.parse(result.stdout), userData };
}

describe('dist-electron/main.js', () => {
  it('is an ES module with no CommonJS globals', () => {
    const code = readFileSync(mainPath, 'utf8');
    expect(code).toMatch(/^import .* from "electron";$/m);
    expect(code).not.toMatch(/\b__dirname\b|\b__filename\b|\brequire\s*\(|\bmodule\.exports\b/);
  });

  it('loads in Node against the stub electron and sets up the shell securely', () => {
    const { report, userData } = runMain();

    // before `ready`: scheme registered, sandbox forced, single-instance lock taken, nothing else
    expect(report.beforeReady).toEqual(
      expect.arrayContaining(['protocol.registerSchemesAsPrivileged', 'app.enableSandbox', 'app.requestSingleInstanceLock', 'app.whenReady']),
    );
    expect(report.beforeReady).not.toContain('protocol.handle');
    expect(report.beforeReady).not.toContain('new BrowserWindow');
    const [, schemes] = report.events.find(([name]: [string]) => name === 'protocol.registerSchemesAsPrivileged');
    expect(schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

    // one window with the pinned preferences and the built preload, loading app://desk/
    expect(report.securePreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(report.windows).toHaveLength(1);
    expect(report.windows[0].options.webPreferences).toEqual({ ...report.securePreferences, preload: preloadPath });
    expect(report.windows[0].loaded).toEqual(['app://desk/index.html']);

    // lifecycle, guards, menu, IPC
    expect(report.appListeners).toEqual(['activate', 'before-quit', 'second-instance', 'web-contents-created', 'window-all-closed']);
    expect(report.focusedAfterSecondInstance).toEqual([1]);
    const names = report.events.map(([name]: [string]) => name);
    for (const guard of ['session.setPermissionRequestHandler', 'session.setPermissionCheckHandler', 'session.webRequest.onBeforeRequest', 'session.webRequest.onHeadersReceived']) {
      expect(names).toContain(guard);
    }
    const [, menuLabels] = report.events.find(([name]: [string]) => name === 'Menu.setApplicationMenu');
    expect(menuLabels.slice(-5)).toEqual(['파일', '편집', '보기', '창', '도움말']);
    expect(report.ipcChannels).toEqual(Object.values(BRIDGE_CHANNELS).sort());

    // app:// serves ../dist from beside the bundle, with the CSP, and nothing outside it
    expect(report.served.index).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY, body: '<!doctype html><title>Outage Loss Desk</title>' });
    expect(report.served.escape.status).toBe(404);
    expect(report.served.escape.body).not.toContain('TOP SECRET');

    // the data folder is created under userData, and IPC checks the sender
    const dataDir = path.join(userData, 'data');
    expect(statSync(dataDir).isDirectory()).toBe(true);
    // automatic backups get their own folder beside it
    expect(statSync(path.join(userData, 'backups')).isDirectory()).toBe(true);
    expect(report.appInfo.trusted).toEqual({
      ok: true,
      value: { name: 'Outage Loss Desk', version: '0.1.0', platform: process.platform, dataDir, isElectron: true },
    });
    expect(report.appInfo.untrusted).toMatchObject({ ok: false, code: 'untrusted-sender' });
  });

  it('quits without opening anything when another instance holds the lock', () => {
    const { report } = runMain({ STUB_SINGLE_INSTANCE_LOCK: '0' });
    const names = report.events.map(([name]: [string]) => name);
    expect(names).toContain('app.quit');
    expect(names).not.toContain('app.whenReady');
    expect(report.windows).toEqual([]);
    expect(report.ipcChannels).toEqual([]);
  });
});

describe('dist-electron/preload.cjs', () => {
  function runPreloadSandboxed() {
    const code = readFileSync(preloadPath, 'utf8');
    const exposed = new Map<string, Record<string, (args?: unknown) => Promise<unknown>>>();
    const invoked: [string, unknown][] = [];
    const requested: string[] = [];
    const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
    const electronStub = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (args?: unknown) => Promise<unknown>>) => exposed.set(key, api) },
      ipcRenderer: {
        invoke: (channel: string, args: unknown) => {
          invoked.push([channel, args]);
          return Promise.resolve({ ok: true, value: channel });
        },
        on: (channel: string, fn: (...args: unknown[]) => void) => {
          if (!listeners.has(channel)) listeners.set(channel, new Set());
          listeners.get(channel)!.add(fn);
        },
        removeListener: (channel: string, fn: (...args: unknown[]) => void) => listeners.get(channel)?.delete(fn),
      },
    };
    // Only what a sandboxed preload gets for our purposes: require('electron'). No process, no fs.
    const sandboxRequire = (id: string) => {
      requested.push(id);
      if (id === 'electron') return electronStub;
      throw new Error(`${id} is not available in a sandboxed preload`);
    };
    const module = { exports: {} };
    vm.runInContext(code, vm.createContext({ require: sandboxRequire, module, exports: module.exports }), { filename: preloadPath });
    return { exposed, invoked, requested, listeners };
  }

  it('is CommonJS: a classic script, not an ES module', () => {
    const code = readFileSync(preloadPath, 'utf8');
    expect(() => new vm.Script(code)).not.toThrow();
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('requires only electron and exposes exactly the bridge as window.outageDesk', async () => {
    const { exposed, invoked, requested } = runPreloadSandboxed();
    expect(requested).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['outageDesk']);
    const api = exposed.get('outageDesk')!;
    expect(Object.keys(api).sort()).toEqual([...BRIDGE_CALLS, ...BRIDGE_EVENTS].sort());
    for (const call of BRIDGE_CALLS) {
      expect(typeof api[call]).toBe('function');
      await expect(api[call]({ probe: call })).resolves.toEqual({ ok: true, value: BRIDGE_CHANNELS[call] });
    }
    expect(invoked).toEqual(BRIDGE_CALLS.map((call) => [BRIDGE_CHANNELS[call], { probe: call }]));
  });

  it('relays the quit-time backup request as a plain { reason }, never the IPC event, and unsubscribes', () => {
    const { exposed, listeners } = runPreloadSandboxed();
    const api = exposed.get('outageDesk') as unknown as { onBackupRequest(fn: (r: unknown) => void): () => void };
    const heard: unknown[] = [];
    const unsubscribe = api.onBackupRequest((request) => heard.push(request));
    const channel = BRIDGE_EVENT_CHANNELS.onBackupRequest;
    expect(listeners.get(channel)?.size).toBe(1);
    const fakeEvent = { sender: { send: () => 'would let the page talk to main directly' } };
    for (const fn of listeners.get(channel)!) fn(fakeEvent, { reason: 'quit', extra: 'dropped' });
    expect(heard).toEqual([{ reason: 'quit' }]);
    unsubscribe();
    expect(listeners.get(channel)?.size).toBe(0);
  });

  it('is small: zod and the handlers stay in main', () => {
    expect(statSync(preloadPath).size).toBeLessThan(4096);
    expect(existsSync(mainPath)).toBe(true);
  });
});
