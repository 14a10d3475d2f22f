// `# strategy-lint: results=path[, path...]` comments in a strategy file name its result files
// explicitly (paths relative to the strategy file).

export interface ResultsDirective {
  path: string;
  /** Character offset/length of the path inside the strategy text, for diagnostics. */
  offset: number;
  length: number;
}

const DIRECTIVE = /#\s*strategy-lint\s*:\s*results\s*=\s*(.*)$/gm;

export function parseResultsDirectives(text: string): ResultsDirective[] {
  const out: ResultsDirective[] = [];
  for (const m of text.matchAll(DIRECTIVE)) {
    const listStart = (m.index ?? 0) + m[0].length - m[1].length;
    let offset = listStart;
    for (const raw of m[1].split(',')) {
      const lead = raw.length - raw.trimStart().length;
      let value = raw.trim();
      let start = offset + lead;
      if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) {
        value = value.slice(1, -1);
        start += 1;
      }
      if (value) out.push({ path: value, offset: start, length: value.length });
      offset += raw.length + 1;
    }
  }
  return out;
}
