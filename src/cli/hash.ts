import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * SHA-256 for the CLI: node:crypto's native hash, synchronous. Core's default goes through WebCrypto, whose
 * every digest is a round trip to libuv's thread pool (~0.1 ms each): with seven digests a packet that was
 * a fifth of a batch's time. Same hex string either way (tests/cli/hash.test.ts compares them).
 */
export function nodeSha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * CRC-32 for the CLI's zip reader: Node's native zlib.crc32 (Node 20.15+), about 10 times the table form's
 * speed. Core keeps the table form (it never imports node:); tests/cli/hash.test.ts holds them equal.
 */
export function nodeCrc32Update(previous: number, chunk: Uint8Array): number {
  return crc32(chunk, previous);
}
