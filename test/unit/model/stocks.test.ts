import { describe, expect, it } from 'vitest';
import type { World } from '../../../src/model/state/world';
import { drawVillageShocks, updateStocks } from '../../../src/model/systems/stocks';
import { PARAM_BY_KEY } from '../../../src/model/params/registry';
import { spinUp } from '../../../src/model/step';
import { binomialSe, expectClose, setCounty, setLevers, tinyWorld, costOf } from '../../helpers/world';

/**
 * Infrastructure costs 4e8 yuan per index point at 100,000 residents, times (1 + relief / 2000)
 * for the county's relief (0 here unless a test says otherwise); depreciation 0.02 a year of the
 * level (PINNED_PARAMS), applied at full rate.
 */
function infraWorld(residents: number, relief = 0, params: Record<string, number> = {}): World {
  const w = tinyWorld({ counties: [{ relief }], params });
  expect(w.counties[0].relief).toBe(relief);
  setCounty(w, 0, {
    residents, transport: 0.5, irrigation: 0.5, water: 0.5, infraSpending: 0, povertySpending: 0, tourismCapital: 0, interventionCost: 0,
  });
  return w;
}

describe('updateStocks: infrastructure', () => {
  it('the registry default of infrastructure.depreciation is 0.02 a year', () => {
    expect(PARAM_BY_KEY.get('infrastructure.depreciation')!.default).toBe(0.02);
  });

  it('no investment: each index decays by depreciation (0.02) of its level (0.5 -> 0.49)', () => {
    const w = infraWorld(1e5);
    updateStocks(w);
    expectClose(w.county.transport[0], 0.5 - 0.02 * 0.5);
    expectClose(w.county.irrigation[0], 0.49);
    expectClose(w.county.water[0], 0.49);
  });

  it('depreciation applies at its full rate: 0.1 takes 0.5 to 0.45 (not 0.475)', () => {
    const w = infraWorld(1e5, 0, { 'infrastructure.depreciation': 0.1 });
    updateStocks(w);
    expectClose(w.county.transport[0], 0.45);
    expectClose(w.county.irrigation[0], 0.45);
    expectClose(w.county.water[0], 0.45);
  });

  it('a transport lever of 4e7 yuan at 100k residents adds 0.1 * (1 - 0.5) = 0.05, minus decay: 0.54', () => {
    const w = infraWorld(1e5);
    setLevers(w, 0, { transportSpend: 4e7 });
    updateStocks(w);
    expectClose(w.county.transport[0], 0.54);
    expectClose(w.county.irrigation[0], 0.49);
    expectClose(costOf(w, 0), 4e7);
  });

  it('the cost per point scales with residents, floored at 0.2 of 100k (1,000 residents cost as 20,000)', () => {
    const w = infraWorld(1000);
    setLevers(w, 0, { irrigationSpend: 8e6 });
    updateStocks(w);
    // 8e6 / (4e8 * 0.2) = 0.1 -> 0.5 + 0.1 * 0.5 - 0.01
    expectClose(w.county.irrigation[0], 0.54);
    const big = infraWorld(3e5);
    setLevers(big, 0, { waterSpend: 1.2e8 });
    updateStocks(big);
    // 1.2e8 / (4e8 * 3) = 0.1
    expectClose(big.county.water[0], 0.54);
  });

  it('rugged terrain costs more: relief 1000 m multiplies the unit cost by 1 + 1000 / 2000 = 1.5', () => {
    const w = infraWorld(1e5, 1000);
    setLevers(w, 0, { transportSpend: 6e7, irrigationSpend: 4e7 });
    updateStocks(w);
    // 6e7 / (4e8 * 1.5) = 0.1 -> 0.54; 4e7 / 6e8 = 1/15 -> 0.5 + 0.5 / 15 - 0.01.
    expectClose(w.county.transport[0], 0.54);
    expectClose(w.county.irrigation[0], 0.5 + 0.5 / 15 - 0.01);
    // The lever's cost is the money spent, not the points bought.
    expectClose(costOf(w, 0), 1e8);
  });

  it('earmarked infrastructure spending is split by gaps: equal gaps get a third each', () => {
    const w = infraWorld(1e5);
    setCounty(w, 0, { infraSpending: 1.2e8 });
    updateStocks(w);
    // Each gets 4e7 -> +0.05 - 0.01.
    expectClose(w.county.transport[0], 0.54, 1e-8);
    expectClose(w.county.irrigation[0], 0.54, 1e-8);
    expectClose(w.county.water[0], 0.54, 1e-8);
    // Earmarked money is not a lever cost.
    expect(costOf(w, 0)).toBe(0);
  });

  it('unequal gaps: a complete stock gets nothing, the others share by their gaps', () => {
    const w = infraWorld(1e5);
    setCounty(w, 0, { transport: 1, irrigation: 0.5, water: 0, infraSpending: 6e7 });
    updateStocks(w);
    // gaps 0 + 0.5 + 1 = 1.5: irrigation gets 2e7 (0.05 of a point), water 4e7 (0.1).
    expectClose(w.county.transport[0], 1 - 0.02, 1e-8);
    expectClose(w.county.irrigation[0], 0.5 + 0.05 * 0.5 - 0.01, 1e-8);
    expectClose(w.county.water[0], 0 + 0.1 * 1 - 0, 1e-8);
  });

  it('village poverty projects: a quarter of poverty spending each builds irrigation and water (1.6e8 -> 4e7 each), not transport', () => {
    const w = infraWorld(1e5);
    setCounty(w, 0, { povertySpending: 1.6e8, supportedPeople: 100 });
    updateStocks(w);
    expectClose(w.county.transport[0], 0.49);
    expectClose(w.county.irrigation[0], 0.54);
    expectClose(w.county.water[0], 0.54);
    // Earmarked poverty money, not a lever: no cost booked.
    expect(costOf(w, 0)).toBe(0);
  });

  it('village projects add to a lever of the same kind: 2e7 of irrigation lever + 0.25 * 8e7 = 4e7 -> 0.54', () => {
    const w = infraWorld(1e5);
    setCounty(w, 0, { povertySpending: 8e7, supportedPeople: 100 });
    setLevers(w, 0, { irrigationSpend: 2e7 });
    updateStocks(w);
    expectClose(w.county.irrigation[0], 0.54);
    expectClose(w.county.water[0], 0.5 + 0.05 * 0.5 - 0.01);
    expectClose(costOf(w, 0), 2e7);
  });

  it('with nobody supported, all of the village projects build irrigation and water (8e7 -> 4e7 each)', () => {
    const w = infraWorld(1e5);
    setCounty(w, 0, { povertySpending: 8e7, supportedPeople: 0 });
    updateStocks(w);
    expectClose(w.county.irrigation[0], 0.54);
    expectClose(w.county.water[0], 0.54);
  });

  it('indexes stay in [0, 1] under a huge investment', () => {
    const w = infraWorld(1e5);
    setLevers(w, 0, { transportSpend: 1e10 });
    updateStocks(w);
    expect(w.county.transport[0]).toBe(1);
  });

  it('tourism capital depreciates at 8% and grows by the eco-tourism lever, which is a cost', () => {
    const w = infraWorld(1e5);
    setCounty(w, 0, { tourismCapital: 1e6 });
    setLevers(w, 0, { ecoTourism: 5e5 });
    updateStocks(w);
    expectClose(w.county.tourismCapital[0], 1e6 * 0.92 + 5e5);
    expectClose(costOf(w, 0), 5e5);
  });
});

