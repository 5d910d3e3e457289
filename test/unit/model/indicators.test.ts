import { describe, expect, it } from 'vitest';
import { INDICATORS, INDICATOR_INDEX as I, type IndicatorName } from '../../../src/model/indicators';
import { STATUS } from '../../../src/model/state/households';
import { CADRE, DOCTOR, TEACHER, TECHNICIAN } from '../../../src/model/state/professionals';
import type { World } from '../../../src/model/state/world';
import { recordIndicators } from '../../../src/model/systems/indicators';
import { expectClose, type HouseholdValues, setCounty, setHouseholds, tinyWorld } from '../../helpers/world';

const NI = INDICATORS.length;
const REG = STATUS.alive | STATUS.registered | STATUS.everRegistered;
const EXITED = STATUS.alive | STATUS.exited | STATUS.everRegistered;

function record(w: World): (unit: number, name: IndicatorName) => number {
  const out = new Float64Array((w.county.count + 1) * NI);
  recordIndicators(w, out, 0);
  return (unit, name) => out[unit * NI + I[name]];
}

/**
 * County 0 (12 people):
 *  A 2 adults, income 1000, registered            -> poor, registered
 *  B 1 youth, 1 adult, 2 kids, income 3000, never registered
 *  C 2 elders, income 2000, exited (year 2)       -> poor, an exited household back in poverty
 *  D 3 youth, income 5000, exited (year 1)
 *  H 1 adult, income 2500, never registered
 *  E not alive (ignored)
 * County 1 (5 people):
 *  F 2 youth, 2 adults, income 8000, never registered
 *  G 1 elder, income 500, registered              -> poor
 * As the household pass would have counted them: never-registered live households 2 (B, H) and
 * 1 (F); new poor 1 (of B, H) and 0.
 */
function populationWorld(): World {
  const w = tinyWorld({ counties: [{ households: 10 }, { id: 'p', terrain: 'plain', households: 10 }] });
  const rows: Partial<HouseholdValues>[] = [
    { adults: 2, income: 1000, status: REG },
    { youth: 1, adults: 1, kids: 2, income: 3000 },
    { adults: 0, elders: 2, income: 2000, status: EXITED, exitYear: 2 },
    { adults: 0, youth: 3, income: 5000, status: EXITED, exitYear: 1 },
    { adults: 1, income: 2500 },
    { adults: 2, income: 0, status: 0 },
    { county: 1, youth: 2, adults: 2, income: 8000 },
    { county: 1, adults: 0, elders: 1, income: 500, status: REG },
  ];
  setHouseholds(w, rows);
  setCounty(w, 0, { newPoorHouseholds: 1, neverRegistered: 2 });
  setCounty(w, 1, { newPoorHouseholds: 0, neverRegistered: 1 });
  // A sentinel: recording the indicators must not write registeredPeople (identification does).
  setCounty(w, 0, { registeredPeople: 99 });
  setCounty(w, 1, { registeredPeople: 98 });
  return w;
}

