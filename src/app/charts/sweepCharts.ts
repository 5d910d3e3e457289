import { axisBottom, extent, line, max, scaleBand, scaleLinear, scalePoint, select } from 'd3';
import type { FactorValue, MorrisEffect } from '../../analysis';
import { quantile } from '../../analysis/stats';
import { drawValueGrid } from './axes';
import { baseFont, createChartSvg, fitSvg, FONT } from './chart';
import { GRID, INK, INK_MUTED, OKABE_ITO } from './palette';
import { fitLine, textWidth } from './textWrap';

export interface SweepChartSpec {
  /** Label of each varied value (one panel each). */
  factors: string[];
  /** Design points: a value per factor. */
  points: FactorValue[][];
  /** Outcome of run t = point * repetitions + (repetition - 1). */
  outcomes: number[];
  repetitions: number;
  outcomeLabel: string;
  format: (v: number) => string;
}

/**
 * The outcome against each varied value: one panel per factor, a dot per run and the median at
 * each distinct value joined by a line (the browser's twin of analysis/chart.ts's SVG).
 */
export function createSweepChart(container: HTMLElement): { svg: SVGSVGElement; render(spec: SweepChartSpec): void } {
  const svg = createChartSvg(container, 'sweep-chart', 'img');
  const root = select(svg);

  function render(spec: SweepChartSpec): void {
    const { width, height } = fitSvg(svg, container);
    svg.setAttribute('aria-label', spec.outcomeLabel);
    const fs = Math.max(14, baseFont(width, height));
    const k = spec.factors.length;
    const cols = Math.min(k, width > 900 ? 3 : 2);
    const rows = Math.ceil(k / cols);
    const cellW = width / cols;
    const cellH = height / rows;
    const m = { top: fs * 2.6, right: fs * 1.2, bottom: fs * 2.2, left: fs * 4.6 };
    const innerW = Math.max(40, cellW - m.left - m.right);
    const innerH = Math.max(30, cellH - m.top - m.bottom);
    const finite = spec.outcomes.filter(Number.isFinite);
    const [lo0, hi0] = extent(finite) as [number | undefined, number | undefined];
    let lo = lo0 ?? 0;
    let hi = hi0 ?? 1;
    if (!(hi - lo > 1e-12)) {
      lo -= Math.abs(lo) * 0.05 || 0.5;
      hi += Math.abs(hi) * 0.05 || 0.5;
    }
    const y = scaleLinear().domain([lo, hi]).nice(5).range([innerH, 0]);

    const cells = root.selectAll<SVGGElement, string>('g.factor').data(spec.factors).join((e) => {
      const g = e.append('g').attr('class', 'factor');
      g.append('text').attr('class', 'title');
      const p = g.append('g').attr('class', 'plot');
      p.append('rect').attr('class', 'bg');
      p.append('g').attr('class', 'x-axis');
      p.append('g').attr('class', 'y-axis');
      p.append('g').attr('class', 'dots');
      p.append('path').attr('class', 'median');
      return g;
    });
    cells.each(function (name, j) {
      const g = select(this).attr('transform', `translate(${(j % cols) * cellW},${Math.floor(j / cols) * cellH})`);
      g.select('text.title').attr('x', fs * 0.4).attr('y', fs * 1.2).attr('font-size', fs).attr('font-weight', 700).attr('fill', INK)
        .text(fitLine(name, cellW - fs, { size: fs, weight: 700 }));
      const runs = spec.outcomes.map((v, t) => ({ x: spec.points[Math.floor(t / spec.repetitions)][j], v })).filter((r) => Number.isFinite(r.v));
      const numeric = spec.points.every((p) => typeof p[j] === 'number');
      const distinct = [...new Set(spec.points.map((p) => p[j]))];
      if (numeric) (distinct as number[]).sort((a, b) => a - b);
      let xOf: (v: FactorValue) => number;
      const plot = g.select<SVGGElement>('g.plot').attr('transform', `translate(${m.left},${m.top})`);
      if (numeric) {
        const [a, b] = extent(distinct as number[]) as [number, number];
        // a margin of 5% each side, so the dots at the ends are not cut by the frame
        const pad = a === b ? Math.max(1, Math.abs(a) * 0.1) : (b - a) * 0.05;
        const xs = scaleLinear().domain([a - pad, b + pad]).range([0, innerW]);
        xOf = (v) => xs(v as number);
        plot.select<SVGGElement>('g.x-axis').call(axisBottom(xs).ticks(Math.max(2, Math.floor(innerW / (fs * 4.5)))).tickSizeOuter(0));
      } else {
        const xs = scalePoint<string>().domain(distinct.map(String)).range([0, innerW]).padding(0.5);
        xOf = (v) => xs(String(v)) ?? 0;
        plot.select<SVGGElement>('g.x-axis').call(axisBottom(xs).tickSizeOuter(0));
      }
      drawValueGrid(plot, y, innerW, innerH, fs, spec.format);
      plot.select<SVGGElement>('g.x-axis').attr('transform', `translate(0,${innerH})`).attr('font-size', fs * 0.8).attr('font-family', FONT);
      plot
        .select('g.dots')
        .selectAll('circle')
        .data(runs)
        .join('circle')
        .attr('cx', (r) => xOf(r.x))
        .attr('cy', (r) => y(r.v))
        .attr('r', Math.max(3, fs * 0.25))
        .attr('fill', OKABE_ITO.blue)
        .attr('fill-opacity', 0.45);
      const medians = distinct.map((d) => ({ x: d, v: quantile(runs.filter((r) => r.x === d).map((r) => r.v), 0.5) })).filter((p) => Number.isFinite(p.v));
      plot
        .select('path.median')
        .attr('d', line<{ x: FactorValue; v: number }>().x((p) => xOf(p.x)).y((p) => y(p.v))(medians) ?? '')
        .attr('fill', 'none')
        .attr('stroke', OKABE_ITO.vermillion)
        .attr('stroke-width', Math.max(2.5, fs * 0.18))
        .attr('data-points', medians.length);
    });
    root.attr('data-factors', spec.factors.length).attr('data-runs', spec.outcomes.length);
  }

  return { svg, render };
}

