/**
 * A SHA-256 as lowercase hex. Core hashes through WebCrypto by default (`sha256Hex`); a caller with a
 * faster synchronous hash (the CLI's node:crypto `createHash`) passes its own, so core stays free of Node.
 */
export type Sha256Hex = (bytes: Uint8Array) => string | Promise<string>;

/** SHA-256 through WebCrypto: present in Node 20+ and every browser, so core stays free of node:crypto. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
