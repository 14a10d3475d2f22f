// Subscripts: what `df["col"]`, `x[i + 1]`, `df.iloc[a:b]`, `df.loc[mask, cols]` hold. Columns by
// key, rows relative to a bar loop's index, slices of the history (a cut on time is a part of the
// sample; a trimmed edge is not), rows chosen by something fitted on all rows.
import type { SyntaxNode } from '../python/parser';
import { sliceParts } from '../facts/lookahead';
import { stringValue } from '../facts/python-values';
import type { Activation, Interpreter } from './interpreter';
import { barOffset, integerLiteral } from './offsets';
import { rowsOfTimeFilter } from './provenance';
import { columnNames } from './syntax';
import { reducedWindow } from './transfer';
import { column, globMatch, join, shifted, uncertain, UNKNOWN, withColumn, withSource, type Value } from './value';
export function subscript(it: Interpreter, node: SyntaxNode, act: Activation): Value {
  const value = subscriptValue(it, node, act);
  // Columns or rows chosen by something fitted on all rows (`X.loc[:, selector.get_support()]`)
  // carry that fit: the choice was made with the test rows in view.
  let splitBy: SyntaxNode | undefined;
  const chosenBy = node.childrenForFieldName('subscript').flatMap((k) => {
    if (!k) return [];
    const key = it.expr(k, act);
    splitBy ??= key.splitBy;
    return [...(key.seenBy ?? []), ...(key.fitOnAll ? [key.fitOnAll] : [])];
  });
  // `X[train_idx]`: rows of a splitter's fold.
  if (splitBy && !value.splitBy) return subscriptChosen(it, { ...value, splitBy }, chosenBy);
  return subscriptChosen(it, value, chosenBy);
}

function subscriptChosen(it: Interpreter, value: Value, chosenBy: SyntaxNode[]): Value {
  if (!chosenBy.length) return value;
  const chosen: Value = { ...value, seenBy: [...new Set([...(value.seenBy ?? []), ...chosenBy])] };
  // In a backtest over all rows, columns or assets chosen with every row in view decide what is traded.
  if (value.rows || !value.data) return chosen;
  const by = chosenBy[0];
  return withSource(chosen, { code: 'SL204', node: by, lead: Infinity, what: `\`${by.text.length <= 50 ? by.text : 'this selection'}\` chooses columns with every row in view` });
}

