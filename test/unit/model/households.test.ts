import { describe, expect, it } from 'vitest';
import { STATUS } from '../../../src/model/state/households';
import type { World } from '../../../src/model/state/world';
import { householdYear } from '../../../src/model/systems/households';
import { INPUT_COST } from '../../../src/model/systems/production';
import { resultLeverCost, runScenario } from '../../../src/model/simulation';
import {
  binomialSe, costOf, expectClose, type HouseholdValues, leverCostOf, logit, setCounty, setHouseholds, setLevers, sigmoid, tinyScenario, tinyWorld,
} from '../../helpers/world';

const sig = sigmoid;

/**
 * One household of two adults and one elder (3 people) in a village of ecology 1, growing grain
 * (price 1, input cost 0.2): 10,000 yuan of output is 8,000 of operating income. Savings 1,000
 * earn 2% (20). The elder draws the 900-yuan pension. Year t = 5.
 */
function incomeWorld(row: Partial<HouseholdValues> = {}, params: Record<string, number> = {}): World {
  const w = tinyWorld({ params });
  w.t = 5;
  w.year = 2018;
  w.outsideWage = 20_000;
  w.villages.eco[0] = 1;
  w.villages.disaster[0] = 0;
  w.markets.price.fill(1);
  w.markets.countySupply.fill(0);
  setCounty(w, 0, {
    localWage: 12_000, jobRate: 1, farmPerWorker: 0, attraction: 1, transport: 1, growthMomentum: 0, schoolQuality: 1,
    thresholdFactor: 1, interventionCost: 0, povertySpending: 0, registeredPeople: 0,
  });
  setHouseholds(w, [{ village: 0, adults: 2, elders: 1, output: 10_000, savings: 1000, drive: 0.5, ...row }]);
  return w;
}

