import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bankAccountKey, boundedLevenshtein, businessNumberKey, canonicalSido, jamo, jamoSimilarity, mobileKey, nameKey, similarEnough, SIDO,
} from '../../../src/core/batch/normalise';
import { maskAccount, maskBusinessNumber, maskFreeText, maskMobile } from '../../../src/core/batch/redact';
import { typoOf } from '../../../src/core/batch/synth';

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

describe('matching keys', () => {
  it('folds the spellings of one number, bank and region to one key', () => {
    expect(businessNumberKey('123-45-67891')).toBe('1234567891');
    expect(businessNumberKey('１２３ ４５ ６７８９１')).toBe('1234567891');
    expect(businessNumberKey('123-45-6789')).toBe('');
    expect(mobileKey('010-1234-5678')).toBe(mobileKey('+82 10 1234 5678'));
    expect(mobileKey('01012345678')).toBe('01012345678');
    expect(mobileKey('02-123-4567')).toBe('');
    expect(bankAccountKey({ bank: 'KB국민은행', number: '123456-01-234567' })).toBe(bankAccountKey({ bank: '국민', number: '12345601234567' }));
    expect(bankAccountKey({ bank: '신한', number: '12345601234567' })).not.toBe(bankAccountKey({ bank: '국민', number: '12345601234567' }));
    expect(canonicalSido('서울')).toBe('서울특별시');
    expect(canonicalSido('서울시 마포구')).toBe('서울특별시');
    expect(canonicalSido('전라북도')).toBe('전북특별자치도');
    expect(canonicalSido('광주')).toBe('광주광역시');
    expect(canonicalSido('경기 광주시')).toBe('경기도');
    expect(canonicalSido('어딘가')).toBe('미상');
    expect(SIDO).toHaveLength(17);
    expect(nameKey('(주) 행복 치킨')).toBe('행복치킨');
  });
});

describe('Hangul-aware similarity', () => {
  it('banded Levenshtein equals the full one whenever the answer is within the band', () => {
    const hangul = fc.string({ unit: fc.constantFrom(...'ㄱㄴㄷㅏㅓㅗabc'), maxLength: 14 });
    fc.assert(fc.property(hangul, hangul, fc.integer({ min: 0, max: 6 }), (a, b, max) => {
      const full = levenshtein(a, b);
      const banded = boundedLevenshtein(a, b, max);
      return full <= max ? banded === full : banded === max + 1;
    }), { numRuns: 2000 });
  });

  it('one wrong vowel in a shop name is one jamo edit, far above the threshold; another shop is far below', () => {
    expect(jamo('행복치킨')).toBe('ㅎㅐㅇㅂㅗㄱㅊㅣㅋㅣㄴ');
    const a = jamo(nameKey('행복치킨 마포점 김민준'));
    expect(jamoSimilarity(a, jamo(nameKey('행복치킨 마포점 김민존')))).toBeCloseTo(1 - 1 / a.length, 10);
    expect(similarEnough(a, jamo(nameKey('행복치킨마포점 김민준'))).match).toBe(true);
    expect(similarEnough(a, jamo(nameKey('행복치킨 마포점 김민존'))).match).toBe(true);
    expect(similarEnough(a, jamo(nameKey('골목국밥 마포점 김민준'))).match).toBe(false);
    // Two different owners of one franchise branch name: not the same member.
    expect(similarEnough(a, jamo(nameKey('행복치킨 마포점 박서연'))).match).toBe(false);
  });

  it('the synthetic typo changes exactly one jamo', () => {
    for (const name of ['김민준', '행복치킨', '이서윤', '박도현']) {
      const typo = typoOf(name);
      expect(typo).not.toBe(name);
      expect(levenshtein(jamo(name), jamo(typo))).toBe(1);
    }
  });
});

describe('redaction', () => {
  it('masks mobile, business number and account as agreed', () => {
    expect(maskMobile('010-1234-5678')).toBe('010-****-5678');
    expect(maskMobile('011-123-4567')).toBe('011-***-4567');
    expect(maskBusinessNumber('123-45-67891')).toBe('123-45-*****');
    expect(maskAccount('123456-01-234567')).toBe('******-**-**4567');
    expect(maskFreeText('연락 010-9876-5432, 사업자 214-87-00013 입니다')).toBe('연락 010-****-5432, 사업자 214-87-***** 입니다');
  });
});
