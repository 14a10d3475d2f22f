// Transfer functions: what a pandas / numpy method does to a value's leads. Pure functions of the
// receiver's value and the call's literal arguments; the interpreter evaluates the arguments.
import type { SyntaxNode } from '../python/parser';
import { join, shifted, valueOf, withColumn, withSource, type Value } from './value';

/** Aggregations that close a `rolling(...)` / `resample(...)` / `groupby(...)` window. */
export const WINDOW_AGGREGATIONS = new Set([
  'mean', 'sum', 'std', 'var', 'max', 'min', 'median', 'apply', 'agg', 'aggregate', 'quantile', 'count', 'corr', 'cov',
  'skew', 'kurt', 'first', 'last', 'ohlc', 'nunique', 'prod', 'sem', 'rank', 'transform', 'size', 'cumsum', 'cumprod',
]);

/** Whole-column reductions: on a full-history series, every row then sees the whole sample. */
export const REDUCTIONS = new Set(['mean', 'std', 'var', 'max', 'min', 'sum', 'median', 'quantile', 'mad', 'sem', 'skew', 'kurt', 'kurtosis', 'nlargest', 'nsmallest', 'describe', 'prod', 'ptp', 'nanmean', 'nanstd', 'nanmax', 'nanmin', 'percentile', 'nanpercentile', 'average']);

/** Methods that keep the rows where they are (lead unchanged, arguments joined in). */
export const ROW_PRESERVING = new Set([
  'abs', 'round', 'clip', 'astype', 'fillna', 'dropna', 'copy', 'reset_index', 'set_index', 'replace', 'ffill', 'pad',
  'cumsum', 'cumprod', 'cummax', 'cummin', 'where', 'mask', 'between', 'isin', 'isna', 'isnull', 'notna', 'notnull',
  'add', 'sub', 'mul', 'div', 'truediv', 'gt', 'lt', 'ge', 'le', 'eq', 'ne', 'combine_first', 'apply', 'map', 'applymap',
  'log', 'exp', 'sqrt', 'to_numpy', 'to_frame', 'squeeze', 'infer_objects', 'convert_dtypes', 'tolist', 'to_list',
  'any', 'all', 'drop_duplicates',
]);

export interface ShiftLike {
  /** The offset as written: a number, or 'negative'/'positive' when only its sign is known. */
  offset: number | 'negative' | 'unknown';
  node: SyntaxNode;
  text: string;
}

/** `x.shift(k)`, `x.pct_change(k)`, `x.diff(k)`, `np.roll(x, k)`: the moved value, with a source for a negative k. */
export function applyShift(receiver: Value, shift: ShiftLike, kind: 'shift' | 'pct_change' | 'diff' | 'roll'): Value {
  const { offset } = shift;
  let out: Value;
  if (typeof offset === 'number') {
    // pct_change / diff read rows t and t-k: the later end is t for k > 0, t + |k| for k < 0.
    out = kind === 'shift' || kind === 'roll' ? shifted(receiver, offset) : offset < 0 ? shifted(receiver, offset) : receiver;
    if (receiver.descending) return shiftDescending(receiver, shift, offset, kind);
    if (kind === 'shift' && offset > 0 && receiver.descending) {
      out = withSource(out, { code: 'SL201', node: shift.node, lead: offset, what: `\`${shift.text}\` on rows sorted newest first reads ${offset} bar(s) later` });
    }
    if (offset < 0) {
      const lead = Math.max(receiver.lead, 0) - offset;
      if (receiver.lead - offset > 0) {
        out = withSource(out, { code: 'SL201', node: shift.node, lead, what: `\`${shift.text}\` reads ${-offset} bar(s) ahead` });
      }
    }
  } else if (offset === 'negative') {
    out = withSource(shifted(receiver, -1), { code: 'SL201', node: shift.node, lead: Math.max(receiver.lead, 0) + 1, what: `\`${shift.text}\` reads bars ahead` });
  } else out = receiver;
  if ((kind === 'pct_change' || kind === 'diff') && receiver.data) {
    out = { ...out, returnEnd: typeof offset === 'number' && offset < 0 ? receiver.lead - offset : receiver.lead };
  }
  return out;
}

/** On rows sorted newest first a negative shift reads older rows and a positive one newer rows. */
function shiftDescending(receiver: Value, shift: ShiftLike, offset: number, kind: string): Value {
  const out = shifted(receiver, -offset);
  if (kind !== 'shift' || offset <= 0) return out;
  return withSource(out, { code: 'SL201', node: shift.node, lead: Math.max(receiver.lead, 0) + offset, what: `\`${shift.text}\` on rows sorted newest first reads ${offset} bar(s) later` });
}

