import { addCost, LEVER_INDEX } from '../levers/costs';
import { TERRAIN_CODE } from '../scenario/types';
import { STATUS } from '../state/households';
import type { World } from '../state/world';

/** Status bits as local constants (imported bindings are slower in hot loops under some loaders). */
const S_ALIVE = STATUS.alive;
const S_REGISTERED = STATUS.registered;
const S_RELOCATED = STATUS.relocated;

const MOUNTAIN = TERRAIN_CODE.mountain;
const PLAIN = TERRAIN_CODE.plain;
/** Villages below this carrying capacity count as "一方水土养育不了一方人". */
export const LOW_CAPACITY = 0.5;

/**
 * Step 11, relocation (易地扶贫搬迁). Where the lever runs, eligible households of
 * low-capacity mountain villages (registered poor, or whole villages) move, up to the yearly
 * maximum, to the resettlement site by their county seat or in the largest plain county. They
 * rent out their land, sell most livestock, and need wage jobs; they compete with the host
 * population for services: newcomers above the host's capacity congest schools and clinics
 * for everyone until integration (which grows each year) and service spending catch up.
 * Households with no job, low integration and income below the line may move back.
 */
export function relocate(w: World): void {
  const p = w.params;
  const h = w.households;
  const k = w.county;
  const L = w.levers;
  const v = w.villages;
  // Columns hoisted into locals: a property lookup per use is costly in the hot loop.
  const kCongestion = k.congestion;
  const kHostCapacity = k.hostCapacity;
  const kNewcomers = k.newcomers;
  const kRelocatedPeople = k.relocatedPeople;
  const kRelocatedThisYear = k.relocatedThisYear;
  const kResidents = k.residents;
  const kServiceSpending = k.serviceSpending;
  const lRelocationEmployment = L.relocationEmployment;
  const lRelocationMaxPeople = L.relocationMaxPeople;
  const lRelocationOn = L.relocationOn;
  const lRelocationToPlain = L.relocationToPlain;
  const lRelocationWholeVillage = L.relocationWholeVillage;
  const vEco = v.eco;
  const vTerrain = v.terrain;
  const { status, county, village, kids, youth, adults, elders, integration, income, wageLabour, homeCounty } = h;
  const nC = k.count;
  const budget = w.scratch.perCounty[1];
  let active = false;
  for (let c = 0; c < nC; c++) {
    budget[c] = lRelocationOn[c] > 0 ? lRelocationMaxPeople[c] / w.scale : 0;
    if (budget[c] > 0) active = true;
    kRelocatedThisYear[c] = 0;
  }
  const hostPlain = largestPlainCounty(w);
  const line = p['policy.povertyLine'];
  const costPerPerson = p['relocation.costPerPerson'];
  if (active) {
    for (let i = 0; i < h.count; i++) {
      const st = status[i];
      if ((st & S_ALIVE) === 0 || (st & S_RELOCATED) !== 0) continue;
      const c = county[i];
      if (budget[c] <= 0) continue;
      const vi = village[i];
      if (vTerrain[vi] !== MOUNTAIN || vEco[vi] >= LOW_CAPACITY) continue;
      if (lRelocationWholeVillage[c] === 0 && (st & S_REGISTERED) === 0) continue;
      if (w.rng.identification[c]() < 0.5) continue; // not all eligible move in the same year
      const people = kids[i] + youth[i] + adults[i] + elders[i];
      if (people > budget[c]) continue; // the year's quota would be exceeded
      const dest = lRelocationToPlain[c] > 0 && hostPlain >= 0 ? hostPlain : c;
      status[i] = st | S_RELOCATED;
      county[i] = dest;
      village[i] = w.siteVillage[dest];
      integration[i] = 0.1;
      h.assets[i] *= 0.5;
      budget[c] -= people;
      kRelocatedPeople[c] += people * w.scale;
      kRelocatedThisYear[c] += people * w.scale;
      addCost(w, LEVER_INDEX.relocation, c, people * costPerPerson * w.scale);
      if (lRelocationEmployment[c] > 0) addCost(w, LEVER_INDEX.relocation, c, (youth[i] + adults[i]) * 3000 * w.scale);
    }
  }
  if (!active && !w.relocationEverActive) return;
  w.relocationEverActive = true;

  // Newcomers not yet integrated load the host's services; some without jobs move back.
  const newcomers = w.scratch.perCounty[2];
  newcomers.fill(0);
  const back = p['relocation.returnHome'];
  for (let i = 0; i < h.count; i++) {
    const st = status[i];
    if ((st & S_ALIVE) === 0 || (st & S_RELOCATED) === 0) continue;
    const c = county[i];
    const integrated = integration[i];
    const people = kids[i] + youth[i] + adults[i] + elders[i];
    if (integrated < 0.5 && income[i] < line && wageLabour[i] < 0.3) {
      const home = homeCounty[i];
      const prob = back * (1 - integrated) * (lRelocationEmployment[home] > 0 ? 0.3 : 1);
      if (w.rng.identification[home]() < prob) {
        status[i] = st & ~S_RELOCATED;
        county[i] = home;
        village[i] = h.homeVillage[i];
        integration[i] = 1;
        continue;
      }
    }
    newcomers[c] += people * (1 - integrated) * w.scale;
  }
  const capacityPerResident = p['relocation.hostCapacityPerResident'];
  for (let c = 0; c < nC; c++) {
    // Host capacity: a share of residents, plus places built by service spending (20,000 yuan a place).
    kHostCapacity[c] = kHostCapacity[c] * 0.95 + kServiceSpending[c] / 20000;
    const capacity = capacityPerResident * kResidents[c] + kHostCapacity[c];
    kNewcomers[c] = newcomers[c];
    kCongestion[c] = capacity > 0 ? Math.max(0, newcomers[c] / capacity - 1) : 0;
  }
}

function largestPlainCounty(w: World): number {
  let best = -1;
  for (let c = 0; c < w.county.count; c++) {
    if (w.county.terrain[c] === PLAIN && (best < 0 || w.county.residents[c] > w.county.residents[best])) best = c;
  }
  return best;
}