/**
 * Ecology of one village: eco 0.4, ceiling 0.6, regrowth 0.06, so regrowth = 0.06 * 0.4 * (1 - 0.4/0.6)
 * = 0.008, and the wear that balances it at the reference load is the same 0.008.
 */
function ecoWorld(o: { load: number; momentum?: number; eco?: number }): World {
  const w = tinyWorld();
  const v = w.villages;
  const j = 0;
  v.eco[j] = o.eco ?? 0.4;
  v.ecoStart[j] = 0.4;
  v.ecoCeiling[j] = 0.6;
  v.balance[j] = 0.06 * 0.4 * (1 - 0.4 / 0.6);
  v.refLoad[j] = 100;
  v.load[j] = o.load;
  setCounty(w, 0, { growthMomentum: o.momentum ?? 0 });
  return w;
}

describe('updateStocks: ecology', () => {
  it('balanced at the reference load: no change when load = reference and ecology at its start level', () => {
    const w = ecoWorld({ load: 100 });
    updateStocks(w);
    expectClose(w.villages.eco[0], 0.4, 1e-12);
  });

  it('the balance holds in the spun-up world: every farming village unchanged after a step at reference load', () => {
    const w = tinyWorld({ counties: [{ villages: 6 }] });
    const v = w.villages;
    v.load.set(v.refLoad);
    v.eco.set(v.ecoStart);
    setCounty(w, 0, { growthMomentum: 0 });
    const before = Array.from(v.eco);
    updateStocks(w);
    for (let j = 0; j < v.count; j++) expectClose(v.eco[j], before[j], 1e-12, `village ${j}`);
  });

  it('double load wears 4x (pressure elasticity 2): 0.4 + 0.008 - 0.032 = 0.376', () => {
    const w = ecoWorld({ load: 200 });
    updateStocks(w);
    expectClose(w.villages.eco[0], 0.376);
  });

  it('half load wears 1/4: 0.4 + 0.008 - 0.002 = 0.406', () => {
    const w = ecoWorld({ load: 50 });
    updateStocks(w);
    expectClose(w.villages.eco[0], 0.406);
  });

  it('wear rises with load: ecology after a year falls strictly as load goes 0, 50, ..., 300', () => {
    let previous = Infinity;
    for (let load = 0; load <= 300; load += 50) {
      const w = ecoWorld({ load });
      updateStocks(w);
      expect(w.villages.eco[0]).toBeLessThan(previous);
      previous = w.villages.eco[0];
    }
  });

  it('falling momentum (-5%) adds land pressure: load factor 1 + 0.08 * 0.5 = 1.04', () => {
    const w = ecoWorld({ load: 100, momentum: -0.05 });
    updateStocks(w);
    expectClose(w.villages.eco[0], 0.4 + 0.008 - 0.008 * 1.04 ** 2);
  });

  it('rising momentum adds no pressure', () => {
    const w = ecoWorld({ load: 100, momentum: 0.05 });
    updateStocks(w);
    expectClose(w.villages.eco[0], 0.4, 1e-12);
  });

  it('ecological compensation of 1000 yuan cuts grazing to 0.7 and restores 2e-6 * 1000 * (1 - e)', () => {
    const w = ecoWorld({ load: 100 });
    setLevers(w, 0, { ecoCompensation: 1000 });
    updateStocks(w);
    expectClose(w.villages.eco[0], 0.4 + 0.008 - 0.008 * 0.49 + 0.002 * 0.6);
  });

  it('eco-ranger jobs restore 0.004 * (1 - e)', () => {
    const w = ecoWorld({ load: 100 });
    setLevers(w, 0, { ecoRangerJobs: 10 });
    updateStocks(w);
    expectClose(w.villages.eco[0], 0.4 + 0.004 * 0.6);
  });

  it('wear is proportional to the level relative to the start (e = 0.2: regrowth 0.06*0.2*(2/3), wear 0.008/2)', () => {
    const w = ecoWorld({ load: 100, eco: 0.2 });
    updateStocks(w);
    expectClose(w.villages.eco[0], 0.2 + 0.06 * 0.2 * (1 - 0.2 / 0.6) - 0.004);
  });

  it('resettlement sites are left alone', () => {
    const w = ecoWorld({ load: 1000 });
    const site = w.siteVillage[0];
    w.villages.eco[site] = 0.8;
    w.villages.load[site] = 1e6;
    updateStocks(w);
    expect(w.villages.eco[site]).toBe(0.8);
  });

  it('a village whose reference is not set yet (ecoStart 0, as during spin-up) does not change, whatever its load', () => {
    const w = ecoWorld({ load: 300, momentum: -0.2 });
    w.villages.ecoStart[0] = 0;
    updateStocks(w);
    expect(w.villages.eco[0]).toBe(0.4);
    // The same village with its reference set is worn down.
    const set = ecoWorld({ load: 300, momentum: -0.2 });
    updateStocks(set);
    expect(set.villages.eco[0]).toBeLessThan(0.4);
  });
});

