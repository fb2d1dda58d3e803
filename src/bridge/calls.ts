/**
 * The names of the bridge calls and their IPC channels, with no dependencies at all: the sandboxed
 * preload imports this file, and keeping zod out of it keeps the preload tiny and obviously thin.
 * src/bridge/contract.ts pins these names to its schemas at compile time.
 */
export const BRIDGE_CALLS = ['saveFile', 'openFiles', 'appInfo', 'revealFile', 'writeAutoBackup', 'listAutoBackups', 'readAutoBackup'] as const;
export type BridgeCallName = (typeof BRIDGE_CALLS)[number];

/** The key under which the preload exposes the bridge: `window.outageDesk`. */
export const BRIDGE_GLOBAL = 'outageDesk';

/** One IPC channel per call, namespaced so nothing else in the app can collide with them. */
export const BRIDGE_CHANNELS = {
  saveFile: 'outage-desk:saveFile',
  openFiles: 'outage-desk:openFiles',
  appInfo: 'outage-desk:appInfo',
  revealFile: 'outage-desk:revealFile',
  writeAutoBackup: 'outage-desk:writeAutoBackup',
  listAutoBackups: 'outage-desk:listAutoBackups',
  readAutoBackup: 'outage-desk:readAutoBackup',
} as const satisfies Record<BridgeCallName, `outage-desk:${BridgeCallName}`>;

/**
 * Messages main sends to the page (the only direction that is not a call). `backupRequest`: the app
 * is quitting; the page answers with writeAutoBackup({ reason: 'quit' }) or main gives up after a
 * timeout and quits anyway.
 */
export const BRIDGE_EVENTS = ['onBackupRequest'] as const;
export type BridgeEventName = (typeof BRIDGE_EVENTS)[number];
export const BRIDGE_EVENT_CHANNELS = {
  onBackupRequest: 'outage-desk:backup-request',
} as const satisfies Record<BridgeEventName, `outage-desk:${string}`>;
