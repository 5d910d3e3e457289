/** Small inline SVG icons (fonts on projector PCs often lack the media-control glyphs). */
const PATHS = {
  play: 'M4 2.5v11l9.5-5.5z',
  pause: 'M3.5 2.5h3.2v11H3.5zM9.3 2.5h3.2v11H9.3z',
  step: 'M2.5 2.5v11l8-5.5zM11 2.5h2.6v11H11z',
  reset: 'M8 2.2a5.8 5.8 0 1 1-5.5 4h2.2A3.7 3.7 0 1 0 8 4.3V6.4L4.6 3.3 8 0.2z',
} as const;

export type IconName = keyof typeof PATHS;

export function icon(name: IconName): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '1em');
  svg.setAttribute('height', '1em');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'icon');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', PATHS[name]);
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}
