// The `results=` directives of a snippet, parsed the way lintPython does (from comment tokens).
import { parsePython } from '../../server/src/engine/python/parser';
import { buildSyntaxIndex } from '../../server/src/engine/python/syntax-index';
import { resultsDirectives, type ResultsDirective } from '../../server/src/engine/results/strategy-directives';
import { parseDirectives } from '../../server/src/engine/suppressions';

/** Needs initPythonParser() to have resolved. */
export function directivesOf(text: string): ResultsDirective[] {
  const tree = parsePython(text);
  try {
    return resultsDirectives(parseDirectives(buildSyntaxIndex(tree, text).comments));
  } finally {
    tree.delete();
  }
}
