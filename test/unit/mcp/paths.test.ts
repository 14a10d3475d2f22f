// Root confinement of the MCP server's paths: lexical ('..', absolute elsewhere) and real
// (symbolic links that leave the root), for existing files and lint_source's virtual paths.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { displayPath, existingFile, openWorkspace, virtualPath, type Workspace } from '../../../server/src/mcp/paths';
import { ToolError } from '../../../server/src/mcp/tool-result';

describe('mcp/paths: every path stays under the root', () => {
  let base: string;
  let workspace: Workspace;
  let outside: string;

  before(() => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sl-mcp-paths-')));
    const root = path.join(base, 'root');
    outside = path.join(base, 'outside');
    fs.mkdirSync(path.join(root, 'strategies'), { recursive: true });
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(root, 'strategies', 'a.py'), 'x = 1\n');
    fs.writeFileSync(path.join(outside, 'b.py'), 'y = 1\n');
    fs.symlinkSync(path.join(outside, 'b.py'), path.join(root, 'link-out.py'));
    fs.symlinkSync(path.join(root, 'strategies', 'a.py'), path.join(root, 'link-in.py'));
    fs.symlinkSync(outside, path.join(root, 'dir-out'));
    // The root itself reached through a symbolic link: paths under either spelling are inside.
    fs.symlinkSync(root, path.join(base, 'root-link'));
    const opened = openWorkspace(path.join(base, 'root-link'));
    assert.ok(!('error' in opened));
    workspace = opened;
  });
  after(() => fs.rmSync(base, { recursive: true, force: true }));

  const refused = (fn: () => unknown, pattern: RegExp) =>
    assert.throws(fn, (error: unknown) => error instanceof ToolError && pattern.test(error.message));

  it('resolves relative and absolute paths inside the root to real paths', () => {
    const real = path.join(base, 'root', 'strategies', 'a.py');
    assert.equal(existingFile(workspace, 'strategies/a.py'), real);
    assert.equal(existingFile(workspace, './strategies//a.py'), real);
    assert.equal(existingFile(workspace, path.join(base, 'root', 'strategies', 'a.py')), real);
    assert.equal(existingFile(workspace, path.join(base, 'root-link', 'strategies', 'a.py')), real);
    assert.equal(existingFile(workspace, 'link-in.py'), real, 'a link that stays inside is followed');
    assert.equal(displayPath(workspace, real), 'strategies/a.py');
  });

  it("refuses '..' anywhere, even when it would land back inside", () => {
    refused(() => existingFile(workspace, '../outside/b.py'), /'\.\.' is not allowed/);
    refused(() => existingFile(workspace, 'strategies/../strategies/a.py'), /'\.\.' is not allowed/);
    refused(() => existingFile(workspace, 'strategies\\..\\..\\outside\\b.py'), /'\.\.' is not allowed/);
  });

  it('refuses absolute paths elsewhere, links leaving the root, empty and NUL paths', () => {
    refused(() => existingFile(workspace, path.join(outside, 'b.py')), /outside the root/);
    refused(() => existingFile(workspace, 'link-out.py'), /resolves outside the root/);
    refused(() => existingFile(workspace, 'dir-out/b.py'), /resolves outside the root/);
    refused(() => existingFile(workspace, ''), /empty/);
    refused(() => existingFile(workspace, 'a\0.py'), /NUL/);
    refused(() => existingFile(workspace, 'strategies'), /is a folder/);
    refused(() => existingFile(workspace, 'missing.py'), /not found/);
  });

  it('virtual paths may not exist, but their nearest existing folder must be inside', () => {
    assert.equal(virtualPath(workspace, 'strategies/new/deeper/c.py'), path.join(base, 'root', 'strategies', 'new', 'deeper', 'c.py'));
    refused(() => virtualPath(workspace, 'dir-out/new.py'), /resolves outside the root/);
    refused(() => virtualPath(workspace, 'link-out.py'), /resolves outside the root/);
    refused(() => virtualPath(workspace, '/elsewhere/c.py'), /outside the root/);
  });

  it('a root that is missing or a file is refused at start-up', () => {
    assert.match((openWorkspace(path.join(base, 'nope')) as { error: string }).error, /folder not found/);
    assert.match((openWorkspace(path.join(outside, 'b.py')) as { error: string }).error, /not a folder/);
  });
});
