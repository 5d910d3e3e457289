import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGION_PRESETS } from '../../../src/model/region/presets';
import { ScenarioError } from '../../../src/model/scenario/errors';
import { parseScenario } from '../../../src/model/scenario/parse';
import { resolveScenario } from '../../../src/model/scenario/resolve';

const SCENARIOS = resolve(__dirname, '../../../scenarios');
const FILE = 'scenarios/broken.json';

const base = () => ({ id: 'x', title: { zh: '题', en: 'Title' } });
const region2 = {
  counties: [
    { id: 'a', name: { zh: 'a', en: 'A' }, terrain: 'mountain', households: 100 },
    { id: 'b', name: { zh: 'b', en: 'B' }, terrain: 'plain', households: 100 },
  ],
};

/** Parses and returns the ScenarioError thrown (fails the test if none is). */
function errorOf(data: unknown): ScenarioError {
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  try {
    parseScenario(text, FILE);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return e as ScenarioError;
  }
  return expect.fail(`no error for ${text}`);
}

describe('parseScenario: errors name the file and the exact JSON path', () => {
  it.each([
    ['malformed JSON', '{"id": "x", ', '$'],
    ['not an object', '[1, 2]', '$'],
    ['missing id', { title: { en: 't' } }, '$.id'],
    ['bad id', { ...base(), id: 'has space' }, '$.id'],
    ['unknown top-level key', { ...base(), colour: 'red' }, '$.colour'],
    ['unknown param key', { ...base(), params: { 'talent.nope': 1 } }, '$.params["talent.nope"]'],
    ['removed param key talent.initialFill', { ...base(), params: { 'talent.initialFill': 0.8 } }, '$.params["talent.initialFill"]'],
    ['wrong type (years as a string)', { ...base(), years: '5' }, '$.years'],
    ['wrong type (param as a string)', { ...base(), params: { 'policy.povertyLine': '2300' } }, '$.params["policy.povertyLine"]'],
    ['out of range (scale 0)', { ...base(), scale: 0 }, '$.scale'],
    ['out of range param', { ...base(), params: { 'policy.povertyLine': 100 } }, '$.params["policy.povertyLine"]'],
    ['non-integer where an integer is required', { ...base(), params: { 'policy.targetLayers': 2.5 } }, '$.params["policy.targetLayers"]'],
    ['start year out of range', { ...base(), startYear: 1800 }, '$.startYear'],
    ['horizon past the last year', { ...base(), startYear: 2090, years: 20 }, '$.years'],
    ['intervention year out of range', { ...base(), interventions: [{ lever: 'teacherPay', from: 1800, to: 2020 }] }, '$.interventions[0].from'],
    ['intervention year not an integer', { ...base(), interventions: [{ lever: 'teacherPay', from: '2016x' }] }, '$.interventions[0].from'],
    ['to before from', { ...base(), interventions: [{ lever: 'teacherPay', from: 2016, to: 2015 }] }, '$.interventions[0].to'],
    ['unknown lever', { ...base(), interventions: [{ lever: 'teacherPay' }, { lever: 'magic' }] }, '$.interventions[1].lever'],
    ['unknown lever parameter', { ...base(), interventions: [{ lever: 'teacherPay', rise: 0.5 }] }, '$.interventions[0].rise'],
    ['lever parameter out of range', { ...base(), interventions: [{ lever: 'teacherPay', raise: 5 }] }, '$.interventions[0].raise'],
    ['lever enum not an option', { ...base(), interventions: [{ lever: 'infrastructure', kind: 'airport' }] }, '$.interventions[0].kind'],
    ['lever boolean not a boolean', { ...base(), interventions: [{ lever: 'education', years12: 'yes' }] }, '$.interventions[0].years12'],
    ['bad county id in an intervention', { ...base(), region: region2, interventions: [{ lever: 'teacherPay', counties: ['a', 'zz'] }] }, '$.interventions[0].counties[1]'],
    ['bad county selector', { ...base(), interventions: [{ lever: 'teacherPay', counties: 'desert' }] }, '$.interventions[0].counties'],
    ['empty county list', { ...base(), interventions: [{ lever: 'teacherPay', counties: [] }] }, '$.interventions[0].counties'],
    ['duplicate county ids', { ...base(), region: { counties: [region2.counties[0], region2.counties[0]] } }, '$.region.counties[1].id'],
    ['county id "region"', { ...base(), region: { counties: [{ ...region2.counties[0], id: 'region' }] } }, '$.region.counties[0].id'],
    ['county missing households', { ...base(), region: { counties: [{ id: 'a', name: { en: 'A' }, terrain: 'hill' }] } }, '$.region.counties[0].households'],
    ['county bad terrain', { ...base(), region: { counties: [{ ...region2.counties[0], terrain: 'desert' }] } }, '$.region.counties[0].terrain'],
    ['county attribute out of range', { ...base(), region: { counties: [{ ...region2.counties[0], ecoCapacity: 2 }] } }, '$.region.counties[0].ecoCapacity'],
    ['unknown county key', { ...base(), region: { counties: [{ ...region2.counties[0], mayor: 'x' }] } }, '$.region.counties[0].mayor'],
    ['unknown preset', { ...base(), region: { preset: 'mars' } }, '$.region.preset'],
    ['both preset and counties', { ...base(), region: { preset: 'default', counties: region2.counties } }, '$.region'],
    ['too many agents for the scale', { ...base(), scale: 1, region: { counties: [{ ...region2.counties[0], households: 1e8 }] } }, '$.scale'],
  ])('%s -> %s', (_what, data, path) => {
    const e = errorOf(data);
    expect(e.path).toBe(path);
    expect(e.file).toBe(FILE);
    expect(e.message.startsWith(`${FILE}: ${path}: expected `)).toBe(true);
  });

  it('malformed JSON: the message says where (line and column)', () => {
    const e = errorOf('{\n  "id": "x",\n  oops\n}');
    expect(e.message).toContain('valid JSON');
    expect(e.message).toContain('line 3');
  });

  it('the message shows the bad value', () => {
    expect(errorOf({ ...base(), scale: -3 }).message).toContain('got -3');
    expect(errorOf({ ...base(), interventions: [{ lever: 'magic' }] }).message).toContain('"magic"');
  });
});

