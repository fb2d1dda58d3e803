import { backupsToDelete } from '../core/backup/rotation';
import { freshAutoBackupName, listedAutoBackups } from './auto-backup-names';
import {
  BridgeError,
  fileTooLargeMessage,
  fileTypeNotAllowedMessage,
  parseBridgeArgs,
  type AppInfo,
  type AutoBackupReason,
  type BackupRequest,
  type BridgeClient,
  type OpenedFile,
} from './contract';
import { bt } from '../core/model/common';

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
  /** The automatic backups "on disk", by name; rotated like the shell's (last ten). */
  readonly autoBackups: Map<string, { bytes: Uint8Array; reason: AutoBackupReason }>;
  /** Acts like main when the app quits: asks the page for a backup. */
  requestBackup(request?: BackupRequest): void;
  /** How many listeners wait for backup requests. */
  backupRequestListeners(): number;
}

export interface MemoryBridgeOptions {
  /** The clock that names automatic backups. */
  now?: () => Date;
  /** Present the quit-time backup event (as in Electron); default true. */
  events?: boolean;
}

export function createMemoryBridge(info: Partial<AppInfo> = {}, options: MemoryBridgeOptions = {}): MemoryBridge {
  const now = options.now ?? (() => new Date());
  const autoBackups = new Map<string, { bytes: Uint8Array; reason: AutoBackupReason }>();
  const listeners = new Set<(request: BackupRequest) => void>();
  const saved: { name: string; bytes: Uint8Array }[] = [];
  const revealed: string[] = [];
  const queue: { name: string; bytes: Uint8Array }[][] = [];
  const bridge: MemoryBridge = {
    saved,
    revealed,
    autoBackups,
    requestBackup(request = { reason: 'quit' }) {
      for (const listener of listeners) listener(request);
    },
    backupRequestListeners: () => listeners.size,
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
    async writeAutoBackup(args) {
      const { bytes, reason } = parseBridgeArgs('writeAutoBackup', args);
      const name = freshAutoBackupName(now(), new Set(autoBackups.keys()));
      autoBackups.set(name, { bytes: bytes.slice(), reason });
      const deleted = backupsToDelete([...autoBackups.keys()], { protect: [name] });
      for (const old of deleted) autoBackups.delete(old);
      return { name, path: `/memory/backups/${name}`, size: bytes.byteLength, deleted };
    },
    async listAutoBackups(args) {
      parseBridgeArgs('listAutoBackups', args);
      const listed = listedAutoBackups([...autoBackups].map(([name, b]) => ({ name, size: b.bytes.byteLength })));
      return { backups: listed.map((b) => ({ ...b, path: `/memory/backups/${b.name}` })), folder: '/memory/backups' };
    },
    async readAutoBackup(args) {
      const { name } = parseBridgeArgs('readAutoBackup', args);
      const found = autoBackups.get(name);
      if (!found) throw new BridgeError('io-failed', bt(`자동 백업을 찾을 수 없어요: ${name}`, `Automatic backup not found: ${name}`));
      return { name, path: `/memory/backups/${name}`, bytes: found.bytes.slice(), size: found.bytes.byteLength };
    },
  };
  if (options.events !== false) {
    bridge.onBackupRequest = (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    };
  }
  return bridge;
}
