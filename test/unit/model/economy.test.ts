import { describe, expect, it } from 'vitest';
import { CADRE, TECHNICIAN } from '../../../src/model/state/professionals';
import type { World } from '../../../src/model/state/world';
import {
  attractionOf, invest, labourDemand, localLendingShare, managementFill, nonFarmOutput, outsideInvestmentOf, runEconomy, talentFactor,
} from '../../../src/model/systems/economy';
import { costOf, expectClose, setCounty, setLevers, tinyWorld } from '../../helpers/world';

describe('Cobb-Douglas identities', () => {
  it('nonFarmOutput = A K^a L^(1-a): A 2, K 8, L 27, a 1/3 gives 2 * 2 * 9 = 36', () => {
    expectClose(nonFarmOutput(8, 27, 2, 1 / 3), 36, 1e-12);
  });

  it('no capital or no labour: no output', () => {
    expect(nonFarmOutput(0, 10, 100, 0.4)).toBe(0);
    expect(nonFarmOutput(10, 0, 100, 0.4)).toBe(0);
  });

  it('labourDemand = K ((1-a) A / wage)^(1/a): K 100, A 10, wage 3, a 0.5 gives 100 (5/3)^2', () => {
    expectClose(labourDemand(100, 10, 3, 0.5), 100 * (5 / 3) ** 2, 1e-12);
  });

  it('the wage equals the marginal product of labour at labour demand (central difference, 1e-6)', () => {
    for (const [K, A, wage, a] of [[1e6, 176, 11_000, 0.4], [5e7, 120, 8000, 0.3], [2e5, 300, 15_000, 0.6]]) {
      const L = labourDemand(K, A, wage, a);
      const h = L * 1e-5;
      const mpl = (nonFarmOutput(K, L + h, A, a) - nonFarmOutput(K, L - h, A, a)) / (2 * h);
      expectClose(mpl, wage, 1e-6, `K ${K}`);
    }
  });

  it('Euler: Y = MPK * K + MPL * L, and at labour demand the wage bill is (1 - a) Y', () => {
    const K = 3e6;
    const A = 150;
    const a = 0.4;
    const wage = 10_000;
    const L = labourDemand(K, A, wage, a);
    const Y = nonFarmOutput(K, L, A, a);
    const mpk = a * A * (L / K) ** (1 - a);
    expectClose(mpk * K + wage * L, Y, 1e-9);
    expectClose(wage * L, (1 - a) * Y, 1e-9);
  });
});

describe('talentFactor = fill^(e / max(0.3, fill)), fill clamped to [0.05, 1]', () => {
  it.each([
    [1, 1, 1],
    [0.5, 1, 0.25],
    [0.6, 0.5, 0.6 ** (0.5 / 0.6)],
    [0.2, 1, 0.2 ** (1 / 0.3)],
    [0.01, 1, 0.05 ** (1 / 0.3)],
    [1.5, 1, 1],
    [0.4, 0, 1],
  ])('fill %f, elasticity %f -> %f', (fill, e, expected) => {
    expectClose(talentFactor(fill, e), expected, 1e-12);
  });

  it('each loss hurts more where talent is scarce: the elasticity e / fill rises as fill falls', () => {
    const el = (f: number) => (Math.log(talentFactor(f * 1.001, 1)) - Math.log(talentFactor(f * 0.999, 1))) / (Math.log(1.001) - Math.log(0.999));
    expect(el(0.4)).toBeGreaterThan(el(0.8));
  });
});

