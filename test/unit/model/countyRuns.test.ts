/**
 * The household passes (production, householdYear, identification, indicators) visit households
 * in runs of one county: the county's columns and random stream are read once per run and its
 * sums gathered in locals, added to the county's accumulators when the run ends (bench/README
 * item 21). A county's households are contiguous until relocation moves some across, so a run
 * normally covers a whole county; these tests take the opposite extreme, every household in a run
 * of its own, and check that nothing but the rounding of the sums changes.
 *
 * Households draw from the stream of the county they live in, in slot order. A household
 * relocated to another county therefore draws where its slot falls among the host's own: the
 * model's results depend on slot order through relocation (fixed by initialisation, so runs stay
 * reproducible). The test reorders the slots only after the relocation years, keeping each
 * county's households in their order, and turns moving back off, so that every stream is drawn
 * in the same order in both worlds.
 */
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../../src/model/indicators';
import { createWorld } from '../../../src/model/init';
import type { Households } from '../../../src/model/state/households';
import type { World } from '../../../src/model/state/world';
import { step } from '../../../src/model/step';
import { recordIndicators } from '../../../src/model/systems/indicators';
import { tinyScenario } from '../../helpers/world';

/** Years stepped before the slots are reordered (relocation runs in the first two), and after. */
const BEFORE = 3;
const YEARS = 5;

/** Every lever the household passes read per county, in all three counties, and relocation across counties. */
const scenario = tinyScenario({
  counties: [
    { terrain: 'mountain', households: 90, villages: 3 },
    { terrain: 'hill', households: 70 },
    { terrain: 'plain', households: 60 },
  ],
  years: BEFORE + YEARS,
  params: { 'relocation.returnHome': 0 },
  interventions: [
    { lever: 'registration', from: 2013, to: 2030, counties: 'all', benefitYuanPerPerson: 800, workShare: 0.3 },
    { lever: 'bigDataIdentification', from: 2015, to: 2030, counties: ['c0'] },
    { lever: 'relocation', from: 2014, to: 2015, counties: ['c0'], eligibility: 'registeredPoor', maxPeople: 200, employmentSupport: true, destination: 'plainCounty' },
    { lever: 'marketInsurance', from: 2013, to: 2030, counties: 'all', coverage: 0.5 },
    { lever: 'socialFloor', from: 2013, to: 2030, counties: ['c1'], yuanPerPerson: 1500, nearPoor: true },
    { lever: 'microcredit', from: 2013, to: 2030, counties: ['c0', 'c1'], yuanPerHousehold: 5000 },
  ],
});

/** The household fields (every typed array of the struct). */
function fields(h: Households): [string, Float32Array | Uint8Array | Uint16Array | Int16Array][] {
  return Object.entries(h).filter(([, v]) => ArrayBuffer.isView(v)) as [string, Float32Array][];
}

/** Reorders the households so that the counties they live in alternate (c0, c1, c2, c0, ...), each county's own order kept. Returns old index by new index. */
function interleave(w: World): number[] {
  const h = w.households;
  const byCounty: number[][] = [];
  for (let i = 0; i < h.count; i++) (byCounty[h.county[i]] ??= []).push(i);
  const order: number[] = [];
  for (let r = 0; order.length < h.count; r++) for (const list of byCounty) if (list && r < list.length) order.push(list[r]);
  for (const [, f] of fields(h)) {
    const copy = f.slice(0, h.count);
    for (let j = 0; j < h.count; j++) f[j] = copy[order[j]];
  }
  return order;
}

function run(interleaved: boolean) {
  const w = createWorld(scenario, 1, scenario.seed);
  for (let y = 0; y < BEFORE; y++) step(w);
  const order = interleaved ? interleave(w) : [...Array(w.households.count).keys()];
  const units = w.county.count + 1;
  const out = new Float64Array(YEARS * units * INDICATORS.length);
  for (let y = 0; y < YEARS; y++) {
    step(w);
    recordIndicators(w, out, y * units * INDICATORS.length);
  }
  return { w, order, out };
}

describe('county runs: households of one county interleaved with the others\' give the same results', () => {
  const sorted = run(false);
  const mixed = run(true);

  it('the interleaved world alternates counties (every household is a run of its own); the other has relocated households amid their home county\'s', () => {
    const runs = (h: Households) => {
      let changes = 0;
      for (let i = 1; i < h.count; i++) if (h.county[i] !== h.county[i - 1]) changes++;
      return changes;
    };
    expect(runs(mixed.w.households)).toBeGreaterThanOrEqual(2 * 60);
    const h = sorted.w.households;
    let relocated = 0;
    for (let i = 0; i < h.count; i++) if (h.county[i] !== h.homeCounty[i]) relocated++;
    expect(relocated).toBeGreaterThan(0);
    expect(runs(h)).toBeGreaterThan(2);
  });

  it('every indicator of every county and year agrees to 1e-9 (relative)', () => {
    let worst = 0;
    let where = '';
    for (let j = 0; j < sorted.out.length; j++) {
      const a = sorted.out[j];
      const b = mixed.out[j];
      if (Number.isNaN(a) && Number.isNaN(b)) continue;
      const d = Math.abs(a - b) / Math.max(1e-12, Math.abs(a), Math.abs(b));
      if (!(d <= worst)) {
        worst = d;
        where = `${INDICATORS[j % INDICATORS.length].name} of unit ${Math.floor(j / INDICATORS.length) % (sorted.w.county.count + 1)}: ${a} against ${b}`;
      }
    }
    expect(worst, where).toBeLessThan(1e-9);
  });

  it('every household ends in the same state (integers exactly, floats to 1e-6 relative)', () => {
    const a = fields(sorted.w.households);
    const b = new Map(fields(mixed.w.households));
    expect(mixed.w.households.count).toBe(sorted.w.households.count);
    for (const [name, fa] of a) {
      const fb = b.get(name)!;
      const exact = !(fa instanceof Float32Array);
      for (let j = 0; j < mixed.w.households.count; j++) {
        const x = fa[mixed.order[j]];
        const y = fb[j];
        if (exact) expect(y, `${name} of household ${mixed.order[j]}`).toBe(x);
        else expect(Math.abs(x - y), `${name} of household ${mixed.order[j]}: ${x} against ${y}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(x)));
      }
    }
  });
});
