// ARCHITECTURE.md's invariants, enforced: the engine is pure analysis. It imports no editor or
// protocol package and nothing from the fronts, so the CLI, the language server, the report and
// the MCP server all run the same code, and the engine can be tested without a client.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..', '..');
const ENGINE = path.join(ROOT, 'server', 'src', 'engine');

/** Packages the engine may use: parsing, file formats, zip. Anything else needs a reason here. */
const ALLOWED_PACKAGES = new Set(['web-tree-sitter', 'jsonc-parser', 'fflate', 'smol-toml', 'simple-statistics']);
const NODE_BUILTINS = new Set(['fs', 'path', 'os', 'crypto', 'util', 'zlib', 'url', 'perf_hooks']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module specifier a file imports or re-exports (static, dynamic and require). */
function importsOf(text: string): string[] {
  const found: string[] = [];
  const patterns = [/^\s*(?:import|export)\s[^'"]*?\bfrom\s+['"]([^'"]+)['"]/gm, /^\s*import\s+['"]([^'"]+)['"]/gm, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(match[1]);
  return found;
}

describe('engine boundaries (ARCHITECTURE.md invariants)', () => {
  const files = sourceFiles(ENGINE);

  it('finds the engine sources', () => {
    assert.ok(files.length > 100, `only ${files.length} files under ${ENGINE}`);
  });

  it('no engine file imports VS Code, an LSP package, or a package outside the allowed list', () => {
    const offenders: string[] = [];
    for (const file of files) {
      for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.')) continue;
        const name = spec.replace(/^node:/, '');
        const pkg = name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0];
        if (spec.startsWith('node:') || NODE_BUILTINS.has(pkg)) continue;
        if (/^(vscode|@vscode\/)/.test(pkg) || /languageserver|languageclient|jsonrpc/.test(pkg) || !ALLOWED_PACKAGES.has(pkg)) {
          offenders.push(`${path.relative(ROOT, file)} imports '${spec}'`);
        }
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('no engine file imports from the fronts (server wiring, CLI, report, MCP, client)', () => {
    const offenders: string[] = [];
    for (const file of files) {
      for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = path.resolve(path.dirname(file), spec);
        if (!target.startsWith(ENGINE + path.sep)) offenders.push(`${path.relative(ROOT, file)} imports '${spec}'`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('the checker itself catches an offending import', () => {
    assert.deepEqual(importsOf(`import {\n  TextDocuments,\n} from 'vscode-languageserver';\nconst x = require("vscode");\nconst s = "from 'a string'";`), ['vscode-languageserver', 'vscode']);
  });
});
