import { COUNTY_FIELDS } from './state/counties';
import type { World } from './state/world';

/** A run whose state broke: names the county, the year and the field. */
export class ModelHealthError extends Error {
  constructor(readonly county: string, readonly year: number, readonly field: string, readonly value: number) {
    super(`model state broke in ${year}: county ${county}, field ${field} = ${value} (expected a finite${field === 'growthMomentum' ? '' : ', non-negative'} number)`);
    this.name = 'ModelHealthError';
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
