import type { Bilingual } from '../../model';
import { type CheckOutcome, evaluateCheck, type Lesson, type LessonCheck, type LessonStep, measureValue, scenarioKey, unitValue } from '../../lesson';
import type { Chart } from '../charts/chart';
import { createHexMap } from '../charts/hexMap';
import { createIncomeDistribution } from '../charts/incomeDistribution';
import { createLoopDiagram } from '../charts/loopDiagram';
import { createSmallMultiples } from '../charts/smallMultiples';
import type { Tooltip } from '../charts/tooltip';
import type { AppContext } from '../context';
import { el } from '../dom/el';
import { icon } from '../dom/icons';
import { fmtIndicator, fmtNumber, fmtYear } from '../i18n/format';
import { bi, lang, onLangChange, setLang } from '../i18n/i18n';
import { Store } from '../state/store';
import { SimClient } from '../worker/simClient';
import {
  chartTitle, choiceLetter, diffText, estimateFromInput, estimateToInput, indexTop, isShare, opText, outcomeLines, predictionText, ruleText,
  unitLabel,
} from './describe';
import { drawLessonChart, type LessonChartModel } from './lessonChart';
import type { PredictionStore } from './predictions';
import { liveRun, type RunStore } from './runs';
import { type LessonStringId, lt } from './strings';
import { indicatorLabel } from '../i18n/labels';

export type Phase = 'ask' | 'run' | 'reveal';

export interface PresenterHost {
  predictions: PredictionStore;
  runs: RunStore;
  tooltip: Tooltip;
  /** The presenter closed itself (Esc or the exit button). */
  exit(): void;
  /** The class reached the end, or asked for the debrief. */
  debrief(lesson: Lesson): void;
}

const SPEEDS = [0.5, 1, 2, 3, 4, 8, 16, Infinity];
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const isTyping = (t: EventTarget | null) => t instanceof HTMLElement && t.closest('input, textarea, select, [contenteditable]') !== null;

/**
 * Presenter mode: one lesson step at a time, full screen, large type, high contrast. Each step:
 * the class predicts (a choice, a number or a typed answer, saved as it is entered), the model
 * runs to the step's year (animated, pausable), then the outcome is shown against the prediction,
 * with the step's claims checked on the run and the trainer's explanation. Keyboard: → / PageDown
 * next, ← / PageUp back, Space run or pause, 1–6 choose, +/− speed, F full screen, L language,
 * D debrief, Esc exit.
 */
export class Presenter {
  readonly root: HTMLElement;
  private lesson: Lesson | null = null;
  private stepIndex = 0;
  private phase: Phase = 'ask';
  private loading = false;
  private playing = false;
  private rush = false;
  private speed = 2;
  private token = 0;
  private runToken = 0;
  private outcomes: { check: LessonCheck; outcome: CheckOutcome }[] = [];
  private error: string | null = null;
  private main: SimClient | null = null;
  private compare: SimClient | null = null;
  private readonly viewStore = new Store({ yearIndex: 0, selected: null, mapIndicator: 'povertyRate', playing: false, speed: 2, busy: false });
  private ctx: AppContext | null = null;
  private view: { kind: string; chart: Chart } | null = null;

  // ---- DOM ----
  private readonly lessonTitle = el('p', { class: 'pr-lesson' });
  private readonly progress = el('ol', { class: 'pr-progress' });
  private readonly phases = el('ol', { class: 'pr-phases' });
  private readonly year = el('output', { class: 'pr-year', id: 'pr-year', 'aria-live': 'off' });
  private readonly langBtn = el('button', { type: 'button', class: 'pr-btn pr-tool', id: 'pr-lang' });
  private readonly fullBtn = el('button', { type: 'button', class: 'pr-btn pr-tool', id: 'pr-fullscreen' });
  private readonly debriefBtn = el('button', { type: 'button', class: 'pr-btn pr-tool', id: 'pr-debrief' });
  private readonly exitBtn = el('button', { type: 'button', class: 'pr-btn pr-tool', id: 'pr-exit' });
  private readonly textCol = el('section', { class: 'pr-text', id: 'pr-text' });
  private readonly chartTitle = el('h3', { class: 'pr-chart-title', id: 'pr-chart-title' });
  private readonly chartHost = el('div', { class: 'pr-chart-host' });
  private readonly chartSvg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  private readonly chartStatus = el('p', { class: 'pr-chart-status', 'aria-live': 'polite' });
  private readonly viewHost = el('div', { class: 'pr-view-host' });
  private readonly viewFigure = el('figure', { class: 'pr-view', id: 'pr-view' }, this.viewHost);
  private readonly cover = el('p', { class: 'pr-cover', id: 'pr-cover', hidden: true });
  private readonly visual = el('section', { class: 'pr-visual' });
  private readonly backBtn = el('button', { type: 'button', class: 'pr-btn pr-nav', id: 'pr-back' });
  private readonly playBtn = el('button', { type: 'button', class: 'pr-btn pr-nav', id: 'pr-play' });
  private readonly nextBtn = el('button', { type: 'button', class: 'pr-btn pr-nav pr-primary', id: 'pr-next' });
  private readonly speedText = el('span', { class: 'pr-speed', id: 'pr-speed' });
  private readonly keys = el('p', { class: 'pr-keys', id: 'pr-keys' });
  private readonly live = el('p', { class: 'visually-hidden', 'aria-live': 'polite' });

