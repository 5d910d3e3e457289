import { PARAM_TEXT_ZH, PARAMS, type ParamKey, type ParamSpec, type Scenario, SCENARIO_LIMITS, validateScenario } from '../../model';
import type { AppContext } from '../context';
import { clear, el, uid } from '../dom/el';
import { fmtNumber, fmtYear } from '../i18n/format';
import { bi, lang, onLangChange, t } from '../i18n/i18n';
import type { StringId } from '../i18n/strings';
import { unitText } from '../i18n/units';
import { numberControl } from './numberControl';
import type { ScenarioSink } from './policyPanel';

const GROUP_LABEL: Record<string, StringId> = {
  policy: 'params.group.policy', macro: 'params.group.macro', household: 'params.group.household', migration: 'params.group.migration',
  talent: 'params.group.talent', services: 'params.group.services', humanCapital: 'params.group.humanCapital', economy: 'params.group.economy',
  fiscal: 'params.group.fiscal', ecology: 'params.group.ecology', infrastructure: 'params.group.infrastructure', market: 'params.group.market',
  relocation: 'params.group.relocation',
};

/**
 * Parameter sliders, generated from the PARAMS registry: grouped by prefix, each with its unit,
 * range, and a tooltip (ⓘ, hover or focus) giving the description and source. Also the run's own
 * settings: seed, horizon and scale. A committed change rebuilds the scenario and reruns.
 */
