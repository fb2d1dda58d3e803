import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomicWriteError, writeFileAtomic, type AtomicWriteFs } from '../../electron/atomic-write';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'desk-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const bytesOf = (text: string) => new TextEncoder().encode(text);
const onlyFiles = () => readdirSync(dir).sort();

describe('writeFileAtomic on a real disk', () => {
  it('writes a new file, Korean name included, and leaves no temp file', async () => {
    const target = path.join(dir, '청구서 2022-10-15.zip');
    const bytes = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251);
    await writeFileAtomic(target, bytes);
    expect(readFileSync(target).equals(bytes)).toBe(true);
    expect(onlyFiles()).toEqual(['청구서 2022-10-15.zip']);
  });

  it('replaces an existing file and keeps its permissions', async () => {
    const target = path.join(dir, 'packet.csv');
    writeFileSync(target, 'old');
    chmodSync(target, 0o600);
    await writeFileAtomic(target, bytesOf('new,content'));
    expect(readFileSync(target, 'utf8')).toBe('new,content');
    if (process.platform !== 'win32') expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(onlyFiles()).toEqual(['packet.csv']);
  });

  it('writes an empty file', async () => {
    const target = path.join(dir, 'empty.txt');
    await writeFileAtomic(target, new Uint8Array());
    expect(statSync(target).size).toBe(0);
  });

  it('fails cleanly when the folder does not exist', async () => {
    const target = path.join(dir, 'no-such-folder', 'x.pdf');
    await expect(writeFileAtomic(target, bytesOf('x'))).rejects.toThrow(/파일을 저장하지 못했어요: .*x\.pdf .* \/ Could not save the file/);
    expect(onlyFiles()).toEqual([]);
  });

  it('fails on a real rename error (target is a folder) and leaves no temp file behind', async () => {
    const target = path.join(dir, 'claim.zip');
    mkdirSync(path.join(target, 'inside'), { recursive: true });
    const error = await writeFileAtomic(target, bytesOf('zip bytes')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtomicWriteError);
    expect((error as AtomicWriteError).target).toBe(target);
    expect(onlyFiles()).toEqual(['claim.zip']);
    expect(statSync(target).isDirectory()).toBe(true);
  });

  // The disk is real; only the failure is injected, at each step after bytes have hit the temp file.
  it.each(['mid-write', 'fsync', 'rename'] as const)('a failure at %s leaves the old target whole and no partial file', async (step) => {
    const target = path.join(dir, 'evidence.pdf');
    writeFileSync(target, 'OLD COMPLETE FILE');
    const big = new Uint8Array(256 * 1024).fill(0x41);
    const faulty: AtomicWriteFs = {
      ...fsp,
      async open(file, flags, mode) {
        const handle = await fsp.open(file, flags, mode);
        if (flags !== 'wx') return handle;
        let writes = 0;
        return new Proxy(handle, {
          get(h, prop) {
            if (prop === 'write' && step === 'mid-write') {
              return async (buf: Uint8Array, offset: number, length: number) => {
                writes += 1;
                if (writes > 1) throw new Error('ENOSPC: no space left on device');
                return h.write(buf, offset, Math.min(length, 1000)); // a short write, then the disk fills
              };
            }
            if (prop === 'sync' && step === 'fsync') return async () => { throw new Error('EIO: i/o error'); };
            const value = Reflect.get(h, prop, h);
            return typeof value === 'function' ? value.bind(h) : value;
          },
        });
      },
      async rename(from, to) {
        if (step === 'rename') {
          // the temp file is complete on disk right now; prove it, then fail
          expect(statSync(from).size).toBe(big.byteLength);
          throw new Error('EXDEV: cross-device link not permitted');
        }
        return fsp.rename(from, to);
      },
    };
    await expect(writeFileAtomic(target, big, faulty)).rejects.toBeInstanceOf(AtomicWriteError);
    expect(readFileSync(target, 'utf8')).toBe('OLD COMPLETE FILE');
    expect(onlyFiles()).toEqual(['evidence.pdf']);
  });

  it('keeps the target whole under concurrent saves: one complete version wins', async () => {
    const target = path.join(dir, 'roster.csv');
    const versions = Array.from({ length: 8 }, (_, i) => new Uint8Array(200 * 1024).fill(0x30 + i));
    await Promise.all(versions.map((v) => writeFileAtomic(target, v)));
    const result = new Uint8Array(readFileSync(target));
    expect(result.byteLength).toBe(200 * 1024);
    expect(new Set(result).size).toBe(1);
    expect(onlyFiles()).toEqual(['roster.csv']);
  });
});
