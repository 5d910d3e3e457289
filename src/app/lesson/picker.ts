import { type Lesson, } from '../../lesson';
import { ScenarioError } from '../../model';
import { INPUT_LIMITS } from '../../model/scenario/limits';
import { el } from '../dom/el';
import { bi, onLangChange } from '../i18n/i18n';
import type { LessonLibrary } from './library';
import { offlineState, onOfflineStateChange } from './offline/register';
import type { PredictionStore } from './predictions';
import { lt } from './strings';

export interface PickerActions {
  present(lesson: Lesson): void;
  debrief(lesson: Lesson): void;
}

/**
 * The lesson chooser: every lesson with its summary, audience and length, the predictions already
 * recorded, buttons to present or debrief it; opening a trainer's own lesson file; whether the
 * site is cached for offline use.
 */
export function createLessonPicker(library: LessonLibrary, predictions: PredictionStore, actions: PickerActions) {
  const dialog = el('dialog', { class: 'lesson-picker', id: 'lesson-picker', 'aria-labelledby': 'lesson-picker-title' });
  const fileInput = el('input', { type: 'file', accept: '.json,application/json', class: 'visually-hidden', id: 'lesson-file', tabindex: -1 });
  const message = el('div', { class: 'lp-message', 'aria-live': 'polite', id: 'lesson-message' });
  let lastError: { file: string; error: unknown } | null = null;
  let lastImported: Lesson | null = null;

  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    fileInput.value = '';
    if (!f) return;
    // an oversized file is refused before it is read (limits.ts)
    if (f.size > INPUT_LIMITS.maxLessonBytes) {
      lastError = { file: f.name, error: new ScenarioError(f.name, '$', `a lesson file of at most ${INPUT_LIMITS.maxLessonBytes} bytes (limit)`, `${f.size} bytes`) };
      lastImported = null;
      render();
      return;
    }
    void f.text().then((text) => {
      try {
        lastImported = library.importText(text, f.name);
        lastError = null;
      } catch (e) {
        lastError = { file: f.name, error: e };
        lastImported = null;
      }
      render();
    });
  });
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });

  function renderMessage(): void {
    message.replaceChildren();
    if (lastError) {
      const e = lastError.error;
      const box = el('div', { class: 'lp-error', role: 'alert' }, el('strong', { text: lt('lessons.importError', { file: lastError.file }) }));
      if (e instanceof ScenarioError) {
        box.append(el('dl', {},
          el('dt', { text: lt('lessons.error.path') }), el('dd', {}, el('code', { text: e.path })),
          el('dt', { text: lt('lessons.error.expected') }), el('dd', { text: e.expected }),
          ...(e.got === undefined ? [] : [el('dt', { text: lt('lessons.error.got') }), el('dd', {}, el('code', { text: e.got }))])));
      } else {
        box.append(el('p', { text: e instanceof Error ? e.message : String(e) }));
      }
      message.append(box);
    } else if (lastImported) {
      message.append(el('p', { class: 'lp-ok', text: lt('lessons.importOk', { title: bi(lastImported.title) }) }));
    }
  }

  function render(): void {
    const close = el('button', { type: 'button', class: 'btn', id: 'lesson-picker-close', text: lt('lessons.close') });
    close.addEventListener('click', () => dialog.close());
    const importBtn = el('button', { type: 'button', class: 'btn', id: 'lesson-import', text: lt('lessons.import'), title: lt('lessons.importHint') });
    importBtn.addEventListener('click', () => fileInput.click());
    const offline = offlineState();
    const list = el('ul', { class: 'lp-list' });
    for (const entry of library.all) {
      const { lesson } = entry;
      const session = predictions.load(lesson.id);
      const recorded = Object.keys(session.predictions).length;
      const present = el('button', { type: 'button', class: 'btn btn-primary', 'data-present': lesson.id,
        text: session.position && session.position.step > 0 ? lt('lessons.resume', { n: session.position.step + 1 }) : lt('lessons.start') });
      present.addEventListener('click', () => {
        dialog.close();
        actions.present(lesson);
      });
      const debrief = el('button', { type: 'button', class: 'btn', 'data-debrief': lesson.id, text: lt('lessons.debrief') });
      debrief.addEventListener('click', () => {
        dialog.close();
        actions.debrief(lesson);
      });
      const buttons = el('div', { class: 'lp-buttons' }, present, debrief);
      if (entry.imported) {
        const remove = el('button', { type: 'button', class: 'btn btn-danger', text: lt('lessons.remove') });
        remove.addEventListener('click', () => {
          library.removeImported(lesson.id);
          render();
        });
        buttons.append(remove);
      }
      list.append(el('li', { class: 'lp-item', 'data-lesson': lesson.id },
        el('div', { class: 'lp-info' },
          el('h3', {}, el('span', { text: bi(lesson.title) }), entry.imported ? el('span', { class: 'lp-tag', text: lt('lessons.imported') }) : null),
          el('p', { class: 'lp-summary', text: bi(lesson.summary) }),
          el('p', { class: 'lp-meta', text: [
            lt('lessons.steps', { n: lesson.steps.length }), lt('lessons.minutes', { n: lesson.minutes }),
            bi(lesson.audience) ? lt('lessons.audience', { text: bi(lesson.audience) }) : '',
            recorded ? lt('lessons.recorded', { n: recorded }) : '',
          ].filter(Boolean).join(' · ') })),
        buttons));
    }
    dialog.replaceChildren(
      el('div', { class: 'about-head' }, el('h2', { id: 'lesson-picker-title', text: lt('lessons.title') }), close),
      el('div', { class: 'lp-body' },
        el('p', { class: 'lp-intro', text: lt('lessons.intro') }),
        el('p', { class: `lp-offline is-${offline}`, id: 'lesson-offline', text: lt(`lessons.offline.${offline}`) }),
        list,
        el('div', { class: 'lp-import' }, importBtn, fileInput, el('span', { class: 'hint', text: lt('lessons.importHint') })),
        message));
    renderMessage();
  }

  render();
  onLangChange(() => render());
  onOfflineStateChange(() => dialog.open && render());
  return {
    dialog,
    open(): void {
      lastError = null;
      lastImported = null;
      render();
      dialog.showModal();
    },
  };
}
