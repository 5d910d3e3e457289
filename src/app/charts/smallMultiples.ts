import { area, line, max, min, pointer, scaleLinear, select } from 'd3';
import { band, type Band } from '../../analysis/stats';
import { type IndicatorName, resultValue, type RunResult } from '../../model';
import { type AppContext, paramValue } from '../context';
import { ensembleFor, type EnsembleRecord } from '../research/state';
import { fmtIndicator, fmtNumber, fmtYear } from '../i18n/format';
import { t } from '../i18n/i18n';
import type { StringId } from '../i18n/strings';
import { appendPlotFrame, drawValueGrid, drawYearAxis } from './axes';
import { baseFont, type Chart, createChartSvg, fitSvg, halo as textHalo } from './chart';
import { INK, INK_MUTED, OKABE_ITO, PAPER, TERRAIN_COLOUR } from './palette';
import { wrapText } from './textWrap';
import { unitName } from '../i18n/labels';

/** Where a panel reads values: the live run (SimClient) or one run of an ensemble. */
export interface ValueSource {
  value(yearIndex: number, unit: number, indicator: IndicatorName): number;
}

/** A finished run as a ValueSource. */
export function resultSource(r: RunResult): ValueSource {
  return { value: (y, u, name) => resultValue(r, y, u, name) };
}

/** One small multiple: an indicator, or a ratio of two (capital per resident). */
interface Panel {
  id: string;
  title: StringId;
  note: StringId;
  value: (sim: ValueSource, y: number, unit: number) => number;
  format: (v: number) => string;
  /** Draw the region's line (false for totals, which dwarf the counties). */
  region: boolean;
  /** A horizontal reference (loop gain 1). */
  reference?: number;
  zeroBased: boolean;
}

const ind = (name: IndicatorName) => (sim: ValueSource, y: number, unit: number) => sim.value(y, unit, name);

export const PANELS: Panel[] = [
  { id: 'povertyRate', title: 'multiples.povertyRate', note: 'multiples.povertyRate.note', value: ind('povertyRate'),
    format: (v) => fmtIndicator('povertyRate', v), region: true, zeroBased: true },
  { id: 'meanIncome', title: 'multiples.meanIncome', note: 'multiples.meanIncome.note', value: ind('meanIncome'),
    format: (v) => fmtIndicator('meanIncome', v), region: true, zeroBased: true },
  { id: 'talentOutflow', title: 'multiples.talentOutflow', note: 'multiples.talentOutflow.note',
    value: (sim, y, u) => (y === 0 ? NaN : sim.value(y, u, 'talentOutflow')),
    format: (v) => fmtNumber(v, 0), region: false, zeroBased: true },
  { id: 'capitalPerResident', title: 'multiples.capital', note: 'multiples.capital.note',
    value: (sim, y, u) => {
      const pop = sim.value(y, u, 'population');
      return pop > 0 ? sim.value(y, u, 'capitalStock') / pop : NaN;
    },
    format: (v) => fmtIndicator('meanIncome', v), region: true, zeroBased: true },
  { id: 'ecoCapacity', title: 'multiples.ecoCapacity', note: 'multiples.ecoCapacity.note', value: ind('ecoCapacity'),
    format: (v) => fmtNumber(v, 2), region: true, zeroBased: true },
  { id: 'loopGain', title: 'multiples.loopGain', note: 'multiples.loopGain.note',
    value: (sim, y, u) => (y === 0 ? NaN : sim.value(y, u, 'loopGain')),
    format: (v) => fmtNumber(v, 2), region: true, reference: 1, zeroBased: true },
];

/** A panel's median and 5-95% band over the runs of an ensemble, year by year. */
export function panelBand(panelId: string, runs: readonly RunResult[], unit: number): (Band & { yearIndex: number })[] {
  const panel = PANELS.find((p) => p.id === panelId);
  if (!panel || runs.length === 0) return [];
  const sources = runs.map(resultSource);
  return Array.from({ length: runs[0].meta.years + 1 }, (_, y) => ({ yearIndex: y, ...band(sources.map((s) => panel.value(s, y, unit))) }))
    .filter((b) => b.n > 0);
}

