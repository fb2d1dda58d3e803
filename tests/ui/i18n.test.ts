import { describe, expect, it } from 'vitest';
import { en } from '../../src/ui/i18n/en';
import { ko } from '../../src/ui/i18n/ko';
import { createI18n } from '../../src/ui/i18n';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const koLeaves = leaves(ko as unknown as Tree);
  const enLeaves = leaves(en as unknown as Tree);

  it('have identical key sets in Korean and English', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...koLeaves.keys()].sort());
    expect(koLeaves.size).toBeGreaterThan(50);
  });

  it('have no empty strings', () => {
    for (const [key, value] of [...koLeaves, ...enLeaves]) expect(value.trim(), key).not.toBe('');
  });

  it('give each reader one language: no Korean text joined with its English in one string', () => {
    // "한국어 / English" in a translation showed both halves to every reader (three of them did, until 2026-12-05).
    const joinedShape = /\p{Script=Hangul}[^/]* \/ [^/]*[A-Za-z]{3}/u;
    const both = [...koLeaves, ...enLeaves].filter(([, value]) => joinedShape.test(value)).map(([key]) => key);
    expect(both).toEqual([]);
  });

  it('use the same {{placeholders}} in both languages', () => {
    for (const [key, value] of koLeaves) expect(placeholders(enLeaves.get(key)!), key).toEqual(placeholders(value));
  });

  it('Korean is the default; English is one switch away and interpolates', async () => {
    const i18n = createI18n();
    expect(i18n.language).toBe('ko');
    expect(i18n.t('claims.created', { title: '판교 치킨' })).toBe('「판교 치킨」 신고서를 만들었어요.');
    await i18n.changeLanguage('en');
    expect(i18n.t('claims.created', { title: 'Pangyo' })).toBe('Claim “Pangyo” created.');
  });
});
