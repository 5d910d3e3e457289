import type { Lesson } from '../../lesson';
import type { AppHandle } from '../app';
import { Tooltip } from '../charts/tooltip';
import { el } from '../dom/el';
import { onLangChange } from '../i18n/i18n';
import { loadLibrary } from '../scenario/library';
import { Debrief } from './debrief';
import { LessonLibrary } from './library';
import { createLessonPicker } from './picker';
import { PredictionStore } from './predictions';
import { Presenter } from './presenter';
import { RunStore } from './runs';
import { lt } from './strings';
import './lesson.css';

export interface TeachingHandle {
  library: LessonLibrary;
  /** Opens the presenter on a lesson (by id); false if there is no such lesson. */
  present(id: string): boolean;
  debrief(id: string): boolean;
}

const HASH_KEY = 'lesson';

/**
 * Teaching mode: a "Lessons" button in the top bar opens the lesson picker; a lesson plays in
 * the full-screen presenter and ends in a printable debrief. The address's hash holds the lesson
 * (`#lesson=vicious-circle`, `#lesson=vicious-circle&view=debrief`) so a reload, or a bookmark on
 * the trainer's laptop, comes back to it; the step reached is kept with the predictions.
 */
export function mountTeaching(app: AppHandle, appRoot: HTMLElement): TeachingHandle {
  const library = new LessonLibrary(loadLibrary(), (file, e) => console.warn(`${file} skipped:`, e));
  const predictions = new PredictionStore();
  const runs = new RunStore();
  const tooltip = new Tooltip();
  const button = el('button', { type: 'button', class: 'btn btn-lessons', id: 'lessons-button', 'aria-haspopup': 'dialog' });

  const setCovered = (covered: boolean) => {
    appRoot.inert = covered;
    if (covered) {
      appRoot.setAttribute('aria-hidden', 'true');
      app.player.pause();
    } else {
      appRoot.removeAttribute('aria-hidden');
    }
  };
  const setHash = (lesson: Lesson | null, view: 'present' | 'debrief' = 'present') => {
    const base = location.pathname + location.search;
    if (!lesson) history.replaceState(null, '', base);
    else history.replaceState(null, '', `${base}#${HASH_KEY}=${encodeURIComponent(lesson.id)}${view === 'debrief' ? '&view=debrief' : ''}`);
  };

  const present = (lesson: Lesson, fullscreen = true) => {
    debrief.close();
    setCovered(true);
    presenter.open(lesson, undefined, fullscreen);
    setHash(lesson);
  };
  const showDebrief = (lesson: Lesson) => {
    if (presenter.isOpen) presenter.close();
    setCovered(true);
    debrief.open(lesson);
    setHash(lesson, 'debrief');
  };
  const exit = () => {
    presenter.close();
    debrief.close();
    setCovered(false);
    setHash(null);
    button.focus();
  };

  const presenter: Presenter = new Presenter({ predictions, runs, tooltip, exit, debrief: showDebrief });
  const debrief: Debrief = new Debrief({ predictions, runs, present: (l) => present(l), close: exit });
  const picker = createLessonPicker(library, predictions, { present, debrief: showDebrief });

  button.addEventListener('click', () => picker.open());
  const labels = () => {
    button.textContent = lt('lessons.button');
    button.title = lt('lessons.buttonHint');
  };
  labels();
  onLangChange(labels);
  const toolbar = appRoot.querySelector('.bar-actions');
  if (toolbar) toolbar.prepend(button);
  else appRoot.prepend(button);
  document.body.append(presenter.root, debrief.root, picker.dialog);

  // the presenter and the debrief take the keyboard before the page does
  window.addEventListener('keydown', (e) => {
    if (debrief.isOpen) {
      if (e.key === 'Escape') {
        e.preventDefault();
        exit();
      }
      e.stopPropagation();
      return;
    }
    if (!presenter.isOpen) return;
    e.stopPropagation();
    if (presenter.handleKey(e)) e.preventDefault();
  }, true);

  const route = (): void => {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    const id = params.get(HASH_KEY);
    if (!id) return;
    const entry = library.find(id);
    if (!entry) return;
    if (params.get('view') === 'debrief') showDebrief(entry.lesson);
    else if (presenter.currentLesson !== entry.lesson || !presenter.isOpen) present(entry.lesson, false);
  };
  window.addEventListener('hashchange', route);
  route();

  return {
    library,
    present(id) {
      const entry = library.find(id);
      if (entry) present(entry.lesson);
      return Boolean(entry);
    },
    debrief(id) {
      const entry = library.find(id);
      if (entry) showDebrief(entry.lesson);
      return Boolean(entry);
    },
  };
}