describe('householdYear: income by source', () => {
  it('operating + property + pension: (8000 + 20 + 900) / 3 per person', () => {
    const w = incomeWorld();
    householdYear(w);
    const k = w.county;
    expectClose(w.households.income[0], 8920 / 3, 1e-6);
    expectClose(k.incomeOperating[0], 8000);
    expectClose(k.incomeProperty[0], 20);
    expectClose(k.incomeTransfer[0], 900);
    expectClose(k.incomeWage[0], 0);
    expectClose(k.farmOutput[0], 8000);
  });

  it('wage: labour * local wage * e^(0.5 * 0.7 * HC), plus remittances 20000 * 0.85 * 0.2 * (0.3 + 1.4 HC) per migrant', () => {
    const w = incomeWorld({ wageLabour: 1, humanCapital: 0.5, migrants: 1 });
    householdYear(w);
    const wage = 12_000 * Math.exp(0.175) + 3400 * (0.3 + 0.7);
    // The schooling premium is read from a table (relative error < 1e-4).
    expectClose(w.county.incomeWage[0], wage, 1e-4);
    expectClose(w.households.income[0], (8920 + wage) / 3, 1e-4);
  });

  it('remittances grow with the outside wage with elasticity 0.15', () => {
    const w = incomeWorld({ migrants: 2, humanCapital: 0 });
    w.outsideWage = 40_000;
    householdYear(w);
    expectClose(w.county.incomeWage[0], 2 * 20_000 * 2 ** 0.15 * 0.85 * 0.2 * 0.3, 1e-9);
  });

  it('a shock cost is subtracted from income', () => {
    const w = incomeWorld({ shockCost: 2920 });
    householdYear(w);
    expectClose(w.households.income[0], 6000 / 3, 1e-6);
  });

  it('a registered household gets 800 per person: 30% as work-for-relief wage, 70% as transfer', () => {
    const w = incomeWorld({ status: STATUS.alive | STATUS.registered | STATUS.everRegistered, registeredYear: 3 });
    setLevers(w, 0, { registration: 1, benefitPerPerson: 800, workShare: 0.3 });
    householdYear(w);
    expectClose(w.households.income[0], (8920 + 2400) / 3, 1e-6);
    expectClose(w.county.incomeWage[0], 720);
    expectClose(w.county.incomeTransfer[0], 900 + 1680);
    expectClose(costOf(w, 0), 2400);
  });

  it('no benefit when the registration lever is off, even for a registered household', () => {
    const w = incomeWorld({ status: STATUS.alive | STATUS.registered | STATUS.everRegistered });
    householdYear(w);
    expectClose(w.households.income[0], 8920 / 3, 1e-6);
  });

  const exited = (exitYear: number) => ({ status: STATUS.alive | STATUS.exited | STATUS.everRegistered, exitYear });

  it('support continues for 2 years after exit (t 5, exit 3): full benefit', () => {
    const w = incomeWorld(exited(3));
    setLevers(w, 0, { registration: 1, benefitPerPerson: 800, workShare: 0 });
    householdYear(w);
    expectClose(w.households.income[0], (8920 + 2400) / 3, 1e-6);
  });

  it('gradual phase-out over 2 years: one year past the support years pays half', () => {
    const w = incomeWorld(exited(2));
    setLevers(w, 0, { registration: 1, benefitPerPerson: 800, workShare: 0, phaseOutSet: 1, phaseOutGradual: 1, phaseOutYears: 2 });
    householdYear(w);
    expectClose(w.households.income[0], (8920 + 1200) / 3, 1e-6);
  });

  it('abrupt phase-out (and no phase-out lever at all): nothing once the support years are over', () => {
    const abrupt = incomeWorld(exited(2));
    setLevers(abrupt, 0, { registration: 1, benefitPerPerson: 800, workShare: 0, phaseOutSet: 1, phaseOutGradual: 0, phaseOutYears: 2 });
    householdYear(abrupt);
    expectClose(abrupt.households.income[0], 8920 / 3, 1e-6);
    const none = incomeWorld(exited(2));
    setLevers(none, 0, { registration: 1, benefitPerPerson: 800, workShare: 0 });
    householdYear(none);
    expectClose(none.households.income[0], 8920 / 3, 1e-6);
  });

  it('social floor tops a registered household up to floor * people, the top-up is a cost', () => {
    const w = incomeWorld({ status: STATUS.alive | STATUS.registered | STATUS.everRegistered, registeredYear: 3 });
    setLevers(w, 0, { registration: 1, benefitPerPerson: 800, workShare: 0.3, socialFloor: 5000 });
    householdYear(w);
    expectClose(w.households.income[0], 5000, 1e-6);
    expectClose(costOf(w, 0), 2400 + (15_000 - 11_320));
  });

  it('social floor does not reach an unregistered household unless near-poor cover is on and it is monitored', () => {
    const w = incomeWorld({ output: 0 });
    setLevers(w, 0, { socialFloor: 3000 });
    householdYear(w);
    expectClose(w.households.income[0], 920 / 3, 1e-6);
    const m = incomeWorld({ output: 0, status: STATUS.alive | STATUS.monitored });
    setLevers(m, 0, { socialFloor: 3000, socialFloorNearPoor: 1 });
    householdYear(m);
    expectClose(m.households.income[0], 3000, 1e-6);
  });

  it('ecological compensation adds yuanPerHousehold to transfers (not for relocated households)', () => {
    const w = incomeWorld();
    setLevers(w, 0, { ecoCompensation: 1000 });
    householdYear(w);
    expectClose(w.households.income[0], 9920 / 3, 1e-6);
  });

  it('insurance pays coverage * (0.9 q - q * price) when the price falls: livestock at 0.5', () => {
    const w = incomeWorld({ industry: 1 });
    w.markets.price[1] = 0.5;
    setLevers(w, 0, { insuranceCoverage: 0.7 });
    householdYear(w);
    const operating = 10_000 * (0.5 - INPUT_COST[1]) + 0.7 * (9000 - 5000);
    expectClose(w.county.incomeOperating[0], operating, 1e-9);
    expectClose(costOf(w, 0), 0.7 * 4000 * 1.2, 1e-9);
    expectClose(INPUT_COST[1], 1 / 3, 1e-12);
  });

  it('insurance after a disaster insures the pre-disaster value: q / 0.6 * 0.9 - q', () => {
    const w = incomeWorld();
    w.villages.disaster[0] = 1;
    setLevers(w, 0, { insuranceCoverage: 0.5 });
    householdYear(w);
    expectClose(w.county.incomeOperating[0], 8000 + 0.5 * (10_000 / 0.6 * 0.9 - 10_000), 1e-9);
  });

  it('an industry subsidy raises the price received by subsidy / county supply (capped at 1)', () => {
    const w = incomeWorld({ industry: 1 });
    w.markets.countySupply[1] = 100_000;
    w.levers.industrySubsidy[1] = 20_000;
    householdYear(w);
    expectClose(w.county.incomeOperating[0], 10_000 * (1.2 - 1 / 3), 1e-9);
    expectClose(costOf(w, 0), 2000, 1e-9);
  });

  it('the subsidy is a share of revenue at the current price: budget / (county supply * price) = 2e4 / (1e5 * 0.5) = 0.4', () => {
    const w = incomeWorld({ industry: 1 });
    w.markets.price[1] = 0.5;
    w.markets.countySupply[1] = 100_000;
    w.levers.industrySubsidy[1] = 20_000;
    householdYear(w);
    // Revenue 10,000 * 0.5 = 5,000, plus 40% of it; input cost 1/3 per unit of output.
    expectClose(w.county.incomeOperating[0], 10_000 * (0.5 * 1.4 - 1 / 3), 1e-9);
    expectClose(costOf(w, 0), 10_000 * 0.5 * 0.4, 1e-9);
    expectClose(leverCostOf(w, 'industrySupport', 0), 2000, 1e-9);
  });

  it('the subsidy\'s cost equals its budget when the county\'s supply is this household\'s output (3,000 at price 0.5)', () => {
    const w = incomeWorld({ industry: 1 });
    w.markets.price[1] = 0.5;
    w.markets.countySupply[1] = 10_000;
    w.levers.industrySubsidy[1] = 3000;
    householdYear(w);
    expectClose(costOf(w, 0), 3000, 1e-9);
    expectClose(leverCostOf(w, 'industrySupport', 0), 3000, 1e-9);
    expectClose(w.county.incomeOperating[0], 10_000 * (0.5 - 1 / 3) + 3000, 1e-9);
  });

  it('a budget above the revenue pays the revenue once more (share capped at 1) and costs only that', () => {
    const w = incomeWorld({ industry: 1 });
    w.markets.price[1] = 0.5;
    w.markets.countySupply[1] = 10_000;
    w.levers.industrySubsidy[1] = 8000;
    householdYear(w);
    expectClose(w.county.incomeOperating[0], 10_000 * (0.5 * 2 - 1 / 3), 1e-9);
    expectClose(costOf(w, 0), 5000, 1e-9);
  });

  it('over a run, a county\'s industry-support cost is its yearly budget (1e5 for fruit in a hill county, 2014-2016)', () => {
    const s = tinyScenario({
      seed: 3, scale: 2, years: 3, counties: [{ id: 'h', terrain: 'hill', households: 400 }],
      interventions: [{ lever: 'industrySupport', from: 2014, to: 2016, industry: 'fruit', yuanPerYear: 1e5 }],
    });
    const r = runScenario(s);
    expect(resultLeverCost(r, 0, 'industrySupport', 0)).toBe(0);
    // Supply is summed from each output before it is stored as Float32, the pass reads the stored
    // value: equal to float32 rounding (relative 1e-7).
    for (let y = 1; y <= 3; y++) expectClose(resultLeverCost(r, y, 'industrySupport', 0), 1e5, 1e-7, `year ${y}`);
  });

  it('a subsidy of another product or another county pays nothing here', () => {
    const w = tinyWorld({ counties: [{}, { id: 'p', terrain: 'plain' }] });
    w.markets.price.fill(1);
    w.markets.countySupply.fill(0);
    w.villages.eco[0] = 1;
    w.villages.disaster.fill(0);
    setCounty(w, 0, { povertySpending: 0, registeredPeople: 0 });
    setHouseholds(w, [{ village: 0, adults: 2, output: 10_000, industry: 1 }]);
    w.markets.countySupply[1] = 10_000;
    w.markets.countySupply[5 + 1] = 10_000;
    w.levers.industrySubsidy[2] = 5000; // county 0, fruit
    w.levers.industrySubsidy[5 + 1] = 5000; // county 1, livestock
    householdYear(w);
    expectClose(w.county.incomeOperating[0], 10_000 * (1 - 1 / 3), 1e-9);
    expect(costOf(w, 0) + costOf(w, 1)).toBe(0);
  });
});

