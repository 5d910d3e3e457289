/**
 * The campaign scenario, calibrated on the `china` preset by `npm run calibrate`
 * (src/cli/calibrate.ts), follows the published national poverty path: the ensemble mean
 * (runs 1-4 of the calibration seed, as in the calibration) stays within 2 percentage points of
 * the published rate in every year 2013-2019 and falls under 1% by 2020.
 * If the model changes, re-run `npm run calibrate` and commit the regenerated scenarios.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CALIBRATION, NATIONAL_POVERTY } from '../../../src/cli/calibrate';
import { parseScenario, resultValue, runScenario, type RunResult } from '../../../src/model/index';

let results: RunResult[] = [];
let startYear = 0;

const meanPoverty = (year: number) =>
  results.reduce((a, r) => a + resultValue(r, year - startYear, r.meta.counties.length, 'povertyRate'), 0) / results.length;

beforeAll(() => {
  const file = 'scenarios/campaign-china.json';
  const scenario = parseScenario(readFileSync(file, 'utf8'), file);
  scenario.years = 2020 - scenario.startYear;
  startYear = scenario.startYear;
  results = Array.from({ length: CALIBRATION.runs }, (_, i) => runScenario(scenario, i + 1));
});

describe('the 2013-2020 campaign on rural China', () => {
  it('starts near the published 10.2% in 2012 (within 2 points)', () => {
    expect(Math.abs(meanPoverty(2012) - NATIONAL_POVERTY[2012])).toBeLessThan(0.02);
  });

  for (let year = 2013; year <= 2019; year++) {
    it(`stays within 2 percentage points of the published rate in ${year} (${(NATIONAL_POVERTY[year] * 100).toFixed(1)}%)`, () => {
      expect(Math.abs(meanPoverty(year) - NATIONAL_POVERTY[year])).toBeLessThan(0.02);
    });
  }

  it('reaches under 1% by 2020', () => {
    expect(meanPoverty(2020)).toBeLessThan(0.01);
  });

  it('falls every year from 2013 to 2019 by at least half a point over two years', () => {
    for (let year = 2013; year <= 2017; year++) expect(meanPoverty(year + 2)).toBeLessThan(meanPoverty(year) - 0.005);
  });
});
