/**
 * MODEL.md, second stylised fact, on the default region: a campaign scenario shaped like 2013 to
 * 2020 (scenarios/campaign.json: heavy transfers, registration, relocation, infrastructure)
 * brings measured poverty in the region to near zero by the target year. (The national path
 * on the `china` preset is tested in test/unit/calibration/campaign.test.ts; the first fact,
 * the baseline trap, in test/unit/stylized/baseline.test.ts.)
 * Runs 1-3 of seed 42 at scale 20, region aggregate.
 */
import { describe, expect, it } from 'vitest';
import { campaignInterventions } from '../../../src/cli/campaign';
import type { Scenario } from '../../../src/model/index';
import { effect, ensemble, loadScenario, mean, pair, rawScenario } from '../../helpers/ensemble';

const campaign = () => pair('campaign', 'baseline');

describe('the 2013-2020 campaign on the default region (campaign.json vs baseline.json)', () => {
  it('brings poverty and registered poverty in the region under 2% by 2020, from over 10% in 2013', () => {
    const p = campaign();
    expect(mean(p.alt, 'povertyRate', 'region', 2013)).toBeGreaterThan(0.1);
    expect(mean(p.alt, 'povertyRate', 'region', 2020), 'povertyRate 2020').toBeLessThanOrEqual(0.02);
    expect(mean(p.alt, 'registeredPoorRate', 'region', 2020), 'registeredPoorRate 2020').toBeLessThanOrEqual(0.02);
  });

  it('while without it the region is still above 5% poor in 2020', () => {
    const e = effect(campaign(), 'povertyRate', 'region', 2020);
    expect(e.base, e.text).toBeGreaterThan(0.05);
  });
});

describe('after 2020 (the transition period and on)', () => {
  // Measured 29 Nov 2026, runs 1-3 at scale 20, mountain counties. With monitoring going on:
  // poverty 0.6% (2021-2025), 0.8% (2026-2030), 0.8% (2031-2035). With monitoring stopped in 2020,
  // as campaign.json had it until then: 2.5%, 16.7%, 17.4%, and return to poverty 15%.
  const stopped = (s: Scenario): Scenario => ({
    ...s, id: `${s.id}-monitoring-stopped`,
    interventions: s.interventions.map((iv) => (iv.lever === 'bigDataIdentification' ? { ...iv, to: 2020 } : iv)),
  });

  it('with big-data monitoring going on, the floor holds: mountain poverty stays under 2% in every five years 2021-2035', () => {
    const runs = ensemble(loadScenario('campaign'));
    for (const span of [[2021, 2025], [2026, 2030], [2031, 2035]] as const) {
      expect(mean(runs, 'povertyRate', 'mountain', span), `povertyRate ${span.join('-')}`).toBeLessThan(0.02);
    }
  });

  it('with monitoring stopped in 2020, households that fall back cannot register again: mountain poverty above 10% and return to poverty above 10% in 2026-2035', () => {
    const s = loadScenario('campaign');
    const off = ensemble(stopped(s));
    const on = ensemble(s);
    // identical up to 2020: the change is only the years after
    expect(mean(off, 'povertyRate', 'region', [2013, 2020])).toBe(mean(on, 'povertyRate', 'region', [2013, 2020]));
    expect(mean(off, 'povertyRate', 'mountain', [2026, 2035])).toBeGreaterThan(0.1);
    expect(mean(off, 'returnToPovertyRate', 'mountain', [2026, 2035])).toBeGreaterThan(0.1);
  });

  it('campaign.json and campaign-china.json hold exactly the interventions npm run calibrate writes for their yearly intensities', () => {
    for (const id of ['campaign', 'campaign-china']) {
      const ivs = rawScenario(id).interventions as Record<string, unknown>[];
      // the intensity of each year is its registration benefit over 1,000 yuan (src/cli/campaign.ts)
      const intensity: Record<number, number> = {};
      for (const iv of ivs) if (iv.lever === 'registration' && iv.from === iv.to) intensity[iv.from as number] = (iv.benefitYuanPerPerson as number) / 1000;
      expect(ivs, id).toEqual(campaignInterventions(intensity));
    }
  });
});
