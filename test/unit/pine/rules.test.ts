// Pine rules and the shared rules fed by Pine facts: what each reports, at which severity, and
// what its fix produces.
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/engine/fixes/apply';
import { ignoreInFileEdit, ignoreOnLineEdit } from '../../../server/src/engine/fixes/suppression-edits';
import { lintPython, type LintConfig } from '../../../server/src/engine/lint';
import { LineIndex } from '../../../server/src/engine/text';
import type { Finding } from '../../../server/src/engine/types';

const pine = (...lines: string[]) => lines.join('\n') + '\n';

function lint(text: string, rule: string, config: Omit<LintConfig, 'select'> = {}): Finding[] {
  return lintPython({ path: 'script.pine', text, config: { ...config, select: [rule] } }).findings;
}

function fixed(text: string, finding: Finding): string {
  assert.ok(finding.fix, `no fix on ${finding.rule}`);
  return applyEdits(text, new LineIndex(text), finding.fix!.edits);
}

const HEAD = ['//@version=5', 'strategy("Test", overlay=true, commission_type=strategy.commission.percent, commission_value=0.1)'];

describe('pine-security-lookahead (SL250)', () => {
  it('is an error for a current-bar value on a daily timeframe with lookahead_on, and fixes it with [1]', () => {
    const text = pine(...HEAD, 'd = request.security(syminfo.tickerid, "D", close, lookahead=barmerge.lookahead_on)', 'if close > d', '    strategy.entry("L", strategy.long)');
    const [f] = lint(text, 'SL250');
    assert.equal(f.severity, 'error');
    assert.equal(f.range.start.line, 2);
    assert.match(fixed(text, f), /"D", close\[1\], lookahead=barmerge\.lookahead_on\)/);
  });

  it('follows variables, input.timeframe defaults and user functions; tuples are shifted element by element', () => {
    const text = pine(
      ...HEAD,
      'tf = input.timeframe("W", "Trend timeframe")',
      'trend() => ta.ema(close, 20)',
      '[h, l] = request.security(syminfo.tickerid, tf, [high, low], lookahead=barmerge.lookahead_on)',
      'e = request.security(syminfo.tickerid, tf, trend(), lookahead = barmerge.lookahead_on)',
      'plot(h - l + e)',
    );
    const found = lint(text, 'SL250');
    assert.deepEqual(found.map((f) => f.severity), ['error', 'error']);
    assert.match(fixed(text, found[0]), /\[high\[1\], low\[1\]\]/);
    assert.match(fixed(text, found[1]), /trend\(\)\[1\]/);
  });

  it('is silent for closed bars, values known at the open, the chart timeframe and lookahead_off', () => {
    const text = pine(
      ...HEAD,
      'a = request.security(syminfo.tickerid, "D", close[1], lookahead=barmerge.lookahead_on)',
      'b = request.security(syminfo.tickerid, "D", ta.sma(close, 20)[1], lookahead=barmerge.lookahead_on)',
      'c = request.security(syminfo.tickerid, "D", open, lookahead=barmerge.lookahead_on)',
      'd = request.security(syminfo.tickerid, timeframe.period, close, lookahead=barmerge.lookahead_on)',
      'prev = close[1]',
      'e = request.security(syminfo.tickerid, "D", prev, lookahead=barmerge.lookahead_on)',
      'f = request.security(syminfo.tickerid, "D", close, lookahead=barmerge.lookahead_off)',
      'plot(a + b + c + d + e + f)',
    );
    assert.deepEqual(lint(text, 'SL250'), []);
  });

  it('knows built-ins that read the current bar themselves, and does not claim proof through multi-line functions', () => {
    const text = pine(
      ...HEAD,
      'atrD = request.security(syminfo.tickerid, "D", ta.atr(14), lookahead=barmerge.lookahead_on)',
      'score() =>',
      '    s = ta.rsi(close, 14)',
      '    s > 50 ? 1 : -1',
      'sc = request.security(syminfo.tickerid, "D", score(), lookahead=barmerge.lookahead_on)',
      'closeD = request.security(syminfo.tickerid, "D", time_close, lookahead=barmerge.lookahead_on)',
      'snapshot() =>',
      '    float fast = ta.ema(close, 20)',
      '    [close[1], fast[1]]',
      '[c1, f1] = request.security(syminfo.tickerid, "D", snapshot(), lookahead=barmerge.lookahead_on)',
      'plot(atrD + sc + closeD + c1 + f1)',
    );
    assert.deepEqual(lint(text, 'SL250').map((f) => [f.range.start.line + 1, f.severity]), [[3, 'error'], [7, 'warning']]);
  });

  it('is a warning when the timeframe is minutes or unknown', () => {
    const text = pine(...HEAD, 'x = request.security(syminfo.tickerid, "240", close, lookahead=barmerge.lookahead_on)', 'y = request.security(syminfo.tickerid, myTf, close, lookahead=barmerge.lookahead_on)', 'plot(x + y)');
    assert.deepEqual(lint(text, 'SL250').map((f) => f.severity), ['warning', 'warning']);
  });
});

