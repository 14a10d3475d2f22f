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
  'extension/media/icon.png',
];
const forbidden = [/^extension\/node_modules\//, /^extension\/(client|server)\/src\//, /^extension\/test\//, /^extension\/\.e2e\//, /\.ts$/, /\.map$/, /^extension\/examples\//];
const problems = [];
for (const r of required) if (!names.includes(r)) problems.push(`missing ${r}`);
for (const n of names) for (const f of forbidden) if (f.test(n)) problems.push(`should not ship ${n}`);

// The details page: the user-facing readme (not the developer README), its images inside the
// package by relative path (nothing fetched from the web), the icon, and no placeholder URL.
const wanted = new Set(['extension/readme.md', 'extension/package.json']);
const files = unzipSync(new Uint8Array(fs.readFileSync(file)), { filter: (f) => wanted.has(f.name) });
const readme = Buffer.from(files['extension/readme.md'] ?? []).toString('utf8');
const manifest = JSON.parse(Buffer.from(files['extension/package.json'] ?? Buffer.from('{}')).toString('utf8'));
if (!/^## Getting started$/m.test(readme)) problems.push('readme.md is not the user-facing page (no "## Getting started")');
if (/^## Tests$/m.test(readme) || /npm test/.test(readme)) problems.push('readme.md is the developer README');
const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((m) => m[1]);
if (images.length === 0) problems.push('readme.md shows no image');
for (const src of images) {
  if (/^[a-z]+:/i.test(src)) problems.push(`readme image ${src} is not in the package (needs the network)`);
  else if (!names.includes(`extension/${src.replace(/^\.\//, '')}`)) problems.push(`readme image ${src} is missing from the package`);
}
if (manifest.icon !== 'media/icon.png') problems.push(`package.json icon is ${manifest.icon}`);
if (/example\.invalid/.test(JSON.stringify(manifest)) || /example\.invalid/.test(readme)) problems.push('placeholder example.invalid URL in package.json or readme.md');
console.log(`vsix readme: ${readme.length} characters, images ${images.map((src) => src.slice(0, 40)).join(', ')}; icon ${manifest.icon}; repository ${manifest.repository ? JSON.stringify(manifest.repository) : 'none'}`);
console.log(`vsix: ${names.length} entries: ${names.filter((n) => n.startsWith('extension/')).map((n) => n.slice(10)).join(', ')}`);
if (problems.length) {
  console.log(`vsix content FAIL:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('vsix content ok');
