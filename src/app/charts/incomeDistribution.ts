import { axisBottom, axisLeft, scaleLinear, scaleLog, select } from 'd3';
import { type AppContext, paramValue, viewUnit } from '../context';
import { fmtCompact, fmtNumber, fmtPercent, fmtYear } from '../i18n/format';
import { t } from '../i18n/i18n';
import type { StringId } from '../i18n/strings';
import { BINS, binEdge, CATEGORIES, DIST_MAX, DIST_MIN, summaryOffset } from '../worker/distribution';
import { baseFont, type Chart, createChartSvg, fitSvg, FONT } from './chart';
import { CATEGORY_COLOUR, GRID, INK, INK_MUTED, OKABE_ITO, PAPER } from './palette';
import { wrapText } from './textWrap';
import { unitName } from '../i18n/labels';

const CATEGORY_LABEL: StringId[] = ['dist.registered', 'dist.exited', 'dist.never'];

interface Bar { cat: number; bin: number; y0: number; y1: number }

/**
 * Households by per-capita income (log scale) in the year shown, for the selected county or the
 * region: stacked by registered (建档立卡, not exited), exited, never registered. The poverty line
 * and the near-poor monitoring band (up to policy.monitorBand × the line) are marked; bars move
 * from year to year as the run plays or the scrubber moves.
 */
