/**
 * Cost-effectiveness of an alternative scenario against its baseline, run on the same seeds:
 * yuan spent per person-year out of poverty and per household exit that lasts five years
 * without return, per run and as bands over runs.
 *
 * Definitions (docs/sweeps.md, "Cost-effectiveness"):
 * - person-years out of poverty = sum over simulated years (start year excluded) and counties of
 *   (povertyRate_baseline - povertyRate_alternative) x population_alternative;
 * - yuan = sum over all years of interventionCost (region) of the alternative minus the baseline;
 * - lasting exits = the engine's `lastingExits` indicator summed over years and counties (exits
 *   that stayed out five years: never below the line, never back on the register);
 * - a ratio is yuan / effect, per run; a run whose effect is not positive has no ratio (it is
 *   counted in `undefinedRuns` and left out of the ratio's band); `pooled` is
 *   mean yuan / mean effect over all runs.
 */
import { INDICATOR_INDEX, LASTING_EXIT_YEARS, type RunResult } from '../model/index';
import { checkSameLayout, pairedDifferences } from './ensemble';
import { type Band, type BandLevels, band, DEFAULT_LEVELS } from './stats';

/** Years without return that make an exit "lasting". */
export const LASTING_YEARS = LASTING_EXIT_YEARS;

function at(r: RunResult, yearIndex: number, unit: number, indicator: keyof typeof INDICATOR_INDEX): number {
  const units = r.meta.counties.length + 1;
  return r.values[(yearIndex * units + unit) * r.meta.indicators.length + INDICATOR_INDEX[indicator]];
}

/**
 * Person-years out of poverty of `alt` against `base` (one run each, same layout): the sum over
 * years 1..Y and counties of (povertyRate_base - povertyRate_alt) x population_alt.
 */
export function personYearsOutOfPoverty(base: RunResult, alt: RunResult): number {
  const n = alt.meta.counties.length;
  let sum = 0;
  for (let y = 1; y <= alt.meta.years; y++) {
    for (let c = 0; c < n; c++) sum += (at(base, y, c, 'povertyRate') - at(alt, y, c, 'povertyRate')) * at(alt, y, c, 'population');
  }
  return sum;
}

/** Yuan spent on interventions over the whole horizon (region, start year included). */
export function totalCost(r: RunResult): number {
  const n = r.meta.counties.length;
  let sum = 0;
  for (let y = 0; y <= r.meta.years; y++) sum += at(r, y, n, 'interventionCost');
  return sum;
}

/**
 * Household exits that lasted: the sum over years and counties of the engine's `lastingExits`
 * indicator, which counts each registered household that exited LASTING_EXIT_YEARS years earlier
 * and since then has been neither below the line in any year nor back on the register. Exits
 * with fewer than five years left in the horizon are not counted (censored).
 */
export function lastingExits(r: RunResult): number {
  const n = r.meta.counties.length;
  let sum = 0;
  for (let y = 1; y <= r.meta.years; y++) for (let c = 0; c < n; c++) sum += at(r, y, c, 'lastingExits');
  return sum;
}

/** One pair of runs (same run and seed) of the baseline and the alternative. */
export interface CostEffectivenessRun {
  run: number;
  seed: number;
  /** Extra yuan the alternative spent. */
  yuan: number;
  personYears: number;
  /** Extra lasting exits of the alternative (alternative minus baseline). */
  lastingExits: number;
  baselineLastingExits: number;
  alternativeLastingExits: number;
  /** yuan / personYears, or null when personYears <= 0. */
  yuanPerPersonYear: number | null;
  /** yuan / lastingExits, or null when lastingExits <= 0. */
  yuanPerLastingExit: number | null;
}

export interface RatioSummary {
  /** Band over the runs where the ratio is defined. */
  band: Band;
  /** Runs without a ratio (effect zero or negative). */
  undefinedRuns: number;
  /** Mean yuan / mean effect over all runs; null when the mean effect is not positive. */
  pooled: number | null;
}

export interface CostEffectiveness {
  runs: CostEffectivenessRun[];
  followUpYears: number;
  yuan: Band;
  personYears: Band;
  lastingExits: Band;
  yuanPerPersonYear: RatioSummary;
  yuanPerLastingExit: RatioSummary;
}

function ratioSummary(yuan: number[], effect: number[], ratios: (number | null)[], levels: BandLevels): RatioSummary {
  const defined = ratios.filter((x): x is number => x !== null);
  const meanEffect = effect.reduce((a, b) => a + b, 0) / effect.length;
  const meanYuan = yuan.reduce((a, b) => a + b, 0) / yuan.length;
  return { band: band(defined, levels), undefinedRuns: ratios.length - defined.length, pooled: meanEffect > 0 ? meanYuan / meanEffect : null };
}

/** Cost-effectiveness of `alternative` against `baseline`, paired run by run. */
export function costEffectiveness(
  baseline: readonly RunResult[],
  alternative: readonly RunResult[],
  options: { levels?: BandLevels } = {},
): CostEffectiveness {
  const followUp = LASTING_YEARS;
  const levels = options.levels ?? DEFAULT_LEVELS;
  pairedDifferences(baseline, alternative); // checks pairing and layout
  checkSameLayout([...baseline, ...alternative]);
  const runs = alternative.map((alt, i): CostEffectivenessRun => {
    const base = baseline[i];
    const yuan = totalCost(alt) - totalCost(base);
    const personYears = personYearsOutOfPoverty(base, alt);
    const baseLasting = lastingExits(base);
    const altLasting = lastingExits(alt);
    const lasting = altLasting - baseLasting;
    return {
      run: alt.meta.run,
      seed: alt.meta.seed,
      yuan,
      personYears,
      lastingExits: lasting,
      baselineLastingExits: baseLasting,
      alternativeLastingExits: altLasting,
      yuanPerPersonYear: personYears > 0 ? yuan / personYears : null,
      yuanPerLastingExit: lasting > 0 ? yuan / lasting : null,
    };
  });
  const yuan = runs.map((r) => r.yuan);
  const py = runs.map((r) => r.personYears);
  const le = runs.map((r) => r.lastingExits);
  return {
    runs,
    followUpYears: followUp,
    yuan: band(yuan, levels),
    personYears: band(py, levels),
    lastingExits: band(le, levels),
    yuanPerPersonYear: ratioSummary(yuan, py, runs.map((r) => r.yuanPerPersonYear), levels),
    yuanPerLastingExit: ratioSummary(yuan, le, runs.map((r) => r.yuanPerLastingExit), levels),
  };
}
