import { z } from 'zod';
import { backupTakenAt } from '../core/backup/rotation';
import { BRIDGE_CALLS, BRIDGE_CHANNELS, BRIDGE_EVENT_CHANNELS, BRIDGE_EVENTS, BRIDGE_GLOBAL, type BridgeCallName, type BridgeEventName } from './calls';
import { bi, bt, joined, readJoined, type BilingualText } from '../core/model/common';

/**
 * The one contract between the renderer and the desktop shell (shared/architecture.md, "one typed
 * contract per boundary"). Each call maps to a zod schema for its argument and a result type.
 * Electron's main process parses every argument with these schemas (electron/ipc.ts); the browser
 * implementation parses with the same schemas, so both platforms reject the same bad input with the
 * same message.
 *
 * This file is pure TypeScript plus zod: no DOM, no Node, no Electron. It is compiled by both
 * tsconfig.json (renderer) and tsconfig.electron.json (shell).
 */

export { BRIDGE_CALLS, BRIDGE_CHANNELS, BRIDGE_EVENT_CHANNELS, BRIDGE_EVENTS, BRIDGE_GLOBAL, type BridgeCallName, type BridgeEventName };

const MB = 1024 * 1024;
/** Default cap for opening one file: imports and evidence files larger than this are refused. */
export const DEFAULT_MAX_OPEN_BYTES = 50 * MB;
/** The renderer may raise the cap per call, but never above this. */
export const MAX_OPEN_BYTES_LIMIT = 500 * MB;
/** Largest file the renderer may ask to save (a packet zip with many scans stays far below this). */
export const MAX_SAVE_BYTES = 500 * MB;

// ---------------------------------------------------------------------------------------------
// Argument schemas

