import { describe, expect, it } from 'vitest';
import type { World } from '../../../src/model/state/world';
import { drawVillageShocks, updateStocks } from '../../../src/model/systems/stocks';
import { binomialSe, expectClose, setCounty, setLevers, tinyWorld, costOf } from '../../helpers/world';

/** Infrastructure costs 4e8 yuan per index point at 100,000 residents; depreciation 0.04 (halved on the level). */
function infraWorld(residents: number): World {
  const w = tinyWorld();
  setCounty(w, 0, { residents, transport: 0.5, irrigation: 0.5, water: 0.5, infraSpending: 0, tourismCapital: 0, interventionCost: 0 });
  return w;
}

describe('updateStocks: infrastructure', () => {
  it('no investment: each index decays by depreciation/2 of its level (0.5 -> 0.49)', () => {
    const w = infraWorld(1e5);
    updateStocks(w);
    expectClose(w.county.transport[0], 0.5 - 0.04 * 0.5 * 0.5);
    expectClose(w.county.irrigation[0], 0.49);
    expectClose(w.county.water[0], 0.49);
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

  it('earmarked infrastructure spending is split by gaps: equal gaps get a third each', () => {
    const w = infraWorld(1e5);
    setCounty(w, 0, { infraSpending: 1.2e8 });
    updateStocks(w);
    // Each gets 4e7 -> +0.05 - 0.01.
    expectClose(w.county.transport[0], 0.54, 1e-8);
    expectClose(w.county.irrigation[0], 0.54, 1e-8);
    expectClose(w.county.water[0], 0.54, 1e-8);
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