function subscriptValue(it: Interpreter, node: SyntaxNode, act: Activation): Value {
  const object = node.childForFieldName('value');
  const keys = node.childrenForFieldName('subscript').filter((k): k is SyntaxNode => !!k);
  if (!object) return UNKNOWN;
  const accessor = object.type === 'attribute' ? object.childForFieldName('attribute')?.text : undefined;
  const positional = accessor === 'iloc' || accessor === 'iat' || accessor === 'values';
  const receiver = it.expr(object, act);
  if (keys.length === 0) return receiver;
  const key = keys[0];
  // Column selection by name.
  const names = columnNames(key, it, act);
  if (names && keys.length === 1 && (key.type === 'string' || key.type === 'list' || (receiver.columns && names.length))) {
    const selection = key.type === 'list' || (key.type !== 'string' && it.expr(key, act).kind === 'params');
    if (receiver.pending) return { ...column(receiver, names[0]), pending: receiver.pending };
    if (!selection && names.length === 1) return { ...column(receiver, names[0]), seriesName: names[0] };
    if (selection) {
      // The selected columns, each with its own value; nothing else of the frame comes along.
      const { columns: _all, mergedIn: _rest, ...base } = receiver;
      let frame: Value = { ...base, columns: new Map() };
      for (const n of names) frame = withColumn(frame, n, column(receiver, n));
      const extra = key.type === 'string' ? undefined : it.expr(key, act).extraColumns;
      if (!extra) return frame;
      for (const [n, v] of receiver.columns ?? []) if (extra.frame.columns?.has(n) && extra.keep(n)) frame = withColumn(frame, n, v);
      // The other frame's columns the analysis does not track came in through a merge.
      return extra.frame.columns?.size ? frame : { ...frame, mergedIn: receiver.mergedIn };
    }
    return column(receiver, names[0]);
  }
  const keyValue = it.expr(key, act);
  if (keyValue.columnSelection) {
    // The columns another frame (or this one) tracks, minus the excluded: read from the receiver.
    const { frame, keep } = keyValue.columnSelection;
    const { columns: _all, mergedIn: _rest, ...base } = receiver;
    let out: Value = { ...base, columns: new Map() };
    for (const n of frame.columns?.keys() ?? []) if (keep(n)) out = withColumn(out, n, column(receiver, n));
    return out;
  }
  if (keys.length === 1 && keyValue.seenBy?.length && !keyValue.decision && receiver.columns && !keyValue.barIndex) return rankedColumns(receiver);
  const fixedRows = key.type === 'list' && key.namedChildren.every((c) => c?.type === 'integer');
  if (keyValue.kind === 'params' && !fixedRows && keys.length === 1 && !keyValue.barIndex && (receiver.columns || receiver.mergedIn)) {
    // A column list the analysis cannot read: any column may be in it.
    // Names and f-string patterns (`[f"lag_{i}" ...] + ["vol_5"]`): exactly those columns.
    const wanted = keyValue.strings;
    if (wanted?.length) {
      const { columns: _all, mergedIn: _rest, ...base } = receiver;
      let out: Value = { ...base, columns: new Map() };
      for (const [n, v] of receiver.columns ?? []) if (wanted.some((p) => n === p || (p.includes('*') && globMatch(p, n)))) out = withColumn(out, n, v);
      return out;
    }
    return { ...receiver, columns: receiver.columns && new Map([...receiver.columns].map(([n, v]) => [n, uncertain(v)])), mergedIn: receiver.mergedIn && uncertain(receiver.mergedIn) };
  }
  if (keys.length >= 2) {
    // df.loc[rows, "col"]
    const columnsPart = keys[1];
    const colNames = columnNames(columnsPart, it, act);
    const rows = rowAccess(it, receiver, key, keyValue, act);
    if (colNames?.length === 1 && columnsPart.type !== 'list' && !it.expr(columnsPart, act).items) return join(column(rows, colNames[0]), { ...rows, columns: undefined, mergedIn: undefined, sources: [] });
    if (colNames?.length) {
      const { columns: _all, mergedIn: _rest, ...base } = rows;
      let frame: Value = { ...base, columns: new Map() };
      for (const n of colNames) frame = withColumn(frame, n, column(rows, n));
      return frame;
    }
    // `.iloc[:, 0:4]`, `.iloc[:, -1]`: columns by position, which the analysis cannot name.
    if (positional && columnsPart.text.replace(/\s/g, '') !== ':' && (rows.columns || rows.mergedIn)) return someColumns(rows);
    return rows;
  }
  if (receiver.items && key.type === 'integer') return receiver.items[Number(key.text)] ?? UNKNOWN;
  if (key.type === 'string') return receiver.columns ? column(receiver, stringValue(key) ?? '') : receiver;
  // A dict read with a computed key (`self.custom_info[pair]`): any of its values, nesting conflated.
  if (receiver.kind === 'params' && !positional) return receiver;
  void positional;
  return rowAccess(it, receiver, key, keyValue, act);
}

