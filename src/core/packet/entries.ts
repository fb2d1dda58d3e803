import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import type { ZipArchive, ZipEntry } from '../zip/index';
import { sha256Hex, type Sha256Hex } from './hash';

/**
 * An entry's size and SHA-256 as `verify` and `batch` check them against the manifest. Small entries are read
 * whole and hashed by WebCrypto (fast, and their bytes come back for reuse); an entry over STREAM_OVER is
 * inflated as a stream into an incremental SHA-256 (@noble/hashes), so a packet that lists a 500 MB file
 * costs a few megabytes of memory, not 500.
 */
export const STREAM_OVER = 8 * 1024 * 1024;

export type EntryDigest = { size: number; sha256: string; bytes?: Uint8Array };

export async function digestEntry(archive: ZipArchive, entry: ZipEntry, hash: Sha256Hex = sha256Hex): Promise<EntryDigest> {
  if (entry.size <= STREAM_OVER) {
    const bytes = archive.read(entry);
    return { size: bytes.length, sha256: await hash(bytes), bytes };
  }
  const running = sha256.create();
  let size = 0;
  archive.stream(entry, (chunk) => {
    size += chunk.length;
    running.update(chunk);
  });
  return { size, sha256: bytesToHex(running.digest()) };
}

/** Largest manifest.json read: 2,000 listed files take about 300 KB. */
export const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
