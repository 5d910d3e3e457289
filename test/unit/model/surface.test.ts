import { describe, expect, it } from 'vitest';
import * as model from '../../../src/model/index';
import {
  CONTRACT_INDICATORS, INDICATOR_TEXT_ZH, INDICATORS, LEVER_BY_NAME, LEVER_COST_ZH, LEVERS, PARAM_TEXT_ZH, PARAMS,
} from '../../../src/model/index';
import { PIPELINE } from '../../../src/model/step';
import { tinyScenario } from '../../helpers/world';

describe('public surface of src/model/index.ts', () => {
  it('exports exactly these keys (sorted); a change here is a change of the public API', () => {
    expect(Object.keys(model).sort()).toEqual([
      'CHINA_REGION', 'CONTRACT_INDICATORS', 'COUNTY_NUMBER_FIELDS', 'DEFAULT_REGION', 'INDICATORS', 'INDICATOR_INDEX',
      'INDICATOR_NAMES', 'INDICATOR_TEXT_ZH', 'INDUSTRIES', 'INDUSTRY_LABELS', 'INFRASTRUCTURE_KINDS', 'JsonChecker', 'LASTING_EXIT_YEARS', 'LEVERS', 'LEVER_BY_NAME',
      'LEVER_COST_ZH', 'MAX_TEXT_LENGTH', 'ModelHealthError', 'PARAMS', 'PARAM_BY_KEY', 'PARAM_TEXT_ZH', 'PROFESSIONS', 'REGION_PRESETS',
      'SCENARIO_DEFAULTS', 'SCENARIO_LIMITS', 'STATUS', 'ScenarioError',
      'Simulation', 'TERRAINS', 'TERRAIN_CODE', 'TERRAIN_DEFAULTS', 'TIDY_HEADER', 'checkLeverParam', 'defaultParams',
      'describeValue', 'formatNumber', 'isObject', 'own', 'parseJsonText', 'parseScenario', 'regionCounties', 'resultLeverCost', 'resultValue', 'resultsJson', 'runScenario', 'runWarmUp',
      'scenarioAgents', 'scenarioJsonSchema', 'skipWarmUp', 't', 'tidyCsv', 'tidyRows', 'validateScenario',
    ]);
  });

  it('ModelHealthError is an Error naming the county, year, field and value', () => {
    const e = new model.ModelHealthError('k0', 2015, 'capital', Infinity);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ModelHealthError');
    expect([e.county, e.year, e.field, e.value]).toEqual(['k0', 2015, 'capital', Infinity]);
    expect(e.message).toContain('2015');
    expect(e.message).toContain('k0');
    expect(e.message).toContain('capital');
  });

  it('a run result carries lever costs by year, lever and unit, and its meta lists the levers in registry order', () => {
    const r = model.runScenario(tinyScenario({ years: 1, counties: [{ id: 'a' }, { id: 'b', terrain: 'plain' }] }));
    expect([...r.meta.levers]).toEqual(LEVERS.map((l) => l.name));
    expect(r.leverCosts).toBeInstanceOf(Float64Array);
    // (years + 1) * levers * (counties + region).
    expect(r.leverCosts.length).toBe(2 * LEVERS.length * 3);
    expect(model.resultLeverCost(r, 1, 'registration', 2)).toBe(r.leverCosts[(1 * LEVERS.length + 0) * 3 + 2]);
  });

  it('the yearly pipeline runs the documented sub-models in the documented order', () => {
    expect(PIPELINE.map(([name]) => name)).toEqual([
      'policy', 'fiscal', 'stocks', 'shocks', 'economy', 'production', 'markets', 'households', 'investment', 'talent',
      'identification', 'relocation', 'loop',
    ]);
  });
});