  constructor(private readonly host: PresenterHost) {
    this.chartSvg.setAttribute('class', 'pr-chart');
    this.chartHost.append(this.chartSvg, this.chartStatus);
    this.visual.append(el('figure', { class: 'pr-chart-figure' }, this.chartTitle, this.chartHost), this.viewFigure, this.cover);
    this.root = el('div', { class: 'presenter', id: 'presenter', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'pr-step-title', hidden: true },
      el('header', { class: 'pr-head' },
        el('div', { class: 'pr-head-left' }, this.lessonTitle, this.progress),
        this.phases, this.year,
        el('div', { class: 'pr-tools' }, this.langBtn, this.fullBtn, this.debriefBtn, this.exitBtn)),
      el('main', { class: 'pr-body' }, this.textCol, this.visual),
      el('footer', { class: 'pr-foot' },
        el('div', { class: 'pr-navs' }, this.backBtn, this.playBtn, this.nextBtn), this.speedText, this.keys),
      this.live);

    this.backBtn.addEventListener('click', () => this.back());
    this.nextBtn.addEventListener('click', () => this.next());
    this.playBtn.addEventListener('click', () => this.togglePlay());
    this.langBtn.addEventListener('click', () => setLang(lang() === 'zh' ? 'en' : 'zh'));
    this.fullBtn.addEventListener('click', () => void this.toggleFullscreen());
    this.debriefBtn.addEventListener('click', () => this.lesson && this.host.debrief(this.lesson));
    this.exitBtn.addEventListener('click', () => this.host.exit());
    onLangChange(() => this.lesson && !this.root.hidden && this.renderAll());
    new ResizeObserver(() => {
      if (!this.root.hidden) this.renderDynamic();
    }).observe(this.visual);
    document.addEventListener('fullscreenchange', () => this.renderChrome());
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  get currentLesson(): Lesson | null {
    return this.lesson;
  }

  /** Opens a lesson at a step (the saved position by default) and goes full screen if allowed. */
  open(lesson: Lesson, at?: { step: number; phase: 'ask' | 'reveal' }, fullscreen = true): void {
    this.main ??= new SimClient();
    this.compare ??= new SimClient();
    this.ctx ??= { store: this.viewStore, sim: this.main, tooltip: this.host.tooltip, reference: null };
    this.lesson = lesson;
    this.speed = lesson.speed;
    this.root.hidden = false;
    this.root.dataset.lesson = lesson.id;
    if (fullscreen) void this.toggleFullscreen(true);
    const saved = at ?? this.host.predictions.load(lesson.id).position;
    const step = saved && saved.step >= 0 && saved.step < lesson.steps.length ? saved.step : 0;
    void this.enter(step, saved ? saved.phase : 'ask');
    this.nextBtn.focus();
  }

  close(): void {
    this.token++;
    this.runToken++;
    this.playing = false;
    this.root.hidden = true;
    this.host.tooltip.hide();
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }

  /** Keyboard while open; returns true if the key was used. */
  handleKey(e: KeyboardEvent): boolean {
    if (e.ctrlKey || e.metaKey || e.altKey) return false;
    const typing = isTyping(e.target);
    switch (e.key) {
      case 'PageDown':
        this.blurField();
        this.next();
        return true;
      case 'PageUp':
        this.blurField();
        this.back();
        return true;
      case 'Escape':
        if (typing) this.blurField();
        else this.host.exit();
        return true;
    }
    if (typing) {
      if (e.key === 'Enter') {
        this.blurField();
        this.next();
        return true;
      }
      return false;
    }
    const target = e.target instanceof HTMLElement ? e.target : null;
    const onButton = target !== null && target !== document.body && target.closest('button') !== null;
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowDown':
      case 'n':
      case 'N':
        this.next();
        return true;
      case 'ArrowLeft':
      case 'ArrowUp':
      case 'b':
      case 'B':
        this.back();
        return true;
      case ' ':
      case 'p':
      case 'P':
      case 'k':
      case 'K':
        // Space runs or pauses wherever the focus is (it does not click the focused button)
        this.togglePlay();
        return true;
      case 'Enter':
        if (onButton) return false;
        this.next();
        return true;
      case '+':
      case '=':
        this.changeSpeed(1);
        return true;
      case '-':
      case '_':
        this.changeSpeed(-1);
        return true;
      case 'f':
      case 'F':
        void this.toggleFullscreen();
        return true;
      case 'l':
      case 'L':
        setLang(lang() === 'zh' ? 'en' : 'zh');
        return true;
      case 'd':
      case 'D':
        if (this.lesson) this.host.debrief(this.lesson);
        return true;
      case 'Home':
        void this.enter(0, 'ask');
        return true;
    }
    const q = this.step?.question;
    if (q?.kind === 'estimate' && this.phase === 'ask' && /^[0-9.,-]$/.test(e.key)) {
      // the trainer types the class's number straight away
      const input = this.textCol.querySelector<HTMLInputElement>('#pr-estimate');
      if (input) {
        input.focus();
        input.value += e.key;
        input.dispatchEvent(new Event('input'));
        return true;
      }
    }
    if (/^[1-9]$/.test(e.key)) {
      this.choose(Number(e.key) - 1);
      return true;
    }
    return false;
  }

