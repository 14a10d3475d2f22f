// The built bundles may not run code from strings or spawn processes, except for reviewed
// third-party uses listed below (each with its reason). Scans dist/*.js as built by
// `node esbuild.mjs` (development build: esbuild keeps `// node_modules/...` module markers, which
// is how a hit is attributed to its package). Skipped when dist/ has not been built.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';

const DIST = path.join(__dirname, '..', '..', '..', 'dist');

const PATTERNS: Record<string, RegExp> = {
  child_process: /require\(\s*["'](?:node:)?child_process["']\s*\)|import\(\s*["'](?:node:)?child_process["']\s*\)|from\s*["'](?:node:)?child_process["']/g,
  vm: /require\(\s*["'](?:node:)?vm["']\s*\)|from\s*["'](?:node:)?vm["']/g,
  'new Function': /\bnew\s+Function\s*\(/g,
  'eval(': /(?<![\w$.])eval\s*\(/g,
};

interface Allowed {
  bundle: string;
  pattern: keyof typeof PATTERNS;
  /** Module marker the hit sits under (prefix of the path esbuild writes). */
  module: string;
  reason: string;
}

/** Reviewed uses. Anything else fails the test. */
const ALLOWED: Allowed[] = [
  {
    bundle: 'extension.js',
    pattern: 'child_process',
    module: 'node_modules/vscode-languageclient/lib/node/',
    reason: 'the VS Code client starts and stops the language server process (main.js, processes.js)',
  },
  {
    bundle: 'server.js',
    pattern: 'eval(',
    module: 'node_modules/web-tree-sitter/',
    reason: "emscripten loader's addEmAsm/addEmJs: evaluates EM_ASM/EM_JS snippets embedded in the trusted, shipped grammar/runtime wasm",
  },
  {
    bundle: 'cli.js',
    pattern: 'eval(',
    module: 'node_modules/web-tree-sitter/',
    reason: 'as in server.js: web-tree-sitter emscripten loader',
  },
];

/** Module marker (`// node_modules/x/y.js`, `// server/src/...`) in force at each offset. */
function moduleAt(text: string): (offset: number) => string {
  const markers: { at: number; module: string }[] = [];
  for (const m of text.matchAll(/^\/\/ ((?:node_modules|server|client|shared)\/[^\n]+)$/gm)) markers.push({ at: m.index!, module: m[1] });
  return (offset) => {
    let found = '(unknown module)';
    for (const marker of markers) {
      if (marker.at > offset) break;
      found = marker.module;
    }
    return found;
  };
}

export function scanBundle(file: string): { pattern: string; module: string; line: number }[] {
  const text = fs.readFileSync(file, 'utf8');
  const locate = moduleAt(text);
  const hits: { pattern: string; module: string; line: number }[] = [];
  for (const [name, regex] of Object.entries(PATTERNS)) {
    for (const m of text.matchAll(regex)) hits.push({ pattern: name, module: locate(m.index!), line: text.slice(0, m.index!).split('\n').length });
  }
  return hits;
}

describe('security: built bundles', () => {
  for (const bundle of ['server.js', 'cli.js', 'extension.js', 'report-browser.js']) {
    it(`${bundle} runs no code from strings and spawns no process outside the reviewed list`, function () {
      const file = path.join(DIST, bundle);
      if (!fs.existsSync(file)) this.skip();
      const hits = scanBundle(file);
      const unexpected = hits.filter((h) => !ALLOWED.some((a) => a.bundle === bundle && a.pattern === h.pattern && h.module.startsWith(a.module)));
      assert.deepEqual(unexpected, [], `unreviewed uses in dist/${bundle}:\n${unexpected.map((h) => `  ${h.pattern} at line ${h.line} in ${h.module}`).join('\n')}`);
      // First-party code never appears among the hits, allowed or not.
      assert.deepEqual(hits.filter((h) => /^(server|client|shared)\//.test(h.module)), []);
    });
  }

  for (const bundle of ['cli.js', 'server.js']) {
    it(`the ${bundle} bundle does not contain child_process at all (esbuild stubs it)`, function () {
      const file = path.join(DIST, bundle);
      if (!fs.existsSync(file)) this.skip();
      assert.deepEqual(scanBundle(file).filter((h) => h.pattern === 'child_process'), []);
    });
  }
});
