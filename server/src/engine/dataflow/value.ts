// The abstract value of the bar-offset dataflow. For a series-valued expression, `lead` is how many
// bars after row t the value at row t depends on: 0 for the bar itself, negative after a lag
// (`shift(1)` is -1), Infinity when a whole-column statistic lets every row see the whole sample.
// Each future-reading construct that contributed is a `Source`, carrying its own lead so that a
// later positive shift can compensate it (`rolling(5, center=True).mean().shift(2)` reads nothing
// after t) and its chain of assignments for the finding's related information.
import { SyntaxNode } from '../python/syntax-tree';

/**
 * What a name holds, which decides what indexing means:
 * - `bars`: a full-history series or frame of the backtest (vectorised code sees every row);
 * - `history`: bars up to the current one (a per-bar callback's data, an analysed dataframe);
 * - `slice`: a row selection (a train slice, a filtered frame): whole-column statistics on it
 *   are not full-sample ones;
 * - `unknown`: a parameter of a function nothing calls with data, an unresolved name;
 * - `scalar` / `params`: numbers, strings, lists of parameters: never bar-indexed.
 */
/** A part of a split: the training rows, rows held out to tune or stop on, or the final test rows. */
export type Rows = 'train' | 'validation' | 'test';

export type ValueKind = 'bars' | 'history' | 'slice' | 'unknown' | 'scalar' | 'params' | 'model';

export interface Step {
  node: SyntaxNode;
  what: string;
}

export interface Source {
  /** The rule code this kind of source reports under (SL201, SL215, ...). */
  code: string;
  node: SyntaxNode;
  /** Bars ahead this source makes the value read (Infinity: the whole sample). */
  lead: number;
  /** How the source reads the future, in words (`shift(-1)` reads 1 bar ahead). */
  what: string;
  /** Assignments the value travelled through, oldest first. */
  chain: Step[];
  /** The path went through code the analysis cannot see (an unknown call, a dynamic column). */
  uncertain: boolean;
}

