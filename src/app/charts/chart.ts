import { PAPER } from './palette';

/** A chart drawn with d3 into its own SVG, redrawn for the container's current size. */
export interface Chart {
  readonly svg: SVGSVGElement;
  /** Redraws from the current data, view state, size and language. */
  render(): void;
}

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** Pixel size of the chart's container. */
export function sizeOf(node: HTMLElement): { width: number; height: number } {
  return { width: Math.max(120, node.clientWidth), height: Math.max(120, node.clientHeight) };
}

/** Creates a chart's SVG in its container, with its class and ARIA role. */
export function createChartSvg(container: HTMLElement, className: string, role: 'img' | 'group'): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', `chart ${className}`);
  svg.setAttribute('role', role);
  container.append(svg);
  return svg;
}

/** Sizes the SVG to its container (width, height, viewBox, font) and returns the size. */
export function fitSvg(svg: SVGSVGElement, container: HTMLElement): { width: number; height: number } {
  const size = sizeOf(container);
  svg.setAttribute('width', String(size.width));
  svg.setAttribute('height', String(size.height));
  svg.setAttribute('viewBox', `0 0 ${size.width} ${size.height}`);
  svg.setAttribute('font-family', FONT);
  return size;
}

/** Font stack used inside SVGs (kept as attributes so exported files render the same). */
export const FONT = '"Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans", "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

/**
 * Base font size for chart text: large enough for a projector, scaled down on small screens.
 * A chart inside an element with `data-font-scale` (the lesson presenter's side view, read from
 * the back of a room) scales it by that factor; its margins follow, as they are set in `fs`.
 */
export function baseFont(width: number, height: number, container?: HTMLElement): number {
  const scale = Number(container?.closest<HTMLElement>('[data-font-scale]')?.dataset.fontScale ?? 1);
  const fs = Math.round(Math.max(12, Math.min(17, Math.min(width / 40, height / 22))));
  return Number.isFinite(scale) && scale > 0 ? fs * scale : fs;
}

/** White outline behind text so it reads over lines and grid (`width` px of outline). */
export function halo<T extends { attr(name: string, value: string | number): T }>(s: T, width = 5): T {
  return s.attr('stroke', PAPER).attr('stroke-width', width).attr('paint-order', 'stroke').attr('stroke-linejoin', 'round');
}
