// Facts about a Pine script, extracted once per version and read by the Pine rules.
import type { CallArguments } from './syntax';
import type { PineNode } from './tree';

export type TimeframeKind = 'higher' | 'chart' | 'unknown';

export interface PineDeclaration {
  kind: 'strategy' | 'indicator' | 'study' | 'library';
  call: PineNode;
  title?: string;
  titleNode?: PineNode;
  args: CallArguments;
}

export interface PineInput {
  /** The variable the input is assigned to. */
  name: string;
  call: PineNode;
  /** `int`, `float`, `bool`, `string`, `source`, `timeframe`, or `input` for the v4 form. */
  kind: string;
  defaultNode?: PineNode;
  minval?: number;
  maxval?: number;
  step?: number;
  /** Number of entries of `options=[...]`. */
  options?: number;
  decidesOrder: boolean;
}

export interface PineSecurity {
  call: PineNode;
  expression?: PineNode;
  timeframe?: PineNode;
  /** The timeframe as written or as its input's default (`"D"`), when known. */
  timeframeText?: string;
  timeframeKind: TimeframeKind;
  lookaheadOn: boolean;
  lookaheadNode?: PineNode;
  /**
   * `closed`: the requested value reads only closed bars (`close[1]`) or values known at the bar's
   * open; `current`: it reads the current bar (`close`, `ta.atr(14)`, a variable computed from
   * them); `unknown`: it calls code whose result cannot be followed (a multi-line function).
   */
  reads: 'closed' | 'current' | 'unknown';
  decidesOrder: boolean;
  /**
   * Whether the value reaches anything historical bars show or do: an order, or a drawing not
   * gated by `barstate.islast` (a table filled on the last bar only never shows history).
   */
  visibleOnHistory: boolean;
}

export type RealtimeRiskKind = 'calc_on_every_tick' | 'process_orders_on_close' | 'varip' | 'timenow' | 'barstate.isrealtime' | 'barstate.islast';

export interface PineRealtimeRisk {
  kind: RealtimeRiskKind;
  node: PineNode;
  decidesOrder: boolean;
  /** Shown by a plot, an alert or a marker. */
  displayed: boolean;
}

export interface PinePlotOffset {
  call: PineNode;
  callee: string;
  offsetNode: PineNode;
  offset: number;
  /** A marker (`plotshape`, `bgcolor`...) or a plotted series that also decides orders: read as a signal. */
  signal: boolean;
}

export interface PineLookback {
  node: PineNode;
  length: number;
  /** `close[200]` or `ta.sma(close, 200)`. */
  what: string;
}

/** A number typed into a condition that decides orders (`ta.rsi(close, 14) < 28`): tuned by eye. */
export interface PineThreshold {
  node: PineNode;
  value: number;
}

export interface PineFacts {
  version?: number;
  declaration?: PineDeclaration;
  inputs: PineInput[];
  securities: PineSecurity[];
  realtime: PineRealtimeRisk[];
  plotOffsets: PinePlotOffset[];
  /** `max_bars_back=` of the declaration and `max_bars_back(x, n)` calls. */
  maxBarsBack: { node: PineNode; value: number; target?: string }[];
  lookbacks: PineLookback[];
  thresholds: PineThreshold[];
  orders: PineNode[];
  syntaxErrors: number;
}
