/**
 * What the research views have computed and the charts draw: the latest ensemble of the loaded
 * scenario, the latest comparison and the latest interaction of two groups of levers. Kept by
 * identity of the scenario object it was run for, so a chart never shows a band that belongs to
 * another scenario.
 */
import { type Comparison, type CostEffectiveness, type EnsembleBands } from '../../analysis';
import type { RunResult, Scenario } from '../../model';

export interface EnsembleRecord {
  scenario: Scenario;
  results: RunResult[];
  bands: EnsembleBands;
  workers: number;
  ms: number;
  /** Sum of the runs' times inside the workers, ms (busyMs / ms = runs computing at once). */
  busyMs: number;
}

export interface ComparisonRecord {
  baseline: Scenario;
  alternative: Scenario;
  baselineResults: RunResult[];
  alternativeResults: RunResult[];
  comparison: Comparison;
  costEffectiveness: CostEffectiveness;
  workers: number;
  ms: number;
}

/** The 2×2 factorial of one lever (A) of a scenario against its other interventions (B). */
export interface InteractionRecord {
  scenario: Scenario;
  /** The lever of factor A; factor B is the scenario's other levers. */
  lever: string;
  aWithoutB: EnsembleBands;
  aWithB: EnsembleBands;
  interaction: EnsembleBands;
}

class ResearchState {
  ensemble: EnsembleRecord | null = null;
  comparison: ComparisonRecord | null = null;
  interaction: InteractionRecord | null = null;
  private readonly listeners = new Set<() => void>();

  onChange(cb: () => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  changed(): void {
    for (const cb of this.listeners) cb();
  }
}

/** The page's one research state. */
export const research = new ResearchState();

/** The ensemble of `scenario`, if one has been run for exactly that scenario. */
export function ensembleFor(scenario: Scenario | null): EnsembleRecord | null {
  return scenario && research.ensemble?.scenario === scenario ? research.ensemble : null;
}

/** The comparison of `baseline` against `alternative`, if run for exactly those two. */
export function comparisonFor(baseline: Scenario | null, alternative: Scenario | null): ComparisonRecord | null {
  const c = research.comparison;
  return c && baseline && alternative && c.baseline === baseline && c.alternative === alternative ? c : null;
}

/** The interaction of `lever` in `scenario`, if run for exactly that scenario and lever. */
export function interactionFor(scenario: Scenario | null, lever: string): InteractionRecord | null {
  const x = research.interaction;
  return x && scenario && x.scenario === scenario && x.lever === lever ? x : null;
}
