import { createHash } from 'node:crypto';

/**
 * SHA-256 for the CLI: node:crypto's native hash, synchronous. Core's default goes through WebCrypto, whose
 * every digest is a round trip to libuv's thread pool (~0.1 ms each): with seven digests a packet that was
 * a fifth of a batch's time. Same hex string either way (tests/cli/hash.test.ts compares them).
 */
export function nodeSha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