describe('attractionOf and localLendingShare', () => {
  it('attraction is 1 at the reference point (wage ratio 0.35, momentum 0, services 0.7, eco 0.6, infra 0.5)', () => {
    expectClose(attractionOf(0.35, 0, 0.7, 0.6, 0.5), 1, 1e-12);
  });

  it('each term: wage ratio x2 -> 2^0.8, momentum 0.1 -> e^0.6, eco +0.2 -> e^0.16, infra +0.2 -> e^0.1', () => {
    expectClose(attractionOf(0.7, 0, 0.7, 0.6, 0.5), 2 ** 0.8, 1e-12);
    expectClose(attractionOf(0.35, 0.1, 0.7, 0.6, 0.5), Math.exp(0.6), 1e-12);
    expectClose(attractionOf(0.35, 0, 0.7, 0.8, 0.5), Math.exp(0.16), 1e-12);
    expectClose(attractionOf(0.35, 0, 0.7, 0.6, 0.7), Math.exp(0.1), 1e-12);
    expectClose(attractionOf(0.35, 0, 0.9, 0.6, 0.5), Math.exp(0.16), 1e-12);
  });

  it('perceived momentum is clamped to +-0.3: 0.5 reads as 0.3 (e^1.8), -2 as -0.3 (e^-1.8); 0.29 is kept', () => {
    expectClose(attractionOf(0.35, 0.5, 0.7, 0.6, 0.5), Math.exp(1.8), 1e-12);
    expectClose(attractionOf(0.35, 5, 0.7, 0.6, 0.5), Math.exp(1.8), 1e-12);
    expectClose(attractionOf(0.35, 0.3, 0.7, 0.6, 0.5), Math.exp(1.8), 1e-12);
    expectClose(attractionOf(0.35, -2, 0.7, 0.6, 0.5), Math.exp(-1.8), 1e-12);
    expectClose(attractionOf(0.35, -0.3, 0.7, 0.6, 0.5), Math.exp(-1.8), 1e-12);
    expectClose(attractionOf(0.35, 0.29, 0.7, 0.6, 0.5), Math.exp(6 * 0.29), 1e-12);
    expectClose(attractionOf(0.35, -0.1, 0.7, 0.6, 0.5), Math.exp(-0.6), 1e-12);
    // The clamp applies to momentum only: the other terms still move attraction beyond it.
    expectClose(attractionOf(0.7, 1, 0.7, 0.6, 0.5), 2 ** 0.8 * Math.exp(1.8), 1e-12);
  });

  it('the wage ratio is floored at 0.05', () => {
    expectClose(attractionOf(0, 0, 0.7, 0.6, 0.5), (0.05 / 0.35) ** 0.8, 1e-12);
  });

  it('local lending share is 1/2 when the local return equals the outside rate, logistic with slope 25', () => {
    expect(localLendingShare(0.05, 0.05)).toBe(0.5);
    expectClose(localLendingShare(0.15, 0.05), 1 / (1 + Math.exp(-2.5)), 1e-12);
    expectClose(localLendingShare(0, 0.05), 1 / (1 + Math.exp(1.25)), 1e-12);
  });
});

describe('outsideInvestmentOf = min(0.2 capital + 1e6, outsideInvestment * attraction * nonFarm * 2 * lending share)', () => {
  // Pinned parameters: economy.outsideInvestment 0.1, macro.outsideReturn 0.05.
  const p = tinyWorld().params;

  it('below the cap: 0.1 * 2 * 1e6 * 2 * 1/2 = 2e5 at a local return equal to the outside rate', () => {
    expectClose(outsideInvestmentOf(p, 2, 1e6, 0.05, 1e7), 2e5, 1e-12);
    const share = 1 / (1 + Math.exp(-25 * (0.15 - 0.05)));
    expectClose(outsideInvestmentOf(p, 3, 4e6, 0.15, 1e8), 0.1 * 3 * 4e6 * 2 * share, 1e-12);
  });

  it('at most a fifth of the capital already there plus 1e6: 0.2 * 1e7 + 1e6 = 3e6', () => {
    // Wanted: 0.1 * 1000 * 1e6 * 2 * 1/2 = 1e8.
    expectClose(outsideInvestmentOf(p, 1000, 1e6, 0.05, 1e7), 3e6, 1e-12);
    // No capital at all: the cap is 1e6.
    expectClose(outsideInvestmentOf(p, 1e6, 1e6, 0.05, 0), 1e6, 1e-12);
    // However large the attraction, never more than the cap.
    expectClose(outsideInvestmentOf(p, Number.MAX_VALUE, 1e6, 0.05, 1e7), 3e6, 1e-12);
  });

  it('no non-farm output: nothing comes from outside', () => {
    expect(outsideInvestmentOf(p, 5, 0, 0.2, 1e7)).toBe(0);
  });
});

/**
 * One county with full management posts filled (fill 1), transport 0.5 ((0.4 + 0.5) / 0.9 = 1),
 * technology 1: productivity 1, A = tfp 176; outside wage at its start value: reservation wage 11,000.
 */
function economyWorld(capital: number, seekers: number): World {
  const w = tinyWorld();
  w.t = 0;
  w.outsideWage = 20_000;
  for (const kind of [CADRE, TECHNICIAN]) {
    w.talent.posts[kind] = 10;
    w.talent.inPost[kind] = 10;
  }
  setCounty(w, 0, { capital, jobSeekers: seekers, transport: 0.5, technology: 1, interventionCost: 0 });
  return w;
}

