import { evaluateCheck, type Lesson, type LessonStep, measureValue, unitValue } from '../../lesson';
import { el } from '../dom/el';
import { fmtIndicator, fmtYear } from '../i18n/format';
import { bi, lang, locale, onLangChange, setLang } from '../i18n/i18n';
import { chartTitle, choiceLetter, diffText, opText, outcomeLines, predictionText, ruleText } from './describe';
import { drawLessonChart, type LessonChartModel } from './lessonChart';
import type { PredictionStore } from './predictions';
import type { RunSnapshot, RunStore } from './runs';
import { lt } from './strings';

export interface DebriefHost {
  predictions: PredictionStore;
  runs: RunStore;
  /** Back to presenting this lesson. */
  present(lesson: Lesson): void;
  close(): void;
}

const CHART_W = 960;
const CHART_H = 330;

/**
 * The debrief: for every step, the question, the class's prediction, what the run showed (the
 * claims checked, with numbers), the explanation and the step's chart. A page to print or save as
 * PDF; the steps not played in the presenter are run here (same engine, same seed).
 */
export class Debrief {
  readonly root: HTMLElement;
  private lesson: Lesson | null = null;
  private token = 0;
  private readonly ready = new Map<number, { main: RunSnapshot; compare: RunSnapshot | null }>();
  private readonly body = el('div', { class: 'db-body' });
  private readonly status = el('p', { class: 'db-status', 'aria-live': 'polite', id: 'db-status' });

