import { describe, expect, it } from 'vitest';
import {
  bindSweep, inlineScenario, OutcomeCollector, parseSweep, pointScenario, runOutcome, sweepHeader, sweepRows, sweepTask, validateSweep,
} from '../../../src/analysis/index';
import { runScenario, ScenarioError, validateScenario } from '../../../src/model/index';

const SCENARIO = {
  id: 'sweep-small', title: { en: 'Sweep test' }, seed: 4, years: 2, scale: 50,
  region: { counties: [{ id: 'shan', name: { en: 'Shan' }, terrain: 'mountain', households: 2000 }, { id: 'ping', name: { en: 'Ping' }, terrain: 'plain', households: 2000 }] },
  interventions: [{ lever: 'teacherPay', raise: 0.3 }, { lever: 'infrastructure', kind: 'water' }],
};
const scenario = validateScenario(SCENARIO, 's.json');
const BASE = { scenario: 's.json', vary: [{ param: 'talent.teacherPayRatio', values: [0.5, 1] }] };

/** The ScenarioError a sweep gives, as "path: expected". */
function error(sweep: Record<string, unknown>): string {
  try {
    bindSweep(validateSweep(sweep, 'sw.json'), scenario, 'sw.json');
  } catch (e) {
    if (e instanceof ScenarioError) {
      expect(e.file).toBe('sw.json');
      return `${e.path}: ${e.expected}`;
    }
    throw e;
  }
  return 'no error';
}

describe('sweep files: validation with JSON paths', () => {
  it('accepts a minimal sweep and fills the defaults', () => {
    const spec = validateSweep(BASE, 'sw.json');
    expect(spec).toMatchObject({ id: 'sweep', design: 'grid', points: 5, repetitions: 1, outcome: { indicator: 'povertyRate', unit: 'region', year: 'end' } });
    const b = bindSweep(spec, scenario, 'sw.json');
    expect(b.runs).toBe(2);
    expect(b.seed).toBe(4);
    expect(b.outcome.yearIndexes).toEqual([2]);
  });

  it('names the path and what was expected for each mistake', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...BASE, extra: 1 }, /^\$\.extra: one of the keys/],
      [{ vary: BASE.vary }, /^\$\.scenario: a scenario file path/],
      [{ ...BASE, design: 'random' }, /^\$\.design: one of grid, lhs, morris/],
      [{ ...BASE, vary: [] }, /^\$\.vary: an array of 1 to 20 factors/],
      [{ ...BASE, vary: [{ param: 'talent.teacherPay', values: [1] }] }, /^\$\.vary\[0\]\.param: a known parameter path/],
      [{ ...BASE, vary: [{ param: 'talent.teacherPayRatio', values: [0.5, 9] }] }, /^\$\.vary\[0\]\.values\[1\]: a number from 0\.2 to 2/],
      [{ ...BASE, vary: [{ param: 'talent.teacherPayRatio', min: 0.5 }] }, /^\$\.vary\[0\]\.max: a number/],
      [{ ...BASE, vary: [{ param: 'talent.teacherPayRatio', min: 1, max: 0.5 }] }, /^\$\.vary\[0\]\.max: a number not below min/],
      [{ ...BASE, vary: [{ param: 'talent.teacherPayRatio', values: [1], min: 0 }] }, /^\$\.vary\[0\]: either "values"/],
      [{ ...BASE, vary: [{ param: 'talent.teacherPayRatio', lever: { index: 0, param: 'raise' }, values: [1] }] }, /^\$\.vary\[0\]: exactly one of "param"/],
      [{ ...BASE, vary: [{ lever: { index: 2, param: 'raise' }, values: [0.1] }] }, /^\$\.vary\[0\]\.lever\.index: an intervention index from 0 to 1/],
      [{ ...BASE, vary: [{ lever: { index: 0, param: 'rise' }, values: [0.1] }] }, /^\$\.vary\[0\]\.lever\.param: a parameter of lever teacherPay \(raise\)/],
      [{ ...BASE, vary: [{ lever: { index: 0, param: 'raise' }, values: [0.1, 7] }] }, /^\$\.vary\[0\]\.values\[1\]: a number from 0 to 3/],
      [{ ...BASE, vary: [{ lever: { index: 1, param: 'kind' }, min: 0, max: 1 }] }, /^\$\.vary\[0\]: "values" \(infrastructure\.kind is one of transport, irrigation, water/],
      [{ ...BASE, vary: [{ lever: { index: 1, param: 'kind' }, values: ['water', 'roads'] }] }, /^\$\.vary\[0\]\.values\[1\]: one of transport, irrigation, water/],
      [{ ...BASE, vary: [BASE.vary[0], BASE.vary[0]] }, /^\$\.vary\[1\]: a factor not varied before/],
      [{ ...BASE, vary: [{ ...BASE.vary[0], name: 'value' }] }, /^\$\.vary\[0\]\.name: a column name other than/],
      [{ ...BASE, design: 'morris' }, /^\$\.vary\[0\]\.values: a "min" and "max" range instead/],
      [{ ...BASE, levels: 4 }, /^\$\.levels: no "levels"/],
      [{ ...BASE, vary: [{ param: 'talent.teacherPayRatio', min: 0.5, max: 1 }], design: 'morris', levels: 5 }, /^\$\.levels: an even number/],
      [{ ...BASE, repetitions: 0 }, /^\$\.repetitions: an integer from 1/],
      [{ ...BASE, points: 2.5 }, /^\$\.points: an integer from 1/],
      [{ ...BASE, outcome: { indicator: 'poverty' } }, /^\$\.outcome\.indicator: an indicator name/],
      [{ ...BASE, outcome: { indicator: 'povertyRate', unit: 'qiu' } }, /^\$\.outcome\.unit: "region" or a county id of the scenario \(shan, ping\)/],
      [{ ...BASE, outcome: { indicator: 'povertyRate', year: 2030 } }, /^\$\.outcome\.year: a year from 2013 to 2015/],
      [{ ...BASE, indicators: ['gini'] }, /^\$\.indicators: a list that includes the outcome indicator "povertyRate"/],
      [{ ...BASE, indicators: ['gini', 'nope'] }, /^\$\.indicators\[1\]: an indicator name/],
    ];
    for (const [sweep, expected] of cases) expect(error(sweep), JSON.stringify(sweep)).toMatch(expected);
  });

  it('reports malformed JSON with its line, and inline scenario errors inside $.scenario', () => {
    expect(() => parseSweep('{ "id": "x",\n  "vary": [],,\n}', 'bad.json')).toThrow(/bad\.json: \$: expected valid JSON.*line 2/);
    const spec = validateSweep({ ...BASE, scenario: { ...SCENARIO, years: 'two' } }, 'in.json');
    expect(() => inlineScenario(spec, 'in.json')).toThrow('in.json: $.scenario.years: expected an integer');
    const ok = validateSweep({ ...BASE, scenario: SCENARIO, years: 3, scale: 100 }, 'in.json');
    expect(inlineScenario(ok, 'in.json')).toMatchObject({ years: 3, scale: 100 });
  });
});

