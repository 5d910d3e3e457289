/**
 * A table of measures, each with its median and 5–95% band over runs: the comparison's
 * cost-effectiveness and the interaction box.
 */
import type { Band } from '../../analysis/stats';
import { el } from '../dom/el';
import { t } from '../i18n/i18n';

/** The median and band cells of one measure. */
export function bandCells(b: Band, f: (v: number) => string): HTMLElement[] {
  return [el('td', { text: f(b.median) }), el('td', { text: `${f(b.lo)} – ${f(b.hi)}` })];
}

/** The table: a header (measure, median, band) over the rows given. */
export function bandTable(rows: HTMLElement[]): HTMLElement {
  return el('table', { class: 'ce-table' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('ce.measure') }), el('th', { scope: 'col', text: t('ce.median') }), el('th', { scope: 'col', text: t('ce.band') }))),
    el('tbody', {}, ...rows));
}
