// Minimal, bounded zip reader: lists the central directory and inflates one entry at a time with
// a hard output cap, so a zip bomb (or a lying size field) cannot exhaust memory or time.
import { Inflate } from 'fflate';

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate; anything else is unsupported. */
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export class ZipError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function isZipSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

export function listZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (o: number) => (o + 4 <= bytes.length ? view.getUint32(o, true) : -1);
  const u16 = (o: number) => (o + 2 <= bytes.length ? view.getUint16(o, true) : -1);
  // The end record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let o = bytes.length - 22; o >= 0 && o >= bytes.length - 22 - 65535; o--) {
    if (u32(o) === EOCD) { eocd = o; break; }
  }
  if (eocd < 0) throw new ZipError('no zip end-of-central-directory record (not a zip, or truncated)');
  const count = u16(eocd + 10);
  let at = u32(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw new ZipError('ZIP64 archives are not supported');
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (u32(at) !== CENTRAL) throw new ZipError(`corrupt zip: central directory entry ${i} not found at byte ${at}`);
    const nameLength = u16(at + 28);
    const extra = u16(at + 30);
    const comment = u16(at + 32);
    if (at + 46 + nameLength > bytes.length) throw new ZipError('corrupt zip: central directory runs past the end');
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: u16(at + 10),
      compressedSize: u32(at + 20),
      size: u32(at + 24),
      localHeaderOffset: u32(at + 42),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Inflate one entry; throws ZipError when it is larger than `maxBytes` or corrupt. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  if (entry.size > maxBytes) throw new ZipError(`${entry.name} is ${entry.size} bytes uncompressed, above the ${maxBytes}-byte cap`);
  const o = entry.localHeaderOffset;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (o + 30 > bytes.length || view.getUint32(o, true) !== LOCAL) throw new ZipError(`corrupt zip: no local header for ${entry.name}`);
  const start = o + 30 + view.getUint16(o + 26, true) + view.getUint16(o + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipError(`truncated zip: ${entry.name} runs past the end of the file`);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) return data.slice();
  if (entry.method !== 8) throw new ZipError(`${entry.name} uses unsupported compression method ${entry.method}`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxBytes || total > entry.size) over = true;
    else chunks.push(chunk);
  });
  const STEP = 16 * 1024; // bounded work per push: at most ~16 MB of output even for a bomb
  try {
    for (let i = 0; i < data.length && !over; i += STEP) inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
  } catch (e) {
    throw new ZipError(`corrupt deflate data in ${entry.name}: ${(e as Error).message}`);
  }
  if (over) throw new ZipError(`${entry.name} inflates to more than its declared size or the cap; refused`);
  const out = new Uint8Array(total);
  let pos = 0;
  for (const c of chunks) { out.set(c, pos); pos += c.length; }
  return out;
}
