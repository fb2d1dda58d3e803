import { similarNamePairs } from './dedupe';
import { jamo, similarEnough, UNKNOWN_SIDO, NAME_SIMILARITY_THRESHOLD } from './normalise';

/**
 * The same pairs as `similarNamePairs` (dedupe.ts), in the same order, without comparing every name with
 * every other name of its 시도 (quadratic: 105,116 members put some 25,000 in 경기도 alone).
 *
 * Exact, not approximate: the pigeonhole filter. For a pair compared with `similarEnough`, the longer
 * name q allows k = ⌊|q|·(1 − threshold)⌋ edits. Cut q into m = min(k + 2, |q|) non-empty pieces; one
 * edit spoils at most one piece, so if the names match, at least m − k pieces of q occur unchanged in the
 * shorter name p. Every piece goes into a map, every substring of p of a piece's length is looked up, and
 * only names hit by m − k distinct pieces are compared: what a match needs, so no pair is lost.
 */
export function similarNamePairsIndexed(entries: readonly { index: number; sido: string; name: string }[], threshold = NAME_SIMILARITY_THRESHOLD): [number, number, number][] {
  const out: [number, number, number][] = [];
  const buckets = new Map<string, { index: number; name: string; jamo: string }[]>();
  for (const e of entries) {
    if (e.sido === UNKNOWN_SIDO || !e.name) continue;
    let bucket = buckets.get(e.sido);
    if (!bucket) buckets.set(e.sido, (bucket = []));
    bucket.push({ index: e.index, name: e.name, jamo: jamo(e.name) });
  }
  for (const bucket of buckets.values()) {
    // The order `similarNamePairs` compares in: by length, then input order; pairs come out (i, j) with i < j.
    bucket.sort((p, q) => p.jamo.length - q.jamo.length || p.index - q.index);
    const n = bucket.length;
    // A name of hundreds of jamo would need more pieces than a mask holds: such a 시도 is compared as ever.
    if (bucket[n - 1]!.jamo.length > 180) {
      out.push(...similarNamePairs(bucket.map((b) => ({ index: b.index, sido: 'any', name: b.name })), threshold));
      continue;
    }
    // piece -> positions in `bucket` (ascending) and which piece of that name it is.
    const pieces = new Map<string, { pos: number[]; piece: number[]; from: number[] }>();
    const need = new Int32Array(n);
    for (let pos = 0; pos < n; pos++) {
      const s = bucket[pos]!.jamo;
      const L = s.length;
      if (L === 0) continue;
      const k = Math.floor(L * (1 - threshold) + 1e-9);
      const m = Math.min(k + 2, L);
      need[pos] = m - k;
      for (let c = 0; c < m; c++) {
        const from = Math.floor((c * L) / m);
        const to = Math.floor(((c + 1) * L) / m);
        const key = s.slice(from, to);
        let list = pieces.get(key);
        if (!list) pieces.set(key, (list = { pos: [], piece: [], from: [] }));
        list.pos.push(pos);
        list.piece.push(c);
        list.from.push(from);
      }
    }
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
    const touched: number[] = [];
    const lengthsFor = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const p = bucket[i]!.jamo;
      if (!p.length) continue;
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
          let hi = list.pos.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (list.pos[mid]! <= i) lo = mid + 1;
            else hi = mid;
          }
          for (let x = lo; x < list.pos.length; x++) {
            const j = list.pos[x]!;
            if (j > last[i]!) break;
            // An unspoilt piece moves by at most the k edits allowed.
            if (Math.abs(at - list.from[x]!) > allowed[j]!) continue;
            if (hitMask[j] === 0) touched.push(j);
            hitMask[j]! |= 1 << list.piece[x]!;
          }
        }
      }
      touched.sort((a, b) => a - b);
      for (const j of touched) {
        let bits = 0;
        for (let mask = hitMask[j]!; mask !== 0; mask &= mask - 1) bits++;
        hitMask[j] = 0;
        if (bits < need[j]!) continue;
        const q = bucket[j]!;
        const result = similarEnough(p, q.jamo, threshold);
        const a = bucket[i]!.index;
        if (result.match) out.push(a < q.index ? [a, q.index, Math.round(result.similarity * 1000) / 1000] : [q.index, a, Math.round(result.similarity * 1000) / 1000]);
      }
      touched.length = 0;
    }
  }
  return out;
}
