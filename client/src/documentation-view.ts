// Read-only documentation: rule pages with their glossary terms ("Show documentation" in a
// hover) and glossary terms ("Explain Term..."), as virtual documents the server writes,
// shown in the Markdown preview. Never an untitled buffer: nothing asks to be saved.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, DOCUMENTATION_SCHEME, DocumentationRequest, GlossaryTermsRequest, type DocumentationParams } from '../../server/src/protocol';

export function documentationUri(params: DocumentationParams): vscode.Uri {
  const path = params.kind === 'term' ? `/term/${encodeURIComponent(params.id)}.md` : `/rules/${params.ids.map(encodeURIComponent).join(',')}.md`;
  return vscode.Uri.from({ scheme: DOCUMENTATION_SCHEME, path });
}

function paramsOf(uri: vscode.Uri): DocumentationParams | undefined {
  const match = /^\/(term|rules)\/(.+)\.md$/.exec(uri.path);
  if (!match) return undefined;
  return match[1] === 'term' ? { kind: 'term', id: decodeURIComponent(match[2]) } : { kind: 'rules', ids: match[2].split(',').map(decodeURIComponent) };
}

async function show(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    // No Markdown preview (disabled built-in): the virtual document is read-only text.
    await vscode.window.showTextDocument(uri, { preview: true });
  }
}

export function registerDocumentationView(client: () => LanguageClient | undefined): vscode.Disposable {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const params = paramsOf(uri);
      const c = client();
      if (!params || !c) return 'Strategy Lint is not running.';
      const page = await c.sendRequest(DocumentationRequest, params);
      return page?.markdown ?? 'No such rule or term.';
    },
  };
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(DOCUMENTATION_SCHEME, provider),
    vscode.commands.registerCommand(ClientCommands.showDocumentation, (params: DocumentationParams) => show(documentationUri(params))),
    vscode.commands.registerCommand('strategyLint.explainTerm', async () => {
      const c = client();
      if (!c) return;
      const terms = await c.sendRequest(GlossaryTermsRequest);
      const pick = await vscode.window.showQuickPick(
        terms.map((t) => ({ label: t.title, description: t.aliases.slice(0, 4).join(', '), id: t.id })),
        { placeHolder: 'Explain a term', matchOnDescription: true },
      );
      if (pick) await show(documentationUri({ kind: 'term', id: pick.id }));
    }),
  );
}
