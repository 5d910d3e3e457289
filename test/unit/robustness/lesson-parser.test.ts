/**
 * Property tests of the lesson file parser (issue #8): lessons arrive from other trainers by
 * e-mail or USB stick. A damaged lesson is either accepted (every step's scenario within the
 * scenario limits) or rejected with a ScenarioError naming the file and a JSON path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LESSON_LIMITS, parseLesson, type ScenarioLookup } from '../../../src/lesson/index';
import { regionCounties, type Scenario } from '../../../src/model/index';
import { INPUT_LIMITS, SCENARIO_LIMITS } from '../../../src/model/scenario/limits';
import { checkDamagedText, checkLimitCases, type LimitCase, expectCleanOutcome, expectUnpolluted, libraryScenarios, MARKUP, mutate, opArb, prototypeSnapshot, SCENARIOS_DIR, SEED, SMALL } from './fuzz';

const LESSONS_DIR = join(SCENARIOS_DIR, 'lessons');
const lessons = readdirSync(LESSONS_DIR).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(LESSONS_DIR, f), 'utf8')) as unknown);
const byId = new Map(libraryScenarios().map((l) => [l.scenario.id, l.scenario]));
/** As the app's lookup: a Map, so "__proto__" or "constructor" find nothing. */
const lookup: ScenarioLookup = (id) => byId.get(id);
const FILE = 'lesson.json';

const INLINE = {
  format: 1,
  id: 'fuzz-lesson',
  title: { zh: '测试', en: 'Test' },
  scenario: SMALL,
  steps: [
    { id: 'a', title: { en: 'A' }, text: { en: 'Look.' }, runTo: 2014, focus: { county: 'shan', view: 'map' } },
    {
      id: 'b', title: { en: 'B' }, text: { en: 'Guess.' }, runTo: 2016,
      apply: { interventions: [{ lever: 'doctorPay', raise: 0.3 }], params: { 'talent.doctorPayRatio': 0.7 } },
      question: { prompt: { en: 'Up or down?' }, choices: [{ en: 'up' }, { en: 'down' }], answer: 1 },
      check: [{ indicator: 'povertyRate', unit: 'region', year: 2016, op: '<', against: 'compare' }],
      reveal: { en: 'Down.' },
    },
  ],
};
const bases = [INLINE, ...lessons];

function expectWithin(s: Scenario): void {
  expect(regionCounties(s.region).length).toBeLessThanOrEqual(SCENARIO_LIMITS.maxCounties);
  expect(s.interventions.length).toBeLessThanOrEqual(SCENARIO_LIMITS.maxInterventions);
  expect(s.years).toBeLessThanOrEqual(SCENARIO_LIMITS.maxYears);
}

describe('lesson file parser under random and malformed input (fast-check, fixed seed)', () => {
  const snapshot = prototypeSnapshot();

  it('mutated valid lessons: accepted with every step within the limits, or rejected with a JSON path', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(fc.nat({ max: bases.length - 1 }), fc.array(opArb, { minLength: 1, maxLength: 4 }), (b, ops) => {
        const out = expectCleanOutcome(FILE, () => parseLesson(mutate(bases[b], ops), FILE, lookup));
        if (out.ok) {
          accepted++;
          expect(out.value.steps.length).toBeLessThanOrEqual(LESSON_LIMITS.maxSteps);
          for (const st of out.value.steps) {
            expectWithin(st.scenario);
            if (st.compare) expectWithin(st.compare);
          }
        } else rejected++;
        expectUnpolluted(snapshot);
      }),
      { seed: SEED, numRuns: 2500 },
    );
    expect(accepted).toBeGreaterThan(50);
    expect(rejected).toBeGreaterThan(1000);
  });

  it('damaged and random text: accepted or rejected with a JSON path', () => {
    checkDamagedText(FILE, JSON.stringify(INLINE, null, 2), (text) => parseLesson(text, FILE, lookup), snapshot, 1500);
  });

  it('limits and prototype names: size, steps, accumulated interventions, scenario ids', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ id: `s${i}`, title: { en: 'S' }, text: { en: 'T' }, apply: { interventions: new Array(9).fill({ lever: 'teacherPay' }) } }));
    const cases: LimitCase[] = [
      [{ ...INLINE, summary: { en: 'x'.repeat(INPUT_LIMITS.maxLessonBytes) } }, '$', /at most 4194304 bytes/],
      [{ ...INLINE, steps: new Array(61).fill(INLINE.steps[0]) }, '$.steps', /1 to 60 steps/],
      [{ ...INLINE, steps: many }, '$.steps[55].apply.interventions', /at most 500 interventions/],
      [{ ...INLINE, scenario: '__proto__' }, '$.scenario', /id of a scenario in the library/],
      [{ ...INLINE, scenario: 'constructor' }, '$.scenario', /id of a scenario in the library/],
      [{ ...INLINE, steps: [{ ...INLINE.steps[0], compare: 'hasOwnProperty' }] }, '$.steps[0].compare', /id of a scenario in the library/],
      [{ ...INLINE, title: { en: 'x'.repeat(2001) } }, '$.title.en', /at most 2000 characters/],
    ];
    checkLimitCases(FILE, (text) => parseLesson(text, FILE, lookup), cases, snapshot);
  });

  it('markup in a lesson text is kept as plain text', () => {
    for (const m of MARKUP) {
      const l = parseLesson(JSON.stringify({ ...INLINE, title: { en: m, zh: m }, steps: [{ ...INLINE.steps[0], text: { en: m } }] }), FILE, lookup);
      expect(l.title.en).toBe(m);
      expect(l.steps[0].text.zh).toBe(m);
    }
  });
});
