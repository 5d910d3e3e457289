import { describe, expect, it } from 'vitest';
import { STATUS } from '../../../src/model/state/households';
import type { World } from '../../../src/model/state/world';
import {
  anchorDemand, assetIncome, clearMarkets, growDemand, INPUT_COST, marginalAssetReturn, produce, PRODUCT_YIELD, SUITABILITY,
} from '../../../src/model/systems/production';
import { binomialSe, expectClose, type HouseholdValues, setCounty, setHouseholds, setLevers, tinyWorld, costOf } from '../../helpers/world';

describe('clearMarkets: price = (supply / demand)^(-1 / elasticity), clamped to [0.2, 3]', () => {
  function prices(supply: number[], demand: number[], params: Record<string, number> = {}): number[] {
    const w = tinyWorld({ params });
    w.markets.supply.set(supply);
    w.markets.demand.set(demand);
    clearMarkets(w);
    return Array.from(w.markets.price);
  }

  it('default elasticity 1.2: double supply gives 2^(-1/1.2); equal supply gives 1', () => {
    const p = prices([50, 200, 100, 100, 100], [100, 100, 100, 100, 100]);
    expectClose(p[1], 2 ** (-1 / 1.2));
    expectClose(p[2], 1);
    expectClose(p[1], 0.5612310241546865);
  });

  it('grain is priced nationally: always 1, whatever its supply', () => {
    expect(prices([1e9, 100, 100, 100, 100], [1, 100, 100, 100, 100])[0]).toBe(1);
    expect(prices([0, 100, 100, 100, 100], [1e9, 100, 100, 100, 100])[0]).toBe(1);
  });

  it('elasticity 2 (set through the scenario params): 4x supply halves the price; 1/4 doubles it', () => {
    const p = prices([1, 400, 25, 100, 100], [1, 100, 100, 100, 100], { 'market.priceElasticity': 2 });
    expectClose(p[1], 0.5);
    expectClose(p[2], 2);
  });

  it('herding collapses the price to the floor 0.2; scarcity hits the ceiling 3; no supply gives 3', () => {
    const p = prices([1, 1e6, 0.01, 0, 100], [1, 100, 100, 100, 100]);
    expect(p[1]).toBe(0.2);
    expect(p[2]).toBe(3);
    expect(p[3]).toBe(3);
  });

  it('a product without outside demand is priced 1', () => {
    expect(prices([1, 100, 100, 100, 100], [1, 0, 100, 100, 100])[1]).toBe(1);
  });

  it('anchorDemand sets demand to supply (prices 1), growDemand grows it by 3% a year', () => {
    const w = tinyWorld();
    w.markets.supply.set([10, 20, 30, 40, 50]);
    anchorDemand(w);
    clearMarkets(w);
    expect(Array.from(w.markets.price)).toEqual([1, 1, 1, 1, 1]);
    growDemand(w);
    expectClose(w.markets.demand[3], 40 * 1.03);
    clearMarkets(w);
    expectClose(w.markets.price[3], (1 / 1.03) ** (-1 / 1.2));
  });
});

