// Reads the cells of an XLSX workbook's sheets as text, through the bounded zip reader: the
// workbook (sheet names), its relationships (sheet files), shared strings, and each sheet's rows.
// A small scanner over the XML spreadsheet tools write, not a general XML parser; nothing is
// evaluated (formulas are read as their cached values).
import { listZip, readZipEntry, type ZipEntry } from './zip-read';

export interface Sheet {
  name: string;
  /** Rows of cell text, columns placed by their cell reference (A, B, ... AA). */
  rows: string[][];
}

const decoder = new TextDecoder('utf-8');

function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescape(m[1]) : undefined;
}

/** Text of every <t> inside `xml` (a shared string or inline string may be split in runs). */
function texts(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) out += unescape(m[1]);
  return out;
}

function columnIndex(ref: string | undefined, fallback: number): number {
  const letters = /^[A-Z]+/.exec(ref ?? '')?.[0];
  if (!letters) return fallback;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function isXlsx(bytes: Uint8Array): boolean {
  try {
    return listZip(bytes).some((e) => e.name === 'xl/workbook.xml');
  } catch {
    return false;
  }
}

/** Sheets of the workbook, in workbook order; throws ZipError on a corrupt archive. */
export function readXlsx(bytes: Uint8Array, maxBytes: number, maxCells = 2_000_000): Sheet[] {
  const entries = new Map<string, ZipEntry>(listZip(bytes).map((e) => [e.name, e]));
  const read = (name: string) => {
    const e = entries.get(name);
    return e ? decoder.decode(readZipEntry(bytes, e, maxBytes)) : undefined;
  };
  const workbook = read('xl/workbook.xml') ?? '';
  const rels = read('xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(m[0], 'Id');
    const target = attribute(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const shared: string[] = [];
  const sharedXml = read('xl/sharedStrings.xml') ?? '';
  for (const m of sharedXml.matchAll(/<si>([\s\S]*?)<\/si>/g)) shared.push(texts(m[1]));
  const sheets: Sheet[] = [];
  let cells = 0;
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attribute(m[0], 'name') ?? '';
    const target = targets.get(attribute(m[0], 'r:id') ?? '');
    const xml = target ? read(target) : undefined;
    if (xml === undefined) continue;
    const rows: string[][] = [];
    for (const row of xml.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
      const cellsOfRow: string[] = [];
      let column = 0;
      for (const c of row[1].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        if (++cells > maxCells) throw new Error(`more than ${maxCells} cells: not a list of trades`);
        const attrs = ` ${c[1]}`;
        column = columnIndex(attribute(attrs, 'r'), column);
        const body = c[2] ?? '';
        const type = attribute(attrs, 't');
        const value = /<v>([^<]*)<\/v>/.exec(body)?.[1];
        let text = '';
        if (type === 's') text = shared[Number(value)] ?? '';
        else if (type === 'inlineStr') text = texts(body);
        else if (value !== undefined) text = unescape(value);
        while (cellsOfRow.length < column) cellsOfRow.push('');
        cellsOfRow[column] = text;
        column++;
      }
      rows.push(cellsOfRow);
    }
    sheets.push({ name, rows });
  }
  return sheets;
}

/** An Excel date serial (days since 1899-12-30) as "YYYY-MM-DD HH:MM", or undefined. */
export function excelSerialDate(text: string): string | undefined {
  if (!/^\d{4,6}(\.\d+)?$/.test(text.trim())) return undefined;
  const serial = Number(text);
  if (!(serial > 20000 && serial < 80000)) return undefined;
  const iso = new Date(Math.round((serial - 25569) * 86400) * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