// Characters no file name may contain on any of our three platforms (Windows is the strictest).
// eslint-disable-next-line no-control-regex
const FORBIDDEN_NAME_CHARS = /[\\/:*?"<>|\u0000-\u001f\u007f]/;

/** A bare file name (no folder), valid on Windows, macOS and Linux. */
export const fileNameSchema = z
  .string({ error: bi('파일 이름은 글자여야 해요', 'file name must be a string') })
  .min(1, { error: bi('파일 이름이 비어 있어요', 'file name is empty') })
  .max(200, { error: bi('파일 이름은 200자까지예요', 'file name is longer than 200 characters') })
  .refine((name) => !FORBIDDEN_NAME_CHARS.test(name), {
    error: bi('파일 이름에 \\, /, :, *, ?, ", <, >, | 나 제어 문자는 쓸 수 없어요', 'file name may not contain \\, /, :, *, ?, ", <, >, | or control characters'),
  })
  .refine((name) => !/^[. ]+$/.test(name) && !/[. ]$/.test(name), {
    error: bi('파일 이름은 점이나 공백으로 끝날 수 없어요', 'file name may not end with a dot or a space'),
  });

/** A file extension without the dot: `csv`, `xlsx`, `zip`. */
export const extensionSchema = z
  .string()
  .regex(/^[A-Za-z0-9]{1,16}$/, { error: bi('확장자는 점 없이 영문과 숫자로 적어요 (예: csv)', 'extension: letters and digits, no dot (e.g. csv)') });

export const fileFilterSchema = z.strictObject({
  name: z.string().min(1).max(80),
  extensions: z.array(extensionSchema).min(1).max(20),
});
export type FileFilter = z.infer<typeof fileFilterSchema>;

export const saveFileArgsSchema = z.strictObject({
  suggestedName: fileNameSchema,
  bytes: z
    // Not `instanceof`: bytes made in another realm (a worker, jsdom, Node's Buffer) are still Uint8Arrays.
    .custom<Uint8Array>((v) => Object.prototype.toString.call(v) === '[object Uint8Array]', {
      error: bi('저장할 내용은 바이트(Uint8Array)여야 해요', 'bytes must be a Uint8Array'),
    })
    .refine((bytes) => bytes.byteLength <= MAX_SAVE_BYTES, {
      error: bi(`저장할 파일은 ${MAX_SAVE_BYTES / MB} MB까지예요`, `files to save are limited to ${MAX_SAVE_BYTES / MB} MB`),
    }),
  filters: z.array(fileFilterSchema).max(10).optional(),
});

export const openFilesArgsSchema = z
  .strictObject({
    /** Allowed extensions without the dot; absent means any file. */
    accept: z.array(extensionSchema).min(1).max(20).optional(),
    multiple: z.boolean().default(false),
    maxBytes: z
      .number()
      .int()
      .positive()
      .max(MAX_OPEN_BYTES_LIMIT, { error: bi(`maxBytes는 ${MAX_OPEN_BYTES_LIMIT / MB} MB까지예요`, `maxBytes is limited to ${MAX_OPEN_BYTES_LIMIT / MB} MB`) })
      .default(DEFAULT_MAX_OPEN_BYTES),
  })
  // `prefault` parses `{}` when the whole argument is missing, so the inner defaults apply.
  .prefault({});

export const appInfoArgsSchema = z.strictObject({}).optional();

export const revealFileArgsSchema = z.strictObject({
  path: z
    .string()
    .min(1, { error: bi('경로가 비어 있어요', 'path is empty') })
    .max(4096)
    .refine((p) => !p.includes('\u0000'), { error: bi('경로에 NUL 문자가 있어요', 'path contains a NUL character') }),
});

/** Largest automatic backup (the backup format's own cap is 1 GiB; a backup this large is read in memory). */
export const MAX_AUTO_BACKUP_BYTES = 1024 * MB;

const bytesSchema = (maxBytes: number) =>
  z
    .custom<Uint8Array>((v) => Object.prototype.toString.call(v) === '[object Uint8Array]', {
      error: bi('내용은 바이트(Uint8Array)여야 해요', 'bytes must be a Uint8Array'),
    })
    .refine((bytes) => bytes.byteLength > 0, { error: bi('내용이 비어 있어요', 'bytes are empty') })
    .refine((bytes) => bytes.byteLength <= maxBytes, {
      error: bi(`${maxBytes / MB} MB까지예요`, `limited to ${maxBytes / MB} MB`),
    });

/** `before-restore`: the current data, saved just before a restore replaces it. */
export const AUTO_BACKUP_REASONS = ['quit', 'daily', 'before-upgrade', 'before-restore'] as const;
export type AutoBackupReason = (typeof AUTO_BACKUP_REASONS)[number];

export const writeAutoBackupArgsSchema = z.strictObject({
  bytes: bytesSchema(MAX_AUTO_BACKUP_BYTES),
  reason: z.enum(AUTO_BACKUP_REASONS, { error: bi('이유는 quit, daily, before-upgrade, before-restore 중 하나예요', 'reason must be quit, daily, before-upgrade or before-restore') }),
});

export const listAutoBackupsArgsSchema = z.strictObject({}).optional();

/**
 * Only names the shell itself writes (`outage-desk-backup-20221015-200000.odbackup`): the exact pattern
 * rules out folders, `..`, absolute paths, drive letters, NUL and look-alike extensions in one check.
 */
export const autoBackupNameSchema = z
  .string({ error: bi('백업 이름은 글자여야 해요', 'backup name must be a string') })
  .max(100, { error: bi('자동 백업 이름이 아니에요', 'not an automatic backup name') })
  .refine((name) => backupTakenAt(name) !== null, {
    error: bi('자동 백업 이름이 아니에요 (outage-desk-backup-YYYYMMDD-HHmmss.odbackup)', 'not an automatic backup name'),
  });

export const readAutoBackupArgsSchema = z.strictObject({ name: autoBackupNameSchema });

// ---------------------------------------------------------------------------------------------
// Result types

export interface SaveFileResult {
  /** false when the user cancelled the save dialog. In the browser, true means the download started. */
  saved: boolean;
  /** Where the file was written (Electron only; a browser never tells the page). */
  path?: string;
}

export interface OpenedFile {
  name: string;
  /** Absolute path on disk (Electron only). */
  path?: string;
  bytes: Uint8Array;
  size: number;
  /** The file's own last-modified time (ms since the epoch), when the system gives it. */
  lastModified?: number;
}

export interface AppInfo {
  name: string;
  version: string;
  /** Node's platform (`win32`, `darwin`, `linux`) in Electron; `web` in a browser. */
  platform: string;
  /** The app's data folder under the OS user-data folder (Electron only). */
  dataDir?: string;
  isElectron: boolean;
}

export interface AutoBackupWritten {
  name: string;
  /** Absolute path (Electron); the browser keeps automatic backups in its own storage and has none. */
  path?: string;
  size: number;
  /** Older automatic backups removed to keep the last ten. */
  deleted: string[];
}

export interface AutoBackupEntry {
  name: string;
  /** Absolute path (Electron only), for revealFile. */
  path?: string;
  size: number;
  /** KST, from the name (`2022-10-15T20:00:00+09:00`). */
  takenAt: string;
}

export interface AutoBackupList {
  /** Newest first. */
  backups: AutoBackupEntry[];
  /** The folder they are in (Electron only). */
  folder?: string;
}

/** What main sends when the app is quitting. */
export interface BackupRequest {
  reason: 'quit';
}

// A result type travels only at the type level; this marker keeps it next to its schema.
const resultOf = <T>() => undefined as unknown as T;

/** The contract: call name → { args: zod schema, result: result type (type-level only) }. */
export const bridgeContract = {
  saveFile: { args: saveFileArgsSchema, result: resultOf<SaveFileResult>() },
  openFiles: { args: openFilesArgsSchema, result: resultOf<OpenedFile[]>() },
  appInfo: { args: appInfoArgsSchema, result: resultOf<AppInfo>() },
  revealFile: { args: revealFileArgsSchema, result: resultOf<void>() },
  writeAutoBackup: { args: writeAutoBackupArgsSchema, result: resultOf<AutoBackupWritten>() },
  listAutoBackups: { args: listAutoBackupsArgsSchema, result: resultOf<AutoBackupList>() },
  readAutoBackup: { args: readAutoBackupArgsSchema, result: resultOf<OpenedFile>() },
} as const satisfies Record<BridgeCallName, { args: z.ZodType; result: unknown }>;

export type BridgeContract = typeof bridgeContract;
/** What the caller passes (before defaults). */
export type BridgeArgs<K extends BridgeCallName> = z.input<BridgeContract[K]['args']>;
/** What the handler receives (after parsing and defaults). */
export type BridgeParsedArgs<K extends BridgeCallName> = z.output<BridgeContract[K]['args']>;
export type BridgeResult<K extends BridgeCallName> = BridgeContract[K]['result'];

// ---------------------------------------------------------------------------------------------
// Errors

export type BridgeErrorCode =
  | 'invalid-argument' // the argument failed the contract schema
  | 'untrusted-sender' // the call did not come from the app's own page
  | 'file-too-large' // an opened file is over maxBytes
  | 'file-type-not-allowed' // an opened file's extension is not in `accept`
  | 'not-allowed' // e.g. revealing a path the user never chose
  | 'not-available' // the call does not exist on this platform (revealFile in a browser)
  | 'io-failed'; // reading or writing the disk failed

/**
 * The error every bridge call throws: `text` says why in each language (a screen picks one), `message` joins
 * them on one line for logs. Built from `{ ko, en }`; a joined line (an older main process's answer) is read
 * once here.
 */
export class BridgeError extends Error {
  readonly code: BridgeErrorCode;
  readonly text: BilingualText;
  constructor(code: BridgeErrorCode, text: BilingualText | string) {
    const value = typeof text === 'string' ? readJoined(text) : text;
    super(joined(value));
    this.name = 'BridgeError';
    this.code = code;
    this.text = value;
  }
}

/**
 * What crosses the IPC and contextBridge boundary. Errors are sent as data, not thrown: Electron
 * keeps only the message of an Error thrown across `invoke` and contextBridge, and prefixes it with
 * "Error invoking remote method", so the UI could not read the code. The renderer-side
 * implementation (src/bridge/electron.ts) turns `ok: false` back into a BridgeError.
 */
export type BridgeResponse<T> = { ok: true; value: T } | { ok: false; code: BridgeErrorCode; message: string; text?: BilingualText };

/** `512 B`, `1.5 KB`, `51.0 MB`: a size a person can read. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < MB) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / MB).toFixed(1)} MB`;
}

export function fileTooLargeMessage(fileName: string, size: number, maxBytes: number): BilingualText {
  return bt(
    `파일이 너무 커요: ${fileName} (${formatSize(size)}, 최대 ${formatSize(maxBytes)})`,
    `File too large: ${fileName} (${formatSize(size)}, limit ${formatSize(maxBytes)})`,
  );
}

export function fileTypeNotAllowedMessage(fileName: string, accept: readonly string[]): BilingualText {
  const list = accept.map((e) => `.${e}`).join(', ');
  return bt(`열 수 없는 파일 형식이에요: ${fileName} (${list}만 열 수 있어요)`, `File type not allowed: ${fileName} (only ${list})`);
}

/** Names the call, the field and the reason, e.g. `saveFile.suggestedName: 파일 이름이 비어 있어요 / ...`. */
export function invalidArgumentMessage(call: BridgeCallName, error: z.ZodError): BilingualText {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? `${call}.${issue.path.map(String).join('.')}` : call;
  const reason = issue ? readJoined(issue.message) : bt('올바르지 않아요', 'invalid');
  return bt(`잘못된 요청이에요 (${field}): ${reason.ko}`, `Invalid argument (${field}): ${reason.en || reason.ko}`);
}

/** Parses a call's argument with its schema; a failure becomes an `invalid-argument` BridgeError. */
export function parseBridgeArgs<K extends BridgeCallName>(call: K, raw: unknown): BridgeParsedArgs<K> {
  const schema: z.ZodType<BridgeParsedArgs<K>, unknown> = bridgeContract[call].args as never;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new BridgeError('invalid-argument', invalidArgumentMessage(call, parsed.error));
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------
// Client types

// A call whose argument may be undefined can be called with no argument at all.
type Call<A, R> = undefined extends A ? (args?: A) => Promise<R> : (args: A) => Promise<R>;

/** Events from main: subscribe with a listener, get back a function that unsubscribes. */
export type BridgeEvents = { onBackupRequest(listener: (request: BackupRequest) => void): () => void };

/** What the UI uses: `getBridge().saveFile({...})`. Failures throw BridgeError. Events exist only where main sends them. */
export type BridgeClient = { [K in BridgeCallName]: Call<BridgeArgs<K>, BridgeResult<K>> } & Partial<BridgeEvents>;

/** What the preload exposes as `window.outageDesk`: the same calls, answering with a BridgeResponse, plus the events. */
export type PreloadApi = { [K in BridgeCallName]: Call<BridgeArgs<K>, BridgeResponse<BridgeResult<K>>> } & BridgeEvents;
