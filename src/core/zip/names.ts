import { bt, type BilingualText } from '../model/text';

/**
 * Entry names as every extractor will see them. A zip that is verified by one tool and extracted by another
 * (Info-ZIP `unzip`, Python's zipfile, Windows Explorer, macOS Archive Utility) must yield the same files:
 * so a name is accepted only in its canonical form (NFC, `/` only, no `.`, `..` or empty segments, no
 * trailing dot or space, no drive letter, UNC prefix, colon or control character), and two names that one
 * of those tools would write onto the same path (case-insensitively, after canonicalisation) are refused.
 */

/** Why `name` is not a canonical relative file path, in both languages, or null when it is. */
export function nameProblem(name: string): BilingualText | null {
  if (name.length === 0) return bt('이름이 비어 있어요', 'empty name');
  if (/\p{Cc}/u.test(name)) return bt('제어 문자(NUL 등)가 있어요', 'contains a control character (NUL, newline ...)');
  if (name.includes('\\')) return bt('역슬래시(\\)가 있어요', 'contains a backslash');
  if (name.startsWith('/')) return bt('절대 경로예요 (/로 시작)', 'absolute path (leading /)');
  if (/^[A-Za-z]:/.test(name)) return bt('드라이브 문자로 시작해요', 'starts with a drive letter');
  if (name.includes(':')) return bt('콜론(:)이 있어요', 'contains a colon');
  if (name.normalize('NFC') !== name) return bt('이름이 NFC 정규형이 아니에요', 'name is not in Unicode NFC form');
  const segments = name.split('/');
  for (const segment of segments) {
    if (segment === '') return bt('빈 폴더 이름이 있어요 (//)', 'empty path segment (//)');
    if (segment === '.') return bt('현재 폴더(.)가 들어 있어요', 'contains a "." segment');
    if (segment === '..') return bt('상위 폴더(..)로 나가요', 'climbs out with ..');
    if (/[. ]$/.test(segment)) return bt('이름이 점이나 공백으로 끝나요', 'a segment ends with a dot or a space');
  }
  return null;
}

/** The key under which two names land on the same file on a case-insensitive, normalising file system. */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase();
}

/** A name as it can be shown in a message: control characters visible, at most 80 characters. */
export function shownName(name: string): string {
  const clean = Array.from(name, (ch) => (/\p{Cc}/u.test(ch) ? '?' : ch)).join('');
  return clean.length > 80 ? `${clean.slice(0, 80)}…` : clean;
}
