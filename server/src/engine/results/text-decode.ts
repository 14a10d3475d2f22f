// Bytes -> text, refusing binary files and reporting invalid UTF-8 with the byte offset.
// Result files are UTF-8 JSON/CSV; PowerShell redirects produce UTF-16, so that is decoded too.
import type { ResultProblem } from './summary';
import { problem } from './problems';

export type Decoded =
  | { ok: true; text: string; problems: ResultProblem[] }
  | { ok: false; problems: ResultProblem[] };

/** How many leading bytes are inspected for NUL bytes (the usual "is it binary" heuristic). */
const BINARY_SNIFF_BYTES = 8192;

export function decodeText(bytes: Uint8Array): Decoded {
  // UTF-16 with BOM: decode as such (no NUL heuristic, every ASCII char has a NUL byte there).
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
    return { ok: true, text, problems: [problem(`file is UTF-16 (${le ? 'LE' : 'BE'}); decoded, but UTF-8 is expected`, 'info')] };
  }
  const head = bytes.subarray(0, Math.min(bytes.length, BINARY_SNIFF_BYTES));
  const nul = head.indexOf(0);
  if (nul >= 0) {
    return { ok: false, problems: [problem(`binary content (NUL byte at byte ${nul}); not a text result file`)] };
  }
  // A UTF-8 BOM is dropped: editors hide it, so character offsets then match the editor's.
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body), problems: [] };
  } catch {
    const at = firstInvalidUtf8(body);
    const text = new TextDecoder('utf-8').decode(body);
    return {
      ok: true,
      text,
      problems: [problem(`invalid UTF-8 at byte ${at + (body === bytes ? 0 : 3)}; bad bytes were replaced with U+FFFD`)],
    };
  }
}

/** Byte offset of the first malformed UTF-8 sequence (or bytes.length when none). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let min: number;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    if (i + need >= bytes.length) return i; // truncated sequence at the end
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