describe('pine-security-repaint (SL251)', () => {
  it('warns when a developing higher-timeframe value decides orders, informs when it is only plotted', () => {
    const text = pine(
      ...HEAD,
      'w = request.security(syminfo.tickerid, "W", ta.ema(close, 20))',
      'p = request.security(syminfo.tickerid, "D", close)',
      'if close > w',
      '    strategy.entry("L", strategy.long)',
      'plot(p)',
    );
    const found = lint(text, 'SL251');
    assert.deepEqual(found.map((f) => [f.range.start.line, f.severity]), [[2, 'warning'], [3, 'info']]);
    assert.match(fixed(text, found[0]), /ta\.ema\(close, 20\)\[1\], lookahead=barmerge\.lookahead_on\)/);
  });
});

describe('pine-realtime-repaint (SL252)', () => {
  it('grades by whether the value decides an order, one finding per kind', () => {
    const text = pine(
      '//@version=5',
      'strategy("T", calc_on_every_tick=true, process_orders_on_close=true, commission_value=0.1)',
      'varip int ticks = 0',
      'ticks += 1',
      'live = barstate.isrealtime',
      'if ticks > 3 and live',
      '    strategy.entry("L", strategy.long)',
      'if barstate.islast',
      '    label.new(bar_index, high, "last")',
      'plot(timenow - time)',
      'plot(timenow)',
    );
    const found = lint(text, 'SL252');
    const byLine = found.map((f) => [f.range.start.line + 1, f.severity, f.message.split(' ')[0]]);
    assert.deepEqual(byLine, [
      [2, 'warning', '`calc_on_every_tick=true`'],
      [2, 'info', '`process_orders_on_close=true`'],
      [3, 'warning', '`varip`'],
      [5, 'warning', '`barstate.isrealtime`'],
      [10, 'info', '`timenow`'],
    ]);
    assert.match(found[4].message, /1 more use/);
  });
});

describe('pine-negative-plot-offset (SL253)', () => {
  it('informs on drawings a strategy shifts to the left, and leaves scripts without orders alone', () => {
    const strategyText = pine(
      ...HEAD,
      'shift = 26',
      'ph = ta.pivothigh(high, 5, 5)',
      'if not na(ph)',
      '    strategy.entry("S", strategy.short)',
      'plotshape(not na(ph), offset=-5)',
      'plot(close, offset=-shift + 1)',
      'plot(close, offset=2)',
    );
    assert.deepEqual(lint(strategyText, 'SL253').map((f) => [f.range.start.line + 1, f.severity]), [[7, 'info'], [8, 'info']]);
    const indicatorText = pine('//@version=5', 'indicator("Pivots", overlay=true)', 'ph = ta.pivothigh(high, 5, 5)', 'plotshape(not na(ph), offset=-5)');
    assert.deepEqual(lint(indicatorText, 'SL253'), []);
  });
});