describe('parseScenario: defaults', () => {
  it('only id and title given: seed 1, startYear 2013, years 22, scale 10, the default preset, no params, no interventions', () => {
    const s = parseScenario(JSON.stringify(base()), 'x.json');
    expect(s.seed).toBe(1);
    expect(s.startYear).toBe(2013);
    expect(s.years).toBe(22);
    expect(s.scale).toBe(10);
    expect(s.region).toEqual({ preset: 'default' });
    expect(s.params).toEqual({});
    expect(s.interventions).toEqual([]);
    expect(s.description).toEqual({ zh: '', en: '' });
  });

  it('a title in one language fills the other', () => {
    expect(parseScenario(JSON.stringify({ id: 'x', title: { en: 'Only' } }), 'x.json').title).toEqual({ zh: 'Only', en: 'Only' });
  });

  it('an intervention gets from = startYear + 1, to = the horizon, counties "all" and its lever defaults', () => {
    const s = parseScenario(JSON.stringify({ ...base(), startYear: 2015, years: 10, interventions: [{ lever: 'relocation' }] }), 'x.json');
    expect(s.interventions[0]).toEqual({
      lever: 'relocation', from: 2016, to: 2025, counties: 'all', eligibility: 'registeredPoor', maxPeople: 20000, employmentSupport: true, destination: 'countySeat',
    });
  });

  it('counties resolve: terrain defaults filled, a county attribute overrides its terrain default, hex laid out', () => {
    const s = parseScenario(JSON.stringify({ ...base(), region: { counties: [{ ...region2.counties[0], ecoCapacity: 0.2 }, region2.counties[1]] } }), 'x.json');
    const r = resolveScenario(s);
    expect(r.counties[0].ecoCapacity).toBe(0.2);
    expect(r.counties[0].transport).toBe(0.25);
    expect(r.counties[1].ecoCapacity).toBe(0.8);
    expect(r.counties[1].hex).toEqual([1, 0]);
  });

  it('params override the registry defaults; intervention selectors resolve to county indexes', () => {
    const s = parseScenario(JSON.stringify({
      ...base(), region: region2, params: { 'policy.povertyLine': 3000 },
      interventions: [{ lever: 'teacherPay', counties: 'plain' }, { lever: 'teacherPay', counties: ['a', 'b'] }, { lever: 'teacherPay' }],
    }), 'x.json');
    const r = resolveScenario(s);
    expect(r.params['policy.povertyLine']).toBe(3000);
    expect(r.params['policy.leakage']).toBe(0.08);
    expect(r.interventionCounties.map((x) => Array.from(x))).toEqual([[1], [0, 1], [0, 1]]);
  });

  it('the presets "default" (12 counties) and "china" (10) exist', () => {
    expect(REGION_PRESETS.default.counties.length).toBe(12);
    expect(REGION_PRESETS.china.counties.length).toBe(10);
  });
});

describe('every scenarios/*.json parses', () => {
  const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.json') && f !== 'schema.json');
  it('there is at least the baseline', () => {
    expect(files).toContain('baseline.json');
  });
  it.each(files)('%s', (f) => {
    const s = parseScenario(readFileSync(join(SCENARIOS, f), 'utf8'), f);
    expect(s.id).toMatch(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/);
    expect(s.years).toBeGreaterThan(0);
  });
});
