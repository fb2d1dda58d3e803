import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { BRIDGE_EVENT_CHANNELS } from '../src/bridge/calls';
import { registerIpcHandlers } from './ipc';
import { createQuitBackup } from './quit-backup';
import { buildMenuTemplate } from './menu';
import { handleAppProtocol, registerAppSchemeAsPrivileged } from './protocol';
import { createMainWindow, hardenSession, hardenWebContents, SECURE_WEB_PREFERENCES } from './window';

/**
 * The Electron main process: lifecycle only, no business logic (shared/architecture.md).
 * Built as ESM to dist-electron/main.js; paths come from import.meta.url, never __dirname.
 */

export { SECURE_WEB_PREFERENCES };

const here = path.dirname(fileURLToPath(import.meta.url));
/** The sandboxed preload, built as CommonJS beside this file. */
export const PRELOAD_PATH = path.join(here, 'preload.cjs');
/** The built renderer (vite build → dist/), served as app://desk/. */
export const RENDERER_DIR = path.join(here, '..', 'dist');

let mainWindow: BrowserWindow | null = null;

/** How long quitting waits for the page's backup: long enough for a normal backup, short enough not to annoy. */
export const QUIT_BACKUP_TIMEOUT_MS = 15_000;
const quitBackup = createQuitBackup({
  timeoutMs: QUIT_BACKUP_TIMEOUT_MS,
  send: () => {
    const win = mainWindow;
    if (!win || win.isDestroyed() || win.webContents.isCrashed()) return false;
    win.webContents.send(BRIDGE_EVENT_CHANNELS.onBackupRequest, { reason: 'quit' });
    return true;
  },
});

function openMainWindow(): void {
  const win = createMainWindow(PRELOAD_PATH);
  mainWindow = win;
  quitBackup.reset();
  // Closing the last window is how most people quit on Windows and Linux: by `before-quit` the page
  // is already gone, so the backup is asked for here, while it can still answer.
  win.on('close', (event) => {
    if (quitBackup.asked) return;
    event.preventDefault();
    void quitBackup.ask().finally(() => {
      if (!win.isDestroyed()) win.close();
    });
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
}

async function onReady(): Promise<void> {
  // Local files the app keeps for itself (backups, logs) live here, never next to the program.
  const dataDir = path.join(app.getPath('userData'), 'data');
  await mkdir(dataDir, { recursive: true });
  hardenSession(session.defaultSession);
  handleAppProtocol(RENDERER_DIR);
  const backupsDir = path.join(app.getPath('userData'), 'backups');
  await mkdir(backupsDir, { recursive: true });
  registerIpcHandlers({
    dataDir,
    backupsDir,
    getWindow: () => mainWindow,
    onAutoBackupWritten: (reason) => quitBackup.written(reason),
  });
  app.setAboutPanelOptions({
    applicationName: `${app.getName()} (장애 손실 계산기)`,
    applicationVersion: app.getVersion(),
    copyright: '데이터는 이 컴퓨터에만 저장돼요 / Your data stays on this computer',
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate({ platform: process.platform, isPackaged: app.isPackaged, appName: app.getName() })),
  );
  openMainWindow();
}

// Both must happen before `ready`: Chromium fixes its scheme table and sandbox mode at startup.
registerAppSchemeAsPrivileged();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another copy is running: it gets focused through 'second-instance'; this one leaves quietly.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('before-quit', (event) => {
    // Once only: the second `before-quit` (from app.quit() below) goes through.
    if (quitBackup.asked || !mainWindow) return;
    event.preventDefault();
    void quitBackup.ask().finally(() => app.quit());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  app.whenReady().then(onReady).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('Outage Loss Desk', `앱을 시작하지 못했어요: ${reason}\nThe app could not start: ${reason}`);
    app.exit(1);
  });
}
