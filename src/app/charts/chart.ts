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

/** Font stack used inside SVGs (kept as attributes so exported files render the same). */
export const FONT = '"Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans", "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

/** Base font size for chart text: large enough for a projector, scaled down on small screens. */
export function baseFont(width: number, height: number): number {
  return Math.round(Math.max(12, Math.min(17, Math.min(width / 40, height / 22))));
}
