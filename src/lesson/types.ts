import type { Bilingual, IndicatorName, Scenario } from '../model';

/** Version of the lesson file format this code reads (the file's `format`, default 1). */
export const LESSON_FORMAT = 1;

/** App views a step can put beside its chart (the same charts as the main page). */
export const LESSON_VIEWS = ['loop', 'map', 'trajectories', 'distribution'] as const;
export type LessonView = (typeof LESSON_VIEWS)[number];

/**
 * How a measure over several years reduces to one number: the mean, the extremes, the sum, the
 * first or last year's value, the change from first to last (`last - first`) or the relative
 * change (`last / first - 1`).
 */
/** The chart's value axis: from zero (default), or fitted to the values (to show a small change). */
export const LESSON_AXES = ['zero', 'fit'] as const;
export type LessonAxis = (typeof LESSON_AXES)[number];

export const LESSON_STATS = ['mean', 'min', 'max', 'sum', 'first', 'last', 'change', 'pctChange'] as const;
export type LessonStat = (typeof LESSON_STATS)[number];

export const LESSON_OPS = ['<', '<=', '>', '>='] as const;
export type LessonOp = (typeof LESSON_OPS)[number];

/**
 * One number read from a run: an indicator in a unit over a span of years.
 * `unit` is `region`, a terrain (`mountain`, `hill`, `plain`: its counties pooled) or a county id.
 */
export interface LessonMeasure {
  indicator: IndicatorName;
  unit: string;
  /** First and last calendar year, inclusive; equal for a single year. */
  from: number;
  to: number;
  stat: LessonStat;
}

/**
 * A machine-checkable claim of a step. Without `against`: `measure op value`. With `against`:
 * `(measure - against) op value`, or `((measure - against) / |against|) op value` if `relative`.
 */
export interface LessonCheck {
  /** What the claim says in words (shown with the measured numbers); may be empty. */
  claim: Bilingual;
  measure: LessonMeasure;
  op: LessonOp;
  value: number;
  against: { run: 'this' | 'compare'; measure: LessonMeasure } | null;
  relative: boolean;
}

export type QuestionKind = 'choice' | 'estimate' | 'free';

/** The question put to the class before the run. */
export interface LessonQuestion {
  prompt: Bilingual;
  kind: QuestionKind;
  /** Choices for `choice` questions (2 to 6), otherwise empty. */
  choices: Bilingual[];
  /** Index of the choice the run bears out (proved by the step's checks), or null. */
  answer: number | null;
  /** What the class estimates, for `estimate` questions. */
  estimate: LessonMeasure | null;
}

/** A step as the presenter plays it, everything resolved. */
export interface LessonStep {
  id: string;
  title: Bilingual;
  text: Bilingual;
  /** What the step looks at: the county selected in the app views, the view, the charted measure. */
  focus: { county: string | null; view: LessonView | null; indicator: IndicatorName; unit: string; axis: LessonAxis };
  /** The scenario this step runs (the previous step's, changed by `apply`). */
  scenario: Scenario;
  /** The run drawn alongside for comparison, or null. */
  compare: Scenario | null;
  /** True when the step runs a different scenario than the step before (its run starts again). */
  restarts: boolean;
  /** Calendar year the step's run ends at. */
  runTo: number;
  question: LessonQuestion | null;
  checks: LessonCheck[];
  /** Explanation shown after the run. */
  reveal: Bilingual;
}

/** A lesson file, parsed and resolved. */
export interface Lesson {
  format: number;
  id: string;
  title: Bilingual;
  summary: Bilingual;
  audience: Bilingual;
  minutes: number;
  /** Years per second while a step's run plays. */
  speed: number;
  steps: LessonStep[];
}
