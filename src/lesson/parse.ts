import {
  type Bilingual, INDICATOR_NAMES, type IndicatorName, type Intervention, isObject, type Json, JsonChecker, LEVER_BY_NAME, own, parseJsonText,
  regionCounties, type Scenario, SCENARIO_LIMITS, ScenarioError, TERRAINS, validateScenario,
} from '../model';
import { INPUT_LIMITS, MAX_TEXT_LENGTH } from '../model/scenario/limits';
import {
  type Lesson, LESSON_AXES, LESSON_FORMAT, LESSON_OPS, type LessonAxis, LESSON_STATS, LESSON_VIEWS, type LessonCheck, type LessonMeasure, type LessonQuestion,
  type LessonStat, type LessonStep, type LessonView,
} from './types';

/** Finds a library scenario by id (the app's library, or scenarios/*.json read in Node). */
export type ScenarioLookup = (id: string) => Scenario | undefined;

/** Bounds of a lesson file. */
export const LESSON_LIMITS = { maxSteps: 60, minChoices: 2, maxChoices: 6, maxChecks: 8, maxMinutes: 600, minSpeed: 0.25, maxSpeed: 30 } as const;

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** The shared JSON checks, plus what lessons need: enums, non-empty texts, nested scenarios. */
class Checker extends JsonChecker {
  /** `{zh, en}`; one language may be missing (the other stands in), both empty is an error if required. */
  override bilingual(v: Json, path: string, required: boolean): Bilingual {
    if (v === undefined) {
      if (required) this.fail(path, 'a text {"zh": ..., "en": ...} (required)');
      return { zh: '', en: '' };
    }
    const o = this.object(v, path, ['zh', 'en']);
    const zh = o.zh === undefined ? '' : this.string(o.zh, `${path}.zh`);
    const en = o.en === undefined ? '' : this.string(o.en, `${path}.en`);
    if (required && !zh.trim() && !en.trim()) this.fail(path, 'a text with a non-empty "zh" and/or "en"', v);
    return { zh: zh || en, en: en || zh };
  }

  oneOf<T extends string>(v: Json, path: string, options: readonly T[]): T {
    if (typeof v !== 'string' || !(options as readonly string[]).includes(v)) this.fail(path, `one of ${options.join(', ')}`, v);
    return v as T;
  }

  /** Runs a scenario validation and moves its error's JSON path under `prefix`. */
  scenario<T>(prefix: string, map: (path: string) => string, job: () => T): T {
    try {
      return job();
    } catch (e) {
      if (e instanceof ScenarioError) throw new ScenarioError(this.file, map(e.path).replace(/^\$/, prefix), e.expected, e.got);
      throw e;
    }
  }
}

const TOP_KEYS = ['$schema', 'format', 'id', 'title', 'summary', 'audience', 'minutes', 'scenario', 'seed', 'speed', 'steps'];
const STEP_KEYS = ['id', 'title', 'text', 'focus', 'apply', 'compare', 'runTo', 'question', 'check', 'reveal'];
const CHECK_KEYS = ['claim', 'indicator', 'unit', 'year', 'years', 'stat', 'op', 'value', 'against', 'relative'];

/**
 * Parses and validates a lesson file's text (see docs/teaching.md for the format). Errors are
 * ScenarioErrors naming the file, the JSON path and what was expected; scenario ids are looked
 * up with `lookup`.
 */
export function parseLesson(text: string, file: string, lookup: ScenarioLookup): Lesson {
  const data = parseJsonText(text, file, INPUT_LIMITS.maxLessonBytes);
  return validateLesson(data, file, lookup);
}

