// Every fix offered on every fixture must leave a file that still parses (tree-sitter, and
// python3's own compiler where python3 exists), and fix-all must reach a fixed point.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { applyEdits } from '../../../server/src/engine/fixes/apply';
import { fixAll } from '../../../server/src/engine/fixes/fix-all';
import { ignoreInFileEdit, ignoreOnLineEdit } from '../../../server/src/engine/fixes/suppression-edits';
import { lintPython } from '../../../server/src/engine/lint';
import { initPythonParser, parsePython } from '../../../server/src/engine/python/parser';
import { fixtureFiles } from '../../helpers/snapshots';

const ROOT = path.join(__dirname, '..', '..', '..');
const files = [...fixtureFiles(), ...fixtureFiles(path.join(ROOT, 'examples'))];
const hasPython = spawnSync('python3', ['--version']).status === 0;

/** Files python3's compiler rejects (compile() only: no .pyc is written next to fixtures). */
function uncompilable(paths: string[]): string[] {
  const script = 'import sys\nfor f in sys.argv[1:]:\n    try:\n        compile(open(f, encoding="utf-8").read(), f, "exec")\n    except (SyntaxError, ValueError):\n        print(f)\n';
  const result = spawnSync('python3', ['-c', script, ...paths], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return result.stdout.split('\n').filter(Boolean);
}

function parsesCleanly(text: string): boolean {
  const tree = parsePython(text);
  const ok = !tree.rootNode.hasError;
  tree.delete();
  return ok;
}

describe('fixes keep files valid', function () {
  this.timeout(120000);
  const variants: { label: string; text: string }[] = [];
  before(() => initPythonParser());

  it('has fixtures with fixes to try', () => assert.ok(files.length >= 20, `${files.length} files`));

  for (const file of files) {
    it(path.relative(ROOT, file), () => {
      const text = fs.readFileSync(file, 'utf8');
      const before = parsesCleanly(text);
      const output = lintPython({ path: file, text });
      try {
        for (const finding of output.findings) {
          const candidates = [
            ...(finding.fix ? [{ kind: `fix (${finding.fix.safety})`, edits: finding.fix.edits }] : []),
            { kind: 'ignore on line', edits: [ignoreOnLineEdit(finding.rule, finding.range.start.line, output.lines, output.index, output.directives)].filter((e) => e !== null) },
            { kind: 'ignore in file', edits: [ignoreInFileEdit(finding.rule, output.lines, output.directives)].filter((e) => e !== null) },
          ];
          for (const candidate of candidates) {
            if (candidate.edits.length === 0) continue;
            const fixed = applyEdits(text, output.lines, candidate.edits);
            const label = `${path.basename(file)}:${finding.range.start.line + 1} ${finding.rule} ${candidate.kind}`;
            if (before) assert.ok(parsesCleanly(fixed), `${label} introduced a syntax error`);
            variants.push({ label, text: fixed });
          }
        }
        for (const unsafe of [false, true]) {
          const once = fixAll({ path: file, text }, output, unsafe);
          const again = lintPython({ path: file, text: once.text });
          const twice = fixAll({ path: file, text: once.text }, again, unsafe);
          assert.equal(twice.applied.length, 0, `fix-all${unsafe ? ' --unsafe-fixes' : ''} is not idempotent on ${file}: ${twice.applied.map((f) => f.rule).join(', ')}`);
          if (before) assert.ok(parsesCleanly(once.text), `fix-all broke ${file}`);
          for (const o of new Set([once.output, again, twice.output])) if (o !== output) o.release();
        }
      } finally {
        output.release();
      }
    });
  }

  it('python3 compiles every fixed variant (when python3 is installed)', function () {
    if (!hasPython) this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-fixes-'));
    try {
      const names = variants.map((v, i) => {
        const name = path.join(dir, `v${i}.py`);
        fs.writeFileSync(name, v.text);
        return name;
      });
      const failed = uncompilable(names).map((f) => variants[Number(path.basename(f).slice(1, -3))].label);
      // Fixtures that do not compile before fixing are not held against the fix.
      const originallyBroken = new Set(uncompilable(files).map((f) => path.basename(f)));
      assert.deepEqual(failed.filter((label) => !originallyBroken.has(label.split(':')[0])), []);
      assert.ok(variants.length > 50, `only ${variants.length} variants`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
