import assert from 'node:assert/strict';
import { activeGlossary, loadGlossary, setActiveGlossary } from '../../../server/src/engine/glossary/glossary';
import { createMatcher, matchIdentifier, matchPhrase, matchResultKey } from '../../../server/src/engine/glossary/match';

describe('glossary matchIdentifier', () => {
  before(() => setActiveGlossary(undefined));

  const positive: [string, string][] = [
    ['sharpe_ratio', 'sharpe-ratio'],
    ['sharpe', 'sharpe-ratio'],
    ['sharpeRatio', 'sharpe-ratio'],
    ['sharpe_ratio_annual', 'sharpe-ratio'],
    ['oos', 'out-of-sample'],
    ['OOS', 'out-of-sample'],
    ['oos_start', 'out-of-sample'],
    ['outOfSample', 'out-of-sample'],
    ['out_of_sample_end', 'out-of-sample'],
    ['TimeSeriesSplit', 'time-series-split'],
    ['l1_ratio', 'l1-lasso-penalty'],
    ['Lasso', 'l1-lasso-penalty'],
    ['LassoCV', 'l1-lasso-penalty'],
    ['Ridge', 'ridge-regression'],
    ['RidgeCV', 'ridge-regression'],
    ['ElasticNetCV', 'elastic-net'],
    ['walk_forward_window', 'walk-forward-analysis'],
    ['walkForwardWindow', 'walk-forward-analysis'],
    ['walkforward', 'walk-forward-analysis'],
    ['max_drawdown', 'drawdown'],
    ['max_drawdown_account', 'drawdown'],
    ['profit_factor', 'profit-factor'],
    ['PurgedKFold', 'purged-k-fold'],
    ['KFold', 'cross-validation'],
    ['cross_val_score', 'cross-validation'],
    ['cv', 'cross-validation'],
    ['GridSearchCV', 'hyperparameter-optimization'],
    ['IntParameter', 'hyperparameter-optimization'],
    ['hyperopt_loss', 'hyperparameter-optimization'],
    ['startup_candle_count', 'warmup-period'],
    ['SetWarmUp', 'warmup-period'],
    ['is_warming_up', 'warmup-period'],
    ['lookback', 'data-windowing'],
    ['lookback_period', 'data-windowing'],
    ['window', 'data-windowing'],
    ['fee', 'trading-costs'],
    ['commission', 'trading-costs'],
    ['SetFeeModel', 'trading-costs'],
    ['slippage', 'slippage'],
    ['ConstantSlippageModel', 'slippage'],
    ['margin_mode', 'margin-model-architectures'],
    ['portfolio_margin', 'portfolio-margin-model'],
    ['n_trials', 'trial-count'],
    ['total_trades', 'sample-size'],
    ['test_size', 'holdout'],
    ['train_test_split', 'holdout'],
    ['risk_free_rate', 'risk-free-rate'],
    ['probabilisticSharpeRatio', 'probabilistic-sharpe-ratio'],
    ['deflated_sharpe', 'deflated-sharpe-ratio'],
    ['min_trl', 'minimum-track-record-length'],
    ['MinBTL', 'minimum-backtest-length'],
    ['pbo', 'probability-of-backtest-overfitting'],
    ['early_stopping_rounds', 'overfitting-prevention'],
  ];
  for (const [name, id] of positive) {
    it(`${name} -> ${id}`, () => assert.equal(matchIdentifier(name)?.id, id));
  }

  const negative = [
    'x', 'i', 'j', 'df', 'data', 'value', 'values', 'model', 'returns', 'close', 'self', 'dataframe', 'metadata',
    'stoploss', 'minimal_roi', 'timeframe', 'buy_rsi', 'rolling', 'cv2', 'feed', 'coffee', 'windows_path', 'sample',
    'ratio', 'profit', 'risk', '', '___', '123',
  ];
  for (const name of negative) {
    it(`${JSON.stringify(name)} matches nothing`, () => assert.equal(matchIdentifier(name), undefined));
  }

  it('matches PascalCase class aliases case-sensitively', () => {
    const m = createMatcher([
      { id: 'ts', title: 'TS', aliases: ['TimeSeriesSplit'], definition: '', related: [], source: '' },
    ]);
    assert.equal(m.matchIdentifier('TimeSeriesSplit')?.id, 'ts');
    assert.equal(m.matchIdentifier('TIMESERIESSPLIT'), undefined);
    assert.equal(m.matchIdentifier('timeseriessplit'), undefined);
  });

  it('prefers the longest alias inside a name', () => {
    assert.equal(matchIdentifier('probabilistic_sharpe_ratio')?.id, 'probabilistic-sharpe-ratio');
    assert.equal(matchIdentifier('purged_k_fold_cv')?.id, 'purged-k-fold');
    assert.equal(matchIdentifier('dynamic_margin_rate')?.id, 'dynamic-margin-model-complexity');
  });
});

describe('glossary matchResultKey', () => {
  const cases: [string, string | undefined][] = [
    ['max_drawdown', 'drawdown'],
    ['Drawdown', 'drawdown'],
    ['profit_factor', 'profit-factor'],
    ['Probabilistic Sharpe Ratio', 'probabilistic-sharpe-ratio'],
    ['Sharpe Ratio', 'sharpe-ratio'],
    ['sharpe', 'sharpe-ratio'],
    ['sortino', 'sortino-ratio'],
    ['calmar', 'calmar-ratio'],
    ['Win Rate', 'win-rate'],
    ['Total Fees', 'trading-costs'],
    ['total_trades', 'sample-size'],
    ['max_relative_drawdown', 'drawdown'],
    ['Net Profit', undefined],
    ['Alpha', undefined],
    ['profit_total', undefined],
    ['timeframe', undefined],
  ];
  for (const [key, id] of cases) {
    it(`${key} -> ${id ?? 'nothing'}`, () => assert.equal(matchResultKey(key)?.id, id));
  }
});

