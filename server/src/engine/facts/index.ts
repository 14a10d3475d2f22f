// Builds the facts every rule shares, once per document version.
import type { SyntaxIndex } from '../python/syntax-index';
import { backtraderParameters } from './backtrader';
import { freqtradeParameters } from './freqtrade';
import { hiddenLiteralParameters } from './hidden-literals';
import { findStrategyClasses } from './strategy-classes';
import type { StrategyFacts } from './types';

export function extractFacts(index: SyntaxIndex): StrategyFacts {
  const strategies = findStrategyClasses(index);
  const names = new Set(strategies.map((s) => s.name));
  const frameworks = new Set(strategies.map((s) => s.framework!).filter(Boolean));
  const parameters = [
    ...freqtradeParameters(index, names),
    ...backtraderParameters(index, names),
    ...hiddenLiteralParameters(index, names),
  ];
  return { frameworks, strategies, parameters };
}
