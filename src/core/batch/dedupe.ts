import { bt, joined, type BilingualText } from '../model/common';
import { similarNamePairsIndexed, type NameEntry } from './name-pairs';
import { bankAccountKey, businessNumberKey, mobileKey, nameKey, UNKNOWN_SIDO, NAME_SIMILARITY_THRESHOLD } from './normalise';
import type { BatchMember, ItemStatus, MemberSourceKind } from './types';

/**
 * Duplicates in a batch (issue 6). Exact rules match normalised keys through one hash map per rule
 * (linear); the fuzzy rule compares names only inside one 시도, sorted by length so that names too
 * different in length are never compared. The output is pairs with every rule that matched; what to do
 * about a pair is a decision (data), applied by `applyDecisions`, and every decision is kept with its time
 * and reason for the batch manifest.
 */

export const EXACT_RULES = ['business-number', 'mobile', 'bank-account', 'same-claim', 'same-manifest'] as const;
export type ExactRule = (typeof EXACT_RULES)[number];
export type DuplicateRule = ExactRule | 'similar-name';

export const RULE_LABELS: Record<DuplicateRule, BilingualText> = {
  'business-number': bt('같은 사업자등록번호', 'same business registration number'),
  mobile: bt('같은 휴대전화 번호', 'same mobile number'),
  'bank-account': bt('같은 은행 계좌', 'same bank account'),
  'same-claim': bt('같은 청구 파일 (claim.json 해시)', 'same claim file (claim.json hash)'),
  'same-manifest': bt('같은 묶음 (manifest.json 해시)', 'same packet (manifest.json hash)'),
  'similar-name': bt('같은 시도에서 거의 같은 이름', 'near-identical name in the same province'),
};

export type DuplicatePair = {
  /** Member ids; `a` comes first in the batch. */
  a: string;
  b: string;
  rules: DuplicateRule[];
  /** True when at least one exact rule matched (then the CLI removes one of them). */
  exact: boolean;
  /** Jamo similarity of the names when the fuzzy rule matched. */
  similarity?: number;
};

/**
 * What dedupe needs of a member, a few hundred bytes: its id, the kind of item it came from, each exact
 * rule's normalised key (EXACT_RULES order), its 시도 and the name the fuzzy rule compares. A streaming
 * batch keeps only these in memory and spills the members themselves to disk.
 */
export type DedupeEntry = { id: string; source: { kind: MemberSourceKind }; keys: string[]; sido: string; name: string };

export function dedupeEntry(member: BatchMember): DedupeEntry {
  return { id: member.id, source: { kind: member.source.kind }, keys: EXACT_RULES.map((rule) => exactKey(member, rule)), sido: member.region.sido, name: comparedName(member) };
}

function exactKey(member: BatchMember, rule: ExactRule): string {
  switch (rule) {
    case 'business-number':
      return businessNumberKey(member.businessNumber);
    case 'mobile':
      return mobileKey(member.mobile);
    case 'bank-account':
      return bankAccountKey(member.bankAccount);
    case 'same-claim':
      return member.source.claimSha256 ?? '';
    case 'same-manifest':
      return member.source.manifestSha256 ?? '';
  }
}

/** The name compared by the fuzzy rule: shop name and owner together (same shop, same owner). */
export function comparedName(member: BatchMember): string {
  return comparedNameOf(member.businessName, member.name);
}

export function comparedNameOf(businessName: string | undefined, name: string): string {
  return nameKey(`${businessName ?? ''}${name}`);
}

/** Comparing every two names of a 시도: the reference the piece search (name-pairs.ts) is held to. */
export { similarNamePairs } from './name-pairs';

export type FindOptions = { threshold?: number };

export function findDuplicates(members: readonly BatchMember[], options: FindOptions = {}): DuplicatePair[] {
  return findDuplicatePairs(members.map(dedupeEntry), options);
}

/** `findDuplicates` over the members' dedupe entries (the same pairs, in the same order). */
export function findDuplicatePairs(members: readonly DedupeEntry[], options: FindOptions = {}): DuplicatePair[] {
  // The piece search gives the pairs of comparing every two names of a 시도, in the same order
  // (tests/core/batch/name-pairs.test.ts), without the quadratic cost: at 105,116 members comparing
  // every two was ~1 minute of CPU, the piece search a few seconds (issue 18, round 6).
  return duplicatePairsWith(members, similarNamePairsIndexed(nameEntries(members), options.threshold ?? NAME_SIMILARITY_THRESHOLD));
}

/** What the near-identical-name rule compares of each member: its index, 시도 and compared name. */
export function nameEntries(members: readonly DedupeEntry[]): NameEntry[] {
  return members.map((m, index) => ({ index, sido: m.sido, name: m.name }));
}

