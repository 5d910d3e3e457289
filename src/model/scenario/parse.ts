import { LEVER_BY_NAME, LEVERS, type LeverParamSpec } from '../levers/registry';
import { PARAM_BY_KEY, type ParamKey } from '../params/registry';
import { REGION_PRESETS, TERRAIN_DEFAULTS } from '../region/presets';
import { isObject, type Json, JsonChecker, own, parseJsonText } from './jsonChecker';
import { agentCount, INPUT_LIMITS, SCENARIO_LIMITS } from './limits';
import { type CountySpec, type Intervention, type RegionSpec, type Scenario, TERRAINS } from './types';

/** Bounds of a scenario (declared with every other input limit in limits.ts). */
export { SCENARIO_LIMITS };

export const SCENARIO_DEFAULTS = { seed: 1, startYear: 2013, years: 22, scale: 10 } as const;

/** Optional numeric county attributes with their ranges (defaults come by terrain). */
export const COUNTY_NUMBER_FIELDS: Record<string, [number, number, boolean]> = {
  villages: [1, 200, true],
  ecoCapacity: [0.01, 1, false],
  transport: [0, 1, false],
  irrigation: [0, 1, false],
  water: [0, 1, false],
  humanCapital: [0.01, 1, false],
  assets: [0, 1e7, false],
  land: [0, 1000, false],
  capitalPerResident: [0, 1e7, false],
  postFill: [0.05, 1, false],
  relief: [0, 5000, false],
};

const TOP_KEYS = ['$schema', 'id', 'title', 'description', 'seed', 'startYear', 'years', 'scale', 'region', 'params', 'interventions'];

const Checker = JsonChecker;
type Checker = JsonChecker;

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/**
 * Parses and validates a scenario file's text. Unknown keys, wrong types and out-of-range values
 * are errors naming the file, the JSON path and what was expected; defaults are filled in.
 */
export function parseScenario(text: string, file: string): Scenario {
  const data = parseJsonText(text, file, INPUT_LIMITS.maxScenarioBytes);
  return validateScenario(data, file);
}

/** Validates an already-parsed scenario object (see parseScenario). */
export function validateScenario(data: Json, file: string): Scenario {
  const ck = new Checker(file);
  const o = ck.object(data, '$', TOP_KEYS);
  if (!own(o, 'id')) ck.fail('$.id', 'a scenario id (letters, digits, - _ .)');
  if (!own(o, 'title')) ck.fail('$.title', 'a title object {"zh": ..., "en": ...}');
  const id = ck.string(o.id, '$.id', ID, 'an id of letters, digits, "-", "_" or "." (at most 64)');
  const title = ck.bilingual(o.title, '$.title', true);
  const description = ck.bilingual(o.description, '$.description', false);
  const L = SCENARIO_LIMITS;
  const seed = o.seed === undefined ? SCENARIO_DEFAULTS.seed : ck.number(o.seed, '$.seed', 0, L.maxSeed, true);
  const startYear = o.startYear === undefined ? SCENARIO_DEFAULTS.startYear : ck.number(o.startYear, '$.startYear', L.minYear, L.maxYear, true, `an integer year from ${L.minYear} to ${L.maxYear}`);
  const years = o.years === undefined ? SCENARIO_DEFAULTS.years : ck.number(o.years, '$.years', 1, L.maxYears, true);
  if (startYear + years > L.maxYear) ck.fail('$.years', `a horizon ending by ${L.maxYear} (startYear + years)`, years);
  const scale = o.scale === undefined ? SCENARIO_DEFAULTS.scale : ck.number(o.scale, '$.scale', 1, L.maxScale, true);
  const region = validateRegion(ck, o.region, scale);
  const params = validateParams(ck, o.params);
  const countyIds = regionCounties(region).map((c) => c.id);
  const interventions = validateInterventions(ck, o.interventions, countyIds, startYear, startYear + years);
  return { id, title, description, seed, startYear, years, scale, region, params, interventions };
}

/** The counties of a region spec (presets looked up). */
export function regionCounties(region: RegionSpec): CountySpec[] {
  return 'preset' in region ? REGION_PRESETS[region.preset].counties : region.counties;
}

