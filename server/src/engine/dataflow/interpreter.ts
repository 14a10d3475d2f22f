// Abstract interpretation of Python over the tree-sitter tree: each statement updates an
// environment of values (value.ts); each expression's value comes from its parts through the
// transfer functions (transfer.ts, library-knowledge.ts). Sinks (sinks.ts) turn a value whose
// lead is positive into a leak. Functions are analysed per call with the callers' argument values
// and memoised by those values, so a helper's lead reaches the caller's sink through its summary.
import { effectiveLead, valueOf } from './value';
import { dictEntries, stringValue } from '../facts/python-values';
import type { SyntaxNode } from '../python/parser';
import { isTopLevel, type SyntaxIndex } from '../python/syntax-index';
import { backtestingData, isBacktestingStrategy } from './backtesting-py';
import { evalCall } from './calls';
import { subscript } from './subscripts';
import { argumentsOf, columnNames, fStringPattern, isIndexKey, isProperty } from './syntax';
import { barOffset, storedAt } from './offsets';
import {
  DECISION_FUNCTION, DECISION_NAME, DECISION_RETURN_METHODS, FREQTRADE_SIGNAL_COLUMNS, isLiveOnlyCondition, JESSE_ORDER_ATTRIBUTES,
} from './sinks';
import type { Rows } from './value';
import { columnTest, type ColumnTest } from './column-filter';
import { fittedAttribute, rowsByName, rowsOfTimeFilter } from './provenance';
import {
  allColumns, column, either, join, joinAll, liveSources, scalar, through, uncertain, UNKNOWN, withColumn, type Source, type Value,
} from './value';

export interface Sink {
  node: SyntaxNode;
  /** What the value decides, in words (`the entry column \`enter_long\``). */
  what: string;
}

/** A fit on market data: on which rows, with a target or not, inside which class. */
export interface FitRecord {
  node: SyntaxNode;
  /** Fitted on every row (not a training part, a fold or a window). */
  allRows: boolean;
  supervised: boolean;
  /** The data was only assumed (a parameter of a function nothing calls) or passed through unknown code. */
  uncertain: boolean;
  className?: string;
  /** The class of what was fitted, when known (`RidgeCV`). */
  estimator?: string;
}

export interface Leak {
  source: Source;
  sink: Sink;
  /** The whole path is visible: the source reaches the sink through code the analysis models. */
  certain: boolean;
}

export interface Activation {
  env: Map<string, Value>;
  /** Class attributes (`self.x`), shared by the methods of one class. */
  self?: Map<string, Value>;
  className?: string;
  functionName?: string;
  /** Control dependence: the values of the conditions the current statement runs under. */
  pc: Value;
  /** Inside a branch or loop (partial writes to a column join with what was there). */
  weak: number;
  /**
   * One journal per enclosing branch or loop: the value each name had before the region first
   * wrote it. Inside the region assignments are strong (flow-sensitive); on leaving it, each name
   * written joins with what it held before, since the region may not have run.
   */
  journals?: Map<string, Value | undefined>[];
  returns: Value[];
  /** The function runs per bar (callbacks of event-driven engines): its data ends at the current bar. */
  perBar: boolean;
  /** Analysed without a caller in this file: what it reaches is a guess. */
  uncalled: boolean;
  /** Inside a loop that walks the rows: a frame there is being filled as the loop goes. */
  barLoop?: number;
  /** Names read before being written, and names written, in the current loop pass. */
  trace?: { readFirst: Set<string>; written: Set<string>; statementReads?: Set<string> };
  /** Runs only in live trading (under a runmode guard, or called from there): decides nothing in a backtest. */
  live?: boolean;
  depth: number;
}

const MAX_DEPTH = 6;
const MAX_ANALYSES_PER_FUNCTION = 4;
/** Deeper code is not analysed (generated or adversarial input); its values are unknown. */
const MAX_NESTING = 200;

export class Interpreter {
  readonly leaks = new Map<string, Leak>();
  /** Every fit on market data, for the holdout check (missing-holdout). */
  readonly fits: FitRecord[] = [];
  /** Sources a fit excused (bar-loop windows paired with a later target, its own target through an unreadable column pick): excused where the same features are predicted on too. */
  private readonly sampleWindows = new Set<number>();
  /** Splits (their call ids) whose parts reach a fit, a score or a cross-validation: splits that matter. */
  readonly usedSplits = new Set<number>();
  /** Fits (their call ids) whose model is then used: a prediction, a score, an evaluation, an agent acting. */
  readonly usedFits = new Set<number>();
  /** Fits on a held-out part (their call ids), and which part. */
  readonly fitParts = new Map<number, Rows>();
  /** The loads (their call ids) each fit on all rows saw: a fit has not seen the rows of a file it was never given. */
  readonly fitOrigins = new Map<number, Set<number>>();
  /** Plain k-fold cross-validation (`cv=5`, or none given) and how far its labels reach (shuffled-split's overlap check). */
  readonly kFolds: { node: SyntaxNode; labelLead: number }[] = [];
  /** Uses of held-out rows (a prediction, score or eval set on validation or test rows): the file validates out of sample. */
  readonly heldOutUses: SyntaxNode[] = [];
  readonly called = new Set<number>();
  private readonly memo = new Map<string, Value>();
  /** What each function returned, per analysis (bounded by MAX_ANALYSES_PER_FUNCTION). */
  private readonly analyses = new Map<number, Value[]>();
  /** Module functions by name, methods by class and name: the file's, shared by its interpreters. */
  readonly functions: ReadonlyMap<string, SyntaxNode>;
  readonly methods: ReadonlyMap<string, ReadonlyMap<string, SyntaxNode>>;
  private readonly classBases: ReadonlyMap<string, string[]>;
  readonly module: Map<string, Value> = new Map();

  constructor(readonly index: SyntaxIndex) {
    ({ functions: this.functions, methods: this.methods, classBases: this.classBases } = definitionTables(index));
  }

  private readonly instances = new Map<string, Map<string, Value>>();
  /** Frames handed to backtrader feeds (`dataname=`): their columns are the lines of `self.data`. */
  feeds?: Value;
  /** What freqtrade's populate_indicators returned: the analysed dataframe callbacks read. */
  analysedFrame?: Value;

