import { addCost, LEVER_INDEX } from '../levers/costs';
import { ALEA_STATE, drawFrom, loadStream, storeStream } from '../rng';
import { STATUS } from '../state/households';
import type { World } from '../state/world';
import { HC_BINS, LABOUR_BINS, LABOUR_MAX, assetPow, lookup } from './tables';

/** Status bits as local constants (imported bindings are slower in hot loops under some loaders). */
const S_ALIVE = STATUS.alive;
const S_REGISTERED = STATUS.registered;
const S_RELOCATED = STATUS.relocated;
const S_MONITORED = STATUS.monitored;

/** Output per worker of each product relative to grain, at base price. */
export const PRODUCT_YIELD = new Float64Array([1.0, 1.2, 1.35, 1.45, 1.55]);
/** Suitability of each product by village terrain (mountain, hill, plain): 3 x 5, row-major. */
export const SUITABILITY = new Float64Array([
  0.8, 1.1, 0.7, 0.6, 1.1,
  1.0, 1.0, 1.1, 0.9, 1.0,
  1.2, 0.9, 1.0, 1.15, 0.8,
]);
/**
 * Input cost per unit of gross output at base price: chosen so that net value per worker is
 * equal across products at base prices and average suitability (an equilibrium with no reason
 * to switch until prices or subsidies move).
 */
export const INPUT_COST = new Float64Array([0.2, 1 - 0.8 / 1.2, 1 - 0.8 / 1.35, 1 - 0.8 / 1.45, 1 - 0.8 / 1.55]);
export const GRAIN = 0;
export const LIVESTOCK = 1;
export const PRODUCTS = 5;

const REGISTERED_NOT_EXITED = S_REGISTERED;

/**
 * Step 5b, household production (first household pass). Each household draws illness (likelier
 * with fewer doctors and more elders; cost net of insurance and, for registered or monitored
 * households, medical assistance) and schooling costs; splits its labour, scaled by health and
 * drive, between its own farm and local wage work (found at the county's job rate); and
 * produces its product: labour on land with the village's ecology, irrigation and the
 * household's human capital, plus the return on its productive assets, which is higher above
 * the household's own asset threshold (Carter and Barrett 2006). A disaster in the village
 * destroys part of the output. Supply is summed per product for the market.
 */
