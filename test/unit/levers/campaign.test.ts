/**
 * MODEL.md, second stylised fact, on the default region: a campaign scenario shaped like 2013 to
 * 2020 (scenarios/campaign.json: heavy transfers, registration, relocation, infrastructure)
 * brings measured poverty in the region to near zero by the target year. (The national path
 * on the `china` preset is tested in test/unit/calibration/campaign.test.ts; the first fact,
 * the baseline trap, in test/unit/stylized/baseline.test.ts.)
 * Runs 1-3 of seed 42 at scale 20, region aggregate.
 */
import { describe, expect, it } from 'vitest';
import { effect, mean, pair } from '../../helpers/ensemble';

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
