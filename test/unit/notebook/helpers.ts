// Builds notebooks for tests: a .py strategy "pasted" into cells (split at top-level blank lines,
// markdown cells in between), written the way Jupyter writes them.
export interface PastedNotebook {
  json: string;
  /** For each code cell: its index among all cells and the .py line it starts at. */
  cells: { index: number; pyLine: number }[];
}

export function pasteIntoNotebook(py: string, options: { markdownEvery?: number; crlf?: boolean } = {}): PastedNotebook {
  const lines = py.split(/(?<=\n)/);
  const chunks: { start: number; lines: string[] }[] = [];
  let current: { start: number; lines: string[] } = { start: 0, lines: [] };
  for (let i = 0; i < lines.length; i++) {
    const isBreak = lines[i].trim() === '' && i + 1 < lines.length && /^\S/.test(lines[i + 1]) && current.lines.length > 0;
    if (isBreak) {
      // The blank line stays in the chunk (as a trailing empty line) so .py lines map 1:1.
      current.lines.push(lines[i]);
      chunks.push(current);
      current = { start: i + 1, lines: [] };
    } else current.lines.push(lines[i]);
  }
  if (current.lines.length) chunks.push(current);
  const cells: object[] = [];
  const out: PastedNotebook['cells'] = [];
  chunks.forEach((chunk, k) => {
    if (options.markdownEvery && k % options.markdownEvery === 0) {
      cells.push({ cell_type: 'markdown', id: `m${k}`, metadata: {}, source: [`## Part ${k}\n`, 'Some prose with `code` and a % sign.'] });
    }
    // Jupyter cells do not end with a newline: the last line break goes (the separator restores it).
    const text = chunk.lines.join('').replace(/\r?\n$/, '');
    const source = text.split(/(?<=\n)/).filter((l) => l !== '');
    out.push({ index: cells.length, pyLine: chunk.start });
    cells.push({ cell_type: 'code', execution_count: null, id: `c${k}`, metadata: {}, outputs: [], source });
  });
  const nb = {
    cells,
    metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' }, language_info: { name: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return { json: JSON.stringify(nb, null, 1) + '\n', cells: out };
}
