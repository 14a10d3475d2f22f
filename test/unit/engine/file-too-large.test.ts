// SL000 file-too-large is a registered, documented rule (issue 17, bug 6): its finding comes from
// the front that skips the file, with the rule's own name, code and severity.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findRule } from '../../../server/src/engine/rules/registry';
import { fileTooLargeFinding } from '../../../server/src/engine/rules/meta/file-too-large';

describe('file-too-large (SL000)', () => {
  it('is in the registry by name and by code, with generated docs', () => {
    assert.equal(findRule('SL000')?.name, 'file-too-large');
    assert.equal(findRule('file-too-large')?.code, 'SL000');
    assert.ok(fs.existsSync(path.join(__dirname, '../../../docs/rules/file-too-large.md')));
  });

  it('builds the finding the server publishes for a skipped file', () => {
    const finding = fileTooLargeFinding(3_000_000, 2_097_152);
    assert.equal(finding.rule, 'file-too-large');
    assert.equal(finding.code, 'SL000');
    assert.equal(finding.severity, 'info');
    assert.match(finding.message, /3000000 characters is above the limit of 2097152/);
  });
});