export interface Value {
  kind: ValueKind;
  /** Lead of the data itself, apart from the sources (0 for raw bars, -k after `shift(k)`). */
  lead: number;
  sources: Source[];
  /** Known columns of a frame (or keys of a dict of series), each its own value. */
  columns?: Map<string, Value>;
  /** Derived from market data (not a constant or a parameter). */
  data: boolean;
  /** A return series; the number is the bar its period ends on, relative to t (pct_change: 0). */
  returnEnd?: number;
  /** A literal integer, for offsets written through a constant (`shift(-horizon)`). */
  constant?: number;
  /** Literal strings of a list (column selections). */
  strings?: string[];
  /** Rows sorted newest first: a positive shift then reads later rows. */
  descending?: boolean;
  /** A higher-timeframe frame whose bars are stamped at their open, not yet shifted by one of its bars. */
  higherTimeframe?: { node: SyntaxNode; how: string };
  /** A resampled frame labelled at the start of each period (left label). */
  leftLabelled?: { node: SyntaxNode; how: string; minutes?: number };
  /** The value passed through code the analysis cannot see. */
  uncertain?: boolean;
  /** Rows `x[i + a : i + b]` of a bar loop: element-wise aligned, but a reduction of it reads `lead` rows past i. */
  window?: { node: SyntaxNode; lead: number };
  /** What a merge or concat brought in besides its known columns: any column not tracked may hold it. */
  mergedIn?: Value;
  /** A numpy array (positions, not index labels): `x[1:]` moves every element one row earlier. */
  positional?: boolean;
  /** The name of a named series (`s.rename("label")`, `df["x"]`), the column it becomes in a join. */
  seriesName?: string;
  /** Bar length in minutes when the loader says (`interval="1wk"`): a coarser frame joined onto a finer one is a higher timeframe. */
  barMinutes?: number;
  /** Arrays cut at the current bar by the engine (backtesting.py's `self.data` and indicators in `next()`): no index reaches past it. */
  endsAtCurrentBar?: boolean;
  /** One bar's value read from a series in a per-bar callback (`self.z[-1]`): a row's value, not a statistic of the sample. */
  barValue?: boolean;
  /** An instance of a class defined in the file (`bot = Bot()`), for method calls through it. */
  instance?: string;
  /** Which part of a split the rows are (undefined: all rows, or not known to be a part). */
  rows?: Rows;
  /** Index arrays of a splitter (`for train_idx, test_idx in cv.split(X)`). */
  rowsIndex?: Rows;
  /** Fits on all rows (their call nodes) whose statistics this value carries. */
  seenBy?: SyntaxNode[];
  /** A fitted object: the fit call, when it was fitted on all rows. */
  fitOnAll?: SyntaxNode;
  /** Rows or indices that come from a split (`train_test_split`, a splitter's folds): the split call, to know it is used. */
  splitBy?: SyntaxNode;
  /** A fitted object: its last fit call (whichever rows), to know when the model is used. */
  fitCall?: SyntaxNode;
  /** A fitted object: the fit call, when it was fitted on a held-out part (`scaler.fit_transform(X_test)`). */
  fitOnHeldOut?: SyntaxNode;
  /** A fitted object fitted without a target (`fit(X)`): its `predict` is a transform (a cluster, a hidden state), not a forecast. */
  unsupervised?: boolean;
  /** A polars expression (`pl.col("close").shift(-5)`): the columns it reads of the frame it will run on. */
  polarsReads?: string[];
  /** The loads (`pd.read_csv(...)` call ids) the rows come from. */
  origins?: readonly number[];
  /** A search that cross-validates with plain k-fold (`GridSearchCV(..., cv=5)`): where, for the overlap check at its fit. */
  kFold?: SyntaxNode;
  /** The class an object was constructed from (`GaussianHMM(...)` gives `GaussianHMM`), for what its methods do. */
  estimator?: string;
  /** A trading decision or position: a comparison, `np.where`/`np.sign` of one, or a signal-named column. */
  decision?: boolean;
  /** Set in live-only code (under a `runmode` live / dry-run guard): in a backtest it keeps its default. */
  liveOnly?: boolean;
  /** Elements of a tuple (a function returning several values, `train_test_split`). */
  items?: Value[];
  /** A loop variable that walks the rows (`for i in range(len(df))`, `for i, row in df.iterrows()`). */
  barIndex?: boolean;
  /** `rolling(...)`, `resample(...)`, `groupby(...)`, `ewm(...)` waiting for their aggregation. */
  pending?: Pending;
  /** `[c for c in df.columns if c not in [...]]`: the columns of a frame a condition keeps. */
  columnSelection?: { frame: Value; keep: (column: string) => boolean };
  /** `["a", "b"] + list(other.columns)`: named columns plus every column of another frame. */
  extraColumns?: { frame: Value; keep: (column: string) => boolean };
  /** A comparison of whole-sample statistics with constants only (`df["price"].max() > 1e6`): as an `if` condition it picks a branch, not a row's value. */
  wholeSamplePredicate?: boolean;
  /** A time key moved later (`date + pd.to_timedelta(...)`): a merge on it aligns each higher-timeframe candle with its close. */
  timeShifted?: boolean;
  /** A function defined in the file (a name bound to it), for calls through a variable. */
  callable?: SyntaxNode;
}

export type Pending =
  | { type: 'rolling'; node: SyntaxNode; centredLead: number }
  | { type: 'resample'; node: SyntaxNode; rightLabelled: boolean; minutes?: number }
  | { type: 'group'; node: SyntaxNode };

/**
 * Every field of a Value, in one order. Values are made by spreading another value and changing a
 * few fields. V8 copies an object fast only when the fields written after the spread already exist
 * on it: adding a field takes a slow path (about 3 us an object against 30 ns, Node 20). So every
 * value starts from this template and a spread only overrides. The type makes a new field of Value
 * a compile error here until it is listed.
 */
const ALL_FIELDS: Record<keyof Value, unknown> = {
  kind: 'unknown',
  lead: 0,
  sources: [],
  data: false,
  columns: undefined,
  returnEnd: undefined,
  constant: undefined,
  strings: undefined,
  descending: undefined,
  higherTimeframe: undefined,
  leftLabelled: undefined,
  uncertain: undefined,
  window: undefined,
  mergedIn: undefined,
  positional: undefined,
  seriesName: undefined,
  barMinutes: undefined,
  endsAtCurrentBar: undefined,
  barValue: undefined,
  instance: undefined,
  rows: undefined,
  rowsIndex: undefined,
  seenBy: undefined,
  fitOnAll: undefined,
  splitBy: undefined,
  fitCall: undefined,
  fitOnHeldOut: undefined,
  unsupervised: undefined,
  polarsReads: undefined,
  origins: undefined,
  kFold: undefined,
  estimator: undefined,
  decision: undefined,
  liveOnly: undefined,
  items: undefined,
  barIndex: undefined,
  pending: undefined,
  columnSelection: undefined,
  extraColumns: undefined,
  wholeSamplePredicate: undefined,
  timeShifted: undefined,
  callable: undefined,
};

