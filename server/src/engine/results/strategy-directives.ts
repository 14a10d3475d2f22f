// `# strategy-lint: results=path[, path...]` comments in a strategy file name its result files
// explicitly (paths relative to the strategy file).
import type { Directives } from '../suppressions';

export interface ResultsDirective {
  path: string;
  /** Character offset/length of the path inside the strategy text, for diagnostics. */
  offset: number;
  length: number;
}

/**
 * The result files named by `results=` directives. The directives come from the comment tokens
 * the parser found (suppressions.ts, the one directive parser), so text in a docstring or a
 * string is never a directive.
 */
export function resultsDirectives(directives: Directives): ResultsDirective[] {
  const out: ResultsDirective[] = [];
  for (const d of directives.data) {
    if (d.key !== 'results') continue;
    let offset = d.valueOffset;
    for (const raw of d.value.split(',')) {
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