/** Household agents a scenario's world will have (agentCount over its region's counties). */
export function scenarioAgents(s: Scenario): number {
  return agentCount(regionCounties(s.region).map((c) => c.households), s.scale);
}

function validateRegion(ck: Checker, v: Json, scale: number): RegionSpec {
  if (v === undefined) return { preset: 'default' };
  const o = ck.object(v, '$.region', ['preset', 'counties']);
  if (own(o, 'preset') === own(o, 'counties')) ck.fail('$.region', 'exactly one of "preset" or "counties"', v);
  if (own(o, 'preset')) {
    const names = Object.keys(REGION_PRESETS);
    const preset = ck.string(o.preset, '$.region.preset');
    if (!own(REGION_PRESETS, preset)) ck.fail('$.region.preset', `one of ${names.join(', ')}`, preset);
    checkAgents(ck, REGION_PRESETS[preset].counties, scale);
    return { preset };
  }
  if (!Array.isArray(o.counties) || o.counties.length === 0 || o.counties.length > SCENARIO_LIMITS.maxCounties) {
    ck.fail('$.region.counties', `an array of 1 to ${SCENARIO_LIMITS.maxCounties} counties`, o.counties);
  }
  const seen = new Set<string>();
  const counties = o.counties.map((cv: Json, i: number) => {
    const path = `$.region.counties[${i}]`;
    const c = ck.object(cv, path, ['id', 'name', 'terrain', 'households', 'hex', ...Object.keys(COUNTY_NUMBER_FIELDS)]);
    for (const k of ['id', 'name', 'terrain', 'households']) if (!own(c, k)) ck.fail(`${path}.${k}`, `a "${k}" (required)`);
    const id = ck.string(c.id, `${path}.id`, ID, 'a county id of letters, digits, "-", "_" or "."');
    if (id === 'region') ck.fail(`${path}.id`, 'an id other than "region" (reserved for the aggregate)', id);
    if (seen.has(id)) ck.fail(`${path}.id`, 'a county id not used before in this region', id);
    seen.add(id);
    const terrain = ck.string(c.terrain, `${path}.terrain`);
    if (!(TERRAINS as readonly string[]).includes(terrain)) ck.fail(`${path}.terrain`, `one of ${TERRAINS.join(', ')}`, terrain);
    const spec: CountySpec = {
      id, name: ck.bilingual(c.name, `${path}.name`, true), terrain: terrain as CountySpec['terrain'],
      households: ck.number(c.households, `${path}.households`, 1, SCENARIO_LIMITS.maxHouseholdsPerCounty, true),
    };
    for (const [k, [min, max, int]] of Object.entries(COUNTY_NUMBER_FIELDS)) {
      if (c[k] !== undefined) (spec as unknown as Record<string, number>)[k] = ck.number(c[k], `${path}.${k}`, min, max, int);
    }
    if (c.hex !== undefined) {
      if (!Array.isArray(c.hex) || c.hex.length !== 2) ck.fail(`${path}.hex`, 'a [column, row] pair of integers', c.hex);
      spec.hex = [ck.number(c.hex[0], `${path}.hex[0]`, 0, 100, true), ck.number(c.hex[1], `${path}.hex[1]`, 0, 100, true)];
    }
    return spec;
  });
  checkAgents(ck, counties, scale);
  return { counties };
}

function checkAgents(ck: Checker, counties: CountySpec[], scale: number): void {
  const agents = agentCount(counties.map((c) => c.households), scale);
  if (agents > SCENARIO_LIMITS.maxAgents) {
    ck.fail('$.scale', `a scale large enough for at most ${SCENARIO_LIMITS.maxAgents} household agents`, `${agents} agents at scale ${scale}`);
  }
}

