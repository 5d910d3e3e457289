/**
 * The class's predictions, one record per lesson in localStorage, saved on every change (a
 * projector PC may be switched off mid-lesson; the next visit picks up where the class was).
 */
export interface Prediction {
  /** Index of the chosen choice. */
  choice?: number;
  /** An estimate, in the indicator's own units (a share as 0.35, not 35). */
  value?: number;
  /** A typed answer. */
  text?: string;
  /** When it was recorded (ISO 8601). */
  at: string;
}

export interface LessonSession {
  lessonId: string;
  /** The class or course, typed on the debrief page. */
  className: string;
  /** When the first prediction of this session was recorded. */
  started: string;
  predictions: Record<string, Prediction>;
  /** Where the presenter was: step index and phase. */
  position: { step: number; phase: 'ask' | 'reveal' } | null;
}

const PREFIX = 'povertyLoop.lesson.';

function empty(lessonId: string): LessonSession {
  return { lessonId, className: '', started: new Date().toISOString(), predictions: {}, position: null };
}

export class PredictionStore {
  private readonly cache = new Map<string, LessonSession>();

  load(lessonId: string): LessonSession {
    const hit = this.cache.get(lessonId);
    if (hit) return hit;
    let session = empty(lessonId);
    try {
      const raw = localStorage.getItem(PREFIX + lessonId);
      if (raw) {
        const data = JSON.parse(raw) as Partial<LessonSession>;
        if (data && typeof data === 'object' && data.predictions && typeof data.predictions === 'object') {
          session = {
            lessonId,
            className: typeof data.className === 'string' ? data.className : '',
            started: typeof data.started === 'string' ? data.started : session.started,
            predictions: sanitize(data.predictions),
            position: data.position && Number.isInteger(data.position.step) ? { step: data.position.step, phase: data.position.phase === 'reveal' ? 'reveal' : 'ask' } : null,
          };
        }
      }
    } catch {
      // unreadable record: start afresh
    }
    this.cache.set(lessonId, session);
    return session;
  }

  /** Records (or, with null, clears) the prediction for a step. */
  setPrediction(lessonId: string, stepId: string, p: Omit<Prediction, 'at'> | null): void {
    const s = this.load(lessonId);
    if (p === null || (p.choice === undefined && p.value === undefined && !p.text)) delete s.predictions[stepId];
    else {
      if (Object.keys(s.predictions).length === 0) s.started = new Date().toISOString();
      s.predictions[stepId] = { ...p, at: new Date().toISOString() };
    }
    this.save(s);
  }

  setPosition(lessonId: string, position: LessonSession['position']): void {
    const s = this.load(lessonId);
    s.position = position;
    this.save(s);
  }

  setClassName(lessonId: string, name: string): void {
    const s = this.load(lessonId);
    s.className = name;
    this.save(s);
  }

  clear(lessonId: string): void {
    this.cache.delete(lessonId);
    try {
      localStorage.removeItem(PREFIX + lessonId);
    } catch {
      // nothing stored
    }
  }

  private save(s: LessonSession): void {
    try {
      localStorage.setItem(PREFIX + s.lessonId, JSON.stringify(s));
    } catch {
      // storage blocked or full: predictions live on in memory for this visit
    }
  }
}

function sanitize(v: object): Record<string, Prediction> {
  const out: Record<string, Prediction> = {};
  for (const [k, p] of Object.entries(v as Record<string, Partial<Prediction>>)) {
    if (!p || typeof p !== 'object') continue;
    const clean: Prediction = { at: typeof p.at === 'string' ? p.at : '' };
    if (Number.isInteger(p.choice)) clean.choice = p.choice;
    if (typeof p.value === 'number' && Number.isFinite(p.value)) clean.value = p.value;
    if (typeof p.text === 'string') clean.text = p.text.slice(0, 2000);
    out[k] = clean;
  }
  return out;
}
