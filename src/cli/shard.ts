/**
 * Sharding (`--shard k/n` on `sim` and `sweep`) and merging (`npm run merge`), docs/cluster.md.
 *
 * Assignment is round-robin: shard k of n computes the runs whose 0-based global index t has
 * t mod n = k - 1 (for `sim` run r has t = r - 1; for `sweep` run t is repetition (t mod R) + 1
 * of point floor(t / R) + 1). Round-robin spreads slow and fast points evenly over the shards.
 *
 * A shard file is the tidy CSV of its runs, in global order, preceded by one metadata line
 *
 *   #poverty-loop-shard {"format":1,"kind":"sim","shard":2,"of":3,"hash":"…","total":100,…}
 *
 * that carries what `merge` needs to check that the parts belong together and are complete and
 * to put the rows back in global order. Merged output is byte-identical to the output of the
 * same command without `--shard`.
 */
import { createHash } from 'node:crypto';
import { type FileHandle, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './args';

export const SHARD_MARK = '#poverty-loop-shard ';
export const SHARD_FORMAT = 1;

export interface Shard {
  /** 1-based shard number. */
  k: number;
  /** Number of shards. */
  n: number;
}

/** Upper bound on n: beyond it a shard would be a few runs of a job array. */
export const MAX_SHARDS = 100_000;

/** Parses `k/n` (1 <= k <= n). Throws UsageError naming `option`. */
export function parseShard(text: string, option = '--shard'): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const expected = `k/n with 1 <= k <= n <= ${MAX_SHARDS}, e.g. 2/8 for the second of eight shards`;
  if (!m) throw new UsageError(option, expected, text);
  const k = Number(m[1]);
  const n = Number(m[2]);
  if (k < 1 || n < 1 || k > n || n > MAX_SHARDS) throw new UsageError(option, expected, text);
  return { k, n };
}

/** Global 0-based indexes of the runs of shard k/n among `total`, ascending. */
export function shardIndexes(total: number, shard: Shard): number[] {
  const out: number[] = [];
  for (let t = shard.k - 1; t < total; t += shard.n) out.push(t);
  return out;
}

/** JSON with object keys sorted at every level: a stable text to hash. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** Short SHA-256 (hex, 16 digits) of the canonical JSON of what determines an output. */
export function contentHash(v: unknown): string {
  return createHash('sha256').update(canonicalJson(v)).digest('hex').slice(0, 16);
}

/** What a shard file says about itself. */
export interface ShardMeta {
  format: number;
  kind: 'sim' | 'sweep';
  shard: number;
  of: number;
  assignment: 'round-robin';
  /** Hash of everything that determines the output (scenario, overrides, seed, runs, sweep). */
  hash: string;
  /** Runs of the whole job (sweep: points x repetitions). */
  total: number;
  /** Runs in this shard. */
  runs: number;
  /** CSV rows per run. */
  rowsPerRun: number;
  scenarioId: string;
  /** The CSV header line that follows. */
  header: string;
  /** sim: run numbers are 1..total; sweep: repetitions per point (row prefix `point,run,`). */
  repetitions?: number;
  /** sweep: what merge needs to rebuild the summary (spec and resolved scenario). */
  sweep?: unknown;
}

export function shardLine(meta: ShardMeta): string {
  return `${SHARD_MARK}${JSON.stringify(meta)}\n`;
}

/** Row prefix of run t (0-based global index) of a job. */
export function runPrefix(meta: Pick<ShardMeta, 'kind' | 'repetitions'>, t: number): string {
  if (meta.kind === 'sim') return `${t + 1},`;
  const r = meta.repetitions ?? 1;
  return `${Math.floor(t / r) + 1},${(t % r) + 1},`;
}

/** A file that cannot be written (exit status 1). */
export class OutputError extends Error {
  override name = 'OutputError';
}

/**
 * Writes a file through a temporary file in the same folder, renamed over the target only by
 * `commit`, so that a failure or a cancel never leaves a partial file.
 */
export class AtomicWriter {
  private constructor(
    readonly file: string,
    private readonly tmp: string,
    private readonly handle: FileHandle,
  ) {}

  static async open(file: string): Promise<AtomicWriter> {
    const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
    const handle = await open(tmp, 'w').catch((e: Error) => {
      throw new OutputError(`cannot write ${file}: ${e.message}`);
    });
    return new AtomicWriter(file, tmp, handle);
  }

  private pending: Promise<unknown> = Promise.resolve();
  private failed: Error | undefined;

  /** Queues a chunk (writes happen in order). */
  write(text: string): Promise<void> {
    this.pending = this.pending.then(() => this.handle.write(text)).catch((e: Error) => {
      this.failed ??= e;
    });
    return this.pending.then(() => undefined);
  }