/** Reading rows: a slice, a filter, a bar index (maybe ahead), or an absolute row. */
function rowAccess(it: Interpreter, receiver: Value, key: SyntaxNode, keyValue: Value, act: Activation): Value {
  const seriesLike = receiver.kind === 'bars' || receiver.kind === 'unknown' || receiver.kind === 'history' || receiver.kind === 'slice';
  if (key.type === 'slice') {
    const parts = sliceParts(key);
    const start = parts.start ? barOffset(parts.start, it, act) : undefined;
    const stop = parts.stop ? barOffset(parts.stop, it, act) : undefined;
    const node = key.parent ?? key;
    const rows: Value = { ...receiver, kind: 'history' };
    // A bar loop's window: aligned row by row, but whatever reduces it reads to its end.
    if (seriesLike && receiver.data && start !== undefined && !parts.stop) return { ...rows, window: { node, lead: Infinity } };
    if (stop !== undefined) {
      if (stop === 'unknown' || !seriesLike || !receiver.data) return rows;
      return stop - 1 > 0 ? { ...rows, window: { node, lead: Math.max(receiver.lead, 0) + stop - 1 } } : rows;
    }
    if (start !== undefined) return rows;
    // `x[:]` / `.iloc[:, 6:]`'s row part: every row, nothing selected.
    if (!parts.start && !parts.stop) return receiver;
    // A numpy slice x[a:] renumbers: element j is x[j + a].
    const from = parts.start ? it.expr(parts.start, act).constant : undefined;
    const moved = receiver.positional && from !== undefined && from > 0 ? shifted(receiver, -from) : receiver;
    // `x[:split]` / `.loc[:"2019"]` is the first part of the rows, `x[split:]` the last; `x[:-1]`
    // or `x[h:]` only trims rows a shift or a label left empty.
    const bound = parts.start ?? parts.stop;
    if (bound && (!parts.start || !parts.stop) && trimsEdge(bound, it.expr(bound, act))) return moved;
    // A middle part (`.loc["2017":"2019"]`) is held out from both sides: a validation period.
    const part = !receiver.data ? receiver.rows : parts.start && !parts.stop ? 'test' : !parts.start && parts.stop ? 'train' : parts.start && parts.stop && middlePart(parts.start, parts.stop) ? receiver.rows ?? 'validation' : receiver.rows;
    return { ...moved, kind: receiver.kind === 'bars' ? 'slice' : receiver.kind, rows: part };
  }
  if (keyValue.barIndex) {
    const ahead = barOffset(key, it, act);
    const text = (key.parent ?? key).text.slice(0, 60);
    // backtesting.py hands next() arrays that end at the current bar: `x[i + 1]` stays inside them.
    if (typeof ahead === 'number' && ahead > 0 && seriesLike && receiver.data && !receiver.endsAtCurrentBar) {
      const source = { code: 'SL208', node: key.parent ?? key, lead: Math.max(receiver.lead, 0) + ahead, what: `\`${text}\` reads ${ahead} row(s) after the current one` };
      return { ...withSource(shifted(receiver, -ahead), source), kind: 'history', columns: receiver.columns };
    }
    const moved = typeof ahead === 'number' && ahead < 0 ? shifted(receiver, -ahead) : receiver;
    return { ...moved, kind: receiver.kind === 'bars' ? 'history' : receiver.kind };
  }
  // Fixed rows (`.loc[[1, 8], "low"]`) are a selection of the past, not the whole history.
  if (key.type === 'list' && key.namedChildren.every((c) => c?.type === 'integer')) return { ...receiver, kind: receiver.kind === 'bars' ? 'slice' : receiver.kind, columns: receiver.columns };
  const literal = integerLiteral(key);
  if (literal !== undefined && receiver.window) {
    // x[i:i + k][j] is row i + j (j < 0 counts from the window's end).
    const { node, lead } = receiver.window;
    const at = literal >= 0 ? Math.min(literal, lead) : Number.isFinite(lead) ? lead + 1 + literal : Infinity;
    return reducedWindow({ ...receiver, window: { node, lead: at } }, { ...receiver, kind: 'scalar', window: undefined });
  }
  if (literal !== undefined) {
    if (literal < 0 && receiver.kind === 'bars' && receiver.data && !receiver.uncertain && !act.perBar && !act.barLoop) {
      return withSource({ ...receiver, kind: 'scalar' }, { code: 'SL207', node: key.parent ?? key, lead: Infinity, what: `\`${(key.parent ?? key).text.slice(0, 60)}\` is the last row of the whole backtest, not of the current bar` });
    }
    // In history that ends at the current bar, `.iloc[-k]` is the row k - 1 bars back.
    if (literal < -1 && receiver.kind === 'history') return { ...shifted(receiver, -literal - 1), kind: 'history' };
    return { ...receiver, kind: receiver.kind === 'bars' ? 'scalar' : receiver.kind, columns: receiver.columns, barValue: (act.perBar && receiver.kind === 'bars') || undefined };
  }
  // A boolean filter or a label: which rows are kept, not what they hold. (Rows kept by a
  // future-reading condition bias the sample; the values themselves read nothing new.) A filter
  // on time keeps the earlier or the later part; a splitter's index arrays keep theirs.
  const left = key.type === 'comparison_operator' && key.namedChild(0) ? it.expr(key.namedChild(0)!, act) : undefined;
  const right = key.type === 'comparison_operator' && key.namedChild(1) ? it.expr(key.namedChild(1)!, act) : undefined;
  // A key the analysis knows nothing about (`df[load_columns()]`) may be a list of columns: any of them, uncertainly.
  if (keyValue.kind === 'unknown' && !keyValue.data && !keyValue.decision && (receiver.columns || receiver.mergedIn)) return someColumns(receiver);
  const split = keyValue.rowsIndex ?? rowsOfTimeFilter(key, left, right);
  const part = split ?? receiver.rows;
  // Rows kept by a condition on their values (`df[df.volume > 0]`) still span the whole history;
  // a cut on time or a fold's indices is a part of it.
  return { ...receiver, kind: split && receiver.kind === 'bars' ? 'slice' : receiver.kind, rows: receiver.data ? part : receiver.rows };
}


