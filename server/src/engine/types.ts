// Core data shapes shared by the engine, the language server and the CLI.
// Positions are 0-based; `character` counts UTF-16 code units, as LSP does.

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** Ruff's fix safety: unsafe fixes may change behaviour and are never applied by fix-all. */
export type FixSafety = 'safe' | 'unsafe';

export interface Fix {
  title: string;
  safety: FixSafety;
  edits: TextEdit[];
}

export interface RelatedLocation {
  message: string;
  range: Range;
  /** Absolute path of another file (a result file); absent means the same document. */
  file?: string;
}

export interface Finding {
  /** kebab-case rule name, part of the public contract (e.g. `too-many-parameters`). */
  rule: string;
  /** Short code (e.g. `SL101`), grouped by family. */
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  fix?: Fix;
  related?: RelatedLocation[];
}
