import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { ALEA_STATE, aleaNext, drawFrom, loadStream, normal, runSeed, stochasticRound, storeStream, stream, streams } from '../../../src/model/rng';

function moments(xs: Float64Array): { mean: number; variance: number } {
  let s = 0;
  for (const x of xs) s += x;
  const mean = s / xs.length;
  let v = 0;
  for (const x of xs) v += (x - mean) * (x - mean);
  return { mean, variance: v / (xs.length - 1) };
}

describe('runSeed and stream', () => {
  it('runSeed is "seed:run" and depends on nothing else', () => {
    expect(runSeed(42, 1)).toBe('42:1');
    expect(runSeed(0, 17)).toBe('0:17');
    expect(runSeed(42, 1)).not.toBe(runSeed(42, 2));
  });

  it('a stream is alea seeded with "seed:run:county:purpose"', () => {
    const a = stream(42, 3, 5, 'talent');
    const ref = seedrandom.alea('42:3:5:talent');
    for (let i = 0; i < 50; i++) expect(a()).toBe(ref());
  });

  it('the same (seed, run, county, purpose) gives the same sequence; any change gives another', () => {
    const draw = (r: () => number) => Array.from({ length: 20 }, () => r());
    const base = draw(stream(1, 1, 0, 'households'));
    expect(draw(stream(1, 1, 0, 'households'))).toEqual(base);
    for (const other of [stream(2, 1, 0, 'households'), stream(1, 2, 0, 'households'), stream(1, 1, 1, 'households'), stream(1, 1, 0, 'talent')]) {
      expect(draw(other)).not.toEqual(base);
    }
  });

  it('a StreamSet gives each county the stream `stream` gives it, and inline draws from its packed states continue the same sequences', () => {
    const set = streams(42, 3, 4, 'households');
    const refs = [0, 1, 2, 3].map((c) => stream(42, 3, c, 'households'));
    for (let c = 0; c < 4; c++) for (let i = 0; i < 10; i++) expect(set[c]()).toBe(refs[c]());
    // Inline (as the hot loops draw), interleaved with calls: one sequence per county.
    for (let i = 0; i < 30; i++) {
      const c = i % 4;
      expect(i % 3 === 0 ? set[c]() : aleaNext(set.states, c * ALEA_STATE)).toBe(refs[c]());
    }
  });

  it('a stream held for a run (loadStream, drawFrom, storeStream) gives the same numbers and leaves the packed state where calls would', () => {
    const set = streams(42, 3, 4, 'households');
    const refs = [0, 1, 2, 3].map((c) => stream(42, 3, c, 'households'));
    // Runs of different lengths, county by county and back, as the household passes hold them.
    for (const [c, n] of [[2, 5], [0, 1], [2, 3], [3, 0], [1, 7]] as const) {
      const g = loadStream(set.states, c * ALEA_STATE);
      for (let i = 0; i < n; i++) expect(drawFrom(g)).toBe(refs[c]());
      storeStream(set.states, c * ALEA_STATE, g);
    }
    for (let c = 0; c < 4; c++) expect(set[c]()).toBe(refs[c]());
  });

  it('streams are independent: drawing from one does not move another', () => {
    const a1 = stream(9, 1, 0, 'villages');
    const b1 = stream(9, 1, 1, 'villages');
    const a2 = stream(9, 1, 0, 'villages');
    for (let i = 0; i < 100; i++) b1();
    for (let i = 0; i < 10; i++) expect(a1()).toBe(a2());
  });
});

describe('alea stream moments (seed 2024, 1e5 draws)', () => {
  const r = stream(2024, 1, 0, 'moments');
  const xs = new Float64Array(100_000);
  for (let i = 0; i < xs.length; i++) xs[i] = r();
  const { mean, variance } = moments(xs);

  it('every draw is in [0, 1)', () => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of xs) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
  });

  it('mean is 0.5 ± 0.005', () => {
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
  });

  it('variance is 1/12 ± 0.002', () => {
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
  });

  it('each tenth of [0,1) holds 10% ± 0.3 percentage points of draws', () => {
    const bins = new Float64Array(10);
    for (const x of xs) bins[Math.floor(x * 10)]++;
    for (const b of bins) expect(Math.abs(b / xs.length - 0.1)).toBeLessThan(0.003);
  });

  it('lag-1 autocorrelation is 0 ± 0.01', () => {
    let s = 0;
    for (let i = 1; i < xs.length; i++) s += (xs[i] - mean) * (xs[i - 1] - mean);
    expect(Math.abs(s / (xs.length - 1) / variance)).toBeLessThan(0.01);
  });
});

