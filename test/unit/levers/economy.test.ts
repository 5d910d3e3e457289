/**
 * Levers on county finance, the local economy and markets (essay 二(一), 二(四), 三(一),
 * 三(四), 三(五)) and the stylised facts they carry (MODEL.md):
 * - heavy earmarked transfers with no integration leave money idle while development is
 *   starved; integration lowers idleEarmarkedShare and raises growth;
 * - everyone rushing into one subsidised industry makes its price collapse; insurance softens
 *   the income fall.
 * Plus ecological compensation, eco-tourism, organised labour export and industry placement.
 *
 * Each test compares a scenario file with its counterfactual file (checked by `pair` to differ
 * only in the lever), over runs 1-3 of seed 42 at scale 20 (common random numbers), averaged
 * over the counties where the lever acts and a span of years. Margins are in the test names.
 */
import { describe, expect, it } from 'vitest';
import { effect, pair } from '../../helpers/ensemble';

const earmarked = () => pair('earmarked-transfers', 'baseline', ['earmarkedTransfers']);
const integrated = () => pair('fund-integration', 'earmarked-transfers', ['fundIntegration']);
const herding = () => pair('herding', 'baseline', ['industrySupport']);
const insured = () => pair('herding-insured', 'herding', ['marketInsurance']);
const HILLS_AND_MOUNTAINS = ['yunling', 'shimen', 'gaoyan', 'xueshan', 'qingxi', 'songping', 'taoyuan', 'baisha'];

describe('earmarkedTransfers and fundIntegration (1,500 yuan per resident in mountain counties, 2015-2030)', () => {
  it('heavy earmarked money with no integration sits idle: idleEarmarkedShare at least 0.4, and 0.2 above baseline (mountain, 2016-2030)', () => {
    const e = effect(earmarked(), 'idleEarmarkedShare', 'mountain', [2016, 2030]);
    expect(e.alt, e.text).toBeGreaterThanOrEqual(0.4);
    expect(e.diff, e.text).toBeGreaterThanOrEqual(0.2);
  });

  it('integration (share 0.6) at least halves the idle share (mountain, 2016-2030)', () => {
    const e = effect(integrated(), 'idleEarmarkedShare', 'mountain', [2016, 2030]);
    expect(e.alt, e.text).toBeLessThanOrEqual(0.5 * e.base);
  });

  it('integration raises growth momentum by at least 0.5 points a year (mountain, 2016-2030)', () => {
    const e = effect(integrated(), 'growthMomentum', 'mountain', [2016, 2030]);
    expect(e.diff, e.text).toBeGreaterThanOrEqual(0.005);
  });

  it('integration raises local capital by at least 20% (mountain, 2020-2035): development was starved without it', () => {
    const e = effect(integrated(), 'capitalStock', 'mountain', [2020, 2035]);
    expect(e.alt, e.text).toBeGreaterThanOrEqual(1.2 * e.base);
  });
});

describe('industrySupport, herding (herding.json: fruit subsidised with 300 M yuan a year per hill and mountain county, 2015-2020)', () => {
  it('the subsidised product\'s price collapses: fruit at least 20% below baseline while the rush lasts (hill counties, 2017-2022)', () => {
    const e = effect(herding(), 'priceFruit', 'hill', [2017, 2022]);
    expect(e.alt, e.text).toBeLessThanOrEqual(0.8 * e.base);
  });

  it('once the subsidy stops, incomes fall below baseline: at least 4% lower (hill counties, 2021-2025)', () => {
    const e = effect(herding(), 'meanIncome', 'hill', [2021, 2025]);
    expect(e.alt, e.text).toBeLessThanOrEqual(0.96 * e.base);
  });
});

