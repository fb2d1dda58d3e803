/**
 * Seeded pseudo-random numbers for synthetic data (examples, samples, synthetic members, simulations and
 * benchmarks): the same seed always gives the same sequence. Not for anything secret.
 */

/** mulberry32: small, fast, and well spread; returns numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Poisson draw with the given mean (Knuth's method; fine for the small means of hourly orders). */
export function poisson(rand: () => number, mean: number): number {
  if (mean <= 0) return 0;
  const limit = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rand();
  } while (p > limit);
  return k - 1;
}
