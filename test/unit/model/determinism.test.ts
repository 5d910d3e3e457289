import { describe, expect, it } from 'vitest';
import { INDICATOR_INDEX, INDICATORS } from '../../../src/model/indicators';
import { LEVERS } from '../../../src/model/levers/registry';
import { resultLeverCost, resultValue, runScenario, Simulation } from '../../../src/model/simulation';
import { tinyScenario } from '../../helpers/world';

/** Two small counties with the campaign's main levers on, so every sub-model draws. */
const scenario = (seed = 11) => tinyScenario({
  seed,
  scale: 5,
  years: 3,
  counties: [{ id: 'm', terrain: 'mountain', households: 400, villages: 4 }, { id: 'p', terrain: 'plain', households: 400, villages: 3 }],
  interventions: [
    { lever: 'registration', from: 2014, to: 2016 },
    { lever: 'relocation', from: 2015, to: 2016, counties: ['m'], eligibility: 'wholeVillage' },
    { lever: 'teacherPay', from: 2014, to: 2016, raise: 0.5 },
    { lever: 'bigDataIdentification', from: 2016, to: 2016, counties: 'plain' },
  ],
});

const same = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

describe('determinism', () => {
  const s = scenario();
  const reference = runScenario(s, 1, 11).values;

  it('same scenario, seed and run: identical values (and lever costs)', () => {
    const again = runScenario(s, 1, 11);
    expect(same(again.values, reference)).toBe(true);
    expect(same(again.leverCosts, runScenario(s, 1, 11).leverCosts)).toBe(true);
  });

  it('the seed argument defaults to the scenario seed', () => {
    expect(same(new Simulation(s, 1).runToEnd().values, reference)).toBe(true);
  });

  it('a different seed gives different values', () => {
    expect(same(runScenario(s, 1, 12).values, reference)).toBe(false);
  });

  it('run 2 differs from run 1', () => {
    expect(same(runScenario(s, 2, 11).values, reference)).toBe(false);
  });

  it('results do not depend on other simulations run in between (two interleaved step by step)', () => {
    const other = scenario(5);
    const otherReference = runScenario(other, 3, 5).values;
    const a = new Simulation(s, 1, 11);
    const b = new Simulation(other, 3, 5);
    while (!a.done || !b.done) {
      b.step();
      a.step();
    }
    expect(same(a.result().values, reference)).toBe(true);
    expect(same(b.result().values, otherReference)).toBe(true);
  });

  it('stepping matches runToEnd, and a finished simulation does not step further', () => {
    const sim = new Simulation(s, 1, 11);
    const years: number[] = [];
    sim.runToEnd((y) => years.push(y));
    expect(years).toEqual([2014, 2015, 2016]);
    expect(sim.yearsRecorded).toBe(4);
    sim.step();
    expect(sim.year).toBe(2016);
    expect(same(sim.result().values, reference)).toBe(true);
  });

  it('the scenario object is not mutated by a run', () => {
    const before = JSON.stringify(s);
    runScenario(s, 1, 11);
    expect(JSON.stringify(s)).toBe(before);
  });
});

describe('intervention costs by lever', () => {
  const r = runScenario(scenario(), 1, 11);
  const units = r.meta.counties.length + 1;

  it('sum over levers = interventionCost, in every year and unit (region = sum of counties)', () => {
    for (let y = 0; y <= r.meta.years; y++) {
      for (let u = 0; u < units; u++) {
        let total = 0;
        for (const l of LEVERS) total += resultLeverCost(r, y, l.name, u);
        const cost = resultValue(r, y, u, 'interventionCost');
        expect(Math.abs(total - cost)).toBeLessThanOrEqual(1e-9 * Math.max(1, cost));
      }
    }
    expect(resultValue(r, 2, units - 1, 'interventionCost')).toBeGreaterThan(0);
  });

  it('nothing is spent in the start year, and only levers of the scenario ever cost anything', () => {
    const used = new Set(['registration', 'relocation', 'teacherPay', 'bigDataIdentification']);
    for (const l of LEVERS) {
      for (let y = 0; y <= r.meta.years; y++) {
        for (let u = 0; u < units; u++) {
          const x = resultLeverCost(r, y, l.name, u);
          if (y === 0 || !used.has(l.name)) expect(x, `${l.name} ${y} ${u}`).toBe(0);
        }
      }
    }
    // Relocation (2015-2016, county m only) costs in m, not in p, and nothing in 2014.
    expect(resultLeverCost(r, 1, 'relocation', 0)).toBe(0);
    expect(resultLeverCost(r, 2, 'relocation', 0) + resultLeverCost(r, 3, 'relocation', 0)).toBeGreaterThan(0);
    expect(resultLeverCost(r, 2, 'relocation', 1)).toBe(0);
    expect(() => resultLeverCost(r, 1, 'nope', 0)).toThrow(RangeError);
  });

  it('indicator layout: values[(year * units + unit) * indicators + k]', () => {
    expect(r.values.length).toBe((r.meta.years + 1) * units * INDICATORS.length);
    expect(resultValue(r, 2, 1, 'povertyRate')).toBe(r.values[(2 * units + 1) * INDICATORS.length + INDICATOR_INDEX.povertyRate]);
  });
});