describe('spinUp: ecology', () => {
  it('no village changes during spin-up; at its end ecoStart = eco, balance = 0.06 e (1 - e / ceiling), refLoad = load', () => {
    const w = tinyWorld({ counties: [{ villages: 5 }] });
    const v = w.villages;
    // Back to the state before any spin-up: no reference yet; chosen levels and ceilings.
    v.ecoStart.fill(0);
    v.balance.fill(0);
    v.refLoad.fill(0);
    const eco = Array.from({ length: v.count }, (_, j) => 0.2 + 0.1 * j);
    for (let j = 0; j < v.count; j++) {
      v.eco[j] = eco[j];
      v.ecoCeiling[j] = 0.95;
    }
    spinUp(w);
    for (let j = 0; j < v.count; j++) {
      expect(v.eco[j], `village ${j}`).toBe(eco[j]);
      expect(v.ecoStart[j], `village ${j}`).toBe(eco[j]);
      expectClose(v.balance[j], 0.06 * eco[j] * (1 - eco[j] / 0.95), 1e-15, `balance ${j}`);
      expect(v.refLoad[j], `village ${j}`).toBe(v.load[j]);
    }
    // The farming villages carry load after the household passes of spin-up.
    expect(v.refLoad[0] + v.refLoad[1]).toBeGreaterThan(0);
  });
});

