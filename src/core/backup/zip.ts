import { unzipSync, zipSync, type Zippable } from 'fflate';
import { BackupError, type BackupLimits } from './format';

/**
 * Zip writing and guarded reading for backups. Kept apart from core/packet/zip (a packet goes to strangers,
 * a backup comes back to us, and their limits differ), but built on the same fflate calls.
 */

/** Regular file, rw-r--r--, made on Unix: Info-ZIP `unzip` then reads the names as UTF-8. */
const FILE_OPTIONS = { os: 3, attrs: 0o100644 << 16 } as const;

export interface BackupZipEntry {
  path: string;
  bytes: Uint8Array;
  /** Evidence is mostly PNG, JPEG or PDF, already compressed: stored as is (ratio 1, no wasted time). */
  store?: boolean;
}

export function writeBackupZip(entries: readonly BackupZipEntry[], madeAt: Date): Uint8Array {
  // The DOS time is read with local getters; build a local Date showing KST's wall time (see core/packet/zip).
  const kst = new Date(madeAt.getTime() + 9 * 3600_000);
  const mtime = new Date(kst.getUTCFullYear(), kst.getUTCMonth(), kst.getUTCDate(), kst.getUTCHours(), kst.getUTCMinutes(), kst.getUTCSeconds());
  const tree: Zippable = {};
  for (const e of entries) {
    if (Object.prototype.hasOwnProperty.call(tree, e.path)) throw new Error(`duplicate backup entry: ${e.path}`);
    tree[e.path] = [e.bytes, { ...FILE_OPTIONS, mtime, level: e.store ? 0 : 6 }];
  }
  return zipSync(tree);
}

/** Why a name is not a plain relative path inside the backup, or null when it is. */
export function unsafeEntryReason(name: string): string | null {
  if (name.length === 0) return '이름이 비어 있어요 / empty name';
  if (name.includes('\0')) return 'NUL 문자가 있어요 / contains NUL';
  if (name.includes('\\')) return '역슬래시가 있어요 / contains a backslash';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return '절대 경로예요 / absolute path';
  if (name.split('/').some((part) => part === '..' || part === '.')) return '상위 폴더(..)로 나가요 / climbs out with ..';
  return null;
}

const unsafe = (message: string, entry?: string) => new BackupError('unsafe-zip', message, entry);

/** An entry name as it can be shown in a message: control characters visible, at most 80 characters. */
export function shownName(name: string): string {
  const clean = Array.from(name, (ch) => (/\p{Cc}/u.test(ch) ? '?' : ch)).join('');
  return clean.length > 80 ? `${clean.slice(0, 80)}…` : clean;
}

/**
 * The end-of-central-directory record must end exactly at the end of the file. fflate takes the last
 * signature it finds; in a cut-off backup that can be the signature of an XLSX stored as evidence, whose
 * directory then reads as garbage names. Checking here gives the plain "the file was cut off" instead.
 */
function checkEndRecord(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let e = bytes.length - 22; e >= 0 && e >= bytes.length - 22 - 0xffff; e--) {
    if (view.getUint32(e, true) !== 0x06054b50) continue;
    const commentLength = view.getUint16(e + 20, true);
    const directorySize = view.getUint32(e + 12, true);
    const directoryOffset = view.getUint32(e + 16, true);
    const zip64 = directoryOffset === 0xffffffff || directorySize === 0xffffffff;
    if (e + 22 + commentLength === bytes.length && (zip64 || directoryOffset + directorySize <= e)) return;
    break;
  }
  throw new BackupError('damaged', '백업 파일이 중간에 잘렸거나 손상됐어요 (zip의 끝 부분이 없어요) / the backup file is cut off or damaged (the end of the zip is missing)');
}

/**
 * Reads the backup zip. Names, entry count, declared total size and per-entry ratio are checked from the
 * central directory BEFORE anything is inflated; fflate then inflates each entry into a buffer of its
 * declared size, so a lying header yields truncated bytes that fail the SHA-256 check, never more memory.
 */
export function readBackupZip(bytes: Uint8Array, limits: BackupLimits): Map<string, Uint8Array> {
  let entries = 0;
  let total = 0;
  const seen = new Set<string>();
  const declared = new Map<string, number>();
  checkEndRecord(bytes);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        entries += 1;
        if (entries > limits.maxEntries) {
          throw unsafe(`백업 안의 파일이 너무 많아요 (${limits.maxEntries.toLocaleString('en-US')}개 초과) / too many entries (over ${limits.maxEntries})`);
        }
        const reason = unsafeEntryReason(file.name);
        if (reason) throw unsafe(`위험한 경로예요 "${shownName(file.name)}": ${reason} / unsafe path "${shownName(file.name)}"`, file.name);
        if (seen.has(file.name)) throw unsafe(`같은 이름이 두 번 있어요: ${shownName(file.name)} / duplicate entry: ${shownName(file.name)}`, file.name);
        seen.add(file.name);
        declared.set(file.name, file.originalSize);
        total += file.originalSize;
        if (total > limits.maxTotalBytes) {
          throw unsafe(`압축을 풀면 너무 커요 (${limits.maxTotalBytes.toLocaleString('en-US')} B 초과) / uncompressed total over ${limits.maxTotalBytes} bytes`, file.name);
        }
        if (file.originalSize > 1024 && file.originalSize > file.size * limits.maxRatio) {
          throw unsafe(`압축률이 비정상이에요 (압축 폭탄 의심): ${shownName(file.name)} / suspicious compression ratio (zip bomb?): ${shownName(file.name)}`, file.name);
        }
        return !file.name.endsWith('/');
      },
    });
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError('damaged', `백업 파일(zip)을 읽을 수 없어요. 파일이 손상됐어요 / the backup zip cannot be read, the file is damaged (${(err as Error)?.message ?? String(err)})`);
  }
  const out = new Map<string, Uint8Array>();
  for (const name of Object.keys(files)) {
    const data = files[name]!;
    // A header that lies about the size: inflated data was cut to the declared size, or a stored entry is longer.
    if (data.length !== declared.get(name)) {
      throw new BackupError('damaged', `${shownName(name)}: zip에 적힌 크기와 실제 크기가 달라요. 파일이 손상됐어요 / ${shownName(name)}: the size in the zip header is wrong, the file is damaged`, name);
    }
    out.set(name, data);
  }
  // fflate fills a plain object: a name like `__proto__` would not come back as a key. Count, not trust.
  if (out.size !== seen.size - [...seen].filter((n) => n.endsWith('/')).length) {
    throw unsafe('백업 안의 파일 이름이 올바르지 않아요 / an entry name cannot be read back');
  }
  return out;
}
