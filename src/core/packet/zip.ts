import { unzipSync, zipSync, type Zippable } from 'fflate';

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
  const kst = new Date(at.getTime() + 9 * 3600_000);
  return new Date(kst.getUTCFullYear(), kst.getUTCMonth(), kst.getUTCDate(), kst.getUTCHours(), kst.getUTCMinutes(), kst.getUTCSeconds());
}

/** Deterministic: same entries (same order) and same time give the same bytes. */
export function writeZip(entries: ZipEntries, madeAt: Date): Uint8Array {
  const mtime = kstWallClockAsLocalDate(madeAt);
  const tree: Zippable = {};
  for (const entry of entries) {
    if (entry.path in tree) throw new Error(`duplicate zip entry: ${entry.path}`);
    tree[entry.path] = [entry.bytes, { os: 3, attrs: REGULAR_FILE_ATTRS, mtime, level: 6 }];
  }
  return zipSync(tree);
}

export type UnzipLimits = {
  maxEntries: number;
  maxTotalBytes: number;
  /** Uncompressed / compressed, per entry; a zip bomb has thousands. */
  maxRatio: number;
};

export const DEFAULT_UNZIP_LIMITS: UnzipLimits = {
  maxEntries: 2_000,
  maxTotalBytes: 512 * 1024 * 1024,
  maxRatio: 200,
};

export class UnsafeZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeZipError';
  }
}

/** Why a name is not a safe relative path, or null when it is. */
export function unsafePathReason(name: string): string | null {
  if (name.length === 0) return '빈 이름 / empty name';
  if (name.includes('\\')) return '역슬래시가 있어요 / contains a backslash';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return '절대 경로예요 / absolute path';
  if (name.includes('\0')) return 'NUL 문자가 있어요 / contains NUL';
  if (name.split('/').some((part) => part === '..')) return '상위 폴더(..)로 나가요 / climbs out with ..';
  return null;
}

/**
 * Reads a zip, checking names, entry count, total size and compression ratio from the central directory
 * before anything is inflated. Directory entries are skipped. Throws UnsafeZipError with a Korean/English reason.
 */
export function readZipSafely(bytes: Uint8Array, limits: UnzipLimits = DEFAULT_UNZIP_LIMITS): Map<string, Uint8Array> {
  let entries = 0;
  let total = 0;
  const seen = new Set<string>();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        entries += 1;
        if (entries > limits.maxEntries) {
          throw new UnsafeZipError(`파일이 너무 많아요(${limits.maxEntries}개 초과) / too many entries (over ${limits.maxEntries})`);
        }
        const reason = unsafePathReason(file.name);
        if (reason) throw new UnsafeZipError(`위험한 경로 "${file.name}": ${reason} / unsafe path "${file.name}"`);
        if (seen.has(file.name)) throw new UnsafeZipError(`같은 이름이 두 번 있어요 / duplicate entry: ${file.name}`);
        seen.add(file.name);
        total += file.originalSize;
        if (total > limits.maxTotalBytes) {
          throw new UnsafeZipError(`압축을 풀면 너무 커요 / uncompressed total over ${limits.maxTotalBytes} bytes`);
        }
        if (file.originalSize > 1024 && file.originalSize > file.size * limits.maxRatio) {
          throw new UnsafeZipError(`압축률이 비정상이에요 / suspicious compression ratio: ${file.name}`);
        }
        return !file.name.endsWith('/');
      },
    });
  } catch (err) {
    if (err instanceof UnsafeZipError) throw err;
    throw new UnsafeZipError(`zip 파일을 읽을 수 없어요 / not a readable zip: ${(err as Error).message}`);
  }
  const out = new Map<string, Uint8Array>();
  for (const name of Object.keys(files).sort()) {
    const data = files[name];
    if (data) out.set(name, data);
  }
  // fflate collects entries in a plain object, where one named `__proto__` vanishes: an added file the
  // manifest check would never see. Every file entry read must come back.
  const kept = [...seen].filter((name) => !name.endsWith('/')).length;
  if (out.size !== kept) throw new UnsafeZipError('읽을 수 없는 파일 이름이 있어요 (__proto__ 등) / an entry name cannot be read back (e.g. __proto__)');
  return out;
}
