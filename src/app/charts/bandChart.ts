import { area, line, max, min, scaleLinear, select } from 'd3';
import { appendPlotFrame, drawValueGrid, drawYearAxis } from './axes';
import { baseFont, createChartSvg, fitSvg } from './chart';
import { INK, INK_MUTED, PAPER } from './palette';
import { fitLine, textWidth, wrapText } from './textWrap';

/** One year of a series: a value (the median over runs, or a single run's) and maybe its band. */
export interface BandPoint {
  year: number;
  median: number;
  lo?: number;
  hi?: number;
}

export interface BandSeries {
  id: string;
  label: string;
  colour: string;
  points: BandPoint[];
  dashed?: boolean;
}

export interface BandChartSpec {
  title: string;
  note: string;
  series: BandSeries[];
  format: (v: number) => string;
  /** Fixed y domain (so side-by-side charts share a scale); default from the data. */
  domain?: [number, number];
  /** Draw a line at zero (differences). */
  zeroLine?: boolean;
  xDomain: [number, number];
  /** Lines of height kept for the note even when it takes fewer (aligns charts side by side). */
  reserveNoteLines?: number;
}

/**
 * One trajectory chart with bands: for each series its 5-95% band (when it has one) and its
 * median (or single-run) line, a legend of the series, a title and a note. Used by the
 * comparison view (before, after, difference).
 */