describe('recordIndicators on a hand-built population', () => {
  const w = populationWorld();
  const v = record(w);

  it('population counts resident people of alive households (times scale)', () => {
    expect(v(0, 'population')).toBe(12);
    expect(v(1, 'population')).toBe(5);
  });

  // Was a known bug (the region counted every county's people twice, 34 here); fixed.
  it('region population is the sum of the counties (12 + 5 = 17)', () => {
    expect(v(2, 'population')).toBe(17);
    expect(v(2, 'population')).toBe(v(0, 'population') + v(1, 'population'));
  });

  it('povertyRate: people below the line over people (4/12, 1/5; region pooled 5/17)', () => {
    expectClose(v(0, 'povertyRate'), 4 / 12, 1e-12);
    expectClose(v(1, 'povertyRate'), 1 / 5, 1e-12);
    expectClose(v(2, 'povertyRate'), 5 / 17, 1e-12);
    // Pooled ratio over residents = population-weighted mean of the county rates.
    expectClose(v(2, 'povertyRate'), (12 * v(0, 'povertyRate') + 5 * v(1, 'povertyRate')) / 17, 1e-12);
  });

  it('registeredPoorRate: people in registered households (2/12, 1/5, 3/17); registeredPeople is not written', () => {
    expectClose(v(0, 'registeredPoorRate'), 2 / 12, 1e-12);
    expectClose(v(1, 'registeredPoorRate'), 1 / 5, 1e-12);
    expectClose(v(2, 'registeredPoorRate'), 3 / 17, 1e-12);
    // registeredPeople is set at the end of identification now, no longer as a side effect here.
    expect(w.county.registeredPeople[0]).toBe(99);
    expect(w.county.registeredPeople[1]).toBe(98);
  });

  it('meanIncome: people-weighted per-capita income (35500/12, 6500, 68000/17 = 4000)', () => {
    expectClose(v(0, 'meanIncome'), 35_500 / 12, 1e-12);
    expectClose(v(1, 'meanIncome'), 6500, 1e-12);
    expectClose(v(2, 'meanIncome'), 4000, 1e-12);
  });

  it('returnToPovertyRate: of households that ever exited, the share below the line (1/2; none -> 0)', () => {
    expectClose(v(0, 'returnToPovertyRate'), 0.5, 1e-12);
    expect(v(1, 'returnToPovertyRate')).toBe(0);
    expectClose(v(2, 'returnToPovertyRate'), 0.5, 1e-12);
  });

  it('newPoorRate: new poor households over never-registered households (1/2, 0/1, pooled 1/3)', () => {
    expectClose(v(0, 'newPoorRate'), 0.5, 1e-12);
    expect(v(1, 'newPoorRate')).toBe(0);
    expectClose(v(2, 'newPoorRate'), 1 / 3, 1e-12);
  });

  it('newPoorRate reads its denominator from county.neverRegistered (the household pass), not from the status flags now', () => {
    // Identification may have registered households since the household pass: the pass's count is used.
    const x = populationWorld();
    setCounty(x, 0, { newPoorHouseholds: 3, neverRegistered: 4 });
    setCounty(x, 1, { newPoorHouseholds: 2, neverRegistered: 8 });
    const r = record(x);
    expectClose(r(0, 'newPoorRate'), 3 / 4, 1e-12);
    expectClose(r(1, 'newPoorRate'), 2 / 8, 1e-12);
    expectClose(r(2, 'newPoorRate'), 5 / 12, 1e-12);
    // No never-registered household counted: 0, not NaN.
    setCounty(x, 0, { newPoorHouseholds: 0, neverRegistered: 0 });
    expect(record(x)(0, 'newPoorRate')).toBe(0);
  });

  it('youthShare: residents aged 18-35 over residents (4/12, 2/5, 6/17)', () => {
    expectClose(v(0, 'youthShare'), 4 / 12, 1e-12);
    expectClose(v(1, 'youthShare'), 2 / 5, 1e-12);
    expectClose(v(2, 'youthShare'), 6 / 17, 1e-12);
  });

  it('nearPoorRate: people between the line and 1.5x it (B 4 + H 1 = 5/12)', () => {
    expectClose(v(0, 'nearPoorRate'), 5 / 12, 1e-12);
    expect(v(1, 'nearPoorRate')).toBe(0);
  });
});

describe('recordIndicators: scale and offset', () => {
  it('population and new-poor denominators scale with the agents; writing at an offset leaves the rest alone', () => {
    const w = tinyWorld({ scale: 10, counties: [{ households: 100 }] });
    setHouseholds(w, [{ adults: 2, income: 1000 }, { adults: 3, income: 4000 }]);
    // The household pass counts in real households: 2 never-registered agents at scale 10, one new poor.
    setCounty(w, 0, { newPoorHouseholds: 10, neverRegistered: 20 });
    const out = new Float64Array(3 * 2 * NI).fill(-1);
    recordIndicators(w, out, 2 * NI);
    expect(out[0]).toBe(-1);
    expect(out[2 * NI - 1]).toBe(-1);
    expect(out[2 * NI + I.population]).toBe(50);
    expectClose(out[2 * NI + I.povertyRate], 2 / 5, 1e-12);
    expectClose(out[2 * NI + I.newPoorRate], 10 / 20, 1e-12);
    expectClose(out[3 * NI + I.povertyRate], 2 / 5, 1e-12);
  });
});

