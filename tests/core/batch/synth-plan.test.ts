import { describe, expect, it } from 'vitest';
import { comparedNameOf, similarNamePairs } from '../../../src/core/batch/dedupe';
import { clearChanceNameClashes, seededRandom, synthBatch, synthPlan, typoOf, type NameDraft, type PlantedRule } from '../../../src/core/batch/synth';

/**
 * synth's planning at national size (issue 18): the plan for tens of thousands of members is made without
 * comparing every name with every other, plants the pairs it promises, and clears chance near-identical
 * names by drawing them again.
 */

function countByRule(planted: { rule: PlantedRule }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of planted) out[p.rule] = (out[p.rule] ?? 0) + 1;
  return out;
}

describe('synth planning', () => {
  it('plans 10,000 members with N/200 pairs of every rule, each member in one plant at most', () => {
    const plan = synthPlan(10_000, 20221015);
    expect(plan.count).toBe(10_000);
    expect(countByRule(plan.planted)).toEqual({ 'business-number': 50, mobile: 50, 'bank-account': 50, 'similar-name': 50, 'same-packet': 50 });
    const files = plan.planted.flatMap((p) => p.files);
    expect(new Set(files).size).toBe(files.length);
    expect(plan.copies).toHaveLength(50);
  });

  it('in a batch, the only near-identical names are the planted ones, and every plant is found', () => {
    const batch = synthBatch(2_400, 5);
    const fileIndex = new Map(batch.members.map((m, i) => [m.fileName, i]));
    const entries = batch.members.map((m, index) => ({ index, sido: m.claim.claimant.region?.sido ?? '', name: comparedNameOf('businessName' in m.claim.claimant ? m.claim.claimant.businessName : undefined, m.claim.claimant.name) }));
    const found = similarNamePairs(entries).map(([i, j]) => `${batch.members[i]!.fileName}|${batch.members[j]!.fileName}`);
    const planted = batch.planted.filter((p) => p.rule === 'similar-name').map((p) => p.files.join('|'));
    expect(planted).toHaveLength(12);
    expect(found.sort()).toEqual(planted.sort());
    // The exact rules' plants share what they should (the same-packet copies are files, not members).
    for (const p of batch.planted.filter((x) => x.rule === 'business-number' || x.rule === 'mobile')) {
      const [a, b] = p.files.map((f) => batch.members[fileIndex.get(f)!]!.claim.claimant);
      if (p.rule === 'mobile') expect(b!.mobile).toBe(a!.mobile);
      else expect('businessNumber' in b! && b.businessNumber).toBe('businessNumber' in a! && a.businessNumber);
    }
  });

  it('draws a planted pair again when it clashes with another planted pair by chance, instead of failing', () => {
    // What `synth --members 105116 --seed 7` met: two planted near-identical pairs near-identical to each other.
    const draft = (id: string, name: string, businessName = '행복치킨 마포점'): NameDraft => ({ id, sido: '서울특별시', sigungu: '마포구', industry: 'restaurant', name, businessName, bank: { bank: '농협', number: '1', holder: name } });
    const a1 = draft('member-00004', '김민준');
    const b1 = draft('member-00005', typoOf('김민준'));
    const a2 = draft('member-00006', '김민준');
    const b2 = draft('member-00007', typoOf('김민준'));
    const other = draft('member-00008', '김민준');
    const drafts = [a1, b1, a2, b2, other, draft('member-00009', '박서윤', '골목카페')];
    const similar = () => similarNamePairs(drafts.map((d, index) => ({ index, sido: d.sido, name: comparedNameOf(d.businessName, d.name) }))).map(([i, j]) => `${drafts[i]!.id}|${drafts[j]!.id}`);
    expect(similar().length).toBeGreaterThan(2);
    clearChanceNameClashes(seededRandom(7), drafts, [[a1, b1], [a2, b2]]);
    expect(similar().sort()).toEqual(['member-00004|member-00005', 'member-00006|member-00007']);
    // The first pair is kept; the second is a new name with its typo, one shop, holders following.
    expect([a1.name, b1.name]).toEqual(['김민준', typoOf('김민준')]);
    expect(b2.name).toBe(typoOf(a2.name));
    expect(a2.name).not.toBe('김민준');
    expect(b2.businessName).toBe(a2.businessName);
    expect([a2.bank.holder, b2.bank.holder, other.bank.holder]).toEqual([a2.name, b2.name, other.name]);
  });

  it('clears a crowded 시도, rounds after the first looking only at the names just drawn, and leaves only the plants', () => {
    // 3,000 people of one 시도 from 4 × 3 × 3 names: nearly everyone clashes at first, and a name drawn again
    // may clash with another drawn name or with one kept: only the later rounds can find those pairs.
    const rand = seededRandom(18);
    const pick = (list: string) => [...list][Math.floor(rand() * [...list].length)]!;
    const drafts: NameDraft[] = Array.from({ length: 3_000 }, (_, i) => {
      const name = `${pick('김이박최')}${pick('민준현')}${pick('준석빈')}`;
      return { id: `member-${i}`, sido: '경기도', sigungu: '수원시', industry: 'designated-driver', name, bank: { bank: '농협', number: '1', holder: name } };
    });
    const planted: [NameDraft, NameDraft][] = [[drafts[10]!, drafts[11]!], [drafts[20]!, drafts[21]!]];
    for (const [a, b] of planted) {
      b.name = typoOf(a.name);
      b.bank = { ...b.bank, holder: b.name };
    }
    const similar = () => similarNamePairs(drafts.map((d, index) => ({ index, sido: d.sido, name: comparedNameOf(d.businessName, d.name) }))).map(([i, j]) => `${drafts[i]!.id}|${drafts[j]!.id}`);
    expect(similar().length).toBeGreaterThan(10_000);
    expect(similar()).toEqual(expect.arrayContaining(['member-10|member-11', 'member-20|member-21']));
    clearChanceNameClashes(seededRandom(5), drafts, planted);
    expect(similar().sort()).toEqual(['member-10|member-11', 'member-20|member-21']);
    expect(drafts.every((d) => d.bank.holder === d.name)).toBe(true);
  });
});
