import { describe, expect, it } from 'vitest';
import { bindSweep, type Factor, morrisDesign, morrisEffects, runOutcome, sweepMorris, sweepScenarios, sweepTask, validateSweep } from '../../../src/analysis/index';
import { runScenario, validateScenario } from '../../../src/model/index';

const range = (name: string): Factor => ({ name, target: { kind: 'param', key: name }, min: 0, max: 1 });

describe('Morris elementary effects on analytic functions', () => {
  it('ranks f = 3 x1 + 0.1 x2 with x1 first, exact linear effects and no spread', () => {
    const d = morrisDesign([range('x1'), range('x2'), range('x3')], 8, 4, 11);
    const f = (u: number[]) => 3 * u[0] + 0.1 * u[1];
    const effects = morrisEffects(d, d.points.map((p) => f(p as number[])));
    expect(effects.map((e) => e.factor)).toEqual(['x1', 'x2', 'x3']);
    expect(effects.map((e) => e.rank)).toEqual([1, 2, 3]);
    expect(effects[0].muStar).toBeCloseTo(3, 9);
    expect(effects[0].mu).toBeCloseTo(3, 9);
    expect(effects[0].sigma).toBeCloseTo(0, 9);
    expect(effects[1].muStar).toBeCloseTo(0.1, 9);
    expect(effects[2].muStar).toBe(0);
    expect(effects[0].effects).toHaveLength(8);
  });

  it('tells cancelling and interacting effects by mu and sigma', () => {
    const d = morrisDesign([range('a'), range('b'), range('c')], 20, 4, 5);
    // a: non-monotone (mu near 0, mu* large); b: interacts with c (sigma > 0).
    const f = (u: number[]) => 4 * (u[0] - 0.5) ** 2 + u[1] * u[2];
    const effects = morrisEffects(d, d.points.map((p) => f(p as number[])));
    const a = effects.find((e) => e.factor === 'a')!;
    const b = effects.find((e) => e.factor === 'b')!;
    expect(Math.abs(a.mu)).toBeLessThan(a.muStar);
    expect(b.sigma).toBeGreaterThan(0);
    expect(() => morrisEffects(d, [1, 2])).toThrow(RangeError);
  });
});

describe('Morris on the model', () => {
  it('finds that the teacher pay ratio moves teacher outflow and an idle relocation cost does not', () => {
    const scenario = validateScenario({
      // Enough households that teachers (agents standing for 50 each) leave every year.
      id: 'morris-small', title: { en: 'Morris test region' }, seed: 11, years: 3, scale: 50,
      region: { counties: [
        { id: 'shan', name: { en: 'Shan' }, terrain: 'mountain', households: 40000 },
        { id: 'qiu', name: { en: 'Qiu' }, terrain: 'hill', households: 40000 },
      ] },
    }, 'inline');
    const spec = validateSweep({
      scenario: {}, design: 'morris', points: 4, seed: 9,
      vary: [{ param: 'relocation.costPerPerson', min: 20000, max: 100000 }, { param: 'talent.teacherPayRatio', min: 0.3, max: 1.5 }],
      outcome: { indicator: 'teacherOutflow', unit: 'region', year: 'mean' },
    }, 'morris.json');
    const b = bindSweep(spec, scenario, 'morris.json');
    const scenarios = sweepScenarios(b);
    const outcomes = Array.from({ length: b.runs }, (_, t) => {
      const task = sweepTask(b, t);
      return runOutcome(b, runScenario(scenarios[task.point - 1], task.run, b.seed));
    });
    const effects = sweepMorris(b, outcomes);
    expect(effects[0].factor).toBe('talent.teacherPayRatio');
    expect(effects[0].muStar).toBeGreaterThan(0);
    expect(effects[0].mu).toBeLessThan(0); // better pay, fewer teachers leave
    expect(effects[1].factor).toBe('relocation.costPerPerson');
    expect(effects[1].muStar).toBe(0);
  });
});
