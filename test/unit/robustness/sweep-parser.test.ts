/**
 * Property tests of the sweep file parser (issue #8): a damaged sweep file is either accepted,
 * bound to its scenario with its design drawn within the limits, or rejected with a
 * ScenarioError naming the file and a JSON path; nothing else escapes, no prototype is touched.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bindSweep, inlineScenario, parseSweep, pointScenario, SWEEP_LIMITS } from '../../../src/analysis/sweepFile';
import { type Scenario, ScenarioError, validateScenario } from '../../../src/model/index';
import { INPUT_LIMITS } from '../../../src/model/scenario/limits';
import { checkDamagedText, checkLimitCases, type LimitCase, expectCleanOutcome, expectUnpolluted, libraryScenarios, mutate, opArb, prototypeSnapshot, SCENARIOS_DIR, SEED, SMALL } from './fuzz';

const SWEEPS_DIR = join(SCENARIOS_DIR, 'sweeps');
const sweeps = readdirSync(SWEEPS_DIR).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(SWEEPS_DIR, f), 'utf8')) as unknown);
const library = new Map(libraryScenarios().map((l) => [l.file, l.data]));
const FILE = 'sweep.json';

const INLINE = {
  id: 'fuzz-sweep',
  description: 'inline',
  scenario: SMALL,
  vary: [
    { param: 'talent.teacherPayRatio', values: [0.5, 0.8] },
    { lever: { index: 0, param: 'raise' }, min: 0, max: 1, name: 'raise' },
  ],
  design: 'grid',
  points: 3,
  repetitions: 2,
  outcome: { indicator: 'povertyRate', unit: 'shan', year: 2015 },
  indicators: ['povertyRate', 'meanIncome'],
};
const bases = [INLINE, ...sweeps];

/** What the sweep command does with a file, short of running it: parse, load its scenario, bind, draw the points. */
function loadAndBind(text: string): { runs: number; points: number } {
  const spec = parseSweep(text, FILE);
  let scenario: Scenario;
  if ('file' in spec.scenario) {
    const data = library.get(basename(spec.scenario.file));
    if (data === undefined) throw new ScenarioError(FILE, '$.scenario', 'a readable scenario file', 'no such file');
    // as loadScenario: the sweep's overrides go on the raw file, errors name the file
    const raw = { ...(data as object), ...(spec.years !== undefined && { years: spec.years }), ...(spec.scale !== undefined && { scale: spec.scale }) };
    try {
      scenario = validateScenario(raw, FILE);
    } catch (e) {
      if (e instanceof ScenarioError) throw new ScenarioError(FILE, '$.scenario', e.expected, e.got);
      throw e;
    }
  } else {
    scenario = inlineScenario(spec, FILE);
  }
  const b = bindSweep(spec, scenario, FILE);
  expect(b.runs).toBeLessThanOrEqual(SWEEP_LIMITS.maxRuns);
  expect(b.design.points.length).toBeLessThanOrEqual(SWEEP_LIMITS.maxPoints);
  expect(b.factors.length).toBeLessThanOrEqual(SWEEP_LIMITS.maxFactors);
  // the first and last design points are scenarios that validate (as the sweep command checks)
  for (const p of [0, b.design.points.length - 1]) {
    try {
      validateScenario(pointScenario(b, p), FILE);
    } catch (e) {
      if (e instanceof ScenarioError) throw new ScenarioError(FILE, `$.vary (design point ${p + 1})`, e.expected, e.got);
      throw e;
    }
  }
  return { runs: b.runs, points: b.design.points.length };
}

describe('sweep file parser under random and malformed input (fast-check, fixed seed)', () => {
  const snapshot = prototypeSnapshot();

  it('mutated valid sweep files: bound within the limits, or rejected with a JSON path', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(fc.nat({ max: bases.length - 1 }), fc.array(opArb, { minLength: 1, maxLength: 4 }), (b, ops) => {
        const out = expectCleanOutcome(FILE, () => loadAndBind(mutate(bases[b], ops)));
        if (out.ok) accepted++;
        else rejected++;
        expectUnpolluted(snapshot);
      }),
      { seed: SEED, numRuns: 2500 },
    );
    expect(accepted).toBeGreaterThan(50);
    expect(rejected).toBeGreaterThan(1000);
  });

  it('damaged and random text: accepted or rejected with a JSON path', () => {
    checkDamagedText(FILE, JSON.stringify(INLINE, null, 2), loadAndBind, snapshot, 1500);
  });

  it('limits: file size, factors, values, points, runs, text length', () => {
    const cases: LimitCase[] = [
      [{ ...INLINE, description: 'x'.repeat(INPUT_LIMITS.maxSweepBytes) }, '$', /at most 2097152 bytes/],
      [{ ...INLINE, description: 'x'.repeat(2001) }, '$.description', /at most 2000 characters/],
      [{ ...INLINE, vary: new Array(21).fill(INLINE.vary[0]) }, '$.vary', /1 to 20 factors/],
      [{ ...INLINE, vary: [{ param: 'talent.teacherPayRatio', values: new Array(1001).fill(0.5) }] }, '$.vary[0].values', /1 to 1000 values/],
      [{ ...INLINE, points: 1001 }, '$.points', /from 1 to 1000/],
      [{ ...INLINE, design: 'lhs', points: 100_001 }, '$.points', /from 1 to 100000/],
      [{ ...INLINE, repetitions: 10_001 }, '$.repetitions', /from 1 to 10000/],
      [{ ...INLINE, points: 1000, vary: [INLINE.vary[1], { param: 'talent.teacherPayRatio', min: 0.5, max: 1 }, { param: 'talent.doctorPayRatio', min: 0.5, max: 1 }] }, '$.points', /at most 1000000 points/],
      [{ ...INLINE, design: 'lhs', points: 100_000, repetitions: 101 }, '$.repetitions', /at most 10000000 runs/],
      [{ ...INLINE, vary: [{ param: 'talent.teacherPayRatio', values: ['x'.repeat(2001)] }] }, '$.vary[0].values[0]', /at most 2000 characters/],
      [{ ...INLINE, outcome: { indicator: 'povertyRate', unit: '<b>x</b>' } }, '$.outcome.unit', /county id/],
      [{ ...INLINE, vary: [{ param: '__proto__', values: [1] }] }, '$.vary[0].param', /known parameter path/],
      [{ ...INLINE, outcome: { indicator: 'constructor' } }, '$.outcome.indicator', /indicator name/],
      [{ ...INLINE, indicators: ['toString'] }, '$.indicators[0]', /indicator name/],
      [{ ...INLINE, scenario: '../../../../etc/passwd' }, '$.scenario', /a scenario file path ending in \.json/],
    ];
    checkLimitCases(FILE, loadAndBind, cases, snapshot);
  });
});
