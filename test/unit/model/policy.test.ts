import { describe, expect, it } from 'vitest';
import { INDUSTRIES } from '../../../src/model/levers/registry';
import { applyPolicy } from '../../../src/model/systems/policy';
import { tinyWorld } from '../../helpers/world';

/** Counties: 0 mountain "m1", 1 mountain "m2", 2 plain "p". */
const COUNTIES = [
  { id: 'm1', terrain: 'mountain' as const, households: 5 },
  { id: 'm2', terrain: 'mountain' as const, households: 5 },
  { id: 'p', terrain: 'plain' as const, households: 5 },
];

function worldWith(interventions: Record<string, unknown>[], year: number) {
  const w = tinyWorld({ counties: COUNTIES, years: 10, interventions });
  w.year = year;
  applyPolicy(w);
  return w;
}

describe('applyPolicy: county selectors', () => {
  it('"all" reaches every county, a terrain only its counties, an id list only those ids', () => {
    const w = worldWith([
      { lever: 'teacherPay', from: 2014, to: 2020, counties: 'all', raise: 0.1 },
      { lever: 'doctorPay', from: 2014, to: 2020, counties: 'mountain', raise: 0.2 },
      { lever: 'cadrePay', from: 2014, to: 2020, counties: ['m2', 'p'], raise: 0.4 },
    ], 2015);
    expect(Array.from(w.levers.teacherRaise)).toEqual([0.1, 0.1, 0.1]);
    expect(Array.from(w.levers.doctorRaise)).toEqual([0.2, 0.2, 0]);
    expect(Array.from(w.levers.cadreRaise)).toEqual([0, 0.4, 0.4]);
  });

  it('a terrain with no county selects nothing', () => {
    const w = worldWith([{ lever: 'teacherPay', from: 2014, to: 2020, counties: 'hill', raise: 0.5 }], 2015);
    expect(Array.from(w.levers.teacherRaise)).toEqual([0, 0, 0]);
  });
});

describe('applyPolicy: active years', () => {
  const ivs = [{ lever: 'teacherPay', from: 2015, to: 2017, counties: 'all', raise: 0.5 }];
  it.each([
    [2014, 0], [2015, 0.5], [2016, 0.5], [2017, 0.5], [2018, 0],
  ])('in %i the raise is %f (from and to inclusive, other years ignored)', (year, raise) => {
    expect(worldWith(ivs, year).levers.teacherRaise[0]).toBe(raise);
  });

  it('the lever state is zeroed every year: a lever active last year leaves nothing behind', () => {
    const w = worldWith([{ lever: 'fundIntegration', from: 2014, to: 2014, counties: 'all', share: 0.7 },
      { lever: 'socialFloor', from: 2014, to: 2014, counties: 'all', yuanPerPerson: 3000 }], 2014);
    expect(w.levers.fundIntegration[0]).toBe(0.7);
    expect(w.levers.socialFloor[0]).toBe(3000);
    w.year = 2015;
    applyPolicy(w);
    expect(w.levers.fundIntegration[0]).toBe(0);
    expect(w.levers.socialFloor[0]).toBe(0);
  });
});

