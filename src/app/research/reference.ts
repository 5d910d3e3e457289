/**
 * What the loaded scenario is compared with: the comparison view's baseline and the overview's
 * grey reference run. The choices, in order:
 * - `original`: the scenario before the user's edits (only once it has been edited);
 * - `without`: the same scenario with no intervention (only when it has some): the effect of
 *   all its levers together, as `withoutLevers` does in the tests;
 * - `file:<path>`: a library scenario with the same counties and years (comparisonMismatch),
 *   on the loaded scenario's seed, so each pair of runs shares its random numbers.
 * `auto`, the default after every load, is the first of `original` and `without` that applies.
 * Derived scenarios are made once per source object: the view finds the comparison ensemble
 * it ran by the identity of the two scenarios.
 */
import { comparisonMismatch, withoutInterventions } from '../../analysis';
import type { Scenario } from '../../model';
import { bi, t } from '../i18n/i18n';
import type { LibraryEntry } from '../scenario/library';

export type ReferenceKey = 'auto' | 'original' | 'without' | `file:${string}`;

export interface ReferenceOption {
  key: Exclude<ReferenceKey, 'auto'>;
  scenario: Scenario;
  /** The reference's name in the language shown ("before your change", a scenario's title). */
  label(): string;
  /** The same, short, for a difference "after − before" ("before", a scenario's title). */
  short(): string;
}

/** What the loaded scenario is and where it came from (app.ts `origin`). */
export interface Loaded {
  current: Scenario | null;
  modified: boolean;
  original: Scenario | null;
}

const withoutOf = new WeakMap<Scenario, Scenario>();
const reseeded = new WeakMap<Scenario, Map<number, Scenario>>();

/** withoutInterventions(s), one object per source scenario. */
export function memoWithout(s: Scenario): Scenario {
  let out = withoutOf.get(s);
  if (!out) withoutOf.set(s, (out = withoutInterventions(s)));
  return out;
}

/** `s` on `seed` (itself when it already has that seed; one object per source and seed). */
function onSeed(s: Scenario, seed: number): Scenario {
  if (s.seed === seed) return s;
  let bySeed = reseeded.get(s);
  if (!bySeed) reseeded.set(s, (bySeed = new Map()));
  let out = bySeed.get(seed);
  if (!out) bySeed.set(seed, (out = { ...s, seed }));
  return out;
}

export class ReferenceChoice {
  /** The user's choice; back to `auto` whenever another scenario is loaded. */
  key: ReferenceKey = 'auto';

  constructor(private readonly library: readonly LibraryEntry[]) {}

  /** The last list of options and what it was made for (asked for on every frame while playing). */
  private memo: { loaded: Loaded; options: ReferenceOption[] } | null = null;

  /** Every reference that applies to what is loaded, in the order the picker lists them. */
  options(loaded: Loaded): ReferenceOption[] {
    const m = this.memo;
    if (m && m.loaded.current === loaded.current && m.loaded.modified === loaded.modified && m.loaded.original === loaded.original) return m.options;
    const options = this.list(loaded);
    this.memo = { loaded: { ...loaded }, options };
    return options;
  }

  private list(loaded: Loaded): ReferenceOption[] {
    const { current, modified, original } = loaded;
    if (!current) return [];
    const out: ReferenceOption[] = [];
    if (modified && original) out.push({ key: 'original', scenario: original, label: () => t('cmp.ref.original'), short: () => t('cmp.short.original') });
    if (current.interventions.length > 0) {
      out.push({ key: 'without', scenario: memoWithout(current), label: () => t('cmp.ref.without'), short: () => t('cmp.short.without') });
    }
    for (const entry of this.library) {
      if (entry.scenario === current || comparisonMismatch(entry.scenario, current)) continue;
      const title = entry.scenario.title;
      out.push({ key: `file:${entry.file}`, scenario: onSeed(entry.scenario, current.seed), label: () => bi(title), short: () => bi(title) });
    }
    return out;
  }

  /** The reference in force: the chosen one if it still applies, else the automatic one. */
  resolve(loaded: Loaded): ReferenceOption | null {
    const options = this.options(loaded);
    const find = (key: ReferenceKey) => options.find((o) => o.key === key) ?? null;
    if (this.key !== 'auto') {
      const chosen = find(this.key);
      if (chosen) return chosen;
    }
    return find('original') ?? find('without');
  }

}

/**
 * The names of the loaded scenario and of its reference, in the language shown: "after your
 * change" against "before your change", or "this scenario" against "without its interventions" or
 * a library scenario's title; `short` ("after", "before", "no interventions") for a difference.
 */
export function namesOf(ref: ReferenceOption, short = false): { alt: string; ref: string } {
  const edited = ref.key === 'original';
  return {
    alt: t(edited ? (short ? 'cmp.short.modified' : 'cmp.alt.modified') : 'cmp.alt.scenario'),
    ref: short ? ref.short() : ref.label(),
  };
}
