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
