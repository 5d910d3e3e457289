import { LEVERS } from './levers/registry';
import { PUPIL_SHARE, setPosts } from './state/posts';
import { type Params } from './params/registry';
import { resolveScenario } from './scenario/resolve';
import { normal, type Rng, streams } from './rng';
import type { Scenario } from './scenario/types';
import { TERRAIN_CODE } from './scenario/types';
import { allocateCounties, allocateTalentTables, allocateVillages } from './state/counties';
import { allocateHouseholds, STATUS } from './state/households';
import { allocateProfessionals } from './state/professionals';
import { allocateLeverState } from './levers/leverState';
import { INDUSTRIES } from './levers/registry';
import { allocateMarkets, type ResolvedCounty, type World } from './state/world';
import { GINI_BINS } from './systems/indicators';
import { settleServices } from './systems/talent';
import { buildTables } from './systems/tables';
import { landFactorOf } from './systems/production';
import { ACCUMULATORS } from './systems/households';
import { spinUp } from './step';

/** Village terrain mix by county terrain: shares of mountain, hill and plain villages. */
const VILLAGE_TERRAIN_MIX: readonly (readonly number[])[] = [
  [0.75, 0.25, 0], // mountain county
  [0.2, 0.6, 0.2], // hill county
  [0, 0.15, 0.85], // plain county
];
/** Village ecology relative to the county mean, by village terrain. */
const VILLAGE_ECO_FACTOR = [0.9, 1.05, 1.15];
/** Initial industry mix by village terrain: grain, livestock, fruit, vegetables, herbs. */
const INDUSTRY_MIX: readonly (readonly number[])[] = [
  [0.5, 0.35, 0.03, 0.02, 0.1],
  [0.45, 0.15, 0.25, 0.07, 0.08],
  [0.5, 0.08, 0.1, 0.3, 0.02],
];
/** Mean resident members by band (kids, youth, adults, elders) and migrants, by county terrain. */
const MEMBERS: readonly (readonly number[])[] = [
  [1.5, 0.8, 1.3, 0.7, 0.8],
  [1.2, 0.8, 1.3, 0.7, 0.7],
  [1.0, 0.9, 1.3, 0.7, 0.5],
];

function pick(mix: readonly number[], u: number): number {
  let acc = 0;
  for (let k = 0; k < mix.length; k++) {
    acc += mix[k];
    if (u < acc) return k;
  }
  return mix.length - 1;
}

/** A small count with the given mean (geometric-like, capped). */
function smallCount(mean: number, rng: Rng, cap: number): number {
  let n = Math.floor(mean);
  if (rng() < mean - n) n++;
  if (rng() < 0.25 && n > 0) n += rng() < 0.5 ? -1 : 1;
  return Math.max(0, Math.min(cap, n));
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * Builds the initial world of one run: counties, villages, households and professionals drawn
 * from the county specs with the run's own streams, then SPIN_UP_YEARS spin-up years (interventions off,
 * outside growth frozen) so that prices, jobs and services are consistent before the start.
 */
export function createWorld(scenario: Scenario, run: number, seed: number): World {
  const { counties, params, interventions, interventionCounties } = resolveScenario(scenario);
  const nC = counties.length;
  const scale = scenario.scale;
  const agentsPer = counties.map((c) => Math.max(1, Math.round(c.households / scale)));
  const totalAgents = agentsPer.reduce((a, b) => a + b, 0);
  const villagesTotal = counties.reduce((a, c) => a + c.villages + 1, 0);

  const world: World = {
    params, counties, interventions, interventionCounties, scale,
    startYear: scenario.startYear, year: scenario.startYear, t: 0,
    households: allocateHouseholds(totalAgents),
    professionals: allocateProfessionals(0),
    talent: allocateTalentTables(nC),
    county: allocateCounties(nC),
    villages: allocateVillages(villagesTotal),
    markets: allocateMarkets(nC),
    levers: allocateLeverState(nC, INDUSTRIES.length),
    rng: {
      households: streams(seed, run, nC, 'households'),
      talent: streams(seed, run, nC, 'talent'),
      villages: streams(seed, run, nC, 'villages'),
      identification: streams(seed, run, nC, 'identification'),
    },
    outsideWage: params['macro.outsideWage'],
    tables: buildTables(params, nC),
    leverCost: new Float64Array(LEVERS.length * nC),
    siteVillage: new Int32Array(nC),
    relocationEverActive: false,
    scratch: {
      perCounty: [new Float64Array(nC), new Float64Array(nC), new Float64Array(nC), new Float64Array(nC)],
      household: new Float32Array(totalAgents),
      accumulators: new Float64Array(nC * ACCUMULATORS),
      histogram: new Float64Array((nC + 1) * GINI_BINS * 2),
    },
  };

  let v0 = 0;
  let h0 = 0;
  for (let c = 0; c < nC; c++) {
    const spec = counties[c];
    const rng = world.rng.villages[c];
    const tc = TERRAIN_CODE[spec.terrain];
    initCounty(world, c, spec, tc);
    // Villages: the county's farming villages, then its resettlement site near the seat.
    const first = v0;
    for (let k = 0; k < spec.villages; k++, v0++) {
      const vt = pick(VILLAGE_TERRAIN_MIX[tc], rng());
      initVillage(world, v0, c, vt, clamp01(spec.ecoCapacity * VILLAGE_ECO_FACTOR[vt] * (0.85 + 0.3 * rng())),
        spec.relief * (0.7 + 0.6 * rng()) * (vt === 0 ? 1.2 : vt === 1 ? 0.7 : 0.3), 0);
    }
    initVillage(world, v0, c, 2, 0.8, 50, 1);
    world.siteVillage[c] = v0;
    v0++;
    h0 = initHouseholds(world, c, spec, tc, first, spec.villages, agentsPer[c], h0);
  }
  world.households.count = h0;
  initProfessionals(world, params);
  settleServices(world);
  spinUp(world);
  return world;
}