export function produce(w: World): void {
  const p = w.params;
  const h = w.households;
  const k = w.county;
  const v = w.villages;
  const L = w.levers;
  const m = w.markets;
  const nC = k.count;
  const tables = w.tables;
  const hcGain = tables.hcGain;
  const labourPow = tables.labourPow;
  const look = lookup;
  const hcBins = HC_BINS;
  const labourStep = LABOUR_BINS / LABOUR_MAX;
  // Columns hoisted into locals: a property lookup per use is costly in the hot loop.
  const kHealthQuality = k.healthQuality;
  const kJobRate = k.jobRate;
  const kThresholdFactor = k.thresholdFactor;
  const lMedicalReimbursement = L.medicalReimbursement;
  const lRelocationEmployment = L.relocationEmployment;
  const lYears12 = L.years12;
  const vDisaster = v.disaster;
  const vEco = v.eco;
  const vTerrain = v.terrain;
  const mCountySupply = m.countySupply;
  const { kids, youth, adults, elders, status, health, drive, land, landFactor, assets, ability, humanCapital, industry, village, county, homeCounty, integration } = h;
  const output = h.output;
  const shockCost = h.shockCost;
  const wageLabour = h.wageLabour;
  const illnessBase = p['household.illnessProbability'];
  const illnessCost = p['household.illnessCost'];
  const insured = p['macro.medicalInsurance'];
  const schoolCost = p['household.schoolCost'];
  const farmProductivity = p['household.farmProductivity'];
  const rHigh = p['household.assetReturnHigh'];
  const rLow = p['household.assetReturnLow'];
  const afterDisaster = 1 - p['ecology.disasterLoss'];
  // A module constant read in a ternary with a float32 element made V8 box the result as a heap
  // number for every household (a tagged phi); a local double keeps it unboxed.
  const noLand = +NO_LAND;
  const supply = m.supply;
  supply.fill(0);
  mCountySupply.fill(0);
  // The households' streams, each held for a run of its county below (rng.ts RunStream: the same
  // numbers as w.rng.households[c]()).
  const rs = w.rng.households.states;
  const scale = w.scale;
  // Per-county factors of the year: output scale for grain and for specialty products (irrigation,
  // market access by road), and the asset threshold (roads and irrigation lower it).
  const acc = w.scratch.accumulators;
  acc.fill(0);
  for (let c = 0; c < nC; c++) {
    const irrigation = 0.75 + 0.25 * k.irrigation[c];
    acc[c * 4] = farmProductivity * irrigation * (0.9 + 0.1 * k.transport[c]);
    acc[c * 4 + 1] = farmProductivity * irrigation * (0.55 + 0.45 * k.transport[c]);
    kThresholdFactor[c] = 1.6 - (k.transport[c] + k.irrigation[c] + k.water[c]) / 3;
  }
  const inverseThreshold = inverseThresholds(w);
  // Sums by county: job seekers, asset output, public medical and schooling costs.
  const sums = w.scratch.perCounty;
  const seekerSum = sums[0];
  const assetSum = sums[1];
  const medicalSum = sums[2];
  const schoolingSum = sums[3];
  seekerSum.fill(0);
  assetSum.fill(0);
  medicalSum.fill(0);
  schoolingSum.fill(0);

  // In runs of one county, as in householdYear: the county's columns read once per run, its sums
  // gathered in locals (the same sums: each county's accumulators start from zero).
  const count = h.count;
  let i = 0;
  while (i < count) {
    const c = county[i];
    const o = c * ALEA_STATE;
    const doctorsTerm = 1.6 - 0.6 * kHealthQuality[c];
    const reimbursement = lMedicalReimbursement[c];
    const years12 = lYears12[c] > 0;
    const jobRate = kJobRate[c];
    const grainScale = acc[c * 4];
    const specialtyScale = acc[c * 4 + 1];
    const inverse = inverseThreshold[c];
    const supplyRow = c * PRODUCTS;
    let sSeekers = 0;
    let sAssets = 0;
    let sMedical = 0;
    let sSchooling = 0;
    const g = loadStream(rs, o);
    for (; i < count; i++) {
      const st = status[i];
      if ((st & S_ALIVE) === 0) continue;
      if (county[i] !== c) break;
      const ne = elders[i];
      const n = kids[i] + youth[i] + adults[i] + ne;
      if (n === 0) {
        status[i] = st & ~S_ALIVE;
        continue;
      }
      const u = drawFrom(g);
      // Illness: likelier with fewer doctors in post and more elders.
      const pIll = illnessBase * (1 + (0.8 * ne) / n) * doctorsTerm;
      let cost = 0;
      const h0 = health[i];
      let hl = h0 + 0.15 * (1 - h0);
      if (u < pIll) {
        hl -= 0.3;
        const helped = (st & (REGISTERED_NOT_EXITED | S_MONITORED)) !== 0 ? reimbursement : 0;
        const share = 1 - insured - helped;
        cost = share > 0 ? illnessCost * share : 0;
        sMedical += illnessCost * helped;
      }
      hl = hl < 0.2 ? 0.2 : hl > 1 ? 1 : hl;
      health[i] = hl;
      // Upper-secondary school costs, unless 12-year free schooling is on (then a public cost).
      const upper = kids[i] * 0.25 * schoolCost;
      if (years12) sSchooling += upper;
      else cost += upper;
      shockCost[i] = cost;

      const workers = youth[i] + adults[i] + 0.4 * ne;
      const effort = workers * (0.55 + 0.45 * hl) * (0.5 + 0.5 * drive[i]);
      const relocated = (st & S_RELOCATED) !== 0;
      const seek = relocated ? 0.9 : 0.3 + 1.5 / (5 + land[i]);
      let jobChance = jobRate;
      if (relocated) {
        // Newcomers without networks find work less easily until integrated; employment support
        // (from their home county's programme) places them in jobs.
        if (lRelocationEmployment[homeCounty[i]] > 0) jobChance = Math.min(1, jobChance + 0.35);
        else jobChance *= 0.3 + 0.7 * integration[i];
      }
      const seekers = effort * seek;
      const wl = seekers * jobChance;
      wageLabour[i] = wl;
      sSeekers += seekers;
      const farmLabour = effort - wl;

      const vi = village[i];
      const ind = industry[i];
      const ecoFactor = 0.35 + 0.65 * vEco[vi];
      const countyScale = ind === GRAIN ? grainScale : specialtyScale;
      let q = countyScale * look(labourPow, farmLabour, labourStep) * (relocated ? noLand : landFactor[i]) * ecoFactor *
        look(hcGain, humanCapital[i], hcBins) * PRODUCT_YIELD[ind] * SUITABILITY[vTerrain[vi] * PRODUCTS + ind];
      const as = assets[i];
      const fromAssets = assetIncomeAt(as, as * ability[i] * inverse, rHigh, rLow) * ecoFactor;
      q += fromAssets;
      sAssets += fromAssets;
      if (vDisaster[vi]) q *= afterDisaster;
      output[i] = q;
      supply[ind] += q * scale;
      mCountySupply[supplyRow + ind] += q * scale;
    }
    storeStream(rs, o, g);
    seekerSum[c] += sSeekers;
    assetSum[c] += sAssets;
    medicalSum[c] += sMedical;
    schoolingSum[c] += sSchooling;
  }
  for (let c = 0; c < nC; c++) {
    k.seekerLabour[c] = seekerSum[c];
    k.jobSeekers[c] = seekerSum[c] * scale;
    k.assetOutput[c] = assetSum[c] * scale;
    if (medicalSum[c] > 0) addCost(w, LEVER_INDEX.medicalAssistance, c, medicalSum[c] * scale);
    if (schoolingSum[c] > 0) addCost(w, LEVER_INDEX.education, c, schoolingSum[c] * scale);
  }
}

