// The tree copy's cursor walk without web-tree-sitter's per-call marshalling. Each public
// TreeCursor property copies the cursor's four words into the wasm transfer buffer, calls wasm,
// and (for a move) copies them back: about 30 JavaScript calls per node, most of the copy's time.
// The wasm functions read the cursor from that buffer and moves write it back there, so a walk
// that keeps the buffer as the cursor's only state can call them directly. Before any public
// cursor call the object is brought up to date from the buffer (`sync`), and the buffer is
// reloaded after (`load`). When the module does not look as expected (another web-tree-sitter
// version), the public API is used.
import type { Tree, TreeCursor } from 'web-tree-sitter';
import { treeSitterModule } from './parser';

export interface WalkCursor {
  /** Calls wasm directly (false: through web-tree-sitter's public API). */
  readonly direct: boolean;
  typeId(): number;
  startIndex(): number;
  endIndex(): number;
  fieldId(): number;
  isMissing(): boolean;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  /** Runs `read` with the public cursor up to date (for calls this module does not cover). */
  withPublic<T>(read: (cursor: TreeCursor) => T): T;
  /** Ends the walk: the public cursor holds the walk's state again (before `delete`). */
  finish(): void;
}

type WasmFunction = (tree: number) => number;

interface TreeSitterModule {
  HEAP32: Int32Array;
  _ts_init: () => number;
  _ts_tree_cursor_current_node_type_id_wasm: WasmFunction;
  _ts_tree_cursor_start_index_wasm: WasmFunction;
  _ts_tree_cursor_end_index_wasm: WasmFunction;
  _ts_tree_cursor_current_field_id_wasm: WasmFunction;
  _ts_tree_cursor_current_node_is_missing_wasm: WasmFunction;
  _ts_tree_cursor_goto_first_child_wasm: WasmFunction;
  _ts_tree_cursor_goto_next_sibling_wasm: WasmFunction;
  _ts_tree_cursor_goto_parent_wasm: WasmFunction;
}

const REQUIRED = [
  '_ts_init', '_ts_tree_cursor_current_node_type_id_wasm', '_ts_tree_cursor_start_index_wasm', '_ts_tree_cursor_end_index_wasm',
  '_ts_tree_cursor_current_field_id_wasm', '_ts_tree_cursor_current_node_is_missing_wasm', '_ts_tree_cursor_goto_first_child_wasm',
  '_ts_tree_cursor_goto_next_sibling_wasm', '_ts_tree_cursor_goto_parent_wasm',
];

let direct: { module: TreeSitterModule; transfer: number } | null | undefined;

function directAccess(): { module: TreeSitterModule; transfer: number } | null {
  if (direct !== undefined) return direct;
  const module = treeSitterModule();
  if (!module) return null;
  const usable = module.HEAP32 instanceof Int32Array && REQUIRED.every((name) => typeof module[name] === 'function');
  direct = usable ? { module: module as unknown as TreeSitterModule, transfer: (module as unknown as TreeSitterModule)._ts_init() } : null;
  return direct;
}

/** The tree's address in wasm memory, as web-tree-sitter keeps it (`tree[0]`). */
function treeAddress(tree: Tree): number | undefined {
  const address = (tree as unknown as Record<number, unknown>)[0];
  return typeof address === 'number' ? address : undefined;
}

export function walkCursor(tree: Tree, cursor: TreeCursor): WalkCursor {
  const access = directAccess();
  const address = treeAddress(tree);
  const words = cursor as unknown as Record<number, number>;
  if (!access || address === undefined || [0, 1, 2, 3].some((i) => typeof words[i] !== 'number')) return publicCursor(cursor);
  const { module, transfer } = access;
  const slot = transfer >> 2;
  // Memory can grow during a walk (the cursor's stack): read the view at each access.
  const load = () => {
    const heap = module.HEAP32;
    for (let i = 0; i < 4; i++) heap[slot + i] = words[i];
  };
  const sync = () => {
    const heap = module.HEAP32;
    for (let i = 0; i < 4; i++) words[i] = heap[slot + i];
  };
  load();
  return {
    direct: true,
    typeId: () => module._ts_tree_cursor_current_node_type_id_wasm(address),
    startIndex: () => module._ts_tree_cursor_start_index_wasm(address),
    endIndex: () => module._ts_tree_cursor_end_index_wasm(address),
    fieldId: () => module._ts_tree_cursor_current_field_id_wasm(address),
    isMissing: () => module._ts_tree_cursor_current_node_is_missing_wasm(address) === 1,
    gotoFirstChild: () => module._ts_tree_cursor_goto_first_child_wasm(address) === 1,
    gotoNextSibling: () => module._ts_tree_cursor_goto_next_sibling_wasm(address) === 1,
    gotoParent: () => module._ts_tree_cursor_goto_parent_wasm(address) === 1,
    withPublic: (read) => {
      sync();
      try {
        return read(cursor);
      } finally {
        load();
      }
    },
    finish: sync,
  };
}

function publicCursor(cursor: TreeCursor): WalkCursor {
  return {
    direct: false,
    typeId: () => cursor.nodeTypeId,
    startIndex: () => cursor.startIndex,
    endIndex: () => cursor.endIndex,
    fieldId: () => cursor.currentFieldId,
    isMissing: () => cursor.nodeIsMissing,
    gotoFirstChild: () => cursor.gotoFirstChild(),
    gotoNextSibling: () => cursor.gotoNextSibling(),
    gotoParent: () => cursor.gotoParent(),
    withPublic: (read) => read(cursor),
    finish: () => undefined,
  };
}