describe('pine-max-bars-back (SL350)', () => {
  it('reports a buffer shorter than the longest literal look-back', () => {
    const text = pine('//@version=5', 'strategy("T", max_bars_back=100, commission_value=0.1)', 'len = input.int(200, "Trend")', 'trend = ta.sma(close, len)', 'x = close[50]');
    const [f] = lint(text, 'SL350');
    assert.match(f.message, /max_bars_back 100 .* 200-bar look-back of `ta\.sma/);
    assert.deepEqual(lint(pine('//@version=5', 'strategy("T", max_bars_back=500)', 'trend = ta.sma(close, 200)'), 'SL350'), []);
  });
});

describe('shared rules on Pine facts', () => {
  const inputs = pine(
    '//@version=6',
    'strategy("Tuned", commission_value=0.05)',
    'fast = input.int(9, "Fast", minval=2, maxval=50, step=1)',
    'slow = input.int(21, "Slow", minval=10, maxval=200, step=5)',
    'mode = input.string("EMA", "Average", options=["EMA", "SMA", "WMA"])',
    'stopPct = input.float(1.2734, "Stop %")',
    'useFilter = input.bool(true, "Trend filter")',
    'showLabels = input.bool(true, "Show labels")',
    'lineColor = input.color(color.blue, "Line colour")',
    'hook = input.string("{}", "Webhook message")',
    'unused = input.int(3, "Not used")',
    'ma(src, len) => mode == "EMA" ? ta.ema(src, len) : ta.sma(src, len)',
    'long = ta.crossover(ma(close, fast), ma(close, slow)) and (not useFilter or close > ta.sma(close, 200))',
    'if long',
    '    strategy.entry("L", strategy.long, alert_message=hook)',
    '    strategy.exit("X", "L", stop=close * (1 - stopPct / 100))',
    'if showLabels',
    '    label.new(bar_index, high, "L", color=lineColor)',
  );

  it('counts the inputs that decide orders as tuned parameters (too-many-parameters)', () => {
    const [f] = lint(inputs, 'SL101', { options: { 'too-many-parameters': { 'max-parameters': 4 } } });
    assert.match(f.message, /Tuned tunes 5 parameters/);
    assert.equal(f.range.start.line, 1);
  });

  it('counts numbers typed into order conditions once each, not case picks or schedules', () => {
    const text = pine(
      '//@version=5',
      'strategy("Typed", commission_value=0.1)',
      'rsi = ta.rsi(close, 14)',
      'mode = 2',
      'if rsi < 28 and ta.crossover(rsi, 31.5) and mode == 2 and bar_index > 200 and hour >= 9',
      '    strategy.entry("L", strategy.long)',
      'if rsi < 28 or rsi > 72',
      '    strategy.close("L")',
      'plot(rsi > 50 ? 1 : 0)',
    );
    const [f] = lint(text, 'SL101', { options: { 'too-many-parameters': { 'max-parameters': 2 } } });
    assert.match(f.message, /tunes 3 parameters \(3 distinct hidden thresholds in conditions\)/);
  });

  it('multiplies bounded inputs into the search space (wide-search-space)', () => {
    const [f] = lint(inputs, 'SL103');
    // fast 49 values, slow 39, mode 3, useFilter 2.
    assert.match(f.message, /11,466 combinations/);
  });

  it('reads over-precise defaults (overprecise-parameter)', () => {
    const [f] = lint(inputs, 'SL102');
    assert.match(f.message, /stopPct/);
  });

  it('reports strategy() without commission and adds a percentage commission', () => {
    const text = pine('//@version=5', 'strategy("No costs", overlay=true)', 'strategy.entry("L", strategy.long)');
    const [f] = lint(text, 'SL502');
    assert.equal(f.range.start.line, 1);
    assert.match(fixed(text, f), /strategy\("No costs", overlay=true, commission_type=strategy\.commission\.percent, commission_value=0\.1\)/);
  });

  it('reports zero commission and zero slippage, and replaces a zero percentage', () => {
    const text = pine('//@version=5', 'strategy("Zero", commission_value=0, slippage=0)');
    const found = lint(text, 'SL501');
    assert.equal(found.length, 2);
    assert.match(fixed(text, found[0]), /commission_value=0\.1,/);
    assert.equal(found[1].fix, undefined, 'slippage is in ticks: no rate fix');
  });

  it('says nothing about costs or parameters of an indicator', () => {
    const text = pine('//@version=5', 'indicator("RSI")', 'len = input.int(14, minval=1, maxval=100, step=1)', 'plot(ta.rsi(close, len))');
    assert.deepEqual(lintPython({ path: 'ind.pine', text }).findings.filter((f) => /^SL[15]/.test(f.code)), []);
  });

  it('honours // strategy-lint: ignore comments', () => {
    const text = pine('//@version=5', 'strategy("No costs") // strategy-lint: ignore[SL502]');
    assert.deepEqual(lint(text, 'SL502'), []);
  });
});

describe('suppression edits in Pine', () => {
  it('write // comments, after the //@version annotation for a file-wide one', () => {
    const text = pine('//@version=5', 'strategy("No costs")', 'x = "a string"');
    const output = lintPython({ path: 'script.pine', text });
    const line = ignoreOnLineEdit('SL502', 1, output.lines, output.index, output.directives)!;
    assert.equal(line.newText, '  // strategy-lint: ignore[SL502]');
    const file = ignoreInFileEdit('SL502', output.lines, output.directives)!;
    assert.deepEqual([file.range.start.line, file.newText], [1, '// strategy-lint: ignore-file[SL502]\n']);
    assert.ok(ignoreOnLineEdit('SL502', 2, output.lines, output.index, output.directives));
  });
});

describe('request.security values shown only on the last bar', () => {
  it('are left alone by SL250 and SL251, through variables and arrays', () => {
    const text = pine(
      '//@version=6',
      'indicator("Breadth table")',
      '[c0, o0] = request.security("AAPL", "D", [close, open], lookahead = barmerge.lookahead_on)',
      '[c1, o1] = request.security("MSFT", "D", [close, open])',
      'closes = array.from(c0, c1)',
      'var table t = table.new(position.top_right, 2, 2)',
      'if barstate.islast',
      '    table.cell(t, 0, 0, str.tostring(array.avg(closes)))',
      'h = request.security("SPY", "D", high, lookahead = barmerge.lookahead_on)',
      'plot(h)',
    );
    assert.deepEqual(lint(text, 'SL250').map((f) => f.range.start.line + 1), [9]);
    assert.deepEqual(lint(text, 'SL251'), []);
  });
});
