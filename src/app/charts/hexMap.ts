import { extent, scaleSequential, select, type Selection } from 'd3';
import { INDICATORS, type IndicatorName } from '../../model';
import { type AppContext } from '../context';
import { fmtIndicator, fmtYear } from '../i18n/format';
import { bi, t } from '../i18n/i18n';
import { unitText } from '../i18n/units';
import { baseFont, type Chart, createChartSvg, fitSvg } from './chart';
import { INK, INK_MUTED, PAPER, sequential, textOn } from './palette';

const LABEL = new Map(INDICATORS.map((i) => [i.name, i]));
const SQRT3 = Math.sqrt(3);

/** Corners of a pointy-top hexagon of radius r centred at the origin. */
function hexPath(r: number): string {
  const pts: string[] = [];
  for (let i = 0; i < 6; i++) {
    const a = (Math.PI / 180) * (60 * i - 30);
    pts.push(`${(r * Math.cos(a)).toFixed(2)},${(r * Math.sin(a)).toFixed(2)}`);
  }
  return `M${pts.join('L')}Z`;
}

/**
 * The region as a hex map: one pointy-top hexagon per county at its `hex` (column, row), odd
 * rows shifted half a hexagon right. Colour = the chosen indicator in the shown year, on a
 * viridis scale fixed over every recorded year so colours compare across time. Hover or focus
 * shows a tooltip; click, Enter or Space selects the county.
 */
