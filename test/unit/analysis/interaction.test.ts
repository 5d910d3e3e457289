import { describe, expect, it } from 'vitest';
import { ARMS, FactorError, factorialArms, interactionContrasts, interactionVerdict, leversOf, PairingError, splitArms } from '../../../src/analysis/index';
import { type IndicatorName, resultValue, type RunResult, validateScenario } from '../../../src/model/index';
import { handRun } from './helpers';

/** The region's value in the last year of a hand-built run (3 years, 2 counties). */
const resultAt = (r: RunResult, indicator: IndicatorName) => resultValue(r, 3, 2, indicator);

const scenario = validateScenario({
  id: 'pair',
  title: { zh: '两项', en: 'Two levers' },
  region: { preset: 'default' },
  interventions: [
    { lever: 'teacherPay', from: 2015, to: 2035, counties: 'mountain', raise: 0.5 },
    { lever: 'infrastructure', from: 2015, to: 2030, counties: 'mountain', kind: 'transport', yuanPerYear: 6e7 },
    { lever: 'doctorPay', from: 2015, to: 2035, counties: 'all', raise: 0.3 },
    { lever: 'infrastructure', from: 2015, to: 2030, counties: 'mountain', kind: 'water', yuanPerYear: 3e7 },
  ],
}, 'pair.json');

describe('factorialArms', () => {
  it('puts the named levers in factor A, every other intervention in B, in the scenario\'s order', () => {
    const f = factorialArms(scenario, ['teacherPay', 'doctorPay']);
    expect(f.a).toEqual(['teacherPay', 'doctorPay']);
    expect(f.b).toEqual(['infrastructure']);
    expect(f.arms.neither.interventions).toEqual([]);
    expect(f.arms.aOnly.interventions).toEqual([scenario.interventions[0], scenario.interventions[2]]);
    expect(f.arms.bOnly.interventions).toEqual([scenario.interventions[1], scenario.interventions[3]]);
    expect(f.arms.both).toBe(scenario);
    for (const arm of ARMS) {
      expect(f.arms[arm].seed).toBe(scenario.seed);
      expect(f.arms[arm].region).toBe(scenario.region);
    }
    expect(f.arms.aOnly.id).toBe('pair-a-only');
    expect(f.arms.bOnly.title).toEqual({ zh: '两项（仅infrastructure）', en: 'Two levers (infrastructure only)' });
  });

  it('lists the scenario\'s levers once each, in order', () => {
    expect(leversOf(scenario)).toEqual(['teacherPay', 'infrastructure', 'doctorPay']);
  });

  it('refuses a name that is no lever, a lever the scenario does not use, and an empty factor B', () => {
    expect(() => factorialArms(scenario, ['teacherPey'])).toThrow(FactorError);
    expect(() => factorialArms(scenario, ['microcredit'])).toThrow('expected lever names of the scenario\'s interventions (teacherPay, infrastructure, doctorPay), got "microcredit"');
    expect(() => factorialArms(scenario, ['teacherPay', 'infrastructure', 'doctorPay'])).toThrow('expected a factor B');
  });
});

describe('interactionContrasts', () => {
  const arm = (id: string, value: (run: number) => number) => [1, 2, 3].map((run) => {
    const r = handRun({ run, id });
    r.set(3, 2, 'meanIncome', value(run)); // region, last year
    return r;
  });
  // neither 100, A only 100 + 10r, B only 200, both 200 + 10r + 5r²: A adds 10r alone and 10r + 5r² with B.
  const results = {
    neither: arm('n', () => 100),
    aOnly: arm('a', (r) => 100 + 10 * r),
    bOnly: arm('b', () => 200),
    both: arm('x', (r) => 200 + 10 * r + 5 * r * r),
  };

  it('gives A\'s effect without and with B and their difference, run by run', () => {
    const c = interactionContrasts(results);
    expect(c.aWithoutB.map((r) => resultAt(r, 'meanIncome'))).toEqual([10, 20, 30]);
    expect(c.aWithB.map((r) => resultAt(r, 'meanIncome'))).toEqual([15, 40, 75]);
    expect(c.interaction.map((r) => resultAt(r, 'meanIncome'))).toEqual([5, 20, 45]);
    expect(c.interaction.map((r) => r.meta.run)).toEqual([1, 2, 3]);
    expect(c.interaction[0].meta.scenarioId).toBe('x-interaction');
  });

  it('splits a batch laid out arm by arm in the order of ARMS', () => {
    const batch = ARMS.flatMap((arm) => results[arm]);
    expect(splitArms(batch, 3)).toEqual(results);
    expect(() => splitArms(batch.slice(1), 3)).toThrow('expected 4 arms of 3 runs, got 11 runs');
  });

  it('refuses arms whose runs are not paired', () => {
    expect(() => interactionContrasts({ ...results, bOnly: [...results.bOnly].reverse() })).toThrow(PairingError);
  });
});

describe('interactionVerdict', () => {
  const clear = (lo: number, hi: number) => ({ lo, hi });
  it('says more or less only when A\'s effect and the interaction are both clear of 0', () => {
    expect(interactionVerdict(clear(1, 3), clear(0.5, 2))).toBe('more');
    expect(interactionVerdict(clear(-3, -1), clear(-2, -0.5))).toBe('more');
    expect(interactionVerdict(clear(1, 3), clear(-2, -0.5))).toBe('less');
    expect(interactionVerdict(clear(-3, -1), clear(0.1, 2))).toBe('less');
    expect(interactionVerdict(clear(-1, 3), clear(0.1, 2))).toBe('above');
    expect(interactionVerdict(clear(-1, 3), clear(-2, -0.1))).toBe('below');
    expect(interactionVerdict(clear(1, 3), clear(-1, 2))).toBe('unclear');
    expect(interactionVerdict(clear(1, 3), clear(0, 2))).toBe('unclear');
  });
});
