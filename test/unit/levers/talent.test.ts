/**
 * Levers on talent and public services (essay 三(三), 三(六)) and the stylised facts they carry
 * (MODEL.md, "What a credible model reproduces"):
 * - raising teacher pay cuts teacher outflow and, with a lag of years, raises children's human
 *   capital and later income; its effect grows when infrastructure is also built;
 * - assessment burden pulls teachers and doctors off duty; cutting it raises service quality.
 * Plus doctor pay, cadre pay, infrastructure and nutrition with 12-year schooling.
 *
 * Each test compares a scenario file with its counterfactual file (the same file without the
 * lever, checked by `pair`), over runs 1-3 of seed 42 at scale 20 (common random numbers), and
 * averages over the four mountain counties, where these levers act, and over a span of years.
 * Margins are stated in each test's name.
 */
import { describe, expect, it } from 'vitest';
import { effect, pair } from '../../helpers/ensemble';

const teacher = () => pair('teacher-pay', 'baseline', ['teacherPay']);
const infra = () => pair('infrastructure', 'baseline', ['infrastructure']);
const teacherWithInfra = () => pair('teacher-pay-infrastructure', 'infrastructure', ['teacherPay']);

describe('teacherPay (teacher-pay.json vs baseline.json, +50% in mountain counties from 2015)', () => {
  it('cuts teacher outflow from the mountain counties by at least 30% (mean 2016-2025)', () => {
    const e = effect(teacher(), 'teacherOutflow', 'mountain', [2016, 2025]);
    expect(e.alt, e.text).toBeLessThanOrEqual(0.7 * e.base);
  });

  it('keeps more teachers per pupil (at least +5%) and raises school quality (at least +0.03), 2016-2035', () => {
    const t = effect(teacher(), 'teachersPer1000Pupils', 'mountain', [2016, 2035]);
    expect(t.alt, t.text).toBeGreaterThanOrEqual(1.05 * t.base);
    const q = effect(teacher(), 'schoolQuality', 'mountain', [2016, 2035]);
    expect(q.diff, q.text).toBeGreaterThanOrEqual(0.03);
  });

  it('raises children\'s human capital years later: at least +0.01 in 2030-2035, and more than in 2016-2020 (the lag)', () => {
    const late = effect(teacher(), 'childHumanCapital', 'mountain', [2030, 2035]);
    const early = effect(teacher(), 'childHumanCapital', 'mountain', [2016, 2020]);
    expect(late.diff, late.text).toBeGreaterThanOrEqual(0.01);
    expect(late.diff, `${late.text}; early: ${early.text}`).toBeGreaterThan(early.diff);
  });

  // At the margin (measured 2026-11-29, runs 1-3 at scale 20): mountain meanIncome 2030-2035 is
  // 3019 without and 3049 with teacher pay (+1.0%); untreated hill counties move by -0.9%.
  it('raises mean income later: at least +1% in the mountain counties, 2030-2035', () => {
    const e = effect(teacher(), 'meanIncome', 'mountain', [2030, 2035]);
    expect(e.alt, e.text).toBeGreaterThanOrEqual(1.01 * e.base);
  });
});

describe('teacherPay with infrastructure (teacher-pay-infrastructure.json vs infrastructure.json)', () => {
  // MISSING (MODEL.md: the effect grows when infrastructure is also built; docs/ODD.md §8.2 says
  // why). Measured 2026-11-29, runs 1-3 at scale 20: the effect on mountain childHumanCapital
  // 2030-2035 is +0.032 with infrastructure (0.6109 -> 0.6427) and +0.045 without
  // (0.5476 -> 0.5930); over runs 1-12, +0.030 and +0.050 (standard errors 0.002). Infrastructure
  // already fills teacher posts (0.94 of posts in 2030 against 0.84), so the raise adds less.
  it.fails('the effect on children\'s human capital (mountain, 2030-2035) is larger with infrastructure, by at least 0.005', () => {
    const withInfra = effect(teacherWithInfra(), 'childHumanCapital', 'mountain', [2030, 2035]);
    const alone = effect(teacher(), 'childHumanCapital', 'mountain', [2030, 2035]);
    expect(withInfra.diff, `with infrastructure: ${withInfra.text}; alone: ${alone.text}`).toBeGreaterThanOrEqual(alone.diff + 0.005);
  });

  // MISSING. Over runs 1-3 (measured 2026-11-29) the effect on mountain meanIncome 2030-2035 is
  // +5 yuan with infrastructure and +93 without, but single runs range from -147 to +254 yuan:
  // three runs cannot resolve 1% of income, so this test takes runs 1-12 (+57 and +106, standard
  // errors 29 and 26). The raise's income effect is mostly a cascade (better schools keep doctors
  // and cadres, attraction and output rise), which is strongest where there is no infrastructure.
  it.fails('the effect on mean income (mountain, 2030-2035, runs 1-12) is larger with infrastructure, by at least 1% of income', () => {
    const withInfra = effect(pair('teacher-pay-infrastructure', 'infrastructure', ['teacherPay'], 12), 'meanIncome', 'mountain', [2030, 2035]);
    const alone = effect(pair('teacher-pay', 'baseline', ['teacherPay'], 12), 'meanIncome', 'mountain', [2030, 2035]);
    expect(withInfra.diff, `with infrastructure: ${withInfra.text}; alone: ${alone.text}`).toBeGreaterThanOrEqual(alone.diff + 0.01 * alone.base);
  });
});

