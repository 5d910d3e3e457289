/**
 * The generated documentation is in sync with the registries: scenarios/schema.json and
 * docs/ODD.md equal what their generators would write now, and the ODD names every parameter,
 * lever, lever parameter and indicator and documents every pipeline step and sub-model file.
 * The generators' check logic runs in-process; one spawn per CLI checks the exit status.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fmt, gitBlobId, slug, staleMessage } from '../../src/cli/docsLib';
import { ODD_FILE, readProse, renderOdd, SECTION_NAMES, STEP_HEADING } from '../../src/cli/gen-docs';
import { renderSchema, SCHEMA_FILE } from '../../src/cli/gen-schema';
import { INDICATORS, LEVERS, PARAMS } from '../../src/model/index';
import { PIPELINE } from '../../src/model/step';

const ROOT = resolve(__dirname, '../..');
const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');

let odd = '';
let rendered = '';

beforeAll(() => {
  odd = read(ODD_FILE);
  rendered = renderOdd();
});

describe('generated files are up to date', () => {
  it(`${SCHEMA_FILE} equals renderSchema() (run \`npm run schema\` if not)`, () => {
    expect(staleMessage(ROOT, { file: SCHEMA_FILE, content: renderSchema(), command: 'npm run schema' })).toBeNull();
  });

  it(`${ODD_FILE} equals renderOdd() (run \`npm run docs\` if not)`, () => {
    expect(staleMessage(ROOT, { file: ODD_FILE, content: rendered, command: 'npm run docs' })).toBeNull();
  });

  it('the schema is valid JSON that offers every parameter and every lever', () => {
    const schema = JSON.parse(read(SCHEMA_FILE));
    expect(Object.keys(schema.properties.params.properties).sort()).toEqual(PARAMS.map((p) => p.key).sort());
    const titles = schema.properties.interventions.items.oneOf.map((o: { title: string }) => o.title);
    expect(titles).toEqual(LEVERS.map((l) => l.name));
  });
});

describe('docs/ODD.md covers the registries', () => {
  it('names every parameter key in Appendix A, with its default', () => {
    const appendix = odd.slice(odd.indexOf('## Appendix A'), odd.indexOf('## Appendix B'));
    for (const p of PARAMS) {
      const row = appendix.split('\n').find((line) => line.startsWith(`| \`${p.key}\` |`));
      expect(row, p.key).toBeDefined();
      expect(row!.split(' | ')[1], p.key).toBe(fmt(p.default, p.unit === 'year'));
    }
  });

  it('names every lever and each of its parameters', () => {
    for (const l of LEVERS) {
      expect(odd, l.name).toContain(`| \`${l.name}\` |`);
      for (const p of l.params) expect(odd, `${l.name}.${p.name}`).toContain(`| \`${l.name}\` | \`${p.name}\` |`);
    }
  });

  it('names every indicator', () => {
    for (const d of INDICATORS) expect(odd, d.name).toContain(`| \`${d.name}\` |`);
  });

  it('has a subsection for every pipeline step, in §3 order, and links to it from the pipeline table', () => {
    const headings = odd.split('\n').map((line) => STEP_HEADING.exec(line)).filter((m): m is RegExpExecArray => m !== null);
    const documented = new Map(headings.map((m) => [m[3], m]));
    for (const [name] of PIPELINE) {
      const m = documented.get(name);
      expect(m, `no "(step \`${name}\`)" heading`).toBeDefined();
      expect(odd).toContain(`[§${m![1]}](#${slug(`${m![1]} ${m![2]}`)})`);
    }
    expect(odd).not.toContain('(no subsection)');
  });

  it('has a §7 subsection for every sub-model file in src/model/systems', () => {
    const submodels = odd.slice(odd.indexOf('## 7 Submodels'), odd.indexOf('## 8 Calibration'));
    const headings = submodels.split('\n').filter((line) => /^###? /.test(line));
    for (const file of readdirSync(join(ROOT, 'src/model/systems')).filter((f) => f.endsWith('.ts'))) {
      expect(headings.some((h) => h.includes(`systems/${file}`)), file).toBe(true);
    }
  });

  it('has the ODD elements in order, the summaries, and a pending campaign calibration section', () => {
    const sections = ['## ODD in one page', '## 中文摘要', '## 1 Purpose and patterns', '## 2 Entities, state variables and scales',
      '## 3 Process overview and scheduling', '## 4 Design concepts', '## 5 Initialisation', '## 6 Input data', '## 7 Submodels',
      '## 8 Calibration', '## 9 Known limitations', '## 10 References'];
    const at = sections.map((s) => odd.indexOf(`\n${s}\n`));
    expect(at.every((i) => i > 0), sections.filter((_, j) => at[j] < 0).join(', ')).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(odd).toContain('### 8.3 Calibration of the campaign scenario');
  });

  it('wraps every generated section in balanced markers and leaves no placeholder unexpanded', () => {
    for (const name of SECTION_NAMES) {
      expect(odd.split(`<!-- generated:${name} -->`).length, name).toBe(2);
      expect(odd.split(`<!-- /generated:${name} -->`).length, name).toBe(2);
      expect(odd.indexOf(`<!-- generated:${name} -->`)).toBeLessThan(odd.indexOf(`<!-- /generated:${name} -->`));
    }
    const generated = odd.split('<!-- generated:').slice(1).map((part) => part.split('<!-- /generated:')[0]).join('\n');
    expect(generated).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]/);
  });
});

describe('the generators', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'poverty-loop-docs-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('staleMessage names a file that differs or is missing, and passes one that matches', () => {
    writeFileSync(join(dir, 'a.md'), 'old\n');
    expect(staleMessage(dir, { file: 'a.md', content: 'new\n', command: 'npm run docs' })).toBe('a.md is out of date; run `npm run docs`');
    expect(staleMessage(dir, { file: 'b.md', content: 'x', command: 'npm run docs' })).toBe('b.md is missing; run `npm run docs`');
    expect(staleMessage(dir, { file: 'a.md', content: 'old\n', command: 'npm run docs' })).toBeNull();
  });

  it('renderOdd rejects an unknown section, a section asked for twice, and a missing one', () => {
    const parts = readProse();
    const withExtra = [...parts, { file: 'docs/odd/99-x.md', text: '<!-- generated:nonsense -->\n' }];
    expect(() => renderOdd(withExtra)).toThrow(/unknown generated section "nonsense"/);
    const twice = [...parts, { file: 'docs/odd/99-x.md', text: '<!-- generated:params -->\n' }];
    expect(() => renderOdd(twice)).toThrow(/"params" asked for twice/);
    const without = parts.map((p) => ({ ...p, text: p.text.replace('<!-- generated:levers -->', '') }));
    expect(() => renderOdd(without)).toThrow(/never asked for: levers/);
  });

  it('gitBlobId matches git hash-object', () => {
    expect(gitBlobId(Buffer.from('hello\n'))).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });

  it('fmt prints readable numbers', () => {
    expect(fmt(2300)).toBe('2,300');
    expect(fmt(2020, true)).toBe('2020');
    expect(fmt(4e8)).toBe('4 × 10⁸');
    expect(fmt(2e-6)).toBe('2 × 10⁻⁶');
    expect(fmt(0.062)).toBe('0.062');
  });

  it.each([['src/cli/gen-schema.ts'], ['src/cli/gen-docs.ts']])('%s --check exits 0 when its file is up to date', (script) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', script, '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr.split('\n').filter((l) => l.includes('out of date') || l.includes('missing'))).toEqual([]);
    expect(r.status).toBe(0);
  });

  it('a generator exits 2 on an unknown option', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/gen-schema.ts', '--chek'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown option --chek');
  });
});
