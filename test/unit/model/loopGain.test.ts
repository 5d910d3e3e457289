import { describe, expect, it } from 'vitest';
import type { World } from '../../../src/model/state/world';
import { estimateLoop } from '../../../src/model/systems/loopGain';
import { expectClose, setCounty, tinyWorld } from '../../helpers/world';

/**
 * A county without firm capital (so non-farm output and profits are 0 in every probe):
 * - link 1 (outflow -> accumulation): investment = household part * r + development, so its
 *   elasticity in r is household / (household + development);
 * - link 2 (accumulation -> momentum): output = farm * (1 + 0.8 * asset share * (f - 1)), elasticity 0.8 * asset share;
 * - link 3 (momentum -> attraction): jobs stay above seekers, so only momentum moves:
 *   ln attraction rises by 6 * 0.4 * output / previous output per unit of f;
 * - link 4 (attraction -> outflow): stayDerivative / leaveCount + inflowDerivative / inflowCount.
 */
function loopWorld(momentum: number): World {
  const w = tinyWorld();
  setCounty(w, 0, {
    capital: 0, jobs: 200, jobSeekers: 100, localWage: 10_000, productivity: 1,
    farmOutput: 1e6, assetOutput: 2e5, tourismOutput: 0, output: 1e6, growthMomentum: momentum, momentumSmoothed: 0.4 * momentum,
    householdLocalInvestment: 3e4, savingsFlow: 1e4, capitalOutflow: 4e3, developmentSpending: 1e4,
    stayDerivative: 2, leaveCount: 10, inflowDerivative: 1, inflowCount: 4, ecoMean: 0.5, attraction: 1,
    schoolQuality: 0.7, healthQuality: 0.7,
  });
  w.outsideWage = 20_000;
  return w;
}

describe('estimateLoop on a hand-built county', () => {
  it('each link and their product', () => {
    const w = loopWorld(0.05);
    estimateLoop(w);
    const k = w.county;
    const household = 3e4 + (1e4 - 4e3);
    const link1 = household / (household + 1e4 * 0.5);
    const link2 = 0.8 * (2e5 / (1e6 + 1));
    const link3 = 2.4 * 1.05;
    const link4 = 2 / 10 + 1 / 4;
    expectClose(k.linkOutflowAccumulation[0], link1, 1e-9);
    expectClose(k.linkAccumulationMomentum[0], link2, 1e-9);
    expectClose(k.linkMomentumAttraction[0], link3, 1e-9);
    expectClose(k.linkAttractionOutflow[0], link4, 1e-12);
    expectClose(k.loopGain[0], link1 * link2 * link3 * link4, 1e-9);
    expectClose(k.linkEcologyOutflow[0], 0.8 * 0.5 * link4, 1e-12);
    expect(k.linkMomentumEcology[0]).toBe(0);
  });

  it('falling momentum turns on the ecology link: pressure 2 * land pressure 0.08 * 10 = 1.6', () => {
    const w = loopWorld(-0.1);
    estimateLoop(w);
    expectClose(w.county.linkMomentumEcology[0], 1.6, 1e-12);
    expectClose(w.county.linkMomentumAttraction[0], 2.4 * 0.9, 1e-9);
  });

  it('no leavers and no inflow: link 4 and the loop gain are 0, not NaN', () => {
    const w = loopWorld(0);
    setCounty(w, 0, { leaveCount: 0, inflowCount: 0 });
    estimateLoop(w);
    expect(w.county.linkAttractionOutflow[0]).toBe(0);
    expect(w.county.loopGain[0]).toBe(0);
  });

  it('no investment and no output: links 1 and 2 are 0', () => {
    const w = loopWorld(0);
    setCounty(w, 0, { householdLocalInvestment: 0, savingsFlow: 0, capitalOutflow: 0, developmentSpending: 0, farmOutput: 0, assetOutput: 0 });
    estimateLoop(w);
    expect(w.county.linkOutflowAccumulation[0]).toBe(0);
    expect(w.county.linkAccumulationMomentum[0]).toBe(0);
  });
});

/**
 * A county with firm capital 1e7 whose jobs bind (labour demand about 115 > seekers 100 * 1.01),
 * talent productivity switched off (economy.talentTFP 0), productivity 1 (A = 176), wage 10,000:
 * when retained factors scale by r, non-farm output is nf(r) = 176 K^0.4 (100 r)^0.6 and profits
 * P(r) = nf(r) - 100 r * 10,000; the probe's investment is
 * household part * r + 0.45 P(r) + outside(r) + development, with
 * outside(r) = min(0.2 K + 1e6, 0.1 * attraction * nf(r) * 2 * lending share(P(r) / K)).
 */
describe('estimateLoop: outside investment in the probe of link 1', () => {
  const K = 1e7;
  const nf = (r: number) => 176 * K ** 0.4 * (100 * r) ** 0.6;
  const profits = (r: number) => nf(r) - 100 * r * 10_000;
  const share = (r: number) => 1 / (1 + Math.exp(-25 * (profits(r) / K - 0.05)));
  const household = 3e4 + (1e4 - 4e3);
  const development = 1e4 * 0.5;

  function probeWorld(attraction: number): World {
    const w = tinyWorld({ params: { 'economy.talentTFP': 0 } });
    setCounty(w, 0, {
      capital: K, tourismCapital: 0, tourismOutput: 0, jobs: 100, jobSeekers: 100, localWage: 10_000, productivity: 1,
      farmOutput: 1e6, assetOutput: 0, output: 1e6 + nf(1), growthMomentum: 0, momentumSmoothed: 0,
      householdLocalInvestment: 3e4, savingsFlow: 1e4, capitalOutflow: 4e3, developmentSpending: 1e4,
      stayDerivative: 2, leaveCount: 10, inflowDerivative: 1, inflowCount: 4, ecoMean: 0.5, attraction,
      schoolQuality: 0.7, healthQuality: 0.7,
    });
    w.outsideWage = 20_000;
    return w;
  }

  const link1Of = (outside: (r: number) => number) => {
    const investment = (r: number) => household * r + 0.45 * profits(r) + outside(r) + development;
    return (investment(1.01) - investment(0.99)) / (0.02 * investment(1));
  };

  it('jobs bind in every probe (labour demand above 1.01 x seekers)', () => {
    expect(K * ((0.6 * 176) / 10_000) ** 2.5).toBeGreaterThan(101);
  });

  it('below the cap (attraction 1): outside investment moves with nf(r) and the lending share', () => {
    const w = probeWorld(1);
    estimateLoop(w);
    const outside = (r: number) => 0.1 * 1 * nf(r) * 2 * share(r);
    expect(outside(1.01)).toBeLessThan(0.2 * K + 1e6);
    expectClose(w.county.linkOutflowAccumulation[0], link1Of(outside), 1e-9);
  });

  it('at the cap (attraction 100): outside investment is 3e6 in every probe, in the level of investment but not its change', () => {
    const w = probeWorld(100);
    estimateLoop(w);
    const cap = 0.2 * K + 1e6;
    expect(0.1 * 100 * nf(0.99) * 2 * share(0.99)).toBeGreaterThan(cap);
    expectClose(w.county.linkOutflowAccumulation[0], link1Of(() => cap), 1e-9);
    // Without the cap the link would be much larger than with it.
    const uncapped = link1Of((r) => 0.1 * 100 * nf(r) * 2 * share(r));
    expect(uncapped).toBeGreaterThan(2 * w.county.linkOutflowAccumulation[0]);
  });
});
