/**
 * Shared pieces of the two documentation generators (`npm run docs`, `npm run schema`): the
 * repository paths, Markdown helpers, a reader of the doc comments in the model's source (so
 * that state-variable tables come from the code, not from a copy of it), and the
 * write-or-check logic of both command lines. Only `runGenerator` and `markReviewed` write
 * files; everything else is read-only.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Repository root (this file is src/cli/docsLib.ts). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** True when the module with this `import.meta.url` is the script node was started with. */
export function isMain(importMetaUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(resolve(script)) === realpathSync(fileURLToPath(importMetaUrl));
  } catch {
    return false;
  }
}

// ---- Markdown --------------------------------------------------------------------------------

/** Text safe inside a Markdown table cell: pipes escaped, line breaks folded. */
export function cell(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
}

/** Inline code. */
export const code = (s: string): string => '`' + s + '`';

/** A Markdown table (cells are escaped here). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

/**
 * A number for a reader: thousands separators from 1,000 up, powers of ten for very large or
 * very small values (`4 × 10⁸`, `2 × 10⁻⁶`); `plain` prints years and codes as they are.
 */
export function fmt(x: number, plain = false): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  if (plain) return String(x);
  const a = Math.abs(x);
  const roundLarge = a >= 1e6 && Number.isInteger(x) && Number(x.toPrecision(3)) === x;
  if (roundLarge || (a >= 1e6 && !Number.isInteger(x)) || a < 1e-3) {
    const e = Math.floor(Math.log10(a));
    const m = Number((x / 10 ** e).toPrecision(4));
    const power = `10${String(e).split('').map((d) => SUPERSCRIPT[d]).join('')}`;
    return m === 1 ? power : m === -1 ? `−${power}` : `${m} × ${power}`;
  }
  if (Number.isInteger(x) && a >= 1e3) return x.toLocaleString('en-US');
  return String(Number(x.toPrecision(12)));
}

/**
 * GitHub's anchor for a heading: lower case, punctuation dropped (letters and digits of any
 * script kept), spaces to hyphens.
 */
export function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

// ---- Reading the model's source ------------------------------------------------------------------

const sources = new Map<string, ts.SourceFile>();

/** The parsed source of a file under the root (cached per process). */
export function sourceFile(root: string, rel: string): ts.SourceFile {
  const path = join(root, rel);
  let sf = sources.get(path);
  if (!sf) {
    sf = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
    sources.set(path, sf);
  }
  return sf;
}

