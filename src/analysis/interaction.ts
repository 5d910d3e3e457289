/**
 * Interaction of two groups of levers (软硬并补: do two measures do more together than apart?):
 * a 2×2 factorial on one scenario, run on common seeds. Factor A is the scenario's interventions
 * whose lever is named, factor B the rest. The four arms are the scenario without interventions,
 * with A only, with B only and with both (the scenario itself); run i of every arm uses the same
 * seed and run number, so the contrasts are taken run by run.
 *
 *   effect of A without B   = A only − neither
 *   effect of A with B      = both − B only
 *   interaction             = (both − B only) − (A only − neither)
 *
 * An interaction of the same sign as A's effect means A does more where B is also applied
 * (complements); of the opposite sign, less (substitutes).
 */
import { LEVER_BY_NAME, type LeverName, type RunResult, type Scenario } from '../model/index';
import { pairedDifferences } from './ensemble';

/** The names of the four arms, in the order their runs are kept. */
export const ARMS = ['neither', 'aOnly', 'bOnly', 'both'] as const;
export type Arm = (typeof ARMS)[number];

/** The four scenarios of a factorial, and which levers make up each factor. */
export interface Factorial {
  /** Distinct lever names of factor A and of factor B, in the scenario's order. */
  a: LeverName[];
  b: LeverName[];
  arms: Record<Arm, Scenario>;
}

/** A factor that cannot be built from the scenario: what is wrong and what was expected. */
export class FactorError extends Error {
  override name = 'FactorError';
  constructor(
    readonly expected: string,
    readonly got: string,
  ) {
    super(`expected ${expected}, got ${JSON.stringify(got)}`);
  }
}

const distinct = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** The distinct levers of a scenario's interventions, in the order they first appear. */
export function leversOf(s: Scenario): LeverName[] {
  return distinct(s.interventions.map((i) => i.lever));
}

/**
 * Splits `s` into the four arms of a factorial: factor A is every intervention whose lever is in
 * `levers`, factor B every other one. Throws FactorError when a name is not a lever, when no
 * intervention uses it, or when either factor would be empty.
 */
export function factorialArms(s: Scenario, levers: readonly string[]): Factorial {
  const used = leversOf(s);
  const inScenario = `lever names of the scenario's interventions (${used.join(', ') || 'it has none'})`;
  for (const name of levers) {
    if (!LEVER_BY_NAME.has(name)) throw new FactorError(inScenario, name);
    if (!used.includes(name as LeverName)) throw new FactorError(inScenario, name);
  }
  const inA = (lever: string) => levers.includes(lever);
  const aList = s.interventions.filter((i) => inA(i.lever));
  const bList = s.interventions.filter((i) => !inA(i.lever));
  if (bList.length === 0) throw new FactorError(`a factor B: the scenario needs interventions of other levers than ${levers.join(', ')}`, levers.join(','));
  const arm = (suffix: string, zh: string, en: string, interventions: Scenario['interventions']): Scenario => ({
    ...s,
    id: `${s.id}-${suffix}`,
    title: { zh: `${s.title.zh}（${zh}）`, en: `${s.title.en} (${en})` },
    interventions,
  });
  const a = distinct(aList.map((i) => i.lever));
  const b = distinct(bList.map((i) => i.lever));
  return {
    a,
    b,
    arms: {
      neither: arm('neither', '不加干预', 'without interventions', []),
      aOnly: arm('a-only', `仅${a.join('、')}`, `${a.join(', ')} only`, aList),
      bOnly: arm('b-only', `仅${b.join('、')}`, `${b.join(', ')} only`, bList),
      both: s,
    },
  };
}

/** Runs of the four arms, each in run order (the same runs and seeds in every arm). */
export type ArmResults = Record<Arm, readonly RunResult[]>;

/** The runs of a batch laid out arm by arm in the order of ARMS, `runs` runs each. */
export function splitArms(results: readonly RunResult[], runs: number): ArmResults {
  if (results.length !== ARMS.length * runs) throw new RangeError(`expected ${ARMS.length} arms of ${runs} runs, got ${results.length} runs`);
  const [neither, aOnly, bOnly, both] = ARMS.map((_, i) => results.slice(i * runs, (i + 1) * runs));
  return { neither, aOnly, bOnly, both };
}

/** Effects of A without and with B, and the interaction, run by run, in the layout of RunResult. */
export interface InteractionContrasts {
  aWithoutB: RunResult[];
  aWithB: RunResult[];
  interaction: RunResult[];
}

/**
 * The contrasts of a factorial, run by run (each pair must share run and seed: PairingError
 * otherwise). The interaction's scenarioId is `<scenario>-interaction`.
 */
export function interactionContrasts(r: ArmResults): InteractionContrasts {
  const aWithoutB = pairedDifferences(r.neither, r.aOnly);
  const aWithB = pairedDifferences(r.bOnly, r.both);
  const interaction = pairedDifferences(aWithoutB, aWithB).map((x, i) => ({ ...x, meta: { ...x.meta, scenarioId: `${r.both[i].meta.scenarioId}-interaction` } }));
  return { aWithoutB, aWithB, interaction };
}

export type Verdict = 'more' | 'less' | 'above' | 'below' | 'unclear';

/**
 * What the interaction says about one value, from 5-95% bands over runs: when A's own effect
 * (without B) and the interaction are both clear of 0, whether A does more with B (the same sign:
 * complements) or less (substitutes); when only the interaction is, its sign; else 'unclear'.
 */
export function interactionVerdict(aWithoutB: { lo: number; hi: number }, interaction: { lo: number; hi: number }): Verdict {
  const sign = (b: { lo: number; hi: number }) => (b.lo > 0 ? 1 : b.hi < 0 ? -1 : 0);
  const x = sign(interaction);
  if (x === 0) return 'unclear';
  const a = sign(aWithoutB);
  if (a === 0) return x > 0 ? 'above' : 'below';
  return a === x ? 'more' : 'less';
}
