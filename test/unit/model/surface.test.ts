import { describe, expect, it } from 'vitest';
import * as model from '../../../src/model/index';
import { CONTRACT_INDICATORS, INDICATORS, LEVER_BY_NAME, LEVERS, PARAMS } from '../../../src/model/index';
import { PIPELINE } from '../../../src/model/step';

describe('public surface of src/model/index.ts', () => {
  it('exports exactly these keys (sorted); a change here is a change of the public API', () => {
    expect(Object.keys(model).sort()).toEqual([
      'CHINA_REGION', 'CONTRACT_INDICATORS', 'COUNTY_NUMBER_FIELDS', 'DEFAULT_REGION', 'INDICATORS', 'INDICATOR_INDEX',
      'INDICATOR_NAMES', 'INDUSTRIES', 'INDUSTRY_LABELS', 'INFRASTRUCTURE_KINDS', 'LEVERS', 'LEVER_BY_NAME', 'ModelHealthError',
      'PARAMS', 'PARAM_BY_KEY', 'PROFESSIONS', 'REGION_PRESETS', 'SCENARIO_DEFAULTS', 'SCENARIO_LIMITS', 'STATUS', 'ScenarioError',
      'Simulation', 'TERRAINS', 'TERRAIN_CODE', 'TERRAIN_DEFAULTS', 'TIDY_HEADER', 'checkLeverParam', 'defaultParams',
      'describeValue', 'formatNumber', 'parseScenario', 'regionCounties', 'resultLeverCost', 'resultValue', 'resultsJson', 'runScenario',
      'scenarioJsonSchema', 't', 'tidyCsv', 'tidyRows', 'validateScenario',
    ]);
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
