import { axisBottom, max, scaleBand, scaleLinear, select } from 'd3';
import {
  INDUSTRY_LABELS, type Intervention, LEVER_BY_NAME, LEVER_COST_ZH, type LeverName, LEVERS, type LeverParamSpec, type LeverSpec, regionCounties, type Scenario,
  TERRAINS, validateScenario,
} from '../../model';
import { FONT } from '../charts/chart';
import { INK, INK_MUTED, OKABE_ITO } from '../charts/palette';

import type { AppContext } from '../context';
import { clear, el, uid } from '../dom/el';
import { fmtCompact, fmtNumber, fmtYear, fmtYuan } from '../i18n/format';
import { bi, lang, onLangChange, t } from '../i18n/i18n';
import type { StringId } from '../i18n/strings';
import { unitText } from '../i18n/units';
import { numberControl } from './numberControl';
import { groupKey, yearlyGroups } from './yearlyGroups';

/** Labels for the enum options of lever parameters that are not industries. */
const OPTION_LABEL: Record<string, StringId> = {
  transport: 'option.transport', irrigation: 'option.irrigation', water: 'option.water',
  registeredPoor: 'option.registeredPoor', wholeVillage: 'option.wholeVillage',
  countySeat: 'option.countySeat', plainCounty: 'option.plainCounty', abrupt: 'option.abrupt', gradual: 'option.gradual',
};

export function optionLabel(option: string): string {
  if (option in INDUSTRY_LABELS) return bi(INDUSTRY_LABELS[option as keyof typeof INDUSTRY_LABELS]);
  const id = OPTION_LABEL[option];
  return id ? t(id) : option;
}

const CN_NUMERAL: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** An essay section reference, "二(五)" in Chinese, "II(5)" in English. */
export function sectionRef(source: string): string {
  if (lang() === 'zh') return source;
  return source.replace(/([一二三四五六七八九十])[(（]([一二三四五六七八九十])[)）]/g, (_m, a: string, b: string) => `${ROMAN[CN_NUMERAL[a]]}(${CN_NUMERAL[b]})`);
}

/** A readable summary of an intervention's counties. */
function countiesText(iv: Intervention, scenario: Scenario): string {
  const c = iv.counties;
  if (c === 'all') return t('policy.counties.all');
  if (typeof c === 'string') return t(`policy.counties.${c}` as StringId);
  const names = new Map(regionCounties(scenario.region).map((k) => [k.id, bi(k.name)]));
  const list = c.map((id) => names.get(id) ?? id);
  return list.length > 3 ? t('policy.counties.n', { n: list.length }) : list.join(t('list.sep'));
}

/** A lever parameter's value as shown on a card (no label). */
function valueText(spec: LeverParamSpec, value: unknown): string {
  if (spec.kind === 'boolean') return value ? t('yes') : t('no');
  if (spec.kind === 'enum') return optionLabel(String(value));
  const v = Number(value);
  return spec.unit === 'fraction' || spec.unit === 'share' ? `${fmtNumber(v * 100, 1)}%` : spec.unit.startsWith('yuan') ? fmtYuan(v) : fmtCompact(v);
}

function paramText(spec: LeverParamSpec, value: unknown): string {
  return `${bi(spec.label)} ${valueText(spec, value)}`;
}

/** What yearly settings of one lever vary: each parameter's value, its range, or its values in turn. */
function runParamsText(spec: LeverSpec | undefined, run: readonly Intervention[]): string {
  return (spec?.params ?? []).map((p) => {
    const values = run.map((iv) => iv[p.name]);
    const shown = p.kind === 'number'
      ? [Math.min(...values.map(Number)), Math.max(...values.map(Number))].map((v) => valueText(p, v))
      : [...new Set(values)].map((v) => valueText(p, v));
    return `${bi(p.label)} ${[...new Set(shown)].join(p.kind === 'number' ? '–' : ' / ')}`;
  }).join(' · ');
}