describe('householdYear: saving, assets and debt', () => {
  it('above subsistence: 30% of income over 1600/person is saved, split by sigmoid(20 (own return - 5%))', () => {
    const w = incomeWorld();
    householdYear(w);
    const saving = (8920 - 4800) * 0.3;
    const own = sig(20 * (0.06 - 0.05)); // below the threshold: 6% at eco 1 and price 1
    // The logistic is read from a table (relative error < 1e-4, systems/tables.ts).
    expectClose(w.households.assets[0], saving * own * 0.92, 1e-4);
    expectClose(w.households.savings[0], 1000 + saving * (1 - own), 1e-4);
    expectClose(w.county.savingsFlow[0], saving * (1 - own), 1e-4);
    expectClose(w.county.householdLocalInvestment[0], saving * own, 1e-4);
    expectClose(w.county.householdAssets[0], saving * own * 0.92, 1e-4);
  });

  it('debt is serviced first: pay min(saving, 0.36 debt), debt grows 6%', () => {
    const w = incomeWorld({ debt: 1000 });
    householdYear(w);
    const saving = (8920 - 4800) * 0.3;
    expectClose(w.households.debt[0], 1060 - 360, 1e-4);
    const own = sig(0.2);
    expectClose(w.households.savings[0], 1000 + (saving - 360) * (1 - own), 1e-4);
  });

  it('below subsistence: savings first, then assets sold at 70%, then borrowing half the rest', () => {
    // Two adults, no output: income 10 (2% of 500 savings); need 3200; gap 3190.
    const w = incomeWorld({ elders: 0, output: 0, savings: 500, assets: 1000 });
    householdYear(w);
    expect(w.households.savings[0]).toBe(0);
    // 1000 - 700 / 0.7 is -1e-13 in floating point: zero within 1e-9.
    expectClose(w.households.assets[0], 0, 1e-9);
    expectClose(w.households.debt[0], (3190 - 500 - 700) * 0.5, 1e-5);
  });

  it('microcredit: a registered household without debt borrows the loan and invests 80% of it', () => {
    const w = incomeWorld({ status: STATUS.alive | STATUS.registered | STATUS.everRegistered });
    setLevers(w, 0, { microcredit: 30_000 });
    householdYear(w);
    const saving = (8920 - 4800) * 0.3;
    const own = sig(0.2);
    expectClose(w.households.debt[0], 30_000, 1e-9);
    expectClose(w.households.assets[0], (saving * own + 24_000) * 0.92, 1e-4);
    expectClose(costOf(w, 0), 3000, 1e-9);
  });

  it('microcredit costs 10% of min(debt, loan size) for ever-registered households: exited with debt 10,000 -> 10% of 9,364', () => {
    // Saving 1,236 all goes to the debt: 10,000 * 1.06 - 1,236 = 9,364; no new loan (not registered).
    const w = incomeWorld({ status: STATUS.alive | STATUS.exited | STATUS.everRegistered, exitYear: 4, debt: 10_000 });
    setLevers(w, 0, { microcredit: 30_000 });
    householdYear(w);
    expectClose(w.households.debt[0], 9364, 1e-6);
    expectClose(costOf(w, 0), 936.4, 1e-6);
    expectClose(leverCostOf(w, 'microcredit', 0), 936.4, 1e-6);
  });

  it('microcredit cost is capped at 10% of the loan size: a registered household owing 50,000 costs 3,000 and borrows no more', () => {
    const w = incomeWorld({ status: STATUS.alive | STATUS.registered | STATUS.everRegistered, debt: 50_000 });
    setLevers(w, 0, { microcredit: 30_000 });
    householdYear(w);
    expectClose(w.households.debt[0], 53_000 - 1236, 1e-6);
    expectClose(costOf(w, 0), 3000, 1e-9);
    expectClose(leverCostOf(w, 'microcredit', 0), 3000, 1e-9);
  });

  it('microcredit costs nothing for a never-registered household\'s debt, and nothing without the lever', () => {
    const w = incomeWorld({ debt: 10_000 });
    setLevers(w, 0, { microcredit: 30_000 });
    householdYear(w);
    expectClose(w.households.debt[0], 9364, 1e-6);
    expect(costOf(w, 0)).toBe(0);
    const off = incomeWorld({ status: STATUS.alive | STATUS.registered | STATUS.everRegistered, debt: 10_000 });
    householdYear(off);
    expect(costOf(off, 0)).toBe(0);
  });
});

