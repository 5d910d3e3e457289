/**
 * skipWarmUp (the app's interactive worker calls it): afterwards no Simulation of this realm can
 * claim the warm-up, so a large world is built without it. Its own file: the switch is per realm
 * (module state), and vitest gives each file a fresh one.
 */
import { expect, it } from 'vitest';
import { claimWarmUp, jitWarmedUp, skipWarmUp } from '../../../src/model/warmup';

it('skipWarmUp leaves nothing for the Simulation constructor to claim', () => {
  expect(jitWarmedUp()).toBe(false);
  skipWarmUp();
  expect(claimWarmUp()).toBe(false);
});
