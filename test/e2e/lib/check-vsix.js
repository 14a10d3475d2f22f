// Checks the packaged .vsix holds what the extension needs at runtime (it runs with no
// node_modules) and nothing it should not ship. usage: node check-vsix.js <file.vsix>
'use strict';
const fs = require('fs');
const { unzipSync } = require('fflate');

const file = process.argv[2];
const names = [];
// List entry names through the filter callback without inflating anything.
unzipSync(new Uint8Array(fs.readFileSync(file)), { filter: (f) => (names.push(f.name), false) });

const required = [
  'extension/package.json',
  'extension/readme.md',
  'extension/LICENSE.txt',
  'extension/dist/extension.js',
  'extension/dist/server.js',
  'extension/dist/report-browser.js',
  'extension/dist/web-tree-sitter.wasm',
  'extension/dist/tree-sitter-python.wasm',
  'extension/docs/rules/too-many-parameters.md',
];
const forbidden = [/^extension\/node_modules\//, /^extension\/(client|server)\/src\//, /^extension\/test\//, /^extension\/\.e2e\//, /\.ts$/, /\.map$/, /^extension\/examples\//];
const problems = [];
for (const r of required) if (!names.includes(r)) problems.push(`missing ${r}`);
for (const n of names) for (const f of forbidden) if (f.test(n)) problems.push(`should not ship ${n}`);
console.log(`vsix: ${names.length} entries: ${names.filter((n) => n.startsWith('extension/')).map((n) => n.slice(10)).join(', ')}`);
if (problems.length) {
  console.log(`vsix content FAIL:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('vsix content ok');
