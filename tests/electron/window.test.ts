import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';

// Electron cannot run here (no binary): the window module is exercised against recording fakes.
const electron = vi.hoisted(() => {
  const windows: { options: Record<string, unknown>; loaded: string[] }[] = [];
  class BrowserWindow {
    options: Record<string, unknown>;
    loaded: string[] = [];
    constructor(options: Record<string, unknown>) {
      this.options = options;
      windows.push(this);
    }
    once() {}
    on() {}
    show() {}
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  }
  return { windows, BrowserWindow, shell: { openExternal: vi.fn(() => Promise.resolve()) } };
});
vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow, shell: electron.shell }));

const { SECURE_WEB_PREFERENCES, createMainWindow, hardenSession, hardenWebContents, openExternalSafely } = await import('../../electron/window');
const { CONTENT_SECURITY_POLICY } = await import('../../electron/security');

beforeEach(() => {
  electron.windows.length = 0;
  electron.shell.openExternal.mockClear();
});

describe('SECURE_WEB_PREFERENCES', () => {
  it('is pinned', () => {
    expect(SECURE_WEB_PREFERENCES).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
    expect(Object.isFrozen(SECURE_WEB_PREFERENCES)).toBe(true);
  });

  it('is what the window gets, plus only the preload, and the window loads app://desk/', () => {
    createMainWindow('/opt/app/dist-electron/preload.cjs');
    expect(electron.windows).toHaveLength(1);
    const [win] = electron.windows;
    expect(win.options.webPreferences).toEqual({ ...SECURE_WEB_PREFERENCES, preload: '/opt/app/dist-electron/preload.cjs' });
    expect(win.loaded).toEqual(['app://desk/index.html']);
  });

  it('is written out literally at `new BrowserWindow`, where a static scanner reads it', () => {
    const source = readFileSync(path.join(import.meta.dirname, '..', '..', 'electron', 'window.ts'), 'utf8');
    const call = /new BrowserWindow\(\{[\s\S]*?webPreferences: \{([\s\S]*?)\},\n\s*\}\);/.exec(source);
    expect(call, 'new BrowserWindow({ ..., webPreferences: { ... } })').not.toBeNull();
    const literal = call![1]!;
    expect(literal).not.toContain('...');
    for (const [key, value] of Object.entries(SECURE_WEB_PREFERENCES)) expect(literal).toMatch(new RegExp(`^\\s*${key}: ${value},$`, 'm'));
    expect(literal).toMatch(/^\s*preload: preloadPath,$/m);
  });
});

function fakeContents() {
  const listeners = new Map<string, (event: unknown, ...rest: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    setWindowOpenHandler: (h: typeof openHandler) => {
      openHandler = h;
    },
    on: (name: string, fn: (event: unknown) => void) => {
      listeners.set(name, fn);
      return contents;
    },
  };
  hardenWebContents(contents as unknown as WebContents);
  const fire = (name: string, url: string) => {
    const event = { url, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no ${name} listener`);
    listener(event, url);
    return event.defaultPrevented;
  };
  return { fire, open: (url: string) => openHandler!({ url }), listeners };
}

describe('hardenWebContents', () => {
  it('denies every window.open and hands only allowlisted links to the browser, normalised', () => {
    const c = fakeContents();
    expect(c.open('app://desk/index.html')).toEqual({ action: 'deny' });
    expect(c.open('https://evil.example/?next=app://desk')).toEqual({ action: 'deny' });
    expect(c.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(c.open('https://kakao.com\\@evil.example/')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://kakao.com/@evil.example/');
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s stays inside app://desk/', (name) => {
    const c = fakeContents();
    expect(c.fire(name, 'app://desk/index.html#/claims')).toBe(false);
    expect(c.fire(name, 'app://desk.evil.example/')).toBe(true);
    expect(c.fire(name, 'file:///etc/passwd')).toBe(true);
    expect(c.fire(name, 'https://evil.example/?next=app://desk')).toBe(true);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(c.fire(name, 'https://www.kakaocorp.com/')).toBe(true);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.kakaocorp.com/');
  });

  it('prevents every <webview>', () => {
    const c = fakeContents();
    expect(c.fire('will-attach-webview', 'app://desk/index.html')).toBe(true);
  });

  it('openExternalSafely refuses what the guard refuses', () => {
    expect(openExternalSafely('file:///etc/passwd')).toBe(false);
    expect(openExternalSafely('https://app:desk@evil.example')).toBe(false);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const captured: Record<string, (...args: never[]) => unknown> = {};
    const ses = {
      setPermissionRequestHandler: (h: never) => (captured.request = h),
      setPermissionCheckHandler: (h: never) => (captured.check = h),
      setDevicePermissionHandler: (h: never) => (captured.device = h),
      webRequest: {
        onBeforeRequest: (h: never) => (captured.beforeRequest = h),
        onHeadersReceived: (h: never) => (captured.headers = h),
      },
    };
    hardenSession(ses as unknown as Session);
    return captured as Record<string, (...args: unknown[]) => unknown>;
  }

  it('refuses permission requests and checks, including from the app itself', () => {
    const h = fakeSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      h.request({}, permission, callback, { requestingUrl: 'app://desk/index.html' });
      expect(callback).toHaveBeenCalledWith(false);
      expect(h.check({}, permission, 'app://desk')).toBe(false);
    }
    expect(h.device({ deviceType: 'usb' })).toBe(false);
  });

  it('grants only clipboard writing, and only to the app itself', () => {
    const h = fakeSession();
    const fromApp = vi.fn();
    h.request({}, 'clipboard-sanitized-write', fromApp, { requestingUrl: 'app://desk/index.html' });
    expect(fromApp).toHaveBeenCalledWith(true);
    expect(h.check({}, 'clipboard-sanitized-write', 'app://desk')).toBe(true);
    const fromElsewhere = vi.fn();
    h.request({}, 'clipboard-sanitized-write', fromElsewhere, { requestingUrl: 'https://evil.example/' });
    expect(fromElsewhere).toHaveBeenCalledWith(false);
    expect(h.check({}, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
  });

  it('cancels requests that leave the app', () => {
    const h = fakeSession();
    const decide = (url: string) => {
      const callback = vi.fn();
      h.beforeRequest({ url }, callback);
      return callback.mock.calls[0][0];
    };
    expect(decide('app://desk/assets/x.js')).toEqual({ cancel: false });
    expect(decide('https://www.kakaocorp.com/tracker.js')).toEqual({ cancel: true });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
  });

  it('puts our CSP on every response, replacing any other', () => {
    const h = fakeSession();
    const callback = vi.fn();
    h.headers({ responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
});
