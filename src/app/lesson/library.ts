import { type Lesson, parseLesson, type ScenarioLookup, validateLesson } from '../../lesson';
import type { LibraryEntry } from '../scenario/library';

/**
 * Every `scenarios/lessons/*.json`, bundled at build time (so they work offline with the rest of
 * the site), plus lessons a trainer opened from a file, kept in this browser's storage.
 */
const modules = import.meta.glob<unknown>('../../../scenarios/lessons/*.json', { eager: true, import: 'default' });

const IMPORTED_KEY = 'povertyLoop.lessons.imported';

export interface LessonEntry {
  file: string;
  lesson: Lesson;
  /** Opened from a file by the trainer (stored in this browser), not shipped. */
  imported: boolean;
}

interface StoredLesson {
  file: string;
  text: string;
}

function readImported(): StoredLesson[] {
  try {
    const raw = localStorage.getItem(IMPORTED_KEY);
    const list = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(list) ? list.filter((x): x is StoredLesson => typeof x?.file === 'string' && typeof x?.text === 'string') : [];
  } catch {
    return [];
  }
}

function writeImported(list: StoredLesson[]): void {
  try {
    localStorage.setItem(IMPORTED_KEY, JSON.stringify(list));
  } catch {
    // storage full or blocked: the lesson still works until the page is closed
  }
}

export class LessonLibrary {
  readonly lookup: ScenarioLookup;
  private entries: LessonEntry[] = [];

  constructor(scenarios: LibraryEntry[], private readonly onInvalid: (file: string, e: unknown) => void = () => {}) {
    const byId = new Map(scenarios.map((e) => [e.scenario.id, e.scenario]));
    this.lookup = (id) => byId.get(id);
    this.reload();
  }

  /** Shipped lessons in file order, then imported ones. */
  get all(): readonly LessonEntry[] {
    return this.entries;
  }

  find(id: string): LessonEntry | undefined {
    return this.entries.find((e) => e.lesson.id === id);
  }

  /** Validates a lesson file's text and keeps it (replacing an imported lesson with the same id). Throws ScenarioError. */
  importText(text: string, file: string): Lesson {
    const lesson = parseLesson(text, file, this.lookup);
    if (this.entries.some((e) => !e.imported && e.lesson.id === lesson.id)) {
      // a shipped lesson keeps its id; the trainer's copy gets its own
      throw new Error(`"${lesson.id}" is the id of a shipped lesson: give your lesson its own "id"`);
    }
    writeImported([...readImported().filter((s) => this.idOf(s) !== lesson.id), { file, text }]);
    this.reload();
    return lesson;
  }

  removeImported(id: string): void {
    writeImported(readImported().filter((s) => this.idOf(s) !== id));
    this.reload();
  }

  private idOf(s: StoredLesson): string | null {
    try {
      return parseLesson(s.text, s.file, this.lookup).id;
    } catch {
      return null;
    }
  }

  private reload(): void {
    const out: LessonEntry[] = [];
    for (const [path, data] of Object.entries(modules).sort(([a], [b]) => a.localeCompare(b))) {
      const file = `scenarios/lessons/${path.split('/').pop()}`;
      try {
        out.push({ file, lesson: validateLesson(data, file, this.lookup), imported: false });
      } catch (e) {
        this.onInvalid(file, e);
      }
    }
    for (const s of readImported()) {
      try {
        const lesson = parseLesson(s.text, s.file, this.lookup);
        if (!out.some((e) => e.lesson.id === lesson.id)) out.push({ file: s.file, lesson, imported: true });
      } catch (e) {
        this.onInvalid(s.file, e);
      }
    }
    // the order a course would take them in
    const ORDER = ['vicious-circle', 'teacher-pay-slow', 'exit-cliff', 'herding', 'relocation-host', 'short-term-target'];
    const rank = (e: LessonEntry) => (e.imported ? 1000 : ORDER.indexOf(e.lesson.id) < 0 ? 100 : ORDER.indexOf(e.lesson.id));
    this.entries = out.sort((a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file));
  }
}