describe('glossary matchPhrase', () => {
  const at = (text: string, word: string, delta = 0) => {
    const i = text.indexOf(word);
    assert.ok(i >= 0, `"${word}" not in text`);
    return matchPhrase(text, i + delta);
  };

  it('finds a phrase covering the offset, with its span', () => {
    const text = '# keep an out of sample period before tuning';
    for (const w of ['out', 'of', 'sample']) {
      const m = at(text, w);
      assert.equal(m?.term.id, 'out-of-sample', w);
      assert.equal(text.slice(m!.start, m!.end), 'out of sample');
    }
    assert.equal(at(text, 'keep'), undefined);
    assert.equal(at(text, 'tuning'), undefined);
  });

  it('finds every term by its title as written in a comment, mixed-case words included ("DeFi") (issue 19)', () => {
    for (const term of activeGlossary().terms) {
      const text = `# notes on ${term.title} for this strategy`;
      assert.equal(matchPhrase(text, 11)?.term.id, term.id, term.title);
    }
    const mixed = '# see Hybrid DeFi Model Optimization';
    const found = matchPhrase(mixed, 20);
    assert.equal(found?.term.id, 'hybrid-defi-model-optimization');
    assert.equal(mixed.slice(found!.start, found!.end), 'Hybrid DeFi Model Optimization');
  });

  it('treats hyphens, spaces and underscores alike and ignores case', () => {
    assert.equal(at('Use Walk-Forward analysis.', 'Forward')?.term.id, 'walk-forward-analysis');
    assert.equal(at('use walk forward here', 'walk')?.term.id, 'walk-forward-analysis');
    assert.equal(at('"""Out-Of-Sample test"""', 'Sample')?.term.id, 'out-of-sample');
    assert.equal(at('check lookahead_bias', 'bias')?.term.id, 'lookahead-bias');
    const m = at('# beware LOOK-AHEAD BIAS!', 'BIAS');
    assert.equal(m?.term.id, 'lookahead-bias');
  });

  it('covers the space inside a phrase', () => {
    const text = 'the sample size is small';
    assert.equal(matchPhrase(text, text.indexOf(' size'))?.term.id, 'sample-size');
  });

  it('respects word boundaries', () => {
    assert.equal(at('# resampled data', 'sampled'), undefined);
    assert.equal(at('# coffee break', 'fee'), undefined);
    assert.equal(at('# feeds', 'feeds'), undefined);
  });

  it('does not join words across punctuation', () => {
    assert.equal(at('# out, of sample', 'out'), undefined);
    assert.equal(at('# walk. Forward', 'walk'), undefined);
  });

  it('finds class names and identifiers written in comments', () => {
    assert.equal(at('# split with TimeSeriesSplit(n_splits=5)', 'Time')?.term.id, 'time-series-split');
    assert.equal(at('# split with TimeSeriesSplit(n_splits=5)', 'Split(')?.term.id, 'time-series-split');
    assert.equal(at('# see max_drawdown in the result', 'drawdown')?.term.id, 'drawdown');
  });

  it('finds other common phrases', () => {
    assert.equal(at('# the trading costs are too low', 'costs')?.term.id, 'trading-costs');
    assert.equal(at('# no data snooping please', 'snooping')?.term.id, 'multiple-testing');
    assert.equal(at('# survivorship bias in the pair list', 'bias')?.term.id, 'survivorship-bias');
    assert.equal(at('# deflated Sharpe ratio of the best epoch', 'ratio')?.term.id, 'deflated-sharpe-ratio');
  });

  it('rejects bad offsets without throwing', () => {
    assert.equal(matchPhrase('out of sample', -1), undefined);
    assert.equal(matchPhrase('out of sample', 99), undefined);
    assert.equal(matchPhrase('', 0), undefined);
  });

  it('only looks near the offset in long text', () => {
    const long = 'lorem ipsum '.repeat(5000) + 'out of sample' + ' dolor'.repeat(5000);
    const i = long.indexOf('of sample');
    assert.equal(matchPhrase(long, i)?.term.id, 'out-of-sample');
    assert.equal(matchPhrase(long, 10), undefined);
  });
});

describe('glossary matching with user terms', () => {
  afterEach(() => setActiveGlossary(undefined));

  it('uses the active glossary, and a user alias can win a conflict', () => {
    const g = loadGlossary([
      [
        { id: 'my-edge', title: 'My Edge', aliases: ['edge_score'], definition: 'Mine. Really.', related: [], source: '' },
        { id: 'sharpe-ratio', title: '', aliases: ['sr_annual'], definition: '', related: [], source: '' },
      ],
    ]);
    assert.equal(matchIdentifier('edge_score'), undefined);
    setActiveGlossary(g);
    assert.equal(matchIdentifier('edge_score')?.id, 'my-edge');
    assert.equal(matchIdentifier('sr_annual')?.id, 'sharpe-ratio');
    assert.equal(matchIdentifier('sharpe')?.id, 'sharpe-ratio');
    setActiveGlossary(undefined);
    assert.equal(matchIdentifier('sr_annual'), undefined);
  });
});
