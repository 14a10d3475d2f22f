// "Strategy Lint: Show Overfitting Report": a webview beside the strategy with the same report
// the CLI writes (server/src/report/render.ts), fed by the server's `strategyLint/reportData`
// request. Strict CSP (nonce'd inline style and script, nothing remote), colours from the
// editor theme, and refreshed when result files or the strategy change.
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient, Middleware } from 'vscode-languageclient/node';
import type { ReportData } from '../../server/src/report/model';
import { newNonce, renderReportBody, renderReportHtml } from '../../server/src/report/render';
import { loadReportScript } from '../../server/src/report/script';
import { ReportDataRequest } from '../../server/src/protocol';

export const SHOW_REPORT_COMMAND = 'strategyLint.showReport';
const REFRESH_DELAY_MS = 600;

class ReportPanel {
  private timer: NodeJS.Timeout | undefined;
  private version = 0;

  constructor(
    readonly uri: string,
    readonly panel: vscode.WebviewPanel,
    private readonly load: (uri: string) => Promise<ReportData | null>,
    private readonly script: () => string,
  ) {
    panel.onDidChangeViewState(() => {
      if (panel.visible && this.stale) void this.refresh();
    });
  }

  private stale = false;

  async refresh(): Promise<void> {
    const version = ++this.version;
    let data: ReportData | null;
    try {
      data = await this.load(this.uri);
    } catch (error) {
      data = null;
      if (version === this.version) this.panel.webview.html = this.messagePage(`The report could not be built: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (version !== this.version) return;
    if (!data) {
      this.panel.webview.html = this.messagePage('Open the strategy file in an editor to see its report.');
      return;
    }
    data = { ...data, file: vscode.workspace.asRelativePath(vscode.Uri.parse(this.uri), false) };
    this.panel.title = `Overfitting Report: ${path.basename(vscode.Uri.parse(this.uri).fsPath)}`;
    if (this.panel.visible && this.rendered) {
      // Keep the page (and its scroll position): the page swaps its markup and redraws.
      void this.panel.webview.postMessage({ type: 'update', html: renderReportBody(data), data });
    } else {
      this.panel.webview.html = renderReportHtml(data, { script: this.script(), nonce: newNonce(), flavor: 'vscode' });
      this.rendered = true;
    }
    this.stale = false;
  }

  private rendered = false;

  scheduleRefresh(): void {
    if (!this.panel.visible) {
      this.stale = true;
      this.rendered = false;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private messagePage(message: string): string {
    const nonce = newNonce();
    const escaped = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'"><style nonce="${nonce}">body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:16px}</style></head><body><p>${escaped}</p></body></html>`;
  }
}

/**
 * Registers the command, the refresh on result-file and strategy changes, and returns the
 * disposables. `client` is read on each use (the server can be restarted).
 */
export function registerReportPanel(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): vscode.Disposable {
  const panels = new Map<string, ReportPanel>();
  const bundled = context.asAbsolutePath(path.join('dist', 'report-browser.js'));
  const script = () => loadReportScript([bundled]);
  const load = async (uri: string): Promise<ReportData | null> => {
    const c = client();
    if (!c) throw new Error('the Strategy Lint server is not running');
    return c.sendRequest(ReportDataRequest, { uri });
  };

  const show = async (arg?: unknown) => {
    const uri = typeof arg === 'string' ? arg : arg instanceof vscode.Uri ? arg.toString() : vscode.window.activeTextEditor?.document.uri.toString();
    if (!uri) {
      void vscode.window.showInformationMessage('Strategy Lint: open a strategy (Python file) to see its overfitting report.');
      return;
    }
    const existing = panels.get(uri);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      await existing.refresh();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      'strategyLint.report',
      `Overfitting Report: ${path.basename(vscode.Uri.parse(uri).fsPath)}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      // Scripts for the charts; no local resources at all (everything is inlined).
      { enableScripts: true, localResourceRoots: [], enableFindWidget: true },
    );
    const report = new ReportPanel(uri, panel, load, script);
    panels.set(uri, report);
    panel.onDidDispose(() => {
      report.dispose();
      panels.delete(uri);
    });
    await report.refresh();
  };

  const refreshAll = () => {
    for (const p of panels.values()) p.scheduleRefresh();
  };
  // A re-run backtest rewrites its result files; a new directive attaches other ones.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{json,csv,fthypt,zip,xlsx,toml}');
  return vscode.Disposable.from(
    vscode.commands.registerCommand(SHOW_REPORT_COMMAND, show),
    watcher,
    watcher.onDidChange(refreshAll),
    watcher.onDidCreate(refreshAll),
    watcher.onDidDelete(refreshAll),
    vscode.workspace.onDidChangeTextDocument((event) => panels.get(event.document.uri.toString())?.scheduleRefresh()),
    vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('strategyLint') && refreshAll()),
    { dispose: () => panels.forEach((p) => p.panel.dispose()) },
  );
}

/**
 * The server's result CodeLens has no command (other editors just show it): in VS Code it opens
 * the report. Used as `middleware: { provideCodeLenses: reportCodeLensMiddleware }`.
 */
export const reportCodeLensMiddleware: NonNullable<Middleware['provideCodeLenses']> = async (document, token, next) => {
  const lenses = await next(document, token);
  return lenses?.map((lens) =>
    lens.command && !lens.command.command
      ? new vscode.CodeLens(lens.range, { ...lens.command, command: SHOW_REPORT_COMMAND, arguments: [document.uri.toString()], tooltip: `${lens.command.tooltip ?? ''}\n\nClick: Show Overfitting Report`.trim() })
      : lens,
  );
};
