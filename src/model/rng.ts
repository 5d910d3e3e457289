import seedrandom from 'seedrandom';

/** A seeded uniform generator on [0, 1). */
export type Rng = () => number;

/**
 * Seed of run `run` of an ensemble with base seed `seed`. Run i uses a seed derived from
 * (seed, i) and nothing else, so an ensemble's results never depend on which worker ran what.
 */
export function runSeed(seed: number, run: number): string {
  return `${seed}:${run}`;
}

/**
 * Stream for one (seed, run, county, purpose). Alea is seedrandom's fast generator (several
 * times faster than its default ARC4) with good statistical quality for simulation.
 */
export function stream(seed: number, run: number, county: number, purpose: string): Rng {
  return seedrandom.alea(`${runSeed(seed, run)}:${county}:${purpose}`) as Rng;
}

/** Standard normal draw by Box-Muller (one of the pair). */
export function normal(rng: Rng): number {
  let u = rng();
  if (u < 1e-12) u = 1e-12;
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Round x up or down at random so that the expected result is x (unbiased stochastic rounding). */
export function stochasticRound(x: number, u: number): number {
  const f = Math.floor(x);
  return u < x - f ? f + 1 : f;
}
