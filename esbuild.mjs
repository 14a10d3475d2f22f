// Bundles the client, the server and the CLI into dist/ and copies the tree-sitter wasm files
// beside them, so the packaged extension runs with no node_modules.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  // web-tree-sitter's ESM build relies on import.meta.url, empty in CJS: use its .cjs build.
  alias: { 'web-tree-sitter': require.resolve('web-tree-sitter').replace(/\.js$/, '.cjs') },
};

// The server and the CLI never start processes: child_process resolves to a stub that throws.
const noChildProcess = {
  name: 'no-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, () => ({ path: new URL('./server/src/stubs/no-child-process.ts', import.meta.url).pathname }));
  },
};

// The MCP SDK's Ajv provider compiles schemas with new Function and serves only elicitation, which
// `strategy-lint mcp` never sends: the CLI bundle gets a stub instead (no code from strings).
const noSchemaCompiler = {
  name: 'no-schema-compiler',
  setup(build) {
    build.onResolve({ filter: /[\\/]validation[\\/]ajv-provider\.js$/ }, () => ({ path: new URL('./server/src/stubs/no-json-schema-compiler.ts', import.meta.url).pathname }));
  },
};

mkdirSync('dist', { recursive: true });
await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [noChildProcess] }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', plugins: [noChildProcess, noSchemaCompiler] }),
]);
copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), 'dist/web-tree-sitter.wasm');
copyFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm'), 'dist/tree-sitter-python.wasm');
await (await import('./esbuild.report.mjs')).buildReportBrowser({ production });
