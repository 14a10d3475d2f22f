// Builds the facts every rule shares, once per document version.
import type { SyntaxIndex } from '../python/syntax-index';
import { backtraderParameters } from './backtrader';
import { costFacts } from './costs';
import { freqtradeParameters } from './freqtrade';
import { hiddenLiteralParameters } from './hidden-literals';
import { jesseParameters } from './jesse';
import { backtestWindows, leanFacts, leanParameters } from './lean';
import { Bindings, modelFacts, sklearnSearchParameters } from './sklearn';
import { findStrategyClasses } from './strategy-classes';
import type { StrategyFacts } from './types';
import { validationFacts } from './validation';
import { vectorbtParameters } from './vectorbt';
import { backtestingClassParameters, backtestingSweeps } from './backtesting';
import { ziplineAlgorithm, ziplineParameters } from './zipline';
import { nautilusParameters } from './nautilus';
import { freqtradeFacts, freqtradeSettings, indicatorWindows } from './windows';

export function extractFacts(index: SyntaxIndex): StrategyFacts {
  const strategies = findStrategyClasses(index);
  const zipline = ziplineAlgorithm(index);
  if (zipline) strategies.push(zipline);
  const names = new Set(strategies.map((s) => s.name));
  const frameworks = new Set(strategies.map((s) => s.framework!).filter(Boolean));
  const bindings = new Bindings(index);
  const parameters = [
    ...freqtradeParameters(index, names),
    ...backtraderParameters(index, names),
    ...hiddenLiteralParameters(index, names),
    ...leanParameters(index, new Set(strategies.filter((s) => s.framework === 'lean').map((s) => s.name))),
    ...jesseParameters(index, new Set(strategies.filter((s) => s.framework === 'jesse').map((s) => s.name))),
    ...vectorbtParameters(index, bindings),
    ...sklearnSearchParameters(index, bindings),
    ...backtestingClassParameters(index, new Set(strategies.filter((s) => s.framework === 'backtesting').map((s) => s.name))),
    ...backtestingSweeps(index, bindings),
    ...ziplineParameters(index, zipline),
    ...nautilusParameters(index, strategies),
  ];
  if (parameters.some((p) => p.framework === 'vectorbt')) frameworks.add('vectorbt');
  if (parameters.some((p) => p.framework === 'backtesting')) frameworks.add('backtesting');
  const models = modelFacts(index, bindings);
  if (models.estimators.length || models.splitters.length) frameworks.add('sklearn');
  return {
    frameworks,
    strategies,
    parameters,
    settings: freqtradeSettings(index, strategies),
    windows: indicatorWindows(index, strategies, bindings),
    costs: costFacts(index, bindings),
    models,
    validation: validationFacts(index, models, parameters, strategies),
    lean: leanFacts(index),
    freqtrade: freqtradeFacts(index, strategies),
    backtestWindows: backtestWindows(index, new Map(strategies.map((s) => [s.name, s.framework ?? '']))),
  };
}
