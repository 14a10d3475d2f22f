// Stands in for node's child_process in the server and CLI bundles. vscode-languageserver/node
// pulls it in for helpers we never call (resolving global node modules); Strategy Lint never
// starts a process, and with this stub the bundles cannot.
function refuse(): never {
  throw new Error('Strategy Lint never starts processes');
}
export const spawn = refuse;
export const spawnSync = refuse;
export const exec = refuse;
export const execSync = refuse;
export const execFile = refuse;
export const execFileSync = refuse;
export const fork = refuse;