  constructor(private readonly host: DebriefHost) {
    this.root = el('div', { class: 'debrief', id: 'debrief', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'db-title', hidden: true });
    onLangChange(() => this.lesson && !this.root.hidden && this.render());
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  get currentLesson(): Lesson | null {
    return this.lesson;
  }

  open(lesson: Lesson): void {
    const token = ++this.token;
    if (this.lesson !== lesson) this.ready.clear();
    this.lesson = lesson;
    this.root.hidden = false;
    document.documentElement.classList.add('debrief-open');
    this.render();
    this.root.querySelector<HTMLElement>('#db-print')?.focus();
    void this.compute(token);
  }

  close(): void {
    this.token++;
    this.root.hidden = true;
    document.documentElement.classList.remove('debrief-open');
  }

  /** Runs every step's scenario (and comparison) to its year, filling the cards as they come. */
  private async compute(token: number): Promise<void> {
    const lesson = this.lesson!;
    const todo = lesson.steps.map((s, i) => [s, i] as const).filter(([, i]) => !this.ready.has(i));
    let n = 0;
    for (const [step, i] of todo) {
      if (token !== this.token) return;
      this.status.textContent = lt('db.computing', { n: ++n, total: todo.length });
      try {
        const main = await this.host.runs.ensure(step.scenario, step.runTo);
        const compare = step.compare ? await this.host.runs.ensure(step.compare, step.runTo) : null;
        if (token !== this.token) return;
        this.ready.set(i, { main, compare });
        this.renderCard(i);
      } catch (e) {
        this.status.textContent = e instanceof Error ? e.message : String(e);
        return;
      }
    }
    if (token !== this.token) return;
    this.status.textContent = '';
    this.root.dataset.ready = 'true';
    this.renderSummary();
  }

  private render(): void {
    const lesson = this.lesson!;
    const session = this.host.predictions.load(lesson.id);
    this.root.dataset.ready = String(this.ready.size === lesson.steps.length);
    const printBtn = el('button', { type: 'button', class: 'pr-btn pr-primary', id: 'db-print', text: lt('db.print') });
    printBtn.addEventListener('click', () => window.print());
    const backBtn = el('button', { type: 'button', class: 'pr-btn', id: 'db-back', text: lt('db.back') });
    backBtn.addEventListener('click', () => this.host.present(lesson));
    const langBtn = el('button', { type: 'button', class: 'pr-btn', id: 'db-lang', lang: lang() === 'zh' ? 'en' : 'zh', text: lang() === 'zh' ? 'English' : '中文' });
    langBtn.addEventListener('click', () => setLang(lang() === 'zh' ? 'en' : 'zh'));
    const clearBtn = el('button', { type: 'button', class: 'pr-btn', id: 'db-clear', text: lt('db.clear') });
    clearBtn.addEventListener('click', () => {
      if (!window.confirm(lt('db.clearConfirm'))) return;
      this.host.predictions.clear(lesson.id);
      this.render();
      for (const i of this.ready.keys()) this.renderCard(i);
      this.renderSummary();
    });
    const closeBtn = el('button', { type: 'button', class: 'pr-btn', id: 'db-close', text: lt('db.close') });
    closeBtn.addEventListener('click', () => this.host.close());
    const classInput = el('input', { type: 'text', id: 'db-class', class: 'db-class', value: session.className, placeholder: lt('db.classPlaceholder'), maxlength: 120, autocomplete: 'off' });
    classInput.addEventListener('input', () => this.host.predictions.setClassName(lesson.id, classInput.value));
    const date = new Intl.DateTimeFormat(locale(), { dateStyle: 'long' }).format(new Date());

    this.body.replaceChildren(...lesson.steps.map((step, i) => el('article', { class: 'db-step', id: `db-step-${i}`, 'data-step': step.id })));
    this.root.replaceChildren(
      el('header', { class: 'db-head' },
        el('div', { class: 'db-heading' },
          el('h1', { id: 'db-title', text: lt('db.title', { title: bi(lesson.title) }) }),
          el('p', { class: 'db-meta' },
            el('label', { for: 'db-class', text: `${lt('db.className')}：`.replace('：', lang() === 'zh' ? '：' : ': ') }), classInput,
            el('span', { text: lt('db.date', { date }) })),
          el('p', { class: 'db-summary', id: 'db-summary' })),
        el('div', { class: 'db-actions' }, printBtn, backBtn, langBtn, clearBtn, closeBtn)),
      this.status,
      el('p', { class: 'db-lede', text: bi(lesson.summary) }),
      this.body,
      el('footer', { class: 'db-foot', text: lt('db.generated') }));
    for (let i = 0; i < lesson.steps.length; i++) this.renderCard(i);
    this.renderSummary();
  }

  private renderSummary(): void {
    const lesson = this.lesson!;
    const node = this.root.querySelector('#db-summary');
    if (!node) return;
    const preds = this.host.predictions.load(lesson.id).predictions;
    const asked = lesson.steps.filter((s) => s.question);
    const recorded = asked.filter((s) => predictionText(s.question!, preds[s.id]) !== null);
    const right = asked.filter((s) => s.question!.kind === 'choice' && s.question!.answer !== null && preds[s.id]?.choice === s.question!.answer);
    node.textContent = lt('db.summary', { answered: asked.length, recorded: recorded.length, right: right.length });
  }

  private renderCard(i: number): void {
    const lesson = this.lesson!;
    const step = lesson.steps[i];
    const card = this.body.querySelector<HTMLElement>(`#db-step-${i}`);
    if (!card) return;
    const runs = this.ready.get(i) ?? null;
    const prediction = this.host.predictions.load(lesson.id).predictions[step.id];
    const parts: Node[] = [
      el('h2', { text: `${lt('pr.stepOf', { n: i + 1, total: lesson.steps.length })} · ${bi(step.title)}` }),
      el('p', { class: 'db-text', text: bi(step.text) }),
    ];
    const q = step.question;
    if (q) {
      const table = el('dl', { class: 'db-qa' });
      table.append(el('dt', { text: lt('db.question') }), el('dd', { text: bi(q.prompt) }));
      if (q.kind === 'choice') {
        table.append(el('dt', { text: '' }), el('dd', {}, el('ol', { class: 'db-choices' },
          ...q.choices.map((c, k) => el('li', { class: `${k === q.answer ? 'is-answer' : ''}${prediction?.choice === k ? ' is-chosen' : ''}`, text: `${choiceLetter(k)}. ${bi(c)}` })))));
      }
      table.append(el('dt', { text: lt('db.prediction') }), el('dd', { class: 'db-prediction', text: predictionText(q, prediction) ?? lt('pr.noPrediction') }));
      let result = '';
      if (q.kind === 'choice' && q.answer !== null) {
        result = `${choiceLetter(q.answer)}. ${bi(q.choices[q.answer])}`;
        if (prediction?.choice !== undefined) result += `　${prediction.choice === q.answer ? lt('pr.match') : lt('pr.miss')}`;
      } else if (q.kind === 'estimate' && q.estimate && runs) {
        const actual = measureValue(runs.main, q.estimate);
        result = fmtIndicator(q.estimate.indicator, actual);
        if (prediction?.value !== undefined) {
          const d = actual - prediction.value;
          result += `（${lt('claim.diff', { value: `${d > 0 ? '+' : ''}${diffText(q.estimate.indicator, d)}` })}）`.replace(/[（）]/g, (m) => (lang() === 'zh' ? m : m === '（' ? ' (' : ')'));
        }
      }
      if (result) table.append(el('dt', { text: lt('db.result') }), el('dd', { class: 'db-result', text: result }));
      parts.push(table);
    }
    if (step.checks.length && runs) {
      const list = el('ul', { class: 'pr-checks db-checks' });
      for (const check of step.checks) {
        const outcome = evaluateCheck(check, { main: runs.main, compare: runs.compare });
        const lines = outcomeLines(check, outcome, runs.main.counties);
        const claim = bi(check.claim);
        list.append(el('li', { class: `pr-check ${outcome.ok ? 'is-ok' : 'is-fail'}`, 'data-ok': String(outcome.ok) },
          el('span', { class: 'pr-check-mark', text: outcome.ok ? '✓' : '✗' }),
          el('span', { class: 'pr-check-body' },
            el('strong', { text: claim || lines[0] }),
            el('small', { text: `${(claim ? lines : lines.slice(1)).join(' · ')}${lines.length ? ' · ' : ''}${ruleText(check)}` }))));
      }
      parts.push(el('h3', { text: lt('db.claims') }), list);
    }
    if (step.reveal.zh || step.reveal.en) parts.push(el('p', { class: 'db-reveal', text: bi(step.reveal) }));
    if (runs) parts.push(this.chart(step, runs, prediction?.value));
    card.replaceChildren(...parts);
  }

  private chart(step: LessonStep, runs: { main: RunSnapshot; compare: RunSnapshot | null }, predicted: number | undefined): HTMLElement {
    const meta = runs.main.meta;
    const { indicator, unit } = step.focus;
    const end = step.runTo - meta.startYear;
    const series = (r: RunSnapshot) => Array.from({ length: end + 1 }, (_, y) => ({ year: meta.startYear + y, value: unitValue(r, y, unit, indicator) }));
    const est = step.question?.estimate;
    const estOnChart = est && est.indicator === indicator && est.unit === unit ? est : null;
    const title = chartTitle(step, meta.counties);
    const model: LessonChartModel = {
      title,
      indicator,
      axis: step.focus.axis,
      startYear: meta.startYear,
      endYear: Math.max(step.runTo, meta.startYear + 1),
      main: series(runs.main),
      mainLabel: bi(step.scenario.title),
      compare: runs.compare ? series(runs.compare) : null,
      compareLabel: step.compare ? bi(step.compare.title) : '',
      shownYear: null,
      thresholds: step.checks.filter((c) => !c.against && c.measure.indicator === indicator && c.measure.unit === unit && !['change', 'pctChange', 'sum'].includes(c.measure.stat))
        .map((c) => ({ value: c.value, label: `${opText(c.op)} ${fmtIndicator(indicator, c.value)}` })),
      estimate: estOnChart && predicted !== undefined ? { year: estOnChart.to, value: predicted, label: lt('pr.predicted', { value: fmtIndicator(indicator, predicted) }) } : null,
      actual: estOnChart ? { year: estOnChart.to, value: measureValue(runs.main, estOnChart) } : null,
    };
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('class', 'db-chart');
    // drawn at about the width it is shown at (at most 960), so its 15 px labels stay near 15 px:
    // drawn at 960 and scaled down to a phone they were 5 px. Printing scales it to the sheet.
    const width = Math.max(300, Math.min(CHART_W, window.innerWidth - 64));
    drawLessonChart(svg, model, width, width < 640 ? 300 : CHART_H, 15);
    // scale with the page (and the printed sheet) rather than at a fixed pixel size
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    return el('figure', { class: 'db-figure' }, el('figcaption', { text: `${title}，${fmtYear(meta.startYear)}–${fmtYear(step.runTo)}`.replace('，', lang() === 'zh' ? '，' : ', ') }), svg);
  }
}
