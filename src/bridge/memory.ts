import { BridgeError, fileTooLargeMessage, fileTypeNotAllowedMessage, parseBridgeArgs, type AppInfo, type BridgeClient, type OpenedFile } from './contract';

/**
 * An in-memory bridge for UI tests: `setBridgeForTests(createMemoryBridge())`. It parses arguments
 * with the real contract and applies the same size and type checks, so a UI test fails on the same
 * bad call the shells would refuse. Saved files are recorded; files to "open" are queued.
 */
export interface MemoryBridge extends BridgeClient {
  /** Every file saved, in order. */
  readonly saved: { name: string; bytes: Uint8Array }[];
  /** Paths revealed, in order. */
  readonly revealed: string[];
  /** The files the next openFiles call "picks"; an empty array means the user cancelled. */
  queueOpenFiles(files: { name: string; bytes: Uint8Array }[]): void;
}

export function createMemoryBridge(info: Partial<AppInfo> = {}): MemoryBridge {
  const saved: { name: string; bytes: Uint8Array }[] = [];
  const revealed: string[] = [];
  const queue: { name: string; bytes: Uint8Array }[][] = [];
  return {
    saved,
    revealed,
    queueOpenFiles(files) {
      queue.push(files);
    },
    async saveFile(args) {
      const { suggestedName, bytes } = parseBridgeArgs('saveFile', args);
      saved.push({ name: suggestedName, bytes: bytes.slice() });
      return { saved: true, path: `/memory/${suggestedName}` };
    },
    async openFiles(args) {
      const { accept, multiple, maxBytes } = parseBridgeArgs('openFiles', args);
      const picked = (queue.shift() ?? []).slice(0, multiple ? undefined : 1);
      for (const file of picked) {
        const ext = file.name.includes('.') ? file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase() : '';
        if (accept && !accept.some((a) => a.toLowerCase() === ext)) throw new BridgeError('file-type-not-allowed', fileTypeNotAllowedMessage(file.name, accept));
        if (file.bytes.byteLength > maxBytes) throw new BridgeError('file-too-large', fileTooLargeMessage(file.name, file.bytes.byteLength, maxBytes));
      }
      return picked.map((file): OpenedFile => ({ name: file.name, path: `/memory/${file.name}`, bytes: file.bytes.slice(), size: file.bytes.byteLength }));
    },
    async appInfo(args) {
      parseBridgeArgs('appInfo', args);
      return { name: 'Outage Loss Desk', version: '0.0.0-test', platform: 'test', isElectron: false, ...info };
    },
    async revealFile(args) {
      const { path } = parseBridgeArgs('revealFile', args);
      revealed.push(path);
    },
  };
}