/** Validates an already-parsed lesson object and resolves every step's scenario (see parseLesson). */
export function validateLesson(data: Json, file: string, lookup: ScenarioLookup): Lesson {
  const ck: Checker = new Checker(file);
  const o = ck.object(data, '$', TOP_KEYS);
  const format = o.format === undefined ? LESSON_FORMAT : ck.number(o.format, '$.format', LESSON_FORMAT, LESSON_FORMAT, true, `${LESSON_FORMAT} (the only lesson format so far)`);
  if (!own(o, 'id')) ck.fail('$.id', 'a lesson id (letters, digits, - _ .)');
  const id = ck.string(o.id, '$.id', ID, 'an id of letters, digits, "-", "_" or "." (at most 64)');
  const title = ck.bilingual(o.title, '$.title', true);
  const summary = ck.bilingual(o.summary, '$.summary', false);
  const audience = ck.bilingual(o.audience, '$.audience', false);
  const minutes = o.minutes === undefined ? 30 : ck.number(o.minutes, '$.minutes', 1, LESSON_LIMITS.maxMinutes, true);
  const speed = o.speed === undefined ? 2 : ck.number(o.speed, '$.speed', LESSON_LIMITS.minSpeed, LESSON_LIMITS.maxSpeed, false, `years per second, from ${LESSON_LIMITS.minSpeed} to ${LESSON_LIMITS.maxSpeed}`);
  const seed = o.seed === undefined ? null : ck.number(o.seed, '$.seed', 0, SCENARIO_LIMITS.maxSeed, true);
  const withSeed = (s: Scenario): Scenario => (seed === null || s.seed === seed ? s : { ...s, seed });

  const resolve = (v: Json, path: string): Scenario => {
    if (typeof v === 'string') {
      const s = ID.test(v) ? lookup(v) : undefined;
      if (!s) ck.fail(path, 'the id of a scenario in the library (scenarios/*.json) or a scenario object', v);
      return withSeed(s);
    }
    if (!isObject(v)) ck.fail(path, 'a scenario id (e.g. "baseline") or a scenario object', v);
    return withSeed(ck.scenario(path, (p) => p, () => validateScenario(v, file)));
  };

  if (!own(o, 'scenario')) ck.fail('$.scenario', 'the scenario the lesson starts from: a library id such as "baseline", or a scenario object');
  const base = resolve(o.scenario, '$.scenario');
  if (!Array.isArray(o.steps) || o.steps.length === 0 || o.steps.length > LESSON_LIMITS.maxSteps) {
    ck.fail('$.steps', `an array of 1 to ${LESSON_LIMITS.maxSteps} steps`, o.steps);
  }

  const steps: LessonStep[] = [];
  const seen = new Set<string>();
  let current = base;
  let currentCompare: Scenario | null = null;
  let runTo = base.startYear;
  o.steps.forEach((sv: Json, i: number) => {
    const path = `$.steps[${i}]`;
    const s = ck.object(sv, path, STEP_KEYS);
    const stepId = s.id === undefined ? `step-${i + 1}` : ck.string(s.id, `${path}.id`, ID, 'a step id of letters, digits, "-", "_" or "."');
    if (seen.has(stepId)) ck.fail(`${path}.id`, 'a step id not used before in this lesson', stepId);
    seen.add(stepId);
    const stepTitle = ck.bilingual(s.title, `${path}.title`, true);
    const text = ck.bilingual(s.text, `${path}.text`, true);
    const reveal = ck.bilingual(s.reveal, `${path}.reveal`, false);

    // ---- the scenario: the previous step's, changed by `apply` ----
    const before = current;
    if (s.apply !== undefined) current = applyChange(ck, s.apply, `${path}.apply`, current, resolve, `${id}.${stepId}`.slice(0, 64));
    const restarts = i === 0 || !sameScenario(before, current);

    // ---- the comparison run ----
    let compare: Scenario | null;
    if (s.compare === undefined) compare = s.apply !== undefined ? before : restarts ? null : currentCompare;
    else if (s.compare === 'previous') compare = before;
    else if (s.compare === 'none') compare = null;
    else compare = resolve(s.compare, `${path}.compare`);
    if (compare && sameScenario(compare, current)) compare = null;
    if (compare && (compare.startYear !== current.startYear || regionKey(compare) !== regionKey(current))) {
      ck.fail(`${path}.compare`, 'a comparison scenario with the same start year and region as the step\'s scenario', compare.id);
    }
    currentCompare = compare;

    // ---- years ----
    const end = current.startYear + current.years;
    runTo = Math.max(current.startYear, Math.min(runTo, end));
    if (s.runTo !== undefined) {
      runTo = ck.number(s.runTo, `${path}.runTo`, current.startYear, end, true, `a year from ${current.startYear} to ${end} (the scenario's horizon)`);
    }
    const units = unitsOf(current);
    const measure = (mo: Record<string, Json>, mpath: string, allowRange: boolean, defaults?: LessonMeasure): LessonMeasure =>
      parseMeasure(ck, mo, mpath, units, current.startYear, runTo, allowRange, defaults);

    // ---- question ----
    let question: LessonQuestion | null = null;
    if (s.question !== undefined) question = parseQuestion(ck, s.question, `${path}.question`, measure);

    // ---- checks ----
    const checks: LessonCheck[] = [];
    if (s.check !== undefined) {
      const list = Array.isArray(s.check) ? s.check : [s.check];
      if (list.length === 0 || list.length > LESSON_LIMITS.maxChecks) ck.fail(`${path}.check`, `a check or an array of 1 to ${LESSON_LIMITS.maxChecks} checks`, s.check);
      list.forEach((cv: Json, j: number) => {
        const cpath = Array.isArray(s.check) ? `${path}.check[${j}]` : `${path}.check`;
        checks.push(parseCheck(ck, cv, cpath, measure, compare !== null));
      });
    }
    if (question?.answer !== null && question?.answer !== undefined && checks.length === 0) {
      ck.fail(`${path}.check`, 'a check that proves the answer (a step with "answer" must say how the run shows it)');
    }

    // ---- focus ----
    let focus: LessonStep['focus'];
    {
      const f = s.focus === undefined ? {} : ck.object(s.focus, `${path}.focus`, ['county', 'view', 'indicator', 'unit', 'axis']);
      const county = f.county === undefined ? null : ck.oneOf(f.county, `${path}.focus.county`, units.counties);
      const view = f.view === undefined ? null : ck.oneOf<LessonView>(f.view, `${path}.focus.view`, LESSON_VIEWS);
      const lead = question?.estimate ?? checks[0]?.measure ?? null;
      const indicator = f.indicator === undefined ? lead?.indicator ?? 'povertyRate' : ck.oneOf<IndicatorName>(f.indicator, `${path}.focus.indicator`, INDICATOR_NAMES);
      const unit = f.unit === undefined ? lead?.unit ?? county ?? 'region' : ck.oneOf(f.unit, `${path}.focus.unit`, units.all);
      const axis = f.axis === undefined ? 'zero' : ck.oneOf<LessonAxis>(f.axis, `${path}.focus.axis`, LESSON_AXES);
      focus = { county, view, indicator, unit, axis };
    }

    steps.push({ id: stepId, title: stepTitle, text, focus, scenario: current, compare, restarts, runTo, question, checks, reveal });
  });

  return { format, id, title, summary, audience, minutes, speed, steps };
}