  async commit(): Promise<void> {
    await this.pending;
    if (this.failed) {
      await this.abort();
      throw new OutputError(`cannot write ${this.file}: ${this.failed.message}`);
    }
    try {
      await this.handle.close();
      await rename(this.tmp, this.file);
    } catch (e) {
      await this.abort();
      throw new OutputError(`cannot write ${this.file}: ${(e as Error).message}`);
    }
  }

  async abort(): Promise<void> {
    await this.pending.catch(() => undefined);
    await this.handle.close().catch(() => undefined);
    await unlink(this.tmp).catch(() => undefined);
  }
}

/** Fails early (exit 2) when `out` cannot be a file: its folder is missing or it is a folder. */
export async function checkOutTarget(out: string, option = '--out'): Promise<void> {
  const folder = await stat(dirname(out)).catch(() => undefined);
  if (!folder?.isDirectory()) throw new UsageError(option, 'a file in an existing folder', out);
  const target = await stat(out).catch(() => undefined);
  if (target?.isDirectory()) throw new UsageError(option, 'a file name, not a folder', out);
}

/** Reads a file line by line in large chunks (lines without their newline). */
export class LineReader {
  private buffer = '';
  private pos = 0;
  private eof = false;
  private readonly chunk = Buffer.alloc(1 << 20);
  private readonly decoder = new TextDecoder('utf-8');
  /** Lines read so far. */
  lineNumber = 0;

  private constructor(private readonly handle: FileHandle) {}

  static async open(file: string): Promise<LineReader> {
    return new LineReader(await open(file, 'r'));
  }

