import type { Bilingual } from '../i18n';
import type { LeverName } from '../levers/registry';
import type { ParamKey } from '../params/registry';

export const TERRAINS = ['mountain', 'hill', 'plain'] as const;
export type Terrain = (typeof TERRAINS)[number];
export const TERRAIN_CODE: Record<Terrain, number> = { mountain: 0, hill: 1, plain: 2 };

/**
 * A county as written in a scenario. Only `id`, `name`, `terrain` and `households` are required;
 * the rest default by terrain (TERRAIN_DEFAULTS in region/presets.ts).
 */
export interface CountySpec {
  id: string;
  name: Bilingual;
  terrain: Terrain;
  /** Real households in the county (one agent stands for `scale` of them). */
  households: number;
  /** Villages in the county (ecology differs between them). */
  villages?: number;
  /** Mean ecological carrying capacity of its villages, 0..1. */
  ecoCapacity?: number;
  transport?: number;
  irrigation?: number;
  water?: number;
  /** Mean adult human capital, 0..1 (about years of schooling / 12). */
  humanCapital?: number;
  /** Mean productive assets per household, yuan. */
  assets?: number;
  /** Mean farmland per household, mu. */
  land?: number;
  /** Local productive capital per resident, yuan. */
  capitalPerResident?: number;
  /** Share of professional posts filled at the start. */
  postFill?: number;
  /** Mean terrain relief of its villages, metres. */
  relief?: number;
  /** Map position (column, row) on the region's hex map. */
  hex?: [number, number];
}

export type CountySelector = 'all' | Terrain | string[];

/** One lever applied to some counties over some years, with the lever's own parameters. */
export interface Intervention {
  lever: LeverName;
  from: number;
  to: number;
  counties: CountySelector;
  [param: string]: unknown;
}

export type RegionSpec = { preset: string } | { counties: CountySpec[] };

/** A scenario file, as parsed and validated (every default filled in). */
export interface Scenario {
  id: string;
  title: Bilingual;
  description: Bilingual;
  seed: number;
  startYear: number;
  years: number;
  scale: number;
  region: RegionSpec;
  params: Partial<Record<ParamKey, number>>;
  interventions: Intervention[];
}
