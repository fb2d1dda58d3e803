/**
 * CRC-32 (IEEE 802.3, the zip one), updated chunk by chunk. fflate computes it internally but does not export
 * it, and core stays free of node:zlib; the table form is the standard one (RFC 1952, section 8).
 */
const TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** A CRC-32 update: the CRC of everything seen so far, from the previous value (0 to start) and the next chunk. */
export type Crc32Update = (previous: number, chunk: Uint8Array) => number;

/** The CRC-32 of everything seen so far, given the previous value (0 to start) and the next chunk. */
export function crc32Update(previous: number, chunk: Uint8Array): number {
  let c = ~previous;
  for (let i = 0; i < chunk.length; i++) c = TABLE[(c ^ chunk[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