describe('runEconomy', () => {
  const a = 0.4;
  const A = 176;

  it('management fill is in post / posts of cadres and technicians', () => {
    const w = economyWorld(1e6, 100);
    w.talent.inPost[CADRE] = 5;
    w.talent.inPost[TECHNICIAN] = 2;
    expectClose(managementFill(w, 0), 7 / 20, 1e-12);
  });

  it('many seekers: wage = reservation 11,000, jobs = labour demand, job rate = jobs / seekers', () => {
    const K = 1e7;
    const demand = K * ((1 - a) * A / 11_000) ** (1 / a);
    const w = economyWorld(K, demand * 4);
    runEconomy(w);
    const k = w.county;
    expectClose(k.productivity[0], 1, 1e-12);
    expectClose(k.localWage[0], 11_000);
    expectClose(k.jobs[0], demand, 1e-9);
    expectClose(k.jobRate[0], 0.25, 1e-9);
  });

  it('few seekers: firms bid the wage up to the marginal product of the seekers there are; job rate 1', () => {
    const K = 1e7;
    const seekers = 50;
    const w = economyWorld(K, seekers);
    runEconomy(w);
    const k = w.county;
    expectClose(k.jobs[0], seekers);
    expectClose(k.jobRate[0], 1);
    expectClose(k.localWage[0], (1 - a) * A * (K / seekers) ** a, 1e-9);
    expect(k.localWage[0]).toBeGreaterThan(11_000);
  });

  it('the local wage catches up with outside wages with elasticity 0.2 and scales with the local advantage', () => {
    const w = economyWorld(1e3, 1e6);
    w.outsideWage = 40_000;
    w.talent.inPost[CADRE] = 5;
    w.talent.inPost[TECHNICIAN] = 5;
    setCounty(w, 0, { transport: 1.4 });
    runEconomy(w);
    // fill 0.5 -> 0.25; transport (0.4 + 1.4) / 0.9 = 2 -> 2^0.5.
    expectClose(w.county.productivity[0], 0.25 * Math.SQRT2, 1e-12);
    expectClose(w.county.localWage[0], 11_000 * 0.25 * Math.SQRT2 * 2 ** 0.2, 1e-9);
  });

  it('technology grows by 2% * (HC / 0.5)^2 * fill^2 after the start (Nelson-Phelps), not in year 0', () => {
    const w = economyWorld(1e6, 100);
    setCounty(w, 0, { adultHumanCapital: 0.5 });
    runEconomy(w);
    expect(w.county.technology[0]).toBe(1);
    w.t = 1;
    runEconomy(w);
    expectClose(w.county.technology[0], 1.02, 1e-12);
    setCounty(w, 0, { technology: 1, adultHumanCapital: 1 });
    runEconomy(w);
    // Schooling term capped at 1.5: 1 + 0.02 * 2.25.
    expectClose(w.county.technology[0], 1.045, 1e-12);
  });

  it('industry placement adds jobs * capitalPerJob of capital (a cost); eco-rangers add jobs at 8,000 yuan each', () => {
    const w = economyWorld(1e6, 1e6);
    setLevers(w, 0, { industryTiltJobs: 500, ecoRangerJobs: 20 });
    runEconomy(w);
    const k = w.county;
    const K = 1e6 + 500 * 100_000;
    expectClose(k.capital[0], K);
    expectClose(k.jobs[0], K * ((1 - a) * A / 11_000) ** (1 / a) + 20, 1e-9);
    expectClose(costOf(w, 0), 500 * 100_000 + 20 * 8000);
  });
});