  // ---- navigation ---------------------------------------------------------------------------

  next(): void {
    const step = this.step;
    if (!step || this.loading) return;
    if (this.phase === 'ask') {
      if (this.viewStore.state.yearIndex < this.endIndex(step)) {
        this.rush = false;
        void this.play();
      } else if (this.hasReveal(step)) {
        void this.reveal(this.token);
      } else {
        this.forward();
      }
    } else if (this.phase === 'run') {
      this.rush = true;
      if (!this.playing) void this.play();
    } else {
      this.forward();
    }
  }

  back(): void {
    if (!this.lesson) return;
    if (this.phase === 'ask') {
      if (this.stepIndex > 0) void this.enter(this.stepIndex - 1, this.hasReveal(this.lesson.steps[this.stepIndex - 1]) ? 'reveal' : 'ask');
    } else {
      void this.enter(this.stepIndex, 'ask');
    }
  }

  togglePlay(): void {
    if (!this.step || this.loading) return;
    if (this.phase === 'run' && this.playing) this.pause();
    else if (this.phase === 'run' || (this.phase === 'ask' && this.viewStore.state.yearIndex < this.endIndex(this.step))) {
      this.rush = false;
      void this.play();
    }
  }

  private forward(): void {
    if (!this.lesson) return;
    if (this.stepIndex < this.lesson.steps.length - 1) void this.enter(this.stepIndex + 1, 'ask');
    else this.host.debrief(this.lesson);
  }

  private get step(): LessonStep | null {
    return this.lesson?.steps[this.stepIndex] ?? null;
  }

  private endIndex(step: LessonStep): number {
    return step.runTo - step.scenario.startYear;
  }

  /** Year index the step's run starts from: where the previous step ended, or the start year after a change. */
  private startIndex(i: number): number {
    const step = this.lesson!.steps[i];
    if (step.restarts || i === 0) return 0;
    return Math.min(this.lesson!.steps[i - 1].runTo, step.runTo) - step.scenario.startYear;
  }

  private hasReveal(step: LessonStep): boolean {
    return step.question !== null || step.checks.length > 0 || Boolean(step.reveal.zh || step.reveal.en);
  }

  private async ensureLoaded(sim: SimClient, scenario: LessonStep['scenario']): Promise<void> {
    if (!sim.scenario || !sim.meta || scenarioKey(sim.scenario) !== scenarioKey(scenario)) await sim.load(scenario);
  }

