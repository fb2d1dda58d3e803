import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_CHANNELS, BRIDGE_EVENT_CHANNELS, BRIDGE_GLOBAL } from '../src/bridge/calls';
import type { BackupRequest, PreloadApi } from '../src/bridge/contract';

/**
 * The sandboxed preload: exposes exactly the bridge as `window.outageDesk` and nothing else (no
 * ipcRenderer, no generic `invoke(channel)`). Built as CommonJS (dist-electron/preload.cjs) because a
 * sandboxed preload cannot be an ES module. Arguments are checked in main, where it counts.
 */
const api = {
  saveFile: (args) => ipcRenderer.invoke(BRIDGE_CHANNELS.saveFile, args),
  openFiles: (args) => ipcRenderer.invoke(BRIDGE_CHANNELS.openFiles, args),
  appInfo: (args) => ipcRenderer.invoke(BRIDGE_CHANNELS.appInfo, args),
  revealFile: (args) => ipcRenderer.invoke(BRIDGE_CHANNELS.revealFile, args),
  writeAutoBackup: (args) => ipcRenderer.invoke(BRIDGE_CHANNELS.writeAutoBackup, args),
  listAutoBackups: (args) => ipcRenderer.invoke(BRIDGE_CHANNELS.listAutoBackups, args),
  readAutoBackup: (args) => ipcRenderer.invoke(BRIDGE_CHANNELS.readAutoBackup, args),
  onBackupRequest(listener) {
    // The page gets a fresh plain object, never the IpcRendererEvent (it carries `sender`). Quitting is
    // the only reason main asks for now.
    const relay = () => listener({ reason: 'quit' } satisfies BackupRequest);
    ipcRenderer.on(BRIDGE_EVENT_CHANNELS.onBackupRequest, relay);
    return () => {
      ipcRenderer.removeListener(BRIDGE_EVENT_CHANNELS.onBackupRequest, relay);
    };
  },
} satisfies PreloadApi;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, api);