/** A value with every field present (see ALL_FIELDS): what every Value literal is built from. */
export function valueOf(kind: ValueKind, lead: number, sources: Source[], data: boolean): Value {
  return { ...ALL_FIELDS, kind, lead, sources, data } as Value;
}

export const UNKNOWN: Value = Object.freeze(valueOf('unknown', 0, [], false));

export function scalar(constant?: number): Value {
  return { ...valueOf('scalar', -Infinity, [], false), constant };
}

export function bars(kind: 'bars' | 'history' = 'bars'): Value {
  return valueOf(kind, 0, [], true);
}

/** The largest lead the value reads, sources included. */
export function effectiveLead(v: Value): number {
  let lead = v.lead;
  for (const s of v.sources) lead = Math.max(lead, s.lead);
  return lead;
}

/** Sources that still read after t once compensation is taken into account. */
export function liveSources(v: Value): Source[] {
  return v.sources.filter((s) => s.lead > 0);
}

const KIND_RANK: Record<ValueKind, number> = { bars: 6, history: 5, slice: 4, model: 3, unknown: 2, params: 1, scalar: 0 };

/**
 * Adds `more` to `into`, one source per code and node, keeping the longer lead (or the certain
 * one). `positions` (code and node id -> index in `into`) keeps joins of many values linear.
 */
function mergeSources(into: Source[], more: readonly Source[], positions?: Map<string, number>): void {
  for (const s of more) {
    const key = positions && `${s.code}:${s.node.id}`;
    const same = positions ? positions.get(key!) ?? -1 : into.findIndex((t) => t.node.id === s.node.id && t.code === s.code);
    if (same < 0) {
      positions?.set(key!, into.length);
      into.push(s);
    }
    else if (s.lead > into[same].lead || (s.lead === into[same].lead && !s.uncertain && into[same].uncertain)) into[same] = s;
  }
}

/** The value of an element-wise combination: the most informative kind, the largest leads. */
export function join(...values: (Value | undefined)[]): Value {
  return joinAll(values);
}

/** `join` over an array of any length (a spread of 100,000 list items would overflow the stack). */
export function joinAll(values: readonly (Value | undefined)[]): Value {
  // The same value reached two ways (a column a branch left alone) is itself, with all it carries.
  // Joins are the interpreter's commonest step: distinct values by identity, without a Set for the usual two.
  let present: Value[] = [];
  if (values.length <= 8) for (const v of values) v && !present.includes(v) && present.push(v);
  else present = [...new Set(values.filter((v): v is Value => !!v))];
  if (present.length === 0) return UNKNOWN;
  if (present.length === 1) return present[0];
  const out: Value = valueOf('scalar', -Infinity, [], false);
  // Most joins meet a few sources; a join of many (a long chain of conditions) indexes them.
  let positions: Map<string, number> | undefined;
  for (const v of present) {
    if (KIND_RANK[v.kind] > KIND_RANK[out.kind]) out.kind = v.kind;
    out.lead = Math.max(out.lead, v.lead);
    if (!positions && out.sources.length + v.sources.length > 16) {
      positions = new Map(out.sources.map((t, i) => [`${t.code}:${t.node.id}`, i]));
    }
    mergeSources(out.sources, v.sources, positions);
    out.data ||= v.data;
    out.uncertain ||= v.uncertain;
    out.liveOnly ||= v.liveOnly;
    out.decision ||= v.decision;
    out.window ??= v.window;
    if (v.seenBy) out.seenBy = [...new Set([...(out.seenBy ?? []), ...v.seenBy])];
    out.fitOnAll ??= v.fitOnAll;
    out.unsupervised ||= v.unsupervised;
    out.estimator ??= v.estimator;
    out.splitBy ??= v.splitBy;
    out.timeShifted ||= v.timeShifted;
    if (v.polarsReads) out.polarsReads = [...new Set([...(out.polarsReads ?? []), ...v.polarsReads])];
    if (v.origins) out.origins = out.origins ? [...new Set([...out.origins, ...v.origins])] : v.origins;
    if (v.barMinutes !== undefined) out.barMinutes = Math.min(out.barMinutes ?? Infinity, v.barMinutes);
    out.descending ||= v.descending;
    out.higherTimeframe ??= v.higherTimeframe;
    out.leftLabelled ??= v.leftLabelled;
  }
  if (out.kind !== 'scalar' && out.lead === -Infinity) out.lead = 0;
  // Rows: the part every data value agrees on (train joined with test is all rows).
  let rows: Rows | undefined;
  let dataValues = 0;
  let agreed = true;
  let framed: Value | undefined;
  let frames = 0;
  for (const v of present) {
    if (v.data) {
      if (dataValues++ === 0) rows = v.rows;
      else if (v.rows !== rows) agreed = false;
    }
    if (v.columns) {
      frames++;
      framed = v;
    }
  }
  if (dataValues > 0 && agreed) out.rows = rows;
  // A frame combined with scalars or conditions keeps its columns (`return df` under a condition).
  if (frames === 1) out.columns = framed!.columns;
  return out;
}

