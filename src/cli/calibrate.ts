/**
 * `npm run calibrate`: calibrates the campaign's yearly intensity so that the ensemble-mean
 * poverty rate of the `china` region preset follows the published national path (MODEL.md,
 * "Facts to calibrate against"), then writes scenarios/campaign-china.json and
 * scenarios/campaign.json (the same campaign on the default region).
 *
 * Method: sequential bisection. For each year y from 2014 to 2020, with the intensities of
 * earlier years fixed, find the intensity s_y in [0, 1.5] at which the mean poverty rate of
 * year y over RUNS runs equals the target (poverty falls as s_y rises). Common random numbers:
 * every evaluation uses runs 1..RUNS of the same seed, so the bisection is deterministic.
 */
import { writeFileSync } from 'node:fs';
import { resultValue, runScenario, type Scenario, validateScenario } from '../model/index';
import { CAMPAIGN_FROM, CAMPAIGN_TO, campaignInterventions } from './campaign';

/** Rural poverty rate at year end, NBS (2020: all registered poor exited; we ask under 1%). */
export const NATIONAL_POVERTY: Record<number, number> = {
  2012: 0.102, 2013: 0.085, 2014: 0.072, 2015: 0.057, 2016: 0.045, 2017: 0.031, 2018: 0.017, 2019: 0.006, 2020: 0.004,
};
export const CALIBRATION = { seed: 7, runs: 4, scale: 20, startYear: 2012 } as const;

function chinaScenario(intensity: Record<number, number>, years: number): Scenario {
  return validateScenario({
    id: 'campaign-china',
    title: { zh: '脱贫攻坚 2013-2020（全国校准）', en: 'The 2013-2020 campaign (calibrated on rural China)' },
    seed: CALIBRATION.seed, startYear: CALIBRATION.startYear, years, scale: CALIBRATION.scale,
    region: { preset: 'china' },
    interventions: campaignInterventions(intensity),
  }, 'calibration');
}

/** Mean regional poverty rate of year `year` over the calibration ensemble. */
export function meanPoverty(s: Scenario, year: number, runs: number = CALIBRATION.runs): number {
  let sum = 0;
  for (let r = 1; r <= runs; r++) {
    const res = runScenario(s, r);
    sum += resultValue(res, year - s.startYear, res.meta.counties.length, 'povertyRate');
  }
  return sum / runs;
}

export function calibrate(log: (line: string) => void = () => {}): Record<number, number> {
  const intensity: Record<number, number> = { [CAMPAIGN_FROM]: 0 };
  for (let y = CAMPAIGN_FROM + 1; y <= CAMPAIGN_TO; y++) {
    const target = NATIONAL_POVERTY[y];
    let lo = 0;
    let hi = 1.5;
    for (let it = 0; it < 12; it++) {
      const mid = (lo + hi) / 2;
      const value = meanPoverty(chinaScenario({ ...intensity, [y]: mid }, y - CALIBRATION.startYear), y);
      if (value > target) lo = mid;
      else hi = mid;
    }
    intensity[y] = Math.round(((lo + hi) / 2) * 1000) / 1000;
    log(`${y}: intensity ${intensity[y].toFixed(3)} (target ${(target * 100).toFixed(1)}%)`);
  }
  return intensity;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const intensity = calibrate((line) => process.stderr.write(line + '\n'));
  const full = chinaScenario(intensity, 2030 - CALIBRATION.startYear);
  const fit: string[] = [];
  for (let y = 2013; y <= 2020; y++) fit.push(`${y} ${(meanPoverty(full, y) * 100).toFixed(2)}% (published ${(NATIONAL_POVERTY[y] * 100).toFixed(1)}%)`);
  process.stderr.write(fit.join('\n') + '\n');
  const description = {
    zh: '2013-2020年脱贫攻坚：建档立卡、帮扶和低保兜底（逐年强度经校准使全国农村贫困发生率从2012年的10.2%降到2019年的0.6%）、医疗救助、营养干预、专项资金与基础设施、2017年起资金整合和大数据识别（2020年后继续动态监测，防止返贫）、2016年起易地扶贫搬迁，2020年后五年过渡期逐步退出。看：贫困发生率、建档立卡率、考核负担、返贫率和成本。',
    en: 'The 2013-2020 campaign: registration, benefits and a social floor (their yearly intensity calibrated so that rural poverty falls from 10.2% in 2012 to 0.6% in 2019, as published), medical assistance, child nutrition, earmarked funds and infrastructure, fund integration and big-data identification from 2017 (monitoring goes on after 2020, against return to poverty), relocation from 2016, and a gradual five-year phase-out after 2020. Look at poverty, registration, assessment burden, return to poverty and cost.',
  };
  const out = {
    $schema: './schema.json',
    id: 'campaign-china', title: full.title, description,
    seed: CALIBRATION.seed, startYear: CALIBRATION.startYear, years: full.years, scale: CALIBRATION.scale,
    region: { preset: 'china' }, params: {}, interventions: full.interventions,
  };
  writeFileSync('scenarios/campaign-china.json', JSON.stringify(out, null, 2) + '\n');
  const local = {
    ...out, id: 'campaign',
    title: { zh: '脱贫攻坚 2013-2020', en: 'The 2013-2020 poverty campaign' },
    seed: 42, startYear: 2013, years: 22, scale: 10, region: { preset: 'default' },
  };
  writeFileSync('scenarios/campaign.json', JSON.stringify(local, null, 2) + '\n');
  process.stderr.write('wrote scenarios/campaign-china.json and scenarios/campaign.json\n');
}