export function createParamPanel(ctx: AppContext, sink: ScenarioSink): { root: HTMLElement; refresh(): void } {
  const root = el('div', { class: 'param-panel' });
  const openGroups = new Set<string>(['policy']);
  let filter = '';

  function apply(mutate: (s: Scenario) => Scenario): void {
    const s = ctx.sim.scenario;
    if (!s) return;
    try {
      void sink.applyScenario(validateScenario(mutate(structuredClone(s)), 'parameters'));
    } catch (e) {
      sink.reportError(e);
    }
  }

  function setParam(key: ParamKey, v: number | undefined): void {
    apply((s) => {
      if (v === undefined) delete s.params[key];
      else s.params[key] = v;
      return s;
    });
  }

  function infoButton(spec: ParamSpec): HTMLButtonElement {
    const btn = el('button', { type: 'button', class: 'info', 'aria-label': t('params.about', { name: bi(spec.label) }), text: 'ⓘ' });
    const lines = () => [
      `${bi(spec.label)} · ${spec.key}`,
      spec.unit === 'year'
        ? `${t('params.range')}: ${fmtYear(spec.min)} – ${fmtYear(spec.max)}; ${t('params.default')} ${fmtYear(spec.default)}`
        : `${t('params.range')}: ${fmtNumber(spec.min, 4)} – ${fmtNumber(spec.max, 4)} ${unitText(spec.unit)}; ${t('params.default')} ${fmtNumber(spec.default, 4)}`,
      lang() === 'zh' ? PARAM_TEXT_ZH[spec.key as ParamKey].description : spec.description,
      `${t('params.source')}: ${lang() === 'zh' ? PARAM_TEXT_ZH[spec.key as ParamKey].source : spec.source}`,
    ];
    btn.addEventListener('pointerenter', (e) => ctx.tooltip.show(lines(), e.clientX, e.clientY));
    btn.addEventListener('pointerleave', () => ctx.tooltip.hide());
    btn.addEventListener('focus', () => ctx.tooltip.showAt(lines(), btn));
    btn.addEventListener('blur', () => ctx.tooltip.hide());
    btn.addEventListener('click', () => ctx.tooltip.showAt(lines(), btn));
    return btn;
  }

  function paramRow(spec: ParamSpec, s: Scenario): HTMLElement {
    const key = spec.key as ParamKey;
    const current = s.params[key] ?? spec.default;
    const changed = s.params[key] !== undefined && s.params[key] !== spec.default;
    const show = (v: number) => (spec.unit === 'year' ? fmtYear(v) : `${fmtNumber(v, 4)} ${unitText(spec.unit)}`);
    const valueOut = el('output', { class: 'param-value', text: show(current) });
    const ctl = numberControl(spec, current, bi(spec.label), (v) => setParam(key, v), (v) => (valueOut.textContent = show(v)));
    ctl.box.setAttribute('data-param', spec.key);
    const reset = el('button', { type: 'button', class: 'btn btn-small', text: t('params.reset'), 'aria-label': `${t('params.reset')}: ${bi(spec.label)}` });
    reset.hidden = !changed;
    reset.addEventListener('click', () => setParam(key, undefined));
    return el('div', { class: `param${changed ? ' is-changed' : ''}`, 'data-key': spec.key },
      el('div', { class: 'param-head' }, el('span', { class: 'field-label', id: ctl.labelId, text: bi(spec.label) }), infoButton(spec), reset),
      valueOut, ctl.root);
  }

  function runSettings(s: Scenario): HTMLElement {
    const box = el('div', { class: 'run-settings' });
    const field = (labelId: StringId, value: number, min: number, max: number, name: string, onChange: (v: number) => void) => {
      const id = uid(name);
      const input = el('input', { type: 'number', id, min, max, step: 1, value, class: 'number-box', name });
      input.addEventListener('change', () => {
        const v = Math.round(Number(input.value));
        if (Number.isFinite(v) && v >= min && v <= max) onChange(v);
        else input.value = String(value);
      });
      return el('div', { class: 'field-row' }, el('label', { for: id, text: t(labelId) }), input);
    };
    box.append(
      el('h3', { text: t('params.run') }),
      field('params.seed', s.seed, 0, SCENARIO_LIMITS.maxSeed, 'seed', (v) => apply((x) => ({ ...x, seed: v }))),
      field('params.years', s.years, 1, SCENARIO_LIMITS.maxYear - s.startYear, 'years', (v) => apply((x) => ({ ...x, years: v }))),
      field('params.scale', s.scale, 1, SCENARIO_LIMITS.maxScale, 'scale', (v) => apply((x) => ({ ...x, scale: v }))),
      el('p', { class: 'hint', text: t('params.scaleHint') }),
    );
    return box;
  }

  function render(): void {
    clear(root);
    const s = ctx.sim.scenario;
    if (!s) return;
    const searchId = uid('search');
    const search = el('input', { type: 'search', id: searchId, class: 'search', value: filter, placeholder: t('params.searchPlaceholder') });
    search.addEventListener('input', () => {
      filter = search.value;
      renderGroups();
    });
    const changedCount = Object.keys(s.params).length;
    const resetAll = el('button', { type: 'button', class: 'btn btn-small', text: t('params.resetAll') });
    resetAll.hidden = changedCount === 0;
    resetAll.addEventListener('click', () => apply((x) => ({ ...x, params: {} })));
    const groups = el('div', { class: 'param-groups' });
    root.append(
      el('h2', { class: 'panel-title', text: t('params.title') }),
      el('p', { class: 'hint', text: t('params.intro', { n: changedCount }) }),
      runSettings(s),
      el('div', { class: 'field' }, el('label', { for: searchId, text: t('params.search') }), search),
      resetAll,
      groups,
    );

    function renderGroups(): void {
      clear(groups);
      const q = filter.trim().toLowerCase();
      const byGroup = new Map<string, ParamSpec[]>();
      for (const p of PARAMS as readonly ParamSpec[]) {
        if (q && !`${p.key} ${p.label.zh} ${p.label.en} ${p.description} ${PARAM_TEXT_ZH[p.key as ParamKey].description}`.toLowerCase().includes(q)) continue;
        const g = p.key.split('.')[0];
        if (!byGroup.has(g)) byGroup.set(g, []);
        byGroup.get(g)!.push(p);
      }
      for (const [g, specs] of byGroup) {
        const details = el('details', { class: 'param-group', 'data-group': g });
        details.open = q.length > 0 || openGroups.has(g);
        details.addEventListener('toggle', () => (details.open ? openGroups.add(g) : openGroups.delete(g)));
        const changed = specs.filter((p) => s!.params[p.key as ParamKey] !== undefined).length;
        const label = GROUP_LABEL[g] ? t(GROUP_LABEL[g]) : g;
        details.append(el('summary', { text: changed ? `${label} (${t('params.changed', { n: changed })})` : label }));
        for (const p of specs) details.append(paramRow(p, s!));
        groups.append(details);
      }
      if (byGroup.size === 0) groups.append(el('p', { class: 'hint', text: t('params.noMatch') }));
    }
    renderGroups();
  }

  onLangChange(render);
  render();
  return { root, refresh: render };
}