  private async enter(i: number, phase: 'ask' | 'reveal'): Promise<void> {
    const lesson = this.lesson;
    if (!lesson) return;
    const token = ++this.token;
    this.runToken++;
    this.playing = false;
    this.rush = false;
    this.stepIndex = i;
    this.phase = phase;
    this.loading = true;
    this.error = null;
    this.outcomes = [];
    const step = lesson.steps[i];
    this.renderAll();
    try {
      const main = this.main!;
      const compare = this.compare!;
      await Promise.all([this.ensureLoaded(main, step.scenario), step.compare ? this.ensureLoaded(compare, step.compare) : null]);
      if (token !== this.token) return;
      this.ctx!.reference = step.compare ? compare : null;
      const target = phase === 'reveal' ? this.endIndex(step) : this.startIndex(i);
      await Promise.all([main.runTo(target), step.compare ? compare.runTo(target) : null]);
      if (token !== this.token) return;
      const county = step.focus.county ? main.meta!.counties.findIndex((c) => c.id === step.focus.county) : -1;
      this.viewStore.set({ yearIndex: target, selected: county >= 0 ? county : null, mapIndicator: step.focus.indicator });
      this.loading = false;
      this.host.predictions.setPosition(lesson.id, { step: i, phase });
      if (phase === 'reveal') this.evaluate();
      this.renderAll();
      this.announce(`${lt('pr.stepOf', { n: i + 1, total: lesson.steps.length })}: ${bi(step.title)}`);
    } catch (e) {
      if (token !== this.token) return;
      this.loading = false;
      this.error = e instanceof Error ? e.message : String(e);
      this.renderAll();
    }
  }

  private async play(): Promise<void> {
    const step = this.step;
    if (!step || this.loading) return;
    const token = this.token;
    const runToken = ++this.runToken;
    const end = this.endIndex(step);
    this.phase = 'run';
    this.playing = true;
    this.renderAll();
    const main = this.main!;
    const compare = this.compare!;
    try {
      while (this.playing && token === this.token && runToken === this.runToken && this.viewStore.state.yearIndex < end) {
        const t0 = performance.now();
        const nextYear = this.viewStore.state.yearIndex + 1;
        await Promise.all([main.runTo(nextYear), step.compare ? compare.runTo(nextYear) : null]);
        if (token !== this.token || runToken !== this.runToken) return;
        this.viewStore.set({ yearIndex: nextYear });
        this.renderDynamic();
        const interval = this.rush || !Number.isFinite(this.speed) ? 0 : 1000 / this.speed;
        await sleep(Math.max(16, interval - (performance.now() - t0)));
      }
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.playing = false;
      this.renderAll();
      return;
    }
    if (token === this.token && runToken === this.runToken && this.viewStore.state.yearIndex >= end) await this.reveal(token);
  }

  private pause(): void {
    this.playing = false;
    this.runToken++;
    this.renderAll();
  }

  private async reveal(token: number): Promise<void> {
    const step = this.step;
    if (!step || token !== this.token) return;
    const end = this.endIndex(step);
    await Promise.all([this.main!.runTo(end), step.compare ? this.compare!.runTo(end) : null]);
    if (token !== this.token) return;
    this.viewStore.set({ yearIndex: end });
    this.phase = 'reveal';
    this.playing = false;
    this.rush = false;
    this.evaluate();
    this.host.predictions.setPosition(this.lesson!.id, { step: this.stepIndex, phase: 'reveal' });
    this.renderAll();
    const ok = this.outcomes.filter((o) => o.outcome.ok).length;
    this.announce(`${lt('pr.outcome')}: ${ok}/${this.outcomes.length} ${lt('pr.claimOk')}`);
  }

  private evaluate(): void {
    const step = this.step!;
    const main = liveRun(this.main!);
    const compare = step.compare ? liveRun(this.compare!) : null;
    this.outcomes = step.checks.map((check) => ({ check, outcome: evaluateCheck(check, { main, compare }) }));
    this.host.runs.keep(step.scenario, this.main!);
    if (step.compare) this.host.runs.keep(step.compare, this.compare!);
  }

  // ---- predictions ----------------------------------------------------------------------------

  private choose(index: number): void {
    const step = this.step;
    const q = step?.question;
    if (!step || !q || q.kind !== 'choice' || this.phase === 'reveal' || index >= q.choices.length) return;
    const current = this.host.predictions.load(this.lesson!.id).predictions[step.id]?.choice;
    this.host.predictions.setPrediction(this.lesson!.id, step.id, current === index ? null : { choice: index });
    this.renderText();
    this.announce(current === index ? '' : `${choiceLetter(index)}. ${bi(q.choices[index])}`);
  }

  private blurField(): void {
    const a = document.activeElement;
    if (a instanceof HTMLElement && isTyping(a)) {
      a.blur();
      this.nextBtn.focus();
    }
  }

  // ---- rendering --------------------------------------------------------------------------------

  private renderAll(): void {
    this.renderChrome();
    this.renderText();
    this.renderView();
    this.renderDynamic();
  }