describe('invest', () => {
  /** Employment at the marginal-product wage: profits are the capital share a of output. */
  function investWorld(): World {
    const w = tinyWorld();
    w.outsideWage = 20_000;
    const K = 1e7;
    const L = 400;
    const A = 176;
    setCounty(w, 0, {
      capital: K, jobs: L, jobSeekers: L, productivity: 1, localWage: 0.6 * A * (K / L) ** 0.4, tourismCapital: 0,
      farmOutput: 2e6, previousOutput: 1e6, momentumSmoothed: 0, savingsFlow: 0, developmentSpending: 0, householdLocalInvestment: 0,
      schoolQuality: 0.7, healthQuality: 0.7, ecoMean: 0.6, transport: 0.5, irrigation: 0.5, water: 0.5, jobRate: 1,
    });
    return w;
  }

  it('output, profits (a Y at the marginal-product wage), local return and momentum', () => {
    const w = investWorld();
    invest(w);
    const k = w.county;
    const Y = 176 * 1e7 ** 0.4 * 400 ** 0.6;
    expectClose(k.nonFarmOutput[0], Y, 1e-9);
    expectClose(k.output[0], 2e6 + Y, 1e-9);
    expectClose(k.profits[0], 0.4 * Y, 1e-9);
    expectClose(k.localReturn[0], (0.4 * Y) / 1e7, 1e-9);
    expectClose(k.growthMomentum[0], (2e6 + Y) / 1e6 - 1, 1e-9);
    expectClose(k.momentumSmoothed[0], 0.4 * k.growthMomentum[0], 1e-12);
    expectClose(k.previousOutput[0], 2e6 + Y, 1e-9);
    expectClose(k.outputLastYear[0], 1e6, 1e-12);
  });

  it('capital: 8% depreciation + reinvested profits + outside investment + local lending + development (boom: momentum clamped, outside investment capped)', () => {
    const w = investWorld();
    setCounty(w, 0, { savingsFlow: 1e5, developmentSpending: 2e5, householdLocalInvestment: 3e4 });
    invest(w);
    const k = w.county;
    const Y = 176 * 1e7 ** 0.4 * 400 ** 0.6;
    const r = (0.4 * Y) / 1e7;
    const share = 1 / (1 + Math.exp(-25 * (r - 0.05)));
    const wageRatio = (k.localWage[0] * (0.4 + 0.6 * 1)) / 20_000;
    // Output jumps from 1e6 to 2e6 + Y (about 6x): smoothed momentum 0.4 * 5.04 = 2.0 reads as 0.3.
    const momentum = 0.4 * ((2e6 + Y) / 1e6 - 1);
    expect(momentum).toBeGreaterThan(0.3);
    expectClose(k.momentumSmoothed[0], momentum, 1e-12);
    const attraction = Math.exp(0.8 * Math.log(wageRatio / 0.35) + 6 * 0.3);
    expectClose(k.attraction[0], attraction, 1e-9);
    const firms = 0.45 * 0.4 * Y;
    // Outside investors would bring more than a fifth of the capital plus 1e6: they bring the cap.
    const wanted = 0.1 * attraction * Y * 2 * share;
    const cap = 0.2 * 1e7 + 1e6;
    expect(wanted).toBeGreaterThan(cap);
    const outside = cap;
    const lent = 1e5 * share;
    expectClose(k.capitalOutflow[0], 1e5 - lent, 1e-9);
    expectClose(k.capital[0], 1e7 * 0.92 + firms + outside + lent + 2e5 * 0.5, 1e-9);
    expectClose(k.investment[0], firms + outside + lent + 2e5 * 0.5 + 3e4, 1e-9);
  });

  it('capital in an ordinary year (output up 10%): momentum within the clamp, outside investment below the cap', () => {
    const w = investWorld();
    const Y = 176 * 1e7 ** 0.4 * 400 ** 0.6;
    setCounty(w, 0, { previousOutput: (2e6 + Y) / 1.1, momentumSmoothed: 0.05, savingsFlow: 1e5, developmentSpending: 2e5 });
    invest(w);
    const k = w.county;
    expectClose(k.growthMomentum[0], 0.1, 1e-9);
    const momentum = 0.6 * 0.05 + 0.4 * 0.1;
    expectClose(k.momentumSmoothed[0], momentum, 1e-9);
    const r = (0.4 * Y) / 1e7;
    const share = 1 / (1 + Math.exp(-25 * (r - 0.05)));
    const wageRatio = (k.localWage[0] * (0.4 + 0.6 * 1)) / 20_000;
    const attraction = Math.exp(0.8 * Math.log(wageRatio / 0.35) + 6 * momentum);
    expectClose(k.attraction[0], attraction, 1e-9);
    const outside = 0.1 * attraction * Y * 2 * share;
    expect(outside).toBeLessThan(0.2 * 1e7 + 1e6);
    const firms = 0.45 * 0.4 * Y;
    const lent = 1e5 * share;
    expectClose(k.capital[0], 1e7 * 0.92 + firms + outside + lent + 2e5 * 0.5, 1e-9);
    expectClose(k.investment[0], firms + outside + lent + 2e5 * 0.5, 1e-9);
  });

  it('a slump reads as momentum -0.3 at most: attraction e^(0.8 ln(wage ratio / 0.35) - 1.8)', () => {
    const w = investWorld();
    const Y = 176 * 1e7 ** 0.4 * 400 ** 0.6;
    // Output falls to a fifth of last year's: growth -0.8, smoothed -0.32 -> -0.3.
    setCounty(w, 0, { previousOutput: (2e6 + Y) * 5 });
    invest(w);
    const k = w.county;
    expectClose(k.momentumSmoothed[0], -0.32, 1e-9);
    const wageRatio = (k.localWage[0] * (0.4 + 0.6 * 1)) / 20_000;
    expectClose(k.attraction[0], Math.exp(0.8 * Math.log(wageRatio / 0.35) - 1.8), 1e-9);
  });

  it('no previous output: momentum 0', () => {
    const w = investWorld();
    setCounty(w, 0, { previousOutput: 0 });
    invest(w);
    expect(w.county.growthMomentum[0]).toBe(0);
  });
});