/** The units a measure may name in a scenario: the region, its terrains, its counties. */
function unitsOf(s: Scenario): { all: string[]; counties: string[] } {
  const counties = regionCounties(s.region);
  const terrains = TERRAINS.filter((t) => counties.some((c) => c.terrain === t));
  const ids = counties.map((c) => c.id);
  return { all: ['region', ...terrains, ...ids], counties: ids };
}

function regionKey(s: Scenario): string {
  return JSON.stringify(s.region);
}

/** Same run: everything that changes the numbers is equal. */
export function sameScenario(a: Scenario, b: Scenario): boolean {
  return scenarioKey(a) === scenarioKey(b);
}

/** A key identifying a run (title and description left out: they do not change the numbers). */
export function scenarioKey(s: Scenario): string {
  return JSON.stringify([s.seed, s.startYear, s.years, s.scale, s.region, s.params, s.interventions]);
}

/** Title of the scenarios built only to check a step's changes (the real title is composed after). */
const PROBE_TITLE = { en: 'probe' };

function applyChange(
  ck: Checker, v: Json, path: string, current: Scenario, resolve: (v: Json, path: string) => Scenario, composedId: string,
): Scenario {
  const a = ck.object(v, path, ['scenario', 'interventions', 'params']);
  if (Object.keys(a).length === 0) ck.fail(path, 'at least one of "scenario", "interventions", "params"', v);
  let next = a.scenario === undefined ? current : resolve(a.scenario, `${path}.scenario`);
  if (a.interventions === undefined && a.params === undefined) return next;
  const added: Intervention[] = [];
  if (a.interventions !== undefined) {
    if (!Array.isArray(a.interventions) || a.interventions.length === 0) ck.fail(`${path}.interventions`, 'a non-empty array of interventions (as in a scenario file)', a.interventions);
    a.interventions.forEach((iv: Json, i: number) => {
      const probe = { id: 'probe', title: PROBE_TITLE, startYear: next.startYear, years: next.years, scale: next.scale, region: next.region, interventions: [iv] };
      const checked = ck.scenario(`${path}.interventions[${i}]`, (p) => p.replace(/^\$\.interventions\[0\]/, '$'), () => validateScenario(probe, ck.file));
      added.push(checked.interventions[0]);
    });
  }
  let params = next.params;
  if (a.params !== undefined) {
    const checked = ck.scenario(`${path}.params`, (p) => p.replace(/^\$\.params/, '$'), () => validateScenario({ id: 'probe', title: PROBE_TITLE, params: a.params }, ck.file));
    params = { ...next.params, ...checked.params };
  }
  if (next.interventions.length + added.length > SCENARIO_LIMITS.maxInterventions) {
    ck.fail(`${path}.interventions`, `at most ${SCENARIO_LIMITS.maxInterventions} interventions in a step's scenario, counting those added by earlier steps (limit)`, `${next.interventions.length + added.length}`);
  }
  const levers = added.map((iv) => LEVER_BY_NAME.get(iv.lever)!.label);
  // the composed title grows by a lever name per step: cut it to the text limit
  const join = (k: 'zh' | 'en', sep: string) => {
    const text = [next.title[k], ...levers.map((l) => l[k])].join(sep);
    return text.length > MAX_TEXT_LENGTH ? `${text.slice(0, MAX_TEXT_LENGTH - 1)}…` : text;
  };
  next = {
    ...next,
    id: composedId,
    title: levers.length ? { zh: join('zh', ' + '), en: join('en', ' + ') } : next.title,
    params,
    interventions: [...next.interventions, ...added],
  };
  return next;
}