// ---- helpers -------------------------------------------------------------------------------

/** A slice bound that trims a few edge rows (`[:-1]`, `[1:]`, `[:-horizon]`) rather than splitting the sample. */
function trimsEdge(bound: SyntaxNode, value: Value): boolean {
  const text = bound.text.replace(/\s+/g, '');
  if (/^-?\d+$/.test(text)) return Math.abs(Number(text)) <= 5;
  if (value.constant !== undefined && Math.abs(value.constant) <= 5) return true;
  return /^-?\(?(self\.)?\w*(horizon|lag|lags|shift|window|period|ahead|lookahead|forward|fwd|delay|n_steps|steps|seq_len|lookback|look_back|timesteps)\w*\)?$/i.test(text) || /^-?\(?h\)?$/.test(text);
}


/**
 * Columns picked by a ranking (`df.corr()["y"].abs().nlargest(10).index`): some of the frame's
 * columns, which ones unknown, but never the label the ranking was made against (its correlation
 * with itself is 1, and a model given its own target would be noticed at once).
 */
function rankedColumns(frame: Value): Value {
  const { columns: _all, mergedIn: _rest, ...base } = frame;
  let out: Value = { ...base, columns: new Map() };
  for (const [name, v] of frame.columns ?? []) if (!v.sources.some((s) => s.code === 'SL201' && s.lead > 0)) out = withColumn(out, name, uncertain(v));
  return out;
}


/** Bounds of a period between two cut-offs (`"2017":"2019"`, `n_train:n_train + n_val`), not a moving window. */
function middlePart(start: SyntaxNode, stop: SyntaxNode): boolean {
  const cut = (n: SyntaxNode) => n.type === 'string' || /^(pd\.)?(Timestamp|to_datetime|datetime|date)\(|(^|_)(train|val|valid|validation|test|split|cut|cutoff)(_|$|\b)/i.test(n.text);
  return cut(start) && cut(stop) && !/\bself\./.test(start.text + stop.text);
}


/** Some of a frame's columns, which ones unknown: each may be there, through a choice the analysis cannot follow. */
function someColumns(frame: Value): Value {
  return { ...frame, columns: frame.columns && new Map([...frame.columns].map(([n, v]) => [n, uncertain(v)])), mergedIn: frame.mergedIn && uncertain(frame.mergedIn) };
}

