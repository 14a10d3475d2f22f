// A small RFC 4180 CSV reader that keeps each cell's character offset (for diagnostics at a
// header). Delimiter: the first of , ; tab that appears in the first line outside quotes.

export interface CsvRow {
  cells: string[];
  offsets: number[];
}

export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length).replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0].n > 0 ? counts[0].d : ',';
}

/** Rows without the empty ones; quotes may span lines; '#' comment lines are skipped. */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let offsets: number[] = [];
  let cell = '';
  let cellStart = 0;
  let quoted = false;
  let i = 0;
  const endCell = () => { cells.push(cell); offsets.push(cellStart); cell = ''; };
  const endRow = () => {
    endCell();
    const blank = cells.every((c) => c.trim() === '');
    const comment = cells[0]?.trimStart().startsWith('#') ?? false;
    if (!blank && !comment) rows.push({ cells, offsets });
    cells = [];
    offsets = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { cell += '"'; i += 2; continue; }
        quoted = false;
      } else cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell.trim() === '') { quoted = true; cell = ''; i++; continue; }
    if (c === delimiter) { endCell(); cellStart = i + 1; i++; continue; }
    if (c === '\n' || c === '\r') {
      endRow();
      if (c === '\r' && text[i + 1] === '\n') i++;
      i++;
      cellStart = i;
      continue;
    }
    cell += c;
    i++;
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}