  private renderChrome(): void {
    const lesson = this.lesson;
    if (!lesson) return;
    this.root.setAttribute('aria-label', lt('pr.dialog'));
    this.root.dataset.step = String(this.stepIndex);
    this.root.dataset.phase = this.loading ? 'loading' : this.phase;
    this.root.dataset.playing = String(this.playing);
    this.lessonTitle.textContent = bi(lesson.title);
    this.progress.setAttribute('aria-label', lt('pr.progress'));
    this.progress.replaceChildren(...lesson.steps.map((s, i) => {
      const li = el('li', { class: `pr-dot${i === this.stepIndex ? ' is-current' : i < this.stepIndex ? ' is-done' : ''}`, title: bi(s.title) }, String(i + 1));
      if (i === this.stepIndex) li.setAttribute('aria-current', 'step');
      return li;
    }));
    this.phases.replaceChildren(...(['ask', 'run', 'reveal'] as const).map((p) => {
      const li = el('li', { class: `pr-phase${p === this.phase ? ' is-current' : ''}`, text: lt(`pr.phase.${p}`) });
      if (p === this.phase) li.setAttribute('aria-current', 'true');
      return li;
    }));
    this.langBtn.textContent = lang() === 'zh' ? 'English' : '中文';
    this.langBtn.setAttribute('lang', lang() === 'zh' ? 'en' : 'zh');
    this.fullBtn.textContent = lt('pr.fullscreen');
    this.fullBtn.setAttribute('aria-pressed', String(Boolean(document.fullscreenElement)));
    this.debriefBtn.textContent = lt('pr.finish');
    this.exitBtn.textContent = lt('pr.exit');
    this.backBtn.replaceChildren(el('span', { 'aria-hidden': 'true', text: '← ' }), el('span', { text: lt('pr.back') }));
    this.backBtn.disabled = this.stepIndex === 0 && this.phase === 'ask';
    const step = this.step;
    const canRun = step !== null && !this.loading && (this.phase === 'run' || (this.phase === 'ask' && this.viewStore.state.yearIndex < this.endIndex(step)));
    this.playBtn.replaceChildren(icon(this.playing ? 'pause' : 'play'), el('span', { text: this.playing ? lt('pr.pause') : lt('pr.play') }));
    this.playBtn.setAttribute('aria-pressed', String(this.playing));
    this.playBtn.disabled = !canRun;
    const last = this.stepIndex === lesson.steps.length - 1 && this.phase === 'reveal';
    this.nextBtn.replaceChildren(el('span', { text: last ? lt('pr.finish') : lt('pr.next') }), el('span', { 'aria-hidden': 'true', text: ' →' }));
    this.nextBtn.disabled = this.loading;
    this.speedText.textContent = Number.isFinite(this.speed) ? lt('pr.speed', { n: fmtNumber(this.speed, 1) }) : lt('pr.speedMax');
    const keys: [string, LessonStringId][] = [['→', 'key.next'], ['←', 'key.back'], [lt('key.space'), 'key.run'], ['1–6', 'key.choose'],
      ['+ −', 'key.speed'], ['F', 'key.full'], ['L', 'key.lang'], ['D', 'key.debrief'], ['Esc', 'key.exit']];
    this.keys.setAttribute('aria-label', lt('pr.keys'));
    this.keys.replaceChildren(...keys.map(([k, what]) => el('span', { class: 'pr-key' }, el('kbd', { text: k }), ` ${lt(what)}`)));
  }

