import { deflateRawSync } from 'node:zlib';
import { Zip, ZipPassThrough } from 'fflate';
import { kstWallClockAsLocalDate, type ZipEntries } from '../core/packet/zip';

/**
 * A packet zip for `synth` with Node's native zlib doing the deflating: fflate's JavaScript deflate was a
 * third of synth's time (~1 ms a packet). fflate still writes the container (its ZipPassThrough is meant
 * to be subclassed for another compressor), with the names, Unix attributes and KST time core/packet/zip.ts
 * gives. The bytes differ from `writeZip`'s (another deflate, and a streamed zip's data descriptors), but
 * the same claim gives the same bytes, and verify and batch read them as any packet
 * (tests/cli/synth.test.ts verifies them).
 */

const REGULAR_FILE_ATTRS = 0o100644 << 16;

/**
 * zlib level 1, not the default 6: on a synthetic packet (claim.json ~29 KB, records.csv ~18 KB) it
 * deflates in about half the time for about 8% more bytes (7.7 KB against 7.1 KB a packet), and synth's
 * packets exist to be read by batch, which inflates either as fast. Issue 18's national run (105,116
 * packets) is where the time shows.
 */
export const DEFLATE_LEVEL = 1;

class NativeDeflate extends ZipPassThrough {
  constructor(filename: string) {
    super(filename);
    this.compression = 8;
  }

  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    this.ondata(null, new Uint8Array(deflateRawSync(chunk, { level: DEFLATE_LEVEL })), final);
  }
}

export function writeZipNative(entries: ZipEntries, madeAt: Date): Uint8Array {
  const mtime = kstWallClockAsLocalDate(madeAt);
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  for (const entry of entries) {
    const file = new NativeDeflate(entry.path);
    file.os = 3;
    file.attrs = REGULAR_FILE_ATTRS;
    file.mtime = mtime;
    zip.add(file);
    file.push(entry.bytes, true);
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}