describe('sweep rows and outcomes', () => {
  const spec = validateSweep({
    ...BASE, repetitions: 2, indicators: ['teacherOutflow', 'povertyRate'],
    vary: [{ param: 'talent.teacherPayRatio', values: [0.5, 1] }, { lever: { index: 1, param: 'kind' }, values: ['water', 'transport'], name: 'kind' }],
    outcome: { indicator: 'povertyRate', unit: 'shan', year: 'mean' },
  }, 'sw.json');
  const b = bindSweep(spec, scenario, 'sw.json');

  it('sets the factors in each point\'s scenario', () => {
    expect(b.design.points).toEqual([[0.5, 'water'], [0.5, 'transport'], [1, 'water'], [1, 'transport']]);
    const s = pointScenario(b, 1);
    expect(s.params['talent.teacherPayRatio']).toBe(0.5);
    expect(s.interventions[1].kind).toBe('transport');
    expect(scenario.interventions[1].kind).toBe('water');
    expect(sweepTask(b, 5)).toEqual({ index: 5, point: 3, run: 2 });
  });

  it('writes tidy rows with every varied value, and collects the same outcome from them', () => {
    expect(sweepHeader(b)).toBe('point,run,year,county,indicator,value,talent.teacherPayRatio,kind');
    const task = sweepTask(b, 3);
    const r = runScenario(pointScenario(b, task.point - 1), task.run, b.seed);
    const rows = sweepRows(b, task, r).trimEnd().split('\n');
    expect(rows).toHaveLength(3 * 3 * 2);
    expect(rows[0]).toMatch(/^2,2,2013,shan,povertyRate,[\d.]+,0\.5,transport$/);
    expect(rows[1]).toMatch(/^2,2,2013,shan,teacherOutflow,/);
    const c = new OutcomeCollector(b);
    for (const line of rows) c.line(line);
    expect(c.outcomes()[3]).toBe(runOutcome(b, r));
  });
});
