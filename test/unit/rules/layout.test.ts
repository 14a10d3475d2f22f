// The rule layout, as Ruff keeps it: one file per rule named after the rule, in its family's
// folder; codes unique, in their family's hundred; helpers in rules/helpers, never a rule.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { lintPython } from '../../../server/src/engine/lint';
import { initPythonParser } from '../../../server/src/engine/python/parser';
import { RULES } from '../../../server/src/engine/rules/registry';
import type { Rule } from '../../../server/src/engine/rules/rule';

const RULES_DIR = path.join(__dirname, '..', '..', '..', 'server', 'src', 'engine', 'rules');
const FAMILY_HUNDREDS: Record<string, string> = { parameters: '1', lookahead: '2', validation: '3', models: '4', costs: '5', results: '6', meta: '0|9' };

describe('rule layout', () => {
  it('every rule lives in <family>/<rule name>.ts, and every file there is a rule', () => {
    const byName = new Map(RULES.map((r) => [r.name, r]));
    const files: string[] = [];
    for (const family of Object.keys(FAMILY_HUNDREDS)) {
      for (const name of fs.readdirSync(path.join(RULES_DIR, family))) {
        if (name === 'index.ts') continue;
        const rule = byName.get(name.replace(/\.ts$/, ''));
        assert.ok(rule, `${family}/${name} is not a rule named after its file (helpers go to rules/helpers)`);
        assert.equal(rule.family, family, `${rule.name} is in ${family}/ but says it is ${rule.family}`);
        files.push(rule.name);
      }
    }
    assert.deepEqual(files.sort(), RULES.map((r) => r.name).sort());
  });

  it('codes are unique, SL + three digits, in their family\'s hundred', () => {
    const codes = RULES.map((r) => r.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const rule of RULES) {
      assert.match(rule.code, /^SL\d{3}$/);
      assert.match(rule.code[2], new RegExp(`^(${FAMILY_HUNDREDS[rule.family]})$`), `${rule.code} ${rule.name}`);
    }
  });

  it('a fix from a rule that declares no fixSafety is dropped and reported as a rule failure', async () => {
    await initPythonParser();
    const base = RULES.find((r) => r.name === 'too-many-parameters')!;
    const undeclared: Rule = {
      ...base,
      name: 'test-undeclared-fix',
      fixSafety: undefined,
      check: (context, report) => report({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm', fix: { title: 't', edits: [] } }),
    };
    const declared: Rule = { ...undeclared, name: 'test-declared-fix', fixSafety: 'unsafe' };
    const output = lintPython({ path: 'x.py', text: 'x = 1\n', rules: [undeclared, declared] });
    try {
      const byRule = new Map(output.findings.map((f) => [f.rule, f]));
      assert.equal(byRule.get('test-undeclared-fix')?.fix, undefined);
      assert.equal(byRule.get('test-declared-fix')?.fix?.safety, 'unsafe');
      assert.deepEqual(output.failures.map((f) => f.rule), ['test-undeclared-fix']);
    } finally {
      output.release();
    }
  });
});
