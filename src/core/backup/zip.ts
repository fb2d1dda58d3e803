import { bt, type BilingualText } from '../model/common';
import { zipSync, type Zippable } from 'fflate';
import { nameProblem, openZip, shownName, ZipError } from '../zip/index';
import { BackupError, type BackupLimits } from './format';
import { KST_OFFSET_MS } from '../time/kst';

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
  const kst = new Date(madeAt.getTime() + KST_OFFSET_MS);
  const mtime = new Date(kst.getUTCFullYear(), kst.getUTCMonth(), kst.getUTCDate(), kst.getUTCHours(), kst.getUTCMinutes(), kst.getUTCSeconds());
  const tree: Zippable = {};
  for (const e of entries) {
    if (Object.prototype.hasOwnProperty.call(tree, e.path)) throw new Error(`duplicate backup entry: ${e.path}`);
    const problem = nameProblem(e.path);
    if (problem) throw new Error(`not a canonical backup entry name "${e.path}": ${problem.en}`);
    tree[e.path] = [e.bytes, { ...FILE_OPTIONS, mtime, level: e.store ? 0 : 6 }];
  }
  return zipSync(tree);
}

/** Why a name is not a canonical relative path (core/zip/names.ts), or null when it is. */
export function unsafeEntryReason(name: string): BilingualText | null {
  return nameProblem(name);
}

export { shownName };

/**
 * Reads the backup zip through the one zip reader (core/zip): the end record must end the file (a cut-off
 * backup says so plainly), names, types, local headers, entry count, declared total and per-entry ratio are
 * checked before anything is inflated, and each entry is inflated as a stream that may not pass its declared
 * size, the ratio or the total, with its CRC-32 checked.
 */
export function readBackupZip(bytes: Uint8Array, limits: BackupLimits): Map<string, Uint8Array> {
  try {
    // Every entry's SHA-256 is checked against backup-manifest.json right after (read.ts), naming the entry:
    // the CRC-32 would only say the same thing less precisely.
    return openZip(bytes, limits, { checkCrc: false }).readAll();
  } catch (err) {
    if (!(err instanceof ZipError)) throw err;
    if (err.code === 'not-zip' || err.code === 'damaged' || err.code === 'unsupported') {
      const message = err.code === 'not-zip' ? bt(`백업 파일(zip)을 읽을 수 없어요. 파일이 손상됐어요`, `the backup zip cannot be read, the file is damaged (${err.text.en || err.text.ko})`) : err.text;
      throw new BackupError('damaged', message, err.entry);
    }
    throw new BackupError('unsafe-zip', err.text, err.entry);
  }
}
