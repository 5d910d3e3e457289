import type { IndicatorName } from '../../model';

/** What the user is looking at; the run's data itself lives in SimClient. */
export interface ViewState {
  /** Year index shown (0 = start year), at most the latest recorded year. */
  yearIndex: number;
  /** Selected county index, or null for the whole region. */
  selected: number | null;
  /** Indicator that colours the map. */
  mapIndicator: IndicatorName;
  playing: boolean;
  /** Years per second while playing; Infinity = as fast as the engine goes. */
  speed: number;
  /** A long job (rerun, export) is running. */
  busy: boolean;
}

type Listener = (state: ViewState, changed: ReadonlySet<keyof ViewState>) => void;

/** A minimal observable store: set() merges a patch and tells listeners which keys changed. */
export class Store {
  private current: ViewState;
  private readonly listeners = new Set<Listener>();

  constructor(initial: ViewState) {
    this.current = initial;
  }

  get state(): Readonly<ViewState> {
    return this.current;
  }

  set(patch: Partial<ViewState>): void {
    const changed = new Set<keyof ViewState>();
    for (const k of Object.keys(patch) as (keyof ViewState)[]) {
      if (this.current[k] !== patch[k]) changed.add(k);
    }
    if (changed.size === 0) return;
    this.current = { ...this.current, ...patch };
    for (const l of this.listeners) l(this.current, changed);
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}
