import type { AppContext } from '../context';
import { el } from '../dom/el';
import { icon } from '../dom/icons';
import { fmtNumber, fmtYear } from '../i18n/format';
import { bi, onLangChange, t } from '../i18n/i18n';
import type { Player } from '../state/player';

const SPEEDS = [0.5, 1, 2, 4, Infinity];

/**
 * Run control bar: play/pause, step one year, reset, speed, and a year scrubber over the whole
 * horizon (years not simulated yet are out of reach and drawn lighter).
 */
export function createRunControls(ctx: AppContext, player: Player): HTMLElement {
  const play = el('button', { type: 'button', class: 'btn btn-primary', id: 'play', 'aria-pressed': 'false' });
  const step = el('button', { type: 'button', class: 'btn', id: 'step' });
  const reset = el('button', { type: 'button', class: 'btn', id: 'reset' });
  const speedLabel = el('label', { for: 'speed', class: 'inline-label' });
  const speed = el('select', { id: 'speed', class: 'select' });
  const scrubLabel = el('label', { for: 'scrubber', class: 'visually-hidden' });
  const scrubber = el('input', { type: 'range', id: 'scrubber', class: 'scrubber', min: 0, max: 1, step: 1, value: 0 });
  const yearBig = el('output', { id: 'year', class: 'year-big', for: 'scrubber', 'aria-live': 'off' });
  const status = el('span', { class: 'run-status', id: 'run-status', 'aria-live': 'polite' });
  const unitChip = el('span', { class: 'unit-chip', id: 'unit-chip' });
  const clearSel = el('button', { type: 'button', class: 'btn btn-small', id: 'clear-selection' });

  for (const s of SPEEDS) speed.append(el('option', { value: String(s) }));
  speed.value = String(ctx.store.state.speed);

  play.addEventListener('click', () => player.toggle());
  step.addEventListener('click', () => void player.stepOnce());
  reset.addEventListener('click', () => void player.reset());
  speed.addEventListener('change', () => ctx.store.set({ speed: Number(speed.value) }));
  scrubber.addEventListener('input', () => {
    const v = Math.min(Number(scrubber.value), ctx.sim.frontier);
    if (Number(scrubber.value) !== v) scrubber.value = String(v);
    ctx.store.set({ yearIndex: v });
  });
  clearSel.addEventListener('click', () => ctx.store.set({ selected: null }));

  function labels(): void {
    const playing = ctx.store.state.playing;
    play.replaceChildren(icon(playing ? 'pause' : 'play'), el('span', { text: playing ? t('run.pause') : t('run.play') }));
    play.setAttribute('aria-pressed', String(playing));
    play.setAttribute('aria-keyshortcuts', 'Space');
    step.replaceChildren(icon('step'), el('span', { text: t('run.step') }));
    reset.replaceChildren(icon('reset'), el('span', { text: t('run.reset') }));
    speedLabel.textContent = t('run.speed');
    scrubLabel.textContent = t('run.scrubber');
    clearSel.textContent = t('run.showRegion');
    Array.from(speed.options).forEach((o) => {
      const s = Number(o.value);
      o.textContent = Number.isFinite(s) ? t('run.speedValue', { n: fmtNumber(s, 1) }) : t('run.speedMax');
    });
  }

  function update(): void {
    const meta = ctx.sim.meta;
    labels();
    if (!meta) return;
    const y = ctx.store.state.yearIndex;
    scrubber.max = String(meta.years);
    scrubber.value = String(y);
    const pct = (ctx.sim.frontier / Math.max(1, meta.years)) * 100;
    scrubber.style.setProperty('--simulated', `${pct}%`);
    scrubber.setAttribute('aria-valuetext', fmtYear(meta.startYear + y));
    yearBig.textContent = fmtYear(meta.startYear + y);
    step.disabled = ctx.sim.done && y >= ctx.sim.frontier;
    const sel = ctx.store.state.selected;
    unitChip.textContent = sel === null ? t('run.viewing', { unit: t('region') }) : t('run.viewing', { unit: bi(meta.counties[sel].name) });
    clearSel.hidden = sel === null;
    // the engine's time per simulated year once a year has run; before that, the time to build the world
    const stepped = ctx.sim.frontier > 0;
    status.textContent = ctx.store.state.busy
      ? t('run.busy')
      : t(stepped ? 'run.status' : 'run.statusBuilt', {
          last: fmtYear(meta.startYear + ctx.sim.frontier),
          end: fmtYear(meta.startYear + meta.years),
          ms: fmtNumber(stepped ? ctx.sim.lastStepMs : ctx.sim.buildMs, 0),
        });
  }

  ctx.store.subscribe(update);
  ctx.sim.onData(update);
  onLangChange(update);
  update();

  return el(
    'section',
    { class: 'runbar' },
    el('div', { class: 'run-buttons' }, play, step, reset),
    el('div', { class: 'run-speed' }, speedLabel, speed),
    el('div', { class: 'run-scrub' }, scrubLabel, scrubber),
    yearBig,
    el('div', { class: 'run-info' }, el('div', { class: 'run-unit' }, unitChip, clearSel), status),
  );
}
