import { line, max, select, type Selection } from 'd3';
import type { IndicatorName } from '../../model';
import { type AppContext, viewUnit } from '../context';
import { fmtFixed, fmtIndicator, fmtNumber, fmtPercent, fmtYear } from '../i18n/format';
import { t } from '../i18n/i18n';
import type { StringId } from '../i18n/strings';
import { baseFont, type Chart, createChartSvg, fitSvg } from './chart';
import { DAMPING, INK, INK_MUTED, OKABE_ITO, PAPER, REINFORCING } from './palette';
import { textWidth, wrapText } from './textWrap';
import { unitName } from '../i18n/labels';

type StageId = 'ecology' | 'outflow' | 'accumulation' | 'momentum' | 'attraction';

interface Stage {
  id: StageId;
  /** Position in the essay's sequence, 1 to 5. */
  n: number;
  title: StringId;
  /** Position: a corner of the ring (x, y in -1..1) or the centre (0, 0). */
  at: [number, number];
  metric: (ctx: AppContext, y: number, u: number) => string;
}

const v = (ctx: AppContext, y: number, u: number, name: IndicatorName) => ctx.sim.value(y, u, name);

/**
 * The five stages in the essay's words (二(三)), laid out like the five on a die: the four of the
 * closing ring at the corners, read clockwise from the top right, ecology (where it starts) in the middle.
 */
const STAGES: Stage[] = [
  { id: 'ecology', n: 1, title: 'loop.stage.ecology', at: [0, 0],
    metric: (ctx, y, u) => t('loop.metric.ecology', { value: fmtNumber(v(ctx, y, u, 'ecoCapacity'), 2) }) },
  { id: 'outflow', n: 2, title: 'loop.stage.outflow', at: [1, -1],
    metric: (ctx, y, u) => (y === 0 ? t('loop.metric.none') : t('loop.metric.outflow', {
      talent: fmtNumber(v(ctx, y, u, 'talentOutflow'), 0), youth: fmtIndicator('youthOutflow', v(ctx, y, u, 'youthOutflow')) })) },
  { id: 'accumulation', n: 3, title: 'loop.stage.accumulation', at: [1, 1],
    metric: (ctx, y, u) => t('loop.metric.accumulation', { value: fmtPercent(v(ctx, y, u, 'localInvestmentRate'), 1) }) },
  { id: 'momentum', n: 4, title: 'loop.stage.momentum', at: [-1, 1],
    metric: (ctx, y, u) => (y === 0 ? t('loop.metric.none') : t('loop.metric.momentum', { value: fmtPercent(v(ctx, y, u, 'growthMomentum'), 1) })) },
  { id: 'attraction', n: 5, title: 'loop.stage.attraction', at: [-1, -1],
    metric: (ctx, y, u) => t('loop.metric.attraction', { value: fmtNumber(v(ctx, y, u, 'attraction'), 2) }) },
];

interface Link {
  from: StageId;
  to: StageId;
  indicator: IndicatorName;
  /** One of the four links whose product is the loop gain. */
  closing: boolean;
  help: StringId;
}

const LINKS: Link[] = [
  { from: 'ecology', to: 'outflow', indicator: 'linkEcologyOutflow', closing: false, help: 'loop.link.ecologyOutflow' },
  { from: 'outflow', to: 'accumulation', indicator: 'linkOutflowAccumulation', closing: true, help: 'loop.link.outflowAccumulation' },
  { from: 'accumulation', to: 'momentum', indicator: 'linkAccumulationMomentum', closing: true, help: 'loop.link.accumulationMomentum' },
  { from: 'momentum', to: 'attraction', indicator: 'linkMomentumAttraction', closing: true, help: 'loop.link.momentumAttraction' },
  { from: 'attraction', to: 'outflow', indicator: 'linkAttractionOutflow', closing: true, help: 'loop.link.attractionOutflow' },
  { from: 'momentum', to: 'ecology', indicator: 'linkMomentumEcology', closing: false, help: 'loop.link.momentumEcology' },
];

