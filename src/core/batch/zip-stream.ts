import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { sha256Hex, type Sha256Hex } from '../packet/hash';
import { kstWallClockAsLocalDate } from '../packet/zip';
import type { Crc32Update } from '../zip/index';

/**
 * The batch zip, written as a stream: each file goes out through `onChunk` as soon as it is added, so the
 * caller can write 10,000 packets to disk without holding them all. Packets are zips already and are
 * stored as they are; text files are deflated. Names and attributes as in core/packet/zip.ts (Unix
 * regular files, UTF-8 names) so `unzip` shows Korean names. Every file's size and SHA-256 are kept for
 * the manifest.
 */

const REGULAR_FILE_ATTRS = 0o100644 << 16;

export type ZippedFile = { path: string; size: number; sha256: string };

/** fflate's pass-through entry keeps its running CRC in `c` ({ p: update, d: digest }); it is replaced only when it is there. */
type CrcState = { p(chunk: Uint8Array): void; d(): number };

function withCrc(file: ZipPassThrough, update: Crc32Update | undefined): ZipPassThrough {
  const own = file as unknown as { c?: CrcState };
  if (!update || typeof own.c?.p !== 'function' || typeof own.c.d !== 'function') return file;
  let crc = 0;
  // fflate's digest is a signed 32-bit number (~c); the same here, so the header bytes are the same.
  own.c = { p: (chunk) => void (crc = update(crc, chunk)), d: () => crc | 0 };
  return file;
}

export class BatchZipWriter {
  private readonly zip: Zip;
  private readonly mtime: Date;
  private readonly paths = new Set<string>();
  readonly files: ZippedFile[] = [];
  private failure: Error | null = null;

  /**
   * `crc32`: the CRC-32 of stored entries (the packets, most of the bytes) computed by this function
   * instead of fflate's table loop (the CLI passes Node's native zlib.crc32; the same value, so the same zip).
   */
  constructor(onChunk: (chunk: Uint8Array) => void, madeAt: Date, private readonly hash: Sha256Hex = sha256Hex, private readonly crc32?: Crc32Update) {
    this.mtime = kstWallClockAsLocalDate(madeAt);
    this.zip = new Zip((err, chunk) => {
      if (err) this.failure = err;
      else onChunk(chunk);
    });
  }

  /** A free name under `folder/` for `name` (two members' packets may share a file name). */
  uniquePath(folder: string, name: string): string {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : '';
    let path = `${folder}/${name}`;
    for (let n = 2; this.paths.has(path); n++) path = `${folder}/${stem}-${n}${ext}`;
    return path;
  }

  async add(path: string, bytes: Uint8Array, options: { store?: boolean; sha256?: string } = {}): Promise<ZippedFile> {
    if (this.paths.has(path)) throw new Error(`duplicate zip entry: ${path}`);
    this.paths.add(path);
    const sha256 = options.sha256 ?? (await this.hash(bytes));
    const file = options.store ? withCrc(new ZipPassThrough(path), this.crc32) : new ZipDeflate(path, { level: 6 });
    file.os = 3;
    file.attrs = REGULAR_FILE_ATTRS;
    file.mtime = this.mtime;
    this.zip.add(file);
    file.push(bytes, true);
    if (this.failure) throw this.failure;
    const entry = { path, size: bytes.length, sha256 };
    this.files.push(entry);
    return entry;
  }

  end(): void {
    this.zip.end();
    if (this.failure) throw this.failure;
  }
}