function parseMeasure(
  ck: Checker, o: Record<string, Json>, path: string, units: { all: string[] }, startYear: number, runTo: number,
  allowRange: boolean, defaults?: LessonMeasure,
): LessonMeasure {
  const indicator = o.indicator === undefined && defaults ? defaults.indicator : ck.oneOf<IndicatorName>(o.indicator, `${path}.indicator`, INDICATOR_NAMES);
  const unit = o.unit === undefined && defaults ? defaults.unit : ck.oneOf(o.unit, `${path}.unit`, units.all);
  const yearWhat = `a year from ${startYear} to ${runTo} (a claim can only be about years the step has run to: its runTo)`;
  let from: number;
  let to: number;
  let stat: LessonStat;
  if (o.year !== undefined && o.years !== undefined) ck.fail(path, 'either "year" or "years", not both', o);
  if (o.year !== undefined) {
    from = to = ck.number(o.year, `${path}.year`, startYear, runTo, true, yearWhat);
    if (o.stat !== undefined) ck.fail(`${path}.stat`, 'no "stat" with a single "year" (use "years": [from, to])', o.stat);
    stat = 'last';
  } else if (o.years !== undefined) {
    if (!allowRange) ck.fail(`${path}.years`, 'a single "year" here', o.years);
    if (!Array.isArray(o.years) || o.years.length !== 2) ck.fail(`${path}.years`, 'a [first, last] pair of years', o.years);
    from = ck.number(o.years[0], `${path}.years[0]`, startYear, runTo, true, yearWhat);
    to = ck.number(o.years[1], `${path}.years[1]`, from, runTo, true, `a year from ${from} to ${runTo}`);
    stat = o.stat === undefined ? 'mean' : ck.oneOf<LessonStat>(o.stat, `${path}.stat`, LESSON_STATS);
  } else if (defaults) {
    ({ from, to, stat } = defaults);
    if (o.stat !== undefined) stat = ck.oneOf<LessonStat>(o.stat, `${path}.stat`, LESSON_STATS);
  } else {
    ck.fail(`${path}.year`, 'a "year" (or "years": [from, to])');
  }
  return { indicator, unit, from, to, stat };
}

