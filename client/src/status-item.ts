// The language status item (the {} next to "Python" in the status bar): the server's state
// (starting, ready with the number of files linted, error, stopped), from the client's state
// and the server's strategyLint/status notifications.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { StatusNotification, type ServerStatus } from '../../server/src/protocol';

export class ServerStatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('strategyLint.status', [{ language: 'python' }, { language: 'pine' }]);
  private subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item.name = 'Strategy Lint';
    this.item.command = { title: 'Show Output', command: 'strategyLint.showOutput' };
    this.show({ state: 'starting', filesLinted: 0 });
  }

  follow(client: LanguageClient): void {
    this.subscriptions.forEach((d) => d.dispose());
    this.show({ state: 'starting', filesLinted: 0 });
    this.subscriptions = [
      client.onDidChangeState(({ newState }) => {
        if (newState === State.Stopped) this.stopped();
        else if (newState === State.Starting) this.show({ state: 'starting', filesLinted: 0 });
      }),
      client.onNotification(StatusNotification, (status) => this.show(status)),
    ];
  }

  failed(error: unknown): void {
    this.show({ state: 'error', filesLinted: 0, message: String((error as Error)?.message ?? error) });
  }

  show(status: ServerStatus): void {
    this.item.busy = status.state === 'starting';
    if (status.state === 'starting') {
      this.item.text = 'Strategy Lint: starting';
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      this.item.detail = undefined;
    } else if (status.state === 'ready') {
      this.item.text = `Strategy Lint: ${status.filesLinted} file${status.filesLinted === 1 ? '' : 's'} linted`;
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      this.item.detail = 'ready';
    } else {
      this.item.text = 'Strategy Lint: error';
      this.item.severity = vscode.LanguageStatusSeverity.Error;
      this.item.detail = status.message;
    }
  }

  private stopped(): void {
    this.item.busy = false;
    this.item.text = 'Strategy Lint: stopped';
    this.item.severity = vscode.LanguageStatusSeverity.Warning;
    this.item.detail = 'Restart it with "Strategy Lint: Restart Server"';
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
    this.item.dispose();
  }
}
