import { describe, expect, it } from 'vitest';
import { CADRE } from '../../../src/model/state/professionals';
import type { World } from '../../../src/model/state/world';
import { runFiscal } from '../../../src/model/systems/fiscal';
import { expectClose, setCounty, setLevers, tinyWorld, costOf } from '../../helpers/world';

/**
 * One county of 10,000 residents and 1,000 pupils, default parameters:
 * earmarked 300 yuan/resident = 3e6; general transfer 600/resident = 6e6; non-farm output 1e7 so
 * own revenue = 7% = 7e5; general budget for development = (7e5 + 6e6) * (1 - 0.7) = 2.01e6.
 * Needs: infrastructure (1 - index) * residents * 800; poverty projects 2500 per registered
 * person + 60 per resident; services 300 per pupil + 50 per resident.
 */
function fiscalWorld(o: { cadres: number; infra?: number; registered?: number }): World {
  const w = tinyWorld();
  const infra = o.infra ?? 1;
  setCounty(w, 0, {
    residents: 10_000, pupils: 1000, registeredPeople: o.registered ?? 0, nonFarmOutput: 1e7,
    transport: infra, irrigation: infra, water: infra, interventionCost: 0,
  });
  w.talent.inPost[0 * 4 + CADRE] = o.cadres;
  return w;
}

describe('runFiscal: earmarked money, project capacity and idle funds', () => {
  it('when project capacity binds, spent = capacity and idle = earmarked - spent', () => {
    // 2 cadres * (1 - 0.04 burden) * 250,000 = 480,000 of capacity, split 40/40/20 across the
    // categories; every category's earmark and need exceed its share of capacity.
    const w = fiscalWorld({ cadres: 2, infra: 0.5 });
    runFiscal(w);
    const k = w.county;
    expectClose(k.assessmentBurden[0], 0.04);
    expectClose(k.projectCapacity[0], 480_000);
    expectClose(k.earmarked[0], 3e6);
    expectClose(k.earmarkedSpent[0], 480_000);
    expectClose(k.idleEarmarked[0], 3e6 - 480_000);
    // Category spending net of 8% leakage.
    expectClose(k.infraSpending[0], 192_000 * 0.92);
    expectClose(k.povertySpending[0], 192_000 * 0.92);
    expectClose(k.serviceSpending[0], 96_000 * 0.92);
    expectClose(k.leaked[0], 480_000 * 0.08);
  });

  it('when needs bind, each category spends its need; the rest sits idle', () => {
    // 40 cadres: capacity 9.6e6. Infrastructure complete (need 0), poverty need 600,000,
    // services need 800,000 but earmark 600,000.
    const w = fiscalWorld({ cadres: 40 });
    runFiscal(w);
    const k = w.county;
    expectClose(k.earmarkedSpent[0], 0 + 600_000 + 600_000);
    expectClose(k.idleEarmarked[0], 3e6 - 1.2e6);
    // Development: general 2.01e6 minus 20% matching of the 1.2e6 spent.
    expectClose(k.developmentSpending[0], 2.01e6 - 0.2 * 1.2e6);
    expectClose(k.campaignSpending[0], 600_000 * 0.92);
    expectClose(k.fiscalDependency[0], 9e6 / (9e6 + 7e5));
  });

  it('integration (share 0.5) moves idle money to unmet needs, then to development', () => {
    const w = fiscalWorld({ cadres: 40 });
    setLevers(w, 0, { fundIntegration: 0.5 });
    runFiscal(w);
    const k = w.county;
    // Bound category spending: 1.5e6 * (0.4, 0.4, 0.2) = 6e5, 6e5, 3e5; needs 0, 6e5, 8e5 -> 0, 6e5, 3e5.
    // Pool 1.5e6: services gap 5e5 first, then 1e6 to development (spare capacity 14.4e6 - 9e5).
    expectClose(k.serviceSpending[0], (300_000 + 500_000) * 0.92);
    expectClose(k.earmarkedSpent[0], 900_000 + 500_000 + 1_000_000);
    expectClose(k.idleEarmarked[0], 600_000);
    // Matching only on category projects; the integrated development money arrives net of leakage.
    expectClose(k.developmentSpending[0], 2.01e6 - 0.2 * 1.4e6 + 1e6 * 0.92);
  });

  it('integration lowers idle money and raises development spending relative to none', () => {
    const none = fiscalWorld({ cadres: 40 });
    runFiscal(none);
    const some = fiscalWorld({ cadres: 40 });
    setLevers(some, 0, { fundIntegration: 0.5 });
    runFiscal(some);
    expect(some.county.idleEarmarked[0]).toBeLessThan(none.county.idleEarmarked[0]);
    expect(some.county.developmentSpending[0]).toBeGreaterThan(none.county.developmentSpending[0]);
  });

  it('integrated money also faces capacity (1.5x capacity in total)', () => {
    // 2 cadres: capacity 480,000, integrated spending up to 1.5 * 480,000 = 720,000 in all.
    const w = fiscalWorld({ cadres: 2, infra: 0.5 });
    setLevers(w, 0, { fundIntegration: 0.5 });
    runFiscal(w);
    expectClose(w.county.earmarkedSpent[0], 720_000);
    expectClose(w.county.idleEarmarked[0], 3e6 - 720_000);
  });

  it('extra earmarked money (earmarkedTransfers lever) is a cost: yuanPerCapita * residents', () => {
    const w = fiscalWorld({ cadres: 40 });
    setLevers(w, 0, { earmarkedExtra: 500 });
    runFiscal(w);
    expectClose(w.county.earmarked[0], (300 + 500) * 10_000);
    expectClose(costOf(w, 0), 500 * 10_000);
  });
});