describe('assetIncome and marginalAssetReturn (Carter-Barrett threshold)', () => {
  const T = 10_000;
  const rH = 0.18;
  const rL = 0.06;

  it('below the threshold every yuan earns the low return', () => {
    expectClose(assetIncome(0, T, rH, rL), 0);
    expectClose(assetIncome(5000, T, rH, rL), 300);
    expectClose(assetIncome(9999, T, rH, rL), 599.94);
    expect(marginalAssetReturn(5000, T, rH, rL)).toBe(rL);
  });

  it('at the threshold income jumps to rHigh * threshold (600 -> 1800)', () => {
    expectClose(assetIncome(T, T, rH, rL), 1800);
    expect(assetIncome(T, T, rH, rL) - assetIncome(T - 1e-6, T, rH, rL)).toBeGreaterThan(1199);
  });

  it('above it: rHigh * T * (a / T)^0.6, e.g. 4x the threshold earns 1800 * 4^0.6', () => {
    expectClose(assetIncome(4 * T, T, rH, rL), 1800 * 4 ** 0.6);
    expectClose(marginalAssetReturn(4 * T, T, rH, rL), 0.6 * 0.18 * 4 ** -0.4);
  });

  it('above the threshold the marginal return is the derivative of income (central difference, 1e-6)', () => {
    for (const a of [1.5 * T, 3 * T, 20 * T]) {
      const h = 1;
      const fd = (assetIncome(a + h, T, rH, rL) - assetIncome(a - h, T, rH, rL)) / (2 * h);
      expectClose(marginalAssetReturn(a, T, rH, rL), fd, 1e-6);
    }
  });

  it('accumulation stops where the marginal return equals the outside rate: a* = T (0.6 rHigh / r)^(1/0.4)', () => {
    const r = 0.05;
    const aStar = T * ((0.6 * rH) / r) ** 2.5;
    expectClose(marginalAssetReturn(aStar, T, rH, rL), r);
    expect(marginalAssetReturn(aStar * 1.1, T, rH, rL)).toBeLessThan(r);
    expect(marginalAssetReturn(aStar * 0.9, T, rH, rL)).toBeGreaterThan(r);
  });
});

/** labour^0.8 and e^(mincer HC) are read from tables with relative error below 1e-4 (systems/tables.ts). */
const TABLE_TOL = 1e-4;

/**
 * One plain-village household of two adults (full health and drive), 5 mu of grain, no assets,
 * ecology 1, full infrastructure, no job chance; illness switched off.
 */
function productionWorld(row: Partial<HouseholdValues> = {}, params: Record<string, number> = { 'household.illnessProbability': 0 }): World {
  const w = tinyWorld({ params });
  const v = w.villages;
  v.terrain[0] = 2;
  v.eco[0] = 1;
  v.disaster[0] = 0;
  setCounty(w, 0, { transport: 1, irrigation: 1, water: 1, jobRate: 0, healthQuality: 1, interventionCost: 0 });
  setHouseholds(w, [{ village: 0, ...row }]);
  return w;
}

