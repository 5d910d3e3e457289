/** A seeded uniform generator on [0, 1). */
export type Rng = () => number;

/** A stream of this module: Alea with its state in a small typed array, [s0, s1, s2, c]. */
export interface AleaRng extends Rng {
  readonly state: Float64Array;
}

/**
 * The streams of one purpose, one per county, with their states packed in `states` (ALEA_STATE
 * numbers per county). Each stream's own `state` is a view into it, so a hot loop draws inline
 * from `states` with aleaNext (the same arithmetic, so the same numbers) and every draw, inline
 * or by calling the stream, advances the one sequence. The household passes go further: over a
 * run of one county's households they hold its state in a RunStream (loadStream, drawFrom,
 * storeStream below), which V8 keeps in registers.
 */
export type StreamSet = AleaRng[] & { readonly states: Float64Array };

/** Length of one stream's state in a packed array. */
export const ALEA_STATE = 4;

/**
 * Seed of run `run` of an ensemble with base seed `seed`. Run i uses a seed derived from
 * (seed, i) and nothing else, so an ensemble's results never depend on which worker ran what.
 */
export function runSeed(seed: number, run: number): string {
  return `${seed}:${run}`;
}

/**
 * Stream for one (seed, run, county, purpose). Alea (Baagøe 2010; the algorithm and seeding of
 * seedrandom's `alea`, whose numbers it reproduces exactly) is a fast generator with good
 * statistical quality for simulation.
 */
export function stream(seed: number, run: number, county: number, purpose: string, state?: Float64Array): AleaRng {
  return alea(`${runSeed(seed, run)}:${county}:${purpose}`, state);
}

/** The streams of `purpose` for counties 0..count-1, as `stream` gives them, with packed states. */
export function streams(seed: number, run: number, count: number, purpose: string): StreamSet {
  const states = new Float64Array(count * ALEA_STATE);
  const set = Array.from({ length: count }, (_, c) => stream(seed, run, c, purpose, states.subarray(c * ALEA_STATE, (c + 1) * ALEA_STATE)));
  return Object.assign(set, { states });
}

/**
 * Alea seeded with `seed` as seedrandom.alea(seed) seeds it (Mash of ' ' three times, minus Mash
 * of the seed three times). Port of Johannes Baagøe's algorithm (MIT licence), as in seedrandom.
 */
export function alea(seed: string, s: Float64Array = new Float64Array(ALEA_STATE)): AleaRng {
  let n = 0xefc8249d;
  const mash = (data: string): number => {
    for (let i = 0; i < data.length; i++) {
      n += data.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000; // 2^32
    }
    return (n >>> 0) * 2.3283064365386963e-10; // 2^-32
  };
  s[3] = 1;
  s[0] = mash(' ');
  s[1] = mash(' ');
  s[2] = mash(' ');
  s[0] -= mash(seed);
  if (s[0] < 0) s[0] += 1;
  s[1] -= mash(seed);
  if (s[1] < 0) s[1] += 1;
  s[2] -= mash(seed);
  if (s[2] < 0) s[2] += 1;
  const next = (() => aleaNext(s, 0)) as Rng as AleaRng & { state: Float64Array };
  next.state = s;
  return next;
}

/** One Alea draw from the state at offset o of a state array (advances it). */
export function aleaNext(s: Float64Array, o: number): number {
  const t = 2091639 * s[o] + s[o + 3] * 2.3283064365386963e-10; // 2^-32
  s[o] = s[o + 1];
  s[o + 1] = s[o + 2];
  const c = t | 0;
  s[o + 3] = c;
  return (s[o + 2] = t - c);
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

/**
 * One county's stream held for a run of its households (see StreamSet): loadStream copies its
 * state out of the packed array, drawFrom draws with aleaNext's arithmetic, storeStream puts the
 * state back. V8 keeps the small object in registers (escape analysis); the numbers are
 * aleaNext's, and nothing else may draw from the stream between load and store.
 */
export interface RunStream { s0: number; s1: number; s2: number; c: number }

export function loadStream(s: Float64Array, o: number): RunStream {
  return { s0: s[o], s1: s[o + 1], s2: s[o + 2], c: s[o + 3] };
}

export function storeStream(s: Float64Array, o: number, g: RunStream): void {
  s[o] = g.s0;
  s[o + 1] = g.s1;
  s[o + 2] = g.s2;
  s[o + 3] = g.c;
}

export function drawFrom(g: RunStream): number {
  const t = 2091639 * g.s0 + g.c * 2.3283064365386963e-10; // 2^-32
  g.s0 = g.s1;
  g.s1 = g.s2;
  const c = t | 0;
  g.c = c;
  return (g.s2 = t - c);
}
