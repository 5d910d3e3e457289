import { INDICATOR_INDEX, INDICATORS, type IndicatorName, type RunMeta, type Scenario } from '../../model';
import { type RunData, scenarioKey } from '../../lesson';
import { SimClient } from '../worker/simClient';

/** A copy of a run's indicator values (what the checks and the lesson chart read). */
export class RunSnapshot implements RunData {
  constructor(
    readonly meta: RunMeta,
    private readonly values: Float64Array,
    readonly yearsRecorded: number,
  ) {}

  static of(sim: SimClient): RunSnapshot {
    return new RunSnapshot(sim.meta!, sim.values.slice(), sim.yearsRecorded);
  }

  get startYear(): number {
    return this.meta.startYear;
  }

  get counties(): RunMeta['counties'] {
    return this.meta.counties;
  }

  value(yearIndex: number, unit: number, indicator: IndicatorName): number {
    if (yearIndex < 0 || yearIndex >= this.yearsRecorded) return NaN;
    return this.values[(yearIndex * (this.meta.counties.length + 1) + unit) * INDICATORS.length + INDICATOR_INDEX[indicator]];
  }
}

/** A live run as RunData, cut at year index `upTo` (the year the class has seen). */
export function liveRun(sim: SimClient, upTo = Infinity): RunData {
  const meta = sim.meta!;
  return {
    startYear: meta.startYear,
    counties: meta.counties,
    value: (y, u, name) => (y > upTo ? NaN : sim.value(y, u, name)),
  };
}

/**
 * Finished runs by scenario, for the debrief: kept from the presenter's runs as the lesson is
 * played, computed (in a worker of its own) for the steps that were not.
 */
export class RunStore {
  private readonly snapshots = new Map<string, RunSnapshot>();
  private worker: SimClient | null = null;

  /** A run of `scenario` reaching calendar year `year`, if one is kept. */
  get(scenario: Scenario, year: number): RunSnapshot | null {
    const s = this.snapshots.get(scenarioKey(scenario));
    return s && s.startYear + s.yearsRecorded - 1 >= year ? s : null;
  }

  /** Keeps a copy of a run (the longer one wins). */
  keep(scenario: Scenario, sim: SimClient): void {
    if (!sim.meta || !sim.scenario || scenarioKey(sim.scenario) !== scenarioKey(scenario)) return;
    const key = scenarioKey(scenario);
    const old = this.snapshots.get(key);
    if (!old || old.yearsRecorded < sim.yearsRecorded) this.snapshots.set(key, RunSnapshot.of(sim));
  }

  /** The run of `scenario` to `year`, computing it if needed. */
  async ensure(scenario: Scenario, year: number): Promise<RunSnapshot> {
    const hit = this.get(scenario, year);
    if (hit) return hit;
    this.worker ??= new SimClient();
    const sim = this.worker;
    if (!sim.scenario || scenarioKey(sim.scenario) !== scenarioKey(scenario)) await sim.load(scenario);
    await sim.runTo(year - scenario.startYear);
    this.keep(scenario, sim);
    return this.get(scenario, year)!;
  }
}