/** Two values a name may hold after a branch: joined, frames column by column. */
export function either(a: Value, b: Value): Value {
  const out = join(a, b);
  if (!a.columns || !b.columns) return out;
  const columns = new Map(a.columns);
  for (const [name, value] of b.columns) columns.set(name, columns.has(name) ? either(columns.get(name)!, value) : join(column(a, name), value));
  for (const [name, value] of a.columns) if (!b.columns.has(name)) columns.set(name, join(value, column(b, name)));
  return { ...out, columns };
}

/** `shift(k)` for a literal k: every lead moves by -k; a negative k adds a source. */
export function shifted(v: Value, k: number): Value {
  const move = (lead: number) => (Number.isFinite(lead) ? lead - k : lead);
  const out: Value = {
    ...v,
    lead: move(v.lead),
    sources: v.sources.map((s) => ({ ...s, lead: move(s.lead) })),
    columns: v.columns && new Map([...v.columns].map(([c, cv]) => [c, shifted(cv, k)])),
    // A shifted higher-timeframe frame (by at least one of its bars) is safe to merge.
    higherTimeframe: k > 0 ? undefined : v.higherTimeframe,
    leftLabelled: k > 0 ? undefined : v.leftLabelled,
    barMinutes: k > 0 ? undefined : v.barMinutes,
    returnEnd: v.returnEnd === undefined ? undefined : v.returnEnd - k,
  };
  return out;
}

export function withSource(v: Value, source: Omit<Source, 'chain' | 'uncertain'> & { uncertain?: boolean }): Value {
  const out: Value = { ...v, sources: [...v.sources] };
  mergeSources(out.sources, [{ ...source, chain: [], uncertain: source.uncertain ?? !!v.uncertain }]);
  return out;
}

/** The value with one more step on every live source's chain (an assignment it travelled through). */
export function through(v: Value, step: Step): Value {
  if (!v.sources.some((s) => s.lead > 0)) return v;
  return { ...v, sources: v.sources.map((s) => (s.lead > 0 && s.chain.length < 12 ? { ...s, chain: [...s.chain, step] } : s)) };
}

/** Marks every source as having passed through code the analysis cannot see. */
export function uncertain(v: Value): Value {
  if (!v.sources.length) return { ...v, uncertain: true };
  return { ...v, uncertain: true, sources: v.sources.map((s) => ({ ...s, uncertain: true })) };
}

/** A frame's column: known, or the frame's own value when the column is not tracked. */
/** Raw bar columns: they come with the frame itself, never from what was merged into it. */
const BAR_COLUMNS = /^(date|time|timestamp|datetime|open|high|low|close|volume|adj[ _]close|Date|Open|High|Low|Close|Volume|Adj Close)$/;

export function column(frame: Value, name: string): Value {
  const known = frame.columns?.get(name) ?? (frame.columns && patternKeys(frame.columns).length ? frame.columns.get(name.replace(/_[^_]+$/, '_*')) ?? patternColumn(frame, name) : undefined);
  // A column of a part of the rows is that part too (`train["close"]`), and went through what the frame did.
  if (known) return frame.rows || frame.seenBy ? { ...known, rows: known.rows ?? frame.rows, seenBy: frame.seenBy ? [...new Set([...(known.seenBy ?? []), ...frame.seenBy])] : known.seenBy } : known;
  const rest: Value = { ...frame, columns: undefined, strings: undefined, constant: undefined, mergedIn: undefined, items: undefined };
  if (!frame.mergedIn || BAR_COLUMNS.test(name)) return rest;
  return join(rest, frame.mergedIn);
}

/** A column stored under an f-string pattern (`df[f"ret_lag_{k}"]` is kept as `ret_lag_*`). */
function patternColumn(frame: Value, name: string): Value | undefined {
  for (const key of patternKeys(frame.columns!)) if (globMatch(key, name)) return frame.columns!.get(key);
  return undefined;
}