describe('runFiscal: leakage and supervision', () => {
  it('leakage is 8% of spending without supervision and halves (4%) with supervision 0.5', () => {
    const a = fiscalWorld({ cadres: 40 });
    runFiscal(a);
    expectClose(a.county.leaked[0] / a.county.earmarkedSpent[0], 0.08);
    const b = fiscalWorld({ cadres: 40 });
    setLevers(b, 0, { supervision: 0.5 });
    runFiscal(b);
    expectClose(b.county.leaked[0] / b.county.earmarkedSpent[0], 0.04);
    expectClose(b.county.campaignSpending[0], 600_000 * 0.96);
    // Supervision costs 0.5% of transfers (general 6e6 + earmarked 3e6).
    expectClose(costOf(b, 0), 0.005 * 9e6);
    expectClose(costOf(a, 0), 0);
  });

  it('full supervision stops leakage entirely', () => {
    const w = fiscalWorld({ cadres: 40 });
    setLevers(w, 0, { supervision: 1 });
    runFiscal(w);
    expect(w.county.leaked[0]).toBe(0);
  });
});

describe('runFiscal: assessment burden', () => {
  it('base burden 0.04 when registration is off, whatever the registered count', () => {
    const w = fiscalWorld({ cadres: 40, registered: 3000 });
    runFiscal(w);
    expectClose(w.county.assessmentBurden[0], 0.04);
  });

  it('with registration: base + 0.9 * registered share * (1 + layers) / 4 = 0.04 + 0.9 * 0.2 * 1 = 0.22', () => {
    const w = fiscalWorld({ cadres: 40, registered: 2000 });
    setLevers(w, 0, { registration: 1 });
    runFiscal(w);
    expectClose(w.county.assessmentBurden[0], 0.22);
    // Cadres lose that share of their project time.
    expectClose(w.county.projectCapacity[0], 40 * (1 - 0.22) * 250_000);
    // Staff time on the campaign: burden * general * 0.5 comes out of development.
    const spent = w.county.earmarkedSpent[0];
    expectClose(w.county.developmentSpending[0], 2.01e6 - 0.2 * spent - 0.22 * 2.01e6 * 0.5);
  });

  it('big data multiplies the burden by 0.6 and a burden cut of 0.5 halves it: 0.22 * 0.6 * 0.5 = 0.066', () => {
    const w = fiscalWorld({ cadres: 40, registered: 2000 });
    setLevers(w, 0, { registration: 1, bigData: 1, burdenCut: 0.5 });
    runFiscal(w);
    expectClose(w.county.assessmentBurden[0], 0.066);
  });

  it('the burden is capped at 0.6 (all residents registered: 0.04 + 0.9 = 0.94 -> 0.6)', () => {
    const w = fiscalWorld({ cadres: 40, registered: 10_000 });
    setLevers(w, 0, { registration: 1 });
    runFiscal(w);
    expectClose(w.county.assessmentBurden[0], 0.6);
  });

  it('more assessing layers raise the burden: 5 layers give 0.04 + 0.9 * 0.2 * 6 / 4 = 0.31', () => {
    const w = tinyWorld({ params: { 'policy.targetLayers': 5 } });
    setCounty(w, 0, { residents: 10_000, registeredPeople: 2000 });
    setLevers(w, 0, { registration: 1 });
    runFiscal(w);
    expectClose(w.county.assessmentBurden[0], 0.31);
  });
});

describe('runFiscal: empty county', () => {
  it('no residents: no money, no NaN, dependency 0', () => {
    const w = fiscalWorld({ cadres: 0 });
    setCounty(w, 0, { residents: 0, pupils: 0, nonFarmOutput: 0 });
    runFiscal(w);
    const k = w.county;
    for (const f of ['earmarked', 'earmarkedSpent', 'idleEarmarked', 'developmentSpending', 'fiscalDependency', 'assessmentBurden'] as const) {
      expect(Number.isFinite(k[f][0])).toBe(true);
    }
    expect(k.fiscalDependency[0]).toBe(0);
    expect(k.earmarked[0]).toBe(0);
  });
});
