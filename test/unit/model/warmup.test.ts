/**
 * The JIT warm-up (src/model/warmup.ts): a small throwaway world with every lever on runs before
 * a large world is built. It must cover every lever, run only for large worlds and once per realm,
 * and leave every result unchanged (the systems' module-level scratch buffers are rewritten
 * before they are read, whatever size of world used them last).
 */
import { describe, expect, it } from 'vitest';
import { scenarioAgents } from '../../../src/model/scenario/parse';
import { resultValue, runScenario, runWarmUp, Simulation } from '../../../src/model/simulation';
import {
  everyMechanismScenario, JIT_WARMUP_AGENTS, JIT_WARMUP_WORLD, jitWarmedUp, leversMissing,
  warmUpScenario,
} from '../../../src/model/warmup';
import { tinyScenario } from '../../helpers/world';

const same = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/** Three counties (fewer than the warm-up's twelve) with the campaign's main levers. */
const small = () => tinyScenario({
  seed: 5,
  scale: 5,
  years: 6,
  counties: [
    { id: 'm', terrain: 'mountain', households: 500, villages: 4 },
    { id: 'h', terrain: 'hill', households: 400, villages: 3 },
    { id: 'p', terrain: 'plain', households: 300, villages: 3 },
  ],
  interventions: [
    { lever: 'registration', from: 2014, to: 2019 },
    { lever: 'relocation', from: 2015, to: 2017, counties: ['m'], eligibility: 'wholeVillage' },
    { lever: 'policyPhaseOut', from: 2014, to: 2019, mode: 'gradual', years: 2 },
    { lever: 'industrySupport', from: 2014, to: 2019, industry: 'fruit', yuanPerYear: 1e7 },
    { lever: 'bigDataIdentification', from: 2016, to: 2019 },
  ],
});

describe('JIT warm-up', () => {
  it('switches on every lever of the registry', () => {
    expect(leversMissing()).toEqual([]);
  });

  it('scales absolute amounts to its small world (so shares such as the subsidy stay fractions)', () => {
    const s = warmUpScenario();
    expect(scenarioAgents(s)).toBe(JIT_WARMUP_WORLD.households);
    const of = (lever: string) => s.interventions.find((iv) => iv.lever === lever) as unknown as Record<string, number>;
    const scale = JIT_WARMUP_WORLD.households / 1e6;
    expect(of('industrySupport').yuanPerYear).toBeCloseTo(3e7 * scale, 6);
    expect(of('relocation').maxPeople).toBe(Math.round(20000 * scale));
    expect(of('ecoRangers').jobs).toBe(Math.max(1, Math.round(500 * scale)));
    // Per-person amounts are not scaled.
    expect(of('registration').benefitYuanPerPerson).toBe(800);
  });

  it('leaves results bit-identical: a run before it, after it, and after a larger world', () => {
    const before = runScenario(small(), 1, 5);
    runWarmUp();
    const after = runScenario(small(), 1, 5);
    expect(same(after.values, before.values)).toBe(true);
    expect(same(after.leverCosts, before.leverCosts)).toBe(true);
    // And a run of the twelve-county world the warm-up uses, then the small one again.
    runScenario(everyMechanismScenario(2000, 3, { id: 'y', seed: 2, startYear: 2013 }), 1, 2);
    expect(same(runScenario(small(), 1, 5).values, before.values)).toBe(true);
    // The check can fail: another seed differs.
    expect(same(runScenario(small(), 1, 6).values, before.values)).toBe(false);
  });

  it('runs only when a Simulation of at least JIT_WARMUP_AGENTS household agents with interventions is built', () => {
    // runWarmUp() above is the function, not the once-per-realm switch.
    expect(jitWarmedUp()).toBe(false);
    new Simulation(small(), 1);
    expect(jitWarmedUp()).toBe(false);
    const large = (levers: boolean) => everyMechanismScenario(JIT_WARMUP_AGENTS, 1, { id: 'large', seed: 3, startYear: 2013, levers });
    expect(scenarioAgents(large(false))).toBe(JIT_WARMUP_AGENTS);
    new Simulation(large(false), 1);
    expect(jitWarmedUp()).toBe(false);
    const sim = new Simulation(large(true), 1);
    expect(jitWarmedUp()).toBe(true);
    // The world built right after the warm-up steps exactly as one built with no warm-up (the
    // switch is now on, so this second Simulation skips it).
    const again = new Simulation(large(true), 1);
    sim.step();
    again.step();
    const a = sim.result();
    const b = again.result();
    expect(resultValue(a, 1, a.meta.counties.length, 'population')).toBeGreaterThan(0);
    expect(same(a.values, b.values)).toBe(true);
    expect(same(a.leverCosts, b.leverCosts)).toBe(true);
  });
});