  /** The `self` of the instances of a class created in this file (one per class). */
  instanceSelf(className: string): Map<string, Value> {
    let table = this.instances.get(className);
    if (!table) this.instances.set(className, (table = new Map()));
    return table;
  }

  /** A method of a class defined in the file, or of one of its bases defined in the file. */
  methodOf(className: string, name: string, depth = 0): SyntaxNode | undefined {
    const own = this.methods.get(className)?.get(name);
    if (own || depth > 5) return own;
    const bases = this.classBases.get(className) ?? [];
    for (const base of bases) {
      const found = this.methodOf(base.split('.').pop() ?? base, name, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  moduleFunctions(): ReadonlyMap<string, SyntaxNode> {
    return this.functions;
  }

  // ---- sinks -------------------------------------------------------------------------------

  /** `features`: the value is a model's input (a fit on all rows is judged where the model meets test rows instead). */
  sink(value: Value, node: SyntaxNode, what: string, act: Activation, features = false, labels?: Value): void {
    if (act.live) return;
    // A frame decides through every column it holds. A fit on all rows feeding a model is judged
    // where the model meets the test rows (provenance.ts), not here.
    const target = labels && (labels.columns || labels.mergedIn) ? allColumns(labels) : labels;
    for (const source of liveSources(value.columns || value.mergedIn ? allColumns(value) : value)) {
      if (features && source.code === 'SL204') continue;
      // The fit's own target, reaching its features only through a column list the analysis could
      // not read: the list almost surely leaves the target out (a model given its target is noticed at once).
      if (features && source.uncertain && target?.sources.some((l) => l.node.id === source.node.id)) {
        this.sampleWindows.add(source.node.id);
        continue;
      }
      // Samples cut from a bar loop (`X.append(x[i:i + n])`, `y.append(x[i + n])`): the window
      // reads ahead of i, but no further than the target it is paired with starts. Unless the
      // target's own offset from i is known and inside the window, the pairing is not a leak.
      if (features && source.code === 'SL208' && target?.data && (!target.sources.some((l) => l.code === 'SL208') || effectiveLead(target) > source.lead)) {
        this.sampleWindows.add(source.node.id);
        continue;
      }
      if (features && source.uncertain && this.sampleWindows.has(source.node.id)) continue;
      if (features && source.code === 'SL208' && this.sampleWindows.has(source.node.id)) continue;
      const key = `${source.code}:${source.node.id}`;
      const certain = !source.uncertain && !act.uncalled;
      const previous = this.leaks.get(key);
      if (previous && (previous.certain || !certain)) continue;
      this.leaks.set(key, { source, sink: { node, what }, certain });
    }
  }

  // ---- functions ---------------------------------------------------------------------------

  /** Analyses a function body with its parameters bound; returns the joined return value. */
  runFunction(fn: SyntaxNode, args: Map<string, Value>, options: Partial<Activation> & { depth: number }): Value {
    const key = `${fn.id}|${options.uncalled ? 'u' : ''}${options.live ? 'l' : ''}|${[...args].map(([k, v]) => `${k}=${signature(v)}`).join(';')}`;
    const cached = this.memo.get(key);
    if (cached) return cached;
    if (options.depth > MAX_DEPTH) return UNKNOWN;
    // A helper called with many different inputs (a 14,000-line strategy calls some forty times)
    // is analysed for the first few; later calls reuse what those returned, joined with what the
    // new inputs carry, and are marked as not followed exactly.
    const seen = this.analyses.get(fn.id) ?? [];
    if (seen.length >= MAX_ANALYSES_PER_FUNCTION) {
      const inputs = [...args.values()].filter((v) => liveSources(v).length);
      return inputs.length ? uncertain(joinAll([...seen, ...inputs])) : joinAll(seen);
    }
    this.memo.set(key, UNKNOWN); // recursion
    this.called.add(fn.id);
    const act: Activation = {
      env: new Map(),
      self: options.self,
      className: options.className,
      functionName: fn.childForFieldName('name')?.text,
      pc: scalar(),
      weak: 0,
      returns: [],
      perBar: options.perBar ?? false,
      uncalled: options.uncalled ?? false,
      live: options.live ?? false,
      depth: options.depth,
    };
    for (const [name, value] of args) act.env.set(name, value);
    const body = fn.childForFieldName('body');
    if (body) this.block(body, act);
    const result = act.returns.length ? joinReturns(act.returns) : scalar();
    this.memo.set(key, result);
    this.analyses.set(fn.id, [...seen, result]);
    return result;
  }

  /** Parameter names in order, without `self`. */
  parameters(fn: SyntaxNode): { name: string; defaultNode?: SyntaxNode; annotation?: string }[] {
    const out: { name: string; defaultNode?: SyntaxNode; annotation?: string }[] = [];
    for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
      if (!p) continue;
      let name: string | undefined;
      if (p.type === 'identifier') name = p.text;
      else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') name = p.childForFieldName('name')?.text;
      else if (p.type === 'typed_parameter') name = p.namedChildren.find((c) => c?.type === 'identifier')?.text;
      const annotation = p.childForFieldName('type')?.text;
      if (name && name !== 'self' && name !== 'cls') out.push({ name, defaultNode: p.childForFieldName('value') ?? undefined, annotation });
    }
    return out;
  }

  callDefined(fn: SyntaxNode, call: SyntaxNode, act: Activation, selfTable?: Map<string, Value>, className?: string): Value {
    const params = this.parameters(fn);
    const args = new Map<string, Value>();
    const given = argumentsOf(call);
    given.positional.forEach((arg, position) => {
      const param = params[position];
      if (param) args.set(param.name, this.expr(arg, act));
      else this.expr(arg, act);
    });
    for (const [name, value] of given.keywords) args.set(name, this.expr(value, act));
    for (const p of params) if (!args.has(p.name)) args.set(p.name, p.defaultNode ? this.expr(p.defaultNode, act) : UNKNOWN);
    return this.runFunction(fn, args, {
      depth: act.depth + 1,
      self: selfTable ?? act.self,
      className: className ?? act.className,
      perBar: act.perBar,
      uncalled: act.uncalled,
      live: act.live,
    });
  }

  // ---- statements --------------------------------------------------------------------------

  block(block: SyntaxNode, act: Activation): void {
    for (const statement of block.namedChildren) {
      if (!statement) continue;
      const trace = act.trace;
      if (!trace) {
        this.statement(statement, act);
        continue;
      }
      // A statement that reads and writes the same name (`x = x + y`, `rows.append(r)`) carries
      // nothing to the next iteration that it does not already hold; a read in one statement of a
      // name written in a later one does.
      const outerReads = trace.statementReads;
      const writtenBefore = new Set(trace.written);
      trace.statementReads = new Set();
      this.statement(statement, act);
      for (const name of trace.statementReads) {
        const writtenHere = trace.written.has(name) && !writtenBefore.has(name);
        if (!writtenBefore.has(name) && !writtenHere) trace.readFirst.add(name);
        outerReads?.add(name);
      }
      trace.statementReads = outerReads;
    }
  }

  statement(node: SyntaxNode, act: Activation): void {
    if (this.nesting > MAX_NESTING) return;
    this.statementValues = new Map();
    this.nesting++;
    try {
      this.statementInner(node, act);
    } finally {
      this.nesting--;
    }
  }

  private statementInner(node: SyntaxNode, act: Activation): void {
    switch (node.type) {
      case 'expression_statement':
        for (const child of node.namedChildren) if (child) this.expr(child, act);
        return;
      case 'return_statement': {
        const value = node.namedChild(0);
        const returned = value ? this.expr(value, act) : scalar();
        const v = act.pc.data || act.pc.sources.length ? join(returned, act.pc) : returned;
        act.returns.push(v);
        if (act.functionName && ((DECISION_RETURN_METHODS.has(act.functionName) && act.className) || DECISION_FUNCTION.test(act.functionName))) {
          this.sink(v, node, `the decision \`${act.functionName}\` returns`, act);
        }
        return;
      }
      case 'if_statement':
        return this.ifStatement(node, act);
      case 'for_statement':
        return this.forStatement(node, act);
      case 'while_statement': {
        const condition = node.childForFieldName('condition');
        const c = condition ? this.expr(condition, act) : scalar();
        this.guarded(c, act, () => {
          const body = node.childForFieldName('body');
          if (body) this.loop(act, () => this.block(body, act));
        });
        return;
      }
      case 'with_statement':
      case 'try_statement':
      case 'block':
      case 'else_clause':
      case 'finally_clause':
      case 'except_clause':
      case 'with_clause':
        for (const child of node.namedChildren) {
          if (!child) continue;
          if (child.type === 'block') this.block(child, act);
          else if (/clause$/.test(child.type)) this.statement(child, act);
        }
        return;
      case 'function_definition': {
        // A nested function: analysed when called, with the caller's arguments.
        const name = node.childForFieldName('name')?.text;
        if (name && act.env !== this.module) act.env.set(name, { ...scalar(), callable: node });
        return;
      }
      case 'decorated_definition':
      case 'class_definition':
        return; // analysed by the driver, or when called
      default:
        return;
    }
  }

  private guarded(condition: Value, act: Activation, run: () => void): void {
    const pc = act.pc;
    // `if df["price"].max() > 1e6:` chooses what the code does (a unit, a branch of the research),
    // not a row's value: the whole-sample statistic does not flow into what the branch assigns.
    const controls = condition.wholeSamplePredicate ? { ...condition, sources: condition.sources.filter((s) => s.code !== 'SL203') } : condition;
    act.pc = join(pc, controls.data || controls.sources.length ? { ...controls, columns: undefined, items: undefined } : undefined);
    act.weak++;
    const journal = new Map<string, Value | undefined>();
    (act.journals ??= []).push(journal);
    try {
      run();
    } finally {
      act.journals.pop();
      this.mergeRegion(journal, act);
      act.weak--;
      act.pc = pc;
    }
  }

  /** Leaving a branch or loop: each name it wrote may still hold what it held before. */
  private mergeRegion(journal: Map<string, Value | undefined>, act: Activation): void {
    const parent = act.journals?.[act.journals.length - 1];
    for (const [key, before] of journal) {
      const table = key.startsWith('self.') ? act.self : act.env;
      const name = key.startsWith('self.') ? key.slice(5) : key;
      const now = table?.get(name);
      if (before && now && before !== now) table!.set(name, either(before, now));
      else if (before && !now) table!.set(name, before);
      if (parent && !parent.has(key)) parent.set(key, before);
    }
  }

  private journal(key: string, before: Value | undefined, act: Activation): void {
    const top = act.journals?.[act.journals.length - 1];
    if (top && !top.has(key)) top.set(key, before);
  }

  private ifStatement(node: SyntaxNode, act: Activation): void {
    const condition = node.childForFieldName('condition');
    const c = condition ? this.expr(condition, act) : scalar();
    const live = (condition ? isLiveOnlyCondition(condition.text) : false) || dependsOnLiveState(c);
    this.guarded(c, act, () => {
      const consequence = node.childForFieldName('consequence');
      if (consequence) this.inMode(act, live, () => this.block(consequence, act));
    });
    for (const alternative of node.childrenForFieldName('alternative')) {
      if (!alternative) continue;
      this.guarded(c, act, () => {
        if (alternative.type === 'elif_clause') {
          const inner = alternative.childForFieldName('condition');
          const ci = inner ? this.expr(inner, act) : scalar();
          const innerLive = (inner ? isLiveOnlyCondition(inner.text) : false) || dependsOnLiveState(ci);
          this.guarded(ci, act, () => {
            const body = alternative.childForFieldName('consequence');
            if (body) this.inMode(act, innerLive, () => this.block(body, act));
          });
        } else {
          const body = alternative.childForFieldName('body') ?? alternative.namedChildren.find((c) => c?.type === 'block');
          if (body) this.block(body, act);
        }
      });
    }
  }

  /** Runs `body` in live-only mode when `live`: its assignments are marked, its sinks silent. */
  private inMode(act: Activation, live: boolean, body: () => void): void {
    const before = act.live;
    act.live = before || live;
    try {
      body();
    } finally {
      act.live = before;
    }
  }

  private forStatement(node: SyntaxNode, act: Activation): void {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const iterable = right ? this.expr(right, act) : UNKNOWN;
    const element = this.elementOf(right, iterable, act);
    const walksRows = !!element.barIndex || !!element.items?.[0]?.barIndex;
    if (walksRows) act.barLoop = (act.barLoop ?? 0) + 1;
    this.guarded(scalar(), act, () => {
      this.loop(act, () => {
        // The loop variable is rebound on every pass, not joined with the last one.
        act.weak--;
        if (left) this.bind(left, element, act, node);
        act.weak++;
        const body = node.childForFieldName('body');
        if (body) this.block(body, act);
      });
    });
    if (walksRows) act.barLoop! -= 1;
  }

  /**
   * A loop body runs a second time only when a value can travel from one iteration to the next:
   * a name it reads before writing is also written in it (`prev = x` ... `if x > prev`).
   */
  private loop(act: Activation, pass: () => void): void {
    const outer = act.trace;
    const trace = { readFirst: new Set<string>(), written: new Set<string>() };
    act.trace = trace;
    try {
      pass();
      if ([...trace.readFirst].some((name) => trace.written.has(name))) pass();
    } finally {
      act.trace = outer;
      if (outer) {
        for (const name of trace.readFirst) if (!outer.written.has(name)) outer.readFirst.add(name);
        for (const name of trace.written) outer.written.add(name);
      }
    }
  }

  /** What a loop variable holds for an iterable. */
  private elementOf(right: SyntaxNode | null, iterable: Value, act: Activation): Value {
    if (!right) return UNKNOWN;
    const call = right.type === 'call' ? right : undefined;
    const callee = call?.childForFieldName('function')?.text ?? '';
    if (callee === 'range' || callee === 'np.arange' || callee === 'numpy.arange') return { ...scalar(), barIndex: true };
    if (/\.(iterrows|itertuples|items|iteritems)$/.test(callee) || callee === 'enumerate' || callee === 'zip') {
      const inner = call?.childForFieldName('arguments')?.namedChild(0);
      // for fold, (tr, te) in enumerate(cv.split(X)): the count, then the fold's index arrays.
      if (callee === 'enumerate' && inner?.type === 'call' && /\.split$/.test(inner.childForFieldName('function')?.text ?? '')) {
        this.expr(inner, act);
        return { ...scalar(), items: [scalar(), this.elementOf(inner, UNKNOWN, act)] };
      }
      const data = /\.(iterrows|itertuples|items|iteritems)$/.test(callee) ? iterable : inner ? this.expr(inner, act) : UNKNOWN;
      const row: Value = { ...data, kind: data.kind === 'bars' ? 'history' : data.kind, columns: data.columns };
      return { ...row, items: [{ ...scalar(), barIndex: true }, row] };
    }
    if (/\.index$/.test(right.text)) return { ...scalar(), barIndex: true };
    // for key, group in df.groupby(...): each group is a frame of the same bars.
    if (iterable.pending?.type === 'group') return { ...scalar(), items: [scalar(), { ...iterable, pending: undefined }] };
    // for train_idx, test_idx in splitter.split(X): the fold's two index arrays.
    if (call && /\.split$/.test(callee)) {
      const splitter = call.childForFieldName('function')?.childForFieldName('object');
      const splitBy = splitter ? this.expr(splitter, act).splitBy : undefined;
      return { ...scalar(), items: [{ ...scalar(), rowsIndex: 'train', splitBy }, { ...scalar(), rowsIndex: 'test', splitBy }] };
    }
    if (iterable.items) return joinAll(iterable.items);
    if (iterable.kind === 'bars') return { ...iterable, kind: 'history' };
    return iterable;
  }

  // ---- assignment --------------------------------------------------------------------------

  assign(node: SyntaxNode, act: Activation): Value {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (!right) return UNKNOWN; // a bare annotation
    let value = this.expr(right, act);
    // `out[i + 1] += v` reads and writes the same row: the container's value, not a read ahead.
    if (node.type === 'augmented_assignment' && left) value = join(left.type === 'subscript' ? this.expr(left.childForFieldName('value') ?? left, act) : this.expr(left, act), value);
    if (left) this.bind(left, value, act, node);
    return value;
  }

  bind(target: SyntaxNode, assigned: Value, act: Activation, statement: SyntaxNode): void {
    const value = act.live ? liveOnly(assigned) : assigned;
    const withPc = act.pc.sources.length || act.pc.data ? join(value, { ...act.pc, kind: 'scalar' }) : value;
    const step = (name: string) => through(withPc, { node: target, what: `stored in \`${name}\`` });
    switch (target.type) {
      case 'identifier':
        this.setName(target.text, rowsByName(target.text, step(target.text)), act, target);
        return;
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern':
      case 'tuple':
      case 'list': {
        const parts = target.namedChildren.filter((c): c is SyntaxNode => !!c);
        parts.forEach((part, i) => this.bind(part, value.items?.[i] ?? { ...value, items: undefined }, act, statement));
        return;
      }
      case 'attribute': {
        const object = target.childForFieldName('object');
        const attribute = target.childForFieldName('attribute')?.text ?? '';
        if (object?.text === 'self') {
          if (JESSE_ORDER_ATTRIBUTES.has(attribute) && act.className) this.sink(withPc, target, `the order \`self.${attribute}\``, act);
          this.setName(`self.${attribute}`, step(`self.${attribute}`), act);
          return;
        }
        // `df.columns = [...]` / `df.index = ...` relabel the frame; they are not columns.
        if (object?.type === 'identifier' && !/^(columns|index|name|names)$/.test(attribute)) {
          const frame = this.lookup(object.text, act);
          this.setName(object.text, withColumn(frame, attribute, step(`${object.text}.${attribute}`)), act);
        }
        return;
      }
      case 'subscript':
        return this.bindSubscript(target, withPc, act, step);
      default:
        return;
    }
  }

  private bindSubscript(target: SyntaxNode, value: Value, act: Activation, step: (name: string) => Value): void {
    let object = target.childForFieldName('value');
    const keys = target.childrenForFieldName('subscript').filter((k): k is SyntaxNode => !!k);
    let rowCondition: Value | undefined;
    let columnKey: SyntaxNode | undefined = keys[0];
    // df.loc[cond, "col"] = v / df.iloc[rows, col] = v / df.at[i, "col"] = v
    if (object?.type === 'attribute' && /^(loc|iloc|at|iat)$/.test(object.childForFieldName('attribute')?.text ?? '')) {
      object = object.childForFieldName('object');
      if (keys.length >= 2) {
        rowCondition = this.selector(keys[0], act);
        columnKey = keys[1];
      } else {
        rowCondition = keys[0] ? this.selector(keys[0], act) : undefined;
        columnKey = undefined;
      }
    }
    if (!object) return;
    const frameName = object.type === 'identifier' ? object.text : object.type === 'attribute' && object.childForFieldName('object')?.text === 'self' ? `self.${object.childForFieldName('attribute')?.text}` : undefined;
    const frame = frameName ? this.lookup(frameName, act) : this.expr(object, act);
    // Rows stored into a frame or array are aligned there: a window stops being one.
    let written = rowCondition ? join(value, { ...rowCondition, kind: 'scalar', columns: undefined, window: undefined }) : value;
    if (written.window) written = { ...written, window: undefined };
    // A value stored at row i + k (k may be negative) is seen k rows later (earlier) than it was computed.
    const rowKey = rowCondition ? keys[0] : columnKey && !columnNames(columnKey, this, act) ? columnKey : undefined;
    const stored = rowKey ? barOffset(rowKey, this, act) : undefined;
    if (typeof stored === 'number' && stored !== 0) written = storedAt(written, stored, target);
    const names = columnKey ? columnNames(columnKey, this, act) : undefined;
    // informative["date_merge"] = informative["date"] + pd.Timedelta(...): the frame's candles are
    // re-stamped at their close before the merge, as freqtrade's merge helper does.
    const frameNow = names?.some((n) => /date|time/i.test(n)) && /timedelta|Timedelta|DateOffset|to_offset|timeframe_to_/.test(target.parent?.childForFieldName('right')?.text ?? '') ? { ...frame, higherTimeframe: undefined, barMinutes: undefined } : frame;
    let next: Value;
    if (names && names.length) {
      next = frameNow;
      for (const name of names) {
        // df[["a", "b"]] = other[["a", "b"]].ffill(): each column takes its own part.
        const part = names.length > 1 && written.columns ? { ...column(written, name), decision: written.decision } : written;
        const combined = join(rowCondition || act.weak ? column(frame, name) : undefined, part);
        const marked = decidesUnder(name, combined) || FREQTRADE_SIGNAL_COLUMNS.has(name) ? { ...combined, decision: true } : combined;
        next = withColumn(next, name, through(marked, { node: target, what: `stored in column \`${name}\`` }));
        this.columnSink(name, combined, target, act);
      }
    } else if (columnKey && !rowCondition && isIndexKey(columnKey, this, act)) {
      // out[i] = v: an element of an array or a row of a series.
      const element = through(written, { node: target, what: `stored in \`${frameName ?? 'array'}\`` });
      next = join(frame, element);
      const bare = frameName?.replace(/^self\./, '') ?? '';
      if (decidesUnder(bare, element)) this.sink(element, target, `the decision \`${bare}\``, act);
    } else if (columnKey && this.selector(columnKey, act).data) {
      // pos[close < lower] = 1.0: a boolean mask chooses the rows; the result follows the mask.
      const masked = { ...join(written, this.selector(columnKey, act)), decision: true };
      next = { ...join(frame, masked), decision: true };
      const bare = frameName?.replace(/^self\./, '') ?? '';
      if (DECISION_NAME.test(bare)) this.sink(masked, target, `the decision \`${bare}\``, act);
    } else {
      // A dynamic column name or a positional block (`df.iloc[:, 6:] = ...`): any column, tracked
      // or not, may now hold the value.
      const anywhere = uncertain(written);
      const columns = frame.columns && new Map([...frame.columns].map(([c, v]) => [c, join(v, { ...anywhere, columns: undefined })]));
      next = { ...join(frame, anywhere), columns };
    }
    if (frameName) this.setName(frameName, next, act);
  }

  /** The rows a write selects: `df.index[peaks]` is chosen by `peaks`, whatever the index holds. */
  private selector(node: SyntaxNode, act: Activation): Value {
    const value = this.expr(node, act);
    if (node.type !== 'subscript') return value;
    return join(value, ...node.childrenForFieldName('subscript').filter((k): k is SyntaxNode => !!k).map((k) => this.expr(k, act)));
  }

  private columnSink(name: string, value: Value, target: SyntaxNode, act: Activation): void {
    if (FREQTRADE_SIGNAL_COLUMNS.has(name)) this.sink(value, target, `the signal column \`${name}\``, act);
    else if (name.startsWith('%')) this.sink(value, target, `the FreqAI feature \`${name}\``, act);
    else if (decidesUnder(name, value)) this.sink(value, target, `the decision column \`${name}\``, act);
  }

  /** Binds a name (an assignment, or a mutation such as `model.fit(X)` or `df["x"] = ...`); `at`: the assignment target, for decision sinks. */
  setName(name: string, assigned: Value, act: Activation, at?: SyntaxNode): void {
    // Live-only code may not run at all in a backtest: what was there survives, joined with a mark.
    const live = act.live ? liveOnly(assigned) : assigned;
    const value = decidesUnder(name.replace(/^self\./, ''), live) ? { ...live, decision: true } : live;
    // Live-only code keeps what was there joined in; elsewhere a branch's journal joins on the way out.
    const weak = act.live;
    act.trace?.written.add(name);
    if (name.startsWith('self.')) {
      const old = act.self?.get(name.slice(5));
      this.journal(name, old, act);
      act.self?.set(name.slice(5), weak && old ? either(old, value) : value);
      return;
    }
    const old = act.env.get(name) ?? (act.live ? this.module.get(name) : undefined);
    this.journal(name, act.env.get(name), act);
    act.env.set(name, weak && old ? either(old, value) : value);
    // A name says it holds decisions; a whole frame under that name (`buy_signal = df.loc[...]`) is data.
    if (at && decidesUnder(name, assigned) && !value.columns) this.sink(value, at, `the decision \`${name}\``, act);
  }

  lookup(name: string, act: Activation): Value {
    act.trace?.statementReads?.add(name);
    if (name.startsWith('self.')) return act.self?.get(name.slice(5)) ?? UNKNOWN;
    return act.env.get(name) ?? this.module.get(name) ?? (this.functions.has(name) ? { ...scalar(), callable: this.functions.get(name) } : UNKNOWN);
  }

  // ---- expressions -------------------------------------------------------------------------

  /** Nesting depth of the expression or statement being evaluated (5,000 nested parentheses must not overflow). */
  private nesting = 0;

  /**
   * Values of the expressions evaluated in the statement being analysed. Helpers look at a key or
   * an argument more than once (its column names, its bar offset, its value); within one statement
   * the answer cannot change, and tree-sitter node access is the costly part of the analysis.
   */
  private statementValues = new Map<number, Value>();

  expr(node: SyntaxNode, act: Activation): Value {
    const known = this.statementValues.get(node.id);
    if (known) return known;
    if (this.nesting > MAX_NESTING) return UNKNOWN;
    this.nesting++;
    try {
      const value = this.exprInner(node, act);
      this.statementValues.set(node.id, value);
      return value;
    } finally {
      this.nesting--;
    }
  }

  private exprInner(node: SyntaxNode, act: Activation): Value {
    switch (node.type) {
      case 'identifier':
        return this.lookup(node.text, act);
      case 'integer':
      case 'float': {
        const n = Number(node.text.replace(/_/g, ''));
        return scalar(Number.isInteger(n) ? n : undefined);
      }
      case 'unary_operator': {
        const arg = node.childForFieldName('argument');
        const v = arg ? this.expr(arg, act) : scalar();
        const op = node.child(0)?.text;
        // `~is_train`: the other part of a time cut.
        if (op === '~' && v.rowsIndex) return { ...v, rowsIndex: v.rowsIndex === 'train' ? 'test' : 'train' };
        return v.constant !== undefined && op === '-' ? { ...v, constant: -v.constant } : v;
      }
      case 'string': {
        const text = stringValue(node) ?? fStringPattern(node);
        return text === undefined ? scalar() : { ...scalar(), strings: [text] };
      }
      case 'concatenated_string':
      case 'true':
      case 'false':
      case 'none':
      case 'ellipsis':
        return scalar();
      case 'parenthesized_expression':
      case 'await':
        return node.namedChild(0) ? this.expr(node.namedChild(0)!, act) : scalar();
      case 'assignment':
      case 'augmented_assignment':
        return this.assign(node, act);
      case 'named_expression': {
        const value = node.childForFieldName('value');
        const v = value ? this.expr(value, act) : UNKNOWN;
        const name = node.childForFieldName('name');
        if (name) this.setName(name.text, v, act);
        return v;
      }
      case 'binary_operator':
        return this.binary(node, act);
      case 'comparison_operator':
      case 'boolean_operator':
      case 'not_operator':
      case 'conditional_expression': {
        const parts = node.namedChildren.filter((c): c is SyntaxNode => !!c).map((c) => this.expr(c, act));
        const v = joinAll(parts);
        const out: Value = { ...v, returnEnd: undefined, columns: undefined, constant: undefined, decision: node.type !== 'conditional_expression' || v.decision };
        // `df["price"].max() > 1_000_000`: a predicate about the whole data set, compared with no row's value.
        // `is_train = df.index < "2022-07-01"`: a mask that keeps one part of a time cut.
        const cut = node.type === 'comparison_operator' && node.namedChild(0) ? rowsOfTimeFilter(node, parts[0], parts[1]) : undefined;
        if (cut) out.rowsIndex = cut;
        const wholeSampleStatistic = (p: Value) => p.kind === 'scalar' && !p.barValue && p.sources.length > 0 && p.sources.every((s) => s.code === 'SL203');
        const aboutWholeSample = node.type === 'comparison_operator' && parts.some(wholeSampleStatistic) && parts.every((p) => wholeSampleStatistic(p) || (!p.data && !p.sources.length));
        // `"price" in df.columns and df["price"].max() > 1e6`: still a predicate about the whole data set.
        const combined = node.type !== 'comparison_operator' && node.type !== 'conditional_expression' && parts.some((p) => p.wholeSamplePredicate) && parts.every((p) => p.wholeSamplePredicate || (!p.data && !p.sources.length));
        return aboutWholeSample || combined ? { ...out, wholeSamplePredicate: true } : out;
      }
      case 'list':
      case 'tuple':
      case 'set':
      case 'expression_list': {
        const elements = node.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
        const values = elements.map((e) => this.expr(e, act));
        const strings = elements.every((e) => e.type === 'string') ? elements.map((e) => stringValue(e) ?? '') : undefined;
        const joined = joinAll(values);
        const kind = values.length && values.every((v) => v.kind === 'scalar' || v.kind === 'params') ? 'params' : joined.kind;
        // Elements are kept for unpacking (`a, b = f()`), not for a data literal of thousands of items.
        return { ...joined, kind, items: values.length <= 1000 ? values : undefined, strings, columns: undefined };
      }
      case 'dictionary': {
        let out: Value = { ...scalar(), kind: 'params' };
        for (const entry of dictEntries(node)) out = withColumn(out, entry.key, this.expr(entry.value, act));
        return { ...out, kind: [...(out.columns?.values() ?? [])].some((v) => v.data) ? 'bars' : 'params', data: [...(out.columns?.values() ?? [])].some((v) => v.data) };
      }
      case 'attribute':
        return this.attribute(node, act);
      case 'subscript':
        return subscript(this, node, act);
      case 'call':
        return this.call(node, act);
      case 'lambda': {
        // A factory without parameters (`lambda: TradingEnv(df)`) stands for what it builds; a callback is not a value.
        const body = node.childForFieldName('body');
        if (node.childForFieldName('parameters') || !body) return scalar();
        const built = this.expr(body, act);
        return { ...scalar(), data: built.data, rows: built.rows, seenBy: built.seenBy, instance: built.instance, origins: built.origins };
      }
      case 'pair': {
        // {name: series for ...}: the values.
        const value = node.childForFieldName('value');
        return value ? this.expr(value, act) : UNKNOWN;
      }
      case 'list_comprehension':
      case 'generator_expression':
      case 'set_comprehension':
      case 'dictionary_comprehension':
        return this.comprehension(node, act);
      default:
        return UNKNOWN;
    }
  }

  private binary(node: SyntaxNode, act: Activation): Value {
    const leftNode = node.childForFieldName('left');
    const rightNode = node.childForFieldName('right');
    const op = node.childForFieldName('operator')?.text ?? '';
    const left = leftNode ? this.expr(leftNode, act) : scalar();
    const right = rightNode ? this.expr(rightNode, act) : scalar();
    let v = join(left, right);
    v = { ...v, columns: undefined, items: undefined, returnEnd: undefined, constant: undefined };
    if (left.constant !== undefined && right.constant !== undefined) {
      const c = op === '+' ? left.constant + right.constant : op === '-' ? left.constant - right.constant : op === '*' ? left.constant * right.constant : undefined;
      if (c !== undefined && Number.isInteger(c)) v.constant = c;
    }
    if (left.barIndex || right.barIndex) v.barIndex = true;
    // `informative["date"] + pd.to_timedelta(60, "m")`: a time key moved later.
    if (op === '+' && /date|time|stamp/i.test(left.seriesName ?? '') && rightNode && /timedelta|Timedelta|DateOffset|offsets\./.test(rightNode.text)) v = { ...v, timeShifted: true, seriesName: left.seriesName };
    if (op === '-' && left.timeShifted) v = { ...v, timeShifted: true, seriesName: left.seriesName };
    // ["rsi", "atr"] + extra_features: a longer list of column names.
    if (op === '+' && left.strings && right.strings && left.kind === 'params' && right.kind === 'params') {
      v = { ...v, kind: 'params', strings: [...left.strings, ...right.strings], items: left.items && right.items ? [...left.items, ...right.items] : undefined };
    }
    // ["ret_1", "vol"] + list(dummies.columns): those names and the other frame's columns.
    if (op === '+' && ((left.strings && right.columnSelection) || (right.strings && left.columnSelection))) {
      const named = left.strings ?? right.strings!;
      const selection = (left.columnSelection ?? right.columnSelection)!;
      v = { ...v, kind: 'params', strings: named, extraColumns: selection };
    }
    // A window combined with its own statistics (`(w - w.min()) / w.std()`) stays a window, timed at its end.
    const window = left.window ?? right.window;
    if (window) v = { ...v, window, sources: v.sources.filter((s) => !(s.code === 'SL208' && s.node.id === window.node.id)) };
    // Returns: p / p.shift(k) - 1, p - p.shift(k), log of either; a return keeps its end through arithmetic.
    if ((op === '/' || op === '-') && left.data && right.data && right.lead < left.lead && left.returnEnd === undefined) v.returnEnd = left.lead;
    else if (left.returnEnd !== undefined && (!right.data || op === '/') && right.returnEnd === undefined) v.returnEnd = left.returnEnd;
    else if (right.returnEnd !== undefined && !left.data && op !== '/') v.returnEnd = right.returnEnd;
    if (op === '*' && leftNode && rightNode) v = this.sameBarReturn(node, leftNode, left, rightNode, right, v, act);
    return v;
  }

  /** `position * returns` where the position was decided on the bar the return ends on. */
  private sameBarReturn(node: SyntaxNode, leftNode: SyntaxNode, left: Value, rightNode: SyntaxNode, right: Value, v: Value, act: Activation): Value {
    const pairs: [SyntaxNode, Value, Value][] = [[leftNode, left, right], [rightNode, right, left]];
    for (const [positionNode, position, ret] of pairs) {
      if (ret.returnEnd === undefined || position.returnEnd !== undefined || !position.data || !position.decision) continue;
      // A position that reads ahead through a leak is that leak's finding, reported where it earns the return.
      if (liveSources(position).length) {
        this.sink(position, positionNode, 'the strategy return', act);
        continue;
      }
      if (position.kind !== 'bars' && position.kind !== 'slice') continue;
      // The position's own timing: a lead it inherited from a leak is that leak's finding, not this one.
      const decided = position.lead;
      if (decided < ret.returnEnd || !Number.isFinite(decided)) continue;
      const source: Source = {
        code: 'SL218',
        node,
        lead: 1,
        what: `\`${positionNode.text.length <= 40 ? positionNode.text : 'the position'}\` multiplies the return of the bar it was decided on`,
        chain: [],
        uncertain: false,
      };
      const key = `SL218:${node.id}`;
      if (!this.leaks.has(key)) this.leaks.set(key, { source, sink: { node: positionNode, what: 'the strategy return' }, certain: !act.uncalled && !position.uncertain });
      return v;
    }
    return v;
  }

  private comprehension(node: SyntaxNode, act: Activation): Value {
    const clause = node.namedChildren.find((c) => c?.type === 'for_in_clause');
    const right = clause?.childForFieldName('right');
    const left = clause?.childForFieldName('left');
    // [c for c in df.columns if c not in [...]] selects columns by name.
    const body0 = node.namedChildren.find((c) => c && c.type !== 'for_in_clause' && c.type !== 'if_clause' && c.type !== 'comment');
    if (right?.type === 'attribute' && right.childForFieldName('attribute')?.text === 'columns' && body0?.text === clause?.childForFieldName('left')?.text) {
      const frame = this.expr(right.childForFieldName('object')!, act);
      const loopName = clause?.childForFieldName('left')?.text ?? '';
      const tests = node.namedChildren.filter((c) => c?.type === 'if_clause').map((c) => c!.namedChild(0) && columnTest(c!.namedChild(0)!, loopName, (n) => this.expr(n, act)));
      const known = tests.filter((t): t is ColumnTest => !!t);
      return { ...scalar(), kind: 'params', columnSelection: { frame, keep: (c) => known.every((t) => t(c)) } };
    }
    const iterable = right ? this.expr(right, act) : UNKNOWN;
    const element = this.elementOf(right ?? null, iterable, act);
    if (left) this.bind(left, element, act, node);
    const body = node.childForFieldName('body');
    const v = body ? this.expr(body, act) : UNKNOWN;
    // The body already holds what it took from each element; [f"ret_lag_{k}" ...] names columns by a pattern.
    return { ...v, items: undefined, strings: v.strings, kind: v.strings ? 'params' : v.kind };
  }

  private attribute(node: SyntaxNode, act: Activation): Value {
    const object = node.childForFieldName('object');
    const name = node.childForFieldName('attribute')?.text ?? '';
    if (!object) return UNKNOWN;
    if (object.text === 'self') {
      const property = act.className ? this.methodOf(act.className, name) : undefined;
      if (property && isProperty(property)) return this.runFunction(property, new Map(), { depth: act.depth + 1, self: act.self, className: act.className, perBar: act.perBar, uncalled: act.uncalled, live: act.live });
      act.trace?.statementReads?.add(`self.${name}`);
      const own = act.self?.get(name);
      if (isBacktestingStrategy(this.index, act.className)) {
        if (!own && name === 'data') return backtestingData(act, this.index);
        // Indicators computed in init() are revealed bar by bar: in next() they end at the current bar.
        if (own?.kind === 'bars' && act.perBar) return { ...own, kind: 'history', endsAtCurrentBar: true };
      }
      return own ?? UNKNOWN;
    }
    if (this.feeds && /^self\.(data\d*|datas\[\d+\])$/.test(object.text)) return { ...column(this.feeds, name), kind: 'history' };
    const receiver = this.expr(object, act);
    if (receiver.kind === 'model') {
      const estimate = fittedAttribute(receiver, name, node);
      if (estimate) return estimate;
    }
    switch (name) {
      case 'values':
        return { ...receiver, positional: true };
      case 'index':
        // The row labels (timestamps): known in advance, whatever the frame's values read.
        return { ...valueOf(receiver.kind, 0, [], receiver.data), rows: receiver.rows, seriesName: 'index', descending: receiver.descending, barMinutes: receiver.barMinutes, seenBy: receiver.seenBy };
      case 'loc':
      case 'iloc':
      case 'at':
      case 'iat':
      case 'T':
      case 'str':
      case 'dt':
      case 'ta':
      case 'array':
        return receiver;
      case 'columns':
        return { ...scalar(), kind: 'params', columnSelection: { frame: receiver, keep: () => true } };
      case 'shape':
      case 'size':
      case 'dtype':
      case 'dtypes':
      case 'empty':
      case 'ndim':
        return scalar();
      default:
        if (receiver.kind === 'bars' || receiver.kind === 'history' || receiver.kind === 'slice' || receiver.columns) return column(receiver, name);
        return receiver;
    }
  }

  call(node: SyntaxNode, act: Activation): Value {
    return evalCall(this, node, act);
  }
}

// ---- helpers -------------------------------------------------------------------------------

interface DefinitionTables {
  functions: Map<string, SyntaxNode>;
  methods: Map<string, Map<string, SyntaxNode>>;
  /** The bases of the first class of each name. */
  classBases: Map<string, string[]>;
}

const tablesOfIndex = new WeakMap<SyntaxIndex, DefinitionTables>();

/** The file's definitions by name, built once per index (a file analysed in units has one interpreter per unit). */
function definitionTables(index: SyntaxIndex): DefinitionTables {
  let tables = tablesOfIndex.get(index);
  if (tables) return tables;
  tables = { functions: new Map(), methods: new Map(), classBases: new Map() };
  for (const fn of index.functions) {
    if (fn.className) {
      const table = tables.methods.get(fn.className) ?? new Map<string, SyntaxNode>();
      if (!table.has(fn.name)) table.set(fn.name, fn.node);
      tables.methods.set(fn.className, table);
    } else if (!tables.functions.has(fn.name)) {
      const statement = fn.node.parent?.type === 'decorated_definition' ? fn.node.parent : fn.node;
      if (isTopLevel(statement)) tables.functions.set(fn.name, fn.node);
    }
  }
  for (const cls of index.classes) if (!tables.classBases.has(cls.name)) tables.classBases.set(cls.name, cls.bases);
  tablesOfIndex.set(index, tables);
  return tables;
}

/** What live-only code stores: marked, and without leads (in a backtest the store never happens). */
function liveOnly(v: Value): Value {
  const columns = v.columns && new Map([...v.columns].map(([c, cv]) => [c, liveOnly(cv)]));
  return { ...v, sources: [], liveOnly: true, columns };
}

/**
 * A condition that, in a backtest, only ever sees defaults: it reads state set in live-only code
 * (`trade_data["active_trade"]` filled from open trades under a runmode guard) and no market data.
 */
function dependsOnLiveState(condition: Value): boolean {
  return !!condition.liveOnly && !condition.data && liveSources(condition).length === 0;
}

function signature(v: Value): string {
  const sources = v.sources.map((s) => `${s.code}${s.node.id}:${s.lead}${s.uncertain ? '?' : ''}`).join(',');
  const columns = v.columns ? [...v.columns].map(([c, cv]) => `${c}=${cv.lead}/${cv.sources.map((s) => `${s.node.id}:${s.lead}`).join('+')}`).join(',') : '';
  const rows = `${v.rows ?? ''}${v.rowsIndex ?? ''}/${v.seenBy?.map((n) => n.id).join('+') ?? ''}/${v.fitOnAll?.id ?? ''}`;
  return `${v.kind}/${v.lead}/${v.data ? 'd' : ''}/${v.returnEnd ?? ''}/${v.constant ?? ''}/${sources}/${columns}/${v.items?.length ?? ''}/${rows}`;
}

/** What a function returns from several `return`s: tuples of one length joined element by element (`return X, y`). */
function joinReturns(returns: Value[]): Value {
  const joined = joinAll(returns);
  const width = returns[0].items?.length;
  if (!width || !returns.every((r) => r.items?.length === width)) return joined;
  return { ...joined, items: returns[0].items!.map((_, i) => joinAll(returns.map((r) => r.items![i]))) };
}

/**
 * A value stored under a decision's name decides. "Signal" is also signal processing
 * (`copy_signal = np.copy(prices)`) and an indicator line (`macd_signal`): under that word only a
 * comparison, a `np.where` / `np.sign` of one, or a value computed under a condition decides.
 */
function decidesUnder(name: string, value: Value): boolean {
  if (!DECISION_NAME.test(name)) return false;
  return !/signal/i.test(name) || !!value.decision;
}
