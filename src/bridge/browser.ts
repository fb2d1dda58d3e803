import { version as packageVersion } from '../../package.json';
import {
  BridgeError,
  fileTooLargeMessage,
  fileTypeNotAllowedMessage,
  parseBridgeArgs,
  type AppInfo,
  type BridgeClient,
  type OpenedFile,
} from './contract';
import { createBrowserAutoBackups } from './browser-auto-backups';
import { bt } from '../core/model/common';

/**
 * The bridge in a plain browser (`npm run web`): saving is a download, opening is a file picker,
 * and nothing touches a path on disk.
 *
 * Automatic backups: kept in a separate IndexedDB database (browser-auto-backups.ts).
 *
 * revealFile: a browser cannot show a file in its folder, so it throws BridgeError with code
 * `not-available` and a message the UI can show as is. UIs should hide the button when
 * `appInfo().isElectron` is false; the error is the backstop.
 */

export const APP_NAME = 'Outage Loss Desk';
/** The app version, from package.json at build time (Vite inlines only this field). */
export const APP_VERSION: string = packageVersion;

export const REVEAL_NOT_AVAILABLE_MESSAGE = bt(
  '브라우저에서는 파일을 폴더에서 보여 줄 수 없어요. 브라우저의 다운로드 폴더를 확인해 주세요',
  'Showing a file in its folder is not available in the browser; check your browser’s downloads folder',
);

/** The browser parts the bridge uses; the tests pass jsdom's. */
export interface BrowserEnvironment {
  document: Document;
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
  /** Delay before a download's object URL is released; the download starts asynchronously. */
  revokeAfterMs?: number;
}

function defaultEnvironment(): BrowserEnvironment {
  return {
    document: globalThis.document,
    createObjectURL: (blob) => URL.createObjectURL(blob),
    revokeObjectURL: (url) => URL.revokeObjectURL(url),
  };
}

function hasExtension(fileName: string, accept: readonly string[]): boolean {
  const dot = fileName.lastIndexOf('.');
  const ext = dot >= 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  return accept.some((a) => a.toLowerCase() === ext);
}

/** Checks every picked file before reading any, so one bad file in a selection loads nothing. */
async function readPicked(files: File[], accept: readonly string[] | undefined, maxBytes: number): Promise<OpenedFile[]> {
  for (const file of files) {
    if (accept && !hasExtension(file.name, accept)) throw new BridgeError('file-type-not-allowed', fileTypeNotAllowedMessage(file.name, accept));
    if (file.size > maxBytes) throw new BridgeError('file-too-large', fileTooLargeMessage(file.name, file.size, maxBytes));
  }
  return Promise.all(
    files.map(async (file) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      return { name: file.name, bytes, size: bytes.byteLength, lastModified: file.lastModified };
    }),
  );
}

export function createBrowserBridge(env: BrowserEnvironment = defaultEnvironment()): BridgeClient {
  const { document } = env;
  const autoBackups = createBrowserAutoBackups();
  return {
    async saveFile(args) {
      const { suggestedName, bytes } = parseBridgeArgs('saveFile', args);
      // Blob wants ArrayBuffer-backed views; copy only when the bytes sit on a SharedArrayBuffer.
      const onArrayBuffer = Object.prototype.toString.call(bytes.buffer) === '[object ArrayBuffer]';
      const part = onArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
      const url = env.createObjectURL(new Blob([part], { type: 'application/octet-stream' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.rel = 'noopener';
      link.style.display = 'none';
      document.body.append(link);
      try {
        link.click();
      } finally {
        link.remove();
        setTimeout(() => env.revokeObjectURL(url), env.revokeAfterMs ?? 60_000);
      }
      return { saved: true };
    },

    async openFiles(args) {
      const { accept, multiple, maxBytes } = parseBridgeArgs('openFiles', args);
      const input = document.createElement('input');
      input.type = 'file';
      input.multiple = multiple;
      if (accept) input.accept = accept.map((e) => `.${e}`).join(',');
      input.style.display = 'none';
      document.body.append(input);
      return new Promise<OpenedFile[]>((resolve, reject) => {
        input.addEventListener(
          'change',
          () => {
            const picked = Array.from(input.files ?? []);
            input.remove();
            readPicked(multiple ? picked : picked.slice(0, 1), accept, maxBytes).then(resolve, reject);
          },
          { once: true },
        );
        // Chromium fires `cancel` when the picker closes with nothing chosen.
        input.addEventListener(
          'cancel',
          () => {
            input.remove();
            resolve([]);
          },
          { once: true },
        );
        input.click();
      });
    },

    async appInfo(args) {
      parseBridgeArgs('appInfo', args);
      const info: AppInfo = { name: APP_NAME, version: APP_VERSION, platform: 'web', isElectron: false };
      return info;
    },

    async revealFile(args) {
      parseBridgeArgs('revealFile', args);
      throw new BridgeError('not-available', REVEAL_NOT_AVAILABLE_MESSAGE);
    },

    async writeAutoBackup(args) {
      const { bytes, reason } = parseBridgeArgs('writeAutoBackup', args);
      return autoBackups.write(bytes, reason);
    },

    async listAutoBackups(args) {
      parseBridgeArgs('listAutoBackups', args);
      return autoBackups.list();
    },

    async readAutoBackup(args) {
      const { name } = parseBridgeArgs('readAutoBackup', args);
      return autoBackups.read(name);
    },
  };
}