/** The aggregation closing a pending window (`rolling(5, center=True).mean()`). */
export function closeWindow(receiver: Value, method: string, _call: SyntaxNode): Value {
  const pending = receiver.pending!;
  // A rolling sum of returns is a longer return; its mean, deviation or extremes are not returns.
  const base: Value = { ...receiver, pending: undefined, returnEnd: method === 'sum' ? receiver.returnEnd : undefined };
  if (pending.type === 'rolling') {
    if (pending.centredLead > 0) {
      return withSource(base, {
        code: 'SL202',
        node: pending.node,
        lead: Math.max(base.lead, 0) + pending.centredLead,
        what: `a centred window (\`center=True\`) reads ${pending.centredLead} bar(s) ahead`,
      });
    }
    return base;
  }
  if (pending.type === 'resample') {
    // Downsampling: each coarse bar holds data up to the end of its period.
    if (pending.rightLabelled) return base;
    return { ...base, leftLabelled: { node: pending.node, how: `\`${pending.node.text.slice(0, 60)}\` labels each period at its start`, minutes: pending.minutes } };
  }
  return base;
}

/** Upsampling a resampled frame and filling the gaps from later rows (`interpolate`, `bfill`). */
export function upsampleFill(receiver: Value, method: string, call: SyntaxNode): Value {
  const pending = receiver.pending!;
  return withSource({ ...receiver, pending: undefined }, {
    code: 'SL217',
    node: call,
    lead: Math.max(receiver.lead, 0) + 1,
    what: `\`${method}()\` after upsampling with \`${pending.node.text.slice(0, 50)}\` fills each new row from the next coarse bar`,
  });
}

/** `bfill()`, `fillna(method="bfill")`, `interpolate()`: a gap takes a value from a later row. */
export function backFill(receiver: Value, call: SyntaxNode, method: string): Value {
  return withSource(receiver, {
    code: 'SL205',
    node: call,
    lead: Infinity,
    what: method === 'interpolate' ? '`interpolate()` fills a gap from the next valid row' : `\`${method}\` copies a later value into earlier gaps`,
  });
}

/** A whole-column statistic of a full-history series. */
export function fullSampleStatistic(receiver: Value, call: SyntaxNode, method: string): Value {
  const base: Value = { ...valueOf('scalar', receiver.lead, receiver.sources, true), uncertain: receiver.uncertain, seenBy: receiver.seenBy };
  if (receiver.window) return reducedWindow(receiver, base);
  // The first or last timestamp sets a range (`date_range(ts.min(), ts.max())`); it is not a price.
  if (receiver.kind !== 'bars' || /date|time|stamp|^index$|^ts$/i.test(receiver.seriesName ?? '')) return base;
  // A count of rows (`(dates <= end).sum()`) sizes a split; data only guessed (a parameter of a
  // function nothing calls) is too uncertain to call its statistics a lookahead.
  if ((method === 'sum' && receiver.decision) || receiver.uncertain) return base;
  return withSource(base, {
    code: 'SL203',
    node: call,
    lead: Infinity,
    what: `\`${call.text.length <= 50 ? call.text : `${method}()`}\` is computed over the whole history, later rows included`,
  });
}

