import { zipSync, type Zippable } from 'fflate';
import { collisionKey, nameProblem, openZip, ZipError, type ZipArchive, type ZipErrorCode, type ZipLimits, type ZipOptions, type ZipSource } from '../zip/index';
import { KST_OFFSET_MS } from '../time/kst';
import { bi, bt, joined, type BilingualText } from '../model/common';

/**
 * Zip writing and guarded reading for packets.
 *
 * Writing: every entry is marked as made on Unix (`os: 3`) with regular-file permissions; without it Info-ZIP
 * `unzip` treats the names as CP437 and garbles Korean. fflate sets the UTF-8 name flag (general purpose bit 11)
 * by itself whenever a name is not plain ASCII, so Windows Explorer and 7-Zip read the names too.
 */

export type ZipEntries = ReadonlyArray<{ path: string; bytes: Uint8Array }>;

const REGULAR_FILE_ATTRS = 0o100644 << 16;

/**
 * The DOS timestamp in a zip header is a wall-clock time read with the machine's local `getHours()`. To write
 * the KST wall time whatever the machine's zone, build a local Date whose local fields are the KST fields.
 */
export function kstWallClockAsLocalDate(at: Date): Date {
  const kst = new Date(at.getTime() + KST_OFFSET_MS);
  return new Date(kst.getUTCFullYear(), kst.getUTCMonth(), kst.getUTCDate(), kst.getUTCHours(), kst.getUTCMinutes(), kst.getUTCSeconds());
}

/**
 * Deterministic: same entries (same order) and same time give the same bytes. Only canonical names go in
 * (core/zip/names.ts), none colliding case-insensitively: what we write, every reader (ours included) reads
 * as the same files.
 */
export function writeZip(entries: ZipEntries, madeAt: Date): Uint8Array {
  const mtime = kstWallClockAsLocalDate(madeAt);
  const tree: Zippable = {};
  const keys = new Map<string, string>();
  for (const entry of entries) {
    const problem = nameProblem(entry.path);
    if (problem) throw new Error(bi(`zip에 쓸 수 없는 이름이에요 "${entry.path}": ${problem.ko}`, `not a canonical zip entry name "${entry.path}": ${problem.en}`));
    const other = keys.get(collisionKey(entry.path));
    if (other === entry.path || Object.prototype.hasOwnProperty.call(tree, entry.path)) throw new Error(`duplicate zip entry: ${entry.path}`);
    if (other !== undefined) throw new Error(`대소문자만 다른 이름이 겹쳐요: "${other}", "${entry.path}" / zip entry names collide ignoring case`);
    keys.set(collisionKey(entry.path), entry.path);
    tree[entry.path] = [entry.bytes, { os: 3, attrs: REGULAR_FILE_ATTRS, mtime, level: 6 }];
  }
  return zipSync(tree);
}

export type UnzipLimits = ZipLimits;

export const DEFAULT_UNZIP_LIMITS: UnzipLimits = {
  maxEntries: 2_000,
  maxTotalBytes: 512 * 1024 * 1024,
  maxRatio: 200,
};

/** A packet zip refused as unsafe or unreadable: `text` says why in each language, `message` joins them. */
export class UnsafeZipError extends Error {
  constructor(readonly text: BilingualText, readonly code?: ZipErrorCode, readonly entry?: string) {
    super(joined(text));
    this.name = 'UnsafeZipError';
  }
}

/** Why a name is not a canonical relative path (core/zip/names.ts), or null when it is. */
export function unsafePathReason(name: string): BilingualText | null {
  return nameProblem(name);
}

/** A ZipError as the packet's UnsafeZipError; a file that is no zip at all says so first. */
export function asUnsafeZipError(err: ZipError): UnsafeZipError {
  const unreadable = err.code === 'not-zip' || err.code === 'damaged' || err.code === 'unsupported';
  const text = unreadable ? bt(`zip 파일을 읽을 수 없어요: ${err.text.ko}`, `not a readable zip: ${err.text.en || err.text.ko}`) : err.text;
  return new UnsafeZipError(text, err.code, err.entry);
}

/** Opens a packet zip through the one zip reader (core/zip): names, types, headers and limits checked, nothing inflated yet. */
export function openPacketZip(input: Uint8Array | ZipSource, limits: UnzipLimits = DEFAULT_UNZIP_LIMITS, options?: ZipOptions): ZipArchive {
  try {
    return openZip(input, limits, options);
  } catch (err) {
    if (err instanceof ZipError) throw asUnsafeZipError(err);
    throw err;
  }
}

/**
 * Reads a whole zip through the one zip reader (core/zip), every entry inflated as a stream within the
 * limits. Folder entries are skipped. Throws UnsafeZipError with a Korean/English reason naming the entry.
 */
export function readZipSafely(bytes: Uint8Array | ZipSource, limits: UnzipLimits = DEFAULT_UNZIP_LIMITS): Map<string, Uint8Array> {
  const archive = openPacketZip(bytes, limits);
  try {
    return archive.readAll();
  } catch (err) {
    if (err instanceof ZipError) throw asUnsafeZipError(err);
    throw err;
  }
}
