import { type Scenario, validateScenario } from '../../model';

/**
 * The scenario library: every `scenarios/*.json` in the repository (but the JSON schema),
 * bundled at build time, so a new file there appears in the app without code changes.
 */
const modules = import.meta.glob<unknown>(['../../../scenarios/*.json', '!../../../scenarios/schema.json'], {
  eager: true,
  import: 'default',
});

export interface LibraryEntry {
  file: string;
  scenario: Scenario;
}

/** Valid library scenarios, baseline first, then by file name; invalid files are reported and skipped. */
export function loadLibrary(onInvalid: (file: string, error: unknown) => void = () => {}): LibraryEntry[] {
  const out: LibraryEntry[] = [];
  for (const [path, data] of Object.entries(modules)) {
    const file = `scenarios/${path.split('/').pop()}`;
    try {
      out.push({ file, scenario: validateScenario(data, file) });
    } catch (e) {
      onInvalid(file, e);
    }
  }
  out.sort((a, b) => (a.scenario.id === 'baseline' ? -1 : b.scenario.id === 'baseline' ? 1 : a.file.localeCompare(b.file)));
  return out;
}
