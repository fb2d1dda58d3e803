import { lstat, mkdir, open, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, ipcMain, shell } from 'electron';
import type { BrowserWindow, IpcMainInvokeEvent, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { backupsToDelete } from '../src/core/backup/rotation';
import { freshAutoBackupName, listedAutoBackups } from '../src/bridge/auto-backup-names';
import {
  BRIDGE_CALLS,
  BRIDGE_CHANNELS,
  BridgeError,
  fileTooLargeMessage,
  fileTypeNotAllowedMessage,
  parseBridgeArgs,
  type BridgeCallName,
  type BridgeParsedArgs,
  type BridgeResponse,
  type AutoBackupReason,
  type BridgeResult,
  MAX_AUTO_BACKUP_BYTES,
  type OpenedFile,
} from '../src/bridge/contract';
import { AtomicWriteError, writeFileAtomic } from './atomic-write';
import { isTrustedAppUrl } from './security';
import { bt, joined } from '../src/core/model/common';

/**
 * One ipcMain handler per bridge call. Each handler, in order: checks the sender is the app's own
 * top-level page at app://desk/, parses the argument with the contract's schema, does the work, and
 * answers with a BridgeResponse (errors as data, see contract.ts).
 */

export interface IpcContext {
  /** The app's data folder (under userData). */
  dataDir: string;
  /** The window dialogs attach to; null while none is open. */
  getWindow(): BrowserWindow | null;
  /** Where automatic backups go; default `<userData>/backups`, beside the data folder. */
  backupsDir?: string;
  /** Names automatic backups (tests pass a fixed clock). */
  now?: () => Date;
  /** Told after each automatic backup is written (main waits for the quit one). */
  onAutoBackupWritten?(reason: AutoBackupReason, name: string): void;
}

export function backupsDirOf(ctx: Pick<IpcContext, 'dataDir' | 'backupsDir'>): string {
  return ctx.backupsDir ?? path.join(path.dirname(ctx.dataDir), 'backups');
}

type Handlers = { [K in BridgeCallName]: (args: BridgeParsedArgs<K>) => Promise<BridgeResult<K>> };

/** Returns why the sender is refused, or null when it is the app's own top-level frame. */
export function senderRejection(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame.parent !== null) return 'the call came from a sub-frame';
  if (!isTrustedAppUrl(frame.url)) return `the call came from ${JSON.stringify(frame.url)}`;
  return null;
}

function hasExtension(fileName: string, accept: readonly string[]): boolean {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  return accept.some((a) => a.toLowerCase() === ext);
}

