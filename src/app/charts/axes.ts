import { axisBottom, axisLeft, type BaseType, type ScaleLinear, type Selection } from 'd3';
import { fmtYear } from '../i18n/format';
import { FONT } from './chart';
import { GRID } from './palette';

type G = Selection<SVGGElement, unknown, null, undefined>;

/**
 * The plot frame the trajectory-like charts share: a light background of the plot area and a
 * left value axis whose ticks run across the plot as grid lines (no domain line), about one tick
 * per 2.2 font heights.
 */
export function drawValueGrid(plot: G, y: ScaleLinear<number, number>, innerW: number, innerH: number, fs: number, format: (v: number) => string): void {
  plot.select('rect.bg').attr('width', innerW).attr('height', innerH).attr('fill', '#fafafa');
  // fewer ticks rather than two with the same label (a small range shown in whole units); the
  // labels stand a dot's radius off the plot, so the start year's dot does not cover them
  let count = Math.max(2, Math.floor(innerH / (fs * 2.2)));
  let ticks = y.ticks(count);
  while (count > 1 && new Set(ticks.map(format)).size < ticks.length) ticks = y.ticks(--count);
  plot
    .select<SVGGElement>('g.y-axis')
    .call(axisLeft(y).tickValues(ticks).tickFormat((d) => format(Number(d))).tickSize(-innerW).tickPadding(fs * 0.45))
    .attr('font-size', fs * 0.8)
    .attr('font-family', FONT)
    .call((a) => a.select('.domain').remove())
    .call((a) => a.selectAll('.tick line').attr('stroke', GRID));
}

/** A bottom axis of calendar years, about one tick per 4 font widths. */
export function drawYearAxis(plot: G, x: ScaleLinear<number, number>, innerW: number, innerH: number, fs: number, fontSize: number): void {
  plot
    .select<SVGGElement>('g.x-axis')
    .attr('transform', `translate(0,${innerH})`)
    .call(axisBottom(x).ticks(Math.max(2, Math.floor(innerW / (fs * 4)))).tickFormat((d) => fmtYear(Number(d))).tickSizeOuter(0))
    .attr('font-size', fontSize)
    .attr('font-family', FONT);
}

/**
 * A titled plot's skeleton in `g`: title and note texts, then the plot group with its background
 * and both axes (drawn by drawValueGrid and drawYearAxis). Returns the plot group, for the
 * chart's own layers on top.
 */
export function appendPlotFrame<D, PE extends BaseType, PD>(g: Selection<SVGGElement, D, PE, PD>): Selection<SVGGElement, D, PE, PD> {
  g.append('text').attr('class', 'title');
  g.append('text').attr('class', 'note');
  const plot = g.append('g').attr('class', 'plot');
  plot.append('rect').attr('class', 'bg');
  plot.append('g').attr('class', 'x-axis');
  plot.append('g').attr('class', 'y-axis');
  return plot;
}
