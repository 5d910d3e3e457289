/**
 * How checks read a run: units (a terrain pools its counties: sums for totals, population-weighted
 * means otherwise), the reductions over years, comparisons with another measure or run.
 */
import { describe, expect, it } from 'vitest';
import type { IndicatorName } from '../../../src/model/index';
import { evaluateCheck, type LessonCheck, type LessonMeasure, measureValue, type RunData, unitValue } from '../../../src/lesson/index';

/** Two mountain counties and a plain one over three years; the region is unit 3. */
function run(scale = 1): RunData {
  const pop = [[100, 300, 600, 1000], [100, 300, 600, 1000], [100, 300, 600, 1000]];
  const rate = [[0.5, 0.3, 0.1, 0.2], [0.4, 0.2, 0.1, 0.15], [0.3, 0.1, 0.05, 0.1]];
  const outflow = [[10, 20, 5, 35], [8, 16, 5, 29], [6, 12, 4, 22]];
  return {
    startYear: 2013,
    counties: [{ id: 'a', terrain: 'mountain' }, { id: 'b', terrain: 'mountain' }, { id: 'c', terrain: 'plain' }],
    value(y: number, u: number, name: IndicatorName) {
      if (y < 0 || y > 2) return NaN;
      if (name === 'population') return pop[y][u];
      if (name === 'povertyRate') return rate[y][u] * scale;
      if (name === 'talentOutflow') return outflow[y][u] * scale;
      return NaN;
    },
  };
}

const m = (over: Partial<LessonMeasure>): LessonMeasure => ({ indicator: 'povertyRate', unit: 'mountain', from: 2013, to: 2013, stat: 'last', ...over });
const check = (over: Partial<LessonCheck>): LessonCheck => ({ claim: { zh: '', en: '' }, measure: m({}), op: '<', value: 0, against: null, relative: false, ...over });

describe('lesson checks', () => {
  it('pools a terrain: population-weighted for rates, summed for totals', () => {
    const r = run();
    expect(unitValue(r, 0, 'mountain', 'povertyRate')).toBeCloseTo((0.5 * 100 + 0.3 * 300) / 400, 12);
    expect(unitValue(r, 0, 'mountain', 'talentOutflow')).toBe(30);
    expect(unitValue(r, 0, 'region', 'povertyRate')).toBe(0.2);
    expect(unitValue(r, 1, 'c', 'povertyRate')).toBe(0.1);
    expect(unitValue(r, 1, 'nowhere', 'povertyRate')).toBeNaN();
    expect(unitValue(r, 5, 'a', 'povertyRate')).toBeNaN();
  });

  it('reduces a span of years', () => {
    const r = run();
    const a = (stat: LessonMeasure['stat']) => measureValue(r, m({ unit: 'a', from: 2013, to: 2015, stat }));
    expect(a('mean')).toBeCloseTo(0.4, 12);
    expect(a('min')).toBe(0.3);
    expect(a('max')).toBe(0.5);
    expect(a('sum')).toBeCloseTo(1.2, 12);
    expect(a('first')).toBe(0.5);
    expect(a('last')).toBe(0.3);
    expect(a('change')).toBeCloseTo(-0.2, 12);
    expect(a('pctChange')).toBeCloseTo(-0.4, 12);
    // a year not simulated makes the measure NaN, and the check false
    expect(measureValue(r, m({ unit: 'a', from: 2013, to: 2016, stat: 'mean' }))).toBeNaN();
    expect(evaluateCheck(check({ measure: m({ unit: 'a', from: 2016, to: 2016 }), op: '<', value: 1 }), { main: r, compare: null }).ok).toBe(false);
  });

  it('compares with a value, another unit, or the comparison run (absolute or relative)', () => {
    const main = run();
    const other = run(2);
    expect(evaluateCheck(check({ measure: m({ unit: 'a' }), op: '>', value: 0.45 }), { main, compare: null })).toMatchObject({ ok: true, left: 0.5, right: null });
    expect(evaluateCheck(check({ measure: m({ unit: 'a' }), op: '>=', value: 0.5 }), { main, compare: null }).ok).toBe(true);
    expect(evaluateCheck(check({ measure: m({ unit: 'a' }), op: '<', value: 0.5 }), { main, compare: null }).ok).toBe(false);
    const vsPlain = check({ measure: m({ unit: 'a' }), op: '>', value: 0.15, against: { run: 'this', measure: m({ unit: 'c' }) } });
    expect(evaluateCheck(vsPlain, { main, compare: null })).toMatchObject({ ok: true, right: 0.1 });
    expect(evaluateCheck(vsPlain, { main, compare: null }).compared).toBeCloseTo(0.4, 12);
    const vsCompare = check({ measure: m({ unit: 'a' }), op: '<', value: -0.4, against: { run: 'compare', measure: m({ unit: 'a' }) }, relative: true });
    expect(evaluateCheck(vsCompare, { main, compare: other })).toMatchObject({ ok: true, left: 0.5, right: 1, compared: -0.5 });
    // no comparison run: the claim cannot be checked, so it does not hold
    expect(evaluateCheck(vsCompare, { main, compare: null }).ok).toBe(false);
  });
});
