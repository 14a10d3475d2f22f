// The facts every rule shares, once per document version. Nothing is computed here: each group is
// built on its first read (see lazy.ts), from the index and from the other groups it reads through
// the same memo, so a rule that never reads, say, the cost facts never pays for them.
import type { SyntaxIndex } from '../python/syntax-index';
import { backtraderParameters } from './backtrader';
import { costFacts } from './costs';
import { freqtradeParameters } from './freqtrade';
import { hiddenLiteralParameters } from './hidden-literals';
import { jesseParameters } from './jesse';
import { lazyObject, once } from './lazy';
import { backtestWindows, leanFacts, leanParameters } from './lean';
import { Bindings, modelFacts, sklearnSearchParameters } from './sklearn';
import { findStrategyClasses } from './strategy-classes';
import type { Framework, StrategyFacts } from './types';
import { validationFacts } from './validation';
import { vectorbtParameters } from './vectorbt';
import { backtestingClassParameters, backtestingSweeps } from './backtesting';
import { ziplineAlgorithm, ziplineParameters } from './zipline';
import { nautilusParameters } from './nautilus';
import { freqtradeFacts, freqtradeSettings, indicatorWindows } from './windows';

export { FactFailure } from './lazy';

export function extractFacts(index: SyntaxIndex): StrategyFacts {
  const zipline = once('strategies', () => ziplineAlgorithm(index));
  const strategies = once('strategies', () => {
    const found = findStrategyClasses(index);
    const algorithm = zipline();
    if (algorithm) found.push(algorithm);
    return found;
  });
  const strategyNames = once('strategies', () => new Set(strategies().map((s) => s.name)));
  const namesOf = (framework: Framework) => new Set(strategies().filter((s) => s.framework === framework).map((s) => s.name));
  const bindings = once('bindings', () => new Bindings(index));
  // Two parameter collectors on their own: `frameworks` reads them without the others.
  const vectorbt = once('parameters', () => vectorbtParameters(index, bindings()));
  const sweeps = once('parameters', () => backtestingSweeps(index, bindings()));
  const parameters = once('parameters', () => [
    ...freqtradeParameters(index, strategyNames()),
    ...backtraderParameters(index, strategyNames()),
    ...hiddenLiteralParameters(index, strategyNames()),
    ...leanParameters(index, namesOf('lean')),
    ...jesseParameters(index, namesOf('jesse')),
    ...vectorbt(),
    ...sklearnSearchParameters(index, bindings()),
    ...backtestingClassParameters(index, namesOf('backtesting')),
    ...sweeps(),
    ...ziplineParameters(index, zipline()),
    ...nautilusParameters(index, strategies()),
  ]);
  const models = once('models', () => modelFacts(index, bindings()));
  const frameworks = once('frameworks', () => {
    const found = new Set(strategies().map((s) => s.framework!).filter(Boolean));
    if (vectorbt().length) found.add('vectorbt');
    // Class parameters come only from backtesting.py strategies, already counted above.
    if (sweeps().length) found.add('backtesting');
    const { estimators, splitters } = models();
    if (estimators.length || splitters.length) found.add('sklearn');
    return found;
  });
  return lazyObject<Omit<StrategyFacts, 'pine'>>({
    frameworks,
    strategies,
    parameters,
    settings: once('settings', () => freqtradeSettings(index, strategies())),
    windows: once('windows', () => indicatorWindows(index, strategies(), bindings())),
    costs: once('costs', () => costFacts(index, bindings())),
    models,
    validation: once('validation', () => validationFacts(index, models(), parameters(), strategies())),
    lean: once('lean', () => leanFacts(index)),
    freqtrade: once('freqtrade', () => freqtradeFacts(index, strategies())),
    backtestWindows: once('backtestWindows', () => backtestWindows(index, new Map(strategies().map((s) => [s.name, s.framework ?? ''])))),
  });
}