/**
 * County trajectories as small multiples: one panel per key indicator, a thin line per county
 * in its terrain's colour, the region dashed, the selected county thick; the campaign's target
 * year and the year shown are marked. Click a line to select its county. When an ensemble has
 * been run for the loaded scenario, the shown unit (selected county, or the region) also gets
 * the ensemble's median and 5-95% band, and a legend says over how many runs.
 */
export function createSmallMultiples(container: HTMLElement, ctx: AppContext): Chart {
  const svg = createChartSvg(container, 'small-multiples', 'img');
  const root = select(svg);
  // bands are computed once per ensemble, panel and unit
  let cacheOf: EnsembleRecord | null = null;
  const cache = new Map<string, (Band & { yearIndex: number })[]>();
  const bandOf = (rec: EnsembleRecord, panel: Panel, unit: number) => {
    if (cacheOf !== rec) {
      cache.clear();
      cacheOf = rec;
    }
    const key = `${panel.id}:${unit}`;
    let b = cache.get(key);
    if (!b) cache.set(key, (b = panelBand(panel.id, rec.results, unit)));
    return b;
  };

  function render(): void {
    const meta = ctx.sim.meta;
    if (!meta) return;
    const { width, height } = fitSvg(svg, container);
    svg.setAttribute('aria-label', t('panel.multiples'));
    const fs = baseFont(width, height, container) * 0.92;
    const cols = width > height * 1.15 ? 3 : 2;
    const rows = Math.ceil(PANELS.length / cols);
    const cellW = width / cols;
    const cellH = height / rows;
    // notes take up to three lines when the cells are narrow (the poverty line's meaning must show)
    const noteLines = width / cols < fs * 22 ? 3 : 2;
    const m = { top: fs * 1.6 + Math.max(11, fs * 0.8) * (noteLines + 0.65), right: fs * 1.2, bottom: fs * 2.1, left: fs * 4.2 };
    const innerW = Math.max(40, cellW - m.left - m.right);
    const innerH = Math.max(30, cellH - m.top - m.bottom);
    const nC = meta.counties.length;
    const yi = ctx.store.state.yearIndex;
    const sel = ctx.store.state.selected;
    const targetYear = paramValue(ctx, 'policy.targetYear');
    const x = scaleLinear().domain([meta.startYear, meta.startYear + meta.years]).range([0, innerW]);
    const years = Array.from({ length: ctx.sim.yearsRecorded }, (_, i) => i);
    const ensemble = ensembleFor(ctx.sim.scenario);
    const bandUnit = sel ?? nC;
    svg.setAttribute('data-band-runs', ensemble ? String(ensemble.results.length) : '');

    const cells = root
      .selectAll<SVGGElement, Panel>('g.multiple')
      .data(PANELS, (d) => d.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'multiple');
        const plot = appendPlotFrame(g);
        plot.append('line').attr('class', 'target');
        plot.append('line').attr('class', 'reference');
        plot.append('path').attr('class', 'band');
        plot.append('g').attr('class', 'lines');
        plot.append('path').attr('class', 'median');
        plot.append('path').attr('class', 'reference-run');
        plot.append('line').attr('class', 'cursor');
        plot.append('g').attr('class', 'dots');
        // above the lines, with a halo: it labels the target line, not the data
        plot.append('text').attr('class', 'target-label');
        return g;
      });

    cells.each(function (panel, i) {
      const g = select(this);
      const cx = (i % cols) * cellW;
      const cy = Math.floor(i / cols) * cellH;
      g.attr('transform', `translate(${cx},${cy})`);
      const units = panel.region ? [...Array(nC).keys(), nC] : [...Array(nC).keys()];
      const seriesOf = (u: number) => years.map((y) => ({ year: meta.startYear + y, v: panel.value(ctx.sim, y, u) })).filter((p) => Number.isFinite(p.v));
      // the unchanged scenario, for the selected county (or the region), as a grey dashed line
      const ref = ctx.reference;
      const refUnit = sel ?? (panel.region ? nC : null);
      const refSeries = ref && ref.meta && refUnit !== null && ref.counties === nC
        ? Array.from({ length: Math.min(ref.yearsRecorded, ctx.sim.yearsRecorded) }, (_, k) => ({ year: meta.startYear + k, v: panel.value(ref, k, refUnit) }))
          .filter((p) => Number.isFinite(p.v))
        : [];
      const bandSeries = ensemble ? bandOf(ensemble, panel, bandUnit).map((b) => ({ ...b, year: meta.startYear + b.yearIndex })) : [];
      const all = units.flatMap((u) => seriesOf(u).map((p) => p.v)).concat(refSeries.map((p) => p.v), bandSeries.flatMap((b) => [b.lo, b.hi]));
      if (panel.reference !== undefined) all.push(panel.reference);
      let lo = panel.zeroBased ? Math.min(0, min(all) ?? 0) : (min(all) ?? 0);
      let hi = max(all) ?? 1;
      if (hi - lo < 1e-9) {
        hi = lo + 1;
        lo = Math.min(lo, 0);
      }
      const y = scaleLinear().domain([lo, hi * 1.05]).nice(4).range([innerH, 0]);

      const textX = m.left - fs * 3.6;
      const noteSize = Math.max(11, fs * 0.8);
      g.select('text.title')
        .attr('x', textX)
        .attr('y', fs * 1.2)
        .attr('font-size', fs * 1.1)
        .attr('font-weight', 700)
        .attr('fill', INK)
        .text(t(panel.title));
      const note = t(panel.note, { line: fmtNumber(paramValue(ctx, 'policy.povertyLine'), 0) });
      g.select('text.note')
        .attr('x', textX)
        // a clear line below the title's descenders
        .attr('y', fs * 1.2 + noteSize * 1.3)
        .attr('font-size', noteSize)
        .attr('fill', INK_MUTED)
        .selectAll('tspan')
        .data(wrapText(note, cellW - textX - fs * 0.4, { size: noteSize }, noteLines))
        .join('tspan')
        .attr('x', textX)
        .attr('dy', (_d, k) => (k === 0 ? 0 : noteSize * 1.12))
        .text((d) => d);

      const plot = g.select<SVGGElement>('g.plot').attr('transform', `translate(${m.left},${m.top})`);
      drawYearAxis(plot, x, innerW, innerH, fs, fs * 0.8);
      drawValueGrid(plot, y, innerW, innerH, fs, panel.format);

      const tx = x(targetYear);
      const inRange = targetYear >= meta.startYear && targetYear <= meta.startYear + meta.years;
      plot
        .select('line.target')
        .attr('x1', tx)
        .attr('x2', tx)
        .attr('y1', 0)
        .attr('y2', innerH)
        .attr('stroke', OKABE_ITO.reddishPurple)
        .attr('stroke-width', 2)
        .attr('stroke-dasharray', '6 4')
        .attr('display', inRange ? null : 'none');
      textHalo(plot.select<SVGTextElement>('text.target-label'), 3)
        .attr('x', tx + 4)
        .attr('y', fs * 0.9)
        .attr('font-size', fs * 0.75)
        .attr('fill', '#8a3f6e')
        .attr('display', inRange && i === 0 ? null : 'none')
        .text(t('multiples.target', { year: fmtYear(targetYear) }));
      plot
        .select('line.reference')
        .attr('x1', 0)
        .attr('x2', innerW)
        .attr('y1', y(panel.reference ?? 0))
        .attr('y2', y(panel.reference ?? 0))
        .attr('stroke', INK)
        .attr('stroke-width', 1.5)
        .attr('stroke-dasharray', '2 3')
        .attr('display', panel.reference === undefined ? 'none' : null);

      const path = line<{ year: number; v: number }>()
        .x((p) => x(p.year))
        .y((p) => y(p.v));
      const order = units.slice().sort((a, b) => (a === sel ? 1 : b === sel ? -1 : a === nC ? 1 : b === nC ? -1 : 0));
      const linesG = plot.select<SVGGElement>('g.lines');
      plot
        .select('path.reference-run')
        .attr('d', refSeries.length > 1 ? (path(refSeries) ?? '') : '')
        .attr('fill', 'none')
        .attr('stroke', '#6b6b6b')
        .attr('stroke-width', Math.max(2.5, fs * 0.2))
        .attr('stroke-dasharray', '2 4')
        .attr('stroke-linecap', 'round');
      linesG
        .selectAll<SVGPathElement, number>('path.series')
        .data(order, (d) => String(d))
        .join('path')
        .attr('class', 'series')
        .order()
        .attr('fill', 'none')
        .attr('stroke-linejoin', 'round')
        .attr('stroke-linecap', 'round')
        .attr('stroke', (u) => (u === nC ? INK : TERRAIN_COLOUR[meta.counties[u].terrain]))
        .attr('stroke-opacity', (u) => (u === sel || u === nC || sel === null ? 0.95 : 0.35))
        .attr('stroke-width', (u) => (u === sel ? Math.max(3.5, fs * 0.28) : u === nC ? 2.5 : 1.6))
        .attr('stroke-dasharray', (u) => (u === nC ? '7 4' : null))
        .attr('d', (u) => path(seriesOf(u)) ?? '')
        .style('cursor', (u) => (u === nC ? null : 'pointer'))
        .on('click', (_e, u) => {
          if (u !== nC) ctx.store.set({ selected: ctx.store.state.selected === u ? null : u });
        })
        .on('pointermove', (e: PointerEvent, u) => {
          const year = Math.round(x.invert(pointer(e, plot.node())[0]));
          const yIdx = Math.max(0, Math.min(ctx.sim.yearsRecorded - 1, year - meta.startYear));
          const name = unitName(meta.counties, u);
          ctx.tooltip.show([name, `${t(panel.title)} ${fmtYear(meta.startYear + yIdx)}: ${panel.format(panel.value(ctx.sim, yIdx, u))}`], e.clientX, e.clientY);
        })
        .on('pointerleave', () => ctx.tooltip.hide());

      // a white halo between the other lines and the selected county's, so it stands out
      linesG
        .selectAll('path.halo')
        .data(sel === null ? [] : [sel])
        .join('path')
        .attr('class', 'halo')
        .attr('d', (u) => path(seriesOf(u)) ?? '')
        .attr('fill', 'none')
        .attr('stroke', PAPER)
        .attr('stroke-width', Math.max(3.5, fs * 0.28) + 5)
        .attr('stroke-linejoin', 'round')
        .attr('pointer-events', 'none');
      // the ensemble: 5-95% band under the lines, its median over them
      const bandColour = bandUnit === nC ? INK : TERRAIN_COLOUR[meta.counties[bandUnit].terrain];
      const bandArea = area<Band & { year: number }>()
        .x((b) => x(b.year))
        .y0((b) => y(b.lo))
        .y1((b) => y(b.hi));
      plot
        .select('path.band')
        .attr('d', bandSeries.length > 1 ? (bandArea(bandSeries) ?? '') : '')
        .attr('fill', bandColour)
        .attr('fill-opacity', bandUnit === nC ? 0.16 : 0.24)
        .attr('stroke', 'none');
      plot
        .select('path.median')
        .attr('d', bandSeries.length > 1 ? (path(bandSeries.map((b) => ({ year: b.year, v: b.median }))) ?? '') : '')
        .attr('fill', 'none')
        .attr('stroke', bandColour)
        .attr('stroke-width', Math.max(3, fs * 0.22))
        .attr('stroke-linejoin', 'round')
        .attr('pointer-events', 'none');

      const selectedPath = linesG.selectAll<SVGPathElement, number>('path.series').filter((u) => u === sel).node();
      const halo = linesG.select<SVGPathElement>('path.halo').node();
      if (selectedPath && halo) linesG.node()!.insertBefore(halo, selectedPath);

      const cxYear = meta.startYear + yi;
      plot
        .select('line.cursor')
        .attr('x1', x(cxYear))
        .attr('x2', x(cxYear))
        .attr('y1', 0)
        .attr('y2', innerH)
        .attr('stroke', INK)
        .attr('stroke-width', 1.5);
      const dotUnits = [sel ?? nC].filter((u) => u !== nC || panel.region);
      plot
        .select('g.dots')
        .selectAll('circle')
        .data(dotUnits.filter((u) => Number.isFinite(panel.value(ctx.sim, yi, u))))
        .join('circle')
        .attr('cx', x(cxYear))
        .attr('cy', (u) => y(panel.value(ctx.sim, yi, u)))
        .attr('r', fs * 0.35)
        .attr('fill', (u) => (u === nC ? INK : TERRAIN_COLOUR[meta.counties[u].terrain]))
        .attr('stroke', PAPER)
        .attr('stroke-width', 2);
    });
  }

  return { svg, render };
}
