import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_CHANNELS, BRIDGE_GLOBAL } from '../src/bridge/calls';
import type { PreloadApi } from '../src/bridge/contract';

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
} satisfies PreloadApi;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, api);