describe('recordIndicators: empty populations', () => {
  it('a county with no live household: rates are 0, never NaN', () => {
    const w = tinyWorld({ counties: [{ households: 5 }, { id: 'p', terrain: 'plain', households: 5 }] });
    setHouseholds(w, [{ adults: 2, income: 1000 }, { county: 1, adults: 2, income: 1000, status: 0 }]);
    setCounty(w, 1, { pupils: 0, earmarked: 0, output: 0, outputLastYear: 0 });
    const out = new Float64Array(3 * NI);
    recordIndicators(w, out, 0);
    for (let k = 0; k < 3 * NI; k++) expect(Number.isNaN(out[k]), INDICATORS[k % NI].name).toBe(false);
    for (const name of ['population', 'povertyRate', 'registeredPoorRate', 'meanIncome', 'youthShare', 'gini', 'teachersPer1000Pupils', 'doctorsPer1000', 'idleEarmarkedShare'] as const) {
      expect(out[NI + I[name]], name).toBe(0);
    }
  });
});

describe('recordIndicators: Gini', () => {
  function gini(rows: Partial<HouseholdValues>[], counties = 1): (unit: number) => number {
    const w = tinyWorld({ counties: Array.from({ length: counties }, (_, c) => ({ id: `c${c}`, households: 200 })) });
    setHouseholds(w, rows);
    const v = record(w);
    return (u) => v(u, 'gini');
  }

  it('equal incomes: 0', () => {
    const g = gini(Array.from({ length: 20 }, () => ({ income: 5000 })));
    expect(g(0)).toBe(0);
  });

  it('two equal groups at 1000 and 9000: (9000 - 1000) / (2 * 10000) = 0.4, within 0.01', () => {
    const g = gini(Array.from({ length: 20 }, (_, i) => ({ income: i < 10 ? 1000 : 9000 })));
    expect(Math.abs(g(0) - 0.4)).toBeLessThan(0.01);
  });

  it('people weight: one person at 1000 and three at 5000 (households of 1 and 3): Gini 0.1875 within 0.01', () => {
    // Pairs: |1000 - 5000| * 2 * 3 / (2 * 16 * 4000) = 24000 / 128000.
    const g = gini([{ adults: 1, income: 1000 }, { adults: 3, income: 5000 }]);
    expect(Math.abs(g(0) - 0.1875)).toBeLessThan(0.01);
  });

  it('200 incomes spread evenly from 1000 to 10000: matches the exact Gini (O(n^2) by hand) within 0.01', () => {
    const incomes = Array.from({ length: 200 }, (_, i) => 1000 + (9000 * (i + 0.5)) / 200);
    let pairs = 0;
    for (const a of incomes) for (const b of incomes) pairs += Math.abs(a - b);
    const mean = incomes.reduce((s, x) => s + x, 0) / incomes.length;
    const exact = pairs / (2 * incomes.length ** 2 * mean);
    const g = gini(incomes.map((income) => ({ adults: 1, income })));
    expect(Math.abs(g(0) - exact)).toBeLessThan(0.01);
    expect(exact).toBeCloseTo(9000 / (3 * 11_000), 2);
  });

  it('region Gini is recomputed over all households: counties equal inside (0 each), 1000 vs 9000 across -> 0.4', () => {
    const rows = [
      ...Array.from({ length: 10 }, () => ({ county: 0, income: 1000 })),
      ...Array.from({ length: 10 }, () => ({ county: 1, income: 9000 })),
    ];
    const g = gini(rows, 2);
    expect(g(0)).toBe(0);
    expect(g(1)).toBe(0);
    expect(Math.abs(g(2) - 0.4)).toBeLessThan(0.01);
  });

  it('zero and negative incomes count as zero income: Gini of {0, x} halves is 0.5 within 0.01', () => {
    const g = gini(Array.from({ length: 20 }, (_, i) => ({ income: i < 10 ? -500 : 4000 })));
    expect(Math.abs(g(0) - 0.5)).toBeLessThan(0.01);
  });
});

