import { describe, expect, it } from 'vitest';
import { costEffectiveness, lastingExits, personYearsOutOfPoverty, totalCost } from '../../../src/analysis/index';
import { handRun } from './helpers';

/** Two counties over 6 years; region unit = 2. */
function pair(run: number, effect: number) {
  const base = handRun({ run, years: 6, id: 'base' });
  const alt = handRun({ run, years: 6, id: 'alt' });
  for (let y = 0; y <= 6; y++) {
    for (const [r, rate] of [[base, 0.5], [alt, 0.5 - (y > 0 ? 0.1 * effect : 0)]] as const) {
      r.set(y, 0, 'povertyRate', rate);
      r.set(y, 1, 'povertyRate', 0.2);
      r.set(y, 0, 'population', 1000);
      r.set(y, 1, 'population', 2000);
    }
    base.set(y, 2, 'interventionCost', 10);
    alt.set(y, 2, 'interventionCost', y > 0 ? 10 + 1000 : 10);
  }
  return { base, alt };
}

describe('cost-effectiveness', () => {
  it('counts person-years out of poverty, yuan and their ratio by hand', () => {
    const { base, alt } = pair(1, 1);
    // 6 simulated years x (0.5 - 0.4) x 1000 people in county 0; county 1 unchanged.
    expect(personYearsOutOfPoverty(base, alt)).toBeCloseTo(600, 9);
    expect(totalCost(base)).toBe(70);
    expect(totalCost(alt)).toBe(70 + 6000);
    const ce = costEffectiveness([base], [alt]);
    expect(ce.runs[0].yuan).toBe(6000);
    expect(ce.runs[0].yuanPerPersonYear).toBeCloseTo(10, 9);
    expect(ce.yuanPerPersonYear.pooled).toBeCloseTo(10, 9);
  });

  it('weights the rate difference by the alternative\'s population', () => {
    const { base, alt } = pair(1, 1);
    for (let y = 1; y <= 6; y++) alt.set(y, 0, 'population', 500);
    expect(personYearsOutOfPoverty(base, alt)).toBeCloseTo(300, 9);
  });

  it('sums the engine\'s lastingExits over simulated years and counties (not the start year, not the region)', () => {
    const r = handRun({ years: 8 });
    r.set(0, 0, 'lastingExits', 1000); // the start year: no exit can have lasted yet
    r.set(6, 0, 'lastingExits', 100);
    r.set(7, 0, 'lastingExits', 50);
    r.set(8, 1, 'lastingExits', 10);
    r.set(8, 2, 'lastingExits', 160); // the region unit repeats the counties' sum
    expect(lastingExits(r)).toBe(160);
  });

  it('gives bands over runs and leaves out runs without a positive effect', () => {
    const pairs = [pair(1, 1), pair(2, 2), pair(3, 0), pair(4, -1)];
    const ce = costEffectiveness(pairs.map((p) => p.base), pairs.map((p) => p.alt));
    expect(ce.runs.map((r) => r.personYears.toFixed(6))).toEqual(['600.000000', '1200.000000', '0.000000', '-600.000000']);
    expect(ce.runs.map((r) => r.yuanPerPersonYear)).toEqual([expect.closeTo(10, 9), expect.closeTo(5, 9), null, null]);
    expect(ce.yuanPerPersonYear.undefinedRuns).toBe(2);
    expect(ce.yuanPerPersonYear.band.n).toBe(2);
    expect(ce.yuanPerPersonYear.band.median).toBeCloseTo(7.5, 9);
    // Pooled: mean yuan 6000 / mean effect 300.
    expect(ce.yuanPerPersonYear.pooled).toBeCloseTo(20, 9);
    expect(ce.yuan.median).toBe(6000);
    expect(ce.personYears.median).toBeCloseTo(300, 9);
    expect(ce.yuanPerLastingExit.band.n).toBe(0);
    expect(ce.yuanPerLastingExit.pooled).toBeNull();
  });

  it('refuses unpaired ensembles', () => {
    const a = pair(1, 1);
    const b = pair(2, 1);
    expect(() => costEffectiveness([a.base], [b.alt])).toThrow(/share run and seed/);
  });
});