export interface ScenarioSink {
  /** Replaces the scenario and reruns to the year shown. */
  applyScenario(s: Scenario): Promise<void>;
  /** Shows an error (the scenario stays as it was). */
  reportError(e: unknown): void;
}

/**
 * The policy panel: the scenario's interventions on a timeline, each added, edited and removed
 * here; the intervention cost per year above them (interventionCost, region) and the total. An
 * edit rebuilds the scenario (validated like a file) and reruns it.
 */
export function createPolicyPanel(ctx: AppContext, sink: ScenarioSink): { root: HTMLElement; refresh(): void; applyPending(): Promise<boolean> } {
  const root = el('div', { class: 'policy-panel' });
  const heading = el('h2', { class: 'panel-title' });
  const intro = el('p', { class: 'hint' });
  const costBox = el('div', { class: 'cost-box' });
  const costSvg = select(costBox).append('svg').attr('class', 'cost-chart').attr('role', 'img');
  const costText = el('p', { class: 'cost-total', id: 'cost-total' });
  const list = el('ol', { class: 'intervention-list', id: 'intervention-list' });
  const addSelect = el('select', { class: 'select', id: 'add-lever' });
  const addLabel = el('label', { for: 'add-lever', class: 'inline-label' });
  const addBtn = el('button', { type: 'button', class: 'btn btn-primary', id: 'add-intervention' });
  const editorHost = el('div', { class: 'editor-host' });
  root.append(heading, intro, costBox, costText, list, el('div', { class: 'add-row' }, addLabel, addSelect, addBtn), editorHost);

  /** Groups of yearly settings the user has opened (lever and counties), kept open across rebuilds. */
  const openGroups = new Set<string>();
  /** Index being edited (-1 = a new intervention), or null when the editor is closed. */
  let editing: number | null = null;
  let draft: Intervention | null = null;

  function scenario(): Scenario | null {
    return ctx.sim.scenario;
  }

  /** Rebuilds the scenario with these interventions and reruns it; false if it was refused. */
  async function commit(interventions: Intervention[]): Promise<boolean> {
    const s = scenario();
    if (!s) return false;
    let next: Scenario;
    try {
      next = validateScenario(structuredClone({ ...s, interventions }), 'policy');
    } catch (e) {
      sink.reportError(e);
      return false;
    }
    editing = null;
    draft = null;
    await sink.applyScenario(next);
    return true;
  }

  /**
   * The scenario's interventions with the open editor's added (or replacing the one edited), as
   * Apply gives them; null, with the reason shown in the form, when the form is not valid.
   */
  function withDraft(): Intervention[] | null {
    const s = scenario();
    if (editing === null || !draft || !s) return null;
    const problem = draft.from > draft.to ? t('policy.yearsOrder')
      : Array.isArray(draft.counties) && draft.counties.length === 0 ? t('policy.noCounty') : null;
    if (problem) {
      const error = editorHost.querySelector<HTMLElement>('.form-error');
      if (error) error.textContent = problem;
      return null;
    }
    const next = s.interventions.slice();
    if (editing === -1) next.push(draft);
    else next[editing] = draft;
    return next;
  }

  function newDraft(lever: LeverSpec): Intervention {
    const s = scenario()!;
    const iv: Intervention = { lever: lever.name as Intervention['lever'], from: s.startYear + 1, to: s.startYear + s.years, counties: 'all' };
    for (const p of lever.params) iv[p.name] = p.default;
    return iv;
  }

  addBtn.addEventListener('click', () => {
    const lever = LEVER_BY_NAME.get(addSelect.value);
    if (!lever || !scenario()) return;
    editing = -1;
    draft = newDraft(lever);
    renderEditor();
    editorHost.querySelector<HTMLElement>('input, select')?.focus();
  });

  function renderCost(): void {
    const meta = ctx.sim.meta;
    if (!meta) return;
    const width = Math.max(200, costBox.clientWidth || 320);
    const height = 96;
    // the plot spans the same width as the timeline bars of the intervention cards below
    const m = { top: 18, right: 9.5, bottom: 22, left: 9.5 };
    const years = Array.from({ length: meta.years + 1 }, (_, i) => i);
    const region = meta.counties.length;
    const cost = years.map((y) => (y < ctx.sim.yearsRecorded ? ctx.sim.value(y, region, 'interventionCost') : 0));
    const x = scaleBand<number>().domain(years).range([m.left, width - m.right]).padding(0.15);
    const y = scaleLinear().domain([0, Math.max(1, max(cost) ?? 1)]).nice(2).range([height - m.bottom, m.top]);
    costSvg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`).attr('font-family', FONT)
      .attr('aria-label', t('policy.costChart'));
    costSvg.selectAll('g.bars').data([0]).join('g').attr('class', 'bars')
      .selectAll('rect').data(years).join('rect')
      .attr('x', (d) => x(d)!).attr('width', x.bandwidth())
      .attr('y', (d) => y(cost[d])).attr('height', (d) => y(0) - y(cost[d]))
      .attr('fill', (d) => (d === ctx.store.state.yearIndex ? INK : OKABE_ITO.blue));
    const step = Math.ceil(years.length / Math.max(2, Math.floor(width / 48)));
    costSvg.selectAll<SVGGElement, number>('g.x').data([0]).join('g').attr('class', 'x').attr('transform', `translate(0,${height - m.bottom})`)
      .call(axisBottom(x).tickValues(years.filter((d) => d % step === 0)).tickFormat((d) => fmtYear(meta.startYear + d)).tickSizeOuter(0))
      .attr('font-size', 11);
    costSvg.selectAll('line.ymax').data([0]).join('line').attr('class', 'ymax').attr('x1', m.left).attr('x2', width - m.right)
      .attr('y1', y(y.domain()[1])).attr('y2', y(y.domain()[1])).attr('stroke', '#d9d9d9').attr('stroke-dasharray', '3 3');
    costSvg.selectAll('text.ymax').data([0]).join('text').attr('class', 'ymax').attr('x', m.left).attr('y', 12)
      .attr('font-size', 11).attr('fill', INK_MUTED)
      .text(`${t('policy.costAxis')} ${fmtYuan((max(cost) ?? 0) > 0 ? y.domain()[1] : 0)}`);
    const total = cost.reduce((a, b) => a + b, 0);
    renderCardCosts();
    const through = meta.startYear + ctx.sim.frontier;
    costText.textContent = ctx.sim.done
      ? t('policy.costTotal', { total: fmtYuan(total), from: fmtYear(meta.startYear), to: fmtYear(meta.startYear + meta.years) })
      : t('policy.costSoFar', { total: fmtYuan(total), to: fmtYear(through) });
  }

  /** Counties (indexes) an intervention applies to. */
  function countiesOf(iv: Intervention): number[] {
    const meta = ctx.sim.meta!;
    return meta.counties.flatMap((c, i) => (iv.counties === 'all' || iv.counties === c.terrain || (Array.isArray(iv.counties) && iv.counties.includes(c.id)) ? [i] : []));
  }

  /**
   * Yuan spent so far on one intervention: its lever's cost in its counties and years, shared
   * equally with other interventions of the same lever on the same county and year.
   */
  function interventionCost(s: Scenario, i: number): number {
    const meta = ctx.sim.meta!;
    const iv = s.interventions[i];
    let total = 0;
    for (let y = 0; y < ctx.sim.yearsRecorded; y++) {
      const year = meta.startYear + y;
      if (year < iv.from || year > iv.to) continue;
      for (const c of countiesOf(iv)) {
        const sharing = s.interventions.filter((o) => o.lever === iv.lever && year >= o.from && year <= o.to && countiesOf(o).includes(c)).length;
        total += ctx.sim.leverCost(y, c, iv.lever) / Math.max(1, sharing);
      }
    }
    return total;
  }

  function renderList(): void {
    const s = scenario();
    const meta = ctx.sim.meta;
    clear(list);
    if (!s || !meta) return;
    if (s.interventions.length === 0) list.append(el('li', { class: 'empty', text: t('policy.none') }));
    const span = meta.years + 1;
    /** The years from..to on the timeline of the cost chart above. */
    const timelineBar = (from: number, to: number): HTMLElement => {
      const left = ((Math.max(from, s.startYear) - s.startYear) / span) * 100;
      const right = ((Math.min(to, s.startYear + s.years) - s.startYear + 1) / span) * 100;
      const bar = el('div', { class: 'timeline-track', 'aria-hidden': 'true' }, el('div', { class: 'timeline-bar' }));
      (bar.firstChild as HTMLElement).style.left = `${left}%`;
      (bar.firstChild as HTMLElement).style.width = `${Math.max(1, right - left)}%`;
      return bar;
    };
    const cards: HTMLElement[] = [];
    s.interventions.forEach((iv, i) => {
      const lever = LEVER_BY_NAME.get(iv.lever);
      const bar = timelineBar(iv.from, iv.to);
      const params = (lever?.params ?? []).map((p) => paramText(p, iv[p.name])).join(' · ');
      const edit = el('button', { type: 'button', class: 'btn btn-small', 'data-action': 'edit', text: t('policy.edit') });
      const remove = el('button', { type: 'button', class: 'btn btn-small btn-danger', 'data-action': 'remove', text: t('policy.remove') });
      const name = lever ? bi(lever.label) : iv.lever;
      edit.setAttribute('aria-label', `${t('policy.edit')}: ${name}`);
      remove.setAttribute('aria-label', `${t('policy.remove')}: ${name}`);
      edit.addEventListener('click', () => {
        editing = i;
        draft = structuredClone(iv);
        renderEditor();
        editorHost.querySelector<HTMLElement>('input, select')?.focus();
      });
      remove.addEventListener('click', () => void commit(s.interventions.filter((_, j) => j !== i)));
      cards.push(
        el('li', { class: `intervention${editing === i ? ' is-editing' : ''}`, 'data-lever': iv.lever },
          el('div', { class: 'intervention-head' }, el('strong', { text: name }), el('span', { class: 'intervention-actions' }, edit, remove)),
          el('div', { class: 'intervention-meta', text: `${fmtYear(iv.from)}–${fmtYear(iv.to)} · ${countiesText(iv, s)}` }),
          params ? el('div', { class: 'intervention-params', text: params }) : null,
          el('div', { class: 'intervention-cost', 'data-index': String(i) }),
          bar),
      );
    });
    // A lever set year by year (the campaign's yearly intensities) is one folded entry at the
    // place of its first year: its years, counties and the range of each setting, with the
    // yearly cards inside.
    const groups = new Map(yearlyGroups(s.interventions).map((g) => [g[0], g]));
    const grouped = new Set([...groups.values()].flat());
    for (let i = 0; i < cards.length; i++) {
      const members = groups.get(i);
      if (!members) {
        if (!grouped.has(i)) list.append(cards[i]);
        continue;
      }
      const run = members.map((j) => s.interventions[j]);
      const lever = LEVER_BY_NAME.get(run[0].lever);
      const n = run.length;
      const group = el('details', { class: 'intervention-group-details' },
        el('summary', {},
          el('strong', { text: lever ? bi(lever.label) : run[0].lever }),
          el('div', { class: 'intervention-meta', text: t('policy.yearly', { from: fmtYear(run[0].from), to: fmtYear(run[n - 1].to), counties: countiesText(run[0], s), n }) }),
          el('div', { class: 'intervention-params', text: runParamsText(lever, run) }),
          el('div', { class: 'intervention-cost', 'data-indexes': members.join(',') }),
          timelineBar(run[0].from, run[n - 1].to)),
        el('ol', { class: 'intervention-list intervention-sublist' }, ...members.map((j) => cards[j])));
      const key = groupKey(run[0]);
      group.open = openGroups.has(key) || (editing !== null && members.includes(editing));
      group.addEventListener('toggle', () => (group.open ? openGroups.add(key) : openGroups.delete(key)));
      list.append(el('li', { class: 'intervention-group', 'data-lever': run[0].lever, 'data-count': String(n) }, group));
    }
    renderCardCosts();
  }

  /** Each intervention card's cost so far: on every rebuild of the list and as the run goes on. */
  function renderCardCosts(): void {
    const s = scenario();
    if (!s || !ctx.sim.meta) return;
    for (const node of list.querySelectorAll<HTMLElement>('.intervention-cost')) {
      // a card (data-index) or a group of yearly settings (data-indexes); a list not yet rebuilt
      // for a shorter scenario may name interventions that are gone
      const indexes = (node.dataset.indexes ?? node.dataset.index ?? '').split(',').map(Number);
      if (indexes.every((i) => i < s.interventions.length)) {
        const total = indexes.reduce((sum, i) => sum + interventionCost(s, i), 0);
        node.textContent = t(node.dataset.indexes ? 'policy.groupCost' : 'policy.interventionCost', { total: fmtYuan(total) });
      }
    }
  }

  function renderEditor(): void {
    clear(editorHost);
    const s = scenario();
    if (editing === null || !draft || !s) return;
    const iv = draft;
    const lever = LEVER_BY_NAME.get(iv.lever)!;
    const form = el('form', { class: 'editor', 'aria-label': t('policy.editor') });
    form.addEventListener('submit', (e) => e.preventDefault());
    const title = el('h3', { text: editing === -1 ? t('policy.editor.new', { lever: bi(lever.label) }) : t('policy.editor.edit', { lever: bi(lever.label) }) });
    const desc = el('p', { class: 'hint', text: bi(lever.description) });
    const rule = lang() === 'zh' ? LEVER_COST_ZH[lever.name as LeverName] : lever.cost;
    const cost = el('p', { class: 'hint' }, `${t('policy.costRule')} `, el('span', { text: rule }), ` (${t('policy.source')} ${sectionRef(lever.source)})`);

    // years
    const fromId = uid('from');
    const toId = uid('to');
    const end = s.startYear + s.years;
    const from = el('input', { type: 'number', id: fromId, min: s.startYear, max: end, step: 1, value: iv.from, class: 'number-box', name: 'from' });
    const to = el('input', { type: 'number', id: toId, min: s.startYear, max: end, step: 1, value: iv.to, class: 'number-box', name: 'to' });
    from.addEventListener('change', () => (iv.from = Math.round(Number(from.value))));
    to.addEventListener('change', () => (iv.to = Math.round(Number(to.value))));
    const years = el('div', { class: 'field-row' },
      el('label', { for: fromId, text: t('policy.from') }), from, el('label', { for: toId, text: t('policy.to') }), to);

    // counties
    const counties = regionCounties(s.region);
    const scopeId = uid('scope');
    const scope = el('select', { id: scopeId, class: 'select', name: 'counties' });
    for (const opt of ['all', ...TERRAINS, 'list']) {
      scope.append(el('option', { value: opt, text: opt === 'list' ? t('policy.counties.pick') : opt === 'all' ? t('policy.counties.all') : t(`policy.counties.${opt}` as StringId) }));
    }
    scope.value = Array.isArray(iv.counties) ? 'list' : iv.counties;
    const picks = el('fieldset', { class: 'county-picks' }, el('legend', { class: 'visually-hidden', text: t('policy.counties') }));
    const chosen = new Set(Array.isArray(iv.counties) ? iv.counties : []);
    for (const c of counties) {
      const id = uid('county');
      const box = el('input', { type: 'checkbox', id, value: c.id });
      box.checked = chosen.has(c.id);
      box.addEventListener('change', () => {
        if (box.checked) chosen.add(c.id);
        else chosen.delete(c.id);
        iv.counties = counties.map((k) => k.id).filter((k) => chosen.has(k));
      });
      picks.append(el('span', { class: 'check' }, box, el('label', { for: id, text: bi(c.name) })));
    }
    picks.hidden = scope.value !== 'list';
    scope.addEventListener('change', () => {
      picks.hidden = scope.value !== 'list';
      iv.counties = scope.value === 'list' ? counties.map((k) => k.id).filter((k) => chosen.has(k)) : (scope.value as Intervention['counties']);
    });
    const countyRow = el('div', { class: 'field' }, el('label', { for: scopeId, text: t('policy.counties') }), scope, picks);

    // the lever's own parameters
    const params = el('div', { class: 'lever-params' });
    for (const p of lever.params) {
      if (p.kind === 'number') {
        const ctl = numberControl(p, Number(iv[p.name] ?? p.default), bi(p.label), (v) => (iv[p.name] = v));
        ctl.box.name = p.name;
        params.append(el('div', { class: 'field' },
          el('span', { class: 'field-label', id: ctl.labelId }, bi(p.label), el('span', { class: 'unit', text: ` (${unitText(p.unit)})` })), ctl.root));
      } else if (p.kind === 'boolean') {
        const id = uid('flag');
        const box = el('input', { type: 'checkbox', id, name: p.name });
        box.checked = Boolean(iv[p.name] ?? p.default);
        box.addEventListener('change', () => (iv[p.name] = box.checked));
        params.append(el('div', { class: 'field check' }, box, el('label', { for: id, text: bi(p.label) })));
      } else {
        const id = uid('opt');
        const sel = el('select', { id, class: 'select', name: p.name });
        for (const o of p.options) sel.append(el('option', { value: o, text: optionLabel(o) }));
        sel.value = String(iv[p.name] ?? p.default);
        sel.addEventListener('change', () => (iv[p.name] = sel.value));
        params.append(el('div', { class: 'field' }, el('label', { for: id, text: bi(p.label) }), sel));
      }
    }

    const error = el('p', { class: 'form-error', role: 'alert' });
    const apply = el('button', { type: 'submit', class: 'btn btn-primary', id: 'apply-intervention', text: t('policy.apply') });
    const cancel = el('button', { type: 'button', class: 'btn', text: t('policy.cancel') });
    apply.addEventListener('click', () => {
      const next = withDraft();
      if (next) void commit(next);
    });
    cancel.addEventListener('click', () => {
      editing = null;
      draft = null;
      renderEditor();
      renderList();
    });
    form.append(title, desc, years, countyRow, params, cost, error, el('div', { class: 'button-row' }, apply, cancel));
    editorHost.append(form);
    renderList();
  }

  function renderStatic(): void {
    heading.textContent = t('policy.title');
    intro.textContent = t('policy.intro');
    addLabel.textContent = t('policy.addLabel');
    addBtn.textContent = `+ ${t('policy.add')}`;
    const current = addSelect.value;
    clear(addSelect);
    for (const l of LEVERS) addSelect.append(el('option', { value: l.name, text: bi(l.label) }));
    if (current) addSelect.value = current;
  }

  function renderAll(): void {
    renderStatic();
    renderCost();
    renderList();
    renderEditor();
  }

  let costQueued = false;
  const queueCost = () => {
    if (costQueued) return;
    costQueued = true;
    requestAnimationFrame(() => {
      costQueued = false;
      renderCost();
    });
  };
  ctx.sim.onData(queueCost);
  ctx.store.subscribe((_s, changed) => {
    if (changed.has('yearIndex')) queueCost();
  });
  onLangChange(renderAll);
  new ResizeObserver(queueCost).observe(costBox);
  renderAll();
  return {
    root,
    /** Redraws after the scenario was replaced (closes the editor). */
    refresh() {
      editing = null;
      draft = null;
      renderAll();
    },
    /**
     * Before the run goes on (Play, Step, Space): an intervention left open in the editor is
     * applied as its Apply button would, so that adding a lever and pressing Play runs with it.
     * True when nothing was pending or it was applied; false when the form is not valid (its
     * error is shown and the editor stays open) or the scenario was refused.
     */
    async applyPending() {
      if (editing === null || !draft) return true;
      const next = withDraft();
      if (!next) {
        editorHost.querySelector<HTMLElement>('.form-error')?.scrollIntoView({ block: 'nearest' });
        return false;
      }
      return commit(next);
    },
  };
}
