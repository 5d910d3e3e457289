import { defaultParams, type ParamKey, type Params } from '../params/registry';
import { TERRAIN_DEFAULTS } from '../region/presets';
import type { ResolvedCounty } from '../state/world';
import { regionCounties } from './parse';
import type { Intervention, Scenario } from './types';

export interface ResolvedScenario {
  counties: ResolvedCounty[];
  params: Params;
  interventions: Intervention[];
  /** For each intervention, the indexes of the counties it applies to. */
  interventionCounties: Int32Array[];
}

/** Fills county defaults by terrain, merges parameters over the registry defaults, resolves selectors. */
export function resolveScenario(s: Scenario): ResolvedScenario {
  const counties: ResolvedCounty[] = regionCounties(s.region).map((c, i) => ({
    ...TERRAIN_DEFAULTS[c.terrain],
    ...c,
    hex: c.hex ?? [i % 4, Math.floor(i / 4)],
  }));
  const params = defaultParams();
  for (const [k, v] of Object.entries(s.params)) params[k as ParamKey] = v as number;
  const interventionCounties = s.interventions.map((iv) => {
    const idx: number[] = [];
    counties.forEach((c, i) => {
      const sel = iv.counties;
      if (sel === 'all' || sel === c.terrain || (Array.isArray(sel) && sel.includes(c.id))) idx.push(i);
    });
    return Int32Array.from(idx);
  });
  return { counties, params, interventions: s.interventions, interventionCounties };
}
