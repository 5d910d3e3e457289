import { describe, expect, it } from 'vitest';
import { STATUS } from '../../../src/model/state/households';
import type { World } from '../../../src/model/state/world';
import { LOW_CAPACITY, relocate } from '../../../src/model/systems/relocation';
import { binomialSe, expectClose, type HouseholdValues, setCounty, setHouseholds, setLevers, tinyWorld, costOf } from '../../helpers/world';

const REG = STATUS.alive | STATUS.registered | STATUS.everRegistered;
const RELOCATED = STATUS.alive | STATUS.relocated;

/**
 * County 0 (mountain) with villages: 0 mountain at eco 0.3 (low capacity), 1 mountain at eco 0.7,
 * 2 hill at eco 0.3; then its site. County 1 (plain) with 1 village and its site. Every household
 * has four people and income above the line (so none moves back).
 */
function relocationWorld(rows: Partial<HouseholdValues>[]): World {
  const w = tinyWorld({ counties: [{ households: 60, villages: 3 }, { id: 'p', terrain: 'plain', households: 10, villages: 1 }] });
  const v = w.villages;
  v.terrain[0] = 0;
  v.eco[0] = 0.3;
  v.terrain[1] = 0;
  v.eco[1] = 0.7;
  v.terrain[2] = 1;
  v.eco[2] = 0.3;
  setHouseholds(w, rows.map((r) => ({ adults: 2, youth: 1, kids: 1, income: 3000, assets: 1000, ...r })));
  for (let c = 0; c < 2; c++) setCounty(w, c, { relocatedPeople: 0, relocatedThisYear: 0, interventionCost: 0, hostCapacity: 0, serviceSpending: 0, residents: 1e4 });
  w.relocationEverActive = false;
  return w;
}

const moved = (w: World, i: number) => (w.households.status[i] & STATUS.relocated) !== 0;

