import { type Provenance, pngBlob, svgText } from '../export/chartExport';
import { downloadBlob, downloadText } from '../export/download';
import { el } from '../dom/el';
import { onLangChange, t } from '../i18n/i18n';

/**
 * SVG and PNG download buttons for one chart. Each file carries the caption above the chart and
 * its provenance under it, with the manifest that reproduces it inside the file.
 */
export function exportButtons(options: {
  svg: () => SVGSVGElement;
  /** The chart's name, for the buttons' accessible labels. */
  name: () => string;
  caption: () => string;
  fileName: () => string;
  provenance: () => Provenance | undefined;
}): HTMLElement {
  const svgBtn = el('button', { type: 'button', class: 'btn btn-small', 'data-export': 'svg', text: 'SVG' });
  const pngBtn = el('button', { type: 'button', class: 'btn btn-small', 'data-export': 'png', text: 'PNG' });
  svgBtn.addEventListener('click', () => downloadText(`${options.fileName()}.svg`, svgText(options.svg(), options.caption(), options.provenance()), 'image/svg+xml'));
  pngBtn.addEventListener('click', async () => {
    const p = options.provenance();
    downloadBlob(`${options.fileName()}.png`, await pngBlob(svgText(options.svg(), options.caption(), p), 2, p?.manifest));
  });
  const labels = () => {
    svgBtn.setAttribute('aria-label', t('export.chartSvg', { chart: options.name() }));
    pngBtn.setAttribute('aria-label', t('export.chartPng', { chart: options.name() }));
  };
  labels();
  onLangChange(labels);
  return el('span', { class: 'export-buttons' }, svgBtn, pngBtn);
}