/** Reads a file only if it is within the cap, and re-checks after reading (it may have grown meanwhile). */
async function readCapped(filePath: string, maxBytes: number): Promise<Uint8Array> {
  const name = path.basename(filePath);
  const handle = await open(filePath, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new BridgeError('io-failed', bt(`파일이 아니에요: ${name}`, `Not a file: ${name}`));
    if (info.size > maxBytes) throw new BridgeError('file-too-large', fileTooLargeMessage(name, info.size, maxBytes));
    const buffer = await handle.readFile();
    if (buffer.byteLength > maxBytes) throw new BridgeError('file-too-large', fileTooLargeMessage(name, buffer.byteLength, maxBytes));
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } finally {
    await handle.close();
  }
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(path.resolve(parent), path.resolve(child));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** The regular files in the backups folder (no folders, no symlinks), with their sizes. */
async function filesIn(dir: string): Promise<{ name: string; size: number }[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const files: { name: string; size: number }[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const info = await lstat(path.join(dir, entry.name)).catch(() => null);
    if (info?.isFile()) files.push({ name: entry.name, size: info.size });
  }
  return files;
}

export function createBridgeHandlers(ctx: IpcContext): Handlers {
  const backupsDir = backupsDirOf(ctx);
  const now = ctx.now ?? (() => new Date());
  // Paths the user picked in a dialog this session: the only files revealFile will show, apart from
  // the data folder, so a compromised page cannot probe the disk through the file manager.
  const userChosenPaths = new Set<string>();

  return {
    async saveFile({ suggestedName, bytes, filters }) {
      const options: SaveDialogOptions = {
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
        ...(filters ? { filters } : {}),
      };
      const win = ctx.getWindow();
      const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { saved: false };
      let target = choice.filePath;
      // Some Linux dialogs drop the extension; add the suggested one unless that would overwrite an unconfirmed file.
      const suggestedExt = path.extname(suggestedName);
      if (path.extname(target) === '' && suggestedExt !== '') {
        const withExt = target + suggestedExt;
        const exists = await stat(withExt).then(() => true, () => false);
        if (!exists) target = withExt;
      }
      await writeFileAtomic(target, bytes);
      userChosenPaths.add(path.resolve(target));
      return { saved: true, path: target };
    },

    async openFiles({ accept, multiple, maxBytes }) {
      const options: OpenDialogOptions = {
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
        ...(accept ? { filters: [{ name: accept.map((e) => e.toUpperCase()).join(', '), extensions: accept }] } : {}),
      };
      const win = ctx.getWindow();
      const choice = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      if (choice.canceled) return [];
      const chosen = multiple ? choice.filePaths : choice.filePaths.slice(0, 1);
      // Check every file before reading any, so a bad one in a multi-selection loads nothing.
      for (const filePath of chosen) {
        const name = path.basename(filePath);
        // Dialog filters are a hint (a typed name or "all files" bypasses them), so check again here.
        if (accept && !hasExtension(name, accept)) throw new BridgeError('file-type-not-allowed', fileTypeNotAllowedMessage(name, accept));
        const info = await stat(filePath);
        if (info.size > maxBytes) throw new BridgeError('file-too-large', fileTooLargeMessage(name, info.size, maxBytes));
      }
      const opened: OpenedFile[] = [];
      for (const filePath of chosen) {
        const bytes = await readCapped(filePath, maxBytes);
        const { mtimeMs } = await stat(filePath);
        opened.push({ name: path.basename(filePath), path: filePath, bytes, size: bytes.byteLength, lastModified: mtimeMs });
      }
      for (const filePath of chosen) userChosenPaths.add(path.resolve(filePath));
      return opened;
    },

    async appInfo() {
      return { name: app.getName(), version: app.getVersion(), platform: process.platform, dataDir: ctx.dataDir, isElectron: true };
    },

    async revealFile({ path: requested }) {
      if (!path.isAbsolute(requested)) {
        throw new BridgeError('not-allowed', bt(`전체 경로가 필요해요: ${requested}`, `An absolute path is required: ${requested}`));
      }
      const resolved = path.resolve(requested);
      if (!userChosenPaths.has(resolved) && !isInside(ctx.dataDir, resolved) && !isInside(backupsDir, resolved)) {
        throw new BridgeError(
          'not-allowed',
          bt(`이번에 저장하거나 연 파일만 폴더에서 보여 줄 수 있어요: ${resolved}`, `Only files saved or opened in this session can be shown: ${resolved}`),
        );
      }
      const exists = await stat(resolved).then(() => true, () => false);
      if (!exists) throw new BridgeError('io-failed', bt(`파일을 찾을 수 없어요: ${resolved}`, `File not found: ${resolved}`));
      shell.showItemInFolder(resolved);
    },

    async writeAutoBackup({ bytes, reason }) {
      await mkdir(backupsDir, { recursive: true });
      const existing = await filesIn(backupsDir);
      const name = freshAutoBackupName(now(), new Set(existing.map((f) => f.name)));
      const target = path.join(backupsDir, name);
      await writeFileAtomic(target, bytes);
      // Rotation only after the new one is complete on disk: a failed write never costs an old backup.
      const deleted = backupsToDelete([...existing.map((f) => f.name), name], { protect: [name] });
      for (const old of deleted) await unlink(path.join(backupsDir, old)).catch(() => undefined);
      ctx.onAutoBackupWritten?.(reason, name);
      return { name, path: target, size: bytes.byteLength, deleted };
    },

    async listAutoBackups() {
      const backups = listedAutoBackups(await filesIn(backupsDir)).map((b) => ({ ...b, path: path.join(backupsDir, b.name) }));
      return { backups, folder: backupsDir };
    },

    async readAutoBackup({ name }) {
      // The name passed the contract's exact pattern (no folders, no `..`); a symlink planted under that
      // name could still point anywhere, so only a regular file is read.
      const target = path.join(backupsDir, name);
      const info = await lstat(target).catch(() => null);
      if (!info) throw new BridgeError('io-failed', bt(`자동 백업을 찾을 수 없어요: ${name}`, `Automatic backup not found: ${name}`));
      if (!info.isFile()) throw new BridgeError('not-allowed', `자동 백업 파일이 아니에요: ${name} / Not an automatic backup file: ${name}`);
      const bytes = await readCapped(target, MAX_AUTO_BACKUP_BYTES);
      return { name, path: target, bytes, size: bytes.byteLength };
    },
  };
}

function toErrorResponse(error: unknown): BridgeResponse<never> {
  if (error instanceof BridgeError) return { ok: false, code: error.code, message: error.message, text: error.text };
  if (error instanceof AtomicWriteError) return { ok: false, code: 'io-failed', message: error.message };
  const reason = error instanceof Error ? error.message : String(error);
  const text = bt(`작업을 마치지 못했어요 (${reason})`, `The operation failed (${reason})`);
  return { ok: false, code: 'io-failed', message: joined(text), text };
}

/** Runs one call the way ipcMain does: sender check, argument parse, handler, response. */
export async function respond<K extends BridgeCallName>(
  handlers: Handlers,
  call: K,
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  rawArgs: unknown,
): Promise<BridgeResponse<BridgeResult<K>>> {
  const rejection = senderRejection(event);
  if (rejection !== null) {
    const text = bt('앱 화면에서 온 요청이 아니라서 거절했어요', `Refused: ${rejection}`);
    return { ok: false, code: 'untrusted-sender', message: joined(text), text };
  }
  try {
    const args = parseBridgeArgs(call, rawArgs);
    const handler = handlers[call] as (a: BridgeParsedArgs<K>) => Promise<BridgeResult<K>>;
    return { ok: true, value: await handler(args) };
  } catch (error) {
    return toErrorResponse(error);
  }
}

/** Registers every bridge call on ipcMain; returns a function that removes them again. */
export function registerIpcHandlers(ctx: IpcContext): () => void {
  const handlers = createBridgeHandlers(ctx);
  for (const call of BRIDGE_CALLS) {
    ipcMain.handle(BRIDGE_CHANNELS[call], (event, rawArgs: unknown) => respond(handlers, call, event, rawArgs));
  }
  return () => {
    for (const call of BRIDGE_CALLS) ipcMain.removeHandler(BRIDGE_CHANNELS[call]);
  };
}