describe('householdYear: village poverty projects and participation', () => {
  const REG = STATUS.alive | STATUS.registered | STATUS.everRegistered;
  const EXITED = STATUS.alive | STATUS.exited | STATUS.everRegistered;

  it('a registered household gets 0.5 * poverty spending / people supported last year per member as assets: 0.5 * 1e5 / 50 * 3 = 3,000', () => {
    const w = incomeWorld({ status: REG });
    // registeredPeople is irrelevant: the grant is shared among last year's supported people.
    setCounty(w, 0, { povertySpending: 1e5, supportedPeople: 50, registeredPeople: 7 });
    householdYear(w);
    const saving = (8920 - 4800) * 0.3;
    const own = sig(0.2);
    expectClose(w.households.assets[0], (saving * own + 3000) * 0.92, 1e-4);
    // Earmarked money, not a lever: no cost booked, no income.
    expect(costOf(w, 0)).toBe(0);
    expectClose(w.households.income[0], 8920 / 3, 1e-6);
  });

  it('exited households get it while support lasts (exit 3, t 5: 2 years <= 2), not after, nor never-registered ones', () => {
    const grant = (row: Partial<HouseholdValues>) => {
      const w = incomeWorld(row);
      setCounty(w, 0, { povertySpending: 1e5, supportedPeople: 50 });
      householdYear(w);
      const base = incomeWorld(row);
      householdYear(base);
      return (w.households.assets[0] - base.households.assets[0]) / 0.92;
    };
    expectClose(grant({ status: EXITED, exitYear: 3 }), 3000, 1e-4);
    expectClose(grant({ status: EXITED, exitYear: 2 }), 0, 1e-9);
    expectClose(grant({}), 0, 1e-9);
    expectClose(grant({ status: REG, kids: 2 }), 5000, 1e-4);
  });

  it('nobody supported last year: no grant and no NaN; this year\'s supported people are counted', () => {
    const w = incomeWorld({ status: REG });
    setCounty(w, 0, { povertySpending: 1e5, supportedPeople: 0 });
    householdYear(w);
    expect(Number.isFinite(w.households.assets[0])).toBe(true);
    const saving = (8920 - 4800) * 0.3;
    expectClose(w.households.assets[0], saving * sig(0.2) * 0.92, 1e-4);
    // The registered household of 3 members is counted as supported for next year (scale 1).
    expect(w.county.supportedPeople[0]).toBe(3 * w.scale);
  });

  it('participation costs 100 yuan per supported household (registered, or exited within support), times scale', () => {
    const w = incomeWorld();
    setHouseholds(w, [
      { village: 0, adults: 2, output: 10_000, status: REG },
      { village: 0, adults: 2, output: 10_000, status: EXITED, exitYear: 3 },
      { village: 0, adults: 2, output: 10_000, status: EXITED, exitYear: 2 },
      { village: 0, adults: 2, output: 10_000 },
    ]);
    setLevers(w, 0, { participation: 0.5 });
    householdYear(w);
    expectClose(costOf(w, 0), 200, 1e-12);
    expectClose(leverCostOf(w, 'participation', 0), 200, 1e-12);
    const off = incomeWorld({ status: REG });
    householdYear(off);
    expect(costOf(off, 0)).toBe(0);
  });

  it('participation cost is in real households: one supported agent at scale 10 costs 1,000', () => {
    const w = tinyWorld({ scale: 10, counties: [{ households: 100 }] });
    w.markets.price.fill(1);
    setCounty(w, 0, { povertySpending: 0, registeredPeople: 0 });
    setHouseholds(w, [{ adults: 2, output: 10_000, status: REG }, { adults: 2, output: 10_000 }]);
    setLevers(w, 0, { participation: 1 });
    householdYear(w);
    expectClose(costOf(w, 0), 1000, 1e-12);
  });
});

