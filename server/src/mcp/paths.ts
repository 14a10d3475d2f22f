// Every path an MCP client names is confined to the root given at start-up: no '..' segment, no
// absolute path elsewhere, no symbolic link that resolves outside. A client is a model writing
// arguments, so the rules are strict and the refusals say why.
import * as fs from 'fs';
import * as path from 'path';
import { isInside } from '../engine/paths';
import { ToolError } from './tool-result';

export interface Workspace {
  /** The root as given, resolved to an absolute path. */
  root: string;
  /** The root with symbolic links resolved: containment is checked against both. */
  realRoot: string;
}

/** The workspace for a root folder, or why it cannot be one. */
export function openWorkspace(root: string): Workspace | { error: string } {
  const resolved = path.resolve(root);
  let real: string;
  try {
    real = fs.realpathSync(resolved);
  } catch {
    return { error: `--root ${root}: folder not found` };
  }
  if (!fs.statSync(real).isDirectory()) return { error: `--root ${root}: not a folder` };
  return { root: resolved, realRoot: real };
}

/** A client's path (relative to the root, or absolute inside it) checked lexically. */
function lexicalPath(workspace: Workspace, input: string): string {
  if (input.trim() === '') throw new ToolError('the path is empty');
  if (input.includes('\0')) throw new ToolError('the path contains a NUL character');
  if (input.split(/[\\/]+/).includes('..')) throw new ToolError(`'${input}': '..' is not allowed; give a path inside the root`);
  const absolute = path.isAbsolute(input) ? path.normalize(input) : path.resolve(workspace.root, input);
  if (!isInside(workspace.root, absolute) && !isInside(workspace.realRoot, absolute)) throw new ToolError(`'${input}' is outside the root ${workspace.root}`);
  return absolute;
}

function realOrUndefined(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

function refuseEscape(workspace: Workspace, input: string, real: string): void {
  if (!isInside(workspace.realRoot, real)) throw new ToolError(`'${input}' resolves outside the root (a symbolic link); refused`);
}

/** An existing regular file inside the root: its real absolute path. */
export function existingFile(workspace: Workspace, input: string): string {
  const absolute = lexicalPath(workspace, input);
  const real = realOrUndefined(absolute);
  if (!real) throw new ToolError(`'${input}': file not found under the root ${workspace.root}`);
  refuseEscape(workspace, input, real);
  const stat = fs.statSync(real);
  if (stat.isDirectory()) throw new ToolError(`'${input}' is a folder; give one file`);
  if (!stat.isFile()) throw new ToolError(`'${input}' is not a regular file`);
  return real;
}

/**
 * A path that may not exist yet (lint_source's virtual path): the nearest existing ancestor must
 * resolve inside the root, and the path itself too when it exists.
 */
export function virtualPath(workspace: Workspace, input: string): string {
  const absolute = lexicalPath(workspace, input);
  let probe = absolute;
  let real = realOrUndefined(probe);
  while (!real) {
    const parent = path.dirname(probe);
    if (parent === probe) throw new ToolError(`'${input}': no folder of it exists`);
    probe = parent;
    real = realOrUndefined(probe);
  }
  refuseEscape(workspace, input, real);
  return path.join(real, path.relative(probe, absolute));
}

/** Path shown to the client: relative to the root with '/' when inside it. */
export function displayPath(workspace: Workspace, absolute: string): string {
  for (const root of [workspace.realRoot, workspace.root]) {
    if (isInside(root, absolute)) return path.relative(root, absolute).split(path.sep).join('/') || '.';
  }
  return absolute;
}