/**
 * `findDuplicatePairs` with the near-identical names already found (`similarNamePairsIndexed` over
 * `nameEntries(members)`, or the same pairs found group by group on other threads: the batch CLI).
 */
export function duplicatePairsWith(members: readonly DedupeEntry[], similarNames: readonly (readonly [number, number, number])[]): DuplicatePair[] {
  const order = new Map(members.map((m, i) => [m.id, i]));
  const pairs = new Map<string, DuplicatePair>();
  const add = (i: number, j: number, rule: DuplicateRule, similarity?: number) => {
    const [x, y] = i < j ? [i, j] : [j, i];
    const a = members[x]!.id;
    const b = members[y]!.id;
    const key = `${x}|${y}`;
    let pair = pairs.get(key);
    if (!pair) {
      pair = { a, b, rules: [], exact: false };
      pairs.set(key, pair);
    }
    if (!pair.rules.includes(rule)) pair.rules.push(rule);
    if (rule !== 'similar-name') pair.exact = true;
    if (similarity !== undefined) pair.similarity = similarity;
  };

  EXACT_RULES.forEach((rule, r) => {
    // Each later member pairs with the first holder of its key: linear, and a group of k gives k - 1 pairs.
    const first = new Map<string, number>();
    members.forEach((m, i) => {
      const key = m.keys[r]!;
      if (!key) return;
      const j = first.get(key);
      if (j === undefined) first.set(key, i);
      else add(j, i, rule);
    });
  });

  for (const [i, j, similarity] of similarNames) add(i, j, 'similar-name', similarity);
  return [...pairs.values()].sort((p, q) => order.get(p.a)! - order.get(q.a)! || order.get(p.b)! - order.get(q.b)!);
}

