import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import type { BatchMember } from '../core/batch/types';

/**
 * The batch's members on disk as they are read: one JSON line each (NDJSON) in the batch's hidden work
 * folder, so pass 1 keeps only dedupe keys in memory. `get(i)` reads one member back (a merge needs
 * two); `all()` streams them in batch order, a megabyte at a time. Writes are buffered (256 KB).
 */
const FLUSH_AT = 256 * 1024;
const READ_CHUNK = 1024 * 1024;

export class MemberSpill {
  private readonly fd: number;
  private readonly starts: number[] = [];
  private size = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private flushedTo = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w+', 0o600);
  }

  get count(): number {
    return this.starts.length;
  }

  add(member: BatchMember): void {
    const line = Buffer.from(`${JSON.stringify(member)}\n`, 'utf8');
    this.starts.push(this.size);
    this.size += line.length;
    this.pending.push(line);
    this.pendingBytes += line.length;
    if (this.pendingBytes >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (!this.pendingBytes) return;
    const chunk = Buffer.concat(this.pending, this.pendingBytes);
    let done = 0;
    while (done < chunk.length) done += writeSync(this.fd, chunk, done, chunk.length - done, this.flushedTo + done);
    this.flushedTo += chunk.length;
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** The i-th member as it was added. */
  get(i: number): BatchMember {
    this.flush();
    const start = this.starts[i];
    if (start === undefined) throw new RangeError(`no member ${i} in the spill`);
    const end = i + 1 < this.starts.length ? this.starts[i + 1]! : this.size;
    const buf = Buffer.allocUnsafe(end - start);
    let done = 0;
    while (done < buf.length) {
      const n = readSync(this.fd, buf, done, buf.length - done, start + done);
      if (n === 0) throw new Error(`member spill ended early at member ${i}`);
      done += n;
    }
    return JSON.parse(buf.toString('utf8', 0, buf.length - 1)) as BatchMember;
  }

  /** Every member in the order added, read back in 1 MB chunks. */
  *all(): Generator<BatchMember> {
    this.flush();
    let carry: Buffer = Buffer.alloc(0);
    let at = 0;
    const chunk = Buffer.allocUnsafe(READ_CHUNK);
    while (at < this.size) {
      const n = readSync(this.fd, chunk, 0, Math.min(READ_CHUNK, this.size - at), at);
      if (n === 0) break;
      at += n;
      const buf: Buffer = carry.length ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n);
      let from = 0;
      for (let nl = buf.indexOf(0x0a, from); nl !== -1; nl = buf.indexOf(0x0a, from)) {
        yield JSON.parse(buf.toString('utf8', from, nl)) as BatchMember;
        from = nl + 1;
      }
      // A copy: `chunk` is reused by the next read.
      carry = Buffer.from(buf.subarray(from));
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}
