/**
 * Entry names as every extractor will see them. A zip that is verified by one tool and extracted by another
 * (Info-ZIP `unzip`, Python's zipfile, Windows Explorer, macOS Archive Utility) must yield the same files:
 * so a name is accepted only in its canonical form (NFC, `/` only, no `.`, `..` or empty segments, no
 * trailing dot or space, no drive letter, UNC prefix, colon or control character), and two names that one
 * of those tools would write onto the same path (case-insensitively, after canonicalisation) are refused.
 */

/** Why `name` is not a canonical relative file path, or null when it is. Korean first, then English. */
export function nameProblem(name: string): string | null {
  if (name.length === 0) return '이름이 비어 있어요 / empty name';
  if (/\p{Cc}/u.test(name)) return '제어 문자(NUL 등)가 있어요 / contains a control character (NUL, newline ...)';
  if (name.includes('\\')) return '역슬래시(\\)가 있어요 / contains a backslash';
  if (name.startsWith('/')) return '절대 경로예요 (/로 시작) / absolute path (leading /)';
  if (/^[A-Za-z]:/.test(name)) return '드라이브 문자로 시작해요 / starts with a drive letter';
  if (name.includes(':')) return '콜론(:)이 있어요 / contains a colon';
  if (name.normalize('NFC') !== name) return '이름이 NFC 정규형이 아니에요 / name is not in Unicode NFC form';
  const segments = name.split('/');
  for (const segment of segments) {
    if (segment === '') return '빈 폴더 이름이 있어요 (//) / empty path segment (//)';
    if (segment === '.') return '현재 폴더(.)가 들어 있어요 / contains a "." segment';
    if (segment === '..') return '상위 폴더(..)로 나가요 / climbs out with ..';
    if (/[. ]$/.test(segment)) return '이름이 점이나 공백으로 끝나요 / a segment ends with a dot or a space';
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
