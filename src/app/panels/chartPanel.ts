import type { Chart } from '../charts/chart';
import { svgText, pngBlob } from '../export/chartExport';
import { downloadBlob, downloadText } from '../export/download';
import type { AppContext } from '../context';
import { el } from '../dom/el';
import { onLangChange, t } from '../i18n/i18n';
import type { StringId } from '../i18n/strings';

export interface ChartPanel {
  section: HTMLElement;
  chart: Chart;
  /** Redraws the chart and the header's dynamic parts. */
  render(): void;
}

/**
 * A chart's frame: heading, a subtitle that follows the view, optional controls, SVG and PNG
 * download buttons, and a body the chart fills (redrawn when its size changes).
 */
export function createChartPanel(
  ctx: AppContext,
  options: {
    id: string;
    title: StringId;
    subtitle?: () => string;
    controls?: HTMLElement[];
    footer?: HTMLElement;
    fileName: () => string;
    create: (body: HTMLElement, ctx: AppContext) => Chart;
  },
): ChartPanel {
  const heading = el('h2', { class: 'panel-title', id: `${options.id}-title` });
  const subtitle = el('span', { class: 'panel-subtitle' });
  const svgBtn = el('button', { type: 'button', class: 'btn btn-small', 'data-export': 'svg', text: 'SVG' });
  const pngBtn = el('button', { type: 'button', class: 'btn btn-small', 'data-export': 'png', text: 'PNG' });
  const body = el('div', { class: 'panel-body' });
  const section = el('section', { class: `panel panel-${options.id}`, id: options.id, 'aria-labelledby': `${options.id}-title` },
    el('header', { class: 'panel-head' },
      el('div', { class: 'panel-heading' }, heading, subtitle),
      el('div', { class: 'panel-controls' }, ...(options.controls ?? []), el('span', { class: 'export-buttons' }, svgBtn, pngBtn))),
    body,
    options.footer ?? null);
  const chart = options.create(body, ctx);

  const caption = () => `${t(options.title)}${options.subtitle ? ` · ${options.subtitle()}` : ''}`;
  svgBtn.addEventListener('click', () => downloadText(`${options.fileName()}.svg`, svgText(chart.svg, caption()), 'image/svg+xml'));
  pngBtn.addEventListener('click', async () => downloadBlob(`${options.fileName()}.png`, await pngBlob(svgText(chart.svg, caption()), 2)));

  function labels(): void {
    heading.textContent = t(options.title);
    svgBtn.setAttribute('aria-label', t('export.chartSvg', { chart: t(options.title) }));
    pngBtn.setAttribute('aria-label', t('export.chartPng', { chart: t(options.title) }));
  }

  function render(): void {
    const t0 = performance.now();
    subtitle.textContent = options.subtitle ? options.subtitle() : '';
    chart.render();
    // user timing, visible in the browser's performance panel (and read by the e2e tests)
    performance.measure(`render:${options.id}`, { start: t0, end: performance.now() });
  }

  labels();
  onLangChange(labels);
  let queued = false;
  new ResizeObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      render();
    });
  }).observe(body);
  return { section, chart, render };
}
