import { jamo, similarEnough, UNKNOWN_SIDO, NAME_SIMILARITY_THRESHOLD } from './normalise';

/**
 * Index pairs whose names are near-identical within one 시도 (unknown regions are never compared). Each
 * 시도 is sorted by jamo length, and a name is compared only with names not too much longer than itself:
 * the length gap alone bounds the similarity.
 */
export function similarNamePairs(entries: readonly { index: number; sido: string; name: string }[], threshold = NAME_SIMILARITY_THRESHOLD): [number, number, number][] {
  const out: [number, number, number][] = [];
  const buckets = new Map<string, { index: number; jamo: string }[]>();
  for (const e of entries) {
    if (e.sido === UNKNOWN_SIDO || !e.name) continue;
    let bucket = buckets.get(e.sido);
    if (!bucket) buckets.set(e.sido, (bucket = []));
    bucket.push({ index: e.index, jamo: jamo(e.name) });
  }
  for (const bucket of buckets.values()) {
    bucket.sort((p, q) => p.jamo.length - q.jamo.length || p.index - q.index);
    for (let i = 0; i < bucket.length; i++) {
      const p = bucket[i]!;
      for (let j = i + 1; j < bucket.length; j++) {
        const q = bucket[j]!;
        // q is at least as long as p: once the length gap alone exceeds what the threshold allows, stop.
        if (q.jamo.length - p.jamo.length > Math.floor(q.jamo.length * (1 - threshold) + 1e-9)) break;
        const result = similarEnough(p.jamo, q.jamo, threshold);
        if (result.match) out.push(p.index < q.index ? [p.index, q.index, Math.round(result.similarity * 1000) / 1000] : [q.index, p.index, Math.round(result.similarity * 1000) / 1000]);
      }
    }
  }
  return out;
}

export type NameEntry = { index: number; sido: string; name: string; /** The name's jamo, when already known. */ jamo?: string };

/**
 * The same pairs as `similarNamePairs` (above; dedupe.ts uses this one), in the same order, without comparing every name with
 * every other name of its 시도 (quadratic: 105,116 members put some 25,000 in 경기도 alone).
 *
 * Exact, not approximate: the pigeonhole filter. For a pair compared with `similarEnough`, the longer
 * name q allows k = ⌊|q|·(1 − threshold)⌋ edits. Cut q into m = min(k + 2, |q|) non-empty pieces; one
 * edit spoils at most one piece, so if the names match, at least m − k pieces of q occur unchanged in the
 * shorter name p. Every piece goes into a map, every substring of p of a piece's length is looked up, and
 * only names hit by m − k distinct pieces are compared: what a match needs, so no pair is lost.
 *
 * With `touching` (entry indexes), only the pairs with at least one of those names, still in the same
 * order: after a few names are drawn again, only they need looking at (synth's clash clearing).
 */
export function similarNamePairsIndexed(entries: readonly NameEntry[], threshold = NAME_SIMILARITY_THRESHOLD, touching?: ReadonlySet<number>): [number, number, number][] {
  return namePairsOfGroups(nameGroups(entries), threshold, touching).flat();
}

/**
 * The search's independent parts: the entries of each 시도 with a name, in the order the search takes
 * them (each 시도 where it first appears; unknown regions and empty names left out). The pairs of
 * `similarNamePairsIndexed` are the pairs of each group, one group after another, so the groups can be
 * searched apart (on several threads: the batch CLI) and their pairs put back in this order.
 */
export function nameGroups(entries: readonly NameEntry[]): NameEntry[][] {
  const groups = new Map<string, NameEntry[]>();
  for (const e of entries) {
    if (e.sido === UNKNOWN_SIDO || !e.name) continue;
    let group = groups.get(e.sido);
    if (!group) groups.set(e.sido, (group = []));
    group.push(e);
  }
  return [...groups.values()];
}

/**
 * Groups split into `parts` sets of group indexes with about the same work each: the search's cost grows
 * faster than a group's size, so a group weighs its size squared; the heaviest go first, each to the
 * lightest set so far. Every group is in exactly one set.
 */