describe('normal (Box-Muller) moments (seed 7, 1e5 draws)', () => {
  const r = stream(7, 1, 0, 'normal');
  const xs = new Float64Array(100_000);
  for (let i = 0; i < xs.length; i++) xs[i] = normal(r);
  const { mean, variance } = moments(xs);

  it('mean is 0 ± 0.01', () => {
    expect(Math.abs(mean)).toBeLessThan(0.01);
  });

  it('standard deviation is 1 ± 0.01', () => {
    expect(Math.abs(Math.sqrt(variance) - 1)).toBeLessThan(0.01);
  });

  it('share within one sd is 0.6827 ± 0.005, within two sd 0.9545 ± 0.003', () => {
    let one = 0;
    let two = 0;
    for (const x of xs) {
      if (Math.abs(x) < 1) one++;
      if (Math.abs(x) < 2) two++;
    }
    expect(Math.abs(one / xs.length - 0.6827)).toBeLessThan(0.005);
    expect(Math.abs(two / xs.length - 0.9545)).toBeLessThan(0.003);
  });

  it('skewness is 0 ± 0.03 and excess kurtosis 0 ± 0.06', () => {
    let m3 = 0;
    let m4 = 0;
    for (const x of xs) {
      const d = x - mean;
      m3 += d ** 3;
      m4 += d ** 4;
    }
    m3 /= xs.length;
    m4 /= xs.length;
    expect(Math.abs(m3 / variance ** 1.5)).toBeLessThan(0.03);
    expect(Math.abs(m4 / variance ** 2 - 3)).toBeLessThan(0.06);
  });

  it('a source returning 0 gives a finite draw (u is floored at 1e-12)', () => {
    let k = 0;
    const zeroThenHalf = () => (k++ === 0 ? 0 : 0.5);
    const x = normal(zeroThenHalf);
    expect(x).toBeCloseTo(Math.sqrt(-2 * Math.log(1e-12)) * Math.cos(Math.PI), 12);
  });
});

describe('stochasticRound', () => {
  it('rounds down when u >= the fraction, up when u < it (exact cases)', () => {
    expect(stochasticRound(2.3, 0.29)).toBe(3);
    expect(stochasticRound(2.3, 0.31)).toBe(2);
    expect(stochasticRound(2.3, 0)).toBe(3);
    expect(stochasticRound(2.3, 0.999999)).toBe(2);
  });

  it('integers are left alone whatever u', () => {
    for (const u of [0, 0.3, 0.999]) {
      expect(stochasticRound(4, u)).toBe(4);
      expect(stochasticRound(0, u)).toBe(0);
    }
  });

  it('negative values round to the neighbouring integers: -1.25 gives -1 or -2', () => {
    expect(stochasticRound(-1.25, 0.5)).toBe(-1);
    expect(stochasticRound(-1.25, 0.7)).toBe(-1);
    expect(stochasticRound(-1.25, 0.74)).toBe(-1);
    expect(stochasticRound(-1.25, 0.76)).toBe(-2);
  });

  it('is unbiased: the mean of 1e5 roundings of 2.3 is 2.3 ± 0.01 (seed 3)', () => {
    const r = stream(3, 1, 0, 'round');
    let s = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) s += stochasticRound(2.3, r());
    expect(Math.abs(s / n - 2.3)).toBeLessThan(0.01);
  });

  it('is unbiased for small rates: mean of 1e5 roundings of 0.055 is 0.055 ± 0.003 (seed 4)', () => {
    const r = stream(4, 1, 0, 'round');
    let s = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) s += stochasticRound(0.055, r());
    expect(Math.abs(s / n - 0.055)).toBeLessThan(0.003);
  });
});
