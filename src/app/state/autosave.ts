/**
 * Unsaved scenario edits (policy levers, parameters, seed, horizon, scale) kept in this browser's
 * storage, so a reload, a crash or a closed tab loses nothing: the next visit offers them back.
 *
 * The record is untrusted on the way back in (another version of the app, a hand-edited or
 * corrupted storage entry): it is size-limited, parsed with the same checks as a file, and its
 * scenarios are validated exactly as scenario files; anything else is dropped with a warning.
 */
import { isObject, parseJsonText, type Scenario, ScenarioError, validateScenario } from '../../model';
import { INPUT_LIMITS } from '../../model/scenario/limits';

/** Versioned: a record of another format is never read as this one. */
export const DRAFT_KEY = 'povertyLoop.draft.v1';
const VERSION = 1;

export interface Draft {
  version: 1;
  /** When it was saved (ISO 8601). */
  savedAt: string;
  /** Library file the edits started from, or null (imported, linked). */
  file: string | null;
  /** The scenario as edited. */
  scenario: Scenario;
  /** The scenario before the edits (run alongside for comparison), or null. */
  original: Scenario | null;
}

/** Where drafts are kept: localStorage, or nothing if the browser blocks it. */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function defaultStorage(): DraftStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Reads a stored draft: null if none, a ScenarioError (file "saved draft") if unusable. */
export function parseDraft(text: string): Draft {
  const file = 'saved draft';
  const data = parseJsonText(text, file, INPUT_LIMITS.maxScenarioBytes * 2 + 4096);
  if (!isObject(data)) throw new ScenarioError(file, '$', 'an object', typeof data);
  if (data.version !== VERSION) throw new ScenarioError(file, '$.version', `${VERSION} (the draft format of this version of the app)`, String(data.version));
  const fileName = data.file === null || data.file === undefined ? null : typeof data.file === 'string' && data.file.length <= 200 ? data.file : null;
  const scenario = validateScenario(data.scenario, file);
  let original: Scenario | null = null;
  if (data.original !== null && data.original !== undefined) {
    try {
      original = validateScenario(data.original, file);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      throw new ScenarioError(file, `$.original${e.path.slice(1)}`, e.expected, e.got);
    }
  }
  const savedAt = typeof data.savedAt === 'string' && data.savedAt.length <= 40 ? data.savedAt : '';
  return { version: VERSION, savedAt, file: fileName, scenario, original };
}

/**
 * Debounced saving of the current edits. `schedule` after every applied edit; `flush` writes at
 * once (the page calls it when it is hidden or unloaded); `clear` when the user starts afresh.
 */
export class Autosave {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private next: Omit<Draft, 'version' | 'savedAt'> | null = null;

  constructor(
    private readonly storage: DraftStorage | null = defaultStorage(),
    private readonly delayMs = 300,
    private readonly onWarn: (message: string, e?: unknown) => void = (m, e) => console.warn(m, e ?? ''),
  ) {}

  schedule(d: Omit<Draft, 'version' | 'savedAt'>): void {
    this.next = d;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const d = this.next;
    this.next = null;
    if (!d || !this.storage) return;
    const record: Draft = { version: VERSION, savedAt: new Date().toISOString(), ...d };
    try {
      this.storage.setItem(DRAFT_KEY, JSON.stringify(record));
    } catch (e) {
      // storage full or blocked: the edits live on in this page only
      this.onWarn('unsaved changes could not be kept in this browser:', e);
    }
  }

  /** The stored draft, validated; null if there is none or it is unusable (then it is removed). */
  read(): Draft | null {
    if (!this.storage) return null;
    let text: string | null;
    try {
      text = this.storage.getItem(DRAFT_KEY);
    } catch {
      return null;
    }
    if (text === null) return null;
    try {
      return parseDraft(text);
    } catch (e) {
      this.onWarn('a saved draft was unusable and has been dropped:', e);
      this.clear();
      return null;
    }
  }

  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.next = null;
    try {
      this.storage?.removeItem(DRAFT_KEY);
    } catch {
      // nothing stored
    }
  }
}