export function createIncomeDistribution(container: HTMLElement, ctx: AppContext): Chart {
  const svg = createChartSvg(container, 'income-distribution', 'img');
  const root = select(svg);
  const band = root.append('rect').attr('class', 'band');
  const gridG = root.append('g').attr('class', 'y-axis');
  const barsG = root.append('g').attr('class', 'bars');
  const xAxisG = root.append('g').attr('class', 'x-axis');
  const edgeG = root.append('g').attr('class', 'open-bins');
  const lineG = root.append('g').attr('class', 'poverty-line');
  const legendG = root.append('g').attr('class', 'legend');
  const summaryG = root.append('g').attr('class', 'summary');
  let lastKey = '';

  function render(): void {
    const meta = ctx.sim.meta;
    if (!meta) return;
    const { width, height } = fitSvg(svg, container);
    const fs = baseFont(width, height, container) * 0.95;
    const yi = ctx.store.state.yearIndex;
    const u = viewUnit(ctx);
    const place = unitName(meta.counties, u);
    svg.setAttribute('aria-label', t('dist.aria', { unit: place, year: fmtYear(meta.startYear + yi) }));
    const m = { top: fs * 4.6, right: fs * 1.2, bottom: fs * 3.2, left: fs * 4.4 };
    const w = width - m.left - m.right;
    const h = height - m.top - m.bottom;
    const povertyLine = paramValue(ctx, 'policy.povertyLine');
    const bandTop = povertyLine * paramValue(ctx, 'policy.monitorBand');

    const x = scaleLog().domain([DIST_MIN, DIST_MAX]).range([m.left, m.left + w]);
    const stride = CATEGORIES * BINS;
    const binTotal = (d: Float64Array, b: number) => {
      let s = 0;
      for (let c = 0; c < CATEGORIES; c++) s += d[u * stride + c * BINS + b];
      return s;
    };
    let ymax = 1;
    for (const d of ctx.sim.distributions) if (d) for (let b = 0; b < BINS; b++) ymax = Math.max(ymax, binTotal(d, b));
    const y = scaleLinear().domain([0, ymax * 1.05]).nice(4).range([m.top + h, m.top]);
    const dist = ctx.sim.distributions[yi];

    band.attr('x', x(povertyLine)).attr('y', m.top).attr('width', Math.max(0, x(Math.min(bandTop, DIST_MAX)) - x(povertyLine))).attr('height', h)
      .attr('fill', OKABE_ITO.yellow).attr('fill-opacity', 0.35);
    gridG.attr('transform', `translate(${m.left},0)`)
      .call(axisLeft(y).ticks(Math.max(2, Math.floor(h / (fs * 2.4)))).tickFormat((d) => fmtCompact(Number(d))).tickSize(-w))
      .attr('font-size', fs * 0.8).attr('font-family', FONT)
      .call((a) => a.select('.domain').remove())
      .call((a) => a.selectAll('.tick line').attr('stroke', GRID));
    const ticks = [500, 1000, 2000, 5000, 10000, 20000, 50000];
    xAxisG.attr('transform', `translate(0,${m.top + h})`)
      .call(axisBottom(x).tickValues(ticks).tickFormat((d) => fmtCompact(Number(d))).tickSizeOuter(0))
      .attr('font-size', fs * 0.8).attr('font-family', FONT);
    xAxisG.selectAll('text.axis-title').data([0]).join('text').attr('class', 'axis-title')
      .attr('x', m.left + w).attr('y', fs * 2.6).attr('text-anchor', 'end').attr('fill', INK_MUTED).attr('font-size', fs * 0.8)
      .text(t('dist.xAxis'));

    const bars: Bar[] = [];
    if (dist) {
      for (let b = 0; b < BINS; b++) {
        let acc = 0;
        for (let c = 0; c < CATEGORIES; c++) {
          const val = dist[u * stride + c * BINS + b];
          bars.push({ cat: c, bin: b, y0: acc, y1: acc + val });
          acc += val;
        }
      }
    }
    const key = `${u}|${width}|${height}`;
    const animate = key === lastKey;
    lastKey = key;
    const sel = barsG.selectAll<SVGRectElement, Bar>('rect').data(bars, (d) => `${d.cat}-${d.bin}`)
      .join((enter) => enter.append('rect').attr('y', y(0)).attr('height', 0))
      .attr('x', (d) => x(binEdge(d.bin)) + 0.5)
      .attr('width', (d) => Math.max(1, x(binEdge(d.bin + 1)) - x(binEdge(d.bin)) - 1))
      .attr('fill', (d) => CATEGORY_COLOUR[d.cat]);
    const top = (d: Bar) => y(d.y1);
    const tall = (d: Bar) => Math.max(0, y(d.y0) - y(d.y1));
    if (animate) sel.transition().duration(380).attr('y', top).attr('height', tall);
    else sel.interrupt().attr('y', top).attr('height', tall);

    // The first and last bins are open-ended (every income below 250 / above 64,000, losses
    // included): say so above them, so a catch-all bar does not read as a peak at that income.
    const open = dist ? [
      { bin: 0, total: binTotal(dist, 0), text: t('dist.openLow', { value: fmtCompact(DIST_MIN) }), x: x(DIST_MIN) + fs * 0.2, anchor: 'start' },
      { bin: BINS - 1, total: binTotal(dist, BINS - 1), text: t('dist.openHigh', { value: fmtCompact(DIST_MAX) }), x: x(DIST_MAX) - fs * 0.2, anchor: 'end' },
    ].filter((d) => d.total > 0) : [];
    edgeG.selectAll('text').data(open).join('text')
      .attr('x', (d) => d.x)
      .attr('y', (d) => y(d.total) - fs * 0.35)
      .attr('text-anchor', (d) => d.anchor).attr('font-size', fs * 0.75).attr('fill', INK_MUTED)
      .attr('data-bin', (d) => d.bin)
      .text((d) => d.text);

    // poverty line and band labels
    lineG.selectAll('*').remove();
    const lx = x(povertyLine);
    lineG.append('line').attr('x1', lx).attr('x2', lx).attr('y1', m.top - fs * 0.4).attr('y2', m.top + h).attr('stroke', INK).attr('stroke-width', 2.5);
    lineG.append('text').attr('x', lx - 4).attr('y', m.top + fs * 1.0).attr('text-anchor', 'end').attr('font-size', fs * 0.85).attr('font-weight', 700)
      .attr('fill', INK).text(t('dist.line', { value: fmtNumber(povertyLine, 0) }));
    lineG.append('text').attr('x', x(Math.min(bandTop, DIST_MAX)) + 4).attr('y', m.top + fs * 1.0).attr('font-size', fs * 0.85)
      .attr('fill', INK).text(t('dist.band', { k: fmtNumber(bandTop / povertyLine, 1) }));

    // legend
    legendG.selectAll('*').remove();
    let lx0 = m.left;
    CATEGORY_LABEL.forEach((id, c) => {
      legendG.append('rect').attr('x', lx0).attr('y', fs * 0.5).attr('width', fs * 0.95).attr('height', fs * 0.95).attr('fill', CATEGORY_COLOUR[c]);
      const text = legendG.append('text').attr('x', lx0 + fs * 1.3).attr('y', fs * 1.3).attr('font-size', fs * 0.85).attr('fill', INK).text(t(id));
      lx0 += fs * 2 + (text.node()?.getComputedTextLength() ?? fs * 6);
    });

    // summary: share of households below the line and in the band
    summaryG.selectAll('*').remove();
    if (dist) {
      const at = summaryOffset(meta.counties.length) + u * 3;
      const [total, below, inBand] = [dist[at], dist[at + 1], dist[at + 2]];
      const text = t('dist.summary', {
        unit: place, year: fmtYear(meta.startYear + yi),
        below: fmtPercent(total ? below / total : 0, 1), band: fmtPercent(total ? inBand / total : 0, 1), households: fmtCompact(total),
      });
      // one line, or two on a narrow screen (a phone), between the legend and the plot
      const lines = wrapText(text, width - m.left - fs * 0.5, { size: fs * 0.85 }, 2);
      const summaryY = lines.length > 1 ? fs * 2.6 : fs * 3.1;
      lines.forEach((line, i) => summaryG.append('text').attr('x', m.left).attr('y', summaryY + i * fs * 1.0).attr('font-size', fs * 0.85).attr('fill', INK).text(line));
    } else {
      summaryG.append('text').attr('x', m.left).attr('y', fs * 3.1).attr('font-size', fs * 0.85).attr('fill', INK_MUTED).text(t('dist.none'));
    }
    root.attr('data-year', meta.startYear + yi).style('background', PAPER);
  }

  return { svg, render };
}
