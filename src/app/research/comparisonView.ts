/**
 * The comparison view: the loaded scenario (the alternative) against its reference (the
 * baseline: the scenario before the user's change, the same without its interventions, or a
 * library scenario with the same counties and years; research/reference.ts) on identical seeds,
 * side by side and as their difference, with cost-effectiveness. Until a comparison ensemble has
 * been run it shows the two live runs (run 1 of each, same seed) as single lines; after, the
 * median and 5-95% band of each and of the paired differences.
 */
import { bandSeries, compareEnsembles, costEffectiveness, type RatioSummary } from '../../analysis';
import type { Band } from '../../analysis/stats';
import { INDICATORS, type IndicatorName } from '../../model';
import { type BandPoint, type BandSeries, createBandChart } from '../charts/bandChart';
import { OKABE_ITO } from '../charts/palette';
import { type AppContext, viewUnit } from '../context';
import { el } from '../dom/el';
import { slug } from '../export/download';
import { comparisonProvenance } from '../export/runExport';
import { fmtCompact, fmtIndicator, fmtNumber, fmtYear } from '../i18n/format';
import { bi, onLangChange, t } from '../i18n/i18n';
import type { StringId } from '../i18n/strings';
import { exportButtons } from '../panels/exportButtons';
import { bandCells, bandTable } from './bandTable';
import { comparisonJobs } from './jobs';
import { createInteractionBox } from './interactionBox';
import { createPoolControls } from './poolControls';
import { namesOf, type ReferenceKey, type ReferenceOption } from './reference';
import { comparisonFor, research } from './state';
import { indicatorLabel, unitName } from '../i18n/labels';

const BASE_COLOUR = '#5f5f5f';
const ALT_COLOUR = OKABE_ITO.blue;
const DIFF_COLOUR = OKABE_ITO.vermillion;

export interface ComparisonView {
  root: HTMLElement;
  render(): void;
  cancel(): void;
}

/** The app's reference: what applies to the loaded scenario, what is in force, and the user's pick. */
export interface ReferenceSource {
  options(): ReferenceOption[];
  resolve(): ReferenceOption | null;
  choose(key: ReferenceKey): void;
}