interface Box { x: number; y: number; w: number; h: number }
type Pt = [number, number];

const inside = (p: Pt, b: Box, margin: number) =>
  p[0] > b.x - b.w / 2 - margin && p[0] < b.x + b.w / 2 + margin && p[1] > b.y - b.h / 2 - margin && p[1] < b.y + b.h / 2 + margin;

const dist = (a: Pt, b: Pt) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/**
 * The vicious circle (贫困恶性循环) for the selected county (or the region) in the year shown.
 * Each arrow's width and label give the link's measured elasticity; vermillion arrows push the
 * circle on, blue ones work against it. Beside it, the loop gain: the product of the four
 * closing links, reinforcing above 1, broken below 1.
 */
export function createLoopDiagram(container: HTMLElement, ctx: AppContext): Chart {
  const svg = createChartSvg(container, 'loop-diagram', 'group');
  const root = select(svg);
  const linkLayer = root.append('g').attr('class', 'links');
  const nodeLayer = root.append('g').attr('class', 'stages');
  const gainLayer = root.append('g').attr('class', 'gain');

  function render(): void {
    const meta = ctx.sim.meta;
    if (!meta) return;
    const { width, height } = fitSvg(svg, container);
    const y = ctx.store.state.yearIndex;
    const u = viewUnit(ctx);
    const place = unitName(meta.counties, u);
    svg.setAttribute('aria-label', t('loop.aria', { unit: place, year: fmtYear(meta.startYear + y) }));

    const fs = baseFont(width, height, container);
    const side = width / height > 1.45;
    const infoW = side ? Math.min(width * 0.3, fs * 17) : width;
    const infoH = side ? height : fs * 6.2;
    const dW = side ? width - infoW : width;
    const dH = side ? height : height - infoH;
    const nodeW = Math.min(fs * 13.5, dW * 0.4);
    const nodeH = fs * 4.7;
    const pad = fs * 0.6;
    const cx = dW / 2;
    const cy = dH / 2;
    const ax = Math.max(nodeW * 0.6, dW / 2 - nodeW / 2 - pad);
    const by = Math.max(nodeH * 1.05, dH / 2 - nodeH / 2 - pad);
    const box = new Map<StageId, Box>();
    for (const s of STAGES) {
      box.set(s.id, { x: cx + ax * s.at[0], y: cy + by * s.at[1], w: nodeW, h: nodeH });
    }

    // ---- links -------------------------------------------------------------------------------
    const values = LINKS.map((l) => v(ctx, y, u, l.indicator));
    const estimated = y > 0 && values.some((x) => Number.isFinite(x) && x !== 0);
    let vmax = 1;
    for (let yy = 1; yy < ctx.sim.yearsRecorded; yy++) {
      vmax = Math.max(vmax, max(LINKS, (l) => Math.abs(v(ctx, yy, u, l.indicator))) ?? 0);
    }
    const wMin = 2;
    const wMax = fs * 1.35;
    const widthOf = (x: number) => (estimated && Number.isFinite(x) ? wMin + (wMax - wMin) * Math.min(1, Math.abs(x) / vmax) : wMin + 1);
    const colourOf = (x: number) => (!estimated || !Number.isFinite(x) || Math.abs(x) < 1e-3 ? '#8c8c8c' : x > 0 ? REINFORCING : DAMPING);

    const geometry = LINKS.map((l, i) => ({ ...linkGeometry(l, box, cx, cy, widthOf(values[i]), fs), label: [0, 0] as Pt }));
    const links = linkLayer
      .selectAll<SVGGElement, Link>('g.link')
      .data(LINKS, (d) => d.indicator)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'link').attr('tabindex', 0).attr('role', 'img');
        g.append('path').attr('class', 'stroke');
        g.append('path').attr('class', 'loop-flow');
        g.append('path').attr('class', 'head');
        g.append('rect').attr('class', 'pill');
        g.append('text').attr('class', 'value');
        return g;
      })
      .attr('data-link', (d) => d.indicator);
    links.each(function (l, i) {
      const g = select(this);
      const geo = geometry[i];
      const val = values[i];
      const w = widthOf(val);
      const colour = colourOf(val);
      const label = estimated && Number.isFinite(val) ? fmtFixed(val, 2) : '–';
      g.attr('aria-label', `${t(l.help)}: ${label}`);
      g.select('path.stroke').attr('d', geo.path).attr('fill', 'none').attr('stroke', colour).attr('stroke-width', w).attr('stroke-linecap', 'butt')
        .attr('stroke-opacity', l.closing ? 1 : 0.85);
      g.select('path.loop-flow').attr('d', geo.path).attr('fill', 'none').attr('stroke', PAPER).attr('stroke-opacity', 0.55)
        .attr('stroke-width', Math.max(1, w * 0.28)).attr('stroke-dasharray', `${fs * 0.25} ${fs * 1.1}`)
        .style('animation-duration', `${Math.max(0.6, 3.2 - 2.4 * Math.min(1, Math.abs(val) / vmax))}s`)
        .attr('display', estimated && w > 5 ? null : 'none');
      g.select('path.head').attr('d', geo.head).attr('fill', colour);
      const tw = textWidth(label, fs * 1.05, 700) + fs * 1.1;
      const th = fs * 1.56;
      const clear = (p: Pt) => p[0] - tw / 2 > 2 && p[0] + tw / 2 < dW - 2 && p[1] - th / 2 > 2 && p[1] + th / 2 < dH - 2 &&
        [...box.values()].every((bx) => !(Math.abs(p[0] - bx.x) < (tw + bx.w) / 2 + 2 && Math.abs(p[1] - bx.y) < (th + bx.h) / 2 + 2));
      geo.label = geo.labels.find(clear) ?? geo.labels[0];
      g.select('rect.pill').attr('x', geo.label[0] - tw / 2).attr('y', geo.label[1] - fs * 0.78).attr('width', tw).attr('height', fs * 1.56)
        .attr('rx', fs * 0.78).attr('fill', PAPER).attr('stroke', colour).attr('stroke-width', 2);
      g.select('text.value').attr('x', geo.label[0]).attr('y', geo.label[1] + fs * 0.36).attr('text-anchor', 'middle')
        .attr('font-size', fs * 1.05).attr('font-weight', 700).attr('fill', INK).text(label);
    });
    links
      .on('pointermove', (e: PointerEvent, l) => ctx.tooltip.show(linkTooltip(l), e.clientX, e.clientY))
      .on('pointerleave blur', () => ctx.tooltip.hide())
      .on('focus', function (_e, l) {
        ctx.tooltip.showAt(linkTooltip(l), this);
      });

    function linkTooltip(l: Link): string[] {
      const val = v(ctx, y, u, l.indicator);
      return [t(l.help), `${place} · ${fmtYear(meta!.startYear + y)}: ${estimated ? fmtNumber(val, 3) : '–'}`,
        t(l.closing ? 'loop.closingLink' : 'loop.ecologyLink'), t(val > 0 ? 'loop.reinforcing.short' : 'loop.damping.short')];
    }

    // ---- stages ------------------------------------------------------------------------------
    const titleSize = fs * 1.02;
    const nodes = nodeLayer
      .selectAll<SVGGElement, Stage>('g.stage')
      .data(STAGES, (d) => d.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'stage');
        g.append('rect').attr('class', 'card');
        g.append('circle').attr('class', 'badge');
        g.append('text').attr('class', 'badge-n');
        g.append('text').attr('class', 'title');
        g.append('text').attr('class', 'metric');
        return g;
      })
      .attr('data-stage', (d) => d.id);
    nodes.each(function (s) {
      const g = select(this);
      const b = box.get(s.id)!;
      g.attr('transform', `translate(${b.x - b.w / 2},${b.y - b.h / 2})`);
      const eco = s.id === 'ecology';
      g.select('rect.card').attr('width', b.w).attr('height', b.h).attr('rx', fs * 0.6)
        .attr('fill', eco ? '#e3f3ec' : PAPER).attr('stroke', eco ? OKABE_ITO.bluishGreen : INK).attr('stroke-width', 2.5);
      const br = fs * 0.78;
      g.select('circle.badge').attr('cx', br + fs * 0.35).attr('cy', br + fs * 0.35).attr('r', br).attr('fill', eco ? '#006b4f' : INK);
      g.select('text.badge-n').attr('x', br + fs * 0.35).attr('y', br + fs * 0.35 + fs * 0.36).attr('text-anchor', 'middle')
        .attr('font-size', fs).attr('font-weight', 700).attr('fill', PAPER).text(String(s.n));
      // the title in two lines at most: shrink the type a little if the words need it
      let size = titleSize;
      let lines = wrapText(t(s.title), b.w - fs * 2.9, { size, weight: 700 }, 2);
      while (lines[lines.length - 1].endsWith('…') && size > titleSize * 0.78) {
        size *= 0.93;
        lines = wrapText(t(s.title), b.w - fs * 2.9, { size, weight: 700 }, 2);
      }
      const title = g.select('text.title').attr('x', fs * 2.45).attr('y', fs * 1.45 - (lines.length === 1 ? -fs * 0.3 : 0))
        .attr('font-size', size).attr('font-weight', 700).attr('fill', INK);
      title.selectAll('tspan').data(lines).join('tspan').attr('x', fs * 2.45).attr('dy', (_d, i) => (i === 0 ? 0 : size * 1.2)).text((d) => d);
      let metric = s.metric(ctx, y, u);
      const room = b.w - fs * 1.2;
      // too long even in small type: keep the first part ("talent left …" without "youth left …")
      if (textWidth(metric, 10.5) > room) metric = metric.split(' · ')[0];
      const metricSize = Math.max(10.5, Math.min(fs * 0.82, (room / textWidth(metric, fs * 0.82)) * fs * 0.82));
      g.select('text.metric').attr('x', fs * 0.6).attr('y', b.h - fs * 0.65).attr('font-size', metricSize).attr('fill', INK_MUTED)
        .text(metric);
    });

    // ---- loop gain ---------------------------------------------------------------------------
    drawGain(gainLayer, side ? dW : 0, side ? 0 : dH, infoW, infoH, fs, side, estimated, y, u, place, values);

  }

  function drawGain(
    g: Selection<SVGGElement, unknown, null, undefined>,
    x0: number, y0: number, w: number, h: number, fs: number, side: boolean, estimated: boolean,
    y: number, u: number, place: string, values: number[],
  ): void {
    const meta = ctx.sim.meta!;
    const gain = v(ctx, y, u, 'loopGain');
    const known = estimated && Number.isFinite(gain);
    const reinforcing = known && gain > 1;
    const flow = v(ctx, y, u, 'netFactorFlow');
    const upward = Number.isFinite(flow) && flow > 0;
    const flowText = Number.isFinite(flow) ? fmtPercent(Math.abs(flow)) : '–';
    const explain = () => (!known ? t('loop.notYet') : !reinforcing ? t('loop.explain.broken')
      : t(upward ? 'loop.explain.virtuous' : 'loop.explain.reinforcing', { flow: flowText }));
    const colour = !known ? '#8c8c8c' : reinforcing ? REINFORCING : DAMPING;
    g.attr('transform', `translate(${x0},${y0})`).attr('data-gain', known ? gain.toFixed(4) : '');
    g.selectAll('*').remove();
    const px = side ? fs * 0.8 : fs;
    type Line = { text: string; size: number; weight?: number; fill?: string; gap?: number };
    const wrapW = w - px * 1.5;
    const wrapped = (text: string, size: number, weight = 400, maxLines = 4) => wrapText(text, wrapW, { size, weight }, maxLines);
    const keyH = side ? fs * 4.2 : 0;
    const heightOf = (ls: Line[]) => ls.reduce((sum, l) => sum + l.size * 1.25 + (l.gap ?? 0), 0);
    /** The side column with at most `explainLines` of explanation (the last ending in "…" if cut) and maybe the legend note. */
    const sideLines = (explainLines: number, note: boolean): Line[] => {
      const ls: Line[] = [
        { text: `${place} · ${fmtYear(meta.startYear + y)}`, size: fs * 0.9, fill: INK_MUTED },
        { text: t('loop.gain'), size: fs * 1.1, weight: 700, gap: fs * 0.6 },
        { text: known ? fmtFixed(gain, 2) : '–', size: fs * 3.4, weight: 800, fill: colour, gap: fs * 0.4 },
        { text: known ? t(reinforcing ? 'loop.reinforcing' : 'loop.broken') : t('loop.notYetShort'), size: fs * 1.1, weight: 700, fill: colour, gap: fs * 0.2 },
      ];
      const closing = LINKS.map((l, i) => (l.closing ? values[i] : NaN)).filter((x) => !Number.isNaN(x));
      if (known) ls.push({ text: `= ${closing.map((x) => fmtFixed(x, 2)).join(' × ')}`, size: fs * 0.85, fill: INK_MUTED, gap: fs * 0.3 });
      if (explainLines > 0) {
        wrapped(explain(), fs * 0.85, 400, explainLines).forEach((l, i) => ls.push({ text: l, size: fs * 0.85, fill: INK, gap: i === 0 ? fs * 0.3 : 0 }));
      }
      if (note) wrapped(t('loop.legend.width'), fs * 0.8).forEach((l, i) => ls.push({ text: l, size: fs * 0.8, fill: INK_MUTED, gap: i === 0 ? fs * 0.6 : 0 }));
      return ls;
    };
    let lines: Line[] = side ? sideLines(5, true) : [
      { text: `${t('loop.gain')} ${known ? fmtFixed(gain, 2) : '–'} · ${known ? t(reinforcing ? 'loop.reinforcing' : 'loop.broken') : t('loop.notYetShort')}`, size: fs * 1.4, weight: 800, fill: colour },
      { text: wrapText(explain(), w - 2 * px, { size: fs * 0.8 }, 1)[0], size: fs * 0.8, fill: INK, gap: fs * 0.2 },
    ];
    // fit the side column: the legend note goes first, whole; then the explanation loses lines from
    // its end (cut from its start, it read as a fragment: "around: the circle…")
    for (let explainLines = 5; side && explainLines >= 0 && heightOf(lines) + keyH > h - fs; explainLines--) lines = sideLines(explainLines, false);
    let cursor = side ? Math.max(fs * 0.2, (h - heightOf(lines) - keyH) / 2 - fs * 0.5) : fs * 0.6;
    for (const l of lines) {
      cursor += (l.gap ?? 0) + l.size;
      g.append('text').attr('x', side ? px : w / 2).attr('y', cursor).attr('text-anchor', side ? 'start' : 'middle')
        .attr('font-size', l.size).attr('font-weight', l.weight ?? 400).attr('fill', l.fill ?? INK).text(l.text);
      cursor += l.size * 0.25;
    }
    // colour key
    const keyY = cursor + fs * 1.2;
    const key = [
      { colour: REINFORCING, text: t('loop.reinforcing.short') },
      { colour: DAMPING, text: t('loop.damping.short') },
    ];
    let ky = keyY;
    key.forEach((k, i) => {
      const kx = side ? px : w / 2 - fs * 12 + i * fs * 12;
      const rows = side ? wrapText(k.text, wrapW - fs * 2.5, { size: fs * 0.8 }, 2) : [k.text];
      const yy = side ? ky : keyY - fs * 0.6;
      g.append('line').attr('x1', kx).attr('x2', kx + fs * 2).attr('y1', yy).attr('y2', yy).attr('stroke', k.colour).attr('stroke-width', fs * 0.45);
      const text = g.append('text').attr('x', kx + fs * 2.5).attr('y', yy + fs * 0.3).attr('font-size', fs * 0.8).attr('fill', INK);
      text.selectAll('tspan').data(rows).join('tspan').attr('x', kx + fs * 2.5).attr('dy', (_d, j) => (j === 0 ? 0 : fs)).text((d) => d);
      ky += fs * (0.5 + rows.length);
    });
  }

  return { svg, render };
}