export function splitNameGroups(groups: readonly (readonly unknown[])[], parts: number): number[][] {
  const sets = Array.from({ length: Math.max(1, parts) }, () => ({ weight: 0, groups: [] as number[] }));
  const order = groups.map((g, i) => ({ i, weight: g.length * g.length })).sort((a, b) => b.weight - a.weight || a.i - b.i);
  for (const { i, weight } of order) {
    const lightest = sets.reduce((a, b) => (b.weight < a.weight ? b : a));
    lightest.groups.push(i);
    lightest.weight += weight;
  }
  return sets.map((set) => set.groups.sort((a, b) => a - b));
}

/** The pairs of each group (see nameGroups), group by group: `similarNamePairsIndexed` is their concatenation. */
export function namePairsOfGroups(groups: readonly (readonly NameEntry[])[], threshold = NAME_SIMILARITY_THRESHOLD, touching?: ReadonlySet<number>): [number, number, number][][] {
  return groups.map((group) => {
    const out: [number, number, number][] = [];
    const bucket = group.map((e) => ({ index: e.index, name: e.name, jamo: e.jamo ?? jamo(e.name) }));
    searchGroup(bucket, threshold, touching, out);
    return out;
  });
}

/** One group's (one 시도's) pairs, appended to `out` in the search's order. */
function searchGroup(bucket: { index: number; name: string; jamo: string }[], threshold: number, touching: ReadonlySet<number> | undefined, out: [number, number, number][]): void {
  // The order `similarNamePairs` compares in: by length, then input order; pairs come out (i, j) with i < j.
  bucket.sort((p, q) => p.jamo.length - q.jamo.length || p.index - q.index);
  const n = bucket.length;
  // A name of hundreds of jamo would need more pieces than a mask holds: such a 시도 is compared as ever.
  if (bucket[n - 1]!.jamo.length > 180) {
    const plain = similarNamePairs(bucket.map((b) => ({ index: b.index, sido: 'any', name: b.name })), threshold);
    out.push(...(touching ? plain.filter(([i, j]) => touching.has(i) || touching.has(j)) : plain));
    return;
  }
  const toPair = (i: number, j: number, similarity: number): [number, number, number] => {
    const a = bucket[i]!.index;
    const b = bucket[j]!.index;
    const rounded = Math.round(similarity * 1000) / 1000;
    return a < b ? [a, b, rounded] : [b, a, rounded];
  };
  if (!touching) {
    bucketPairs(bucket, threshold, null, null, (i, j, similarity) => out.push(toPair(i, j, similarity)));
    return;
  }
  // Pairs with a touched name: touched names' pieces looked up from every name (the touched name is the
  // longer of the two), then every name's pieces looked up from the touched names (the shorter). A pair
  // of two touched names comes out of both; the pairs are then put in the order of the whole search.
  const isTouched = new Uint8Array(n);
  for (let pos = 0; pos < n; pos++) if (touching.has(bucket[pos]!.index)) isTouched[pos] = 1;
  const found = new Map<number, [number, number, number]>();
  const keep = (i: number, j: number, similarity: number) => found.set(i * n + j, [i, j, similarity]);
  bucketPairs(bucket, threshold, isTouched, null, keep);
  bucketPairs(bucket, threshold, null, isTouched, keep);
  for (const [i, j, similarity] of [...found.values()].sort((x, y) => x[0] - y[0] || x[1] - y[1])) out.push(toPair(i, j, similarity));
}

/**
 * The piece search over one 시도's names (sorted by jamo length, then input order), emitting positions
 * (i, j), i < j, in the order of the whole search. `indexed`: only these names' pieces go into the map
 * (null: all); `querying`: only these names look their substrings up (null: all).
 */
