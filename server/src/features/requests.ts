// Strategy Lint's own requests (typed in ../protocol.ts): the glossary's terms, documentation
// pages for the read-only view, and the overfitting report's data.
import type { Connection } from 'vscode-languageserver';
import { documentationPage } from '../documentation';
import { allTerms } from '../engine/glossary/glossary';
import type { LintPipeline } from '../lint-pipeline';
import { DocumentationRequest, GlossaryTermsRequest, ReportDataRequest } from '../protocol';
import { reportDataRequest } from '../report/request';

export function registerRequests(connection: Connection, pipeline: LintPipeline): void {
  connection.onRequest(GlossaryTermsRequest, () => allTerms().map((t) => ({ id: t.id, title: t.title, aliases: t.aliases })));
  connection.onRequest(DocumentationRequest, (params) => documentationPage(params));
  connection.onRequest(ReportDataRequest, (params) => reportDataRequest(params, pipeline.store, (entry) => pipeline.lint(entry), (file) => pipeline.session.rootFor(file)));
}
