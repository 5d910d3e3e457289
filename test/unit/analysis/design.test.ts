import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Factor, gridDesign, gridLevels, lhsDesign, morrisDesign } from '../../../src/analysis/index';

const range = (name: string, min: number, max: number, integer = false): Factor => ({ name, target: { kind: 'param', key: name }, min, max, integer });
const list = (name: string, values: (number | string)[]): Factor => ({ name, target: { kind: 'param', key: name }, values });

describe('grid design', () => {
  it('takes every combination, the first factor varying slowest', () => {
    const d = gridDesign([list('a', [1, 2]), range('b', 0, 1)], 3);
    expect(d.points).toEqual([[1, 0], [1, 0.5], [1, 1], [2, 0], [2, 0.5], [2, 1]]);
    expect(gridLevels(range('n', 1, 3, true), 5)).toEqual([1, 2, 3]);
    expect(gridLevels(range('x', 0.2, 0.2), 4)).toEqual([0.2]);
  });
});

describe('Latin hypercube', () => {
  it('puts exactly one point in each of the n strata of every factor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (n, k, seed) => {
        const factors = Array.from({ length: k }, (_, j) => range(`f${j}`, -1, 3));
        const d = lhsDesign(factors, n, seed);
        expect(d.points).toHaveLength(n);
        for (let j = 0; j < k; j++) {
          const strata = d.unit.map((u) => Math.floor(u[j] * n)).sort((a, b) => a - b);
          expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
          for (let i = 0; i < n; i++) expect(d.points[i][j]).toBeCloseTo(-1 + 4 * d.unit[i][j], 12);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is a function of its seed, and stratifies a list of values by index', () => {
    const f = [range('a', 0, 1), list('b', ['x', 'y', 'z'])];
    expect(lhsDesign(f, 9, 5)).toEqual(lhsDesign(f, 9, 5));
    expect(lhsDesign(f, 9, 5).points).not.toEqual(lhsDesign(f, 9, 6).points);
    const counts = new Map<unknown, number>();
    for (const p of lhsDesign(f, 9, 5).points) counts.set(p[1], (counts.get(p[1]) ?? 0) + 1);
    expect([...counts.values()]).toEqual([3, 3, 3]);
  });
});

describe('Morris design', () => {
  it('builds r trajectories of k + 1 points, each step moving one factor by ±delta on the grid', () => {
    const factors = [range('a', 0, 1), range('b', 10, 20), range('c', -5, 5)];
    const d = morrisDesign(factors, 6, 4, 3);
    expect(d.points).toHaveLength(6 * 4);
    expect(d.delta).toBeCloseTo(2 / 3, 12);
    for (const t of d.trajectories!) {
      expect([...t.order].sort()).toEqual([0, 1, 2]);
      for (let s = 0; s < 3; s++) {
        const before = d.unit[t.start + s];
        const after = d.unit[t.start + s + 1];
        const moved = before.map((x, j) => Math.abs(after[j] - x) > 1e-12);
        expect(moved.filter(Boolean)).toHaveLength(1);
        expect(moved[t.order[s]]).toBe(true);
        expect(after[t.order[s]] - before[t.order[s]]).toBeCloseTo(t.steps[s], 12);
        for (const x of after) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
          expect((x * 3) % 1).toBeCloseTo(Math.round((x * 3) % 1), 9); // on the 4-level grid
        }
      }
    }
    expect(d.points[0][1]).toBeCloseTo(10 + 10 * d.unit[0][1], 12);
    expect(morrisDesign(factors, 6, 4, 3)).toEqual(d);
    expect(() => morrisDesign(factors, 2, 3, 1)).toThrow(RangeError);
  });
});
