import { regionCounties, type Scenario } from '../model/index';

/** Why two scenarios cannot be compared run by run: where the baseline differs and how. */
export interface Mismatch {
  /** JSON path in the baseline scenario. */
  path: string;
  /** What the alternative needs there. */
  expected: string;
  /** What the baseline has. */
  found: string;
}

/**
 * Paired differences need the same counties over the same years: the first place where
 * `baseline` differs from `alternative`, or null when they can be compared (seeds, scale,
 * parameters and interventions may differ; they are what a comparison is about).
 */
export function comparisonMismatch(baseline: Scenario, alternative: Scenario): Mismatch | null {
  const ids = (s: Scenario) => regionCounties(s.region).map((c) => c.id).join(', ');
  const want = ids(alternative);
  const have = ids(baseline);
  if (have !== want) return { path: '$.region', expected: `the counties of the alternative scenario (${want})`, found: have };
  if (baseline.startYear !== alternative.startYear) return { path: '$.startYear', expected: `the alternative's start year ${alternative.startYear}`, found: String(baseline.startYear) };
  if (baseline.years !== alternative.years) return { path: '$.years', expected: `the alternative's horizon of ${alternative.years} years`, found: String(baseline.years) };
  return null;
}

/**
 * `s` with no intervention: the counterfactual of all its levers together (`npm run sim --
 * s.json --baseline none`, the comparison view's "without its interventions").
 */
export function withoutInterventions(s: Scenario): Scenario {
  return {
    ...s,
    id: `${s.id}-without-interventions`,
    title: { zh: `${s.title.zh}（不加干预）`, en: `${s.title.en} (without interventions)` },
    interventions: [],
  };
}