  /** The next line, or undefined at the end. A last line without newline counts. */
  async next(): Promise<string | undefined> {
    for (;;) {
      const nl = this.buffer.indexOf('\n', this.pos);
      if (nl >= 0) {
        const line = this.buffer.slice(this.pos, nl);
        this.pos = nl + 1;
        this.lineNumber++;
        return line;
      }
      if (this.eof) {
        if (this.pos < this.buffer.length) {
          const line = this.buffer.slice(this.pos);
          this.pos = this.buffer.length;
          this.lineNumber++;
          return line;
        }
        return undefined;
      }
      const { bytesRead } = await this.handle.read(this.chunk, 0, this.chunk.length, null);
      this.buffer = this.buffer.slice(this.pos) + this.decoder.decode(this.chunk.subarray(0, bytesRead), { stream: bytesRead > 0 });
      this.pos = 0;
      if (bytesRead === 0) this.eof = true;
    }
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}

/** Shard files that cannot be merged (exit status 2): the message names the file(s) and why. */
export class MergeError extends Error {
  override name = 'MergeError';
}

interface OpenShard {
  file: string;
  meta: ShardMeta;
  reader: LineReader;
}

function describe(s: OpenShard): string {
  return `${s.file} (shard ${s.meta.shard}/${s.meta.of} of ${s.meta.kind} ${s.meta.scenarioId}, hash ${s.meta.hash}, ${s.meta.total} runs)`;
}

async function openShard(file: string): Promise<OpenShard> {
  let reader: LineReader;
  try {
    reader = await LineReader.open(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new MergeError(`${file}: expected a readable shard file, got ${err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'a directory' : err.message}`);
  }
  const first = await reader.next();
  const bad = (why: string) => new MergeError(`${file}: expected a shard file written by \`sim --shard\` or \`sweep --shard\` (first line "${SHARD_MARK.trim()} {...}"), ${why}`);
  if (first === undefined || !first.startsWith(SHARD_MARK)) {
    await reader.close();
    throw bad(`got ${first === undefined ? 'an empty file' : JSON.stringify(first.slice(0, 40))}`);
  }
  let meta: ShardMeta;
  try {
    meta = JSON.parse(first.slice(SHARD_MARK.length)) as ShardMeta;
  } catch {
    await reader.close();
    throw bad('got a metadata line that is not JSON');
  }
  if (meta.format !== SHARD_FORMAT || (meta.kind !== 'sim' && meta.kind !== 'sweep') || !Number.isInteger(meta.shard) || !Number.isInteger(meta.of) || typeof meta.hash !== 'string') {
    await reader.close();
    throw bad(`got metadata of another format (${JSON.stringify(meta).slice(0, 60)})`);
  }
  const header = await reader.next();
  if (header !== meta.header) {
    await reader.close();
    throw new MergeError(`${file}: expected the CSV header ${JSON.stringify(meta.header)} on line 2, got ${JSON.stringify(header ?? 'the end of the file')}`);
  }
  return { file, meta, reader };
}

/**
 * Checks that `files` are the n shards of one job, each exactly once, and returns them ordered
 * by shard number (readers positioned at the first row). Throws MergeError otherwise.
 */
export async function openShards(files: readonly string[]): Promise<OpenShard[]> {
  if (files.length === 0) throw new MergeError('expected shard files to merge, got none');
  const shards: OpenShard[] = [];
  try {
    for (const f of files) shards.push(await openShard(f));
    const first = shards[0];
    for (const s of shards.slice(1)) {
      const m = s.meta;
      const f = first.meta;
      if (m.kind !== f.kind || m.hash !== f.hash || m.total !== f.total || m.of !== f.of || m.rowsPerRun !== f.rowsPerRun || m.header !== f.header) {
        throw new MergeError(`shards of different jobs cannot be merged: ${describe(first)} and ${describe(s)}${m.hash !== f.hash ? ' differ in scenario, options or sweep' : m.of !== f.of ? ' were split into different numbers of shards' : ' differ'}`);
      }
    }
    const n = first.meta.of;
    const byNumber = new Map<number, OpenShard>();
    for (const s of shards) {
      if (s.meta.shard < 1 || s.meta.shard > n) throw new MergeError(`${s.file}: shard number ${s.meta.shard} is not between 1 and ${n}`);
      const twice = byNumber.get(s.meta.shard);
      if (twice) throw new MergeError(`shard ${s.meta.shard}/${n} given twice: ${twice.file} and ${s.file}`);
      byNumber.set(s.meta.shard, s);
    }
    const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !byNumber.has(k));
    if (missing.length) {
      throw new MergeError(`incomplete: shard${missing.length > 1 ? 's' : ''} ${missing.slice(0, 10).map((k) => `${k}/${n}`).join(', ')}${missing.length > 10 ? ', ...' : ''} of ${first.meta.kind} ${first.meta.scenarioId} (hash ${first.meta.hash}) ${missing.length > 1 ? 'are' : 'is'} missing; given: ${[...byNumber.keys()].sort((a, b) => a - b).map((k) => `${k}/${n}`).join(', ')}`);
    }
    for (const s of shards) {
      const expected = shardIndexes(s.meta.total, { k: s.meta.shard, n }).length;
      if (s.meta.runs !== expected) throw new MergeError(`${s.file}: shard ${s.meta.shard}/${n} of ${s.meta.total} runs should hold ${expected} runs, its metadata says ${s.meta.runs}`);
    }
    return Array.from({ length: n }, (_, i) => byNumber.get(i + 1)!);
  } catch (e) {
    for (const s of shards) await s.reader.close();
    throw e;
  }
}

/**
 * Merges shard files into the single-machine output: the header, then every run's rows in
 * global order, each checked for its run prefix. `write` receives the output in chunks (one per
 * run); `onLine` sees every data row (for summaries). Returns the common metadata.
 */
export async function mergeShards(files: readonly string[], write: (chunk: string) => Promise<void> | void, onLine?: (line: string) => void): Promise<ShardMeta> {
  const shards = await openShards(files);
  const meta = shards[0].meta;
  const n = meta.of;
  try {
    await write(meta.header + '\n');
    const done = new Array<number>(n).fill(0);
    for (let t = 0; t < meta.total; t++) {
      const s = shards[t % n];
      const prefix = runPrefix(meta, t);
      const lines: string[] = [];
      for (let i = 0; i < meta.rowsPerRun; i++) {
        const line = await s.reader.next();
        if (line === undefined) {
          throw new MergeError(`${s.file}: shard ${s.meta.shard}/${n} is incomplete: it ends after ${done[t % n]} of its ${s.meta.runs} runs (line ${s.reader.lineNumber})`);
        }
        if (!line.startsWith(prefix)) {
          throw new MergeError(`${s.file}: line ${s.reader.lineNumber}: expected a row of ${meta.kind === 'sim' ? `run ${t + 1}` : `point,run ${prefix.slice(0, -1)}`} (rows out of order or cut), got ${JSON.stringify(line.slice(0, 60))}`);
        }
        onLine?.(line);
        lines.push(line);
      }
      done[t % n]++;
      await write(lines.join('\n') + '\n');
    }
    for (const s of shards) {
      const extra = await s.reader.next();
      if (extra !== undefined) throw new MergeError(`${s.file}: shard ${s.meta.shard}/${n} has more rows than its ${s.meta.runs} runs (line ${s.reader.lineNumber}: ${JSON.stringify(extra.slice(0, 60))})`);
    }
  } finally {
    for (const s of shards) await s.reader.close();
  }
  return meta;
}