/** Land factor of a household with land: (land / 5 + 0.02)^0.35; relocated households farm none. */
export function landFactorOf(land: number): number {
  return Math.pow(land / 5 + 0.02, 0.35);
}
const NO_LAND = landFactorOf(0);

/** 1 / the asset threshold of a household of ability 1, by county (grown with the world). */
let inverseThresholdOf = new Float64Array(0);

/**
 * The county part of each household's asset threshold, inverted: a household's threshold is
 * household.assetThreshold x thresholdFactor / ability, so assets / threshold is
 * assets x ability x this (no division in the household loops). Reads thresholdFactor, which
 * produce() sets each year; householdYear() reads the same values.
 */
export function inverseThresholds(w: World): Float64Array {
  const n = w.county.count;
  if (inverseThresholdOf.length < n) inverseThresholdOf = new Float64Array(n);
  const threshold = w.params['household.assetThreshold'];
  for (let c = 0; c < n; c++) inverseThresholdOf[c] = 1 / (threshold * w.county.thresholdFactor[c]);
  return inverseThresholdOf;
}

/**
 * Yearly return on productive assets: the traditional technology earns rLow on every yuan;
 * above the household's own threshold the improved technology earns rHigh on the threshold and
 * diminishing returns beyond it, rHigh x threshold x (assets / threshold)^0.6, which is
 * rHigh x assets x (assets / threshold)^-0.4 (tabulated: tables.ts assetPow), so accumulation
 * stops where the marginal return falls to the outside rate (Carter and Barrett 2006).
 */
export function assetIncome(assets: number, threshold: number, rHigh: number, rLow: number): number {
  return assetIncomeAt(assets, assets / threshold, rHigh, rLow);
}

/** Marginal return on one more yuan of assets (see assetIncome): 0.6 rHigh (assets / threshold)^-0.4 above it. */
export function marginalAssetReturn(assets: number, threshold: number, rHigh: number, rLow: number): number {
  return marginalAssetReturnAt(assets / threshold, rHigh, rLow);
}

/**
 * assetIncome with the ratio r = assets / threshold given (the household loops compute it as
 * assets x ability x inverseThresholds(w)[county], without a division).
 */
export function assetIncomeAt(assets: number, r: number, rHigh: number, rLow: number): number {
  return r < 1 ? assets * rLow : rHigh * assets * assetPow(r);
}

/** marginalAssetReturn with the ratio r = assets / threshold given. */
export function marginalAssetReturnAt(r: number, rHigh: number, rLow: number): number {
  return r < 1 ? rLow : 0.6 * rHigh * assetPow(r);
}

/**
 * Step 6, markets: the region's supply of each specialty product meets outside demand that
 * grows slowly; the price falls when supply outruns demand (constant elasticity), so herding
 * into one product collapses its price (一拥而上 → 市场风险). Grain is priced nationally.
 * Prices respond to this year's supply, which households chose from last year's profits: a
 * cobweb (Hommes 1994).
 */
export function clearMarkets(w: World): void {
  const m = w.markets;
  const inv = 1 / w.params['market.priceElasticity'];
  for (let j = 0; j < PRODUCTS; j++) {
    if (j === GRAIN || m.demand[j] <= 0) {
      m.price[j] = 1;
      continue;
    }
    const ratio = m.supply[j] / m.demand[j];
    const price = ratio > 0 ? Math.pow(ratio, -inv) : 3;
    m.price[j] = price < 0.2 ? 0.2 : price > 3 ? 3 : price;
  }
}

/** Sets outside demand equal to current supply (prices at 1): done once after spin-up. */
export function anchorDemand(w: World): void {
  const m = w.markets;
  for (let j = 0; j < PRODUCTS; j++) m.demand[j] = m.supply[j];
}

/** Grows outside demand by a year. */
export function growDemand(w: World): void {
  const g = 1 + w.params['market.demandGrowth'];
  for (let j = 0; j < PRODUCTS; j++) w.markets.demand[j] *= g;
}