// Column maps are never mutated once built (withColumn copies), so their pattern keys can be cached.
const patternKeyCache = new WeakMap<Map<string, Value>, string[]>();
function patternKeys(columns: Map<string, Value>): string[] {
  let keys = patternKeyCache.get(columns);
  if (!keys) patternKeyCache.set(columns, (keys = [...columns.keys()].filter((k) => k.includes('*'))));
  return keys;
}

const globCache = new Map<string, RegExp>();
export function globMatch(pattern: string, name: string): boolean {
  let re = globCache.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    if (globCache.size < 1000) globCache.set(pattern, re);
  }
  return re.test(name);
}

/** Every column of a frame joined (a selection the analysis cannot resolve). */
export function allColumns(frame: Value, depth = 0): Value {
  // A dict of frames (`{"x": X_train}`) holds each frame's columns too.
  const nested = (v: Value) => (v.columns && depth < 3 ? allColumns(v, depth + 1) : v);
  return join(column(frame, '\0'), ...(frame.columns ? [...frame.columns.values()].map(nested) : []), frame.mergedIn && nested(frame.mergedIn));
}

export function withColumn(frame: Value, name: string, value: Value): Value {
  const columns = new Map(frame.columns ?? []);
  columns.set(name, value);
  // An empty frame takes the kind of what fills it: columns of a window ending now make a window too.
  const filled = value.kind === 'history' || value.kind === 'slice' ? value.kind : 'bars';
  return { ...frame, columns, kind: frame.kind === 'unknown' || frame.kind === 'scalar' ? filled : frame.kind };
}

/** A short text for messages: `n bars`, `the whole sample`. */
export function describeLead(lead: number): string {
  if (!Number.isFinite(lead)) return 'the whole sample';
  return lead === 1 ? '1 bar ahead' : `${lead} bars ahead`;
}

/** `"1wk"`, `"4h"`, `"1D"`, `"15m"`, `"W"` as minutes, else undefined. */
export function intervalMinutes(text: string | undefined): number | undefined {
  const m = /^(\d*)\s*(mo|wk|w|d|h|m|min|t|s)?$/i.exec(text?.trim() ?? '');
  if (!m || (!m[1] && !m[2])) return undefined;
  const n = m[1] ? Number(m[1]) : 1;
  const unit = (m[2] ?? 'm').toLowerCase();
  const minutes: Record<string, number> = { mo: 43200, wk: 10080, w: 10080, d: 1440, h: 60, m: 1, min: 1, t: 1, s: 1 / 60 };
  // pandas "M" is a month, ccxt/freqtrade "1M" too; lower-case "m" is a minute.
  if (m[2] === 'M') return n * 43200;
  return n * minutes[unit];
}

/** A pandas offset alias (`"4h"`, `"15min"`, `"1D"`, `"W-MON"`, `"M"`) as minutes, else undefined. */
export function offsetMinutes(rule: string): number | undefined {
  const m = /^(\d*)\s*(min|T|S|s|H|h|D|d|B|W|M|ME|MS|BM|Q|QE|QS|A|Y|YE|AS|YS)(-[A-Z]{3})?$/.exec(rule.trim());
  if (!m) return undefined;
  const n = m[1] ? Number(m[1]) : 1;
  const unit: Record<string, number> = { min: 1, T: 1, S: 1 / 60, s: 1 / 60, H: 60, h: 60, D: 1440, d: 1440, B: 1440, W: 10080 };
  return n * (unit[m[2]] ?? (/^(Q|QE|QS)$/.test(m[2]) ? 129600 : /^(A|Y|YE|AS|YS)$/.test(m[2]) ? 525600 : 43200));
}

/**
 * A value in a form two document versions can compare: every field, nodes by id (a node keeps its
 * id only while its statement is taken over unchanged), maps and sets as entries. A value that
 * cannot be written out compares unequal to everything.
 */
let uniqueKeys = 0;

export function stableKey(value: Value | undefined): string {
  if (value === undefined) return '';
  try {
    return JSON.stringify(value, (_key, v: unknown) => {
      if (v instanceof Map) return { map: [...v] };
      if (v instanceof Set) return { set: [...v] };
      if (v instanceof SyntaxNode) return `#${v.id}`;
      if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
      return v;
    });
  } catch {
    return `unique:${++uniqueKeys}`;
  }
}
