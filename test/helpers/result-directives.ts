// The `results=` directives of a snippet, parsed the way lintPython does (from comment tokens;
// Python or Pine by the file name).
import { lintPython } from '../../server/src/engine/lint';
import { resultsDirectives, type ResultsDirective } from '../../server/src/engine/results/strategy-directives';

/** Needs initPythonParser() to have resolved. */
export function directivesOf(text: string, file = 'strategy.py'): ResultsDirective[] {
  const output = lintPython({ path: file, text, rules: [] });
  try {
    return resultsDirectives(output.directives);
  } finally {
    output.release();
  }
}
