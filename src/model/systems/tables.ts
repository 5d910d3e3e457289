import type { Params } from '../params/registry';

/**
 * Lookup tables for the smooth functions the household passes evaluate for every household.
 * Each is sampled on a fine grid and read with linear interpolation (relative error below
 * 1e-4 on the ranges used), which keeps transcendental functions out of the hot loops.
 */
export interface Tables {
  /** exp(mincer * hc) for hc in [0, 1]: productivity from human capital. */
  hcGain: Float64Array;
  /** exp(0.5 * mincer * hc): the wage premium of schooling. */
  hcWage: Float64Array;
  /** The logistic 1 / (1 + e^-x) for x in [-LOGISTIC_RANGE, LOGISTIC_RANGE], indexed by x + LOGISTIC_RANGE. */
  logistic: Float64Array;
  /** x^0.8 for farm labour x in [0, LABOUR_MAX]. */
  labourPow: Float64Array;
  /** Youth migration by county, tie state (4) and hc bin: leave and return probabilities. */
  leave: Float64Array;
  ret: Float64Array;
}

export const HC_BINS = 256;
export const LOGISTIC_BINS = 2048;
export const LOGISTIC_RANGE = 12;
export const LABOUR_BINS = 1024;
export const LABOUR_MAX = 16;
/** Migration tables: bins of human capital, and the four tie states (children home, elders home). */
export const MIGRATION_BINS = 128;
export const TIE_STATES = 4;

export function buildTables(p: Params, counties: number): Tables {
  const mincer = p['humanCapital.mincer'];
  const hcGain = new Float64Array(HC_BINS + 2);
  const hcWage = new Float64Array(HC_BINS + 2);
  for (let j = 0; j <= HC_BINS + 1; j++) {
    const hc = j / HC_BINS;
    hcGain[j] = Math.exp(mincer * hc);
    hcWage[j] = Math.exp(0.5 * mincer * hc);
  }
  const labourPow = new Float64Array(LABOUR_BINS + 2);
  for (let j = 0; j <= LABOUR_BINS + 1; j++) labourPow[j] = Math.pow((j * LABOUR_MAX) / LABOUR_BINS, 0.8);
  const logistic = new Float64Array(LOGISTIC_BINS + 2);
  for (let j = 0; j <= LOGISTIC_BINS + 1; j++) logistic[j] = 1 / (1 + Math.exp(-((j * 2 * LOGISTIC_RANGE) / LOGISTIC_BINS - LOGISTIC_RANGE)));
  const size = counties * TIE_STATES * (MIGRATION_BINS + 2);
  return { hcGain, hcWage, logistic, labourPow, leave: new Float64Array(size), ret: new Float64Array(size) };
}

/** Linear interpolation in a table sampled at x = j / inverseStep, clamped to its range. */
export function lookup(table: Float64Array, x: number, inverseStep: number): number {
  let s = x * inverseStep;
  if (s < 0) s = 0;
  const last = table.length - 2;
  if (s > last) s = last;
  const j = s | 0;
  return table[j] + (s - j) * (table[j + 1] - table[j]);
}
