/**
 * Golden run: scenarios/baseline.json shortened to 5 years at scale 10, seed 42, run 1. For every
 * year the region's value and the per-terrain summary (sum over the terrain's counties for 'sum'
 * indicators, population-weighted mean of the county values otherwise) of a dozen indicators,
 * rounded to 4 significant digits, are compared with the stored snapshot
 * test/golden/baseline-5y.json, so that any change in the model's behaviour shows up in review.
 *
 * After an intended change of behaviour, regenerate the snapshot and review its diff:
 *
 *     UPDATE_GOLDEN=1 npx vitest run --project unit test/unit/model/golden.test.ts
 *
 * With UPDATE_GOLDEN=1 the test rewrites the snapshot instead of comparing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDICATORS, type IndicatorName } from '../../../src/model/indicators';
import { parseScenario } from '../../../src/model/scenario/parse';
import { TERRAINS } from '../../../src/model/scenario/types';
import { resultValue, runScenario } from '../../../src/model/simulation';

const ROOT = resolve(__dirname, '../../..');
const SNAPSHOT = resolve(ROOT, 'test/golden/baseline-5y.json');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const GOLDEN_INDICATORS: IndicatorName[] = [
  'population', 'povertyRate', 'meanIncome', 'youthShare', 'teachersPer1000Pupils', 'doctorsPer1000', 'talentOutflow',
  'capitalStock', 'ecoCapacity', 'infrastructureIndex', 'growthMomentum', 'gini', 'loopGain', 'idleEarmarkedShare',
];

/** 4 significant digits, without -0. */
const round4 = (x: number) => {
  const r = Number(x.toPrecision(4));
  return r === 0 ? 0 : r;
};

function goldenSummary() {
  const s = parseScenario(readFileSync(resolve(ROOT, 'scenarios/baseline.json'), 'utf8'), 'baseline.json');
  const scenario = { ...s, years: 5, scale: 10 };
  const r = runScenario(scenario, 1, 42);
  const counties = r.meta.counties;
  const nC = counties.length;
  const series: Record<string, Record<string, number[]>> = { region: {} };
  for (const terrain of TERRAINS) series[terrain] = {};
  for (const name of GOLDEN_INDICATORS) {
    const aggregation = INDICATORS.find((d) => d.name === name)!.aggregation;
    series.region[name] = [];
    for (const terrain of TERRAINS) series[terrain][name] = [];
    for (let y = 0; y <= scenario.years; y++) {
      series.region[name].push(round4(resultValue(r, y, nC, name)));
      for (const terrain of TERRAINS) {
        let sum = 0;
        let weighted = 0;
        let people = 0;
        for (let c = 0; c < nC; c++) {
          if (counties[c].terrain !== terrain) continue;
          const x = resultValue(r, y, c, name);
          const pop = resultValue(r, y, c, 'population');
          sum += x;
          weighted += x * pop;
          people += pop;
        }
        series[terrain][name].push(round4(aggregation === 'sum' ? sum : people > 0 ? weighted / people : 0));
      }
    }
  }
  return { scenario: 'baseline', years: scenario.years, scale: scenario.scale, seed: 42, run: 1, startYear: scenario.startYear, series };
}

describe('golden run: baseline, 5 years, scale 10, seed 42, run 1 (4 significant digits)', () => {
  it(UPDATE ? 'rewrites test/golden/baseline-5y.json (UPDATE_GOLDEN=1)' : 'matches test/golden/baseline-5y.json', () => {
    const actual = goldenSummary();
    if (UPDATE) {
      writeFileSync(SNAPSHOT, JSON.stringify(actual, null, 1) + '\n');
      return;
    }
    expect(existsSync(SNAPSHOT), 'snapshot missing: run with UPDATE_GOLDEN=1 once').toBe(true);
    const expected = JSON.parse(readFileSync(SNAPSHOT, 'utf8'));
    expect(actual).toEqual(expected);
  });
});
