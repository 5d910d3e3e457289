/**
 * MODEL.md, first stylised fact: without interventions, deep-poverty mountain counties stay
 * trapped (poverty not falling through the campaign years, professionals and youth leaving,
 * loopGain above 1) while plain counties' poverty falls and their incomes rise.
 *
 * Ensemble: scenarios/baseline.json, runs 1-4 of seed 42, at scale 20 (one agent for twenty
 * households, to keep the test fast; the same holds at the default scale 10). Values are
 * ensemble means over the runs and over the counties of a terrain.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type IndicatorName, type RunResult, resultValue, runScenario, validateScenario } from '../../../src/model/index';

const RUNS = 4;
let results: RunResult[] = [];
let startYear = 0;

function mean(terrain: string, indicator: IndicatorName, year: number): number {
  let sum = 0;
  let n = 0;
  for (const r of results) {
    r.meta.counties.forEach((c, u) => {
      if (c.terrain !== terrain) return;
      sum += resultValue(r, year - startYear, u, indicator);
      n++;
    });
  }
  return sum / n;
}

beforeAll(() => {
  const raw = JSON.parse(readFileSync('scenarios/baseline.json', 'utf8'));
  raw.scale = 20;
  const scenario = validateScenario(raw, 'scenarios/baseline.json');
  startYear = scenario.startYear;
  results = Array.from({ length: RUNS }, (_, i) => runScenario(scenario, i + 1));
});

describe('baseline: the vicious circle traps the mountain counties', () => {
  it('mountain poverty does not fall through the campaign years: 2020 at least 80% of 2013, and above 40%', () => {
    const start = mean('mountain', 'povertyRate', 2013);
    const in2020 = mean('mountain', 'povertyRate', 2020);
    expect(start).toBeGreaterThan(0.5);
    expect(in2020).toBeGreaterThan(0.8 * start);
    expect(in2020).toBeGreaterThan(0.4);
  });

  it('mountain poverty falls at most slowly afterwards (2035 still above 40% of 2013, and above 25%)', () => {
    expect(mean('mountain', 'povertyRate', 2035)).toBeGreaterThan(0.4 * mean('mountain', 'povertyRate', 2013));
    expect(mean('mountain', 'povertyRate', 2035)).toBeGreaterThan(0.25);
  });

  it('professionals and youth leave the mountain counties every year and the population shrinks by more than 30%', () => {
    for (let y = 2014; y <= 2035; y++) {
      expect(mean('mountain', 'talentOutflow', y)).toBeGreaterThan(0);
      expect(mean('mountain', 'youthOutflow', y)).toBeGreaterThan(0);
    }
    expect(mean('mountain', 'population', 2035)).toBeLessThan(0.7 * mean('mountain', 'population', 2013));
  });

  it('the loop is reinforcing in the mountain counties: loopGain above 1 in every year', () => {
    for (let y = 2014; y <= 2035; y++) expect(mean('mountain', 'loopGain', y)).toBeGreaterThan(1);
  });

  it('plain counties converge upward: poverty falls by more than half by 2035 and incomes rise by more than 30%', () => {
    expect(mean('plain', 'povertyRate', 2035)).toBeLessThan(0.5 * mean('plain', 'povertyRate', 2013));
    expect(mean('plain', 'meanIncome', 2035)).toBeGreaterThan(1.3 * mean('plain', 'meanIncome', 2013));
  });

  it('the income gap between plain and mountain counties widens by more than a quarter', () => {
    const gap = (y: number) => mean('plain', 'meanIncome', y) - mean('mountain', 'meanIncome', y);
    expect(gap(2035)).toBeGreaterThan(1.25 * gap(2013));
  });
});
