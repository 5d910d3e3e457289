import { describe, expect, it } from 'vitest';
import {
  band, bandAt, bandSeries, compareEnsembles, ensembleBands, LayoutMismatch, median, pairedDifferences, PairingError, quantile, sampleSd, unitIndex,
} from '../../../src/analysis/index';
import { handRun } from './helpers';

describe('order statistics', () => {
  it('takes type-7 quantiles, medians and bands, leaving out non-finite values', () => {
    expect(quantile([5, 1, 4, 2, 3], 0.05)).toBeCloseTo(1.2, 12);
    expect(quantile([5, 1, 4, 2, 3], 0.95)).toBeCloseTo(4.8, 12);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([], 0.5)).toBeNaN();
    const b = band([1, 2, NaN, 3, Infinity]);
    expect(b).toEqual({ median: 2, lo: 1.1, hi: expect.closeTo(2.9, 12), mean: 2, n: 3 });
    expect(sampleSd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138089935, 8);
    expect(sampleSd([3])).toBe(0);
  });
});

describe('ensemble bands', () => {
  const runs = [1, 2, 3, 4, 5].map((run) => {
    const r = handRun({ run });
    r.set(2, 2, 'povertyRate', run / 10); // region, year index 2
    r.set(0, 0, 'population', 100 * run);
    return r;
  });

  it('gives the median, the 5-95% band and the mean of every value over runs', () => {
    const b = ensembleBands(runs);
    expect(b.runs).toBe(5);
    const at = bandAt(b, 2, 2, 'povertyRate');
    expect(at.median).toBeCloseTo(0.3, 12);
    expect(at.lo).toBeCloseTo(0.12, 12);
    expect(at.hi).toBeCloseTo(0.48, 12);
    expect(at.mean).toBeCloseTo(0.3, 12);
    expect(bandAt(b, 0, 0, 'population').median).toBe(300);
    const series = bandSeries(b, unitIndex(b.meta, 'region'), 'povertyRate');
    expect(series.map((s) => s.year)).toEqual([2013, 2014, 2015, 2016]);
    expect(series[2].median).toBeCloseTo(0.3, 12);
    expect(unitIndex(b.meta, 'c1')).toBe(1);
    expect(() => unitIndex(b.meta, 'nowhere')).toThrow(RangeError);
  });

  it('refuses runs of different layouts', () => {
    expect(() => ensembleBands([handRun(), handRun({ years: 4 })])).toThrow(LayoutMismatch);
    expect(() => ensembleBands([handRun(), handRun({ counties: 3 })])).toThrow(LayoutMismatch);
    expect(() => ensembleBands([])).toThrow(LayoutMismatch);
  });

  it('differences two ensembles run by run on common seeds, with the band of the difference', () => {
    const base = [1, 2, 3].map((run) => {
      const r = handRun({ run, id: 'base' });
      r.set(1, 2, 'meanIncome', 1000 * run);
      return r;
    });
    const alt = [1, 2, 3].map((run) => {
      const r = handRun({ run, id: 'alt' });
      r.set(1, 2, 'meanIncome', 1000 * run + 10 * run);
      return r;
    });
    const d = pairedDifferences(base, alt);
    expect(d.map((r) => r.meta.scenarioId)).toEqual(['alt-minus-base', 'alt-minus-base', 'alt-minus-base']);
    const c = compareEnsembles(base, alt);
    expect(bandAt(c.difference, 1, 2, 'meanIncome').median).toBe(20);
    expect(bandAt(c.difference, 1, 2, 'meanIncome').lo).toBeCloseTo(11, 12);
    expect(bandAt(c.baseline, 1, 2, 'meanIncome').median).toBe(2000);
    expect(() => pairedDifferences(base, alt.slice(0, 2))).toThrow(PairingError);
    expect(() => pairedDifferences(base, [alt[1], alt[0], alt[2]])).toThrow(/pairs must share run and seed/);
    expect(() => pairedDifferences(base, alt.map((r) => ({ ...r, meta: { ...r.meta, seed: 9 } })))).toThrow(PairingError);
  });
});