describe('householdYear: drive, flags, children', () => {
  it('drive moves by 0.15 * (participation - 0.6 handout share + 2 momentum + 0.2 (0.55 - drive))', () => {
    const w = incomeWorld({ drive: 0.3 });
    householdYear(w);
    expectClose(w.households.drive[0], 0.3 + 0.15 * 0.2 * 0.25, 1e-6);
    const r = incomeWorld({ drive: 0.3, status: STATUS.alive | STATUS.registered | STATUS.everRegistered });
    setLevers(r, 0, { registration: 1, benefitPerPerson: 800, workShare: 0.3 });
    setCounty(r, 0, { growthMomentum: 0.02 });
    householdYear(r);
    const share = 1680 / 11_320;
    expectClose(r.households.drive[0], 0.3 + 0.15 * (0.15 - 0.6 * share + 0.04 + 0.05), 1e-6);
  });

  it('the pass counts never-registered live households (the newPoorRate denominator) with the new poor, times scale', () => {
    const w = tinyWorld({ scale: 10, counties: [{ households: 100 }] });
    w.markets.price.fill(1);
    setCounty(w, 0, { povertySpending: 0, registeredPeople: 0, growthMomentum: 0 });
    setHouseholds(w, [
      { adults: 2, output: 0 }, // never registered, falls below the line: new poor
      { adults: 2, output: 0, status: STATUS.alive | STATUS.poor }, // never registered, poor already
      { adults: 2, output: 20_000 }, // never registered, not poor
      { adults: 2, output: 0, status: STATUS.alive | STATUS.exited | STATUS.everRegistered, exitYear: 0 }, // ever registered
      { adults: 2, output: 0, status: STATUS.alive | STATUS.registered | STATUS.everRegistered }, // registered
      { adults: 2, output: 0, status: 0 }, // not alive
    ]);
    householdYear(w);
    expect(w.county.neverRegistered[0]).toBe(30);
    expect(w.county.newPoorHouseholds[0]).toBe(10);
    expect(w.county.newPoorHouseholds[0]).toBeLessThanOrEqual(w.county.neverRegistered[0]);
  });

  it('a never-registered household that falls below the line counts once as new poor', () => {
    const w = incomeWorld({ output: 0 });
    householdYear(w);
    expect(w.county.newPoorHouseholds[0]).toBe(1);
    expect(w.households.status[0] & STATUS.poor).toBe(STATUS.poor);
    const again = incomeWorld({ output: 0, status: STATUS.alive | STATUS.poor });
    householdYear(again);
    expect(again.county.newPoorHouseholds[0]).toBe(0);
    const reg = incomeWorld({ output: 0, status: STATUS.alive | STATUS.everRegistered | STATUS.exited });
    householdYear(reg);
    expect(reg.county.newPoorHouseholds[0]).toBe(0);
  });

  it('big data monitors households under 1.5x the line and stops when they clear it', () => {
    const w = incomeWorld({ output: 3000 }); // (2400 + 920) / 3 = 1107 < 3450
    setLevers(w, 0, { bigData: 1 });
    householdYear(w);
    expect(w.households.status[0] & STATUS.monitored).toBe(STATUS.monitored);
    const rich = incomeWorld({ status: STATUS.alive | STATUS.monitored, output: 20_000 });
    setLevers(rich, 0, { bigData: 1 });
    householdYear(rich);
    expect(rich.households.status[0] & STATUS.monitored).toBe(0);
  });

  it('children learn 9% of the gap a year at full school quality and health (unless they age or siblings are born)', () => {
    const rows: Partial<HouseholdValues>[] = [];
    for (let i = 0; i < 20; i++) rows.push({ village: 0, kids: 1, adults: 2, output: 30_000, childHumanCapital: 0.5, humanCapital: 0.4 });
    const w = incomeWorld();
    setHouseholds(w, rows);
    householdYear(w);
    const learned = 0.5 + 0.09 * 0.5;
    let plain = 0;
    for (let i = 0; i < 20; i++) {
      const c = w.households.childHumanCapital[i];
      // Either nothing else happened, a birth halved the mean, or the only child became a youth.
      const ok = Math.abs(c - learned) < 1e-6 || Math.abs(c - learned / 2) < 1e-6 || c === 0;
      expect(ok, `household ${i}: ${c}`).toBe(true);
      if (Math.abs(c - learned) < 1e-6) plain++;
    }
    expect(plain).toBeGreaterThan(10);
  });

  it('ecoMean: resident-weighted ecology of farming villages; residents of the resettlement site are left out', () => {
    const w = incomeWorld();
    const site = w.siteVillage[0];
    expect(site).toBe(2);
    w.villages.eco[0] = 1;
    w.villages.eco[1] = 0.4;
    w.villages.eco[site] = 0.05;
    setHouseholds(w, [
      { village: 0, adults: 2, elders: 1, output: 10_000 },
      { village: 1, adults: 2, output: 10_000 },
      { village: site, adults: 3, youth: 2, output: 0, status: STATUS.alive | STATUS.relocated, homeVillage: 0 },
    ]);
    householdYear(w);
    const r = w.villages.residents;
    expect(r[site]).toBeGreaterThan(0);
    expectClose(w.county.ecoMean[0], (r[0] * 1 + r[1] * 0.4) / (r[0] + r[1]), 1e-12);
    // Residents still count the site's people.
    expect(w.county.residents[0]).toBe(r[0] + r[1] + r[site]);
  });

  it('ecoMean is 0 when every resident lives at the site', () => {
    const w = incomeWorld();
    const site = w.siteVillage[0];
    w.villages.eco[site] = 0.8;
    setHouseholds(w, [{ village: site, adults: 2, output: 0, status: STATUS.alive | STATUS.relocated, homeVillage: 0 }]);
    householdYear(w);
    expect(w.county.ecoMean[0]).toBe(0);
  });

  it('village load: residents weighted 1 for grain, 1.8 for livestock, 0.8 otherwise', () => {
    const w = incomeWorld();
    setHouseholds(w, [
      { village: 0, adults: 2, industry: 0, output: 5000 },
      { village: 0, adults: 2, industry: 1, output: 5000 },
      { village: 0, adults: 2, industry: 3, output: 5000 },
    ]);
    householdYear(w);
    const h = w.households;
    const people = (i: number) => h.kids[i] + h.youth[i] + h.adults[i] + h.elders[i];
    expectClose(w.villages.load[0], people(0) * 1 + people(1) * 1.8 + people(2) * 0.8, 1e-12);
    expectClose(w.villages.residents[0], people(0) + people(1) + people(2), 1e-12);
  });
});

