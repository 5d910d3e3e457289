/**
 * `npx tsx bench/layout.ts [households]`: why the household fields live in one staggered buffer
 * (src/model/state/layout.ts, bench/README item 20). The same pass, 30 Float64 fields read and
 * 15 written per agent, over three layouts:
 * - separate: one `new Float64Array(n)` per field, as the engine allocated them before item 20;
 * - staggered: views of one buffer, each field starting one cache line further into its page;
 * - interleaved: one array, the 30 fields of an agent side by side (array of structs).
 * Prints the median pass time and elements per second of each.
 */
const N = Number(process.argv[2] ?? 1_000_000);
const F = 30;
const REPS = Math.max(9, Math.round(15e6 / N));

function separate(): Float64Array[] {
  return Array.from({ length: F }, () => new Float64Array(N));
}

function staggered(): Float64Array[] {
  const page = 4096;
  const offsets: number[] = [];
  let end = 0;
  for (let k = 0; k < F; k++) {
    const start = Math.ceil(end / page) * page + ((k * 64) % page);
    offsets.push(start);
    end = start + 8 * N;
  }
  const buffer = new ArrayBuffer(end);
  return offsets.map((o) => new Float64Array(buffer, o, N));
}

function fill(fields: Float64Array[]): void {
  fields.forEach((a, f) => {
    for (let i = 0; i < N; i++) a[i] = (i * 7 + f) % 13;
  });
}

/**
 * Reads every field, writes every other one back. Written out field by field, as the engine's
 * loops are (a field per local), so the compiler keeps the arrays in registers or on the stack.
 */
function fieldPass(fields: Float64Array[]): number {
  const [
    a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14,
    a15, a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, a28, a29,
  ] = fields;
  let s = 0;
  for (let i = 0; i < N; i++) {
    const x = a0[i] + a1[i] + a2[i] + a3[i] + a4[i] + a5[i] + a6[i] + a7[i] + a8[i] + a9[i] +
      a10[i] + a11[i] + a12[i] + a13[i] + a14[i] + a15[i] + a16[i] + a17[i] + a18[i] + a19[i] +
      a20[i] + a21[i] + a22[i] + a23[i] + a24[i] + a25[i] + a26[i] + a27[i] + a28[i] + a29[i];
    a0[i] = x * 0.010;
    a2[i] = x * 0.012;
    a4[i] = x * 0.014;
    a6[i] = x * 0.016;
    a8[i] = x * 0.018;
    a10[i] = x * 0.020;
    a12[i] = x * 0.022;
    a14[i] = x * 0.024;
    a16[i] = x * 0.026;
    a18[i] = x * 0.028;
    a20[i] = x * 0.030;
    a22[i] = x * 0.032;
    a24[i] = x * 0.034;
    a26[i] = x * 0.036;
    a28[i] = x * 0.038;
    s += x;
  }
  return s;
}

function interleavedPass(a: Float64Array): number {
  let s = 0;
  for (let i = 0, o = 0; i < N; i++, o += F) {
    const x = a[o] + a[o + 1] + a[o + 2] + a[o + 3] + a[o + 4] + a[o + 5] + a[o + 6] + a[o + 7] + a[o + 8] + a[o + 9] +
      a[o + 10] + a[o + 11] + a[o + 12] + a[o + 13] + a[o + 14] + a[o + 15] + a[o + 16] + a[o + 17] + a[o + 18] + a[o + 19] +
      a[o + 20] + a[o + 21] + a[o + 22] + a[o + 23] + a[o + 24] + a[o + 25] + a[o + 26] + a[o + 27] + a[o + 28] + a[o + 29];
    a[o] = x * 0.010;
    a[o + 2] = x * 0.012;
    a[o + 4] = x * 0.014;
    a[o + 6] = x * 0.016;
    a[o + 8] = x * 0.018;
    a[o + 10] = x * 0.020;
    a[o + 12] = x * 0.022;
    a[o + 14] = x * 0.024;
    a[o + 16] = x * 0.026;
    a[o + 18] = x * 0.028;
    a[o + 20] = x * 0.030;
    a[o + 22] = x * 0.032;
    a[o + 24] = x * 0.034;
    a[o + 26] = x * 0.036;
    a[o + 28] = x * 0.038;
    s += x;
  }
  return s;
}

function median(pass: () => number): number {
  const ms: number[] = [];
  for (let r = 0; r < REPS; r++) {
    const t0 = performance.now();
    pass();
    ms.push(performance.now() - t0);
  }
  ms.sort((x, y) => x - y);
  return ms[REPS >> 1];
}

const sep = separate();
const stag = staggered();
const inter = new Float64Array(N * F);
fill(sep);
fill(stag);
for (let i = 0; i < N; i++) for (let f = 0; f < F; f++) inter[i * F + f] = (i * 7 + f) % 13;
const elements = N * (F + F / 2);
console.log(`${N.toLocaleString('en')} agents x ${F} Float64 fields, ${F + F / 2} elements per agent, median of ${REPS} passes`);
for (let round = 0; round < 2; round++) {
  for (const [name, pass] of [['separate', () => fieldPass(sep)], ['staggered', () => fieldPass(stag)], ['interleaved', () => interleavedPass(inter)]] as const) {
    const ms = median(pass);
    console.log(`  ${name.padEnd(12)} ${ms.toFixed(1).padStart(7)} ms  ${(elements / ms / 1e3).toFixed(0).padStart(5)} M elements/s`);
  }
}