function bucketPairs(bucket: readonly { jamo: string }[], threshold: number, indexed: Uint8Array | null, querying: Uint8Array | null, emit: (i: number, j: number, similarity: number) => void): void {
  const n = bucket.length;
  // piece -> its occurrences, as (position in `bucket`, which piece of that name, where it starts) triples
  // in one Int32Array, positions ascending: the scan below reads tens of millions of them at national size.
  const building = new Map<string, number[]>();
  const need = new Int32Array(n);
  for (let pos = 0; pos < n; pos++) {
    const s = bucket[pos]!.jamo;
    const L = s.length;
    if (L === 0 || (indexed && !indexed[pos])) continue;
    const k = Math.floor(L * (1 - threshold) + 1e-9);
    const m = Math.min(k + 2, L);
    need[pos] = m - k;
    for (let c = 0; c < m; c++) {
      const from = Math.floor((c * L) / m);
      const to = Math.floor(((c + 1) * L) / m);
      const key = s.slice(from, to);
      let list = building.get(key);
      if (!list) building.set(key, (list = []));
      list.push(pos, c, from);
    }
  }
  const pieces = new Map<string, Int32Array>();
  for (const [key, list] of building) pieces.set(key, Int32Array.from(list));
  building.clear();
  // The last position each name's partners can reach: a longer name q is compared only while the length
  // gap is within the k edits it allows (the bound `similarNamePairs` stops its scan at).
  const last = new Int32Array(n);
  for (let i = 0, j = 0; i < n; i++) {
    if (j < i) j = i;
    const L = bucket[i]!.jamo.length;
    while (j + 1 < n) {
      const Lq = bucket[j + 1]!.jamo.length;
      if (Lq - L > Math.floor(Lq * (1 - threshold) + 1e-9)) break;
      j++;
    }
    last[i] = j;
  }
  const hitMask = new Int32Array(n); // bit c set: piece c of that name occurs in p, near where it sits in its name (m ≤ 29)
  const allowed = new Int32Array(n);
  for (let pos = 0; pos < n; pos++) allowed[pos] = Math.floor(bucket[pos]!.jamo.length * (1 - threshold) + 1e-9);
  // The piece lengths of names of each length: a name looks up only lengths its partners' pieces have.
  const pieceLengths = (L: number): number[] => {
    const m = Math.min(Math.floor(L * (1 - threshold) + 1e-9) + 2, L);
    return [...new Set([Math.floor(L / m), Math.ceil(L / m)])];
  };
  const candidates: number[] = [];
  // With only some names' pieces in the map, a name whose reach holds none of them has nothing to look up.
  const indexedBefore = new Int32Array(n + 1);
  for (let pos = 0; pos < n; pos++) indexedBefore[pos + 1] = indexedBefore[pos]! + (indexed && !indexed[pos] ? 0 : 1);
  const lengthsFor = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const p = bucket[i]!.jamo;
    if (!p.length || (querying && !querying[i]) || indexedBefore[last[i]! + 1] === indexedBefore[i + 1]) continue;
    const reach = bucket[last[i]!]!.jamo.length;
    let lengths = lengthsFor.get(p.length * 1024 + reach);
    if (!lengths) {
      const set = new Set<number>();
      for (let L = p.length; L <= reach; L++) for (const len of pieceLengths(L)) set.add(len);
      lengthsFor.set(p.length * 1024 + reach, (lengths = [...set]));
    }
    for (const len of lengths) {
      for (let at = 0; at + len <= p.length; at++) {
        const list = pieces.get(p.slice(at, at + len));
        if (!list) continue;
        // Only names after p in the order (at least as long) are p's partners: skip to the first.
        let lo = 0;
        let hi = list.length / 3;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (list[mid * 3]! <= i) lo = mid + 1;
          else hi = mid;
        }
        const end = last[i]!;
        for (let x = lo * 3; x < list.length; x += 3) {
          const j = list[x]!;
          if (j > end) break;
          // An unspoilt piece moves by at most the k edits allowed.
          if (Math.abs(at - list[x + 2]!) > allowed[j]!) continue;
          if (hitMask[j] === 0) candidates.push(j);
          hitMask[j]! |= 1 << list[x + 1]!;
        }
      }
    }
    candidates.sort((a, b) => a - b);
    for (const j of candidates) {
      let bits = 0;
      for (let mask = hitMask[j]!; mask !== 0; mask &= mask - 1) bits++;
      hitMask[j] = 0;
      if (bits < need[j]!) continue;
      const result = similarEnough(p, bucket[j]!.jamo, threshold);
      if (result.match) emit(i, j, result.similarity);
    }
    candidates.length = 0;
  }
}
