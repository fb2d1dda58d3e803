import { randomBytes } from 'node:crypto';
import * as realFs from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file so that the target is always either the old complete file or the new complete file,
 * never half of one: a crash, a full disk or a yanked USB stick mid-write leaves the target alone.
 * Steps: temp file in the same folder (so the rename stays on one filesystem), write, fsync, rename
 * over the target, fsync the folder (POSIX) so the rename itself survives a power cut.
 */

/** The slice of node:fs/promises the writer uses; the tests pass a faulty one to prove the cleanup. */
export type AtomicWriteFs = Pick<typeof realFs, 'open' | 'rename' | 'unlink' | 'stat' | 'chmod'>;

export class AtomicWriteError extends Error {
  readonly target: string;
  constructor(target: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`파일을 저장하지 못했어요: ${target} (${reason}) / Could not save the file: ${target} (${reason})`, { cause });
    this.name = 'AtomicWriteError';
    this.target = target;
  }
}

export function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  // Hidden, unique per write: two saves of the same file never share a temp file.
  return path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

export async function writeFileAtomic(target: string, bytes: Uint8Array, fs: AtomicWriteFs = realFs): Promise<void> {
  const temp = tempPathFor(target);
  let handle: Awaited<ReturnType<AtomicWriteFs['open']>> | null = null;
  try {
    // Keep the permissions of a file we replace (a user who made an export read-only for others keeps that).
    const existingMode = await fs.stat(target).then(
      (s) => (s.isFile() ? s.mode & 0o7777 : null),
      () => null,
    );
    // 'wx': fail rather than follow a symlink or reuse a file someone planted at the temp name.
    handle = await fs.open(temp, 'wx', 0o644);
    let written = 0;
    while (written < bytes.byteLength) {
      const { bytesWritten } = await handle.write(bytes, written, bytes.byteLength - written);
      if (bytesWritten <= 0) throw new Error('write made no progress');
      written += bytesWritten;
    }
    await handle.sync();
    await handle.close();
    handle = null;
    if (existingMode !== null) await fs.chmod(temp, existingMode);
    await fs.rename(temp, target);
  } catch (error) {
    if (handle !== null) await handle.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw new AtomicWriteError(target, error);
  }
  await syncFolder(path.dirname(target), fs);
}

async function syncFolder(dir: string, fs: AtomicWriteFs): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  try {
    const dirHandle = await fs.open(dir, 'r');
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
  } catch {
    // The file is already complete and renamed; a folder that cannot be fsynced is not worth failing for.
  }
}
