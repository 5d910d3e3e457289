/**
 * The research view (研究): an ensemble of the loaded scenario (its band then shows on the
 * county trajectories), and a sweep form (grid, Latin hypercube or Morris sensitivity) over model
 * parameters and lever parameters, whose results are the tidy table of `npm run sweep`, a chart
 * of the outcome against the varied values, or the Morris ranking. Everything is computed by
 * src/analysis (shared with the command line); this file only builds the form and shows results.
 */
import {
  bindSweep, type BoundSweep, ensembleBands, inlineScenario, runOutcome, sweepHeader, sweepMorris, sweepRows, sweepTask, validateSweep,
  formatFactorValue,
} from '../../analysis';
import { formatNumber, INDICATORS, type IndicatorName, type Json, LEVER_BY_NAME, PARAM_BY_KEY, PARAMS, regionCounties, type RunResult, type Scenario } from '../../model';
import { createMorrisChart, createSweepChart } from '../charts/sweepCharts';
import type { AppContext } from '../context';
import { el } from '../dom/el';
import { downloadText, slug } from '../export/download';
import { sweepProvenance } from '../export/runExport';
import { fmtIndicator, fmtNumber, fmtPercent, fmtYear } from '../i18n/format';
import { bi, onLangChange, t } from '../i18n/i18n';
import { exportButtons } from '../panels/exportButtons';
import { ensembleJobs, sweepJobs } from './jobs';
import { createPoolControls } from './poolControls';
import { poolSize } from './runPool';
import { research } from './state';
import { indicatorLabel, unitName } from '../i18n/labels';

/** One varied value in the form. */
interface FactorRow {
  /** `param` key or `lever` index + parameter. */
  target: { kind: 'param'; key: string } | { kind: 'lever'; index: number; param: string };
  min: HTMLInputElement;
  max: HTMLInputElement;
  row: HTMLElement;
}

interface SweepOutcome {
  b: BoundSweep;
  /** The sweep as a file for `npm run sweep` (scenario inline), stored in exported figures. */
  file: Record<string, unknown>;
  results: RunResult[];
  outcomes: number[];
}

export interface ResearchView {
  root: HTMLElement;
  render(): void;
  cancel(): void;
}

const MAX_TABLE_ROWS = 300;

