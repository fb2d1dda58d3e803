import type { Estimator } from '../model/claim';

/**
 * Section 3.1 estimators over the K same-slot reference values. `trimmed` drops the lowest and highest
 * value (K >= 4); below K = 4 it falls back to the mean (the engine warns).
 */
export function estimate(values: readonly number[], estimator: Estimator): number {
  const n = values.length;
  if (n === 0) return 0;
  if (estimator === 'mean' || (estimator === 'trimmed' && n < 4)) {
    let sum = 0;
    for (const v of values) sum += v;
    return sum / n;
  }
  const sorted = [...values].sort((a, b) => a - b);
  if (estimator === 'median') {
    const mid = n >> 1;
    return n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  }
  let sum = 0;
  for (let i = 1; i < n - 1; i++) sum += sorted[i]!;
  return sum / (n - 2);
}

/** Sample standard deviation (n - 1), section 6. */
export function sampleStandardDeviation(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return Math.sqrt(ss / (n - 1));
}
