/**
 * Order statistics shared by every ensemble view (browser and command line). Pure: no Node, no
 * DOM. Quantiles are R's type 7 (linear between order statistics), the default of R and NumPy.
 */

/** Quantile `q` (0..1) of values already sorted ascending (type 7). `NaN` for no values. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (n === 1) return sorted[0];
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Quantile `q` of unsorted values (a sorted copy is made). */
export function quantile(values: ArrayLike<number>, q: number): number {
  return quantileSorted(Float64Array.from(values).sort(), q);
}

/** Median (type-7 quantile 0.5). */
export function median(values: ArrayLike<number>): number {
  return quantile(values, 0.5);
}

/** The lower and upper quantiles of a band: 5% and 95% unless asked otherwise. */
export interface BandLevels {
  lo: number;
  hi: number;
}

export const DEFAULT_LEVELS: BandLevels = { lo: 0.05, hi: 0.95 };

/** Median, band and mean of a set of values (over runs, usually). */
export interface Band {
  median: number;
  lo: number;
  hi: number;
  mean: number;
  /** How many values it summarises. */
  n: number;
}

/** Summary of values; values that are not finite are left out (and not counted in `n`). */
export function band(values: ArrayLike<number>, levels: BandLevels = DEFAULT_LEVELS): Band {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) finite.push(values[i]);
  const sorted = Float64Array.from(finite).sort();
  let sum = 0;
  for (const v of finite) sum += v;
  return {
    median: quantileSorted(sorted, 0.5),
    lo: quantileSorted(sorted, levels.lo),
    hi: quantileSorted(sorted, levels.hi),
    mean: finite.length ? sum / finite.length : NaN,
    n: finite.length,
  };
}

/** Sample standard deviation (n - 1 in the denominator); 0 for fewer than two values. */
export function sampleSd(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  return Math.sqrt(ss / (n - 1));
}