export function createResearchView(ctx: AppContext): ResearchView {
  // ---- ensemble -------------------------------------------------------------------------------
  const ensTitle = el('h3', { class: 'research-subtitle' });
  const ensHint = el('p', { class: 'research-note' });
  const ensRunsLabel = el('label', { for: 'ens-runs', class: 'inline-label' });
  const ensRuns = el('input', { id: 'ens-runs', type: 'number', min: 2, max: 1000, step: 1, value: 20, class: 'num-input' });
  const ensWorkersLabel = el('label', { for: 'ens-workers', class: 'inline-label' });
  const ensWorkers = el('select', { id: 'ens-workers', class: 'select' });
  const ensBtn = el('button', { type: 'button', class: 'btn btn-primary', id: 'ens-run' });
  const ensControls = createPoolControls('ens', { pausable: true, onRunningChange: (r) => (ensBtn.disabled = r) });
  const ensSection = el('section', { class: 'research-block', id: 'ensemble-block' }, ensTitle, ensHint,
    el('div', { class: 'form-row' }, ensRunsLabel, ensRuns, ensWorkersLabel, ensWorkers, ensBtn), ensControls.root);

  ensBtn.addEventListener('click', async () => {
    const s = ctx.sim.scenario;
    if (!s) return;
    const n = Math.max(2, Math.min(1000, Math.round(Number(ensRuns.value) || 20)));
    ensRuns.value = String(n);
    const w = Number(ensWorkers.value) || undefined;
    const out = await ensControls.run(ensembleJobs(s, n), w);
    if (!out || ctx.sim.scenario !== s) return;
    research.ensemble = { scenario: s, results: out.results, bands: ensembleBands(out.results), workers: out.workers, ms: out.ms, busyMs: out.busyMs };
    research.changed();
  });

  // ---- sweep form -----------------------------------------------------------------------------
  const swTitle = el('h3', { class: 'research-subtitle' });
  const swHint = el('p', { class: 'research-note' });
  const factorsLabel = el('span', { class: 'field-label' });
  const factorList = el('div', { class: 'factor-list', id: 'sweep-factors' });
  const paramPick = el('select', { id: 'sweep-param', class: 'select' });
  const paramPickLabel = el('label', { for: 'sweep-param', class: 'visually-hidden' });
  const addParam = el('button', { type: 'button', class: 'btn btn-small', id: 'sweep-add-param' });
  const leverPick = el('select', { id: 'sweep-lever', class: 'select' });
  const leverPickLabel = el('label', { for: 'sweep-lever', class: 'visually-hidden' });
  const addLever = el('button', { type: 'button', class: 'btn btn-small', id: 'sweep-add-lever' });
  const design = el('select', { id: 'sweep-design', class: 'select' });
  const designLabel = el('label', { for: 'sweep-design', class: 'inline-label' });
  const points = el('input', { id: 'sweep-points', type: 'number', min: 1, max: 1000, step: 1, value: 5, class: 'num-input' });
  const pointsLabel = el('label', { for: 'sweep-points', class: 'inline-label' });
  const reps = el('input', { id: 'sweep-reps', type: 'number', min: 1, max: 1000, step: 1, value: 2, class: 'num-input' });
  const repsLabel = el('label', { for: 'sweep-reps', class: 'inline-label' });
  const outcome = el('select', { id: 'sweep-outcome', class: 'select' });
  const outcomeLabel = el('label', { for: 'sweep-outcome', class: 'inline-label' });
  const unit = el('select', { id: 'sweep-unit', class: 'select' });
  const unitLabel = el('label', { for: 'sweep-unit', class: 'inline-label' });
  const year = el('select', { id: 'sweep-year', class: 'select' });
  const yearLabel = el('label', { for: 'sweep-year', class: 'inline-label' });
  const swBtn = el('button', { type: 'button', class: 'btn btn-primary', id: 'sweep-run' });
  const swControls = createPoolControls('sweep', { pausable: true, onRunningChange: (r) => (swBtn.disabled = r) });
  const swSection = el('section', { class: 'research-block', id: 'sweep-block' }, swTitle, swHint,
    factorsLabel, factorList,
    el('div', { class: 'form-row' }, paramPickLabel, paramPick, addParam),
    el('div', { class: 'form-row' }, leverPickLabel, leverPick, addLever),
    el('div', { class: 'form-grid' }, designLabel, design, pointsLabel, points, repsLabel, reps, outcomeLabel, outcome, unitLabel, unit, yearLabel, year),
    el('div', { class: 'form-row' }, swBtn), swControls.root);

  // ---- results --------------------------------------------------------------------------------
  const resTitle = el('h3', { class: 'research-subtitle', id: 'sweep-result-title' });
  const resNote = el('p', { class: 'research-note', id: 'sweep-result-note' });
  const chartBox = el('div', { class: 'sweep-chart-box', id: 'sweep-chart' });
  const morrisBox = el('div', { class: 'sweep-chart-box', id: 'morris-chart' });
  const sweepChart = createSweepChart(chartBox);
  const morrisChart = createMorrisChart(morrisBox);
  const tableTitle = el('h3', { class: 'research-subtitle' });
  const csvBtn = el('button', { type: 'button', class: 'btn btn-small', id: 'sweep-csv' });
  const tableNote = el('p', { class: 'research-note', id: 'sweep-table-note' });
  const tableBox = el('div', { class: 'sweep-table-box', id: 'sweep-table' });
  // the visible chart (sweep or Morris) exports with the sweep file inside
  const sweepExport = exportButtons({
    svg: () => (last?.b.design.kind === 'morris' ? morrisChart.svg : sweepChart.svg),
    name: () => resTitle.textContent ?? '',
    caption: () => resTitle.textContent ?? '',
    fileName: () => `${slug(last?.b.scenario.id ?? 'run')}-${last?.b.design.kind === 'morris' ? 'morris' : 'sweep'}`,
    provenance: () => (last ? sweepProvenance(last.file, last.b.scenario.id, last.b.seed, last.b.runs) : undefined),
  });
  const results = el('section', { class: 'research-block research-results', id: 'sweep-results', hidden: true },
    el('div', { class: 'form-row results-head' }, resTitle, sweepExport), resNote, chartBox, morrisBox, el('div', { class: 'form-row' }, tableTitle, csvBtn), tableNote, tableBox);

  const left = el('div', { class: 'research-col research-form' }, ensSection, swSection);
  // until a sweep has run, the results column says what will appear there
  const resultsHint = el('p', { class: 'research-empty', id: 'sweep-empty' });
  const right = el('div', { class: 'research-col' }, resultsHint, results);
  const heading = el('h2', { class: 'panel-title', id: 'research-title' });
  const root = el('section', { class: 'research-view', id: 'research-view', 'aria-labelledby': 'research-title' },
    el('header', { class: 'panel-head' }, el('div', { class: 'panel-heading' }, heading)),
    el('div', { class: 'research-body' }, left, right));

  const factors: FactorRow[] = [];
  let last: SweepOutcome | null = null;

  const factorLabel = (target: FactorRow['target'], scenario: Scenario | null): string => {
    if (target.kind === 'param') return bi(PARAM_BY_KEY.get(target.key)?.label) || target.key;
    const iv = scenario?.interventions[target.index];
    const lever = iv ? LEVER_BY_NAME.get(iv.lever) : undefined;
    const p = lever?.params.find((q) => q.name === target.param);
    return t('res.leverParam', { i: target.index + 1, lever: bi(lever?.label), param: bi(p?.label) || target.param });
  };
  const factorName = (target: FactorRow['target']) => (target.kind === 'param' ? target.key : `interventions[${target.index}].${target.param}`);

  function addFactor(target: FactorRow['target'], lo: number, hi: number, step: number | 'any'): void {
    if (factors.some((f) => factorName(f.target) === factorName(target))) return;
    const id = `factor-${factors.length}-${Date.now() % 100000}`;
    const min = el('input', { type: 'number', class: 'num-input', value: lo, step, id: `${id}-min`, 'data-role': 'min' });
    const max = el('input', { type: 'number', class: 'num-input', value: hi, step, id: `${id}-max`, 'data-role': 'max' });
    const name = el('span', { class: 'factor-name' });
    const minLabel = el('label', { for: `${id}-min`, class: 'inline-label' });
    const maxLabel = el('label', { for: `${id}-max`, class: 'inline-label' });
    const remove = el('button', { type: 'button', class: 'btn btn-small', 'data-role': 'remove' });
    const row = el('div', { class: 'factor', 'data-factor': factorName(target) }, name, minLabel, min, maxLabel, max, remove);
    const f: FactorRow = { target, min, max, row };
    const labelRow = () => {
      name.textContent = factorLabel(target, ctx.sim.scenario);
      minLabel.textContent = t('res.min');
      maxLabel.textContent = t('res.max');
      remove.textContent = t('res.remove');
    };
    labelRow();
    (row as HTMLElement & { relabel?: () => void }).relabel = labelRow;
    remove.addEventListener('click', () => {
      factors.splice(factors.indexOf(f), 1);
      row.remove();
    });
    factors.push(f);
    factorList.append(row);
  }

  /** Adds the model parameter selected in the picker as a factor over its whole range. */
  function addPickedParam(): void {
    const spec = PARAM_BY_KEY.get(paramPick.value);
    if (spec) addFactor({ kind: 'param', key: spec.key }, spec.min, spec.max, spec.integer ? 1 : 'any');
  }
  addParam.addEventListener('click', addPickedParam);
  addLever.addEventListener('click', () => {
    const [i, param] = leverPick.value.split(':');
    const iv = ctx.sim.scenario?.interventions[Number(i)];
    const p = iv ? LEVER_BY_NAME.get(iv.lever)?.params.find((q) => q.name === param) : undefined;
    if (p && p.kind === 'number') addFactor({ kind: 'lever', index: Number(i), param }, p.min, p.max, 'any');
  });
  design.addEventListener('change', () => {
    pointsLabel.textContent = t(`res.points.${design.value as 'grid' | 'lhs' | 'morris'}`);
    if (design.value === 'morris' && Number(points.value) < 2) points.value = '4';
  });

  /** The sweep the form describes, checked by the same code as `npm run sweep`'s files. */
  function boundSweep(): { b: BoundSweep; file: Record<string, unknown> } {
    const s = ctx.sim.scenario;
    if (!s) throw new Error('no scenario loaded');
    if (factors.length === 0) throw new Error(t('res.noFactors'));
    const vary = factors.map((f) => ({
      ...(f.target.kind === 'param' ? { param: f.target.key } : { lever: { index: f.target.index, param: f.target.param } }),
      min: Number(f.min.value),
      max: Number(f.max.value),
    }));
    const y = year.value === 'end' || year.value === 'mean' ? year.value : Number(year.value);
    const file = {
      id: 'browser-sweep', scenario: JSON.parse(JSON.stringify(s)) as Json, vary, design: design.value,
      points: Math.round(Number(points.value)), repetitions: Math.round(Number(reps.value)),
      outcome: { indicator: outcome.value, unit: unit.value, year: y },
    };
    const spec = validateSweep(file as unknown as Json, 'form');
    const scenario = inlineScenario(spec, 'form');
    return { b: bindSweep(spec, scenario, 'form'), file };
  }

  swBtn.addEventListener('click', async () => {
    // Nothing added yet: the parameter showing in the picker is what the user means to vary
    // (as Play applies a lever left open in the policy editor).
    if (factors.length === 0) addPickedParam();
    let b: BoundSweep;
    let file: Record<string, unknown>;
    try {
      ({ b, file } = boundSweep());
    } catch (e) {
      swControls.say(t('res.failed', { message: e instanceof Error ? e.message : String(e) }));
      return;
    }
    const out = await swControls.run(sweepJobs(b));
    if (!out) return;
    last = { b, file, results: out.results, outcomes: out.results.map((r) => runOutcome(b, r)) };
    swControls.say(t('res.sweepDone', { runs: b.runs, points: b.design.points.length, reps: b.repetitions, workers: out.workers, s: fmtNumber(out.ms / 1000, 1) }));
    renderResults();
  });

  csvBtn.addEventListener('click', () => {
    if (!last) return;
    const { b, results: rs } = last;
    const body = rs.map((r, i) => sweepRows(b, sweepTask(b, i), r)).join('');
    downloadText(`${slug(b.scenario.id)}-sweep.csv`, `${sweepHeader(b)}\n${body}`, 'text/csv');
  });

  function renderResults(): void {
    results.hidden = !last;
    resultsHint.hidden = Boolean(last);
    if (!last) return;
    const { b, results: rs, outcomes } = last;
    const ind = b.outcome.indicator;
    const indLabel = indicatorLabel(ind);
    const ids = regionCounties(b.scenario.region);
    const place = unitName(ids, b.outcome.unitIndex);
    const when = b.outcome.year === 'end' ? fmtYear(b.scenario.startYear + b.scenario.years) : b.outcome.year === 'mean' ? t('res.year.mean') : fmtYear(b.outcome.year);
    const outcomeText = `${indLabel} · ${place} · ${when}`;
    const names = b.factors.map((f) => factorLabel(f.target.kind === 'param' ? { kind: 'param', key: f.target.key } : { kind: 'lever', index: f.target.index, param: f.target.param }, b.scenario));
    const morris = b.design.kind === 'morris';
    chartBox.hidden = morris;
    morrisBox.hidden = !morris;
    results.setAttribute('data-design', b.design.kind);
    if (morris) {
      const effects = sweepMorris(b, outcomes);
      resTitle.textContent = t('res.sensitivity', { outcome: outcomeText });
      resNote.textContent = `${t('res.muStar')}; ${t('res.sigma')}`;
      const byName = new Map(b.factors.map((f, j) => [f.name, names[j]]));
      morrisChart.render({ effects, label: (f) => byName.get(f) ?? f, format: (v) => fmtIndicator(ind, v), axisLabel: `μ* · ${indLabel}` });
    } else {
      resTitle.textContent = t('res.chart', { outcome: outcomeText });
      resNote.textContent = t('res.chartNote');
      // axis ticks of a share one decimal finer than the indicator's usual format, so close ticks differ
      const share = INDICATORS.find((i) => i.name === ind)!.unit.startsWith('share');
      sweepChart.render({ factors: names, points: b.design.points, outcomes, repetitions: b.repetitions, outcomeLabel: outcomeText, format: (v) => (share ? fmtPercent(v, 1) : fmtIndicator(ind, v)) });
    }
    // the tidy table: the outcome's indicator and unit, every run and year
    const header = sweepHeader(b).split(',');
    const k = rs[0].meta.indicators.length;
    const units = rs[0].meta.counties.length + 1;
    const ii = rs[0].meta.indicators.indexOf(ind);
    const unitId = b.outcome.unitIndex === ids.length ? 'region' : ids[b.outcome.unitIndex].id;
    const total = rs.length * (b.scenario.years + 1);
    const rows: HTMLTableRowElement[] = [];
    for (let r = 0; r < rs.length && rows.length < MAX_TABLE_ROWS; r++) {
      const task = sweepTask(b, r);
      const fv = b.design.points[task.point - 1].map(formatFactorValue);
      for (let y = 0; y <= b.scenario.years && rows.length < MAX_TABLE_ROWS; y++) {
        const v = rs[r].values[(y * units + b.outcome.unitIndex) * k + ii];
        rows.push(el('tr', {}, ...[String(task.point), String(task.run), String(b.scenario.startYear + y), unitId, ind, formatNumber(v), ...fv].map((c) => el('td', { text: c }))));
      }
    }
    tableBox.replaceChildren(el('table', { class: 'tidy-table' },
      el('thead', {}, el('tr', {}, ...header.map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, ...rows)));
    tableNote.textContent = t('res.tableNote', { shown: rows.length, total, indicator: ind, unit: unitId });
  }

  function fillSelects(): void {
    const s = ctx.sim.scenario;
    const keepParam = paramPick.value;
    paramPick.replaceChildren(...PARAMS.map((p) => el('option', { value: p.key, text: `${bi(p.label)} · ${p.key}` })));
    if (keepParam) paramPick.value = keepParam;
    const leverOptions: HTMLOptionElement[] = [];
    s?.interventions.forEach((iv, i) => {
      const lever = LEVER_BY_NAME.get(iv.lever);
      for (const p of lever?.params ?? []) {
        if (p.kind === 'number') leverOptions.push(el('option', { value: `${i}:${p.name}`, text: factorLabel({ kind: 'lever', index: i, param: p.name }, s) }));
      }
    });
    leverPick.replaceChildren(...(leverOptions.length ? leverOptions : [el('option', { value: '', text: t('res.noLevers') })]));
    leverPick.disabled = leverOptions.length === 0;
    addLever.disabled = leverOptions.length === 0;
    const keepDesign = design.value || 'grid';
    design.replaceChildren(...(['grid', 'lhs', 'morris'] as const).map((d) => el('option', { value: d, text: t(`res.design.${d}`) })));
    design.value = keepDesign;
    const keepOutcome = (outcome.value || 'povertyRate') as IndicatorName;
    outcome.replaceChildren(...INDICATORS.map((i) => el('option', { value: i.name, text: bi(i.label) })));
    outcome.value = keepOutcome;
    const keepUnit = unit.value || 'region';
    const counties = s ? regionCounties(s.region) : [];
    unit.replaceChildren(el('option', { value: 'region', text: t('region') }), ...counties.map((c) => el('option', { value: c.id, text: bi(c.name) })));
    unit.value = counties.some((c) => c.id === keepUnit) ? keepUnit : 'region';
    const keepYear = year.value || 'end';
    const yearOptions = [el('option', { value: 'end', text: t('res.year.end') }), el('option', { value: 'mean', text: t('res.year.mean') })];
    if (s) for (let y = s.startYear; y <= s.startYear + s.years; y++) yearOptions.push(el('option', { value: String(y), text: fmtYear(y) }));
    year.replaceChildren(...yearOptions);
    year.value = [...year.options].some((o) => o.value === keepYear) ? keepYear : 'end';
    const keepWorkers = ensWorkers.value;
    const cores = poolSize(Number.MAX_SAFE_INTEGER);
    ensWorkers.replaceChildren(el('option', { value: '', text: t('res.workersAll', { n: cores }) }),
      ...Array.from({ length: Math.max(1, navigator.hardwareConcurrency || 1) }, (_, i) => el('option', { value: String(i + 1), text: String(i + 1) })));
    ensWorkers.value = keepWorkers;
  }

  function labels(): void {
    heading.textContent = t('view.research');
    resultsHint.textContent = t('research.resultsHint');
    ensTitle.textContent = t('res.ensemble');
    ensHint.textContent = t('res.ensembleHint');
    ensRunsLabel.textContent = t('res.runs');
    ensWorkersLabel.textContent = t('res.workers');
    ensBtn.textContent = t('res.runEnsemble');
    swTitle.textContent = t('res.sweep');
    swHint.textContent = t('res.sweepHint');
    factorsLabel.textContent = t('res.factors');
    paramPickLabel.textContent = t('res.addParam');
    leverPickLabel.textContent = t('res.addLever');
    addParam.textContent = t('res.addParam');
    addLever.textContent = t('res.addLever');
    designLabel.textContent = t('res.design');
    pointsLabel.textContent = t(`res.points.${(design.value || 'grid') as 'grid' | 'lhs' | 'morris'}`);
    repsLabel.textContent = t('res.repetitions');
    outcomeLabel.textContent = t('res.outcome');
    unitLabel.textContent = t('res.unit');
    yearLabel.textContent = t('res.year');
    swBtn.textContent = t('res.runSweep');
    tableTitle.textContent = t('res.table');
    csvBtn.textContent = t('res.csv');
    fillSelects();
    for (const f of factors) (f.row as HTMLElement & { relabel?: () => void }).relabel?.();
    if (!root.hidden) renderResults();
  }
  labels();
  onLangChange(labels);
  new ResizeObserver(() => {
    if (!root.hidden) renderResults();
  }).observe(right);

  let lastScenario: Scenario | null = null;
  function render(): void {
    if (root.hidden) return;
    if (ctx.sim.scenario !== lastScenario) {
      lastScenario = ctx.sim.scenario;
      // lever rows refer to interventions by index: drop those the new scenario has no longer
      const s = ctx.sim.scenario;
      const gone = (f: FactorRow) => f.target.kind === 'lever' && !(LEVER_BY_NAME.get(s?.interventions[f.target.index]?.lever ?? '')?.params
        .some((q) => f.target.kind === 'lever' && q.name === f.target.param && q.kind === 'number'));
      for (const f of factors.filter(gone)) {
        factors.splice(factors.indexOf(f), 1);
        f.row.remove();
      }
      fillSelects();
    }
    renderResults();
  }

  return {
    root,
    render,
    cancel: () => {
      ensControls.cancel();
      swControls.cancel();
    },
  };
}