function initCounty(w: World, c: number, spec: ResolvedCounty, tc: number): void {
  const k = w.county;
  k.terrain[c] = tc;
  k.scaleHouseholds[c] = spec.households;
  k.transport[c] = spec.transport;
  k.irrigation[c] = spec.irrigation;
  k.water[c] = spec.water;
  k.attraction[c] = 1;
  k.technology[c] = 1;
  k.jobRate[c] = 0.5;
}

function initVillage(w: World, v: number, c: number, terrain: number, eco: number, relief: number, site: number): void {
  const vs = w.villages;
  vs.county[v] = c;
  vs.terrain[v] = terrain;
  vs.eco[v] = eco;
  // Ceiling above the present level: degraded land can recover if pressure eases.
  vs.ecoCeiling[v] = Math.min(1, eco * 1.3 + 0.05);
  vs.relief[v] = relief;
  vs.site[v] = site;
}

function initHouseholds(w: World, c: number, spec: ResolvedCounty, tc: number, firstVillage: number, villages: number,
  n: number, h0: number): number {
  const h = w.households;
  const rng = w.rng.households[c];
  const m = MEMBERS[tc];
  for (let j = 0; j < n; j++) {
    const i = h0 + j;
    const v = firstVillage + Math.floor(rng() * villages);
    const vt = w.villages.terrain[v];
    h.county[i] = c;
    h.homeCounty[i] = c;
    h.village[i] = v;
    h.homeVillage[i] = v;
    h.kids[i] = smallCount(m[0], rng, 5);
    h.youth[i] = smallCount(m[1], rng, 3);
    h.adults[i] = Math.max(1, smallCount(m[2], rng, 3));
    h.elders[i] = smallCount(m[3], rng, 3);
    h.migrants[i] = smallCount(m[4], rng, 3);
    // Human capital varies between households: thresholds differ (Kraay and McKenzie 2014).
    h.humanCapital[i] = Math.min(1, Math.max(0.02, spec.humanCapital * Math.exp(0.35 * normal(rng))));
    h.childHumanCapital[i] = h.kids[i] > 0 ? h.humanCapital[i] * (0.3 + 0.4 * rng()) : 0;
    h.health[i] = 0.75 + 0.25 * rng();
    h.land[i] = spec.land * Math.exp(0.4 * normal(rng) - 0.08);
    h.landFactor[i] = landFactorOf(h.land[i]);
    h.assets[i] = spec.assets * Math.exp(0.9 * normal(rng) - 0.4);
    h.savings[i] = h.assets[i] * 0.2 * rng();
    h.ability[i] = Math.exp(0.35 * normal(rng));
    h.industry[i] = pick(INDUSTRY_MIX[vt], rng());
    h.drive[i] = 0.4 + 0.3 * rng();
    h.status[i] = STATUS.alive;
    h.integration[i] = 1;
  }
  return h0 + n;
}

/** Posts per county and kind from residents and pupils, filled to the county's initial share. */
function initProfessionals(w: World, p: Params): void {
  const h = w.households;
  const nC = w.counties.length;
  const residents = new Float64Array(nC);
  const pupils = new Float64Array(nC);
  for (let i = 0; i < h.count; i++) {
    residents[h.county[i]] += h.kids[i] + h.youth[i] + h.adults[i] + h.elders[i];
    pupils[h.county[i]] += h.kids[i] * PUPIL_SHARE;
  }
  let total = 0;
  for (let c = 0; c < nC; c++) {
    w.county.residents[c] = residents[c] * w.scale;
    w.county.pupils[c] = pupils[c] * w.scale;
    w.county.capital[c] = w.counties[c].capitalPerResident * w.county.residents[c];
    setPosts(w, c, p);
    for (let k = 0; k < 4; k++) total += Math.round(w.talent.posts[c * 4 + k] / w.scale) + 1;
  }
  const pr = allocateProfessionals(Math.ceil(total * 1.6) + 8);
  w.professionals = pr;
  let slot = 0;
  for (let c = 0; c < nC; c++) {
    const rng = w.rng.talent[c];
    const fill = w.counties[c].postFill;
    for (let k = 0; k < 4; k++) {
      const agents = Math.round((w.talent.posts[c * 4 + k] * fill) / w.scale);
      for (let j = 0; j < agents; j++, slot++) {
        pr.active[slot] = 1;
        pr.county[slot] = c;
        pr.kind[slot] = k;
        pr.age[slot] = 24 + Math.floor(rng() * 34);
        pr.yearsServed[slot] = Math.floor(rng() * Math.min(20, pr.age[slot] - 23));
        pr.local[slot] = rng() < 0.6 ? 1 : 0;
        pr.skill[slot] = 0.4 + 0.5 * rng();
      }
    }
  }
}

