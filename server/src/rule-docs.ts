// Where a rule's documentation lives: docs/rules/<name>.md shipped beside the bundle.
import * as fs from 'fs';
import * as path from 'path';
import { pathToUri } from './uri';

function docsRoot(): string {
  // dist/server.js -> ../docs ; server/src/*.ts (tests) -> ../../docs
  const candidates = [path.join(__dirname, '..', 'docs', 'rules'), path.join(__dirname, '..', '..', 'docs', 'rules')];
  return candidates.find((dir) => fs.existsSync(dir)) ?? candidates[0];
}

let root: string | undefined;

export function ruleDocPath(rule: string): string {
  root ??= docsRoot();
  return path.join(root, `${rule}.md`);
}

export function ruleDocUri(rule: string): string {
  return pathToUri(ruleDocPath(rule));
}
