/**
 * A UTF-8 text chunk (iTXt, PNG specification 11.3.3.4) in a PNG file, so that an exported figure
 * carries what made it (app, version, scenario, seed, runs) the way the SVG carries it in
 * <metadata>. `readPngText` reads it back (its CRCs were also checked with Python's zlib).
 */

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

let table: Uint32Array | null = null;

/** CRC-32 (ISO 3309, the PNG chunk checksum) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function isPng(png: Uint8Array): boolean {
  return png.length >= 33 && SIGNATURE.every((b, i) => png[i] === b) && String.fromCharCode(...png.subarray(12, 16)) === 'IHDR';
}

/**
 * `png` with an uncompressed iTXt chunk `keyword` = `text` inserted right after IHDR (the first
 * chunk, always 13 bytes of data). Throws on bytes that are not a PNG.
 */
export function withPngText(png: Uint8Array, keyword: string, text: string): Uint8Array<ArrayBuffer> {
  if (!isPng(png)) throw new Error('not a PNG file');
  if (!/^[\x20-\x7e]{1,79}$/.test(keyword)) throw new Error(`PNG text keyword must be 1-79 printable Latin characters: ${keyword}`);
  const enc = new TextEncoder();
  const key = enc.encode(keyword);
  const body = enc.encode(text);
  // keyword NUL, compression flag 0, method 0, language tag NUL, translated keyword NUL, text
  const data = new Uint8Array(key.length + 5 + body.length);
  data.set(key, 0);
  data.set(body, key.length + 5);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(enc.encode('iTXt'), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  const at = 8 + 12 + 13; // signature, IHDR's length, type, data and CRC
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, at), 0);
  out.set(chunk, at);
  out.set(png.subarray(at), at + chunk.length);
  return out;
}

/** The uncompressed iTXt (or tEXt) chunks of a PNG as keyword → text; chunks with a bad CRC are skipped. */
export function readPngText(png: Uint8Array): Map<string, string> {
  if (!isPng(png)) throw new Error('not a PNG file');
  const out = new Map<string, string>();
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const dec = new TextDecoder();
  for (let at = 8; at + 12 <= png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (at + 12 + length > png.length) break;
    const data = png.subarray(at + 8, at + 8 + length);
    const ok = view.getUint32(at + 8 + length) === crc32(png.subarray(at + 4, at + 8 + length));
    if (ok && (type === 'iTXt' || type === 'tEXt')) {
      const nul = data.indexOf(0);
      const keyword = dec.decode(data.subarray(0, nul));
      if (type === 'tEXt') out.set(keyword, new TextDecoder('latin1').decode(data.subarray(nul + 1)));
      else if (data[nul + 1] === 0) {
        // skip the compression flag and method, then the language tag and translated keyword
        let p = nul + 3;
        p = data.indexOf(0, p) + 1;
        p = data.indexOf(0, p) + 1;
        out.set(keyword, dec.decode(data.subarray(p)));
      }
    }
    if (type === 'IEND') break;
    at += 12 + length;
  }
  return out;
}