describe('householdYear: moments of the stochastic rules', () => {
  it('elder deaths: 5.5% a year per elder over 4e4 elder-years within 3 SE (seed 13)', () => {
    const w = tinyWorld({ seed: 13 });
    const run = () => {
      const rows: Partial<HouseholdValues>[] = [];
      for (let i = 0; i < 20; i++) rows.push({ adults: 0, elders: 2, output: 5000 });
      setHouseholds(w, rows);
      householdYear(w);
      let elders = 0;
      for (let i = 0; i < 20; i++) elders += w.households.elders[i];
      return 40 - elders;
    };
    let deaths = 0;
    const reps = 1000;
    for (let r = 0; r < reps; r++) deaths += run();
    const n = 40 * reps;
    // Per household deaths = sround(0.11): Bernoulli(0.11), so the per-elder rate has SE sqrt(0.11 * 0.89 / (20 reps)) / 2.
    const se = Math.sqrt((0.11 * 0.89) / (20 * reps)) / 2;
    expect(Math.abs(deaths / n - 0.055)).toBeLessThan(3 * se);
  });

  /**
   * Youth migration (Harris-Todaro): with no family ties, all households identical (three youth,
   * three migrants, HC 0.45 so the skill term is 0), job rate 1 and transport 1, attraction 1,
   * the leave probability is sigmoid(logit(base) + 1.2 * gap) with
   * gap = ln(outside expected / local expected) - 0.25 * 0.5 - 0.6, and the return probability
   * sigmoid(logit(0.04) - 1.2 * gap). County 0 pays 8,000 locally, county 1 16,000.
   */
  it('youth leave and migrants return with the logistic probabilities, per county, within 3 SE (seed 17)', () => {
    const params = { 'migration.familyTie': 0, 'migration.familyMove': 0, 'migration.baseRate': 0.3 };
    const w = tinyWorld({ seed: 17, params, counties: [{ households: 100 }, { households: 100 }] });
    const wages = [8000, 16_000];
    for (let c = 0; c < 2; c++) setCounty(w, c, { localWage: wages[c], jobRate: 1, attraction: 1, transport: 1, growthMomentum: 0, schoolQuality: 1, thresholdFactor: 1 });
    w.outsideWage = 20_000;
    const hc = 0.45;
    const outside = 20_000 * 0.85 * (0.3 + 1.4 * hc);
    const pLeave = wages.map((wage) => {
      const gap = Math.log(outside / (wage * Math.exp(0.35 * hc))) - 0.125 - 0.6;
      return sig(logit(0.3) + 1.2 * gap);
    });
    const pReturn = wages.map((wage) => {
      const gap = Math.log(outside / (wage * Math.exp(0.35 * hc))) - 0.125 - 0.6;
      return sig(logit(0.04) - 1.2 * gap);
    });
    const leave = [0, 0];
    const stayBase = [0, 0];
    const back = [0, 0];
    const reps = 60;
    for (let r = 0; r < reps; r++) {
      const rows: Partial<HouseholdValues>[] = [];
      for (let i = 0; i < 200; i++) rows.push({ county: i < 100 ? 0 : 1, youth: 3, adults: 0, migrants: 3, humanCapital: hc, output: 8000 });
      setHouseholds(w, rows);
      householdYear(w);
      for (let c = 0; c < 2; c++) {
        leave[c] += w.county.youthOutflow[c];
        back[c] += w.county.youthReturn[c];
      }
      for (let i = 0; i < 200; i++) stayBase[w.households.county[i]] += w.households.youth[i];
    }
    for (let c = 0; c < 2; c++) {
      // Resident youth before the decision = youth after + leavers - returners.
      const before = stayBase[c] + leave[c] - back[c];
      const households = 100 * reps;
      // Each household's leavers are a stochastic rounding: variance at most 1/4.
      const seLeave = Math.sqrt(0.25 * households) / before;
      expect(Math.abs(leave[c] / before - pLeave[c]), `leave, county ${c}: ${leave[c] / before} vs ${pLeave[c]}`).toBeLessThan(3 * seLeave);
      const seBack = Math.sqrt(0.25 * households) / (3 * households);
      expect(Math.abs(back[c] / (3 * households) - pReturn[c]), `return, county ${c}`).toBeLessThan(3 * seBack);
    }
    // Higher local pay holds youth back and brings migrants home.
    expect(pLeave[1]).toBeLessThan(pLeave[0]);
    expect(leave[1]).toBeLessThan(leave[0]);
    expect(back[1]).toBeGreaterThan(back[0]);
  });

  it('industry imitation: 15% reconsider a year; all switch to a clearly better product among those (seed 19)', () => {
    const w = tinyWorld({ seed: 19, counties: [{ households: 200 }] });
    setCounty(w, 0, { localWage: 10_000, jobRate: 1, attraction: 1, transport: 1, schoolQuality: 1, thresholdFactor: 1 });
    let switched = 0;
    const reps = 100;
    for (let r = 0; r < reps; r++) {
      const rows: Partial<HouseholdValues>[] = [];
      for (let i = 0; i < 200; i++) rows.push({ industry: 0, output: 0 });
      setHouseholds(w, rows);
      w.villages.terrain[w.households.village[0]] = 1;
      // Last year's profit per worker: fruit far ahead, grain nothing (kept: labour below is grain only).
      w.markets.profitPerWorker.set([0, 0, 1e6, 0, 0]);
      householdYear(w);
      for (let i = 0; i < 200; i++) if (w.households.industry[i] === 2) switched++;
      expect(w.households.industry.slice(0, 200).every((x) => x === 0 || x === 2)).toBe(true);
    }
    const n = 200 * reps;
    expect(Math.abs(switched / n - 0.15)).toBeLessThan(3 * binomialSe(0.15, n));
  });
});

