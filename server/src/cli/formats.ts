// Output formats of `strategy-lint check`: text, json and SARIF 2.1.0.
import * as path from 'path';
import { RULES } from '../engine/rules/registry';
import type { Finding, Severity } from '../engine/types';

export interface FileFindings {
  file: string;
  findings: Finding[];
  /** Notebooks (cli/notebook-files.ts): per finding, its 1-based cell (ranges are within it) and notebook file line. */
  cells?: number[];
  /** Notebooks: per finding, the 1-based cell of each related location (undefined: another file). */
  relatedCells?: (number | undefined)[][];
  fileLines?: number[];
}

export function formatText(results: FileFindings[]): string {
  const lines: string[] = [];
  for (const { file, findings, cells } of results) {
    for (const [i, f] of findings.entries()) lines.push(`${file}:${cells ? `cell ${cells[i]}:` : ''}${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.code} [${f.rule}] ${f.message}`);
  }
  const count = results.reduce((n, r) => n + r.findings.length, 0);
  lines.push(count === 0 ? 'All checks passed.' : `Found ${count} problem${count === 1 ? '' : 's'} in ${results.filter((r) => r.findings.length).length} file(s).`);
  return lines.join('\n') + '\n';
}

export function formatJson(results: FileFindings[]): string {
  const rows = results.flatMap(({ file, findings, cells, relatedCells }) =>
    findings.map((f, i) => ({
      file,
      ...(cells ? { cell: cells[i] } : {}),
      rule: f.rule,
      code: f.code,
      severity: f.severity,
      message: f.message,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      // The chain a lookahead travelled (assignments, then the decision it reaches).
      ...(f.related?.length
        ? {
            related: f.related.map((r, j) => ({
              ...(relatedCells?.[i]?.[j] !== undefined ? { cell: relatedCells[i][j] } : {}),
              message: r.message,
              line: r.range.start.line + 1,
              column: r.range.start.character + 1,
              ...(r.file ? { file: r.file } : {}),
            })),
          }
        : {}),
    })),
  );
  return JSON.stringify(rows, null, 2) + '\n';
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(results: FileFindings[], root: string, version: string): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.name, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'strategy-lint',
            version,
            informationUri: 'https://example.invalid/strategy-lint',
            rules: RULES.map((r) => ({
              id: r.code,
              name: r.name,
              shortDescription: { text: r.summary },
              fullDescription: { text: r.docs.what },
              help: { text: r.docs.fix, markdown: `**Why it matters.** ${r.docs.why}\n\n**Fix.** ${r.docs.fix}` },
              helpUri: `https://example.invalid/strategy-lint/docs/rules/${r.name}.md`,
              defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
              properties: { tags: [r.family, ...r.glossary] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: 'file://' + root.replace(/\\/g, '/') + '/' } },
        results: results.flatMap(({ file, findings, cells, fileLines }) =>
          findings.map((f, i) => ({
            ruleId: f.code,
            ruleIndex: ruleIndex.get(f.rule),
            level: SARIF_LEVEL[f.severity],
            message: { text: `${f.message} [${f.rule}]` },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: path.relative(root, path.resolve(file)).split(path.sep).join('/'), uriBaseId: '%SRCROOT%' },
                  region: cells ? { startLine: fileLines![i] } : {
                    startLine: f.range.start.line + 1,
                    startColumn: f.range.start.character + 1,
                    endLine: f.range.end.line + 1,
                    endColumn: f.range.end.character + 1,
                  },
                },
              },
            ],
            ...(cells ? { properties: { cell: cells[i], line: f.range.start.line + 1, column: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 } } : {}),
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
