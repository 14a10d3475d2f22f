// A real JSON-RPC client driving the built server (dist/server.js --stdio) for protocol tests.
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import * as path from 'path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type InitializeResult,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.join(__dirname, '..', '..', 'dist', 'server.js');

export interface TestClient {
  connection: ProtocolConnection;
  process: ChildProcessWithoutNullStreams;
  initializeResult: InitializeResult;
  /** Resolves with the next diagnostics published for `uri` (optionally for a given version). */
  nextDiagnostics(uri: string, predicate?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  logs: string[];
  /** Every publishDiagnostics received, in order. */
  published: PublishDiagnosticsParams[];
  /** workspace/applyEdit requests the server sent (each answered "applied"). */
  appliedEdits: unknown[];
  /** strategyLint/status notifications, in order. */
  statuses: { state: string; filesLinted: number; message?: string }[];
  stop(): Promise<void>;
}

export interface StartOptions {
  settings?: Record<string, unknown>;
  /** Declare workspace/configuration support and answer it with `settings`. */
  configuration?: boolean;
  rootPath?: string;
  /** Extra initialization options (e.g. `workspaceTrusted: false`). */
  initializationOptions?: Record<string, unknown>;
}

export async function startServer(options: StartOptions = {}): Promise<TestClient> {
  // SL_SERVER_NODE_ARGS: extra node flags for the server, to profile it (`--cpu-prof --cpu-prof-dir=/tmp/p`).
  const nodeArgs = process.env.SL_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: 'pipe' });
  const stderr: string[] = [];
  child.stderr.on('data', (d) => stderr.push(String(d)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const logs: string[] = [];
  const waiters: { uri: string; predicate?: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const published: PublishDiagnosticsParams[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (let i = 0; i < waiters.length; i++) {
      const w = waiters[i];
      if (w.uri === params.uri && (!w.predicate || w.predicate(params))) {
        waiters.splice(i, 1);
        w.resolve(params);
        return;
      }
    }
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => options.settings ?? {}));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/showDocument', () => ({ success: true }));
  const appliedEdits: unknown[] = [];
  connection.onRequest('workspace/applyEdit', (p: unknown) => (appliedEdits.push(p), { applied: true }));
  const statuses: TestClient['statuses'] = [];
  connection.onNotification('strategyLint/status', (p: TestClient['statuses'][number]) => void statuses.push(p));
  connection.listen();
  const rootUri = options.rootPath ? 'file://' + options.rootPath : null;
  const initializeResult = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
    capabilities: {
      workspace: { configuration: !!options.configuration, didChangeWatchedFiles: { dynamicRegistration: false } },
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
      },
      window: { showDocument: { support: true } },
    },
    initializationOptions: { ...(options.configuration ? {} : { settings: options.settings ?? {} }), ...options.initializationOptions },
  })) as InitializeResult;
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    initializeResult,
    logs,
    appliedEdits,
    statuses,
    published,
    nextDiagnostics(uri, predicate) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within 10 s; server stderr: ${stderr.join('')}`)), 10000);
        waiters.push({ uri, predicate, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // Already shut down by the test itself.
      }
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => (child.kill(), resolve()), 3000);
        child.on('exit', () => (clearTimeout(timer), resolve()));
      });
      connection.dispose();
    },
  };
}
