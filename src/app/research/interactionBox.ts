/**
 * The interaction box of the comparison view (软硬并补): the 2×2 factorial of one lever of the
 * loaded scenario (A) against its other interventions (B), on the ensemble pool, numbered and
 * seeded as `npm run sim -- s.json --interaction A --runs N` (src/analysis/interaction.ts). It
 * shows A's effect without B, with B and the interaction, median and 5-95% band, for the view's
 * indicator and place at the last year, and what the bands say.
 */
import { type Band, bandAt, ensembleBands, factorialArms, interactionContrasts, interactionVerdict, leversOf, splitArms } from '../../analysis';
import { type IndicatorName, LEVER_BY_NAME } from '../../model';
import { type AppContext, viewUnit } from '../context';
import { el } from '../dom/el';
import { fmtIndicator, fmtYear } from '../i18n/format';
import { bi, onLangChange, t } from '../i18n/i18n';
import type { StringId } from '../i18n/strings';
import { bandCells, bandTable } from './bandTable';
import { interactionJobs } from './jobs';
import { createPoolControls } from './poolControls';
import { interactionFor, research } from './state';
import { indicatorLabel, unitName } from '../i18n/labels';

export interface InteractionBox {
  root: HTMLElement;
  render(): void;
  cancel(): void;
}

const leverLabel = (name: string) => bi(LEVER_BY_NAME.get(name)?.label) || name;

export function createInteractionBox(ctx: AppContext, view: { indicator(): IndicatorName; runs(): number }): InteractionBox {
  const title = el('h3', { class: 'research-subtitle', id: 'ix-title' });
  const hint = el('p', { class: 'research-note' });
  const need = el('p', { class: 'research-note', id: 'ix-need' });
  const leverLabelEl = el('label', { for: 'ix-lever', class: 'inline-label' });
  const lever = el('select', { id: 'ix-lever', class: 'select' });
  const runBtn = el('button', { type: 'button', class: 'btn btn-primary', id: 'ix-run' });
  const controls = createPoolControls('ix', { pausable: false, onRunningChange: (r) => (runBtn.disabled = r) });
  const caption = el('p', { class: 'research-note', id: 'ix-caption' });
  const table = el('div', { id: 'ix-table' });
  const verdict = el('p', { class: 'ix-verdict', id: 'ix-verdict' });
  const form = el('div', {}, el('div', { class: 'form-row' }, leverLabelEl, lever, runBtn), controls.root);
  const result = el('div', { id: 'ix-result' }, caption, table, verdict);
  const root = el('section', { class: 'ix-box', id: 'ix-box', 'aria-labelledby': 'ix-title' }, title, hint, need, form, result);

  runBtn.addEventListener('click', async () => {
    const s = ctx.sim.scenario;
    if (!s || !lever.value) return;
    const a = lever.value;
    const f = factorialArms(s, [a]);
    const n = view.runs();
    const out = await controls.run(interactionJobs(f, n));
    if (!out || ctx.sim.scenario !== s) return;
    const c = interactionContrasts(splitArms(out.results, n));
    research.interaction = { scenario: s, lever: a, aWithoutB: ensembleBands(c.aWithoutB), aWithB: ensembleBands(c.aWithB), interaction: ensembleBands(c.interaction) };
    research.changed();
  });
  lever.addEventListener('change', render);

  let leverKeys = '';
  function fillLevers(levers: string[]): void {
    const keys = levers.join(',');
    if (keys === leverKeys) return;
    leverKeys = keys;
    const chosen = lever.value;
    lever.replaceChildren(...levers.map((name) => el('option', { value: name, text: leverLabel(name) })));
    if (levers.includes(chosen)) lever.value = chosen;
  }

  function labels(): void {
    title.textContent = t('ix.title');
    hint.textContent = t('ix.hint');
    need.textContent = t('ix.needTwo');
    leverLabelEl.textContent = t('ix.lever');
    runBtn.textContent = t('ix.run');
    leverKeys = '';
  }
  labels();
  onLangChange(() => {
    labels();
    render();
  });

  function render(): void {
    const s = ctx.sim.scenario;
    const levers = s ? leversOf(s) : [];
    const ok = levers.length >= 2;
    need.hidden = ok;
    form.hidden = !ok;
    if (ok) fillLevers(levers);
    runBtn.disabled = !ok || controls.running;
    const rec = interactionFor(s, lever.value);
    result.hidden = !rec;
    root.setAttribute('data-ready', rec ? 'true' : 'false');
    if (!rec) return;
    const meta = rec.interaction.meta;
    const unit = viewUnit(ctx);
    const indicator = view.indicator();
    const y = meta.years;
    const f = (v: number) => (v > 0 ? '+' : '') + fmtIndicator(indicator, v);
    const rows: [StringId, string, Band][] = [
      ['ix.aWithout', 'aWithoutB', bandAt(rec.aWithoutB, y, unit, indicator)],
      ['ix.aWith', 'aWithB', bandAt(rec.aWithB, y, unit, indicator)],
      ['ix.interaction', 'interaction', bandAt(rec.interaction, y, unit, indicator)],
    ];
    caption.textContent = t('ix.caption', {
      indicator: indicatorLabel(indicator),
      unit: unitName(meta.counties, unit),
      year: fmtYear(meta.startYear + y),
      n: rec.interaction.runs,
    });
    table.replaceChildren(bandTable(rows.map(([id, key, b]) => el('tr', { 'data-measure': key }, el('th', { scope: 'row', text: t(id) }), ...bandCells(b, f)))));
    const v = interactionVerdict(rows[0][2], rows[2][2]);
    verdict.textContent = t(`ix.verdict.${v}`, { a: leverLabel(rec.lever), b: leversOf(rec.scenario).filter((l) => l !== rec.lever).map(leverLabel).join(bi({ zh: '、', en: ', ' })) });
    verdict.setAttribute('data-verdict', v);
  }

  return { root, render, cancel: () => controls.cancel() };
}