describe('relocate: who moves', () => {
  it('only registered households of low-capacity (< 0.5) mountain villages move, about half a year', () => {
    expect(LOW_CAPACITY).toBe(0.5);
    const rows: Partial<HouseholdValues>[] = [];
    for (let i = 0; i < 40; i++) rows.push({ village: 0, status: REG }); // eligible
    for (let i = 0; i < 5; i++) rows.push({ village: 0 }); // not registered
    for (let i = 0; i < 5; i++) rows.push({ village: 1, status: REG }); // ecology too high
    for (let i = 0; i < 5; i++) rows.push({ village: 2, status: REG }); // not a mountain village
    for (let i = 0; i < 5; i++) rows.push({ village: 0, status: REG | STATUS.relocated }); // moved already
    const w = relocationWorld(rows);
    setLevers(w, 0, { relocationOn: 1, relocationMaxPeople: 1e6 });
    relocate(w);
    let eligibleMoved = 0;
    for (let i = 0; i < 40; i++) if (moved(w, i)) eligibleMoved++;
    for (let i = 40; i < 55; i++) expect(moved(w, i), `household ${i}`).toBe(false);
    for (let i = 55; i < 60; i++) expect(w.households.village[i]).toBe(0);
    // Each eligible household moves with probability 1/2 a year: 20 +- 3 SE of 40 draws.
    expect(Math.abs(eligibleMoved / 40 - 0.5)).toBeLessThan(3 * binomialSe(0.5, 40));
    expect(w.county.relocatedPeople[0]).toBe(eligibleMoved * 4);
  });

  it('whole-village eligibility moves unregistered households of low-capacity mountain villages too', () => {
    const rows: Partial<HouseholdValues>[] = [];
    for (let i = 0; i < 40; i++) rows.push({ village: 0 });
    for (let i = 0; i < 10; i++) rows.push({ village: 1 });
    const w = relocationWorld(rows);
    setLevers(w, 0, { relocationOn: 1, relocationMaxPeople: 1e6, relocationWholeVillage: 1 });
    relocate(w);
    let n = 0;
    for (let i = 0; i < 40; i++) if (moved(w, i)) n++;
    expect(n).toBeGreaterThan(0);
    for (let i = 40; i < 50; i++) expect(moved(w, i)).toBe(false);
  });

  it('a mover goes to its county seat site: village, integration 0.1, half its assets, counted and costed', () => {
    const w = relocationWorld(Array.from({ length: 40 }, () => ({ village: 0, status: REG })));
    setLevers(w, 0, { relocationOn: 1, relocationMaxPeople: 1e6, relocationEmployment: 1 });
    relocate(w);
    const movers = Array.from({ length: 40 }, (_, i) => i).filter((i) => moved(w, i));
    expect(movers.length).toBeGreaterThan(0);
    for (const i of movers) {
      expect(w.households.county[i]).toBe(0);
      expect(w.households.village[i]).toBe(w.siteVillage[0]);
      expect(w.households.homeVillage[i]).toBe(0);
      expectClose(w.households.integration[i], 0.1, 1e-7);
      expect(w.households.assets[i]).toBe(500);
    }
    // 4 people at 60,000 yuan, plus 3,000 per worker (youth + adults = 3) with employment support.
    expect(w.county.relocatedPeople[0]).toBe(4 * movers.length);
    expect(w.county.relocatedThisYear[0]).toBe(4 * movers.length);
    expectClose(costOf(w, 0), movers.length * (4 * 60_000 + 3 * 3000));
  });

  it('destination plainCounty: movers go to the plain county\'s site but count as relocated from their own', () => {
    const w = relocationWorld(Array.from({ length: 40 }, () => ({ village: 0, status: REG })));
    setLevers(w, 0, { relocationOn: 1, relocationMaxPeople: 1e6, relocationToPlain: 1 });
    relocate(w);
    const movers = Array.from({ length: 40 }, (_, i) => i).filter((i) => moved(w, i));
    expect(movers.length).toBeGreaterThan(0);
    for (const i of movers) {
      expect(w.households.county[i]).toBe(1);
      expect(w.households.village[i]).toBe(w.siteVillage[1]);
      expect(w.households.homeCounty[i]).toBe(0);
    }
    expect(w.county.relocatedPeople[0]).toBe(4 * movers.length);
    expect(w.county.relocatedPeople[1]).toBe(0);
  });

  it('the yearly budget stops moves once maxPeople is used: 10 people allows 2 households of 4 (no overshoot)', () => {
    const w = relocationWorld(Array.from({ length: 60 }, () => ({ village: 0, status: REG })));
    setLevers(w, 0, { relocationOn: 1, relocationMaxPeople: 10 });
    relocate(w);
    const n = Array.from({ length: 60 }, (_, i) => i).filter((i) => moved(w, i)).length;
    expect(n).toBe(2);
    // Never more than maxPeople.
    expect(w.county.relocatedThisYear[0]).toBe(8);
    expect(w.county.relocatedPeople[0]).toBe(8);
    expectClose(costOf(w, 0), 8 * 60_000);
  });

  it('a household larger than what is left of the quota is skipped, a smaller one behind it still moves', () => {
    // Quota 10: households of 4 use 8; then households of 3 (too big for the 2 left) are skipped,
    // and one of 2 fills the quota exactly.
    const rows: Partial<HouseholdValues>[] = [];
    for (let i = 0; i < 20; i++) rows.push({ village: 0, status: REG });
    for (let i = 0; i < 20; i++) rows.push({ village: 0, status: REG, adults: 2, youth: 1, kids: 0 });
    for (let i = 0; i < 20; i++) rows.push({ village: 0, status: REG, adults: 2, youth: 0, kids: 0 });
    const w = relocationWorld(rows);
    setLevers(w, 0, { relocationOn: 1, relocationMaxPeople: 10 });
    relocate(w);
    const movedIn = (from: number, to: number) => Array.from({ length: to - from }, (_, j) => from + j).filter((i) => moved(w, i)).length;
    expect(movedIn(0, 20)).toBe(2);
    expect(movedIn(20, 40)).toBe(0);
    expect(movedIn(40, 60)).toBe(1);
    expect(w.county.relocatedThisYear[0]).toBe(10);
  });

  it('a quota smaller than every household moves nobody (3 people, households of 4)', () => {
    const w = relocationWorld(Array.from({ length: 40 }, () => ({ village: 0, status: REG })));
    setLevers(w, 0, { relocationOn: 1, relocationMaxPeople: 3 });
    relocate(w);
    for (let i = 0; i < 40; i++) expect(moved(w, i)).toBe(false);
    expect(w.county.relocatedPeople[0]).toBe(0);
    expect(costOf(w, 0)).toBe(0);
  });

  it('maxPeople is in real people: at scale 10 a budget of 40 people moves one agent of 4 (40 real people)', () => {
    const w = tinyWorld({ scale: 10, counties: [{ households: 600, villages: 3 }] });
    w.villages.terrain[0] = 0;
    w.villages.eco[0] = 0.3;
    setHouseholds(w, Array.from({ length: 60 }, () => ({ village: 0, status: REG, adults: 2, youth: 1, kids: 1, income: 3000 })));
    setCounty(w, 0, { relocatedPeople: 0 });
    setLevers(w, 0, { relocationOn: 1, relocationMaxPeople: 40 });
    relocate(w);
    expect(w.county.relocatedPeople[0]).toBe(40);
  });

  it('no budget, no lever: nothing moves and congestion is not touched before any relocation', () => {
    const w = relocationWorld(Array.from({ length: 10 }, () => ({ village: 0, status: REG })));
    setCounty(w, 0, { congestion: 0.123 });
    setLevers(w, 0, { relocationOn: 1, relocationMaxPeople: 0 });
    relocate(w);
    for (let i = 0; i < 10; i++) expect(moved(w, i)).toBe(false);
    expect(w.county.congestion[0]).toBe(0.123);
    expect(w.relocationEverActive).toBe(false);
  });
});

