/**
 * What the comparison view compares the loaded scenario with (src/app/research/reference.ts), and
 * when two scenarios can be compared run by run at all (src/analysis/comparable.ts, shared with
 * `npm run sim -- --baseline`).
 */
import { describe, expect, it } from 'vitest';
import { comparisonMismatch } from '../../../src/analysis/index';
import { bi, t } from '../../../src/app/i18n/i18n';
import { memoWithout, namesOf, ReferenceChoice } from '../../../src/app/research/reference';
import type { Scenario } from '../../../src/model/index';
import { loadScenario, scenarioFiles } from '../../helpers/ensemble';

const library = scenarioFiles().map((f) => ({ file: `scenarios/${f}`, scenario: loadScenario(f.replace(/\.json$/, ''), 10) }));
const entry = (id: string) => library.find((e) => e.scenario.id === id)!.scenario;
const keys = (c: ReferenceChoice, loaded: Parameters<ReferenceChoice['options']>[0]) => c.options(loaded).map((o) => o.key);

describe('comparisonMismatch', () => {
  it('accepts the same counties and years whatever the levers, seed or scale', () => {
    expect(comparisonMismatch(entry('baseline'), entry('teacher-pay'))).toBeNull();
    expect(comparisonMismatch({ ...entry('baseline'), seed: 7, scale: 40 }, entry('campaign'))).toBeNull();
  });

  it('names the place that differs: counties, start year, horizon', () => {
    expect(comparisonMismatch(entry('campaign-china'), entry('baseline'))?.path).toBe('$.region');
    expect(comparisonMismatch({ ...entry('baseline'), startYear: 2014 }, entry('baseline'))).toEqual({
      path: '$.startYear', expected: "the alternative's start year 2013", found: '2014',
    });
    expect(comparisonMismatch({ ...entry('baseline'), years: 10 }, entry('baseline'))?.path).toBe('$.years');
  });
});

describe('ReferenceChoice', () => {
  it('an unchanged scenario without levers has no reference of its own: only the library, itself and other regions left out', () => {
    const c = new ReferenceChoice(library);
    const baseline = entry('baseline');
    const k = keys(c, { current: baseline, modified: false, original: baseline });
    expect(k).toContain('file:scenarios/teacher-pay.json');
    expect(k).not.toContain('file:scenarios/baseline.json');
    expect(k).not.toContain('file:scenarios/campaign-china.json');
    expect(k).not.toContain('original');
    expect(k).not.toContain('without');
    expect(c.resolve({ current: baseline, modified: false, original: baseline })).toBeNull();
  });

  it('a library scenario with levers is compared by default with the same scenario without them (one object)', () => {
    const c = new ReferenceChoice(library);
    const tp = entry('teacher-pay');
    const loaded = { current: tp, modified: false, original: tp };
    const ref = c.resolve(loaded)!;
    expect(ref.key).toBe('without');
    expect(ref.scenario.interventions).toEqual([]);
    expect({ ...ref.scenario, id: tp.id, title: tp.title, interventions: tp.interventions }).toEqual(tp);
    expect(c.resolve(loaded)!.scenario).toBe(ref.scenario);
    expect(ref.scenario).toBe(memoWithout(tp));
  });

  it('after an edit the default is the scenario before it; a chosen library scenario stays chosen', () => {
    const c = new ReferenceChoice(library);
    const tp = entry('teacher-pay');
    const edited: Scenario = { ...tp, interventions: [...tp.interventions, { lever: 'doctorPay', from: 2015, to: 2020, counties: 'all', raise: 0.2 }] };
    const loaded = { current: edited, modified: true, original: tp };
    expect(keys(c, loaded).slice(0, 2)).toEqual(['original', 'without']);
    expect(c.resolve(loaded)!.scenario).toBe(tp);
    c.key = 'file:scenarios/infrastructure.json';
    expect(c.resolve(loaded)!.scenario).toBe(entry('infrastructure'));
    // a choice that no longer applies falls back to the default
    c.key = 'file:scenarios/campaign-china.json';
    expect(c.resolve(loaded)!.key).toBe('original');
    c.key = 'without';
    expect(c.resolve({ current: entry('baseline'), modified: false, original: entry('baseline') })).toBeNull();
  });

  it('a library reference runs on the loaded scenario\'s seed (common random numbers), one object per seed', () => {
    const c = new ReferenceChoice(library);
    const tp = { ...entry('teacher-pay'), seed: 7 };
    c.key = 'file:scenarios/infrastructure.json';
    const loaded = { current: tp, modified: false, original: tp };
    const ref = c.resolve(loaded)!.scenario;
    expect(ref.seed).toBe(7);
    expect({ ...ref, seed: entry('infrastructure').seed }).toEqual(entry('infrastructure'));
    expect(c.resolve(loaded)!.scenario).toBe(ref);
  });

  it('names the two runs: after your change against before it; this scenario against a library scenario\'s title', () => {
    const c = new ReferenceChoice(library);
    const tp = entry('teacher-pay');
    const edited: Scenario = { ...tp, seed: 43 };
    const original = c.resolve({ current: edited, modified: true, original: tp })!;
    expect(namesOf(original)).toEqual({ alt: t('cmp.alt.modified'), ref: t('cmp.ref.original') });
    expect(namesOf(original, true)).toEqual({ alt: t('cmp.short.modified'), ref: t('cmp.short.original') });
    const without = c.resolve({ current: tp, modified: false, original: tp })!;
    expect(namesOf(without, true)).toEqual({ alt: t('cmp.alt.scenario'), ref: t('cmp.short.without') });
    c.key = 'file:scenarios/infrastructure.json';
    const file = c.resolve({ current: tp, modified: false, original: tp })!;
    const title = bi(entry('infrastructure').title);
    expect(namesOf(file)).toEqual({ alt: t('cmp.alt.scenario'), ref: title });
    expect(namesOf(file, true)).toEqual({ alt: t('cmp.alt.scenario'), ref: title });
  });
});
