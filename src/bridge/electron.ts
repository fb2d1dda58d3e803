import {
  BridgeError,
  parseBridgeArgs,
  type BridgeCallName,
  type BridgeClient,
  type BridgeResponse,
  type BridgeResult,
  type PreloadApi,
} from './contract';
import { bt } from '../core/model/common';

declare global {
  interface Window {
    /** Present only inside the Electron shell (electron/preload.ts). */
    outageDesk?: PreloadApi;
  }
}

/**
 * The bridge over `window.outageDesk`. Arguments are checked here too, so the UI gets the same
 * `invalid-argument` error in both shells; main checks them again because it trusts nothing.
 * Main answers with a BridgeResponse; an `ok: false` becomes a thrown BridgeError with its code.
 */
export function createElectronBridge(api: PreloadApi): BridgeClient {
  async function call<K extends BridgeCallName>(name: K, args: unknown): Promise<BridgeResult<K>> {
    parseBridgeArgs(name, args);
    const send = api[name] as (a: unknown) => Promise<BridgeResponse<BridgeResult<K>>>;
    let response: BridgeResponse<BridgeResult<K>>;
    try {
      response = await send(args);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new BridgeError('io-failed', bt(`데스크톱 앱과 통신하지 못했어요 (${reason})`, `Could not reach the desktop shell (${reason})`));
    }
    if (response.ok) return response.value;
    throw new BridgeError(response.code, response.text ?? response.message);
  }
  return {
    saveFile: (args) => call('saveFile', args),
    openFiles: (args) => call('openFiles', args),
    appInfo: (args) => call('appInfo', args),
    revealFile: (args) => call('revealFile', args),
    writeAutoBackup: (args) => call('writeAutoBackup', args),
    listAutoBackups: (args) => call('listAutoBackups', args),
    readAutoBackup: (args) => call('readAutoBackup', args),
    onBackupRequest: (listener) => api.onBackupRequest(listener),
  };
}
