// The glossary the MCP tools explain with: the built-in terms plus the glossary files the root
// configuration names (read as JSON data, confined to the root, as the editor does). Re-applied on
// each call; files are re-read only when they change.
import * as path from 'path';
import { ConfigLoader } from '../engine/config';
import { nodeConfigFs } from '../engine/config/node-fs';
import { applyUserGlossaries } from '../user-glossary';
import type { Workspace } from './paths';

const configs = new ConfigLoader(nodeConfigFs);

/** Makes the root's glossary active; returns the problems met (missing file, bad term, ...). */
export function loadRootGlossary(workspace: Workspace): string[] {
  const loaded = configs.configFor(path.join(workspace.realRoot, 'strategy.py'), workspace.realRoot);
  return applyUserGlossaries(loaded?.glossaryFiles ?? [], workspace.realRoot);
}
