/**
 * The names of the bridge calls and their IPC channels, with no dependencies at all: the sandboxed
 * preload imports this file, and keeping zod out of it keeps the preload tiny and obviously thin.
 * src/bridge/contract.ts pins these names to its schemas at compile time.
 */
export const BRIDGE_CALLS = ['saveFile', 'openFiles', 'appInfo', 'revealFile'] as const;
export type BridgeCallName = (typeof BRIDGE_CALLS)[number];

/** The key under which the preload exposes the bridge: `window.outageDesk`. */
export const BRIDGE_GLOBAL = 'outageDesk';

/** One IPC channel per call, namespaced so nothing else in the app can collide with them. */
export const BRIDGE_CHANNELS = {
  saveFile: 'outage-desk:saveFile',
  openFiles: 'outage-desk:openFiles',
  appInfo: 'outage-desk:appInfo',
  revealFile: 'outage-desk:revealFile',
} as const satisfies Record<BridgeCallName, `outage-desk:${BridgeCallName}`>;