  private renderText(): void {
    const lesson = this.lesson;
    const step = this.step;
    if (!lesson || !step) return;
    const session = this.host.predictions.load(lesson.id);
    const prediction = session.predictions[step.id];
    const nodes: Node[] = [
      el('p', { class: 'pr-stepno', text: lt('pr.stepOf', { n: this.stepIndex + 1, total: lesson.steps.length }) }),
      el('h2', { id: 'pr-step-title', class: 'pr-step-title', text: bi(step.title) }),
    ];
    const reveal = this.phase === 'reveal' && !this.loading;
    if (!reveal) nodes.push(el('p', { class: 'pr-lead', text: bi(step.text) }));
    const q = step.question;
    if (q) {
      const box = el('div', { class: `pr-question${reveal ? ' is-answered' : ''}`, id: 'pr-question' });
      box.append(el('p', { class: 'pr-label', text: lt('pr.question') }), el('p', { class: 'pr-prompt', id: 'pr-prompt', text: bi(q.prompt) }));
      if (q.kind === 'choice') box.append(this.choiceList(q.choices, prediction?.choice, reveal ? q.answer : null, reveal));
      else if (!reveal) box.append(q.kind === 'estimate' ? this.estimateField(step, prediction?.value) : this.freeField(step, prediction?.text));
      nodes.push(box);
    }
    if (this.error) nodes.push(el('p', { class: 'pr-error', role: 'alert', text: this.error }));
    if (reveal) nodes.push(this.outcomeBox(step, prediction));
    else if (!this.loading) {
      const end = this.endIndex(step);
      const shown = this.viewStore.state.yearIndex;
      const hint = this.phase === 'run'
        ? (this.playing ? lt('pr.running', { year: fmtYear(step.runTo) }) : lt('pr.paused'))
        : shown < end ? lt('pr.runHint', { year: fmtYear(step.runTo) }) : this.hasReveal(step) ? lt('pr.revealHint') : lt('pr.noQuestion');
      nodes.push(el('p', { class: 'pr-hint', id: 'pr-hint', text: hint }));
    }
    // keep the focus where it was across re-renders (a field being typed in, a choice)
    const active = document.activeElement instanceof HTMLElement && this.textCol.contains(document.activeElement) ? document.activeElement : null;
    const focusedField = active instanceof HTMLInputElement ? active.id : null;
    const focusedChoice = active?.dataset.index ?? null;
    this.textCol.replaceChildren(...nodes);
    if (focusedField) {
      const again = this.textCol.querySelector<HTMLInputElement>(`#${focusedField}`);
      if (again) {
        again.focus();
        again.setSelectionRange(again.value.length, again.value.length);
      }
    } else if (focusedChoice !== null) {
      this.textCol.querySelector<HTMLElement>(`.pr-choice[data-index="${focusedChoice}"]`)?.focus();
    }
  }

  private choiceList(choices: Bilingual[], chosen: number | undefined, answer: number | null, locked: boolean): HTMLElement {
    const list = el('div', { class: 'pr-choices', role: 'radiogroup', 'aria-labelledby': 'pr-prompt' });
    choices.forEach((c, i) => {
      const cls = ['pr-choice'];
      if (chosen === i) cls.push('is-chosen');
      if (answer === i) cls.push('is-answer');
      const b = el('button', { type: 'button', class: cls.join(' '), role: 'radio', 'aria-checked': String(chosen === i), 'data-index': i, disabled: locked && chosen !== i && answer !== i },
        el('span', { class: 'pr-choice-key', 'aria-hidden': 'true', text: String(i + 1) }),
        el('span', { class: 'pr-choice-text', text: `${choiceLetter(i)}. ${bi(c)}` }));
      if (answer === i) b.append(el('span', { class: 'pr-choice-tag', text: `← ${lt('pr.runShows')}` }));
      else if (locked && chosen === i) b.append(el('span', { class: 'pr-choice-tag', text: `← ${lt('pr.classSaid')}` }));
      if (!locked) b.addEventListener('click', () => this.choose(i));
      else b.setAttribute('aria-disabled', 'true');
      list.append(b);
    });
    return list;
  }

  private estimateField(step: LessonStep, value: number | undefined): HTMLElement {
    const m = step.question!.estimate!;
    const input = el('input', { type: 'text', inputmode: 'decimal', id: 'pr-estimate', class: 'pr-input', autocomplete: 'off', value: value === undefined ? '' : estimateToInput(m.indicator, value) });
    const saved = el('span', { class: 'pr-saved', 'aria-live': 'polite' });
    input.addEventListener('input', () => {
      const v = estimateFromInput(m.indicator, input.value);
      this.host.predictions.setPrediction(this.lesson!.id, step.id, v === null ? null : { value: v });
      saved.textContent = v === null ? '' : lt('pr.saved');
      this.renderDynamic();
    });
    const top = indexTop(m.indicator);
    const suffix = isShare(m.indicator) ? lt('pr.estimateUnitPercent') : top !== null ? `(0–${top})` : null;
    return el('div', { class: 'pr-field' },
      el('label', { for: 'pr-estimate', class: 'pr-label', text: lt('pr.estimateLabel') }),
      el('span', { class: 'pr-input-row' }, input, suffix === null ? null : el('span', { class: 'pr-suffix', text: suffix }), saved));
  }

  private freeField(step: LessonStep, text: string | undefined): HTMLElement {
    const input = el('input', { type: 'text', id: 'pr-free', class: 'pr-input pr-input-wide', autocomplete: 'off', maxlength: 300, value: text ?? '' });
    const saved = el('span', { class: 'pr-saved', 'aria-live': 'polite' });
    input.addEventListener('input', () => {
      this.host.predictions.setPrediction(this.lesson!.id, step.id, input.value.trim() ? { text: input.value } : null);
      saved.textContent = input.value.trim() ? lt('pr.saved') : '';
    });
    return el('div', { class: 'pr-field' },
      el('label', { for: 'pr-free', class: 'pr-label', text: lt('pr.freeLabel') }),
      el('span', { class: 'pr-input-row' }, input, saved));
  }

