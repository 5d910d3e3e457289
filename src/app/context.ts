import { PARAM_BY_KEY, type ParamKey } from '../model';
import type { Tooltip } from './charts/tooltip';
import type { Store } from './state/store';
import type { SimClient } from './worker/simClient';

/** What every chart and panel needs: the view state, the run's data, the shared tooltip. */
export interface AppContext {
  store: Store;
  sim: SimClient;
  tooltip: Tooltip;
  /**
   * The scenario as it was before the user changed policy or parameters, run alongside in its
   * own worker so the trajectories can show both; null when nothing was changed.
   */
  reference: SimClient | null;
}

/** A parameter of the loaded scenario: its override, or the registry default. */
export function paramValue(ctx: AppContext, key: ParamKey): number {
  const v = ctx.sim.scenario?.params[key];
  return v ?? PARAM_BY_KEY.get(key)!.default;
}

/** Unit the charts show: the selected county, or the region. */
export function viewUnit(ctx: AppContext): number {
  return ctx.store.state.selected ?? ctx.sim.regionUnit;
}
