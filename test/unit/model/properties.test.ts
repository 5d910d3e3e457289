import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDICATOR_INDEX, INDICATORS, type IndicatorName } from '../../../src/model/indicators';
import { LEVERS, type LeverParamSpec } from '../../../src/model/levers/registry';
import { validateScenario } from '../../../src/model/scenario/parse';
import { TERRAINS } from '../../../src/model/scenario/types';
import { runScenario } from '../../../src/model/simulation';

const START = 2013;

/**
 * Caps per real household of the smallest county for the two levers that can make a county's
 * output jump several-fold in a year: far larger amounts (1e8 yuan of eco-tourism for 118
 * households; 1e6 placed jobs even in a county of 40,000 households) make the model blow up, see
 * the known-bug tests below. Every other lever parameter is drawn over its whole valid range.
 */
const CAP_PER_HOUSEHOLD: Record<string, number> = { 'ecoTourism.yuanPerYear': 20_000, 'industryTilt.jobs': 2 };

/** A valid value for one lever parameter. */
function paramArb(lever: string, p: LeverParamSpec, smallestCounty: number): fc.Arbitrary<unknown> {
  switch (p.kind) {
    case 'number': {
      const cap = CAP_PER_HOUSEHOLD[`${lever}.${p.name}`];
      const max = cap === undefined ? p.max : Math.min(p.max, cap * smallestCounty);
      return fc.double({ min: p.min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean': return fc.boolean();
    case 'enum': return fc.constantFrom(...p.options);
  }
}

/** A valid intervention of any lever, over years within the horizon, on any valid selector. */
function interventionArb(ids: string[], years: number, smallestCounty: number): fc.Arbitrary<Record<string, unknown>> {
  return fc.constantFrom(...LEVERS).chain((lever) =>
    fc.record({
      from: fc.integer({ min: START + 1, max: START + years }),
      length: fc.integer({ min: 0, max: years }),
      counties: fc.oneof(
        fc.constant<unknown>('all'),
        fc.constantFrom<unknown>(...TERRAINS),
        fc.subarray(ids, { minLength: 1 }),
      ),
      params: fc.record(Object.fromEntries(lever.params.map((p) => [p.name, paramArb(lever.name, p, smallestCounty)]))),
    }).map(({ from, length, counties, params }) => ({
      lever: lever.name, from, to: Math.min(START + years, from + length), counties, ...params,
    })),
  );
}

/** Small valid scenarios: 1-3 counties, any terrain, 50-500 households, scale 1-10, 1-3 years, 0-4 interventions. */
export const scenarioArb = fc.record({
  counties: fc.array(fc.record({ terrain: fc.constantFrom(...TERRAINS), households: fc.integer({ min: 50, max: 500 }) }), { minLength: 1, maxLength: 3 }),
  scale: fc.integer({ min: 1, max: 10 }),
  years: fc.integer({ min: 1, max: 3 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
}).chain(({ counties, scale, years, seed }) => {
  const ids = counties.map((_, i) => `k${i}`);
  const smallest = Math.min(...counties.map((c) => c.households));
  return fc.array(interventionArb(ids, years, smallest), { maxLength: 4 }).map((interventions) => ({
    id: 'prop',
    title: { en: 'Property' },
    seed,
    startYear: START,
    years,
    scale,
    region: {
      counties: counties.map((c, i) => ({ id: ids[i], name: { en: ids[i] }, terrain: c.terrain, households: c.households, villages: 3 })),
    },
    interventions,
  }));
});

const SHARES: IndicatorName[] = [
  'povertyRate', 'registeredPoorRate', 'returnToPovertyRate', 'newPoorRate', 'youthShare', 'idleEarmarkedShare', 'fiscalDependency',
  'assessmentBurden', 'gini', 'infrastructureIndex', 'ecoCapacity', 'nearPoorRate',
];
const NON_NEGATIVE: IndicatorName[] = [
  'population', 'capitalStock', 'meanIncome', 'teachersPer1000Pupils', 'doctorsPer1000', 'talentOutflow', 'relocatedPeople',
  'interventionCost', 'youthOutflow', 'registeredExits', 'paperExits', 'output',
];

describe('properties of random small valid scenarios (fast-check, seed 42)', () => {
  it('every generated scenario validates, runs, and all indicators are finite; shares in [0, 1]; stocks and counts >= 0', () => {
    fc.assert(
      fc.property(scenarioArb, (raw) => {
        const s = validateScenario(raw, 'prop.json');
        const r = runScenario(s);
        const K = INDICATORS.length;
        const units = s.region && 'counties' in s.region ? s.region.counties.length + 1 : 0;
        expect(r.values.length).toBe((s.years + 1) * units * K);
        for (let y = 0; y <= s.years; y++) {
          for (let u = 0; u < units; u++) {
            const base = (y * units + u) * K;
            for (let k = 0; k < K; k++) {
              const x = r.values[base + k];
              if (!Number.isFinite(x)) throw new Error(`${INDICATORS[k].name} not finite (${x}) in year ${y}, unit ${u}`);
            }
            for (const name of SHARES) {
              const x = r.values[base + INDICATOR_INDEX[name]];
              if (!(x >= 0 && x <= 1 + 1e-12)) throw new Error(`${name} = ${x} outside [0, 1] in year ${y}, unit ${u}`);
            }
            for (const name of NON_NEGATIVE) {
              const x = r.values[base + INDICATOR_INDEX[name]];
              if (!(x >= -1e-9)) throw new Error(`${name} = ${x} < 0 in year ${y}, unit ${u}`);
            }
          }
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('known bugs found by the property above', () => {
  // KNOWN BUG (reported): attraction is exp(6 * smoothed momentum) and outside investment is
  // proportional to attraction, so a several-fold jump in output (here eco-tourism of 1e8 yuan a
  // year in a county of 118 households) feeds back into unbounded capital within two years and
  // the health check throws (linkOutflowAccumulation = Infinity in 2015). Remove `.fails` once fixed.
  it.fails('a valid scenario with eco-tourism of 1e8 yuan/year in a county of 118 households runs', () => {
    const s = validateScenario({
      id: 'prop', title: { en: 'Property' }, seed: 995014603, startYear: 2013, years: 2, scale: 9,
      region: { counties: [{ id: 'k0', name: { en: 'k0' }, terrain: 'mountain', households: 118, villages: 3 }] },
      interventions: [{ lever: 'ecoTourism', from: 2014, to: 2014, counties: ['k0'], yuanPerYear: 100149050.91828185 }],
    }, 'prop.json');
    runScenario(s);
  });

  // KNOWN BUG (reported), same mechanism: industryTilt at its registry maximum (1e6 jobs, i.e.
  // 1e11 yuan of capital) in a mountain county of 40,000 households: capital = Infinity in 2016.
  it.fails('a valid scenario placing 1e6 jobs in a county of 40,000 households runs', () => {
    const s = validateScenario({
      id: 'tilt', title: { en: 'Tilt' }, seed: 1, years: 3, scale: 50,
      region: { counties: [{ id: 'k0', name: { en: 'k0' }, terrain: 'mountain', households: 40_000 }] },
      interventions: [{ lever: 'industryTilt', from: 2014, to: 2014, jobs: 1e6 }],
    }, 'tilt.json');
    runScenario(s);
  });

  // KNOWN BUG (reported): newPoorRate's numerator counts never-registered households that fell
  // below the line in the household pass, but identification registers some of them later in the
  // same step, so they are gone from the never-registered denominator at record time. In this
  // small registration scenario county k2 shows newPoorRate = 4 in 2015 (40 / 10 households).
  it.fails('newPoorRate stays within [0, 1] when registration runs in small counties', () => {
    const s = validateScenario({
      id: 'newpoor', title: { en: 'New poor' }, seed: 1763593135, years: 2, scale: 10,
      region: {
        counties: [
          { id: 'k0', name: { en: 'k0' }, terrain: 'plain', households: 339, villages: 3 },
          { id: 'k1', name: { en: 'k1' }, terrain: 'mountain', households: 364, villages: 3 },
          { id: 'k2', name: { en: 'k2' }, terrain: 'mountain', households: 217, villages: 3 },
        ],
      },
      interventions: [{ lever: 'registration', from: 2014, to: 2015, counties: ['k1', 'k2'] }],
    }, 'newpoor.json');
    const r = runScenario(s);
    const K = INDICATORS.length;
    for (let j = INDICATOR_INDEX.newPoorRate; j < r.values.length; j += K) expect(r.values[j]).toBeLessThanOrEqual(1);
  });
});