describe('doctorPay (doctor-pay.json vs baseline.json, +50% in mountain counties from 2015)', () => {
  it('cuts doctor outflow by at least 30% (mountain, 2016-2025)', () => {
    const e = effect(pair('doctor-pay', 'baseline', ['doctorPay']), 'doctorOutflow', 'mountain', [2016, 2025]);
    expect(e.alt, e.text).toBeLessThanOrEqual(0.7 * e.base);
  });

  it('raises doctors per 1,000 by at least 10% and health service quality by at least 0.05 (mountain, 2016-2035)', () => {
    const p = pair('doctor-pay', 'baseline', ['doctorPay']);
    const d = effect(p, 'doctorsPer1000', 'mountain', [2016, 2035]);
    expect(d.alt, d.text).toBeGreaterThanOrEqual(1.1 * d.base);
    const q = effect(p, 'healthQuality', 'mountain', [2016, 2035]);
    expect(q.diff, q.text).toBeGreaterThanOrEqual(0.05);
  });
});

describe('cadrePay (cadre-pay.json vs baseline.json, +50% in mountain counties from 2015)', () => {
  it('cuts professionals\' outflow (talentOutflow) by at least 10% (mountain, 2016-2025)', () => {
    const e = effect(pair('cadre-pay', 'baseline', ['cadrePay']), 'talentOutflow', 'mountain', [2016, 2025]);
    expect(e.alt, e.text).toBeLessThanOrEqual(0.9 * e.base);
  });

  it('more cadres in post: local capital at least 2% higher (mountain, 2026-2035)', () => {
    const e = effect(pair('cadre-pay', 'baseline', ['cadrePay']), 'capitalStock', 'mountain', [2026, 2035]);
    expect(e.alt, e.text).toBeGreaterThanOrEqual(1.02 * e.base);
  });
});

describe('infrastructure (infrastructure.json vs baseline.json: transport and water in mountain counties, 2015-2030)', () => {
  it('raises the infrastructure index by at least 0.1 (mountain, 2020-2035)', () => {
    const e = effect(infra(), 'infrastructureIndex', 'mountain', [2020, 2035]);
    expect(e.diff, e.text).toBeGreaterThanOrEqual(0.1);
  });

  it('raises mean income by at least 5% and cuts poverty (mountain, 2025-2035)', () => {
    const i = effect(infra(), 'meanIncome', 'mountain', [2025, 2035]);
    expect(i.alt, i.text).toBeGreaterThanOrEqual(1.05 * i.base);
    const p = effect(infra(), 'povertyRate', 'mountain', [2025, 2035]);
    expect(p.alt, p.text).toBeLessThan(p.base - 0.02);
  });
});

describe('education (nutrition-schooling.json vs baseline.json: 12-year schooling and nutrition in mountain counties)', () => {
  it('raises children\'s human capital by at least 0.02 (mountain, 2020-2035)', () => {
    const e = effect(pair('nutrition-schooling', 'baseline', ['education']), 'childHumanCapital', 'mountain', [2020, 2035]);
    expect(e.diff, e.text).toBeGreaterThanOrEqual(0.02);
  });
});

describe('assessment burden and assessmentReform', () => {
  it('registration brings assessment burden (registration-only.json vs baseline.json): at least +0.05 of working time (mountain, 2014-2020)', () => {
    const e = effect(pair('registration-only', 'baseline', ['registration']), 'assessmentBurden', 'mountain', [2014, 2020]);
    expect(e.diff, e.text).toBeGreaterThanOrEqual(0.05);
  });

  it('a heavier burden pulls teachers and doctors off duty (assessment-burden.json vs registration-only.json): school and health quality at least 0.05 lower (mountain, 2014-2025)', () => {
    const p = pair('assessment-burden', 'registration-only');
    const b = effect(p, 'assessmentBurden', 'mountain', [2014, 2020]);
    expect(b.diff, b.text).toBeGreaterThan(0);
    const s = effect(p, 'schoolQuality', 'mountain', [2014, 2025]);
    expect(s.diff, s.text).toBeLessThanOrEqual(-0.05);
    const h = effect(p, 'healthQuality', 'mountain', [2014, 2025]);
    expect(h.diff, h.text).toBeLessThanOrEqual(-0.05);
  });

  it('assessmentReform (burdenCut 0.6) cuts the burden by at least 40% (mountain, 2014-2020)', () => {
    const e = effect(pair('assessment-reform', 'assessment-burden', ['assessmentReform']), 'assessmentBurden', 'mountain', [2014, 2020]);
    expect(e.alt, e.text).toBeLessThanOrEqual(0.6 * e.base);
  });

  it('and raises school and health quality by at least 0.05 (mountain, 2014-2025)', () => {
    const p = pair('assessment-reform', 'assessment-burden', ['assessmentReform']);
    const s = effect(p, 'schoolQuality', 'mountain', [2014, 2025]);
    expect(s.diff, s.text).toBeGreaterThanOrEqual(0.05);
    const h = effect(p, 'healthQuality', 'mountain', [2014, 2025]);
    expect(h.diff, h.text).toBeGreaterThanOrEqual(0.05);
  });
});
