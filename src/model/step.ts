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
  for (let c = 0; c < w.county.count; c++) w.county.interventionCost[c] = 0;
  for (const [, system] of PIPELINE) system(w);
}

/** Years run before the start with no interventions and no outside growth, to settle jobs, prices and services. */
export const SPIN_UP_YEARS = 3;

/**
 * Spin-up: the pipeline without policy for a few years at the start year's outside conditions,
 * then outside demand is anchored so that prices start at 1 and village loads become the
 * reference for ecological pressure. The start-year indicators describe the state after it.
 */
export function spinUp(w: World): void {
  resetLeverState(w.levers);
  for (let y = 0; y < SPIN_UP_YEARS; y++) {
    for (let c = 0; c < w.county.count; c++) w.county.interventionCost[c] = 0;
    for (const [name, system] of PIPELINE) {
      if (name === 'policy') continue;
      system(w);
      if (name === 'production' && y === 0) anchorDemand(w);
    }
    if (y === 0) w.villages.refLoad.set(w.villages.load);
  }
  w.villages.refLoad.set(w.villages.load);
  for (let c = 0; c < w.county.count; c++) w.county.interventionCost[c] = 0;
}
