import { axisBottom, axisLeft, line, scaleLinear, select } from 'd3';
import { INDICATORS, type IndicatorName } from '../../model';
import { FONT, halo } from '../charts/chart';
import { fitLine, textWidth } from '../charts/textWrap';
import { INK, OKABE_ITO, PAPER } from '../charts/palette';
import { fmtIndicator, fmtPercent, fmtYear } from '../i18n/format';
import { unitText } from '../i18n/units';
import { isShare } from './describe';

export interface SeriesPoint {
  year: number;
  value: number;
}

/** What the lesson chart draws: one indicator in one unit, this step's run against its comparison. */
export interface LessonChartModel {
  title: string;
  indicator: IndicatorName;
  /** Value axis from zero, or fitted to the values. */
  axis: 'zero' | 'fit';
  startYear: number;
  endYear: number;
  main: SeriesPoint[];
  mainLabel: string;
  compare: SeriesPoint[] | null;
  compareLabel: string;
  /** The year shown (a cursor), or null. */
  shownYear: number | null;
  /** Thresholds of the step's claims on this measure (drawn after the run). */
  thresholds: { value: number; label: string }[];
  /** The class's estimate. */
  estimate: { year: number; value: number; label: string } | null;
  /** Ring on the run's value at the estimate's year (after the run). */
  actual: { year: number; value: number } | null;
}

const MAIN = OKABE_ITO.vermillion;
const COMPARE = '#5a5a5a';
const ESTIMATE = OKABE_ITO.blue;
const UNIT = new Map(INDICATORS.map((i) => [i.name as string, i.unit]));

/**
 * The presenter's big chart and the debrief's charts: a line per run over the step's years, the
 * year shown, the class's estimate as a diamond and the claims' thresholds. Redrawn whole each
 * time (a few dozen points); text as SVG text with a white halo so it reads over lines.
 */