describe('drawVillageShocks', () => {
  it('probability = base * (1 + 2 (1 - eco)) * (1 - 0.6 irrigation): frequency over 1.5e4 village-years within 3 SE (seed 11)', () => {
    // County 0: eco 0.5, irrigation 0.5 -> 0.06 * 2 * 0.7 = 0.084.
    // County 1: eco 1, irrigation 0 -> 0.06.  County 2: eco 0, irrigation 1 -> 0.06 * 3 * 0.4 = 0.072.
    const w = tinyWorld({ seed: 11, counties: [{ villages: 4 }, { villages: 4 }, { villages: 4 }] });
    const v = w.villages;
    const eco = [0.5, 1, 0];
    const irrigation = [0.5, 0, 1];
    for (let c = 0; c < 3; c++) setCounty(w, c, { irrigation: irrigation[c] });
    for (let j = 0; j < v.count; j++) v.eco[j] = eco[v.county[j]];
    const expected = [0.084, 0.06, 0.072];
    const hits = [0, 0, 0];
    const trials = [0, 0, 0];
    const years = 3000;
    for (let y = 0; y < years; y++) {
      drawVillageShocks(w);
      for (let j = 0; j < v.count; j++) {
        hits[v.county[j]] += v.disaster[j];
        trials[v.county[j]]++;
      }
    }
    for (let c = 0; c < 3; c++) {
      const rate = hits[c] / trials[c];
      expect(Math.abs(rate - expected[c]), `county ${c}: ${rate} vs ${expected[c]}`).toBeLessThan(3 * binomialSe(expected[c], trials[c]));
    }
  });

  it('disasters are drawn anew each year (0 or 1, never left over)', () => {
    const w = tinyWorld({ params: { 'ecology.disasterBase': 0 } });
    w.villages.disaster.fill(1);
    drawVillageShocks(w);
    expect(Array.from(w.villages.disaster).every((d) => d === 0)).toBe(true);
  });
});
