import { createBrowserBridge } from './browser';
import type { BridgeClient } from './contract';
import { createElectronBridge } from './electron';

/**
 * The one way the UI reaches the platform: `getBridge().saveFile(...)`. Inside Electron the preload
 * has put `window.outageDesk` there; anywhere else the browser implementation is used.
 * UI tests call `setBridgeForTests(createMemoryBridge())` (src/bridge/memory.ts) and
 * `setBridgeForTests(null)` afterwards.
 */
export { BridgeError } from './contract';
export type { AppInfo, BridgeClient, BridgeErrorCode, FileFilter, OpenedFile, SaveFileResult } from './contract';
export { DEFAULT_MAX_OPEN_BYTES } from './contract';

let testBridge: BridgeClient | null = null;
let platformBridge: BridgeClient | null = null;

export function getBridge(): BridgeClient {
  if (testBridge) return testBridge;
  if (!platformBridge) {
    const preload = typeof window !== 'undefined' ? window.outageDesk : undefined;
    platformBridge = preload ? createElectronBridge(preload) : createBrowserBridge();
  }
  return platformBridge;
}

/** Swaps in a fake for tests; `null` restores the real one (and forgets the cached choice). */
export function setBridgeForTests(bridge: BridgeClient | null): void {
  testBridge = bridge;
  platformBridge = null;
}
