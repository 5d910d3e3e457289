import { INDUSTRIES } from '../levers/registry';
import type { LeverState } from '../levers/leverState';
import type { Params } from '../params/registry';
import type { StreamSet } from '../rng';
import type { CountySpec, Intervention } from '../scenario/types';
import type { Counties, TalentTables, Villages } from './counties';
import type { Households } from './households';
import type { Professionals } from './professionals';
import type { Tables } from '../systems/tables';

/** A county with every attribute resolved (terrain defaults filled in). */
export type ResolvedCounty = Required<Omit<CountySpec, 'hex'>> & { hex: [number, number] };

/** Regional product markets: one slot per product (see INDUSTRIES). */
export interface Markets {
  price: Float64Array;
  /** Supply this year (yuan at base price). */
  supply: Float64Array;
  /** Outside demand at base price; grows each year. */
  demand: Float64Array;
  /** Last year's operating profit per worker by county and product: county * products + product. */
  profitPerWorker: Float64Array;
  /** Scratch accumulators for this year's profits. */
  profitSum: Float64Array;
  /** This year's farm labour by county and product. */
  labourSum: Float64Array;
  /** This year's supply by county and product (yuan at base price). */
  countySupply: Float64Array;
}

export function allocateMarkets(counties: number): Markets {
  const n = INDUSTRIES.length;
  return {
    price: new Float64Array(n).fill(1), supply: new Float64Array(n), demand: new Float64Array(n),
    profitPerWorker: new Float64Array(counties * n), profitSum: new Float64Array(counties * n), labourSum: new Float64Array(counties * n), countySupply: new Float64Array(counties * n),
  };
}

/** Random streams of one run: one per county and purpose, so results never depend on scheduling. */
export interface Streams {
  households: StreamSet;
  talent: StreamSet;
  villages: StreamSet;
  identification: StreamSet;
}

/** Everything one run of the model holds. Sub-models are plain functions of it. */
export interface World {
  readonly params: Params;
  readonly counties: readonly ResolvedCounty[];
  readonly interventions: readonly Intervention[];
  /** Resolved county index lists of each intervention. */
  readonly interventionCounties: readonly Int32Array[];
  readonly scale: number;
  readonly startYear: number;
  /** Calendar year of the current state. */
  year: number;
  /** Steps taken since the start. */
  t: number;
  households: Households;
  professionals: Professionals;
  talent: TalentTables;
  county: Counties;
  villages: Villages;
  markets: Markets;
  levers: LeverState;
  rng: Streams;
  /** Outside wage this year (grows exogenously). */
  outsideWage: number;
  /** Yuan spent this year by lever and county: index lever * counties + county (see levers/costs.ts). */
  leverCost: Float64Array;
  /** Lookup tables of the hot loops (systems/tables.ts). */
  tables: Tables;
  /** Resettlement-site village of each county. */
  siteVillage: Int32Array;
  /** Set once any relocation has happened (congestion is tracked from then on). */
  relocationEverActive: boolean;
  /** Scratch buffers reused every year (never allocated in a step). */
  scratch: {
    perCounty: Float64Array[];
    household: Float32Array;
    /** Per-county sums of the household pass. */
    accumulators: Float64Array;
    /** Income histograms for the Gini: (county + region) x bins x {people, income}. */
    histogram: Float64Array;
  };
}

