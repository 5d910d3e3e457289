import { COUNTY_FIELDS } from './state/counties';
import type { World } from './state/world';

/** A run whose state broke: names the county, the year and the field. */
export class ModelHealthError extends Error {
  constructor(readonly county: string, readonly year: number, readonly field: string, readonly value: number, expected?: string) {
    super(`model state broke in ${year}: county ${county}, field ${field} = ${value} (expected ${expected ?? `a finite${field === 'growthMomentum' ? '' : ', non-negative'} number`})`);
    this.name = 'ModelHealthError';
  }
}

/** Indicators that are rates or indexes from 0 to 1. */
const RATES = ['povertyRate', 'registeredPoorRate', 'returnToPovertyRate', 'newPoorRate', 'youthShare', 'idleEarmarkedShare', 'fiscalDependency',
  'assessmentBurden', 'gini', 'infrastructureIndex', 'ecoCapacity', 'nearPoorRate'];
/** Indicators that are counts, stocks or money and cannot be negative. */
const NON_NEGATIVE = ['population', 'capitalStock', 'meanIncome', 'teachersPer1000Pupils', 'doctorsPer1000', 'talentOutflow', 'relocatedPeople',
  'interventionCost', 'youthOutflow', 'registeredExits', 'lastingExits', 'paperExits', 'output'];

/**
 * Checks one recorded year of indicators (`values` from `offset`, units = counties + region, in
 * `names` order): every value finite, rates in 0..1, counts and stocks non-negative. Throws a
 * ModelHealthError naming the county (or `region`), the year and the indicator.
 */
export function checkIndicators(values: Float64Array, offset: number, names: readonly string[], countyIds: readonly string[], year: number): void {
  const k = names.length;
  const units = countyIds.length + 1;
  const rate = names.map((n) => RATES.includes(n));
  const nonNegative = names.map((n) => NON_NEGATIVE.includes(n));
  for (let u = 0; u < units; u++) {
    for (let i = 0; i < k; i++) {
      const x = values[offset + u * k + i];
      const bad = !Number.isFinite(x) ? 'a finite number'
        : rate[i] && (x < -1e-9 || x > 1 + 1e-9) ? 'a rate from 0 to 1'
          : nonNegative[i] && x < -1e-6 ? 'a non-negative number' : null;
      if (bad) throw new ModelHealthError(u < countyIds.length ? countyIds[u] : 'region', year, names[i], x, bad);
    }
  }
}

/** County fields that may be negative (rates of change, elasticities). */
const SIGNED = new Set<string>(['growthMomentum', 'momentumSmoothed', 'linkOutflowAccumulation', 'linkAccumulationMomentum',
  'linkMomentumAttraction', 'linkAttractionOutflow', 'loopGain', 'linkEcologyOutflow', 'linkMomentumEcology', 'profits', 'localReturn']);

/**
 * Checks the state after a step: every county quantity finite (and non-negative where it is a
 * stock, a count or money), village ecology in 0..1, prices positive. Throws ModelHealthError.
 */
export function checkHealth(w: World): void {
  const k = w.county;
  for (const f of COUNTY_FIELDS) {
    const a = k[f];
    for (let c = 0; c < k.count; c++) {
      const x = a[c];
      if (!Number.isFinite(x) || (x < -1e-6 && !SIGNED.has(f))) throw new ModelHealthError(w.counties[c].id, w.year, f, x);
    }
  }
  const v = w.villages;
  for (let j = 0; j < v.count; j++) {
    const e = v.eco[j];
    if (!(e >= 0 && e <= 1)) throw new ModelHealthError(w.counties[v.county[j]].id, w.year, `villages.eco[${j}]`, e);
  }
  const m = w.markets;
  for (let j = 0; j < m.price.length; j++) {
    if (!(m.price[j] > 0 && Number.isFinite(m.price[j]))) throw new ModelHealthError('region', w.year, `markets.price[${j}]`, m.price[j]);
  }
}
