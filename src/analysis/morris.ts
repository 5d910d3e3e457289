/**
 * Morris elementary effects: which factors move an outcome most, from a Morris design
 * (design.ts) and the outcome at each of its points. Effects are in outcome units per the
 * factor's whole range (unit coordinates), so factors with different units compare.
 */
import type { Design } from './design';
import { sampleSd } from './stats';

export interface MorrisEffect {
  factor: string;
  /** Mean of the absolute elementary effects (Campolongo et al. 2007): the importance. */
  muStar: number;
  /** Mean of the signed effects: the direction (near 0 with a large mu* means effects cancel). */
  mu: number;
  /** Standard deviation of the effects: non-linearity or interaction with other factors. */
  sigma: number;
  /** The elementary effects, one per trajectory, in trajectory order. */
  effects: number[];
  /** 1 for the largest mu*. */
  rank: number;
}

/**
 * Elementary effects of each factor, ranked by mu* (ties by factor order). `outputs[i]` is the
 * outcome at `design.points[i]`.
 */
export function morrisEffects(design: Design, outputs: readonly number[]): MorrisEffect[] {
  if (design.kind !== 'morris' || !design.trajectories) throw new RangeError('morrisEffects needs a Morris design');
  if (outputs.length !== design.points.length) throw new RangeError(`expected ${design.points.length} outputs, got ${outputs.length}`);
  const k = design.factors.length;
  const effects: number[][] = Array.from({ length: k }, () => []);
  for (const t of design.trajectories) {
    // Effects per trajectory in factor order, whatever the order of the moves.
    const ee = new Array<number>(k);
    t.order.forEach((j, s) => {
      ee[j] = (outputs[t.start + s + 1] - outputs[t.start + s]) / t.steps[s];
    });
    for (let j = 0; j < k; j++) effects[j].push(ee[j]);
  }
  const rows = design.factors.map((f, j) => {
    const e = effects[j];
    const n = e.length;
    return {
      factor: f.name,
      muStar: e.reduce((a, b) => a + Math.abs(b), 0) / n,
      mu: e.reduce((a, b) => a + b, 0) / n,
      sigma: sampleSd(e),
      effects: e,
      rank: 0,
      index: j,
    };
  });
  const ranked = rows.slice().sort((a, b) => b.muStar - a.muStar || a.index - b.index);
  ranked.forEach((r, i) => (r.rank = i + 1));
  return ranked.map(({ index: _index, ...r }) => r);
}
