/** The typed arrays a field of agent state can be. */
type FieldArray = Uint8ArrayConstructor | Uint16ArrayConstructor | Int16ArrayConstructor | Int32ArrayConstructor | Uint32ArrayConstructor |
  Float32ArrayConstructor | Float64ArrayConstructor;

/** Bytes between the starts of consecutive fields within their pages: one cache line. */
const STAGGER = 64;
const PAGE = 4096;

/**
 * One typed array of `length` elements per field of `spec`, in that order, all views of one
 * zeroed ArrayBuffer. Each field starts one cache line further into its 4 KiB page than the one
 * before (mod 4096), so element i of every field falls in a different set of the L1 cache.
 * Large arrays allocated one by one come page-aligned: element i of 30 fields then maps to one
 * 8-way set and the household loops thrash it (bench/README item 20: 2-11% more household-steps
 * per second at 1 M households, production 63-65 -> 53-60 ms; one buffer with page-aligned
 * fields is as slow as separate arrays).
 * The padding is under 4 KiB per field.
 */
export function packFields<S extends Record<string, FieldArray>>(length: number, spec: S): { [K in keyof S]: InstanceType<S[K]> } {
  const names = Object.keys(spec);
  const offsets: number[] = [];
  let end = 0;
  names.forEach((name, k) => {
    const start = Math.ceil(end / PAGE) * PAGE + ((k * STAGGER) % PAGE);
    offsets.push(start);
    end = start + spec[name].BYTES_PER_ELEMENT * length;
  });
  const buffer = new ArrayBuffer(end);
  const out: Record<string, unknown> = {};
  names.forEach((name, k) => {
    out[name] = new spec[name](buffer, offsets[k], length);
  });
  return out as { [K in keyof S]: InstanceType<S[K]> };
}
