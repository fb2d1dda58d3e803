import { BrowserWindow, shell } from 'electron';
import type { Session, WebContents, WebPreferences } from 'electron';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  decideNavigation,
  decideWindowOpen,
  isPermissionAllowed,
  isRequestAllowed,
  isSafeExternalUrl,
} from './security';

/**
 * The one window's fixed settings (Electron security checklist). Frozen and pinned by a test:
 * changing any of these is a security decision, not a tweak. `createMainWindow` writes them out
 * literally (static scanners such as Electronegativity only read a literal), and a test checks that
 * the window gets exactly these plus the preload.
 */
export const SECURE_WEB_PREFERENCES = Object.freeze({
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
} as const satisfies WebPreferences);

export const WINDOW_TITLE = 'Outage Loss Desk (장애 손실 계산기)';

/** Opens an allowlisted http(s) link in the user's browser; anything else is dropped. */
export function openExternalSafely(url: string): boolean {
  if (!isSafeExternalUrl(url)) return false;
  // Hand over the parser's serialisation, not the raw string the page gave us.
  void shell.openExternal(new URL(url).toString());
  return true;
}

/**
 * Guards for every WebContents the app ever creates (wired through app 'web-contents-created', so a
 * window nobody planned for is covered too): no new windows, no navigation away from app://desk/,
 * no <webview>.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url).openExternally) openExternalSafely(url);
    return { action: 'deny' };
  });
  const guardNavigation = (event: { preventDefault(): void; url: string }) => {
    const decision = decideNavigation(event.url);
    if (decision.action === 'deny') {
      event.preventDefault();
      if (decision.openExternally) openExternalSafely(event.url);
    }
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-frame-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Session-wide guards: permissions refused, only app:// (and data:/blob:) requests, CSP on every response. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRequestAllowed(details.url) });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    // The app:// handler sets the CSP itself; this covers anything that reaches the network stack.
    const responseHeaders = { ...(details.responseHeaders ?? {}) };
    for (const key of Object.keys(responseHeaders)) {
      if (key.toLowerCase() === 'content-security-policy') delete responseHeaders[key];
    }
    responseHeaders['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders });
  });
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    // Literal on purpose, not spread from SECURE_WEB_PREFERENCES: see there.
    webPreferences: {
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
      preload: preloadPath,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