function parseQuestion(
  ck: Checker, v: Json, path: string, measure: (o: Record<string, Json>, p: string, range: boolean) => LessonMeasure,
): LessonQuestion {
  const q = ck.object(v, path, ['prompt', 'choices', 'answer', 'estimate', 'free']);
  const prompt = ck.bilingual(q.prompt, `${path}.prompt`, true);
  const kinds = (['choices', 'estimate', 'free'] as const).filter((k) => q[k] !== undefined);
  if (kinds.length !== 1) ck.fail(path, 'exactly one of "choices" (a list), "estimate" (a number to guess) or "free": true (typed answers)', Object.keys(q));
  if (kinds[0] === 'choices') {
    const L = LESSON_LIMITS;
    if (!Array.isArray(q.choices) || q.choices.length < L.minChoices || q.choices.length > L.maxChoices) {
      ck.fail(`${path}.choices`, `an array of ${L.minChoices} to ${L.maxChoices} choices, each {"zh": ..., "en": ...}`, q.choices);
    }
    const choices = q.choices.map((c: Json, i: number) => ck.bilingual(c, `${path}.choices[${i}]`, true));
    const answer = q.answer === undefined ? null : ck.number(q.answer, `${path}.answer`, 0, choices.length - 1, true, `the index of a choice, from 0 to ${choices.length - 1}`);
    return { prompt, kind: 'choice', choices, answer, estimate: null };
  }
  if (q.answer !== undefined) ck.fail(`${path}.answer`, 'no "answer" except with "choices"', q.answer);
  if (kinds[0] === 'estimate') {
    const e = ck.object(q.estimate, `${path}.estimate`, ['indicator', 'unit', 'year']);
    return { prompt, kind: 'estimate', choices: [], answer: null, estimate: measure(e, `${path}.estimate`, false) };
  }
  if (q.free !== true) ck.fail(`${path}.free`, 'true', q.free);
  return { prompt, kind: 'free', choices: [], answer: null, estimate: null };
}

function parseCheck(
  ck: Checker, v: Json, path: string,
  measure: (o: Record<string, Json>, p: string, range: boolean, defaults?: LessonMeasure) => LessonMeasure, hasCompare: boolean,
): LessonCheck {
  const c = ck.object(v, path, CHECK_KEYS);
  const claim = ck.bilingual(c.claim, `${path}.claim`, false);
  const left = measure(c, path, true);
  if (c.op === undefined) ck.fail(`${path}.op`, `a comparison: one of ${LESSON_OPS.join(' ')}`);
  const op = ck.oneOf(c.op, `${path}.op`, LESSON_OPS);
  let against: LessonCheck['against'] = null;
  if (c.against !== undefined) {
    if (c.against === 'compare') {
      against = { run: 'compare', measure: left };
    } else {
      const a = ck.object(c.against, `${path}.against`, ['run', 'unit', 'year', 'years', 'stat']);
      const run = a.run === undefined ? 'this' : ck.oneOf(a.run, `${path}.against.run`, ['this', 'compare'] as const);
      const m = measure(a, `${path}.against`, true, left);
      against = { run, measure: m };
      if (run === 'this' && JSON.stringify(m) === JSON.stringify(left)) ck.fail(`${path}.against`, 'another unit, year or run than the claim\'s own (or "compare")', c.against);
    }
    if (against.run === 'compare' && !hasCompare) ck.fail(`${path}.against`, 'a comparison run on this step (set the step\'s "compare")', c.against);
  }
  let value: number;
  if (c.value === undefined) {
    if (!against) ck.fail(`${path}.value`, 'a number to compare with (or "against")');
    value = 0;
  } else {
    value = ck.number(c.value, `${path}.value`, -1e15, 1e15, false, 'a number');
  }
  const relative = c.relative === undefined ? false : c.relative === true ? true : c.relative === false ? false : ck.fail(`${path}.relative`, 'true or false', c.relative);
  if (relative && !against) ck.fail(`${path}.relative`, 'no "relative" without "against"', c.relative);
  return { claim, measure: left, op, value, against, relative };
}
