import type { Rule } from '../rule';

export const unresolvedResults: Rule = {
  name: 'unresolved-results',
  code: 'SL610',
  family: 'results',
  defaultSeverity: 'warning',
  summary: 'A results path that is missing, unreadable or outside the workspace folder.',
  glossary: ['overfitting-detection'],
  docs: {
    what: 'Reports result paths named by `# strategy-lint: results=...` directives, configuration or settings that Strategy Lint refused: files that do not exist, and paths that leave the workspace folder (through `..`, an absolute path or a symbolic link).',
    why: 'A strategy whose results cannot be read is silently judged on its code alone. Paths outside the workspace are refused on purpose: a workspace you open must not make the editor read arbitrary files on your machine.',
    example: '# strategy-lint: results=../../other-project/backtest.json\nclass MyStrategy(IStrategy):\n    ...',
    fix: 'Point the directive at a result file inside the workspace (relative to the strategy file), or copy the result into the project.',
  },
  check(context, report) {
    for (const refused of context.results?.refused ?? []) {
      const range = refused.at ? context.lines.rangeOf(refused.at.offset, refused.at.offset + refused.at.length) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      report({ range, message: `Results not attached: ${refused.file}: ${refused.reason}.` });
    }
  },
};