  private outcomeBox(step: LessonStep, prediction: { choice?: number; value?: number; text?: string } | undefined): HTMLElement {
    const box = el('div', { class: 'pr-outcome', id: 'pr-outcome' });
    const q = step.question;
    const meta = this.main!.meta!;
    if (q) {
      const said = predictionText(q, prediction);
      const rows = el('dl', { class: 'pr-vs' });
      rows.append(el('dt', { text: lt('pr.classSaid') }), el('dd', { class: 'pr-said', id: 'pr-said', text: said ?? lt('pr.noPrediction') }));
      if (q.kind === 'estimate' && q.estimate) {
        const actual = measureValue(liveRun(this.main!), q.estimate);
        rows.append(el('dt', { text: lt('pr.runShows') }), el('dd', { class: 'pr-actual', id: 'pr-actual', text: fmtIndicator(q.estimate.indicator, actual) }));
        if (prediction?.value !== undefined) {
          const d = actual - prediction.value;
          rows.append(el('dt', { text: lt('claim.diff', { value: '' }).trim() }), el('dd', { text: `${d > 0 ? '+' : ''}${diffText(q.estimate.indicator, d)}` }));
        }
      } else if (q.kind === 'choice' && q.answer !== null) {
        rows.append(el('dt', { text: lt('pr.runShows') }), el('dd', { class: 'pr-actual', id: 'pr-actual', text: `${choiceLetter(q.answer)}. ${bi(q.choices[q.answer])}` }));
        if (prediction?.choice !== undefined) {
          const right = prediction.choice === q.answer;
          box.append(el('p', { class: `pr-verdict ${right ? 'is-right' : 'is-wrong'}`, id: 'pr-verdict', text: right ? lt('pr.match') : lt('pr.miss') }));
        }
      }
      box.prepend(rows);
    }
    if (this.outcomes.length) {
      const list = el('ul', { class: 'pr-checks', id: 'pr-checks' });
      for (const { check, outcome } of this.outcomes) {
        const claim = bi(check.claim);
        const lines = outcomeLines(check, outcome, meta.counties);
        list.append(el('li', { class: `pr-check ${outcome.ok ? 'is-ok' : 'is-fail'}`, 'data-ok': String(outcome.ok) },
          el('span', { class: 'pr-check-mark', 'aria-hidden': 'true', text: outcome.ok ? '✓' : '✗' }),
          el('span', { class: 'pr-check-body' },
            el('strong', { text: claim || lines[0] }),
            el('span', { class: 'visually-hidden', text: outcome.ok ? lt('pr.claimOk') : lt('pr.claimFail') }),
            el('small', { text: `${(claim ? lines : lines.slice(1)).join(' · ')}${lines.length ? ' · ' : ''}${ruleText(check)}` }))));
      }
      box.append(list);
    }
    if (step.reveal.zh || step.reveal.en) box.append(el('p', { class: 'pr-reveal', id: 'pr-reveal', text: bi(step.reveal) }));
    return box;
  }

  /** The app view named by the step's focus (map, loop, trajectories, distribution). */
  private renderView(): void {
    const step = this.step;
    const kind = step?.focus.view ?? null;
    this.visual.classList.toggle('has-view', kind !== null);
    this.viewFigure.hidden = kind === null;
    if (!kind || !this.ctx) {
      if (this.view) {
        this.viewHost.replaceChildren();
        this.view = null;
      }
      return;
    }
    if (this.view?.kind !== kind) {
      this.viewHost.replaceChildren();
      const create = { map: createHexMap, loop: createLoopDiagram, trajectories: createSmallMultiples, distribution: createIncomeDistribution }[kind];
      // Read from the back of a room: the map's and the distribution's type 1.3 times the app's
      // (their layouts follow the type); the loop diagram and the six small charts have no room.
      this.viewHost.dataset.fontScale = kind === 'map' || kind === 'distribution' ? '1.3' : '1';
      const chart = create(this.viewHost, this.ctx);
      if (kind === 'map') {
        // the page's own map already uses this gradient id; give ours its own
        chart.svg.querySelector('linearGradient')?.setAttribute('id', 'pr-hexmap-gradient');
      }
      this.view = { kind, chart };
    }
    this.viewFigure.setAttribute('aria-label', lt('pr.viewAria'));
  }

