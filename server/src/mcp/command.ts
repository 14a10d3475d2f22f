// `strategy-lint mcp [--root DIR] [--max-file-bytes N]`: the MCP server over stdio. Standard output
// carries protocol messages only; notes go to standard error. Runs until the client closes stdin.
import './zod-jitless'; // first: before the SDK builds its schemas
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { initPythonParser } from '../engine/python/parser';
import { parseArgs, UsageError, type CliIO } from '../cli/io';
import { MAX_SOURCE_BYTES } from '../cli/files';
import { loadRootGlossary } from './glossary';
import { openWorkspace } from './paths';
import { createMcpServer, createSession } from './server';

export const MCP_HELP = `usage: strategy-lint mcp [--root DIR] [--max-file-bytes N]

Serves Strategy Lint to Model Context Protocol clients (coding agents) over stdio.
Tools: lint_file, lint_source, explain_rule, explain_term, result_stats, pbo, check_claim.

options:
  --root DIR            the only folder tools may read (default: the working directory);
                        '..', absolute paths outside it and symbolic links leaving it are refused
  --max-file-bytes N    largest source file linted (default: max-file-bytes of the root
                        configuration, else ${MAX_SOURCE_BYTES})
  -h, --help            show this help
`;

export async function runMcpCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args.map((a) => (a === '-h' ? '--help' : a)), { root: 'string', 'max-file-bytes': 'string', help: 'flag' });
  if (parsed.options.help) {
    io.stdout(MCP_HELP);
    return 0;
  }
  if (parsed.positional.length) throw new UsageError(`mcp takes no positional arguments (got ${parsed.positional.join(' ')}); use --root DIR`);
  const maxFlag = parsed.options['max-file-bytes'] as string | undefined;
  if (maxFlag !== undefined && !/^\d+$/.test(maxFlag)) throw new UsageError(`--max-file-bytes ${maxFlag}: expected a whole number of bytes`);
  const workspace = openWorkspace((parsed.options.root as string | undefined) ?? process.cwd());
  if ('error' in workspace) throw new UsageError(workspace.error);

  await initPythonParser();
  for (const problem of loadRootGlossary(createSession(workspace), workspace)) io.stderr(`strategy-lint mcp: ${problem}`);
  const server = createMcpServer({ workspace, maxFileBytes: maxFlag === undefined ? undefined : Number(maxFlag) });
  // Room for a lint_source of max-file-bytes after JSON escaping; larger messages close the transport.
  const limit = maxFlag === undefined ? MAX_SOURCE_BYTES : Number(maxFlag);
  const transport = new StdioServerTransport(process.stdin, process.stdout, { maxBufferSize: Math.max(10 * 1024 * 1024, 6 * limit + 1024 * 1024) });
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
    process.stdin.once('end', () => void server.close().then(resolve, resolve));
  });
  await server.connect(transport);
  io.stderr(`strategy-lint mcp: serving ${workspace.root} on stdio`);
  await closed;
  return 0;
}
