// The truth a benchmark case states about itself, read from its comments. Labels are written by
// hand beside the code they describe; nothing here looks at what the linter reports.
//
//   x = df["close"].shift(-1)  # expect: SL201          a finding of SL201 must start on this line
//   # expect-file: SL301                               SL301 must be reported somewhere in the file
//
// Every other warning or error in a case is a false alarm. For notebooks the comments live in
// the code cells and lines are counted within each cell, as the CLI reports them.

export interface Expectation {
  code: string;
  /** 1-based cell of a notebook (undefined for a .py file). */
  cell?: number;
  /** 1-based line within the file or cell; undefined for `expect-file`. */
  line?: number;
}

export interface CaseHeader {
  kind?: string;
  framework?: string;
  source?: string;
  why?: string;
}

const EXPECT = /#\s*expect(-file)?:\s*([A-Z]{2}\d{3}(?:\s*,\s*[A-Z]{2}\d{3})*)/g;
const HEADER = /^#\s*(kind|framework|source|why):\s*(.+?)\s*$/;

/** Expectations in one piece of Python source (a file, or a cell with its 1-based number). */
export function expectationsIn(source: string, cell?: number): Expectation[] {
  const out: Expectation[] = [];
  source.split(/\r\n|\r|\n/).forEach((text, i) => {
    for (const match of text.matchAll(EXPECT)) {
      for (const code of match[2].split(',').map((c) => c.trim())) {
        out.push(match[1] ? { code, cell } : { code, cell, line: i + 1 });
      }
    }
  });
  return out;
}

/** The `# kind:` / `# framework:` / `# source:` / `# why:` lines at the top of a case. */
export function headerOf(source: string): CaseHeader {
  const header: CaseHeader = {};
  for (const line of source.split(/\r?\n/).slice(0, 30)) {
    const m = HEADER.exec(line.trim());
    if (m) header[m[1] as keyof CaseHeader] = m[2];
  }
  return header;
}

/** Code cells of an nbformat-4 notebook with their 1-based position among all cells. */
export function notebookCells(text: string): { cell: number; source: string }[] {
  const notebook = JSON.parse(text) as { cells?: { cell_type?: string; source?: string | string[] }[] };
  return (notebook.cells ?? []).flatMap((c, i) =>
    c.cell_type === 'code' ? [{ cell: i + 1, source: Array.isArray(c.source) ? c.source.join('') : c.source ?? '' }] : [],
  );
}