  /** What changes with the year: the year shown, the lesson chart, the app view. */
  private renderDynamic(): void {
    const lesson = this.lesson;
    const step = this.step;
    if (!lesson || !step) return;
    const main = this.main!;
    const meta = main.meta;
    const shown = this.viewStore.state.yearIndex;
    this.year.textContent = meta && !this.loading ? fmtYear(meta.startYear + shown) : '';
    this.root.dataset.year = this.year.textContent;
    this.renderChrome();
    if (!meta || this.loading || !main.scenario || scenarioKey(main.scenario) !== scenarioKey(step.scenario)) {
      this.chartStatus.textContent = this.error ?? lt('pr.loading');
      this.chartSvg.replaceChildren();
      this.chartTitle.textContent = '';
      return;
    }
    this.chartStatus.textContent = '';
    this.chartTitle.textContent = chartTitle(step, meta.counties);
    // before the prediction, hide what would give the answer away: a question about a year already on screen
    const q = step.question;
    const covered = this.phase === 'ask' && q !== null && (shown >= this.endIndex(step) || (q.estimate !== null && q.estimate.to <= meta.startYear + shown));
    this.cover.hidden = !covered;
    this.cover.textContent = covered ? lt('pr.covered') : '';
    this.visual.classList.toggle('is-covered', covered);
    const { indicator, unit } = step.focus;
    const series = (sim: SimClient) => {
      const run = liveRun(sim, shown);
      const pts = [];
      for (let y = 0; y <= shown; y++) pts.push({ year: meta.startYear + y, value: unitValue(run, y, unit, indicator) });
      return pts;
    };
    const reveal = this.phase === 'reveal';
    const prediction = this.host.predictions.load(lesson.id).predictions[step.id];
    const est = step.question?.estimate;
    const estOnChart = est && est.indicator === indicator && est.unit === unit ? est : null;
    const model: LessonChartModel = {
      title: lt('pr.chartAria', { unit: unitLabel(unit, meta.counties), indicator: indicatorLabel(indicator), from: fmtYear(meta.startYear), to: fmtYear(step.runTo) }),
      indicator,
      axis: step.focus.axis,
      startYear: meta.startYear,
      endYear: Math.max(step.runTo, meta.startYear + 1),
      main: series(main),
      mainLabel: bi(step.scenario.title),
      compare: step.compare && this.compare!.meta ? series(this.compare!) : null,
      compareLabel: step.compare ? bi(step.compare.title) : '',
      shownYear: meta.startYear + shown,
      thresholds: reveal
        ? this.outcomes.filter(({ check: c }) => !c.against && c.measure.indicator === indicator && c.measure.unit === unit && !['change', 'pctChange', 'sum'].includes(c.measure.stat))
          .map(({ check: c }) => ({ value: c.value, label: `${opText(c.op)} ${fmtIndicator(indicator, c.value)}` }))
        : [],
      estimate: estOnChart && prediction?.value !== undefined ? { year: estOnChart.to, value: prediction.value, label: lt('pr.predicted', { value: fmtIndicator(indicator, prediction.value) }) } : null,
      actual: reveal && estOnChart ? { year: estOnChart.to, value: measureValue(liveRun(main), estOnChart) } : null,
    };
    const w = this.chartHost.clientWidth;
    const h = this.chartHost.clientHeight;
    if (w > 50 && h > 50) drawLessonChart(this.chartSvg, model, w, h, Math.round(Math.max(15, Math.min(30, Math.min(w / 42, h / 18)))));
    if (this.view) {
      this.view.chart.render();
      if (this.view.kind === 'map') {
        for (const r of this.view.chart.svg.querySelectorAll('[fill="url(#hexmap-legend-gradient)"]')) r.setAttribute('fill', 'url(#pr-hexmap-gradient)');
      }
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private changeSpeed(dir: 1 | -1): void {
    let i = SPEEDS.findIndex((s) => s >= this.speed);
    if (i < 0) i = SPEEDS.length - 1;
    i = Math.max(0, Math.min(SPEEDS.length - 1, i + dir));
    this.speed = SPEEDS[i];
    this.renderChrome();
  }

  private async toggleFullscreen(on = !document.fullscreenElement): Promise<void> {
    try {
      if (on && !document.fullscreenElement) await document.documentElement.requestFullscreen();
      else if (!on && document.fullscreenElement) await document.exitFullscreen();
    } catch {
      // not allowed here (no user gesture, or an embedded page): the presenter fills the window instead
    }
    this.renderChrome();
  }

  private announce(text: string): void {
    this.live.textContent = text;
  }
}
