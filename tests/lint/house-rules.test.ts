import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 17's house rules that a grep can check: the KST offset is written once (core/time/kst), and won
 * amounts are formatted by the one formatter in core/model/money.
 */
const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

function offending(pattern: RegExp, allowed: readonly string[]): string[] {
  return [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'electron'))].flatMap((file) => {
    const rel = relative(ROOT, file);
    if (allowed.includes(rel)) return [];
    return readFileSync(file, 'utf8').split('\n').flatMap((line, i) => (pattern.test(line) ? [`${rel}:${i + 1}: ${line.trim()}`] : []));
  });
}

const KST_LITERAL = /\b9 \* (3_?600_?000|60 \* 60 \* 1000|3600 \* 1000)\b|\b32_?400_?000\b/;
const WON_BY_HAND = /toLocaleString\([^)]*\)\}? ?(원|KRW)/;

describe('house rules', () => {
  it('the patterns find what they look for', () => {
    expect(KST_LITERAL.test('const KST = 9 * 3_600_000;')).toBe(true);
    expect(KST_LITERAL.test('new Date(ms + 9 * 60 * 60 * 1000)')).toBe(true);
    expect(WON_BY_HAND.test('`${n.toLocaleString(\'ko-KR\')}원`')).toBe(true);
  });

  it('writes the KST offset only in core/time/kst.ts', () => {
    expect(offending(KST_LITERAL, ['src/core/time/kst.ts'])).toEqual([]);
  });

  it('formats won only through core/model/money', () => {
    expect(offending(WON_BY_HAND, ['src/core/model/money.ts'])).toEqual([]);
  });
});

describe('bilingual text', () => {
  const SPLIT = /\.split\((' \/ '|" \/ ")\)/;
  const READ_JOINED = /(indexOf|lastIndexOf|split|includes)\((' \/ '|" \/ ")/;
  it('the patterns find what they look for', () => {
    expect(SPLIT.test("msg.split(' / ')[0]")).toBe(true);
    expect(SPLIT.test('msg.split(" / ")')).toBe(true);
    expect(READ_JOINED.test("const at = text.indexOf(' / ');")).toBe(true);
    expect(READ_JOINED.test("label.includes(' / ')")).toBe(true);
  });

  it('reads the joined "한국어 / English" shape only in readJoined (core/model/common)', () => {
    expect(offending(READ_JOINED, ['src/core/model/common.ts'])).toEqual([]);
  });

  it('is never split on " / ": texts are `{ ko, en }` values and textIn picks the language', () => {
    // 14 at the start of issue 17, none since: a joined "한국어 / English" text is read only by readJoined.
    expect(offending(SPLIT, [])).toEqual([]);
  });
});