export const DECISION_ACTIONS = ['keep-one', 'keep-both', 'merge'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

export type DuplicateDecision = {
  a: string;
  b: string;
  action: DecisionAction;
  /** keep-one and merge: the member that stays. */
  keep?: string;
  /**
   * Written as it is into batch-manifest.json and kept with a person's decisions (ui/batch/decisions.ts), so a
   * string: "한국어 / English" (a rule's decision is told on screen from the pair's rules, not from this text).
   */
  reason: string;
  /** KST instant with its offset. */
  decidedAt: string;
  decidedBy: 'rule' | 'user';
};

/** A decision that does not fit the batch: its reason as a `{ ko, en }` text; the message is the joined shape. */
export class BatchDecisionError extends Error {
  constructor(readonly text: BilingualText) {
    super(joined(text));
    this.name = 'BatchDecisionError';
  }
}

const SOURCE_RANK = { packet: 0, claim: 1, roster: 2 } as const;

/**
 * The CLI's automatic decisions: every exact pair keeps one member (a verified packet over a bare claim
 * over a roster row, then the first in the batch); when the two came from different kinds of item they
 * are merged, so a roster row's complaints or account are not lost. Fuzzy-only pairs get no decision:
 * they stay as suspected duplicates for a person to look at.
 */
export function automaticDecisions(members: readonly { id: string; source: { kind: MemberSourceKind } }[], pairs: readonly DuplicatePair[], decidedAt: string): DuplicateDecision[] {
  const byId = new Map(members.map((m, i) => [m.id, { m, i }]));
  const out: DuplicateDecision[] = [];
  for (const pair of pairs) {
    if (!pair.exact) continue;
    const a = byId.get(pair.a)!;
    const b = byId.get(pair.b)!;
    const rank = (x: typeof a) => SOURCE_RANK[x.m.source.kind] * 1e9 + x.i;
    const keep = rank(a) <= rank(b) ? a.m : b.m;
    const action: DecisionAction = a.m.source.kind === b.m.source.kind ? 'keep-one' : 'merge';
    const rules = pair.rules.filter((r) => r !== 'similar-name').map((r) => RULE_LABELS[r].ko).join(', ');
    out.push({
      a: pair.a,
      b: pair.b,
      action,
      keep: keep.id,
      reason: joined(bt(`자동 규칙: ${rules}`, `automatic rule: ${pair.rules.filter((r) => r !== 'similar-name').join(', ')}`)),
      decidedAt,
      decidedBy: 'rule',
    });
  }
  return out;
}

export type MemberStatus = { status: Exclude<ItemStatus, 'invalid'>; duplicateOf?: string; mergedFrom?: string[]; suspectedWith?: string[] };

export type AppliedDecisions = {
  /** Members that stay, in batch order, with merged fields filled in. */
  kept: BatchMember[];
  status: Map<string, MemberStatus>;
};

function mergeInto(target: BatchMember, other: BatchMember): BatchMember {
  const merged: BatchMember = { ...target, services: [...new Set([...target.services, ...other.services])] };
  merged.businessName ??= other.businessName;
  // A roster row merged into a packet keeps the packet's submissions; the other way round gains them.
  if (!merged.incidentId && other.incidentId) merged.incidentId = other.incidentId;
  if (!merged.submissions && other.submissions) merged.submissions = other.submissions;
  merged.businessNumber ??= other.businessNumber;
  merged.mobile ??= other.mobile;
  merged.bankAccount ??= other.bankAccount;
  if (other.complaints && other.complaints !== target.complaints) merged.complaints = [target.complaints, other.complaints].filter(Boolean).join(' / ');
  if (merged.region.sido === UNKNOWN_SIDO) merged.region = other.region;
  if (merged.figures.basis === 'none' && other.figures.basis !== 'none') merged.figures = other.figures;
  return merged;
}

/**
 * Applies decisions in order. A decision about a member already removed applies to the member that
 * absorbed it (A-B keep A, then B-C keep B: C goes to A). Pairs with no decision mark both members
 * as suspected duplicates; they stay in the batch.
 */
export function applyDecisions(members: readonly BatchMember[], pairs: readonly DuplicatePair[], decisions: readonly DuplicateDecision[]): AppliedDecisions {
  const byId = new Map(members.map((m) => [m.id, m]));
  const { status, merged } = decideMembers(members, pairs, decisions, (id) => byId.get(id)!);
  const kept = members.filter((m) => status.get(m.id)!.status !== 'duplicate').map((m) => merged.get(m.id) ?? m);
  return { kept, status };
}

/**
 * `applyDecisions` for a batch whose members are not all in memory: every member's status, and the
 * members that absorbed another (merged), loading only the members a merge needs through `load`.
 */
export function decideMembers(
  members: readonly { id: string }[],
  pairs: readonly DuplicatePair[],
  decisions: readonly DuplicateDecision[],
  load: (id: string) => BatchMember,
): { status: Map<string, MemberStatus>; merged: Map<string, BatchMember> } {
  const merged = new Map<string, BatchMember>();
  const current = { get: (id: string) => merged.get(id) ?? load(id), set: (id: string, m: BatchMember) => merged.set(id, m) };
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let x = id;
    while (parent.has(x)) x = parent.get(x)!;
    return x;
  };
  const pairKeys = new Set(pairs.map((p) => `${p.a}|${p.b}`));
  const decided = new Set<string>();
  const status = new Map<string, MemberStatus>(members.map((m) => [m.id, { status: 'ok' }]));
  for (const d of decisions) {
    const key = pairKeys.has(`${d.a}|${d.b}`) ? `${d.a}|${d.b}` : pairKeys.has(`${d.b}|${d.a}`) ? `${d.b}|${d.a}` : null;
    if (!key) throw new BatchDecisionError(bt(`중복 후보에 없는 쌍이에요: ${d.a}, ${d.b}`, `not a duplicate pair of this batch: ${d.a}, ${d.b}`));
    if (!(DECISION_ACTIONS as readonly string[]).includes(d.action)) throw new BatchDecisionError(bt(`알 수 없는 결정이에요: ${d.action}`, `unknown decision: ${d.action}`));
    if (d.action !== 'keep-both' && d.keep !== d.a && d.keep !== d.b) {
      throw new BatchDecisionError(bt(`남길 회원은 ${d.a} 또는 ${d.b}여야 해요`, `keep must be ${d.a} or ${d.b}`));
    }
    decided.add(key);
    if (d.action === 'keep-both') continue;
    const keep = find(d.keep!);
    const drop = find(d.keep === d.a ? d.b : d.a);
    if (keep === drop) continue;
    parent.set(drop, keep);
    const dropStatus = status.get(drop)!;
    status.set(drop, { status: 'duplicate', duplicateOf: keep });
    if (d.action === 'merge') {
      current.set(keep, mergeInto(current.get(keep)!, current.get(drop)!));
      const s = status.get(keep)!;
      s.mergedFrom = [...(s.mergedFrom ?? []), drop, ...(dropStatus.mergedFrom ?? [])];
    }
  }
  for (const p of pairs) {
    if (decided.has(`${p.a}|${p.b}`)) continue;
    const a = find(p.a);
    const b = find(p.b);
    if (a === b) continue;
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const s = status.get(x)!;
      if (s.status === 'duplicate') continue;
      s.status = 'suspected-duplicate';
      s.suspectedWith = [...new Set([...(s.suspectedWith ?? []), y])];
    }
  }
  return { status, merged };
}
