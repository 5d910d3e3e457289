/**
 * Numerical health (issue #8): every run checks its state after each year and its recorded
 * indicators (finite values, non-negative stocks and counts, rates in 0..1) and stops with a
 * ModelHealthError naming the county, the year and the field.
 */
import { describe, expect, it } from 'vitest';
import { checkHealth, checkIndicators, ModelHealthError } from '../../../src/model/health';
import { INDICATORS, parseScenario, Simulation } from '../../../src/model/index';
import { SMALL } from './fuzz';

const scenario = () => parseScenario(JSON.stringify(SMALL), 'small.json');

function stopsWith(sim: Simulation): ModelHealthError {
  try {
    sim.step();
  } catch (e) {
    expect(e).toBeInstanceOf(ModelHealthError);
    return e as ModelHealthError;
  }
  throw new Error('the step did not stop');
}

describe('health check of every simulated year', () => {
  it('a stock that becomes NaN stops the run in that year, naming the county and field', () => {
    const sim = new Simulation(scenario());
    sim.step();
    sim.step();
    (sim.world.county.capital as Float64Array)[1] = NaN;
    const e = stopsWith(sim);
    expect(e.year).toBe(2016);
    expect(e.county).toBe('qiu');
    expect(e.message).toMatch(/model state broke in 2016: county qiu, field \w+ = NaN/);
  });

  it('the state check names a negative stock, village ecology outside 0..1 and a non-positive price', () => {
    const sim = new Simulation(scenario());
    sim.step();
    const w = sim.world;
    expect(() => checkHealth(w)).not.toThrow();
    const keep = w.county.transport[0];
    w.county.transport[0] = -5;
    expect(() => checkHealth(w)).toThrow(/model state broke in 2014: county shan, field transport = -5/);
    w.county.transport[0] = keep;
    const eco = w.villages.eco[0];
    w.villages.eco[0] = 3;
    expect(() => checkHealth(w)).toThrow(/county shan, field villages\.eco\[0\] = 3/);
    w.villages.eco[0] = eco;
    w.markets.price[0] = 0;
    expect(() => checkHealth(w)).toThrow(/county region, field markets\.price\[0\] = 0/);
  });

  it('recorded indicators: a rate above 1, a negative population, a NaN are each named', () => {
    const names = INDICATORS.map((i) => i.name);
    const k = names.length;
    const ok = () => {
      const v = new Float64Array(3 * k);
      names.forEach((n, i) => { for (let u = 0; u < 3; u++) v[u * k + i] = n === 'population' ? 1000 : 0.5; });
      return v;
    };
    expect(() => checkIndicators(ok(), 0, names, ['a', 'b'], 2020)).not.toThrow();
    const cases: [string, number, number, RegExp][] = [
      ['povertyRate', 1, 1.5, /county b, field povertyRate = 1.5 \(expected a rate from 0 to 1\)/],
      ['population', 0, -3, /county a, field population = -3 \(expected a non-negative number\)/],
      ['meanIncome', 2, NaN, /county region, field meanIncome = NaN \(expected a finite number\)/],
      ['growthMomentum', 0, Infinity, /field growthMomentum = Infinity/],
    ];
    for (const [name, unit, value, message] of cases) {
      const v = ok();
      v[unit * k + names.indexOf(name)] = value;
      expect(() => checkIndicators(v, 0, names, ['a', 'b'], 2020)).toThrow(message);
    }
    // a negative growth rate is fine
    const v = ok();
    v[names.indexOf('growthMomentum')] = -0.2;
    expect(() => checkIndicators(v, 0, names, ['a', 'b'], 2020)).not.toThrow();
  });

  it('a healthy run passes every yearly check to its horizon', () => {
    const r = new Simulation(scenario()).runToEnd();
    expect(r.values.every((x) => Number.isFinite(x))).toBe(true);
  });
});