export interface MorrisChartSpec {
  effects: readonly MorrisEffect[];
  label: (factor: string) => string;
  format: (v: number) => string;
  axisLabel: string;
}

/**
 * Morris screening as a ranked horizontal bar chart: one bar per factor, its length mu* (the
 * mean absolute elementary effect), a whisker of ±sigma, most influential on top.
 */
export function createMorrisChart(container: HTMLElement): { svg: SVGSVGElement; render(spec: MorrisChartSpec): void } {
  const svg = createChartSvg(container, 'morris-chart', 'img');
  const root = select(svg);
  const plot = root.append('g').attr('class', 'plot');
  plot.append('g').attr('class', 'x-axis');
  plot.append('g').attr('class', 'bars');
  root.append('text').attr('class', 'axis-label');

  function render(spec: MorrisChartSpec): void {
    const { width, height } = fitSvg(svg, container);
    svg.setAttribute('aria-label', spec.axisLabel);
    const fs = baseFont(width, height);
    const effects = spec.effects.slice().sort((a, b) => a.rank - b.rank);
    const labels = effects.map((e) => spec.label(e.factor));
    const labelW = Math.min(width * 0.45, (max(labels, (l) => textWidth(l, fs * 0.9)) ?? 0) + fs);
    const m = { top: fs * 0.6, right: fs * 5, bottom: fs * 3.2, left: labelW };
    const innerW = Math.max(40, width - m.left - m.right);
    const innerH = Math.max(30, height - m.top - m.bottom);
    const top = max(effects, (e) => e.muStar + e.sigma) ?? 1;
    const x = scaleLinear().domain([0, top > 0 ? top : 1]).nice(5).range([0, innerW]);
    const yb = scaleBand<string>().domain(effects.map((e) => e.factor)).range([0, innerH]).padding(0.25);
    plot.attr('transform', `translate(${m.left},${m.top})`);
    plot
      .select<SVGGElement>('g.x-axis')
      .attr('transform', `translate(0,${innerH})`)
      .call(axisBottom(x).ticks(Math.max(2, Math.floor(innerW / (fs * 5)))).tickFormat((d) => spec.format(Number(d))).tickSize(-innerH))
      .attr('font-size', fs * 0.8)
      .attr('font-family', FONT)
      .call((a) => a.select('.domain').remove())
      .call((a) => a.selectAll('.tick line').attr('stroke', GRID));
    const bars = plot.select('g.bars').selectAll<SVGGElement, MorrisEffect>('g.bar').data(effects, (e) => e.factor).join((e) => {
      const g = e.append('g').attr('class', 'bar');
      g.append('text').attr('class', 'label');
      g.append('rect');
      g.append('line').attr('class', 'sigma');
      g.append('text').attr('class', 'value');
      return g;
    });
    bars
      .attr('transform', (e) => `translate(0,${yb(e.factor)})`)
      .attr('data-factor', (e) => e.factor)
      .attr('data-rank', (e) => e.rank)
      .attr('data-mu-star', (e) => e.muStar);
    const bh = yb.bandwidth();
    bars.select('text.label').attr('x', -fs * 0.5).attr('y', bh / 2).attr('dy', '0.35em').attr('text-anchor', 'end')
      .attr('font-size', fs * 0.9).attr('fill', INK).text((e) => fitLine(spec.label(e.factor), labelW - fs, { size: fs * 0.9 }));
    bars.select('rect').attr('width', (e) => Math.max(1, x(e.muStar))).attr('height', bh).attr('fill', OKABE_ITO.blue);
    bars.select('line.sigma')
      .attr('x1', (e) => x(Math.max(0, e.muStar - e.sigma)))
      .attr('x2', (e) => x(e.muStar + e.sigma))
      .attr('y1', bh / 2)
      .attr('y2', bh / 2)
      .attr('stroke', INK)
      .attr('stroke-width', 2);
    bars.select('text.value').attr('x', (e) => x(e.muStar + e.sigma) + fs * 0.4).attr('y', bh / 2).attr('dy', '0.35em')
      .attr('font-size', fs * 0.8).attr('fill', INK_MUTED).text((e) => spec.format(e.muStar));
    root.select('text.axis-label').attr('x', m.left).attr('y', height - fs * 0.5).attr('font-size', fs * 0.85).attr('fill', INK_MUTED).text(spec.axisLabel);
  }

  return { svg, render };
}
