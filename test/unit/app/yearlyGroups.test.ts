/**
 * Which interventions the policy panel folds into one entry (src/app/panels/yearlyGroups.ts):
 * a lever set year by year, as the campaign's calibrated intensities are.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Intervention, parseScenario } from '../../../src/model/index';
import { yearlyGroups } from '../../../src/app/panels/yearlyGroups';
import { SCENARIOS_DIR } from '../../helpers/ensemble';

const yearly = (lever: string, year: number, counties: Intervention['counties'] = 'all'): Intervention =>
  ({ lever, from: year, to: year, counties, raise: 0.1 }) as Intervention;

describe('yearlyGroups', () => {
  it('groups the campaign file\'s yearly registration and social floor, and nothing else', () => {
    const file = join(SCENARIOS_DIR, 'campaign.json');
    const s = parseScenario(readFileSync(file, 'utf8'), file);
    const groups = yearlyGroups(s.interventions);
    expect(groups.map((g) => [s.interventions[g[0]].lever, g.length, s.interventions[g[0]].from, s.interventions[g[g.length - 1]].to]))
      .toEqual([['registration', 8, 2013, 2020], ['socialFloor', 7, 2014, 2020]]);
    for (const g of groups) {
      // each member lasts one year, the years follow one another, in scenario order
      g.forEach((j, k) => {
        expect(s.interventions[j].from).toBe(s.interventions[j].to);
        if (k > 0) expect(s.interventions[j].from).toBe(s.interventions[g[k - 1]].to + 1);
        if (k > 0) expect(j).toBeGreaterThan(g[k - 1]);
      });
    }
  });

  it('levers between the years do not break a group; a gap, other counties or a longer span do', () => {
    const ivs = [yearly('teacherPay', 2015), yearly('doctorPay', 2015), yearly('teacherPay', 2016), yearly('teacherPay', 2017)];
    expect(yearlyGroups(ivs)).toEqual([[0, 2, 3]]);
    // a gap of a year
    expect(yearlyGroups([yearly('teacherPay', 2015), yearly('teacherPay', 2016), yearly('teacherPay', 2018)])).toEqual([]);
    // other counties
    expect(yearlyGroups([yearly('teacherPay', 2015), yearly('teacherPay', 2016, 'mountain'), yearly('teacherPay', 2017)])).toEqual([]);
    // a two-year span in the middle
    const long = { ...yearly('teacherPay', 2016), to: 2017 } as Intervention;
    expect(yearlyGroups([yearly('teacherPay', 2015), long, yearly('teacherPay', 2018), yearly('teacherPay', 2019)])).toEqual([]);
    // fewer than three: no group
    expect(yearlyGroups([yearly('teacherPay', 2015), yearly('teacherPay', 2016)])).toEqual([]);
    // after a gap a new run starts, and is a group when long enough
    expect(yearlyGroups([yearly('teacherPay', 2010), yearly('teacherPay', 2015), yearly('teacherPay', 2016), yearly('teacherPay', 2017)])).toEqual([[1, 2, 3]]);
  });
});
