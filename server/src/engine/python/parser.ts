// Python parsing with tree-sitter (web-tree-sitter + the grammar wasm shipped in tree-sitter-python).
// tree-sitter always returns a tree, even for half-typed code, so parsing never fails: syntax
// errors become ERROR / MISSING nodes that the collectors simply skip.
import * as fs from 'fs';
import * as path from 'path';
import { Edit, Language, Parser, Tree } from 'web-tree-sitter';

export { Edit };

export type { Tree } from 'web-tree-sitter';
export type { SyntaxNode } from './syntax-tree';

let ready: Promise<Parser> | undefined;
let parserInstance: Parser | undefined;
/**
 * The options handed to Parser.init: emscripten makes that object the wasm module, so after init
 * it holds the module's exports and memory (read by cursor-fast.ts).
 */
const moduleOptions: { locateFile: (name: string) => string } & Record<string, unknown> = {
  locateFile: (name: string) => locateWasm(name, 'web-tree-sitter'),
};

/** The initialised wasm module of web-tree-sitter (its exports and memory), once init has resolved. */
export function treeSitterModule(): Record<string, unknown> | undefined {
  return parserInstance ? moduleOptions : undefined;
}

/** Finds a wasm file next to the bundle (dist/) or, in development, inside node_modules. */
function locateWasm(fileName: string, packageName: string): string {
  const besideBundle = path.join(__dirname, fileName);
  if (fs.existsSync(besideBundle)) return besideBundle;
  return require.resolve(`${packageName}/${fileName}`);
}

/** Loads tree-sitter and the Python grammar once per process. */
export function initPythonParser(): Promise<Parser> {
  ready ??= (async () => {
    await Parser.init(moduleOptions);
    const language = await Language.load(locateWasm('tree-sitter-python.wasm', 'tree-sitter-python'));
    const parser = new Parser();
    parser.setLanguage(language);
    parserInstance = parser;
    return parser;
  })();
  return ready;
}

/** The parser, once `initPythonParser()` has resolved. */
export function pythonParser(): Parser {
  if (!parserInstance) throw new Error('initPythonParser() must resolve before parsing');
  return parserInstance;
}

/**
 * Parses `text`; pass the previous tree (already `edit`ed) to reuse unchanged subtrees.
 * web-tree-sitter returns null only when parsing was cancelled, which we never request.
 */
export function parsePython(text: string, oldTree?: Tree | null): Tree {
  const tree = pythonParser().parse(text, oldTree ?? null);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}