export function createBandChart(container: HTMLElement, className: string): { svg: SVGSVGElement; render(spec: BandChartSpec): number } {
  const svg = createChartSvg(container, `band-chart ${className}`, 'img');
  const root = select(svg);
  const g = root.append('g');
  const plot = appendPlotFrame(g);
  plot.append('line').attr('class', 'zero');
  plot.append('g').attr('class', 'bands');
  plot.append('g').attr('class', 'lines');
  const legend = g.append('g').attr('class', 'legend');

  /** Draws the chart; returns the lines its note took. */
  function render(spec: BandChartSpec): number {
    const { width, height } = fitSvg(svg, container);
    svg.setAttribute('aria-label', spec.title);
    // at least 14 px: these charts are read from the back of a room
    const fs = Math.max(14, baseFont(width, height));
    const noteSize = Math.max(13, fs * 0.85);
    const noteLines = wrapText(spec.note, width - fs, { size: noteSize }, 2);
    // baseline of the note's last line (the title's when there is no note), then the legend's
    // centre far enough below it that CJK glyphs of the two never touch
    const reserved = Math.max(noteLines.length, spec.reserveNoteLines ?? 0);
    const noteBottom = fs * 1.2 + (reserved > 0 ? noteSize * 1.25 + noteSize * 1.15 * (reserved - 1) : 0);
    const legendY = noteBottom + noteSize * 0.3 + fs * 0.7;
    const m = { top: legendY + fs * 1.2, right: fs, bottom: fs * 2, left: fs * 4.6 };
    const innerW = Math.max(40, width - m.left - m.right);
    const innerH = Math.max(30, height - m.top - m.bottom);
    const x = scaleLinear().domain(spec.xDomain).range([0, innerW]);
    const values = spec.series.flatMap((s) => s.points.flatMap((p) => [p.median, p.lo ?? p.median, p.hi ?? p.median])).filter(Number.isFinite);
    if (spec.zeroLine) values.push(0);
    let [lo, hi] = spec.domain ?? [min(values) ?? 0, max(values) ?? 1];
    if (!(hi - lo > 1e-12)) {
      hi = lo + (Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1);
      lo = lo - (spec.zeroLine ? hi - lo : 0);
    }
    const y = scaleLinear().domain([lo, hi]).nice(5).range([innerH, 0]);

    // one line: a long title (a library scenario's name) ends in an ellipsis; the whole title is
    // the chart's accessible name
    const title = fitLine(spec.title, width - fs * 0.6, { size: fs * 1.1, weight: 700 });
    g.select('text.title').attr('x', fs * 0.3).attr('y', fs * 1.2).attr('font-size', fs * 1.1).attr('font-weight', 700).attr('fill', INK).text(title);
    g.select('text.note')
      .attr('x', fs * 0.3)
      .attr('y', fs * 1.2 + noteSize * 1.25)
      .attr('font-size', noteSize)
      .attr('fill', INK_MUTED)
      .selectAll('tspan')
      .data(noteLines)
      .join('tspan')
      .attr('x', fs * 0.3)
      .attr('dy', (_d, k) => (k === 0 ? 0 : noteSize * 1.15))
      .text((d) => d);

    // legend: a swatch and a label per series, in a row
    let lx = fs * 0.3;
    const items = legend.selectAll<SVGGElement, BandSeries>('g.item').data(spec.series, (s) => s.id).join((e) => {
      const it = e.append('g').attr('class', 'item');
      it.append('rect');
      it.append('line');
      it.append('text');
      return it;
    });
    items.each(function (s) {
      const it = select(this).attr('transform', `translate(${lx},${legendY})`);
      const hasBand = s.points.some((p) => p.lo !== undefined);
      it.select('rect').attr('width', fs * 1.6).attr('height', fs * 0.8).attr('y', -fs * 0.4).attr('fill', s.colour).attr('fill-opacity', hasBand ? 0.22 : 0);
      it.select('line').attr('x1', 0).attr('x2', fs * 1.6).attr('y1', 0).attr('y2', 0).attr('stroke', s.colour).attr('stroke-width', 3)
        .attr('stroke-dasharray', s.dashed ? '6 4' : null);
      const label = fitLine(s.label, Math.max(fs * 4, width - lx - fs * 2.6), { size: fs * 0.9 });
      it.select('text').attr('x', fs * 2).attr('y', fs * 0.3).attr('font-size', fs * 0.9).attr('fill', INK).text(label);
      lx += fs * 3 + textWidth(label, fs * 0.9);
    });

    plot.attr('transform', `translate(${m.left},${m.top})`);
    drawYearAxis(plot, x, innerW, innerH, fs, fs * 0.85);
    drawValueGrid(plot, y, innerW, innerH, fs, spec.format);
    plot
      .select('line.zero')
      .attr('x1', 0)
      .attr('x2', innerW)
      .attr('y1', y(0))
      .attr('y2', y(0))
      .attr('stroke', INK)
      .attr('stroke-width', 1.5)
      .attr('display', spec.zeroLine ? null : 'none');

    const withBand = spec.series.filter((s) => s.points.some((p) => p.lo !== undefined && p.hi !== undefined));
    const bandArea = area<BandPoint>()
      .x((p) => x(p.year))
      .y0((p) => y(p.lo!))
      .y1((p) => y(p.hi!));
    plot
      .select('g.bands')
      .selectAll<SVGPathElement, BandSeries>('path.band')
      .data(withBand, (s) => s.id)
      .join('path')
      .attr('class', 'band')
      .attr('data-series', (s) => s.id)
      .attr('d', (s) => bandArea(s.points.filter((p) => p.lo !== undefined && p.hi !== undefined)) ?? '')
      .attr('fill', (s) => s.colour)
      .attr('fill-opacity', 0.2);
    const path = line<BandPoint>()
      .x((p) => x(p.year))
      .y((p) => y(p.median));
    plot
      .select('g.lines')
      .selectAll<SVGPathElement, BandSeries>('path.median')
      .data(spec.series, (s) => s.id)
      .join('path')
      .attr('class', 'median')
      .attr('data-series', (s) => s.id)
      .attr('d', (s) => path(s.points.filter((p) => Number.isFinite(p.median))) ?? '')
      .attr('fill', 'none')
      .attr('stroke', (s) => s.colour)
      .attr('stroke-width', Math.max(2.5, fs * 0.2))
      .attr('stroke-dasharray', (s) => (s.dashed ? '6 4' : null))
      .attr('stroke-linejoin', 'round');
    root.attr('data-series-count', spec.series.length).attr('data-bands', withBand.length);
    root.style('background', PAPER);
    return noteLines.length;
  }

  return { svg, render };
}