function docOf(node: ts.Node): string {
  return ts.getJSDocCommentsAndTags(node)
    .map((d) => (ts.isJSDoc(d) ? ts.getTextOfJSDocComment(d.comment) ?? '' : ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function find<T extends ts.Node>(sf: ts.SourceFile, test: (n: ts.Node) => n is T, name: string): T | undefined {
  let found: T | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (test(n) && (n as unknown as { name?: ts.Node }).name?.getText(sf) === name) found = n;
    else ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

/** A field of an interface as declared: name, type text, doc comment (empty if none). */
export interface DeclaredField {
  readonly name: string;
  readonly type: string;
  readonly doc: string;
}

/** The property signatures of an interface in a source file, in declaration order. */
export function interfaceFields(root: string, rel: string, iface: string): DeclaredField[] {
  const sf = sourceFile(root, rel);
  const node = find(sf, ts.isInterfaceDeclaration, iface);
  if (!node) throw new Error(`${rel}: no interface ${iface}`);
  return node.members.filter(ts.isPropertySignature).map((m) => ({
    name: m.name.getText(sf),
    type: m.type?.getText(sf) ?? '',
    doc: docOf(m),
  }));
}

/** The doc comment of an exported constant or function. */
export function declarationDoc(root: string, rel: string, name: string): string {
  const sf = sourceFile(root, rel);
  const node = find(sf, ts.isVariableDeclaration, name) ?? find(sf, ts.isFunctionDeclaration, name);
  if (!node) throw new Error(`${rel}: no declaration ${name}`);
  return docOf(node);
}

/**
 * The string items of an array literal constant, grouped by the line comments that precede
 * them (`// stocks` then `'transport', 'irrigation', …`).
 */
export function commentedGroups(root: string, rel: string, name: string): { group: string; items: string[] }[] {
  const sf = sourceFile(root, rel);
  const decl = find(sf, ts.isVariableDeclaration, name);
  let init = decl?.initializer;
  while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
  if (!init || !ts.isArrayLiteralExpression(init)) throw new Error(`${rel}: ${name} is not an array literal`);
  const text = sf.getFullText();
  const groups: { group: string; items: string[] }[] = [];
  for (const el of init.elements) {
    const comments = ts.getLeadingCommentRanges(text, el.getFullStart()) ?? [];
    const line = comments.filter((c) => c.kind === ts.SyntaxKind.SingleLineCommentTrivia).pop();
    if (line || groups.length === 0) groups.push({ group: line ? text.slice(line.pos + 2, line.end).trim() : '', items: [] });
    if (ts.isStringLiteral(el)) groups[groups.length - 1].items.push(el.text);
  }
  return groups;
}

/** The exported function declared with this name among the given files, or undefined. */
export function fileDeclaring(root: string, files: readonly string[], fn: string): string | undefined {
  return files.find((rel) => find(sourceFile(root, rel), ts.isFunctionDeclaration, fn) !== undefined);
}

/** A short type for the tables: typed arrays by element type. */
export function storageOf(type: string): string {
  const m = /^(Float64|Float32|Uint8|Uint16|Int16|Int32|Uint32)Array$/.exec(type);
  if (m) return m[1].toLowerCase() + '[]';
  if (type === 'Rng[]') return 'stream per county';
  if (type.startsWith('{')) return 'object';
  return type;
}

// ---- Review status of the hand-transcribed equations -------------------------------------------

/** Git's blob id of a file's content (`git hash-object`), so `git show <id>` finds that version. */
export function gitBlobId(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

// ---- Write or check ----------------------------------------------------------------------------

/** One generated file: path relative to the root and the content it must have. */
export interface GeneratedFile {
  readonly file: string;
  readonly content: string;
  /** The command that regenerates it, for the stale message. */
  readonly command: string;
}

/** Null if the file on disk equals its generated content, else a message naming the file. */
export function staleMessage(root: string, g: GeneratedFile): string | null {
  const path = join(root, g.file);
  if (!existsSync(path)) return `${g.file} is missing; run \`${g.command}\``;
  if (readFileSync(path, 'utf8') !== g.content) return `${g.file} is out of date; run \`${g.command}\``;
  return null;
}

export const EXIT_OK = 0;
export const EXIT_STALE = 1;
export const EXIT_USAGE = 2;

/**
 * The command line of a generator: with no option, writes each file that differs (and says
 * so); with `--check`, writes nothing and exits 1 with a message naming every stale file.
 * Returns the exit status.
 */
export function runGenerator(root: string, args: readonly string[], usage: string, produce: () => GeneratedFile[]): number {
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(`unknown option ${unknown[0]}\n${usage}\n`);
    return EXIT_USAGE;
  }
  let outputs: GeneratedFile[];
  try {
    outputs = produce();
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return EXIT_STALE;
  }
  if (args.includes('--check')) {
    const stale = outputs.map((g) => staleMessage(root, g)).filter((m): m is string => m !== null);
    for (const m of stale) process.stderr.write(m + '\n');
    return stale.length > 0 ? EXIT_STALE : EXIT_OK;
  }
  for (const g of outputs) {
    if (staleMessage(root, g) === null) {
      process.stdout.write(`${g.file}: up to date\n`);
      continue;
    }
    writeFileSync(join(root, g.file), g.content);
    process.stdout.write(`${g.file}: written\n`);
  }
  return EXIT_OK;
}
