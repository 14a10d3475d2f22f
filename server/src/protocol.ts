// Strategy Lint's own requests, notifications and commands on top of LSP, typed once and used
// by both the server and the VS Code client (which bundles this file). Only types and names:
// nothing here may import the server's analysis code.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { ReportData } from './report/model';

export interface GlossaryTermSummary {
  id: string;
  title: string;
  aliases: string[];
}

/** "Strategy Lint: Explain Term...": the terms to pick from. */
export const GlossaryTermsRequest = new RequestType0<GlossaryTermSummary[], void>('strategyLint/glossaryTerms');

/** A read-only documentation page: a glossary term, or rules with their glossary terms. */
export type DocumentationParams = { kind: 'term'; id: string } | { kind: 'rules'; ids: string[] };
export interface DocumentationPage {
  title: string;
  markdown: string;
}
export const DocumentationRequest = new RequestType<DocumentationParams, DocumentationPage | null, void>('strategyLint/documentation');

/** "Show Overfitting Report": the report data of an open strategy (null when not linted). */
export interface ReportDataParams {
  uri: string;
}
export const ReportDataRequest = new RequestType<ReportDataParams, ReportData | null, void>('strategyLint/reportData');

/** What the server is doing, for the language status item. */
export interface ServerStatus {
  state: 'starting' | 'ready' | 'error';
  /** Open files and notebooks linted, with their current version. */
  filesLinted: number;
  /** The last lint failure, while the server is in the error state. */
  message?: string;
}
export const StatusNotification = new NotificationType<ServerStatus>('strategyLint/status');

/** Commands the server executes (workspace/executeCommand); the client forwards them. */
export const ServerCommands = {
  /** Opens a rule's documentation page: arguments [rule name or code]. */
  showRuleDoc: 'strategyLint.showRuleDoc',
  /** Adds `# strategy-lint: ignore[rule]` to a line: arguments [document uri, line (0-based), rule]. */
  ignoreOnLine: 'strategyLint.ignoreOnLine',
} as const;

/**
 * Commands the VS Code client provides; hovers link to them with command URIs. Other editors
 * show these links as plain text, and reach the same pages through DocumentationRequest.
 */
export const ClientCommands = {
  /** Opens the read-only documentation view: arguments [DocumentationParams]. */
  showDocumentation: 'strategyLint.showDocumentation',
} as const;

/** The scheme of the client's read-only documentation documents. */
export const DOCUMENTATION_SCHEME = 'strategy-lint-docs';

/** A command link for Markdown: `command:id?<encoded JSON arguments>`. */
export function commandLink(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}
