import { z } from 'zod';
import { bt, type BilingualText } from '../model/common';
import { BackupError, WRONG_PASSPHRASE_TEXT } from './format';

/**
 * Passphrase protection for a backup: the zip is sealed with AES-256-GCM under a key derived from the
 * passphrase with PBKDF2-SHA256. WebCrypto only (globalThis.crypto.subtle: Node 20 and every browser), so
 * core stays free of node:crypto.
 *
 * Layout: `OutageDeskEncryptedBackup\n` + one line of JSON (salt, iterations, iv: nothing secret) + the
 * ciphertext with GCM's 16-byte tag at its end. The magic line and header are the GCM additional data, so
 * changing a byte of them fails the tag check like changing a byte of the ciphertext.
 *
 * There is no recovery: without the passphrase the key cannot be rebuilt, by us or by anyone.
 */

export const ENCRYPTED_MAGIC = 'OutageDeskEncryptedBackup\n';
export const ENCRYPTED_FORMAT = 'outage-loss-desk/backup-encrypted';
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const MIN_PBKDF2_ITERATIONS = 600_000;
/** A hostile header must not make us spin for minutes before failing. */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;
export const MIN_PASSPHRASE_LENGTH = 8;
const MAX_HEADER_BYTES = 4096;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const encoder = new TextEncoder();
const MAGIC_BYTES = encoder.encode(ENCRYPTED_MAGIC);

const base64 = z.string().max(200).regex(/^[A-Za-z0-9+/]*={0,2}$/);

const headerSchema = z.object({
  format: z.literal(ENCRYPTED_FORMAT),
  version: z.literal(1),
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().int().min(MIN_PBKDF2_ITERATIONS).max(MAX_PBKDF2_ITERATIONS),
    salt: base64,
  }),
  cipher: z.object({ name: z.literal('AES-GCM'), length: z.literal(256), iv: base64 }),
});

export type EncryptionHeader = z.infer<typeof headerSchema>;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const buf = (bytes: Uint8Array) => bytes as Uint8Array<ArrayBuffer>;

/**
 * The same passphrase typed on a Mac (decomposed Hangul, NFD) and on Windows (NFC) must open the same file.
 */
export function normalisePassphrase(passphrase: string): string {
  return passphrase.normalize('NFC');
}

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', buf(encoder.encode(normalisePassphrase(passphrase))), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: buf(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export function isEncryptedBackup(bytes: Uint8Array): boolean {
  if (bytes.length < MAGIC_BYTES.length) return false;
  for (let i = 0; i < MAGIC_BYTES.length; i++) if (bytes[i] !== MAGIC_BYTES[i]) return false;
  return true;
}

/** Refuses a passphrase too short to resist guessing; the message is shown next to the field. */
export function checkNewPassphrase(passphrase: string): void {
  if ([...normalisePassphrase(passphrase)].length < MIN_PASSPHRASE_LENGTH) {
    throw new BackupError(
      'weak-passphrase',
      bt(`비밀번호는 ${MIN_PASSPHRASE_LENGTH}자 이상이어야 해요`, `the passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`),
    );
  }
}

export async function encryptBackup(
  plain: Uint8Array,
  passphrase: string,
  options: { iterations?: number } = {},
): Promise<Uint8Array> {
  checkNewPassphrase(passphrase);
  const iterations = options.iterations ?? MIN_PBKDF2_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < MIN_PBKDF2_ITERATIONS || iterations > MAX_PBKDF2_ITERATIONS) {
    throw new RangeError(`PBKDF2 iterations must be ${MIN_PBKDF2_ITERATIONS}..${MAX_PBKDF2_ITERATIONS}`);
  }
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const header: EncryptionHeader = {
    format: ENCRYPTED_FORMAT,
    version: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', length: 256, iv: toBase64(iv) },
  };
  const headerBytes = encoder.encode(`${ENCRYPTED_MAGIC}${JSON.stringify(header)}\n`);
  const key = await deriveKey(passphrase, salt, iterations);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv: buf(iv), additionalData: buf(headerBytes), tagLength: 128 }, key, buf(plain)),
  );
  const out = new Uint8Array(headerBytes.length + sealed.length);
  out.set(headerBytes, 0);
  out.set(sealed, headerBytes.length);
  return out;
}

const damagedHeader = (why: BilingualText) =>
  new BackupError('wrong-passphrase-or-damaged', bt(`${WRONG_PASSPHRASE_TEXT.ko} (${why.ko})`, `${WRONG_PASSPHRASE_TEXT.en} (${why.en})`));

/** Reads the plain header of an encrypted backup without the passphrase (to say "this file is protected"). */
export function readEncryptionHeader(bytes: Uint8Array): { header: EncryptionHeader; headerLength: number } {
  if (!isEncryptedBackup(bytes)) throw new BackupError('not-a-backup', bt('암호화된 백업 파일이 아니에요', 'not an encrypted backup'));
  const limit = Math.min(bytes.length, MAGIC_BYTES.length + MAX_HEADER_BYTES);
  let end = -1;
  for (let i = MAGIC_BYTES.length; i < limit; i++) {
    if (bytes[i] === 0x0a) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damagedHeader(bt('머리글이 끝나지 않아요', 'header is not terminated'));
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(MAGIC_BYTES.length, end)));
  } catch {
    throw damagedHeader(bt('머리글이 JSON이 아니에요', 'header is not JSON'));
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw damagedHeader(bt(`머리글 ${issue.path.join('.')} 값이 맞지 않아요`, `header field ${issue.path.join('.')} is invalid`));
  }
  let salt: Uint8Array;
  let iv: Uint8Array;
  try {
    salt = fromBase64(parsed.data.kdf.salt);
    iv = fromBase64(parsed.data.cipher.iv);
  } catch {
    throw damagedHeader(bt('머리글의 base64가 깨졌어요', 'header base64 is broken'));
  }
  if (salt.length < SALT_BYTES || iv.length !== IV_BYTES) throw damagedHeader(bt('salt/iv 길이가 맞지 않아요', 'salt or iv has the wrong length'));
  return { header: parsed.data, headerLength: end + 1 };
}

export async function decryptBackup(bytes: Uint8Array, passphrase: string): Promise<Uint8Array> {
  const { header, headerLength } = readEncryptionHeader(bytes);
  const sealed = bytes.subarray(headerLength);
  if (sealed.length < TAG_BYTES) throw damagedHeader(bt('내용이 잘렸어요', 'the file is truncated'));
  const key = await deriveKey(passphrase, fromBase64(header.kdf.salt), header.kdf.iterations);
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: buf(fromBase64(header.cipher.iv)), additionalData: buf(bytes.slice(0, headerLength)), tagLength: 128 },
      key,
      buf(sealed.slice()),
    );
    return new Uint8Array(plain);
  } catch {
    // GCM cannot tell a wrong key from a changed byte; neither can we, so the message says both.
    throw new BackupError('wrong-passphrase-or-damaged', WRONG_PASSPHRASE_TEXT);
  }
}