describe('relocate: congestion at the host', () => {
  /** Ten relocated households of five people at county 0's site with integration 0.2: 40 newcomer-equivalents. */
  function hostWorld(): World {
    const w = relocationWorld([]);
    setHouseholds(w, Array.from({ length: 10 }, () => ({
      status: RELOCATED, adults: 2, youth: 1, kids: 2, village: w.siteVillage[0], homeVillage: 0, integration: 0.2, income: 3000,
    })));
    w.relocationEverActive = true;
    return w;
  }

  it('congestion = newcomers / (0.05 residents + host capacity) - 1: 40 / 25 - 1 = 0.6', () => {
    const w = hostWorld();
    setCounty(w, 0, { residents: 500 });
    relocate(w);
    expectClose(w.county.newcomers[0], 40, 1e-6);
    expectClose(w.county.congestion[0], 0.6, 1e-6);
  });

  it('service spending builds host places at 20,000 yuan each; capacity decays 5% a year', () => {
    const w = hostWorld();
    setCounty(w, 0, { residents: 500, serviceSpending: 3e5, hostCapacity: 0 });
    relocate(w);
    expectClose(w.county.hostCapacity[0], 15, 1e-12);
    expectClose(w.county.congestion[0], 0, 1e-6);
    setCounty(w, 0, { serviceSpending: 0, hostCapacity: 20 });
    relocate(w);
    // 25 + 19 = 44 > 40: no congestion.
    expectClose(w.county.hostCapacity[0], 19, 1e-12);
    expect(w.county.congestion[0]).toBe(0);
  });

  it('integrated households no longer count as newcomers', () => {
    const w = hostWorld();
    for (let i = 0; i < 10; i++) w.households.integration[i] = 1;
    setCounty(w, 0, { residents: 500 });
    relocate(w);
    expect(w.county.newcomers[0]).toBe(0);
    expect(w.county.congestion[0]).toBe(0);
  });
});

describe('relocate: moving back (moments, seed 7)', () => {
  it('without a job, integration 0 and income below the line, 12% a year move back (3.6% with employment support), within 3 SE', () => {
    const rates: number[] = [];
    for (const employment of [0, 1]) {
      const w = relocationWorld([]);
      let back = 0;
      const reps = 100;
      const n = 60;
      for (let r = 0; r < reps; r++) {
        setHouseholds(w, Array.from({ length: n }, () => ({
          status: RELOCATED, village: w.siteVillage[0], homeVillage: 0, integration: 0, income: 1000, wageLabour: 0,
        })));
        w.relocationEverActive = true;
        setLevers(w, 0, { relocationEmployment: employment });
        relocate(w);
        for (let i = 0; i < n; i++) {
          if (!moved(w, i)) {
            back++;
            expect(w.households.village[i]).toBe(0);
            expect(w.households.integration[i]).toBe(1);
          }
        }
      }
      rates.push(back / (reps * n));
    }
    const expected = [0.12, 0.036];
    for (let e = 0; e < 2; e++) expect(Math.abs(rates[e] - expected[e]), `employment ${e}`).toBeLessThan(3 * binomialSe(expected[e], 6000));
  });

  it('the support that holds households at the site is their HOME county\'s: at the plain county\'s site, 3.6% with home support, 12% with host support only', () => {
    const rates: number[] = [];
    for (const supportIn of [0, 1]) {
      const w = relocationWorld([]);
      let back = 0;
      const reps = 100;
      const n = 60;
      for (let r = 0; r < reps; r++) {
        setHouseholds(w, Array.from({ length: n }, () => ({
          county: 1, homeCounty: 0, status: RELOCATED, village: w.siteVillage[1], homeVillage: 0, integration: 0, income: 1000, wageLabour: 0,
        })));
        w.relocationEverActive = true;
        setLevers(w, 0, { relocationEmployment: 0 });
        setLevers(w, 1, { relocationEmployment: 0 });
        setLevers(w, supportIn, { relocationEmployment: 1 });
        relocate(w);
        for (let i = 0; i < n; i++) {
          if (!moved(w, i)) {
            back++;
            expect(w.households.county[i]).toBe(0);
            expect(w.households.village[i]).toBe(0);
          }
        }
      }
      rates.push(back / (reps * n));
    }
    const expected = [0.036, 0.12];
    for (let e = 0; e < 2; e++) expect(Math.abs(rates[e] - expected[e]), `support in county ${e}`).toBeLessThan(3 * binomialSe(expected[e], 6000));
  });

  it('households with a job, or integrated past 0.5, or above the line never move back', () => {
    const w = relocationWorld([]);
    setHouseholds(w, [
      ...Array.from({ length: 20 }, () => ({ status: RELOCATED, village: w.siteVillage[0], integration: 0, income: 1000, wageLabour: 0.5 })),
      ...Array.from({ length: 20 }, () => ({ status: RELOCATED, village: w.siteVillage[0], integration: 0.5, income: 1000, wageLabour: 0 })),
      ...Array.from({ length: 20 }, () => ({ status: RELOCATED, village: w.siteVillage[0], integration: 0, income: 2300, wageLabour: 0 })),
    ]);
    w.relocationEverActive = true;
    relocate(w);
    for (let i = 0; i < 60; i++) expect(moved(w, i)).toBe(true);
  });
});
