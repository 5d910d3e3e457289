/**
 * Ensemble statistics over runs of one scenario: for every year, unit (county or region) and
 * indicator, the median, the 5-95% band and the mean over runs; and paired differences of two
 * ensembles run on the same seeds (common random numbers).
 */
import { INDICATOR_INDEX, type IndicatorName, type RunMeta, type RunResult } from '../model/index';
import { type Band, type BandLevels, DEFAULT_LEVELS, quantileSorted } from './stats';

/** Statistics over runs, laid out like `RunResult.values` (year, unit, indicator). */
export interface EnsembleBands {
  /** Meta of the first run (the layout every run shares). */
  meta: RunMeta;
  runs: number;
  levels: BandLevels;
  median: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
  mean: Float64Array;
}

/** Two runs that cannot be combined value by value (different counties, years or indicators). */
export class LayoutMismatch extends Error {
  override name = 'LayoutMismatch';
}

/** Throws LayoutMismatch unless every run has the layout of the first. */
export function checkSameLayout(results: readonly RunResult[]): void {
  if (results.length === 0) throw new LayoutMismatch('no runs');
  const m = results[0].meta;
  const ids = m.counties.map((c) => c.id).join(',');
  const inds = m.indicators.join(',');
  for (const r of results) {
    const o = r.meta;
    if (o.startYear !== m.startYear || o.years !== m.years) {
      throw new LayoutMismatch(`run ${o.run} of ${o.scenarioId} covers ${o.startYear}+${o.years} years, not ${m.startYear}+${m.years}`);
    }
    if (o.counties.map((c) => c.id).join(',') !== ids) throw new LayoutMismatch(`run ${o.run} of ${o.scenarioId} has other counties than run ${m.run} of ${m.scenarioId}`);
    if (o.indicators.join(',') !== inds) throw new LayoutMismatch(`run ${o.run} of ${o.scenarioId} has other indicators`);
    if (r.values.length !== results[0].values.length) throw new LayoutMismatch(`run ${o.run} of ${o.scenarioId} has ${r.values.length} values, not ${results[0].values.length}`);
  }
}

/** Median, band and mean over runs of every value. */
export function ensembleBands(results: readonly RunResult[], levels: BandLevels = DEFAULT_LEVELS): EnsembleBands {
  checkSameLayout(results);
  const n = results.length;
  const size = results[0].values.length;
  const median = new Float64Array(size);
  const lo = new Float64Array(size);
  const hi = new Float64Array(size);
  const mean = new Float64Array(size);
  const column = new Float64Array(n);
  for (let i = 0; i < size; i++) {
    let sum = 0;
    for (let r = 0; r < n; r++) {
      column[r] = results[r].values[i];
      sum += column[r];
    }
    column.sort();
    median[i] = quantileSorted(column, 0.5);
    lo[i] = quantileSorted(column, levels.lo);
    hi[i] = quantileSorted(column, levels.hi);
    mean[i] = sum / n;
  }
  return { meta: results[0].meta, runs: n, levels, median, lo, hi, mean };
}

/** Unit index of a county id, or of `region`. Throws RangeError for an unknown id. */
export function unitIndex(meta: RunMeta, unit: string): number {
  if (unit === 'region') return meta.counties.length;
  const u = meta.counties.findIndex((c) => c.id === unit);
  if (u < 0) throw new RangeError(`no county ${unit} (counties: ${meta.counties.map((c) => c.id).join(', ')})`);
  return u;
}

function offset(meta: RunMeta, yearIndex: number, unit: number, indicator: IndicatorName): number {
  return (yearIndex * (meta.counties.length + 1) + unit) * meta.indicators.length + INDICATOR_INDEX[indicator];
}

/** The band of one value: year index from 0 (the start year), unit index as in RunResult. */
export function bandAt(b: EnsembleBands, yearIndex: number, unit: number, indicator: IndicatorName): Band {
  const i = offset(b.meta, yearIndex, unit, indicator);
  return { median: b.median[i], lo: b.lo[i], hi: b.hi[i], mean: b.mean[i], n: b.runs };
}

/** One indicator of one unit over the years: what a chart with a band draws. */
export function bandSeries(b: EnsembleBands, unit: number, indicator: IndicatorName): (Band & { year: number })[] {
  return Array.from({ length: b.meta.years + 1 }, (_, y) => ({ year: b.meta.startYear + y, ...bandAt(b, y, unit, indicator) }));
}

/** Two ensembles that are not paired run for run (different run numbers or seeds). */
export class PairingError extends Error {
  override name = 'PairingError';
}

/**
 * Paired differences `alternative - baseline`, run by run. The two ensembles must hold the same
 * runs (run numbers and base seed, so each pair shares its random numbers) in the same order
 * and the same layout. The result's runs carry the alternative's meta, with scenarioId
 * `alternative-minus-baseline`; lever costs are differenced too.
 */
export function pairedDifferences(baseline: readonly RunResult[], alternative: readonly RunResult[]): RunResult[] {
  if (baseline.length !== alternative.length) throw new PairingError(`the baseline has ${baseline.length} runs, the alternative ${alternative.length}`);
  checkSameLayout([...baseline, ...alternative]);
  return alternative.map((alt, i) => {
    const base = baseline[i];
    if (base.meta.run !== alt.meta.run || base.meta.seed !== alt.meta.seed) {
      throw new PairingError(`pair ${i + 1}: baseline run ${base.meta.run} (seed ${base.meta.seed}) against alternative run ${alt.meta.run} (seed ${alt.meta.seed}); pairs must share run and seed`);
    }
    const values = new Float64Array(alt.values.length);
    for (let k = 0; k < values.length; k++) values[k] = alt.values[k] - base.values[k];
    const leverCosts = new Float64Array(alt.leverCosts.length);
    if (base.leverCosts.length === alt.leverCosts.length) for (let k = 0; k < leverCosts.length; k++) leverCosts[k] = alt.leverCosts[k] - base.leverCosts[k];
    return { meta: { ...alt.meta, scenarioId: `${alt.meta.scenarioId}-minus-${base.meta.scenarioId}` }, values, leverCosts };
  });
}

/** A comparison: each ensemble's bands and the band of their paired difference. */
export interface Comparison {
  baseline: EnsembleBands;
  alternative: EnsembleBands;
  difference: EnsembleBands;
}

export function compareEnsembles(baseline: readonly RunResult[], alternative: readonly RunResult[], levels: BandLevels = DEFAULT_LEVELS): Comparison {
  return {
    baseline: ensembleBands(baseline, levels),
    alternative: ensembleBands(alternative, levels),
    difference: ensembleBands(pairedDifferences(baseline, alternative), levels),
  };
}