describe('produce: one household', () => {
  // 10,000 * labour^0.8 * (land/5 + 0.02)^0.35 * eco factor 1 * irrigation 1 * e^(0.7 * 0) * yield 1 * suitability 1.2 * access 1
  const base = 10_000 * 2 ** 0.8 * 1.02 ** 0.35 * 1.2;

  it('grain output from labour and land: 10000 * 2^0.8 * 1.02^0.35 * 1.2', () => {
    const w = productionWorld();
    produce(w);
    expectClose(w.households.output[0], base, TABLE_TOL);
    expectClose(w.markets.supply[0], base, TABLE_TOL);
    expectClose(w.markets.countySupply[0], base, TABLE_TOL);
    expect(w.households.shockCost[0]).toBe(0);
    expect(w.households.wageLabour[0]).toBe(0);
    // Job seekers: effort 2 * seek share (0.3 + 0.3 * 5 / 10) = 0.9.
    expectClose(w.county.jobSeekers[0], 0.9);
  });

  it('a disaster takes 40% of output', () => {
    const w = productionWorld();
    w.villages.disaster[0] = 1;
    produce(w);
    expectClose(w.households.output[0], base * 0.6, TABLE_TOL);
  });

  it('wage work takes labour off the farm: job rate 0.5 sends 0.45 worker-years to wage work', () => {
    const w = productionWorld();
    setCounty(w, 0, { jobRate: 0.5 });
    produce(w);
    expectClose(w.households.wageLabour[0], 0.45, 1e-7); // Float32 storage
    expectClose(w.households.output[0], 10_000 * 1.55 ** 0.8 * 1.02 ** 0.35 * 1.2, TABLE_TOL);
  });

  it('ecology, human capital, product and access enter multiplicatively', () => {
    // Herbs (4) on a mountain village: yield 1.55, suitability 1.1; access 0.55 + 0.45 * 0.5;
    // eco 0.5 -> 0.35 + 0.65 * 0.5; irrigation 0.5 -> 0.875; HC 0.5 -> e^0.35.
    const w = productionWorld({ industry: 4, humanCapital: 0.5 });
    w.villages.terrain[0] = 0;
    w.villages.eco[0] = 0.5;
    setCounty(w, 0, { transport: 0.5, irrigation: 0.5 });
    produce(w);
    const expected = 10_000 * 2 ** 0.8 * 1.02 ** 0.35 * 0.675 * 0.875 * Math.exp(0.35) * PRODUCT_YIELD[4] * SUITABILITY[0 * 5 + 4] * (0.55 + 0.225);
    expectClose(w.households.output[0], expected, TABLE_TOL);
    expect(PRODUCT_YIELD[4]).toBe(1.55);
    expect(SUITABILITY[4]).toBe(1.1);
  });

  it('assets above the threshold earn the high return: threshold 12000 * (1.6 - infra 1) / ability 1 = 7200', () => {
    const w = productionWorld({ assets: 20_000 });
    produce(w);
    expectClose(w.county.thresholdFactor[0], 0.6);
    const fromAssets = 0.18 * 7200 * (20_000 / 7200) ** 0.6;
    expectClose(w.households.output[0], base + fromAssets, TABLE_TOL);
    expectClose(w.county.assetOutput[0], fromAssets, TABLE_TOL);
  });

  it('assets below the threshold earn 6%: 5000 -> 300 yuan (ability 0.5 doubles the threshold)', () => {
    const w = productionWorld({ assets: 5000, ability: 0.5 });
    setCounty(w, 0, { transport: 0, irrigation: 1, water: 1 });
    produce(w);
    // thresholdFactor = 1.6 - 2/3; threshold = 12000 * 0.9333 / 0.5 = 22,400 > 5000.
    expectClose(w.county.assetOutput[0], 300, 1e-9);
  });

  it('a relocated household farms no land: only the 0.02 floor of land remains', () => {
    const w = productionWorld({ status: STATUS.alive | STATUS.relocated });
    produce(w);
    // Relocated: seeks work with 0.9 of effort; no jobs -> all 2 worker-years on the farm.
    expectClose(w.households.output[0], 10_000 * 2 ** 0.8 * 0.02 ** 0.35 * 1.2, TABLE_TOL);
  });

  it('relocated households seek work with 0.9 of their effort and get +0.35 job chance from their HOME county\'s employment support', () => {
    // Living at the plain county's site (county 1), from county 0; effort 2 (full health and drive);
    // job rate 0.2 in both counties.
    const jobs = (supportIn: number[], jobRate = 0.2) => {
      const w = tinyWorld({ params: { 'household.illnessProbability': 0 }, counties: [{ id: 'm' }, { id: 'p', terrain: 'plain' }] });
      for (let c = 0; c < 2; c++) setCounty(w, c, { jobRate, healthQuality: 1 });
      setHouseholds(w, [{ county: 1, homeCounty: 0, village: w.siteVillage[1], homeVillage: 0, status: STATUS.alive | STATUS.relocated }]);
      for (const c of supportIn) setLevers(w, c, { relocationEmployment: 1 });
      produce(w);
      expectClose(w.county.jobSeekers[1], 1.8, 1e-12);
      return w.households.wageLabour[0];
    };
    expectClose(jobs([0]), 1.8 * 0.55, 1e-7);
    expectClose(jobs([1]), 1.8 * 0.2, 1e-7);
    expectClose(jobs([]), 1.8 * 0.2, 1e-7);
    expectClose(jobs([0, 1]), 1.8 * 0.55, 1e-7);
    // The job chance is capped at 1: 0.8 + 0.35 -> 1.
    expectClose(jobs([0], 0.8), 1.8, 1e-7);
  });

  it('employment support does nothing for households that were not relocated', () => {
    const w = productionWorld();
    setCounty(w, 0, { jobRate: 0.2 });
    setLevers(w, 0, { relocationEmployment: 1 });
    produce(w);
    // Effort 2, seek share 0.3 + 1.5 / (5 + 5) = 0.45, job rate 0.2.
    expectClose(w.households.wageLabour[0], 2 * 0.45 * 0.2, 1e-7);
  });

  it('a household with no members is marked dead and produces nothing', () => {
    const w = productionWorld({ adults: 0 });
    produce(w);
    expect(w.households.status[0] & STATUS.alive).toBe(0);
    expect(w.markets.supply[0]).toBe(0);
  });

  it('upper-secondary school cost: 0.25 of the kids at 1800 yuan each, unless 12-year schooling is on', () => {
    const w = productionWorld({ kids: 4 });
    produce(w);
    expectClose(w.households.shockCost[0], 4 * 0.25 * 1800);
    const free = productionWorld({ kids: 4 });
    setLevers(free, 0, { years12: 1 });
    produce(free);
    expect(free.households.shockCost[0]).toBe(0);
    expectClose(costOf(free, 0), 1800);
  });

  it('certain illness (p = 0.5 * 1.8 * 1.6 > 1): cost 9000 * (1 - 0.45 - reimbursement) for a registered household', () => {
    // Two elders only: (1 + 0.8 * 2 / 2) = 1.8; health quality 0 -> 1.6.
    const row = { adults: 0, elders: 2, health: 0.8, status: STATUS.alive | STATUS.registered };
    const w = productionWorld(row, { 'household.illnessProbability': 0.5 });
    setCounty(w, 0, { healthQuality: 0 });
    setLevers(w, 0, { medicalReimbursement: 0.4 });
    produce(w);
    expectClose(w.households.shockCost[0], 9000 * 0.15);
    expectClose(costOf(w, 0), 9000 * 0.4);
    // Health recovers 15% of the gap, then falls 0.3: 0.8 + 0.03 - 0.3.
    expectClose(w.households.health[0], 0.53, 1e-6);
    // Not registered: no medical assistance.
    const plain = productionWorld({ ...row, status: STATUS.alive }, { 'household.illnessProbability': 0.5 });
    setCounty(plain, 0, { healthQuality: 0 });
    setLevers(plain, 0, { medicalReimbursement: 0.4 });
    produce(plain);
    expectClose(plain.households.shockCost[0], 9000 * 0.55);
  });

  it('input costs give equal net value per worker across products at average suitability', () => {
    for (let j = 1; j < 5; j++) expectClose(PRODUCT_YIELD[j] * (1 - INPUT_COST[j]), 0.8, 1e-12);
    expectClose(1 - INPUT_COST[0], 0.8, 1e-12);
  });
});