/** "This scenario" at the head of a title (English sentence case; Chinese unchanged). */
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function createComparisonView(ctx: AppContext, reference: ReferenceSource): ComparisonView {
  const baseline = () => reference.resolve()?.scenario ?? null;
  const heading = el('h2', { class: 'panel-title', id: 'cmp-title' });
  const subtitle = el('span', { class: 'panel-subtitle', id: 'cmp-subtitle' });
  const referenceLabel = el('label', { for: 'cmp-reference', class: 'inline-label' });
  const referenceSelect = el('select', { id: 'cmp-reference', class: 'select' });
  referenceSelect.addEventListener('change', () => reference.choose(referenceSelect.value as ReferenceKey));
  const indicatorLabelEl = el('label', { for: 'cmp-indicator', class: 'inline-label' });
  const indicator = el('select', { id: 'cmp-indicator', class: 'select' });
  const runsLabel = el('label', { for: 'cmp-runs', class: 'inline-label' });
  const runs = el('input', { id: 'cmp-runs', type: 'number', min: 2, max: 1000, step: 1, value: 20, class: 'num-input' });
  const runBtn = el('button', { type: 'button', class: 'btn btn-primary', id: 'cmp-run' });
  const controls = createPoolControls('cmp', { pausable: false, onRunningChange: (r) => (runBtn.disabled = r) });
  const empty = el('p', { class: 'research-empty', id: 'cmp-empty' });
  const charts = el('div', { class: 'cmp-charts' });
  const kinds = ['baseline', 'alternative', 'difference'] as const;
  const boxes = kinds.map((k) => el('div', { class: 'cmp-chart', id: `cmp-${k}` }));
  const bandCharts = boxes.map((b, i) => createBandChart(b, ['cmp-base', 'cmp-alt', 'cmp-diff'][i]));
  const [baseChart, altChart, diffChart] = bandCharts;
  // each chart exports with both scenarios and the runs inside the file
  charts.append(...kinds.map((k, i) => el('div', { class: 'cmp-cell' }, exportButtons({
    svg: () => bandCharts[i].svg,
    name: () => chartTitles()[i],
    caption: () => '', // the chart draws its own title
    fileName: () => `${slug(ctx.sim.scenario?.id ?? 'run')}-comparison-${k}-${shown}`,
    provenance: provenanceNow,
  }), boxes[i])));

  /** Both scenarios and the runs of what the charts show (the ensemble, or the single runs). */
  function provenanceNow() {
    const base = baseline();
    const alt = ctx.sim.scenario;
    const meta = ctx.sim.meta;
    if (!base || !alt || !meta) return undefined;
    const rec = comparisonFor(base, alt);
    return comparisonProvenance(base, alt, meta.seed, rec ? rec.baselineResults.length : 1, names());
  }
  const ceTitle = el('h3', { class: 'research-subtitle' });
  const ceBody = el('div', { class: 'ce', id: 'cmp-ce' });
  // the interaction of the scenario's levers (软硬并补) beside the cost-effectiveness
  const interaction = createInteractionBox(ctx, { indicator: () => shown, runs: runsValue });
  const body = el('div', { class: 'cmp-body' }, charts, el('div', { class: 'cmp-lower' }, el('div', { class: 'ce-box' }, ceTitle, ceBody), interaction.root));
  const root = el('section', { class: 'research-view', id: 'comparison-view', 'aria-labelledby': 'cmp-title' },
    el('header', { class: 'panel-head' },
      el('div', { class: 'panel-heading' }, heading, subtitle),
      el('div', { class: 'panel-controls' }, referenceLabel, referenceSelect, indicatorLabelEl, indicator, runsLabel, runs, runBtn)),
    el('div', { class: 'cmp-run-row' }, controls.root),
    empty, body);

  let shown: IndicatorName = 'povertyRate';
  /** The runs asked for, clamped to 2..1000 and written back into the field. */
  function runsValue(): number {
    const n = Math.max(2, Math.min(1000, Math.round(Number(runs.value) || 20)));
    runs.value = String(n);
    return n;
  }
  indicator.addEventListener('change', () => {
    shown = indicator.value as IndicatorName;
    render();
  });

  runBtn.addEventListener('click', async () => {
    const base = baseline();
    const alt = ctx.sim.scenario;
    if (!base || !alt) return;
    const n = runsValue();
    const out = await controls.run(comparisonJobs(base, alt, n));
    if (!out) return;
    const baseResults = out.results.slice(0, n);
    const altResults = out.results.slice(n);
    const comparison = compareEnsembles(baseResults, altResults);
    research.comparison = {
      baseline: base, alternative: alt, baselineResults: baseResults, alternativeResults: altResults, comparison,
      costEffectiveness: costEffectiveness(baseResults, altResults), workers: out.workers, ms: out.ms,
    };
    // the alternative's runs are an ensemble of the loaded scenario: the trajectories get its band
    research.ensemble = { scenario: alt, results: altResults, bands: comparison.alternative, workers: out.workers, ms: out.ms, busyMs: out.busyMs };
    research.changed();
  });

  /** The two scenarios' names (namesOf), or placeholders while there is no reference. */
  function names(short = false): { alt: string; ref: string } {
    const ref = reference.resolve();
    return ref ? namesOf(ref, short) : { alt: t('cmp.alt.scenario'), ref: '–' };
  }

  /** Titles of the three charts (baseline, alternative, difference): long names, short in the difference. */
  function chartTitles(): [string, string, string] {
    const long = names();
    return [capital(t('cmp.baseline', long)), capital(long.alt), t('cmp.difference', names(true))];
  }

  /** The picker's options, rebuilt only when the references that apply change. */
  let optionKeys = '';
  function fillReferences(): void {
    const options = reference.options();
    const chosen = reference.resolve();
    const keys = `${options.map((o) => `${o.key}=${o.label()}`).join('|')}#${chosen?.key ?? ''}`;
    if (keys === optionKeys) return;
    optionKeys = keys;
    const own = options.filter((o) => !o.key.startsWith('file:'));
    const files = options.filter((o) => o.key.startsWith('file:'));
    const option = (o: ReferenceOption) => el('option', { value: o.key, text: o.label() });
    referenceSelect.replaceChildren(
      ...(chosen ? [] : [el('option', { value: 'auto', text: t('cmp.ref.choose') })]),
      ...own.map(option),
      ...(files.length ? [el('optgroup', { label: t('cmp.ref.library') }, ...files.map(option))] : []));
    referenceSelect.value = chosen?.key ?? 'auto';
    referenceSelect.disabled = options.length === 0;
  }

  function labels(): void {
    heading.textContent = t('cmp.title');
    referenceLabel.textContent = t('cmp.reference');
    referenceSelect.title = t('cmp.ref.hint');
    optionKeys = '';
    indicatorLabelEl.textContent = t('cmp.indicator');
    runsLabel.textContent = t('cmp.runs');
    runBtn.textContent = t('cmp.run');
    empty.textContent = t('cmp.none');
    indicator.replaceChildren(...INDICATORS.map((i) => el('option', { value: i.name, text: bi(i.label) })));
    indicator.value = shown;
  }
  labels();
  onLangChange(() => {
    labels();
    render();
  });

  function render(): void {
    if (root.hidden) return;
    fillReferences();
    const base = baseline();
    const meta = ctx.sim.meta;
    const ref = ctx.reference;
    const on = !!(base && meta);
    empty.hidden = on;
    body.hidden = !on;
    runBtn.disabled = !on || controls.running;
    root.setAttribute('data-mode', 'none');
    if (!on || !meta) {
      subtitle.textContent = '';
      return;
    }
    const unit = viewUnit(ctx);
    const place = unitName(meta.counties, unit);
    const fmt = (v: number) => fmtIndicator(shown, v);
    const fmtDiff = (v: number) => (v > 0 ? '+' : '') + fmt(v);
    const label = indicatorLabel(shown);
    const xDomain: [number, number] = [meta.startYear, meta.startYear + meta.years];
    const rec = comparisonFor(base, ctx.sim.scenario);
    let baseS: BandPoint[];
    let altS: BandPoint[];
    let diffS: BandPoint[];
    let note: string;
    if (rec) {
      const toPoints = (b: (Band & { year: number })[]) => b.map((p) => ({ year: p.year, median: p.median, lo: p.lo, hi: p.hi }));
      baseS = toPoints(bandSeries(rec.comparison.baseline, unit, shown));
      altS = toPoints(bandSeries(rec.comparison.alternative, unit, shown));
      diffS = toPoints(bandSeries(rec.comparison.difference, unit, shown));
      note = t('cmp.ensemble', { n: rec.baselineResults.length });
      root.setAttribute('data-mode', 'ensemble');
    } else {
      const years = Math.min(ctx.sim.yearsRecorded, ref?.meta && ref.counties === meta.counties.length ? ref.yearsRecorded : 0);
      altS = Array.from({ length: ctx.sim.yearsRecorded }, (_, y) => ({ year: meta.startYear + y, median: ctx.sim.value(y, unit, shown) }));
      baseS = ref ? Array.from({ length: years }, (_, y) => ({ year: meta.startYear + y, median: ref.value(y, unit, shown) })) : [];
      diffS = Array.from({ length: years }, (_, y) => ({ year: meta.startYear + y, median: ctx.sim.value(y, unit, shown) - ref!.value(y, unit, shown) }));
      note = t('cmp.single', { seed: meta.seed, year: fmtYear(meta.startYear + ctx.sim.frontier) });
      root.setAttribute('data-mode', 'single');
    }
    subtitle.textContent = `${place} · ${note}`;
    const vals = [...baseS, ...altS].flatMap((p) => [p.median, p.lo ?? p.median, p.hi ?? p.median]).filter(Number.isFinite);
    const domain: [number, number] | undefined = vals.length ? [Math.min(0, ...vals), Math.max(...vals)] : undefined;
    const [baseTitle, altTitle, diffTitle] = chartTitles();
    ceTitle.textContent = t('ce.title', names(true));
    const series = (id: string, name: string, colour: string, points: BandPoint[], dashed = false): BandSeries[] => [{ id, label: name, colour, points, dashed }];
    // titles name the runs (a long name ends in "…"); the notes give the measure and the place
    // A single pair of runs differs by chance as well as by the change: the difference says so
    // itself (an exported chart travels without the view's subtitle). The two other charts keep
    // the same height for their notes, so that the three plots stay level.
    const chartNote = `${label} · ${place}`;
    const diffNote = rec ? chartNote : `${chartNote} · ${t('cmp.diffSingle')}`;
    const noteLines = diffChart.render({ title: diffTitle, note: diffNote, series: series('difference', diffTitle, DIFF_COLOUR, diffS), format: fmtDiff, zeroLine: true, xDomain });
    baseChart.render({ title: baseTitle, note: chartNote, series: series('baseline', baseTitle, BASE_COLOUR, baseS, true), format: fmt, domain, xDomain, reserveNoteLines: noteLines });
    altChart.render({ title: altTitle, note: chartNote, series: series('alternative', altTitle, ALT_COLOUR, altS), format: fmt, domain, xDomain, reserveNoteLines: noteLines });
    renderCostEffectiveness(rec ? rec.costEffectiveness : null);
    interaction.render();
  }

  function renderCostEffectiveness(ce: ReturnType<typeof costEffectiveness> | null): void {
    if (!ce) {
      ceBody.replaceChildren(el('p', { class: 'research-note', text: t('ce.needEnsemble') }));
      ceBody.setAttribute('data-ready', 'false');
      return;
    }
    const ratioRow = (id: StringId, key: string, r: RatioSummary) => el('tr', { 'data-measure': key },
      el('th', { scope: 'row' }, el('span', { text: t(id) }), r.undefinedRuns > 0 ? el('small', { class: 'ce-undefined', text: ` ${t('ce.undefined', { k: r.undefinedRuns })}` }) : null),
      ...(r.band.n > 0 ? bandCells(r.band, (v) => fmtNumber(v, 0)) : [el('td', { text: '–' }), el('td', { text: '–' })]));
    const row = (id: StringId, key: string, b: Band, f: (v: number) => string) => el('tr', { 'data-measure': key }, el('th', { scope: 'row', text: t(id) }), ...bandCells(b, f));
    ceBody.replaceChildren(bandTable([
      ratioRow('ce.perPersonYear', 'yuanPerPersonYear', ce.yuanPerPersonYear),
      ratioRow('ce.perExit', 'yuanPerLastingExit', ce.yuanPerLastingExit),
      row('ce.yuan', 'yuan', ce.yuan, (v) => fmtCompact(v)),
      row('ce.personYears', 'personYears', ce.personYears, (v) => fmtCompact(v)),
      row('ce.exits', 'lastingExits', ce.lastingExits, (v) => fmtNumber(v, 0)),
    ]));
    ceBody.setAttribute('data-ready', 'true');
  }

  research.onChange(render);
  new ResizeObserver(() => render()).observe(charts);
  return {
    root,
    render,
    cancel: () => {
      controls.cancel();
      interaction.cancel();
    },
  };
}
