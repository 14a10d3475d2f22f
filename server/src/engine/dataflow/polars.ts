// polars: expressions are built apart from the frame they run on (`pl.col("close").shift(-5)`) and
// applied by `with_columns`, `select` and `filter`. An expression is a series value relative to
// "the frame it will run on" (a bar series with the leads its methods add), remembering the columns
// it reads; applying it joins in what those columns of the actual frame carry.
import { stringValue } from '../facts/python-values';
import type { SyntaxNode } from '../python/parser';
import type { Activation, Interpreter } from './interpreter';
import { rowsOfTimeFilter } from './provenance';
import { DECISION_NAME } from './sinks';
import type { Arguments } from './syntax';
import { bars, column, join, scalar, uncertain, withColumn, type Value } from './value';

/** `pl.col("close")`, `pl.col(["a", "b"])`, `pl.all()`: a column of the frame an expression runs on. */
export function polarsColumn(it: Interpreter, name: string, args: Arguments, act: Activation): Value {
  if (name === 'lit') return scalar();
  const names = args.positional.flatMap((a) => {
    const s = stringValue(a);
    return s !== undefined ? [s] : it.expr(a, act).strings ?? [];
  });
  const expression: Value = { ...bars(), polarsReads: name === 'col' ? names : ['*'] };
  return names.length === 1 && name === 'col' ? { ...expression, seriesName: names[0] } : expression;
}

/** An expression applied to `frame`: what it computes, plus what the columns it reads carry there. */
function applied(expression: Value, frame: Value): Value {
  const reads = expression.polarsReads ?? [];
  const read = reads.includes('*') ? [] : reads.map((n) => column(frame, n));
  const { polarsReads: _r, ...rest } = expression;
  const out = join({ ...rest, rows: frame.rows, origins: frame.origins, seenBy: frame.seenBy }, ...read.map((r) => ({ ...r, columns: undefined })));
  return { ...out, kind: frame.kind === 'history' ? 'history' : out.kind, rows: frame.rows, decision: expression.decision };
}

/** The name a column gets: its alias, else the column it was built from. */
const outputName = (expression: Value): string | undefined => expression.seriesName ?? (expression.polarsReads?.length === 1 ? expression.polarsReads[0] : undefined);

/** `df.with_columns(expr.alias("x"), y=expr)` / `df.select(...)`: the frame with (or of) those columns. */
export function withExpressions(it: Interpreter, frame: Value, args: Arguments, act: Activation, select: boolean): Value {
  const { columns: _c, mergedIn: _m, ...base } = frame;
  let out: Value = select ? { ...base, columns: new Map() } : frame;
  const add = (name: string | undefined, expression: Value) => {
    if (name !== undefined && DECISION_NAME.test(name) && (!/signal/i.test(name) || expression.decision)) it.sink(applied(expression, frame), args.node, `the decision column \`${name}\``, act);
    if (name === undefined) {
      // An unnamed expression over several columns (`pl.all().rank()`): every column may hold it.
      out = { ...out, mergedIn: join(out.mergedIn, applied(expression, frame)) };
      return;
    }
    out = withColumn(out, name, applied(expression, frame));
  };
  for (const a of args.positional) {
    const v = it.expr(a, act);
    // A list of names the analysis cannot read: any column may be in it.
    if (select && !v.polarsReads && !v.strings && a.type !== 'string') {
      out = { ...out, columns: new Map([...(frame.columns ?? [])].map(([n, c]) => [n, uncertain(c)])), mergedIn: frame.mergedIn && uncertain(frame.mergedIn) };
      continue;
    }
    // `select(["a", "b"])` / `select("a")`: columns by name.
    if (!v.polarsReads && (v.strings || a.type === 'string')) {
      for (const n of v.strings ?? [stringValue(a) ?? '']) out = withColumn(out, n, column(frame, n));
      continue;
    }
    for (const item of v.items && a.type === 'list' ? v.items : [v]) add(outputName(item), item);
  }
  for (const [name, node] of args.keywords) add(name, it.expr(node, act));
  return out;
}

/** `df.filter(pl.col("date") < cutoff)`: the rows kept, the earlier or the later part when the filter is on time. */
export function filtered(it: Interpreter, frame: Value, args: Arguments, act: Activation): Value {
  const condition = args.positional[0];
  if (!condition) return frame;
  const left = condition.type === 'comparison_operator' && condition.namedChild(0) ? it.expr(condition.namedChild(0)!, act) : undefined;
  it.expr(condition, act);
  const right = condition.type === 'comparison_operator' && condition.namedChild(1) ? it.expr(condition.namedChild(1)!, act) : undefined;
  const split = frame.data ? rowsOfTimeFilter(condition, left, right) : undefined;
  // A date range of the study (`date >= start & date <= end`) or a filter on values keeps the whole history.
  return { ...frame, kind: split && frame.kind === 'bars' ? 'slice' : frame.kind, rows: split ?? frame.rows };
}

/**
 * `.over(keys)`: the expression runs per group. Per date (a cross-section), a whole-column statistic
 * is one date's, not the whole history's; per ticker it is still that ticker's whole history.
 */
export function overGroups(expression: Value, keys: SyntaxNode[]): Value {
  const perDate = keys.some((k) => /date|time|day|month|period|timestamp/i.test(k.text));
  return perDate ? { ...expression, sources: expression.sources.filter((s) => s.code !== 'SL203') } : expression;
}

/** Whether a call is polars' frame API rather than pandas' (`filter` takes an expression, not `items=`). */
export function isPolarsFrameCall(name: string, args: Arguments, firstArg: Value | undefined): boolean {
  if (name === 'with_columns' || name === 'with_column') return true;
  // pandas frames have no `select`; their `filter` takes `items=` / `like=` / `regex=`.
  if (name === 'select') return !!firstArg || args.keywords.size > 0;
  if (name === 'filter') return !!firstArg?.polarsReads;
  return false;
}