describe('marketInsurance (herding-insured.json vs herding.json: coverage 0.8 in hill and mountain counties)', () => {
  it('softens the income fall: mean income at least 1% higher than herding without insurance (hill counties, 2021-2025)', () => {
    const e = effect(insured(), 'meanIncome', 'hill', [2021, 2025]);
    expect(e.alt, e.text).toBeGreaterThanOrEqual(1.01 * e.base);
  });

  it('operating income holds a larger share of income (hill and mountain, 2016-2025)', () => {
    const e = effect(insured(), 'operatingIncomeShare', HILLS_AND_MOUNTAINS, [2016, 2025]);
    expect(e.alt, e.text).toBeGreaterThan(e.base);
  });
});

describe('ecoCompensation (eco-compensation.json vs baseline.json: 1,500 yuan per household in mountain counties)', () => {
  it('restores ecological capacity by at least 0.02 (mountain, 2020-2035)', () => {
    const e = effect(pair('eco-compensation', 'baseline', ['ecoCompensation']), 'ecoCapacity', 'mountain', [2020, 2035]);
    expect(e.diff, e.text).toBeGreaterThanOrEqual(0.02);
  });
});

describe('ecoTourism (eco-tourism.json vs baseline.json: 50 M yuan a year in every hill and mountain county, 2015-2030)', () => {
  it('raises local output by at least 3% (hill and mountain, 2020-2030)', () => {
    const e = effect(pair('eco-tourism', 'baseline', ['ecoTourism']), 'output', HILLS_AND_MOUNTAINS, [2020, 2030]);
    expect(e.alt, e.text).toBeGreaterThanOrEqual(1.03 * e.base);
  });

  it('returns depend on ecology and transport: the same yuan adds more output in a hill county than in a mountain county (2020-2030)', () => {
    const p = pair('eco-tourism', 'baseline', ['ecoTourism']);
    const hill = effect(p, 'output', 'hill', [2020, 2030]);
    const mountain = effect(p, 'output', 'mountain', [2020, 2030]);
    expect(hill.diff, `hill: ${hill.text}; mountain: ${mountain.text}`).toBeGreaterThan(mountain.diff);
  });
});

describe('laborExport (labor-export.json vs baseline.json: strength 0.6 in mountain counties from 2015)', () => {
  it('more youth leave to work outside: youthOutflow at least 3% higher (mountain, 2015-2020)', () => {
    const e = effect(pair('labor-export', 'baseline', ['laborExport']), 'youthOutflow', 'mountain', [2015, 2020]);
    expect(e.alt, e.text).toBeGreaterThanOrEqual(1.03 * e.base);
  });

  it('wages and remittances weigh more (wageIncomeShare at least +0.005) and mean income is at least 1% higher (mountain, 2020-2035)', () => {
    const p = pair('labor-export', 'baseline', ['laborExport']);
    const s = effect(p, 'wageIncomeShare', 'mountain', [2020, 2035]);
    expect(s.diff, s.text).toBeGreaterThanOrEqual(0.005);
    const i = effect(p, 'meanIncome', 'mountain', [2020, 2035]);
    expect(i.alt, i.text).toBeGreaterThanOrEqual(1.01 * i.base);
  });
});

describe('industryTilt (industry-tilt.json vs baseline.json: 3,000 jobs placed in each mountain county, 2016-2020)', () => {
  it('raises local capital by at least 10% (mountain, 2016-2025)', () => {
    const e = effect(pair('industry-tilt', 'baseline', ['industryTilt']), 'capitalStock', 'mountain', [2016, 2025]);
    expect(e.alt, e.text).toBeGreaterThanOrEqual(1.1 * e.base);
  });

  it('raises the wage share of income by at least 0.01 and mean income by at least 2% (mountain, 2016-2025)', () => {
    const p = pair('industry-tilt', 'baseline', ['industryTilt']);
    const s = effect(p, 'wageIncomeShare', 'mountain', [2016, 2025]);
    expect(s.diff, s.text).toBeGreaterThanOrEqual(0.01);
    const i = effect(p, 'meanIncome', 'mountain', [2016, 2025]);
    expect(i.alt, i.text).toBeGreaterThanOrEqual(1.02 * i.base);
  });
});
