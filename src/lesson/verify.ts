import { type IndicatorName, type Scenario, Simulation } from '../model';
import { type CheckOutcome, evaluateCheck, type RunData } from './checks';
import { scenarioKey } from './parse';
import type { Lesson, LessonCheck, LessonStep } from './types';

/**
 * Runs scenarios with the engine, each once however many steps read it, only as far as asked.
 * Same scenario, same seed: the same numbers as the browser shows.
 */
export class RunCache {
  private readonly runs = new Map<string, Simulation>();

  /** The run of `scenario` simulated at least to calendar year `year`. */
  runTo(scenario: Scenario, year: number): RunData {
    const key = scenarioKey(scenario);
    let sim = this.runs.get(key);
    if (!sim) {
      sim = new Simulation(scenario);
      this.runs.set(key, sim);
    }
    while (!sim.done && sim.year < year) sim.step();
    const s = sim;
    return {
      startYear: s.meta.startYear,
      counties: s.meta.counties,
      value: (y: number, u: number, name: IndicatorName) => (y < 0 || y >= s.yearsRecorded ? NaN : s.value(y, u, name)),
    };
  }
}

export interface StepVerdict {
  index: number;
  step: LessonStep;
  outcomes: { check: LessonCheck; outcome: CheckOutcome }[];
}

/** Every step's checks evaluated on its run (to its runTo) and its comparison run. */
export function verifyLesson(lesson: Lesson, cache = new RunCache()): StepVerdict[] {
  return lesson.steps.map((step, index) => {
    if (step.checks.length === 0) return { index, step, outcomes: [] };
    const main = cache.runTo(step.scenario, step.runTo);
    const compare = step.compare ? cache.runTo(step.compare, step.runTo) : null;
    return { index, step, outcomes: step.checks.map((check) => ({ check, outcome: evaluateCheck(check, { main, compare }) })) };
  });
}
