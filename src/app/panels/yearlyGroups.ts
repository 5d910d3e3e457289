/**
 * The policy panel folds a lever set year by year into one entry (src/app/panels/policyPanel.ts):
 * which interventions form such a group.
 */
import type { Intervention } from '../../model';

/** At least this many one-year settings of one lever are shown as one group (see yearlyGroups). */
const YEARLY_RUN = 3;

/** What the yearly settings of one group share: the lever and its counties. */
export function groupKey(iv: Intervention): string {
  return `${iv.lever}|${JSON.stringify(iv.counties)}`;
}

/**
 * Levers set year by year (the campaign's yearly intensities): interventions of the same lever
 * and counties, each lasting one year, in years that follow one another in scenario order (other
 * levers may stand between them). Returns the indexes of each group of at least YEARLY_RUN.
 */
export function yearlyGroups(interventions: readonly Intervention[]): number[][] {
  const open = new Map<string, number[]>();
  const groups: number[][] = [];
  const close = (run: number[] | undefined) => {
    if (run && run.length >= YEARLY_RUN) groups.push(run);
  };
  interventions.forEach((iv, i) => {
    if (iv.from !== iv.to) return;
    const key = groupKey(iv);
    const run = open.get(key);
    if (run && interventions[run[run.length - 1]].to + 1 === iv.from) run.push(i);
    else {
      close(run);
      open.set(key, [i]);
    }
  });
  for (const run of open.values()) close(run);
  return groups.sort((a, b) => a[0] - b[0]);
}