function validateParams(ck: Checker, v: Json): Partial<Record<ParamKey, number>> {
  if (v === undefined) return {};
  if (!isObject(v)) ck.fail('$.params', 'an object of "path": number', v);
  const out: Partial<Record<ParamKey, number>> = {};
  for (const [k, val] of Object.entries(v)) {
    const spec = PARAM_BY_KEY.get(k);
    const path = `$.params[${JSON.stringify(k.length > 60 ? `${k.slice(0, 57)}...` : k)}]`;
    if (!spec) ck.fail(path, 'a known parameter path (see docs/ODD.md or scenarios/schema.json)', k);
    out[k as ParamKey] = ck.number(val, path, spec.min, spec.max, spec.integer ?? false,
      `${spec.integer ? 'an integer' : 'a number'} from ${spec.min} to ${spec.max} (${spec.unit})`);
  }
  return out;
}

/** Checks one lever parameter value against its spec. */
export function checkLeverParam(ck: { fail(path: string, expected: string, got?: unknown): never }, spec: LeverParamSpec, v: Json, path: string): unknown {
  switch (spec.kind) {
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v) || v < spec.min || v > spec.max) ck.fail(path, `a number from ${spec.min} to ${spec.max} (${spec.unit})`, v);
      return v;
    case 'boolean':
      if (typeof v !== 'boolean') ck.fail(path, 'true or false', v);
      return v;
    case 'enum':
      if (typeof v !== 'string' || !spec.options.includes(v)) ck.fail(path, `one of ${spec.options.join(', ')}`, v);
      return v;
  }
}

function validateInterventions(ck: Checker, v: Json, countyIds: string[], startYear: number, endYear: number): Intervention[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.length > SCENARIO_LIMITS.maxInterventions) ck.fail('$.interventions', `an array of at most ${SCENARIO_LIMITS.maxInterventions} interventions`, v);
  const L = SCENARIO_LIMITS;
  return v.map((iv: Json, i: number) => {
    const path = `$.interventions[${i}]`;
    if (!isObject(iv)) ck.fail(path, 'an object with "lever", "from", "to", "counties"', iv);
    const leverName = ck.string(iv.lever, `${path}.lever`);
    const spec = LEVER_BY_NAME.get(leverName);
    if (!spec) ck.fail(`${path}.lever`, `one of ${LEVERS.map((l) => l.name).join(', ')}`, leverName);
    const allowed = ['lever', 'from', 'to', 'counties', 'note', ...spec.params.map((p) => p.name)];
    ck.object(iv, path, allowed);
    const from = iv.from === undefined ? startYear + 1 : ck.number(iv.from, `${path}.from`, L.minYear, L.maxYear, true, `an integer year from ${L.minYear} to ${L.maxYear}`);
    const to = iv.to === undefined ? endYear : ck.number(iv.to, `${path}.to`, from, L.maxYear, true, `an integer year from "from" (${from}) to ${L.maxYear}`);
    let counties: Intervention['counties'] = 'all';
    if (iv.counties !== undefined) {
      if (typeof iv.counties === 'string') {
        if (iv.counties !== 'all' && !(TERRAINS as readonly string[]).includes(iv.counties)) ck.fail(`${path}.counties`, `"all", a terrain (${TERRAINS.join(', ')}) or a list of county ids`, iv.counties);
        counties = iv.counties as Intervention['counties'];
      } else if (Array.isArray(iv.counties) && iv.counties.length > 0 && iv.counties.length <= L.maxCounties) {
        counties = iv.counties.map((cid: Json, j: number) => {
          if (typeof cid !== 'string' || !countyIds.includes(cid)) ck.fail(`${path}.counties[${j}]`, `a county id of this region (${countyIds.slice(0, 12).join(', ')}${countyIds.length > 12 ? ', ...' : ''})`, cid);
          return cid;
        });
      } else {
        ck.fail(`${path}.counties`, `"all", a terrain or a list of 1 to ${L.maxCounties} county ids`, iv.counties);
      }
    }
    const out: Intervention = { lever: spec.name as Intervention['lever'], from, to, counties };
    for (const ps of spec.params) {
      out[ps.name] = iv[ps.name] === undefined ? ps.default : checkLeverParam(ck, ps, iv[ps.name], `${path}.${ps.name}`);
    }
    if (iv.note !== undefined) out.note = ck.string(iv.note, `${path}.note`, undefined, 'a text note');
    return out;
  });
}

export { TERRAIN_DEFAULTS };
