import { FONT } from '../charts/chart';
import { INK_MUTED, PAPER } from '../charts/palette';
import { wrapText } from '../charts/textWrap';
import { withPngText } from './pngText';

/**
 * What made a figure: a line printed under it (app, version, scenario, seed, runs, date) and
 * the manifest that reproduces it (the scenario in full, or the sweep file), stored in the file:
 * an SVG's <metadata>, a PNG's text chunk `poverty-loop`.
 */
export interface Provenance {
  footer: string;
  manifest: Record<string, unknown>;
}

/** Keyword of the PNG text chunk that holds the manifest. */
export const PNG_MANIFEST_KEY = 'poverty-loop';

/**
 * A chart's SVG as a standalone file: a copy with the namespace, its pixel size, a white
 * background, the font stack, an optional title line and, given its provenance, a line under it
 * and the manifest in <metadata>. Charts keep their styling in attributes, so the copy renders
 * the same outside the page.
 */
export function svgText(svg: SVGSVGElement, caption?: string, provenance?: Provenance): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const width = Number(svg.getAttribute('width')) || svg.clientWidth;
  let height = Number(svg.getAttribute('height')) || svg.clientHeight;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('font-family', FONT);
  copy.querySelectorAll('[tabindex]').forEach((n) => n.removeAttribute('tabindex'));
  copy.querySelectorAll('.loop-flow').forEach((n) => n.remove());
  const ns = 'http://www.w3.org/2000/svg';
  const bg = document.createElementNS(ns, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', PAPER);
  copy.insertBefore(bg, copy.firstChild);
  if (caption) {
    const top = 34;
    const g = document.createElementNS(ns, 'g');
    g.setAttribute('transform', `translate(0,${top})`);
    while (copy.childNodes.length > 1) g.append(copy.childNodes[1]);
    copy.append(g);
    const text = document.createElementNS(ns, 'text');
    text.setAttribute('x', '12');
    text.setAttribute('y', '24');
    text.setAttribute('font-size', '18');
    text.setAttribute('font-weight', '700');
    text.setAttribute('fill', '#1a1a1a');
    text.textContent = caption;
    copy.append(text);
    height += top;
  }
  if (provenance) {
    // wrapped to the figure's width: a narrow chart's footer takes two or three lines
    const lines = wrapText(provenance.footer, width - 24, { size: 11 }, 6);
    const foot = document.createElementNS(ns, 'text');
    foot.setAttribute('class', 'provenance');
    foot.setAttribute('y', String(height + 16));
    foot.setAttribute('font-size', '11');
    foot.setAttribute('fill', INK_MUTED);
    lines.forEach((line, i) => {
      const span = document.createElementNS(ns, 'tspan');
      span.setAttribute('x', '12');
      span.setAttribute('dy', i === 0 ? '0' : '14');
      span.textContent = line;
      foot.append(span);
    });
    copy.append(foot);
    height += 10 + 14 * lines.length;
    const meta = document.createElementNS(ns, 'metadata');
    meta.setAttribute('id', 'poverty-loop-manifest');
    meta.textContent = JSON.stringify(provenance.manifest);
    copy.insertBefore(meta, copy.firstChild);
  }
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** The SVG rendered to a PNG at `scale` × its pixel size, with the manifest in a text chunk when given. */
export async function pngBlob(svgSource: string, scale = 2, manifest?: Record<string, unknown>): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgSource], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(img.naturalWidth * scale);
    canvas.height = Math.round(img.naturalHeight * scale);
    const g = canvas.getContext('2d')!;
    g.fillStyle = PAPER;
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    const png = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
    if (!manifest) return png;
    const bytes = withPngText(new Uint8Array(await png.arrayBuffer()), PNG_MANIFEST_KEY, JSON.stringify(manifest));
    return new Blob([bytes], { type: 'image/png' });
  } finally {
    URL.revokeObjectURL(url);
  }
}