describe('recordIndicators: county quantities and region aggregation (sum, pooled ratio, weighted)', () => {
  /** Two counties of 12 and 5 people (see populationWorld) with chosen county fields. */
  function countyWorld(): World {
    const w = populationWorld();
    setCounty(w, 0, {
      pupils: 100, talentOutflow: 3, capital: 1e6, tourismCapital: 2e5, householdAssets: 3e5, investment: 5e4, output: 4e5,
      transport: 0.3, irrigation: 0.6, water: 0.9, ecoMean: 0.4, growthMomentum: 0.1, outputLastYear: 4e5 / 1.1,
      fiscalDependency: 0.8, idleEarmarked: 1e5, earmarked: 4e5, generalTransfer: 6e5, ownRevenue: 2.5e5,
      assessmentBurden: 0.2, loopGain: 1.5, relocatedPeople: 40, interventionCost: 1e6,
    });
    setCounty(w, 1, {
      pupils: 50, talentOutflow: 1, capital: 2e6, tourismCapital: 0, householdAssets: 1e5, investment: 1e5, output: 6e5,
      transport: 0.9, irrigation: 0.9, water: 0.9, ecoMean: 0.8, growthMomentum: -0.2, outputLastYear: 6e5 / 0.8,
      fiscalDependency: 0.5, idleEarmarked: 0, earmarked: 1e5, generalTransfer: 1e5, ownRevenue: 2e5,
      assessmentBurden: 0.05, loopGain: 0.5, relocatedPeople: 0, interventionCost: 5e5,
    });
    w.talent.inPost.fill(0);
    w.talent.inPost[0 * 4 + TEACHER] = 6;
    w.talent.inPost[0 * 4 + DOCTOR] = 3;
    w.talent.inPost[1 * 4 + TEACHER] = 4;
    w.talent.inPost[1 * 4 + DOCTOR] = 1;
    return w;
  }
  const v = record(countyWorld());

  it('sum: talentOutflow, capitalStock (firms + tourism + household assets), relocatedPeople, interventionCost', () => {
    expect(v(0, 'capitalStock')).toBe(1.5e6);
    expect(v(1, 'capitalStock')).toBe(2.1e6);
    expect(v(2, 'capitalStock')).toBe(3.6e6);
    expect(v(2, 'talentOutflow')).toBe(4);
    expect(v(2, 'relocatedPeople')).toBe(40);
    expect(v(2, 'interventionCost')).toBe(1.5e6);
  });

  it('pooled ratios: teachers per 1000 pupils, doctors per 1000 residents, investment rate, idle share, fiscal dependency', () => {
    expectClose(v(0, 'teachersPer1000Pupils'), 60, 1e-12);
    expectClose(v(1, 'teachersPer1000Pupils'), 80, 1e-12);
    expectClose(v(2, 'teachersPer1000Pupils'), (10 * 1000) / 150, 1e-12);
    expectClose(v(0, 'doctorsPer1000'), 3000 / 12, 1e-12);
    expectClose(v(2, 'doctorsPer1000'), 4000 / 17, 1e-12);
    expectClose(v(0, 'localInvestmentRate'), 0.125, 1e-12);
    expectClose(v(2, 'localInvestmentRate'), 1.5e5 / 1e6, 1e-12);
    expectClose(v(0, 'idleEarmarkedShare'), 0.25, 1e-12);
    expect(v(1, 'idleEarmarkedShare')).toBe(0);
    expectClose(v(2, 'idleEarmarkedShare'), 1e5 / 5e5, 1e-12);
    // County values come from the fiscal system; the region pools transfers over revenue.
    expectClose(v(0, 'fiscalDependency'), 0.8, 1e-12);
    expectClose(v(2, 'fiscalDependency'), (1e6 + 2e5) / (1e6 + 2e5 + 4.5e5), 1e-12);
  });

  it('growthMomentum of the region: total output over total output last year, minus 1', () => {
    expectClose(v(0, 'growthMomentum'), 0.1, 1e-12);
    expectClose(v(2, 'growthMomentum'), 1e6 / (4e5 / 1.1 + 6e5 / 0.8) - 1, 1e-12);
  });

  it('weighted by population: infrastructureIndex, ecoCapacity, assessmentBurden, loopGain', () => {
    expectClose(v(0, 'infrastructureIndex'), 0.6, 1e-12);
    expectClose(v(1, 'infrastructureIndex'), 0.9, 1e-12);
    expectClose(v(2, 'infrastructureIndex'), (12 * 0.6 + 5 * 0.9) / 17, 1e-12);
    expectClose(v(2, 'ecoCapacity'), (12 * 0.4 + 5 * 0.8) / 17, 1e-12);
    expectClose(v(2, 'assessmentBurden'), (12 * 0.2 + 5 * 0.05) / 17, 1e-12);
    expectClose(v(2, 'loopGain'), (12 * 1.5 + 5 * 0.5) / 17, 1e-12);
  });

  it('netFactorFlow = (youth returning + hires - youth leaving - professionals leaving) / (resident youth + professionals in post); region pooled', () => {
    const w = countyWorld();
    setCounty(w, 0, { youthReturn: 5, hires: 3, youthOutflow: 12, talentOutflow: 3, youthResidents: 100 });
    setCounty(w, 1, { youthReturn: 4, hires: 2, youthOutflow: 1, talentOutflow: 1, youthResidents: 50 });
    // In post: county 0 teachers 6, doctors 3, cadres 2, technicians 1 (12); county 1: 4, 1, 0, 1 (6).
    w.talent.inPost[0 * 4 + CADRE] = 2;
    w.talent.inPost[0 * 4 + TECHNICIAN] = 1;
    w.talent.inPost[1 * 4 + TECHNICIAN] = 1;
    const r = record(w);
    expectClose(r(0, 'netFactorFlow'), (5 + 3 - 12 - 3) / (100 + 12), 1e-12);
    expectClose(r(1, 'netFactorFlow'), (4 + 2 - 1 - 1) / (50 + 6), 1e-12);
    expectClose(r(2, 'netFactorFlow'), (-7 + 4) / (112 + 56), 1e-12);
    expect(r(0, 'netFactorFlow')).toBeLessThan(0);
    // Nobody to flow: 0, not NaN.
    setCounty(w, 1, { youthReturn: 0, hires: 0, youthOutflow: 0, talentOutflow: 0, youthResidents: 0 });
    for (let kind = 0; kind < 4; kind++) w.talent.inPost[1 * 4 + kind] = 0;
    expect(record(w)(1, 'netFactorFlow')).toBe(0);
  });

  it('every indicator declares one of the documented aggregations', () => {
    for (const d of INDICATORS) expect(['sum', 'ratio', 'weighted', 'gini']).toContain(d.aggregation);
    expect(INDICATORS.filter((d) => d.aggregation === 'gini').map((d) => d.name)).toEqual(['gini']);
  });
});

