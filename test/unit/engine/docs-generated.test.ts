import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../../server/src/engine/rules/registry';
import { expectedDocs } from '../../../scripts/rule-docs-files';

describe('generated rule docs', () => {
  it('docs/rules/*.md and the README rules table match the rule files (run npm run docs)', () => {
    for (const [file, content] of expectedDocs()) {
      assert.ok(fs.existsSync(file), `missing ${file}`);
      assert.equal(fs.readFileSync(file, 'utf8'), content, `${path.basename(file)} is stale: run npm run docs`);
    }
  });

  it('every rule has complete docs, a kebab-case name, a unique code and glossary terms', () => {
    const codes = new Set<string>();
    for (const rule of RULES) {
      assert.match(rule.name, /^[a-z]+(-[a-z0-9]+)*$/, rule.name);
      assert.match(rule.code, /^SL\d{3}$/, rule.code);
      assert.ok(!codes.has(rule.code), `duplicate code ${rule.code}`);
      codes.add(rule.code);
      for (const section of ['what', 'why', 'example', 'fix'] as const) assert.ok(rule.docs[section].trim().length > 20, `${rule.name}: docs.${section}`);
      assert.ok(rule.glossary.length > 0, `${rule.name}: no glossary terms`);
    }
  });
});