describe('produce: illness frequency (moments, seed 5)', () => {
  it('p = 0.09 * (1 + 0.8 elders/n) * (1.6 - 0.6 health quality) matches over 4e4 household-years within 3 SE', () => {
    // County 0: two adults, health quality 1 -> 0.09. County 1: adult + elder, health quality 0 -> 0.09 * 1.4 * 1.6.
    const w = tinyWorld({ seed: 5, counties: [{ households: 100 }, { households: 100 }] });
    const rows: Partial<HouseholdValues>[] = [];
    for (let i = 0; i < 100; i++) rows.push({ county: 0, adults: 2 });
    for (let i = 0; i < 100; i++) rows.push({ county: 1, adults: 1, elders: 1 });
    setHouseholds(w, rows);
    setCounty(w, 0, { healthQuality: 1 });
    setCounty(w, 1, { healthQuality: 0 });
    const expected = [0.09, 0.09 * 1.4 * 1.6];
    const ill = [0, 0];
    const reps = 200;
    for (let r = 0; r < reps; r++) {
      produce(w);
      for (let i = 0; i < 200; i++) if (w.households.shockCost[i] > 0) ill[w.households.county[i]]++;
    }
    for (let c = 0; c < 2; c++) {
      const n = 100 * reps;
      expect(Math.abs(ill[c] / n - expected[c]), `county ${c}`).toBeLessThan(3 * binomialSe(expected[c], n));
    }
  });
});
