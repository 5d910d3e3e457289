/**
 * Property tests of the scenario parser (issue #8): every input, however damaged, is either
 * accepted (and then within every limit, and a tiny run of it works) or rejected with a
 * ScenarioError naming the file and a JSON path; no other exception escapes, the built-in
 * prototypes stay untouched, and no small file asks for a huge allocation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDICATORS, parseScenario, regionCounties, type Scenario, Simulation, validateScenario } from '../../../src/model/index';
import { agentCount, INPUT_LIMITS, SCENARIO_LIMITS } from '../../../src/model/scenario/limits';
import { checkDamagedText, badValue, expectCleanOutcome, expectUnpolluted, libraryScenarios, MARKUP, mutate, opArb, prototypeSnapshot, raw, SEED, SMALL } from './fuzz';

const TOP_KEYS = new Set(['id', 'title', 'description', 'seed', 'startYear', 'years', 'scale', 'region', 'params', 'interventions']);
const library = libraryScenarios();
const bases: unknown[] = [SMALL, ...library.map((l) => l.data)];

/** What an accepted scenario must satisfy: every limit, plain objects only. */
function expectWithinLimits(s: Scenario): void {
  const L = SCENARIO_LIMITS;
  for (const k of Object.keys(s)) expect(TOP_KEYS.has(k)).toBe(true);
  expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
  expect(Object.getPrototypeOf(s.params)).toBe(Object.prototype);
  const counties = regionCounties(s.region);
  expect(counties.length).toBeGreaterThan(0);
  expect(counties.length).toBeLessThanOrEqual(L.maxCounties);
  expect(agentCount(counties.map((c) => c.households), s.scale)).toBeLessThanOrEqual(L.maxAgents);
  expect(s.years).toBeGreaterThanOrEqual(1);
  expect(s.startYear + s.years).toBeLessThanOrEqual(L.maxYear);
  expect(s.interventions.length).toBeLessThanOrEqual(L.maxInterventions);
  for (const v of Object.values(s.params)) expect(Number.isFinite(v)).toBe(true);
  for (const iv of s.interventions) {
    for (const v of Object.values(iv)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
  }
  for (const text of [s.title.zh, s.title.en, s.description.zh, s.description.en]) expect(text.length).toBeLessThanOrEqual(L.maxTextLength);
}

/**
 * A short run of an accepted scenario, kept cheap: horizon cut to 2 years and scale raised so
 * that it has at most about 2,000 household agents. Every indicator must be finite.
 */
let runsDone = 0;
function tinyRun(s: Scenario): void {
  const counties = regionCounties(s.region);
  const households = counties.map((c) => c.households);
  let scale = s.scale;
  while (agentCount(households, scale) > Math.max(2000, counties.length) && scale < SCENARIO_LIMITS.maxScale) scale = Math.min(SCENARIO_LIMITS.maxScale, scale * 4);
  const sim = new Simulation({ ...s, scale, years: Math.min(s.years, 2) });
  sim.runToEnd();
  const r = sim.result();
  for (const v of r.values) expect(Number.isFinite(v)).toBe(true);
  expect(r.values.length).toBe((Math.min(s.years, 2) + 1) * (counties.length + 1) * INDICATORS.length);
  runsDone++;
}

describe('scenario parser under random and malformed input (fast-check, fixed seed)', () => {
  const snapshot = prototypeSnapshot();
  const heapBefore = process.memoryUsage().heapUsed;
  let accepted = 0;
  let rejected = 0;

  it('mutated valid files: accepted within the limits (sampled tiny runs work) or rejected with a JSON path', () => {
    fc.assert(
      fc.property(fc.nat({ max: bases.length - 1 }), fc.array(opArb, { minLength: 1, maxLength: 4 }), fc.nat({ max: 9 }), (b, ops, sample) => {
        const text = mutate(bases[b], ops);
        const out = expectCleanOutcome('fuzz.json', () => parseScenario(text, 'fuzz.json'));
        if (out.ok) {
          accepted++;
          expectWithinLimits(out.value);
          if (sample === 0) tinyRun(out.value);
        } else rejected++;
        expectUnpolluted(snapshot);
      }),
      { seed: SEED, numRuns: 3000 },
    );
    // the mutations hit both sides
    expect(accepted).toBeGreaterThan(50);
    expect(rejected).toBeGreaterThan(1000);
    expect(runsDone).toBeGreaterThan(10);
  });

  it('damaged and random text: accepted or rejected with a JSON path, never another exception', () => {
    checkDamagedText('fuzz.json', JSON.stringify(SMALL, null, 2), (text) => parseScenario(text, 'fuzz.json'), snapshot, 2000, expectWithinLimits);
  });

  it('a bad value at any single field of a valid file: accepted within limits, or rejected with a JSON path', () => {
    fc.assert(
      fc.property(fc.nat(), badValue, (at, value) => {
        const text = mutate(SMALL, [{ op: 'replace', at, value }]);
        const out = expectCleanOutcome('fuzz.json', () => parseScenario(text, 'fuzz.json'));
        if (out.ok) expectWithinLimits(out.value);
        expectUnpolluted(snapshot);
      }),
      { seed: SEED + 1, numRuns: 2000 },
    );
  });

  it('prototype keys never reach an object or Object.prototype', () => {
    for (const text of [
      '{"id": "p", "title": {"en": "t"}, "__proto__": {"polluted": "yes"}}',
      '{"id": "p", "title": {"en": "t", "__proto__": {"polluted": "yes"}}}',
      '{"id": "p", "title": {"en": "t"}, "params": {"__proto__": 1}}',
      '{"id": "p", "title": {"en": "t"}, "params": {"constructor": 1}}',
      '{"id": "p", "title": {"en": "t"}, "constructor": {"prototype": {"polluted": "yes"}}}',
      '{"id": "p", "title": {"en": "t"}, "region": {"preset": "__proto__"}}',
      '{"id": "p", "title": {"en": "t"}, "region": {"preset": "constructor"}}',
      '{"id": "p", "title": {"en": "t"}, "region": {"preset": "toString"}}',
      '{"id": "p", "title": {"en": "t"}, "interventions": [{"lever": "__proto__"}]}',
      '{"id": "p", "title": {"en": "t"}, "interventions": [{"lever": "teacherPay", "__proto__": {"raise": 9}}]}',
      '{"id": "p", "title": {"en": "t"}, "interventions": [{"lever": "teacherPay", "counties": ["__proto__"]}]}',
    ]) {
      const out = expectCleanOutcome('p.json', () => parseScenario(text, 'p.json'));
      expect(out.ok).toBe(false);
      expectUnpolluted(snapshot);
    }
  });

  it('numbers that are not finite, or too large, are refused by name', () => {
    const cases: [unknown, string][] = [
      [{ years: raw('1e400') }, '$.years'],
      [{ seed: raw('-1e400') }, '$.seed'],
      [{ scale: 1e308 }, '$.scale'],
      [{ params: { 'talent.teacherPayRatio': raw('1e999') } }, '$.params["talent.teacherPayRatio"]'],
      [{ params: { 'talent.teacherPayRatio': 'NaN' } }, '$.params["talent.teacherPayRatio"]'],
      [{ interventions: [{ lever: 'teacherPay', raise: raw('1e400') }] }, '$.interventions[0].raise'],
    ];
    for (const [patch, path] of cases) {
      const text = mutate({ ...SMALL, ...(patch as object) }, []);
      const out = expectCleanOutcome('n.json', () => parseScenario(text, 'n.json'));
      expect(out.ok ? null : out.error.path).toBe(path);
    }
  });

  it('every size limit is enforced with the limit in the message', () => {
    const big = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, name: { en: `C${i}` }, terrain: 'hill', households: 100 }));
    const cases: [string, string, RegExp][] = [
      [JSON.stringify({ ...SMALL, description: { en: 'x'.repeat(INPUT_LIMITS.maxScenarioBytes) } }), '$', /at most 1048576 bytes/],
      [`{"id": "d", "title": {"en": "t"}, "params": ${'['.repeat(40)}${']'.repeat(40)}}`, '$', /nested at most 32 deep/],
      [JSON.stringify({ ...SMALL, region: { counties: big(SCENARIO_LIMITS.maxCounties + 1) } }), '$.region.counties', /1 to 200 counties/],
      [JSON.stringify({ ...SMALL, scale: 1, region: { counties: [{ id: 'h', name: { en: 'H' }, terrain: 'hill', households: 1e8 }] } }), '$.scale', /at most 20000000 household agents/],
      [JSON.stringify({ ...SMALL, region: { counties: [{ id: 'h', name: { en: 'H' }, terrain: 'hill', households: 1e8 + 1 }] } }), '$.region.counties[0].households', /from 1 to 100000000/],
      [JSON.stringify({ ...SMALL, years: SCENARIO_LIMITS.maxYears + 1 }), '$.years', /from 1 to 100/],
      [JSON.stringify({ ...SMALL, interventions: new Array(SCENARIO_LIMITS.maxInterventions + 1).fill(SMALL.interventions[0]) }), '$.interventions', /at most 500/],
      [JSON.stringify({ ...SMALL, title: { en: 'x'.repeat(2001) } }), '$.title.en', /at most 2000 characters/],
      [JSON.stringify({ ...SMALL, interventions: [{ ...SMALL.interventions[1], counties: new Array(201).fill('shan') }] }), '$.interventions[0].counties', /1 to 200 county ids/],
      [JSON.stringify({ ...SMALL, interventions: [{ ...SMALL.interventions[0], note: 7 }] }), '$.interventions[0].note', /a text note/],
    ];
    for (const [text, path, message] of cases) {
      const out = expectCleanOutcome('big.json', () => parseScenario(text, 'big.json'));
      expect(out.ok).toBe(false);
      if (!out.ok) {
        expect(out.error.path).toBe(path);
        expect(out.error.message).toMatch(message);
      }
    }
  });

  it('markup in text fields is kept as plain text, character for character', () => {
    for (const m of MARKUP) {
      const s = parseScenario(JSON.stringify({ ...SMALL, title: { zh: m, en: m }, description: { en: m } }), 'm.json');
      expect(s.title.zh).toBe(m);
      expect(s.description.zh).toBe(m);
    }
  });

  it('a deeply nested bad value handed in as an object gives a short error, not a stack overflow', () => {
    // the app's library, lesson files and saved drafts hand objects to validateScenario without the text checks
    const deep = JSON.parse(`${'['.repeat(10_000)}${']'.repeat(10_000)}`) as unknown;
    for (const data of [{ id: deep, title: { en: 't' } }, { id: 'x', title: deep }, { id: 'x', title: { en: 't' }, params: { 'talent.teacherPayRatio': deep } }]) {
      const out = expectCleanOutcome('obj', () => validateScenario(data, 'obj'));
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.error.got!.length).toBeLessThanOrEqual(60);
    }
  });

  it('memory stays bounded over all the cases', () => {
    const grown = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    expect(grown).toBeLessThan(1024);
  });
});
