// The glossary the MCP tools explain with: the built-in terms plus the glossary files the root
// configuration names (read as JSON data, confined to the root, as the editor does). Re-applied on
// each call; files are re-read only when they change.
import * as path from 'path';
import type { LintSession } from '../engine/session';
import { applyUserGlossaries } from '../user-glossary';
import type { Workspace } from './paths';

/** Makes the root's glossary active; returns the problems met (missing file, bad term, ...). */
export function loadRootGlossary(session: LintSession, workspace: Workspace): string[] {
  const loaded = session.configFileFor(path.join(workspace.realRoot, 'strategy.py'));
  return applyUserGlossaries(loaded?.glossaryFiles ?? [], workspace.realRoot);
}
