import { describe, expect, it } from 'vitest';
import { STATUS } from '../../../src/model/state/households';
import type { World } from '../../../src/model/state/world';
import { identify } from '../../../src/model/systems/identification';
import { binomialSe, expectClose, type HouseholdValues, setCounty, setHouseholds, setLevers, tinyWorld, costOf } from '../../helpers/world';

const ALIVE = STATUS.alive;
const REG = STATUS.alive | STATUS.registered | STATUS.everRegistered;
const EXITED = STATUS.alive | STATUS.exited | STATUS.everRegistered;

/** Standard normal CDF (Abramowitz and Stegun 7.1.26, error < 1.5e-7). */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - (((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t) * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * Measurement error 0 (policy.registrationError and bigDataError 0 through the scenario params),
 * quota slack 2 so the quota never binds unless many are registered already, no layer markup
 * (policy.targetLayers 0) so the exit threshold is the line itself. Year 2016, t = 3.
 */
function idWorld(rows: Partial<HouseholdValues>[], params: Record<string, number> = {}): World {
  const w = tinyWorld({
    params: { 'policy.registrationError': 0, 'policy.bigDataError': 0, 'policy.quotaSlack': 2, 'policy.targetLayers': 0, ...params },
  });
  w.t = 3;
  w.year = 2016;
  setHouseholds(w, rows);
  setCounty(w, 0, { registeredPeople: 0, interventionCost: 0 });
  setLevers(w, 0, { registration: 1 });
  return w;
}

/** 0-1 below the line, 2-3 at or above it, 4-6 registered, 7 exited and poor, 8 not alive. */
const ROWS: Partial<HouseholdValues>[] = [
  { income: 1000 },
  { income: 2299 },
  { income: 2300 },
  { income: 5000 },
  { income: 2400, status: REG, registeredYear: 1 },
  { income: 2200, status: REG, registeredYear: 1 },
  { income: 5000, status: REG, registeredYear: 3 },
  { income: 1000, status: EXITED, exitYear: 2, registeredYear: 0 },
  { income: 100, status: 0 },
];

describe('identify with no measurement error', () => {
  it('registers exactly the households below the line (not the exited, not the dead)', () => {
    const w = idWorld(ROWS);
    identify(w);
    const st = w.households.status;
    const registered = Array.from(st.slice(0, 9)).map((s) => (s & STATUS.registered ? 1 : 0));
    expect(registered).toEqual([1, 1, 0, 0, 0, 1, 1, 0, 0]);
    expect(st[0] & STATUS.everRegistered).toBe(STATUS.everRegistered);
    expect(w.households.registeredYear[0]).toBe(3);
    expect(w.households.registeredYear[1]).toBe(3);
    expect(st[8]).toBe(0);
  });

  it('exit when measured income clears the threshold, after at least a year registered', () => {
    const w = idWorld(ROWS);
    identify(w);
    const st = w.households.status;
    expect(st[4] & (STATUS.registered | STATUS.exited)).toBe(STATUS.exited);
    expect(w.households.exitYear[4]).toBe(3);
    expect(st[4] & STATUS.paperExit).toBe(0);
    // Below the line: stays. Registered this year: stays although rich.
    expect(st[5] & STATUS.registered).toBe(STATUS.registered);
    expect(st[6] & STATUS.registered).toBe(STATUS.registered);
    expect(w.county.exitsThisYear[0]).toBe(1);
    expect(w.county.paperExitsThisYear[0]).toBe(0);
  });

  it('exits are counted in real households (times scale)', () => {
    const w = tinyWorld({ scale: 5, counties: [{ households: 100 }], params: { 'policy.registrationError': 0, 'policy.targetLayers': 0 } });
    w.t = 3;
    w.year = 2016;
    setHouseholds(w, [{ income: 3000, status: REG, registeredYear: 0 }, { income: 3000, status: REG, registeredYear: 0 }]);
    setLevers(w, 0, { registration: 1 });
    identify(w);
    expect(w.county.exitsThisYear[0]).toBe(10);
  });

  it('big data: no quota (slack 0.5 still registers every poor candidate), and exited households that fall back are registered again', () => {
    const w = idWorld(ROWS, { 'policy.quotaSlack': 0.5 });
    setLevers(w, 0, { bigData: 1 });
    identify(w);
    const st = w.households.status;
    expect(st[0] & STATUS.registered).toBe(STATUS.registered);
    expect(st[1] & STATUS.registered).toBe(STATUS.registered);
    expect(st[7] & (STATUS.registered | STATUS.exited)).toBe(STATUS.registered);
    // Big data costs 20 yuan per real household of the county.
    expectClose(costOf(w, 0), 20 * w.county.scaleHouseholds[0]);
  });

  it('registration off: nobody registered or exited, counters zeroed', () => {
    const w = idWorld(ROWS);
    setLevers(w, 0, { registration: 0 });
    setCounty(w, 0, { exitsThisYear: 7, paperExitsThisYear: 3 });
    const before = Array.from(w.households.status.slice(0, 9));
    identify(w);
    expect(Array.from(w.households.status.slice(0, 9))).toEqual(before);
    expect(w.county.exitsThisYear[0]).toBe(0);
    expect(w.county.paperExitsThisYear[0]).toBe(0);
  });
});

describe('identify: registeredPeople after the round', () => {
  it('registered people after this year\'s registrations and exits (households 0, 1, 5, 6: 4 x 2 people = 8)', () => {
    const w = idWorld(ROWS);
    setCounty(w, 0, { registeredPeople: 123 });
    identify(w);
    expect(w.county.registeredPeople[0]).toBe(8);
  });

  it('counted in real people (times scale): two registered agents of 3 at scale 5 -> 30; an exit is not counted', () => {
    const w = tinyWorld({ scale: 5, counties: [{ households: 100 }], params: { 'policy.registrationError': 0, 'policy.targetLayers': 0 } });
    w.t = 3;
    w.year = 2016;
    setHouseholds(w, [
      { adults: 3, income: 2000, status: REG, registeredYear: 0 },
      { adults: 2, elders: 1, income: 2200, status: REG, registeredYear: 0 },
      { adults: 2, income: 3000, status: REG, registeredYear: 0 }, // exits
    ]);
    setLevers(w, 0, { registration: 1 });
    identify(w);
    expect(w.county.exitsThisYear[0]).toBe(5);
    expect(w.county.registeredPeople[0]).toBe(30);
  });

  it('zero when no registration runs, even with registered households left from earlier years', () => {
    const w = idWorld(ROWS);
    setLevers(w, 0, { registration: 0 });
    setCounty(w, 0, { registeredPeople: 123 });
    identify(w);
    expect(w.county.registeredPeople[0]).toBe(0);
  });

  // registeredPeople is counted only where registration runs (next year's burden and projects).
  it('a county where registration does not run has registeredPeople 0, whatever other counties do', () => {
    const w = tinyWorld({
      counties: [{ households: 10 }, { id: 'q', households: 10 }],
      params: { 'policy.registrationError': 0, 'policy.targetLayers': 0 },
    });
    w.t = 3;
    w.year = 2016;
    setHouseholds(w, [
      { county: 0, income: 1000, status: REG, registeredYear: 0 },
      { county: 1, income: 1000, status: REG, registeredYear: 0 },
    ]);
    setLevers(w, 0, { registration: 1 });
    setLevers(w, 1, { registration: 0 });
    identify(w);
    expect(w.county.registeredPeople[0]).toBe(2);
    expect(w.county.registeredPeople[1]).toBe(0);
  });
});

describe('identify: targets raised layer by layer (数字脱贫)', () => {
  // Default layers 3 * markup 0.1 = 0.3; pressure min(1, 0.9 / years left); threshold line * (1 - 0.3 * pressure).
  const rows = [
    { income: 2200, status: REG, registeredYear: 0 },
    { income: 2100, status: REG, registeredYear: 0 },
  ];

  it('four years before the target the threshold is 2300 * (1 - 0.3 * 0.225) = 2144.75: 2200 exits on paper, 2100 stays', () => {
    const w = idWorld(rows, { 'policy.targetLayers': 3 });
    identify(w);
    const st = w.households.status;
    expect(st[0] & (STATUS.exited | STATUS.paperExit)).toBe(STATUS.exited | STATUS.paperExit);
    expect(st[1] & STATUS.registered).toBe(STATUS.registered);
    expect(w.county.paperExitsThisYear[0]).toBe(1);
    expect(w.county.exitsThisYear[0]).toBe(1);
  });

  it('an exit margin of 0.1 (layers 0) asks measured income to clear 1.1 x the line: 2600 exits, 2500 stays', () => {
    const w = idWorld([{ income: 2600, status: REG, registeredYear: 0 }, { income: 2500, status: REG, registeredYear: 0 }], { 'policy.exitMargin': 0.1 });
    identify(w);
    expect(w.households.status[0] & STATUS.exited).toBe(STATUS.exited);
    expect(w.households.status[1] & STATUS.registered).toBe(STATUS.registered);
  });

  it('big data weakens the markup to 0.3 of it: threshold 2253.4, so 2200 stays', () => {
    const w = idWorld(rows, { 'policy.targetLayers': 3 });
    setLevers(w, 0, { bigData: 1 });
    identify(w);
    expect(w.households.status[0] & STATUS.registered).toBe(STATUS.registered);
  });

  it('at and after the target year the pressure is min(1, 0.9): threshold 2300 * 0.73 = 1679', () => {
    const w = idWorld([{ income: 1700, status: REG, registeredYear: 0 }, { income: 1650, status: REG, registeredYear: 0 }], { 'policy.targetLayers': 3 });
    w.year = 2021;
    identify(w);
    expect(w.households.status[0] & STATUS.paperExit).toBe(STATUS.paperExit);
    expect(w.households.status[1] & STATUS.registered).toBe(STATUS.registered);
  });
});

describe('identify: the quota (moments)', () => {
  it('quota slack 0.5: half the poor candidates registered on average (survey noise 10%), 0.5 +- 0.04 over 100 rounds of 20', () => {
    const w = idWorld([], { 'policy.quotaSlack': 0.5 });
    let registered = 0;
    const reps = 100;
    const n = 20;
    for (let r = 0; r < reps; r++) {
      setHouseholds(w, Array.from({ length: n }, () => ({ income: 1000, status: ALIVE })));
      identify(w);
      for (let i = 0; i < n; i++) if (w.households.status[i] & STATUS.registered) registered++;
    }
    // Per round: share 0.5 (1 + 0.1 z), then n Bernoulli draws: variance 0.0025 + 0.25 / n; 3 SE of the mean ~ 0.037.
    expect(Math.abs(registered / (reps * n) - 0.5)).toBeLessThan(3 * Math.sqrt((0.0025 + 0.25 / n) / reps));
  });
});

describe('identify: measurement error (moments, seed 29)', () => {
  it('log-normal error sigma 0.35 with mean 1: a household exactly at the line is measured below it with P = Phi(0.175), within 3 SE over 5e3 draws', () => {
    const w = idWorld([], { 'policy.bigDataError': 0.35 });
    setLevers(w, 0, { bigData: 1 });
    const p = phi(0.175);
    let registered = 0;
    const reps = 250;
    const n = 20;
    for (let r = 0; r < reps; r++) {
      setHouseholds(w, Array.from({ length: n }, () => ({ income: 2300, status: ALIVE })));
      identify(w);
      for (let i = 0; i < n; i++) if (w.households.status[i] & STATUS.registered) registered++;
    }
    expect(Math.abs(registered / (n * reps) - p)).toBeLessThan(3 * binomialSe(p, n * reps));
    expect(p).toBeCloseTo(0.5695, 3);
  });

  it('rich households are measured below the line rarely: income 2x the line, P = Phi((ln 0.5 + 0.06125) / 0.35)', () => {
    const w = idWorld([], { 'policy.bigDataError': 0.35 });
    setLevers(w, 0, { bigData: 1 });
    const p = phi((Math.log(0.5) + 0.35 ** 2 / 2) / 0.35);
    let registered = 0;
    const reps = 100;
    const n = 20;
    for (let r = 0; r < reps; r++) {
      setHouseholds(w, Array.from({ length: n }, () => ({ income: 4600, status: ALIVE })));
      identify(w);
      for (let i = 0; i < n; i++) if (w.households.status[i] & STATUS.registered) registered++;
    }
    expect(Math.abs(registered / (n * reps) - p)).toBeLessThan(3 * binomialSe(p, n * reps));
  });
});