describe('householdYear: relocated households integrate', () => {
  /**
   * A relocated household living at the plain county's site (county 1), from county 0. Integration
   * grows by 0.15 * (1.5 with its HOME county's employment support) * (1.2 with a job, else 0.8).
   */
  function integrationWorld(wageLabour: number, supportIn: number[]): World {
    const w = tinyWorld({ counties: [{ id: 'm' }, { id: 'p', terrain: 'plain' }] });
    w.markets.price.fill(1);
    for (let c = 0; c < 2; c++) setCounty(w, c, { povertySpending: 0, registeredPeople: 0 });
    setHouseholds(w, [{
      county: 1, homeCounty: 0, village: w.siteVillage[1], homeVillage: 0, adults: 2, output: 5000,
      status: STATUS.alive | STATUS.relocated, integration: 0.2, wageLabour,
    }]);
    for (const c of supportIn) setLevers(w, c, { relocationEmployment: 1 });
    return w;
  }

  it.each([
    ['home county support, with a job', 1, [0], 0.2 + 0.15 * 1.5 * 1.2],
    ['home county support, no job', 0, [0], 0.2 + 0.15 * 1.5 * 0.8],
    ['support in the host county only, with a job', 1, [1], 0.2 + 0.15 * 1.2],
    ['no support, no job', 0, [], 0.2 + 0.15 * 0.8],
    ['support in both', 1, [0, 1], 0.2 + 0.15 * 1.5 * 1.2],
  ])('%s', (_what, wageLabour, supportIn, expected) => {
    const w = integrationWorld(wageLabour as number, supportIn as number[]);
    householdYear(w);
    expectClose(w.households.integration[0], expected as number, 1e-6);
  });

  it('integration stops at 1', () => {
    const w = integrationWorld(1, [0]);
    w.households.integration[0] = 0.95;
    householdYear(w);
    expect(w.households.integration[0]).toBe(1);
  });
});
