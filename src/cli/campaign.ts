import type { Intervention, Scenario } from '../model/index';

/** Years of the 2013-2020 campaign (精准扶贫: launched late 2013, every poor household registered in 2014). */
export const CAMPAIGN_FROM = 2013;
export const CAMPAIGN_TO = 2020;

/**
 * The 2013-2020 campaign as levers. `intensity[y]` (0 to 1.5) scales, year by year, the support
 * paid to registered households: the benefit per person and the social floor (as a share of the
 * poverty line). Everything else is fixed: registration, medical assistance, child nutrition,
 * earmarked transfers and infrastructure for mountain and hill counties, fund integration from
 * 2017, big-data identification from 2017 (continuing after 2020), relocation with jobs from 2016, and a gradual
 * phase-out of support over five years after 2020 (the transition period, 过渡期).
 */
export function campaignInterventions(intensity: Record<number, number>, povertyLine = 2300): Intervention[] {
  const out: Intervention[] = [];
  for (let y = CAMPAIGN_FROM; y <= CAMPAIGN_TO; y++) {
    const s = intensity[y] ?? 0;
    out.push({ lever: 'registration', from: y, to: y, counties: 'all', benefitYuanPerPerson: Math.round(1000 * s), workShare: 0.3 });
    // From 2019, monitored near-poor households are covered too (防止返贫监测).
    if (s > 0) out.push({ lever: 'socialFloor', from: y, to: y, counties: 'all', yuanPerPerson: Math.round(povertyLine * Math.min(1.2, s)), nearPoor: y >= 2019 });
  }
  out.push(
    { lever: 'registration', from: CAMPAIGN_TO + 1, to: 2100, counties: 'all', benefitYuanPerPerson: 0, workShare: 0.3 },
    { lever: 'socialFloor', from: CAMPAIGN_TO + 1, to: 2100, counties: 'all', yuanPerPerson: povertyLine, nearPoor: true },
    { lever: 'policyPhaseOut', from: CAMPAIGN_TO + 1, to: 2100, counties: 'all', mode: 'gradual', years: 5 },
    { lever: 'medicalAssistance', from: 2016, to: CAMPAIGN_TO, counties: 'all', reimbursement: 0.4 },
    { lever: 'education', from: CAMPAIGN_FROM, to: CAMPAIGN_TO, counties: 'mountain', years12: false, nutrition: true },
    { lever: 'earmarkedTransfers', from: CAMPAIGN_FROM, to: CAMPAIGN_TO, counties: 'mountain', yuanPerCapita: 900 },
    { lever: 'earmarkedTransfers', from: CAMPAIGN_FROM, to: CAMPAIGN_TO, counties: 'hill', yuanPerCapita: 400 },
    { lever: 'fundIntegration', from: 2017, to: CAMPAIGN_TO, counties: 'all', share: 0.5 },
    { lever: 'infrastructure', from: CAMPAIGN_FROM, to: CAMPAIGN_TO, counties: 'mountain', kind: 'transport', yuanPerYear: 80_000_000 },
    { lever: 'infrastructure', from: CAMPAIGN_FROM, to: CAMPAIGN_TO, counties: 'mountain', kind: 'water', yuanPerYear: 20_000_000 },
    // Monitoring goes on after 2020 (防止返贫动态监测和帮扶机制, 2021): without it the floor's
    // near-poor coverage lapses (only big data flags the near-poor) and exited households that
    // fall back cannot register again.
    { lever: 'bigDataIdentification', from: 2017, to: 2100, counties: 'all' },
    { lever: 'relocation', from: 2016, to: CAMPAIGN_TO, counties: 'mountain', eligibility: 'registeredPoor', maxPeople: 3000, employmentSupport: true, destination: 'countySeat' },
  );
  return out;
}

/** A copy of `base` with the campaign's interventions appended. */
export function withCampaign(base: Scenario, intensity: Record<number, number>): Scenario {
  return { ...base, interventions: [...base.interventions, ...campaignInterventions(intensity, base.params['policy.povertyLine'] ?? 2300)] };
}
