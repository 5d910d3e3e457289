import { LEVERS, type LeverName } from './registry';
import type { World } from '../state/world';

/** Index of each lever in LEVERS: the row of its costs in `World.leverCost`. */
export const LEVER_INDEX = Object.fromEntries(LEVERS.map((l, i) => [l.name, i])) as Record<LeverName, number>;

/** Books `yuan` spent this year on lever `lever` (an index of LEVER_INDEX) in county `c`. */
export function addCost(w: World, lever: number, c: number, yuan: number): void {
  w.leverCost[lever * w.county.count + c] += yuan;
}
