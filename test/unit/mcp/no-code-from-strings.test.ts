// The MCP server checks tool arguments with zod in jitless mode: no function is built from a
// string while it serves calls (the bundle scan in security/bundles.test.ts cannot see zod's
// `const F = Function; new F(...)`, so this test watches the global Function itself).
import '../../../server/src/mcp/zod-jitless'; // as the server does: before the SDK builds its schemas
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { initPythonParser } from '../../../server/src/engine/python/parser';
import { openWorkspace, type Workspace } from '../../../server/src/mcp/paths';
import { createMcpServer } from '../../../server/src/mcp/server';

describe('mcp: no code from strings while serving', () => {
  const original = globalThis.Function;
  let built: string[] = [];

  before(() => initPythonParser());
  afterEach(() => {
    globalThis.Function = original;
  });

  it('validates and runs every kind of tool call without constructing a Function', async () => {
    const workspace = openWorkspace(path.join(__dirname, '..', '..', 'fixtures', 'strategies')) as Workspace;
    const server = createMcpServer({ workspace });
    const client = new Client({ name: 'unit', version: '0' });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
    built = [];
    // A stand-in that records and refuses: zod reads the global `Function` when it would compile.
    globalThis.Function = new Proxy(original, {
      construct(_target, args) {
        built.push(String(args[args.length - 1]).slice(0, 80));
        throw new Error('code from a string');
      },
      apply(_target, _this, args) {
        built.push(String(args[args.length - 1]).slice(0, 80));
        throw new Error('code from a string');
      },
    });
    const calls: [string, Record<string, unknown>][] = [
      ['lint_file', { path: 'freqtrade/LegacyMacdStrategy.py' }],
      ['lint_source', { source: 'x = 1\n', select: ['SL1'] }],
      ['explain_rule', { rule: 'SL101' }],
      ['explain_term', { term: 'DSR' }],
      ['result_stats', { returns: [0.01, -0.02, 0.03], trials: 4 }],
      ['pbo', { matrix: [[0.01, 0.02], [0.02, -0.01], [0.0, 0.01], [0.01, 0.0]], splits: 2 }],
      ['check_claim', { sharpe: 1.5, periods: 500, trials: 30 }],
      ['check_claim', { sharpe: 'high' }],
    ];
    for (const [name, args] of calls) {
      const result = (await client.callTool({ name, arguments: args }, undefined, { timeout: 10_000 })) as { isError?: boolean; content: { text?: string }[] };
      assert.equal(!!result.isError, name === 'check_claim' && args.sharpe === 'high', `${name}: ${result.content[0]?.text?.slice(0, 200)}`);
    }
    globalThis.Function = original;
    assert.deepEqual(built, []);
    await client.close();
  });
});