/**
 * Path, arrowhead and label position of one link: a quadratic curve between the two stages'
 * centres (bowed outward for the ring, straight for the ecology links), cut where it meets the
 * stage cards.
 */
function linkGeometry(l: Link, box: Map<StageId, Box>, cx: number, cy: number, w: number, fs: number) {
  const a = box.get(l.from)!;
  const b = box.get(l.to)!;
  const ecology = l.from === 'ecology' || l.to === 'ecology';
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  const vertical = Math.abs(a.x - b.x) < 1;
  // outward from the ring's centre
  const ox = vertical ? Math.sign(mx - cx) : 0;
  const oy = vertical ? 0 : Math.sign(my - cy);
  const bulge = ecology ? 0 : vertical ? a.w * 0.45 : fs * 2.2;
  const c: Pt = [mx + ox * bulge, my + oy * bulge];
  const N = 90;
  let pts: Pt[] = [];
  for (let i = 0; i <= N; i++) {
    const s = i / N;
    const u = 1 - s;
    pts.push([u * u * a.x + 2 * u * s * c[0] + s * s * b.x, u * u * a.y + 2 * u * s * c[1] + s * s * b.y]);
  }
  const margin = fs * 0.3;
  pts = pts.filter((p) => !inside(p, a, margin) && !inside(p, b, margin));
  if (pts.length < 2) pts = [[a.x, a.y], [b.x, b.y]];
  const end = pts[pts.length - 1];
  const headLen = Math.max(fs * 0.95, w * 1.5);
  const headHalf = Math.max(fs * 0.55, w * 1.05);
  let k = pts.length - 1;
  while (k > 0 && dist(pts[k], end) < headLen) k--;
  const base = pts[k];
  const body = pts.slice(0, k + 1);
  const dx = end[0] - base[0];
  const dy = end[1] - base[1];
  const len = Math.hypot(dx, dy) || 1;
  const nx = -dy / len;
  const ny = dx / len;
  const head = `M${end[0]},${end[1]}L${base[0] + nx * headHalf},${base[1] + ny * headHalf}L${base[0] - nx * headHalf},${base[1] - ny * headHalf}Z`;
  // label candidates, best first; the caller takes the first that overlaps no stage card
  const labels: Pt[] = [];
  const at = (f: number) => pts[Math.min(pts.length - 1, Math.floor(pts.length * f))];
  if (ecology) {
    const ex = b.x - a.x;
    const ey = b.y - a.y;
    const el = Math.hypot(ex, ey) || 1;
    let px = -ey / el;
    let py = ex / el;
    // away from the other ecology link: to the right of eco → outflow, to the left of momentum → eco
    if ((l.from === 'ecology' ? 1 : -1) * px < 0) [px, py] = [-px, -py];
    for (const side of [1, -1]) for (const f of [0.5, 0.35, 0.65]) for (const d of [1.9, 2.8]) {
      const p = at(f);
      labels.push([p[0] + side * px * (w / 2 + fs * d), p[1] + side * py * (w / 2 + fs * d)]);
    }
    // straight beside it, for a short link in a narrow gap between the rows of cards
    const hx = Math.sign(px) || 1;
    for (const side of [1, -1]) for (const d of [2.4, 3.4, 4.6]) labels.push([at(0.5)[0] + side * hx * (w / 2 + fs * d), at(0.5)[1]]);
  } else if (vertical) {
    const p = at(0.5);
    for (const d of [2.2, 3]) labels.push([p[0] - ox * (w / 2 + fs * d), p[1]]);
    for (const d of [2.2, 3]) labels.push([p[0] + ox * (w / 2 + fs * d), p[1]]);
  } else {
    const p = at(0.5);
    labels.push([p[0], p[1] - oy * (w / 2 + fs * 1.3)], [p[0], p[1] + oy * (w / 2 + fs * 1.3)]);
  }
  return { path: line()(body) ?? '', head, labels };
}