describe('recordIndicators: lastingExits (exits that stayed out five years)', () => {
  // Year index t = 7: the cohort that exited in year 2 is due. Line 2300 (default).
  function exitsWorld(scale = 1): World {
    const w = tinyWorld({ scale, counties: [{ households: 10 * scale }, { id: 'p', terrain: 'plain', households: 10 * scale }] });
    setHouseholds(w, [
      { income: 9000, status: EXITED, exitYear: 2 }, // 0: lasted -> counted
      { income: 9000, status: EXITED, exitYear: 2, fellBack: 1 }, // 1: fell back in an earlier year
      { income: 1000, status: EXITED, exitYear: 2 }, // 2: below the line now
      { income: 9000, status: EXITED, exitYear: 3 }, // 3: a later cohort, not due yet
      { income: 9000, status: REG, exitYear: 2 }, // 4: back on the register
      { county: 1, income: 9000, status: EXITED, exitYear: 2 }, // 5: lasted -> counted
    ]);
    w.t = 7;
    return w;
  }

  it('counts each due exit that was never below the line nor back on the register (1 and 1; region 2)', () => {
    const w = exitsWorld();
    const v = record(w);
    expect(v(0, 'lastingExits')).toBe(1);
    expect(v(1, 'lastingExits')).toBe(1);
    expect(v(2, 'lastingExits')).toBe(2);
  });

  it('marks households that fall back, so a later year does not count them', () => {
    const w = exitsWorld();
    record(w);
    expect([...w.households.fellBack.slice(0, 6)]).toEqual([0, 1, 1, 0, 1, 0]);
    // Next year household 2 is above the line again, but it fell back: cohort 3 is due now.
    w.households.income[2] = 9000;
    w.t = 8;
    const v = record(w);
    expect(v(0, 'lastingExits')).toBe(1); // household 3 only
    expect(v(1, 'lastingExits')).toBe(0);
  });

  it('is multiplied by the households each agent stands for', () => {
    const w = exitsWorld(10);
    expect(record(w)(2, 'lastingExits')).toBe(20);
  });
});