export function createHexMap(container: HTMLElement, ctx: AppContext): Chart {
  const svg = createChartSvg(container, 'hex-map', 'group');
  const root = select(svg);
  const defs = root.append('defs');
  const gradient = defs.append('linearGradient').attr('id', 'hexmap-legend-gradient');
  const mapLayer = root.append('g').attr('class', 'hexes');
  const legend = root.append('g').attr('class', 'legend');

  function tooltipLines(c: number, indicator: IndicatorName): string[] {
    const meta = ctx.sim.meta!;
    const y = ctx.store.state.yearIndex;
    const county = meta.counties[c];
    const lines = [`${bi(county.name)} · ${t(`terrain.${county.terrain}`)}`, `${fmtYear(meta.startYear + y)}`];
    const shown = new Set<IndicatorName>([indicator, 'povertyRate', 'meanIncome', 'loopGain']);
    for (const name of shown) {
      lines.push(`${bi(LABEL.get(name)!.label)}: ${fmtIndicator(name, ctx.sim.value(y, c, name))}`);
    }
    lines.push(t('map.clickToSelect'));
    return lines;
  }

  function render(): void {
    const meta = ctx.sim.meta;
    if (!meta) return;
    const { width, height } = fitSvg(svg, container);
    const indicator = ctx.store.state.mapIndicator;
    const spec = LABEL.get(indicator)!;
    svg.setAttribute('aria-label', `${t('panel.map')}: ${bi(spec.label)}`);
    const fs = baseFont(width, height, container);
    const legendH = fs * 3.6;
    const yi = ctx.store.state.yearIndex;
    const selected = ctx.store.state.selected;

    // colour domain over every recorded year and county, so a colour means the same in every year
    const all: number[] = [];
    for (let y = 0; y < ctx.sim.yearsRecorded; y++) for (let c = 0; c < meta.counties.length; c++) all.push(ctx.sim.value(y, c, indicator));
    let [lo, hi] = extent(all) as [number, number];
    if (lo === undefined || !Number.isFinite(lo)) [lo, hi] = [0, 1];
    if (hi - lo < 1e-9) [lo, hi] = [lo - 0.5, hi + 0.5];
    if (spec.unit.startsWith('share') && lo >= 0) lo = 0;
    const colour = scaleSequential(sequential).domain([lo, hi]);

    // hexagon geometry fitted to the panel
    const cols = Math.max(...meta.counties.map((c) => c.hex[0] + (c.hex[1] % 2 ? 0.5 : 0))) + 1;
    const rows = Math.max(...meta.counties.map((c) => c.hex[1])) + 1;
    const pad = fs * 0.6;
    const availH = height - legendH - pad * 2;
    const r = Math.max(10, Math.min((width - pad * 2) / (SQRT3 * (cols + 0.02)), availH / (1.5 * rows + 0.5)));
    const gridW = SQRT3 * r * cols;
    const gridH = r * (1.5 * rows + 0.5);
    const x0 = (width - gridW) / 2 + (SQRT3 * r) / 2;
    const y0 = pad + (availH - gridH) / 2 + r;
    const pos = (c: number): [number, number] => {
      const [col, row] = meta.counties[c].hex;
      return [x0 + SQRT3 * r * (col + (row % 2 ? 0.5 : 0)), y0 + 1.5 * r * row];
    };
    const nameSize = Math.max(12, Math.min(r * 0.3, fs * 1.25));
    const valueSize = Math.max(12, Math.min(r * 0.34, fs * 1.45));

    const hexes = mapLayer
      .selectAll<SVGGElement, number>('g.county')
      .data(meta.counties.map((_, i) => i), (d) => String(d))
      .join((enter) => {
        const g = enter.append('g').attr('class', 'county').attr('tabindex', 0).attr('role', 'button');
        g.append('path').attr('class', 'cell');
        g.append('text').attr('class', 'name');
        g.append('text').attr('class', 'value');
        g.append('text').attr('class', 'terrain');
        g.on('click', (_e, d) => ctx.store.set({ selected: ctx.store.state.selected === d ? null : d }))
          .on('keydown', (e: KeyboardEvent, d) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              ctx.store.set({ selected: ctx.store.state.selected === d ? null : d });
            }
          })
          .on('pointermove', (e: PointerEvent, d) => ctx.tooltip.show(tooltipLines(d, ctx.store.state.mapIndicator), e.clientX, e.clientY))
          .on('pointerleave blur', () => ctx.tooltip.hide())
          .on('focus', function (_e, d) {
            ctx.tooltip.showAt(tooltipLines(d, ctx.store.state.mapIndicator), this);
          });
        return g;
      });

    hexes
      .attr('transform', (d) => `translate(${pos(d)[0]},${pos(d)[1]})`)
      .attr('aria-pressed', (d) => String(selected === d))
      .attr('aria-label', (d) => `${bi(meta.counties[d].name)}, ${t(`terrain.${meta.counties[d].terrain}`)}: ${bi(spec.label)} ${fmtIndicator(indicator, ctx.sim.value(yi, d, indicator))}`)
      .attr('data-county', (d) => meta.counties[d].id);
    hexes.sort((a, b) => (a === selected ? 1 : b === selected ? -1 : a - b));

    const cells = hexes
      .select<SVGPathElement>('path.cell')
      .attr('d', hexPath(r * 0.965))
      .attr('stroke', (d) => (d === selected ? INK : PAPER))
      .attr('stroke-width', (d) => (d === selected ? Math.max(4, r * 0.07) : 2));
    // colours glide from year to year; the first drawing is immediate
    cells.filter(function () {
      return !this.hasAttribute('fill');
    }).attr('fill', (d) => colour(ctx.sim.value(yi, d, indicator)));
    cells.transition().duration(350).attr('fill', (d) => colour(ctx.sim.value(yi, d, indicator)));

    const fillOf = (d: number) => colour(ctx.sim.value(yi, d, indicator));
    hexes
      .select('text.name')
      .attr('y', -valueSize * 0.55)
      .attr('text-anchor', 'middle')
      .attr('font-size', nameSize)
      .attr('font-weight', 700)
      .attr('fill', (d) => textOn(fillOf(d)))
      .text((d) => bi(meta.counties[d].name));
    hexes
      .select('text.value')
      .attr('y', valueSize * 0.6)
      .attr('text-anchor', 'middle')
      .attr('font-size', valueSize)
      .attr('font-weight', 700)
      .attr('fill', (d) => textOn(fillOf(d)))
      .text((d) => fmtIndicator(indicator, ctx.sim.value(yi, d, indicator)));
    hexes
      .select('text.terrain')
      .attr('y', valueSize * 0.6 + nameSize * 1.25)
      .attr('text-anchor', 'middle')
      .attr('font-size', Math.max(11, nameSize * 0.78))
      .attr('fill', (d) => textOn(fillOf(d)))
      .text((d) => (r > 46 ? t(`terrain.${meta.counties[d].terrain}`) : ''));

    drawLegend(legend, gradient, colour, indicator, width, height, legendH, fs, lo, hi);
  }

  function drawLegend(
    g: Selection<SVGGElement, unknown, null, undefined>,
    grad: Selection<SVGLinearGradientElement, unknown, null, undefined>,
    colour: (v: number) => string,
    indicator: IndicatorName,
    width: number,
    height: number,
    legendH: number,
    fs: number,
    lo: number,
    hi: number,
  ): void {
    const spec = LABEL.get(indicator)!;
    const barW = Math.min(width * 0.7, 520);
    const barH = fs * 0.9;
    const x = (width - barW) / 2;
    const y = height - legendH + fs * 0.4;
    grad
      .selectAll('stop')
      .data([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1])
      .join('stop')
      .attr('offset', (d) => `${d * 100}%`)
      .attr('stop-color', (d) => colour(lo + d * (hi - lo)));
    g.selectAll('*').remove();
    g.append('text')
      .attr('x', x - fs * 0.5)
      .attr('y', y + barH * 0.85)
      .attr('text-anchor', 'end')
      .attr('font-size', fs * 0.95)
      .attr('fill', INK)
      .text(fmtIndicator(indicator, lo));
    g.append('rect').attr('x', x).attr('y', y).attr('width', barW).attr('height', barH).attr('fill', 'url(#hexmap-legend-gradient)').attr('stroke', INK_MUTED);
    g.append('text')
      .attr('x', x + barW + fs * 0.5)
      .attr('y', y + barH * 0.85)
      .attr('font-size', fs * 0.95)
      .attr('fill', INK)
      .text(fmtIndicator(indicator, hi));
    g.append('text')
      .attr('x', width / 2)
      .attr('y', y + barH + fs * 1.35)
      .attr('text-anchor', 'middle')
      .attr('font-size', fs * 0.95)
      .attr('fill', INK_MUTED)
      .text(`${bi(spec.label)} (${unitText(spec.unit)}) · ${t('map.legendScope')}`);
  }

  return { svg, render };
}
