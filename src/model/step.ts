import { checkHealth } from './health';
import type { World } from './state/world';
import { invest, runEconomy } from './systems/economy';
import { runFiscal } from './systems/fiscal';
import { householdYear } from './systems/households';
import { identify } from './systems/identification';
import { estimateLoop } from './systems/loopGain';
import { applyPolicy } from './systems/policy';
import { anchorDemand, clearMarkets, growDemand, produce } from './systems/production';
import { relocate } from './systems/relocation';
import { drawVillageShocks, updateStocks } from './systems/stocks';
import { runTalent } from './systems/talent';
import { resetLeverState } from './levers/leverState';

/**
 * The yearly step: a fixed pipeline of sub-models, each a plain function of the world, in the
 * order documented in docs/ODD.md ("Process overview and scheduling").
 */
export const PIPELINE = [
  ['policy', applyPolicy],
  ['fiscal', runFiscal],
  ['stocks', updateStocks],
  ['shocks', drawVillageShocks],
  ['economy', runEconomy],
  ['production', produce],
  ['markets', clearMarkets],
  ['households', householdYear],
  ['investment', invest],
  ['talent', runTalent],
  ['identification', identify],
  ['relocation', relocate],
  ['loop', estimateLoop],
] as const satisfies readonly (readonly [string, (w: World) => void])[];

/** Advances the world by one year. */
export function step(w: World): void {
  w.year++;
  w.t++;
  w.outsideWage *= 1 + w.params['macro.outsideWageGrowth'];
  growDemand(w);
  w.leverCost.fill(0);
  for (const [, system] of PIPELINE) system(w);
  sumCosts(w);
  checkHealth(w);
}

/** interventionCost of each county: the sum of its costs by lever this year. */
function sumCosts(w: World): void {
  const n = w.county.count;
  const levers = w.leverCost.length / n;
  for (let c = 0; c < n; c++) {
    let total = 0;
    for (let l = 0; l < levers; l++) total += w.leverCost[l * n + c];
    w.county.interventionCost[c] = total;
  }
}

/** Years run before the start with no interventions and no outside growth, to settle jobs, prices and services. */
export const SPIN_UP_YEARS = 8;

/**
 * Spin-up: the pipeline without policy for a few years at the start year's outside conditions,
 * with outside demand anchored to the first spin-up year's supply (the product mix then settles,
 * so start prices are near but not exactly 1), after which village loads become the
 * reference for ecological pressure. The start-year indicators describe the state after it.
 */
export function spinUp(w: World): void {
  resetLeverState(w.levers);
  for (let y = 0; y < SPIN_UP_YEARS; y++) {
    for (const [name, system] of PIPELINE) {
      if (name === 'policy') continue;
      system(w);
      // Outside demand is anchored to the first year's supply; the product mix then settles.
      if (name === 'production' && y === 0) anchorDemand(w);
    }
  }
  const v = w.villages;
  v.refLoad.set(v.load);
  const r = w.params['ecology.regrowth'];
  for (let j = 0; j < v.count; j++) {
    v.ecoStart[j] = v.eco[j];
    v.balance[j] = r * v.eco[j] * (1 - v.eco[j] / v.ecoCeiling[j]);
  }
  w.leverCost.fill(0);
  sumCosts(w);
}
