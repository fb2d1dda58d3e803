import { describe, expect, it } from 'vitest';
import { similarNamePairs } from '../../../src/core/batch/dedupe';
import { nameGroups, namePairsOfGroups, similarNamePairsIndexed, splitNameGroups } from '../../../src/core/batch/name-pairs';
import { seededRandom, typoOf } from '../../../src/core/batch/synth';

/**
 * The indexed near-identical-name search (issue 18) must give exactly the pairs of the plain one, in the
 * same order, with the same similarities: it only skips comparisons that cannot match.
 */

const SYLLABLES = [...'김이박최민준서윤지현도하예수영재행복치킨카페골목바다햇살마포점강남우연호아진빈'];

function names(count: number, seed: number, maxSyllables: number): { index: number; sido: string; name: string }[] {
  const rand = seededRandom(seed);
  const out: { index: number; sido: string; name: string }[] = [];
  for (let index = 0; index < count; index++) {
    const sido = ['서울특별시', '경기도', '부산광역시', '미상'][Math.floor(rand() * 4)]!;
    // A third are typos or exact copies of an earlier name, so that there are many true pairs to find.
    const earlier = out[Math.floor(rand() * out.length)];
    const r = rand();
    const name = earlier && r < 0.15 ? typoOf(earlier.name) : earlier && r < 0.3 ? earlier.name : Array.from({ length: 1 + Math.floor(rand() * maxSyllables) }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join('');
    out.push({ index, sido: earlier && r < 0.3 ? earlier.sido : sido, name });
  }
  return out;
}

describe('similarNamePairsIndexed', () => {
  it('finds the same pairs as comparing every two names of a 시도, short and long names alike', () => {
    for (const [seed, maxSyllables] of [[1, 4], [2, 9], [3, 14]] as const) {
      const entries = names(1500, seed, maxSyllables);
      const plain = similarNamePairs(entries);
      expect(plain.length).toBeGreaterThan(100);
      expect(similarNamePairsIndexed(entries)).toEqual(plain);
    }
  });

  it('agrees at other thresholds, where names allow more or fewer edits', () => {
    const entries = names(800, 4, 10);
    for (const threshold of [0.6, 0.75, 0.95]) expect(similarNamePairsIndexed(entries, threshold)).toEqual(similarNamePairs(entries, threshold));
  });

  it('compares a 시도 holding a name too long for its pieces the plain way, with the same result', () => {
    const long = '가나다라마바사아자차카타파하'.repeat(6);
    const entries = [...names(200, 5, 6), { index: 200, sido: '경기도', name: long }, { index: 201, sido: '경기도', name: `${long}가` }];
    const pairs = similarNamePairsIndexed(entries);
    expect(pairs).toEqual(similarNamePairs(entries));
    expect(pairs.some(([i, j]) => i === 200 && j === 201)).toBe(true);
  });
});

describe('similarNamePairsIndexed, touching some names', () => {
  it('gives exactly the pairs of the whole search that hold one of them, in the same order', () => {
    for (const [seed, maxSyllables] of [[6, 4], [7, 9], [8, 14]] as const) {
      const entries = names(1200, seed, maxSyllables);
      const all = similarNamePairs(entries);
      const rand = seededRandom(seed + 100);
      // A few names, many, and some of both sides of a pair: each a different mix of the two look-ups.
      for (const share of [0.01, 0.1, 0.5]) {
        const touching = new Set(entries.filter(() => rand() < share).map((e) => e.index));
        const want = all.filter(([i, j]) => touching.has(i) || touching.has(j));
        expect(want.length).toBeGreaterThan(0);
        expect(similarNamePairsIndexed(entries, undefined, touching)).toEqual(want);
      }
      expect(similarNamePairsIndexed(entries, undefined, new Set())).toEqual([]);
    }
  });
});

describe('the search in parts (the batch CLI searches some 시도 on another thread)', () => {
  it('groups by 시도 in the order of first appearance, leaving out unknown regions and empty names', () => {
    const entries = [
      { index: 0, sido: '경기도', name: '행복치킨' },
      { index: 1, sido: '미상', name: '행복치킨' },
      { index: 2, sido: '서울특별시', name: '' },
      { index: 3, sido: '서울특별시', name: '골목카페' },
      { index: 4, sido: '경기도', name: '행복치킹' },
    ];
    expect(nameGroups(entries).map((g) => g.map((e) => e.index))).toEqual([[0, 4], [3]]);
  });

  it('group by group, put back in group order, gives exactly the whole search', () => {
    for (const [seed, maxSyllables] of [[11, 4], [12, 9]] as const) {
      const entries = names(1500, seed, maxSyllables);
      const groups = nameGroups(entries);
      expect(groups.length).toBeGreaterThan(1);
      const whole = similarNamePairsIndexed(entries);
      expect(whole.length).toBeGreaterThan(50);
      expect(namePairsOfGroups(groups).flat()).toEqual(whole);
      // Split as the CLI splits them, searched apart (in the order of each part), put back by group index.
      const parts = splitNameGroups(groups, 2);
      const byGroup: [number, number, number][][] = [];
      for (const part of parts) namePairsOfGroups(part.map((g) => groups[g]!)).forEach((pairs, k) => (byGroup[part[k]!] = pairs));
      expect(byGroup.flat()).toEqual(whole);
    }
  });

  it('splits every group into exactly one part, the heaviest (size squared) first to the lighter part', () => {
    const sizes = [25_000, 20_000, 8_000, 7_000, 6_000, 5_000, 3_000, 1_000, 10];
    const groups = sizes.map((n) => new Array<number>(n));
    const parts = splitNameGroups(groups, 2);
    expect(parts.flat().sort((a, b) => a - b)).toEqual(sizes.map((_, i) => i));
    // 25,000² alone outweighs the rest together, so it goes alone and everything else to the other part.
    expect(parts).toEqual([[0], [1, 2, 3, 4, 5, 6, 7, 8]]);
    // Without one group that outweighs the rest, the two parts weigh about the same.
    const even = sizes.slice(2);
    const weights = splitNameGroups(even.map((n) => new Array<number>(n)), 2).map((part) => part.reduce((sum, g) => sum + even[g]! ** 2, 0));
    expect(Math.max(...weights) / Math.min(...weights)).toBeLessThan(1.1);
    expect(splitNameGroups([], 2)).toEqual([[], []]);
    expect(splitNameGroups(groups, 1)).toEqual([sizes.map((_, i) => i)]);
  });
});
