// The language server's `strategyLint/reportData` request: the report data of an open strategy,
// from the lint the server already cached for its current version (no extra parse or load).
import type { DocumentLint } from '../lint-service';
import type { DocumentStore, OpenDocument } from '../python-documents';
import { uriToPath } from '../uri';
import { buildReportData, type ReportData } from './model';

import type { ReportDataParams } from '../protocol';

/** Null when the document is not open in the server or is not a Python file it lints. */
export async function reportDataRequest(
  params: ReportDataParams,
  store: DocumentStore,
  lint: (entry: OpenDocument) => Promise<DocumentLint>,
  /** The workspace folder of a file: paths in the report are shown relative to it, never absolute. */
  rootFor: (file: string) => string,
): Promise<ReportData | null> {
  const uri = String(params?.uri ?? '');
  const entry = store.get(uri);
  if (!entry) return null;
  if (!(entry.document.languageId === 'python' || uri.endsWith('.py'))) return null;
  const result = await lint(entry);
  if (!result.output) return null;
  const file = uriToPath(uri);
  return buildReportData(result.output, file, { workspaceRoot: rootFor(file) });
}