describe('applyPolicy: two levers on one county combine', () => {
  it('raises add: 0.3 for all plus 0.2 for m1 gives 0.5 in m1, 0.3 elsewhere', () => {
    const w = worldWith([
      { lever: 'teacherPay', from: 2014, to: 2020, counties: 'all', raise: 0.3 },
      { lever: 'teacherPay', from: 2014, to: 2020, counties: ['m1'], raise: 0.2 },
    ], 2016);
    expect(w.levers.teacherRaise[0]).toBeCloseTo(0.5, 12);
    expect(w.levers.teacherRaise[1]).toBeCloseTo(0.3, 12);
  });

  it('shares take the larger value, whatever the order', () => {
    const w = worldWith([
      { lever: 'fundIntegration', from: 2014, to: 2020, counties: 'all', share: 0.6 },
      { lever: 'fundIntegration', from: 2014, to: 2020, counties: 'mountain', share: 0.3 },
      { lever: 'marketInsurance', from: 2014, to: 2020, counties: 'all', coverage: 0.2 },
      { lever: 'marketInsurance', from: 2014, to: 2020, counties: ['p'], coverage: 0.9 },
      { lever: 'assessmentReform', from: 2014, to: 2020, counties: 'all', burdenCut: 0.25 },
      { lever: 'assessmentReform', from: 2014, to: 2020, counties: 'all', burdenCut: 0.5 },
      { lever: 'medicalAssistance', from: 2014, to: 2020, counties: 'all', reimbursement: 0.8 },
      { lever: 'medicalAssistance', from: 2014, to: 2020, counties: 'all', reimbursement: 0.4 },
    ], 2016);
    expect(Array.from(w.levers.fundIntegration)).toEqual([0.6, 0.6, 0.6]);
    expect(Array.from(w.levers.insuranceCoverage)).toEqual([0.2, 0.2, 0.9]);
    expect(Array.from(w.levers.burdenCut)).toEqual([0.5, 0.5, 0.5]);
    expect(Array.from(w.levers.medicalReimbursement)).toEqual([0.8, 0.8, 0.8]);
  });

  it('money adds up: two infrastructure levers of the same kind sum, other kinds stay apart', () => {
    const w = worldWith([
      { lever: 'infrastructure', from: 2014, to: 2020, counties: 'all', kind: 'irrigation', yuanPerYear: 1e6 },
      { lever: 'infrastructure', from: 2014, to: 2020, counties: ['m1'], kind: 'irrigation', yuanPerYear: 2e6 },
      { lever: 'infrastructure', from: 2014, to: 2020, counties: ['m1'], kind: 'water', yuanPerYear: 5e5 },
      { lever: 'ecoTourism', from: 2014, to: 2020, counties: ['p'], yuanPerYear: 7e6 },
      { lever: 'ecoTourism', from: 2014, to: 2020, counties: 'plain', yuanPerYear: 3e6 },
    ], 2016);
    expect(Array.from(w.levers.irrigationSpend)).toEqual([3e6, 1e6, 1e6]);
    expect(Array.from(w.levers.waterSpend)).toEqual([5e5, 0, 0]);
    expect(Array.from(w.levers.transportSpend)).toEqual([0, 0, 0]);
    expect(Array.from(w.levers.ecoTourism)).toEqual([0, 0, 1e7]);
  });

  it('industry support goes to its product slot (county * products + product) and adds up', () => {
    const w = worldWith([
      { lever: 'industrySupport', from: 2014, to: 2020, counties: ['m2'], industry: 'herbs', yuanPerYear: 4e6 },
      { lever: 'industrySupport', from: 2014, to: 2020, counties: 'all', industry: 'herbs', yuanPerYear: 1e6 },
    ], 2016);
    const P = INDUSTRIES.length;
    const herbs = INDUSTRIES.indexOf('herbs');
    expect(w.levers.industrySubsidy[1 * P + herbs]).toBe(5e6);
    expect(w.levers.industrySubsidy[0 * P + herbs]).toBe(1e6);
    let total = 0;
    for (const x of w.levers.industrySubsidy) total += x;
    expect(total).toBe(4e6 + 1e6 * 3);
  });

  it('industryTilt spreads its jobs over the lever years: 2000 jobs over 2014-2017 gives 500 a year', () => {
    const w = worldWith([{ lever: 'industryTilt', from: 2014, to: 2017, counties: ['p'], jobs: 2000 }], 2015);
    expect(Array.from(w.levers.industryTiltJobs)).toEqual([0, 0, 500]);
  });

  it('switches are on if any intervention turns them on', () => {
    const w = worldWith([
      { lever: 'education', from: 2014, to: 2020, counties: 'all', years12: false, nutrition: true },
      { lever: 'education', from: 2014, to: 2020, counties: ['m1'], years12: true, nutrition: false },
      { lever: 'bigDataIdentification', from: 2014, to: 2020, counties: ['p'] },
    ], 2016);
    expect(Array.from(w.levers.years12)).toEqual([1, 0, 0]);
    expect(Array.from(w.levers.nutrition)).toEqual([1, 1, 1]);
    expect(Array.from(w.levers.bigData)).toEqual([0, 0, 1]);
  });

  it('relocation: maxPeople adds, eligibility and destination from the later intervention', () => {
    const w = worldWith([
      { lever: 'relocation', from: 2014, to: 2020, counties: 'all', eligibility: 'wholeVillage', maxPeople: 100, employmentSupport: false, destination: 'plainCounty' },
      { lever: 'relocation', from: 2014, to: 2020, counties: ['m1'], eligibility: 'registeredPoor', maxPeople: 50, employmentSupport: true, destination: 'countySeat' },
    ], 2016);
    expect(Array.from(w.levers.relocationOn)).toEqual([1, 1, 1]);
    expect(Array.from(w.levers.relocationMaxPeople)).toEqual([150, 100, 100]);
    expect(Array.from(w.levers.relocationWholeVillage)).toEqual([0, 1, 1]);
    expect(Array.from(w.levers.relocationToPlain)).toEqual([0, 1, 1]);
    expect(Array.from(w.levers.relocationEmployment)).toEqual([1, 0, 0]);
  });

  it('registration: benefits add, work share takes the max, the switch is on', () => {
    const w = worldWith([
      { lever: 'registration', from: 2014, to: 2020, counties: 'all', benefitYuanPerPerson: 800, workShare: 0.3 },
      { lever: 'registration', from: 2014, to: 2020, counties: ['m1'], benefitYuanPerPerson: 200, workShare: 0.1 },
    ], 2016);
    expect(Array.from(w.levers.registration)).toEqual([1, 1, 1]);
    expect(Array.from(w.levers.benefitPerPerson)).toEqual([1000, 800, 800]);
    expect(Array.from(w.levers.workShare)).toEqual([0.3, 0.3, 0.3]);
  });

  it('policyPhaseOut: mode and years set, later intervention wins', () => {
    const w = worldWith([
      { lever: 'policyPhaseOut', from: 2014, to: 2020, counties: 'all', mode: 'gradual', years: 4 },
      { lever: 'policyPhaseOut', from: 2014, to: 2020, counties: ['p'], mode: 'abrupt', years: 0 },
    ], 2016);
    expect(Array.from(w.levers.phaseOutSet)).toEqual([1, 1, 1]);
    expect(Array.from(w.levers.phaseOutGradual)).toEqual([1, 1, 0]);
    expect(Array.from(w.levers.phaseOutYears)).toEqual([4, 4, 0]);
  });
});
