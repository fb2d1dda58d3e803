import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { ZipSource } from '../core/zip/index';

/**
 * A file on disk as a zip source for core/zip: the reader asks for the end record, the directory and one
 * entry's data at a time, so a 400 MB file that is no zip costs 64 KB of reading, not 400 MB of memory.
 */
export function openZipFile(path: string): ZipSource & { close(): void } {
  const fd = openSync(path, 'r');
  let size: number;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw Object.assign(new Error('not a regular file'), { code: stat.isDirectory() ? 'EISDIR' : 'ENOTFILE' });
    size = stat.size;
  } catch (err) {
    closeSync(fd);
    throw err;
  }
  return {
    size,
    read(offset: number, length: number): Uint8Array {
      const want = Math.max(0, Math.min(length, size - offset));
      const out = new Uint8Array(want);
      let done = 0;
      while (done < want) {
        const n = readSync(fd, out, done, want - done, offset + done);
        if (n === 0) break;
        done += n;
      }
      return done === want ? out : out.subarray(0, done);
    },
    close: () => closeSync(fd),
  };
}