export function drawLessonChart(svgNode: SVGSVGElement, m: LessonChartModel, width: number, height: number, fs: number): void {
  const svg = select(svgNode);
  svg.selectAll('*').remove();
  svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`).attr('font-family', FONT)
    .attr('role', 'img').attr('aria-label', m.title);
  svg.append('rect').attr('width', width).attr('height', height).attr('fill', PAPER);

  const fmt = (v: number) => fmtIndicator(m.indicator, v);
  const left = fs * 5.2;
  // the legend's two items side by side, or one under the other where they do not fit (a phone)
  const legendRoom = width - left - fs * 0.5;
  const itemWidth = (label: string) => fs * 3.8 + textWidth(label, fs);
  const stacked = m.compare !== null && itemWidth(m.mainLabel) + itemWidth(m.compareLabel) > legendRoom;
  const legendH = fs * (stacked ? 3.3 : 1.9);
  const margin = { top: legendH + fs * 1.6, right: fs * 6.2, bottom: fs * 2.4, left };
  const w = Math.max(60, width - margin.left - margin.right);
  const h = Math.max(60, height - margin.top - margin.bottom);

  // ---- scales ----
  const values = [...m.main.map((p) => p.value), ...(m.compare ?? []).map((p) => p.value), ...m.thresholds.map((t) => t.value)];
  if (m.estimate) values.push(m.estimate.value);
  const finite = values.filter(Number.isFinite);
  let lo = finite.length ? Math.min(...finite) : 0;
  let hi = finite.length ? Math.max(...finite) : 1;
  // from zero, unless the lesson asks for a fitted axis (a youth share going from 20% to 17%)
  const narrow = m.axis === 'fit' && lo > 0;
  if (!narrow && lo >= 0) lo = 0;
  if (hi <= lo) hi = lo + (isShare(m.indicator) ? 0.1 : 1);
  const pad = (hi - lo) * (narrow ? 0.25 : 0.08);
  const x = scaleLinear().domain([m.startYear, Math.max(m.startYear + 1, m.endYear)]).range([0, w]);
  const y = scaleLinear().domain([narrow || lo < 0 ? lo - pad : 0, hi + pad]).nice(5).range([h, 0]);

  // ---- legend ----
  const legend = svg.append('g').attr('class', 'legend').attr('transform', `translate(${margin.left},${fs * 1.25})`).attr('font-size', fs);
  let lx = 0;
  let ly = 0;
  const legendItem = (label: string, colour: string, dash: string | null, wide: number) => {
    const g = legend.append('g').attr('transform', `translate(${lx},${ly})`);
    g.append('line').attr('x1', 0).attr('x2', fs * 2.2).attr('y1', -fs * 0.35).attr('y2', -fs * 0.35)
      .attr('stroke', colour).attr('stroke-width', wide).attr('stroke-dasharray', dash);
    const text = fitLine(label, legendRoom - lx - fs * 2.7, { size: fs });
    g.append('text').attr('x', fs * 2.7).attr('y', 0).attr('fill', INK).text(text);
    if (stacked) ly += fs * 1.4;
    else lx += fs * 3.8 + textWidth(text, fs);
  };
  legendItem(m.mainLabel, MAIN, null, fs * 0.3);
  if (m.compare) legendItem(m.compareLabel, COMPARE, `${fs * 0.5} ${fs * 0.3}`, fs * 0.22);

  const plot = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);

  // ---- axes and grid ----
  const yTicks = y.ticks(5);
  plot.append('g').attr('class', 'grid').selectAll('line').data(yTicks).join('line')
    .attr('x1', 0).attr('x2', w).attr('y1', (d) => y(d)).attr('y2', (d) => y(d)).attr('stroke', '#d0d0d0').attr('stroke-width', 1);
  const span = m.endYear - m.startYear;
  // a label every 1, 2 or 5 years by the span, more years apart where the labels would touch
  const labelRoom = textWidth(fmtYear(m.endYear), fs) * 1.5;
  const least = span <= 8 ? 1 : span <= 16 ? 2 : 5;
  const step = [1, 2, 5, 10, 20].find((s) => s >= least && (w * s) / Math.max(1, span) >= labelRoom) ?? 20;
  const xTicks: number[] = [];
  for (let yr = m.startYear; yr <= m.endYear; yr += step) xTicks.push(yr);
  // the end year is always labelled; it takes the place of a regular tick closer than a step
  // (2013, 2015, ..., 2023, 2026 rather than ..., 2025, 2026 with the two labels touching)
  if (xTicks[xTicks.length - 1] !== m.endYear) xTicks[xTicks.length - 1] = m.endYear;
  const xAxis = plot.append('g').attr('transform', `translate(0,${h})`)
    .call(axisBottom(x).tickValues(xTicks).tickFormat((d) => fmtYear(Number(d))).tickSizeOuter(0));
  const tickStep = yTicks.length > 1 ? yTicks[1] - yTicks[0] : 1;
  const tick = (v: number) => (isShare(m.indicator) ? fmtPercent(v, tickStep >= 0.0099 ? 0 : 1) : fmt(v));
  const yAxis = plot.append('g').call(axisLeft(y).tickValues(yTicks).tickFormat((d) => tick(Number(d))).tickSizeOuter(0));
  for (const a of [xAxis, yAxis]) {
    a.attr('font-size', fs).attr('font-family', FONT);
    a.selectAll('text').attr('fill', INK);
    a.selectAll('line, path').attr('stroke', INK).attr('stroke-width', 1.5);
  }
  // the first year starts at its tick instead of centring on it, clear of the value axis's
  // bottom label in the corner (at projector sizes "2013" ran into "0%")
  xAxis.select('.tick text').attr('text-anchor', 'start');
  // the unit sits a line above the plot, clear of a top value label right under it
  plot.append('text').attr('x', -margin.left + fs * 0.2).attr('y', -fs * 1.05).attr('font-size', fs * 0.8).attr('fill', '#333')
    .text(unitText(UNIT.get(m.indicator) ?? ''));

  // ---- year shown ----
  if (m.shownYear !== null) {
    plot.append('line').attr('class', 'cursor').attr('x1', x(m.shownYear)).attr('x2', x(m.shownYear)).attr('y1', 0).attr('y2', h)
      .attr('stroke', INK).attr('stroke-width', 2).attr('stroke-dasharray', '2 5');
  }

  // ---- thresholds ----
  for (const t of m.thresholds) {
    if (!Number.isFinite(t.value)) continue;
    plot.append('line').attr('class', 'threshold').attr('x1', 0).attr('x2', w).attr('y1', y(t.value)).attr('y2', y(t.value))
      .attr('stroke', INK).attr('stroke-width', 2.5).attr('stroke-dasharray', `${fs * 0.8} ${fs * 0.4}`);
  }

  // ---- runs ----
  const path = line<SeriesPoint>().x((p) => x(p.year)).y((p) => y(p.value));
  const clean = (s: SeriesPoint[]) => s.filter((p) => Number.isFinite(p.value));
  const labels: { y: number; text: string; colour: string; threshold?: boolean }[] = [];
  if (m.compare) {
    const c = clean(m.compare);
    plot.append('path').attr('class', 'compare-line').attr('d', path(c) ?? '').attr('fill', 'none')
      .attr('stroke', COMPARE).attr('stroke-width', fs * 0.22).attr('stroke-dasharray', `${fs * 0.5} ${fs * 0.3}`);
    const last = c[c.length - 1];
    if (last) labels.push({ y: y(last.value), text: fmt(last.value), colour: COMPARE });
  }
  const mainPts = clean(m.main);
  plot.append('path').attr('class', 'main-line').attr('d', path(mainPts) ?? '').attr('fill', 'none')
    .attr('stroke', MAIN).attr('stroke-width', fs * 0.3).attr('stroke-linejoin', 'round').attr('stroke-linecap', 'round');
  const last = mainPts[mainPts.length - 1];
  if (last) {
    plot.append('circle').attr('cx', x(last.year)).attr('cy', y(last.value)).attr('r', fs * 0.35).attr('fill', MAIN).attr('stroke', PAPER).attr('stroke-width', 2);
    // one label where both runs end on the same value
    const same = labels.findIndex((l) => l.text === fmt(last.value));
    if (same >= 0) labels.splice(same, 1);
    labels.push({ y: y(last.value), text: fmt(last.value), colour: MAIN });
  }
  // end labels right of the plot, pushed apart so they never overlap
  // (and kept above the year labels of the axis); the claims' thresholds are labelled in the same
  // column, so once the run reaches the right edge they are pushed apart with them
  const endX = last ? x(last.year) : w;
  const shareColumn = endX >= w - fs * 3;
  const thresholdLabels = m.thresholds.filter((t) => Number.isFinite(t.value))
    .map((t) => ({ y: y(t.value), text: t.label, colour: INK, threshold: true }));
  if (shareColumn) labels.push(...thresholdLabels);
  labels.sort((a, b) => a.y - b.y);
  const gap = fs * 1.3;
  for (let i = 1; i < labels.length; i++) if (labels[i].y - labels[i - 1].y < gap) labels[i].y = labels[i - 1].y + gap;
  const lowest = h - fs * 0.9;
  for (let i = labels.length - 1; i >= 0; i--) {
    const limit = i === labels.length - 1 ? lowest : labels[i + 1].y - gap;
    if (labels[i].y > limit) labels[i].y = limit;
  }
  for (const l of shareColumn ? labels : [...labels, ...thresholdLabels]) {
    if (l.threshold) {
      halo(plot.append('text').attr('class', 'threshold-label').attr('x', w + fs * 0.3).attr('y', l.y + fs * 0.35)
        .attr('font-size', fs * 0.85).attr('fill', INK).text(l.text));
    } else {
      halo(plot.append('text').attr('class', 'end-label').attr('x', Math.min(endX, w) + fs * 0.6).attr('y', l.y + fs * 0.4)
        .attr('font-size', fs * 1.1).attr('font-weight', 700).attr('fill', l.colour).text(l.text));
    }
  }

  // ---- the class's estimate and the run's value at that year ----
  if (m.actual && Number.isFinite(m.actual.value)) {
    plot.append('circle').attr('class', 'actual').attr('cx', x(m.actual.year)).attr('cy', y(m.actual.value)).attr('r', fs * 0.7)
      .attr('fill', 'none').attr('stroke', MAIN).attr('stroke-width', 3);
  }
  if (m.estimate && Number.isFinite(m.estimate.value)) {
    const ex = x(m.estimate.year);
    const ey = y(m.estimate.value);
    const r = fs * 0.6;
    plot.append('path').attr('class', 'estimate').attr('d', `M${ex},${ey - r}L${ex + r},${ey}L${ex},${ey + r}L${ex - r},${ey}Z`)
      .attr('fill', PAPER).attr('stroke', ESTIMATE).attr('stroke-width', 4);
    const leftSide = ex > w * 0.6;
    halo(plot.append('text').attr('x', leftSide ? ex - r * 1.5 : ex + r * 1.5).attr('y', ey + fs * 0.38).attr('text-anchor', leftSide ? 'end' : 'start')
      .attr('font-size', fs * 1.05).attr('font-weight', 700).attr('fill', ESTIMATE).text(m.estimate.label));
  }
}

