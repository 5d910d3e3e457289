import type { Chart } from '../charts/chart';
import type { Provenance } from '../export/chartExport';
import type { AppContext } from '../context';
import { el } from '../dom/el';
import { onLangChange, t } from '../i18n/i18n';
import type { StringId } from '../i18n/strings';
import { exportButtons } from './exportButtons';

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
    /** What made the figure, printed under an exported file and stored in it. */
    provenance: () => Provenance | undefined;
    create: (body: HTMLElement, ctx: AppContext) => Chart;
  },
): ChartPanel {
  const heading = el('h2', { class: 'panel-title', id: `${options.id}-title` });
  const subtitle = el('span', { class: 'panel-subtitle' });
  const body = el('div', { class: 'panel-body' });
  const section = el('section', { class: `panel panel-${options.id}`, id: options.id, 'aria-labelledby': `${options.id}-title` },
    el('header', { class: 'panel-head' },
      el('div', { class: 'panel-heading' }, heading, subtitle),
      el('div', { class: 'panel-controls' }, ...(options.controls ?? []), exportButtons({
        svg: () => chart.svg,
        name: () => t(options.title),
        caption: () => `${t(options.title)}${options.subtitle ? ` · ${options.subtitle()}` : ''}`,
        fileName: options.fileName,
        provenance: options.provenance,
      }))),
    body,
    options.footer ?? null);
  const chart = options.create(body, ctx);

  function labels(): void {
    heading.textContent = t(options.title);
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