describe('CONTRACT.md', () => {
  it('the 22 contract indicators, in CONTRACT.md order, are the first 22 indicators', () => {
    const contract = [
      'population', 'povertyRate', 'registeredPoorRate', 'meanIncome', 'returnToPovertyRate', 'newPoorRate',
      'teachersPer1000Pupils', 'doctorsPer1000', 'talentOutflow', 'youthShare', 'capitalStock', 'localInvestmentRate',
      'infrastructureIndex', 'ecoCapacity', 'growthMomentum', 'fiscalDependency', 'idleEarmarkedShare', 'assessmentBurden',
      'gini', 'loopGain', 'relocatedPeople', 'interventionCost',
    ];
    expect(contract.length).toBe(22);
    expect([...CONTRACT_INDICATORS]).toEqual(contract);
    expect(INDICATORS.slice(0, 22).map((i) => i.name)).toEqual(contract);
  });

  it('netFactorFlow is an indicator beyond the contract, a pooled ratio', () => {
    const d = INDICATORS.find((i) => i.name === 'netFactorFlow');
    expect(d).toBeDefined();
    expect(d!.aggregation).toBe('ratio');
    expect(INDICATORS.indexOf(d!)).toBeGreaterThanOrEqual(22);
  });

  it('indicator names are unique', () => {
    const names = INDICATORS.map((i) => i.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each([
    ['teacherPay', ['raise']],
    ['doctorPay', ['raise']],
    ['cadrePay', ['raise']],
    ['infrastructure', ['kind', 'yuanPerYear']],
    ['education', ['years12', 'nutrition']],
    ['medicalAssistance', ['reimbursement']],
    ['socialFloor', ['yuanPerPerson']],
    ['industrySupport', ['industry', 'yuanPerYear']],
    ['marketInsurance', ['coverage']],
    ['fundIntegration', ['share']],
    ['bigDataIdentification', []],
    ['assessmentReform', ['burdenCut']],
    ['relocation', ['eligibility', 'maxPeople', 'employmentSupport']],
    ['ecoCompensation', ['yuanPerHousehold']],
    ['ecoTourism', ['yuanPerYear']],
    ['policyPhaseOut', ['mode', 'years']],
    ['industryTilt', ['jobs']],
    ['microcredit', ['yuanPerHousehold']],
  ])('lever %s exists with parameters %j', (name, params) => {
    const lever = LEVER_BY_NAME.get(name);
    expect(lever, name).toBeDefined();
    const have = lever!.params.map((p) => p.name);
    for (const p of params) expect(have, `${name}.${p}`).toContain(p);
    if (params.length === 0) expect(have).toEqual([]);
  });

  it('lever parameter kinds and options match CONTRACT.md', () => {
    const param = (lever: string, name: string) => LEVER_BY_NAME.get(lever)!.params.find((p) => p.name === name)!;
    const kind = param('infrastructure', 'kind');
    expect(kind.kind === 'enum' && [...kind.options]).toEqual(['transport', 'irrigation', 'water']);
    const elig = param('relocation', 'eligibility');
    expect(elig.kind === 'enum' && [...elig.options]).toEqual(['registeredPoor', 'wholeVillage']);
    const mode = param('policyPhaseOut', 'mode');
    expect(mode.kind === 'enum' && [...mode.options]).toEqual(['abrupt', 'gradual']);
    for (const [lever, name] of [['education', 'years12'], ['education', 'nutrition'], ['relocation', 'employmentSupport']]) {
      expect(param(lever, name).kind, `${lever}.${name}`).toBe('boolean');
    }
    for (const [lever, name] of [['medicalAssistance', 'reimbursement'], ['marketInsurance', 'coverage'], ['fundIntegration', 'share'], ['assessmentReform', 'burdenCut']]) {
      const p = param(lever, name);
      expect(p.kind === 'number' && [p.min, p.max], `${lever}.${name}`).toEqual([0, 1]);
    }
  });

  it('lever names are unique and every number parameter default lies in its range', () => {
    expect(new Set(LEVERS.map((l) => l.name)).size).toBe(LEVERS.length);
    for (const l of LEVERS) {
      for (const p of l.params) {
        if (p.kind === 'number') {
          expect(p.default, `${l.name}.${p.name}`).toBeGreaterThanOrEqual(p.min);
          expect(p.default, `${l.name}.${p.name}`).toBeLessThanOrEqual(p.max);
        } else if (p.kind === 'enum') expect(p.options).toContain(p.default);
      }
    }
  });

  it('the CLI example parameter talent.teacherPayRatio exists; parameter keys are unique and defaults in range', () => {
    const keys = PARAMS.map((p) => p.key);
    expect(keys).toContain('talent.teacherPayRatio');
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of PARAMS) {
      expect(p.default, p.key).toBeGreaterThanOrEqual(p.min);
      expect(p.default, p.key).toBeLessThanOrEqual(p.max);
      if (p.integer) expect(Number.isInteger(p.default), p.key).toBe(true);
    }
  });
});

describe('Chinese texts', () => {
  const nonEmpty = (x: unknown) => typeof x === 'string' && x.trim().length > 0;

  it('every parameter has a Chinese description, source and unit, and PARAM_TEXT_ZH has no other key', () => {
    expect(Object.keys(PARAM_TEXT_ZH).sort()).toEqual(PARAMS.map((p) => p.key).sort());
    for (const p of PARAMS) {
      const zh = PARAM_TEXT_ZH[p.key];
      expect(zh, p.key).toBeDefined();
      for (const f of ['description', 'source', 'unit'] as const) expect(nonEmpty(zh[f]), `${p.key}.${f}`).toBe(true);
    }
  });

  it('every indicator has a Chinese description and unit, and INDICATOR_TEXT_ZH has no other key', () => {
    expect(Object.keys(INDICATOR_TEXT_ZH).sort()).toEqual(INDICATORS.map((i) => i.name).sort());
    for (const i of INDICATORS) {
      const zh = INDICATOR_TEXT_ZH[i.name];
      expect(zh, i.name).toBeDefined();
      expect(nonEmpty(zh.description), `${i.name}.description`).toBe(true);
      expect(nonEmpty(zh.unit), `${i.name}.unit`).toBe(true);
    }
  });

  it('every lever has its Chinese cost rule, and LEVER_COST_ZH has no other key', () => {
    expect(Object.keys(LEVER_COST_ZH).sort()).toEqual(LEVERS.map((l) => l.name).sort());
    for (const l of LEVERS) expect(nonEmpty(LEVER_COST_ZH[l.name]), l.name).toBe(true);
  });

  it('the Chinese texts are Chinese: each contains CJK characters', () => {
    const cjk = /[\u4e00-\u9fff]/;
    for (const p of PARAMS) expect(PARAM_TEXT_ZH[p.key].description, p.key).toMatch(cjk);
    for (const i of INDICATORS) expect(INDICATOR_TEXT_ZH[i.name].description, i.name).toMatch(cjk);
    for (const l of LEVERS) expect(LEVER_COST_ZH[l.name], l.name).toMatch(cjk);
  });
});