/** `pd.merge(left, right)`, `left.join(right)`, `merge_asof`: the right side's columns come in, with what its alignment adds. */
export function merged(left: Value, right: Value, call: SyntaxNode, how: { direction?: string; asof: boolean }): Value {
  let incoming: Value = right;
  if (how.asof && (how.direction === 'forward' || how.direction === 'nearest')) {
    incoming = withSource(incoming, { code: 'SL209', node: call, lead: Infinity, what: `\`merge_asof(direction="${how.direction}")\` attaches a later record to each row` });
  }
  const coarser = barMinutesOf(right);
  const finer = barMinutesOf(left);
  const higher = right.higherTimeframe ?? (coarser !== undefined && finer !== undefined && coarser > finer ? { node: call, how: `bars of ${coarser} minutes joined onto bars of ${finer}` } : undefined);
  if (higher) {
    incoming = withSource(incoming, {
      code: 'SL216',
      node: call,
      lead: 1,
      what: `the higher-timeframe frame (${higher.how}) is merged without shifting it by one of its candles, so each row sees the candle that is still forming`,
    });
  }
  if (right.leftLabelled) incoming = withLeftLabel(incoming, right.leftLabelled, 'merged back onto', finer);
  incoming = { ...incoming, higherTimeframe: undefined, leftLabelled: undefined };
  // The left frame keeps its own rows and columns; the right side's known columns come in by name,
  // the rest of it may be any column the left frame does not track.
  // A named series joins as the column of its name.
  const named = !incoming.columns && incoming.seriesName ? { ...incoming, columns: new Map([[incoming.seriesName, { ...incoming, seriesName: undefined }]]), sources: [], data: false } : incoming;
  const { columns: incomingColumns, mergedIn: incomingRest, ...incomingBase } = named;
  // What the alignment adds (a forming candle, a later record) reaches every incoming column.
  const added = incomingBase.sources.filter((s) => !right.sources.includes(s));
  const columns = new Map(left.columns ?? []);
  for (const [name, value] of incomingColumns ?? []) columns.set(name, added.reduce((v, s) => withSource(v, s), value));
  const rest = join(left.mergedIn, incomingBase as Value, incomingRest);
  return {
    ...left,
    higherTimeframe: undefined,
    leftLabelled: undefined,
    kind: left.kind === 'unknown' ? incoming.kind : left.kind,
    data: left.data || incoming.data,
    columns,
    mergedIn: rest.sources.length || rest.data ? rest : undefined,
  };
}

/** Renames the tracked columns of a frame (`rename(columns={...})`, a suffix). */
export function renamed(frame: Value, mapping: (name: string) => string): Value {
  if (!frame.columns) return frame;
  let out: Value = { ...frame, columns: new Map() };
  for (const [name, value] of frame.columns) out = withColumn(out, mapping(name), value);
  return out;
}

/** A reduction of a bar loop's window (`x[i:i + 5].max()`): the result at i reads to the window's end. */
export function reducedWindow(window: Value, base: Value): Value {
  const { node, lead } = window.window!;
  const out: Value = { ...base, window: undefined };
  if (lead <= 0) return out;
  const text = node.text.length <= 60 ? node.text : 'the window';
  return withSource(out, { code: 'SL208', node, lead, what: Number.isFinite(lead) ? `\`${text}\` reads ${lead} row(s) after the current one` : `\`${text}\` reads every row after the current one` });
}

/** The bar length of a value or of the columns it holds. */
function barMinutesOf(v: Value): number | undefined {
  if (v.barMinutes !== undefined) return v.barMinutes;
  const each = [...(v.columns?.values() ?? [])].map((c) => c.barMinutes).filter((m): m is number => m !== undefined);
  return each.length ? Math.max(...each) : undefined;
}

/** A coarse frame put onto finer bars (`reindex`, `asfreq`, an upsample with `ffill`): what its stamps add. */
export function aligned(v: Value, call: SyntaxNode, targetMinutes?: number): Value {
  let out: Value = { ...v };
  if (v.leftLabelled) out = withLeftLabel(out, v.leftLabelled, 'put back onto', targetMinutes);
  if (v.higherTimeframe) {
    out = withSource(out, { code: 'SL216', node: call, lead: 1, what: `the higher-timeframe frame (${v.higherTimeframe.how}) is put onto finer bars without shifting it by one of its candles` });
  }
  return { ...out, leftLabelled: undefined, higherTimeframe: undefined };
}

/** The SL206 source of a left-labelled frame put onto other bars (certain when they are known to be finer). */
function withLeftLabel(v: Value, label: NonNullable<Value['leftLabelled']>, how: string, targetMinutes: number | undefined): Value {
  // Put back onto bars of its own period (an hourly resample onto hourly bars stamped at their open),
  // each row holds what is known when that bar closes.
  if (targetMinutes !== undefined && label.minutes !== undefined && targetMinutes >= label.minutes) return v;
  return withSource(v, {
    code: 'SL206',
    node: label.node,
    lead: 1,
    what: `${label.how}, so ${how} finer bars each row sees its whole period`,
    uncertain: !finerThan(targetMinutes, label.minutes),
  });
}

/**
 * Whether bars of `target` minutes are known to be finer than periods of `period` minutes. When
 * either is unknown, a left label put back onto other bars is only likely a lookahead (a daily
 * resample put back onto daily bars is not one).
 */
function finerThan(target: number | undefined, period: number | undefined): boolean {
  return target !== undefined && period !== undefined && target < period;
}
