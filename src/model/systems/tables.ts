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

/**
 * r^-0.4 for r >= 1: the improved technology's diminishing return on assets above the
 * household's threshold, r = assets / threshold (production.ts assetIncome: output
 * rHigh * assets * r^-0.4, which is rHigh * threshold * r^0.6; marginal return 0.6 * rHigh * r^-0.4).
 * Read from the float's own parts: r = 2^e * m with m in [1, 2), so r^-0.4 = 2^(-0.4 e) * m^-0.4,
 * the first from a table by exponent and the second from a table of POW_BINS bins over [1, 2]
 * with linear interpolation (relative error below 2e-8, under the rounding of a float32 stored
 * value). Math.pow took a third of the household passes' time; this takes a few nanoseconds.
 */
export const POW_BINS = 2048;
/** m^-0.4 for m = 1 + j / POW_BINS, j = 0..POW_BINS + 1. */
export const MANTISSA_POW = new Float64Array(POW_BINS + 2);
/** 2^(-0.4 e) for the binary exponents e = 0..1024 of r >= 1 (1024: infinity or NaN, gives NaN). */
export const EXPONENT_POW = new Float64Array(1025);
/** 2^-e for e = 0..1024 (exact powers of two): scales r into [1, 2). */
export const EXPONENT_SCALE = new Float64Array(1025);
for (let j = 0; j <= POW_BINS + 1; j++) MANTISSA_POW[j] = Math.pow(1 + j / POW_BINS, -0.4);
for (let e = 0; e <= 1024; e++) {
  EXPONENT_POW[e] = e < 1024 ? Math.pow(2, -0.4 * e) : NaN;
  EXPONENT_SCALE[e] = Math.pow(2, -e);
}
/** One float64 and its two 32-bit halves (HIGH_WORD: the half with sign and exponent). */
const POW_F64 = new Float64Array(1);
const POW_U32 = new Uint32Array(POW_F64.buffer);
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** r^-0.4 for r >= 1 (tabulated; see POW_BINS). */
export function assetPow(r: number): number {
  POW_F64[0] = r;
  const e = (POW_U32[HIGH_WORD] >>> 20) - 1023;
  const s = (r * EXPONENT_SCALE[e] - 1) * POW_BINS;
  const j = s | 0;
  return EXPONENT_POW[e] * (MANTISSA_POW[j] + (s - j) * (MANTISSA_POW[j + 1] - MANTISSA_POW[j]));
}
