// Facts about a strategy, extracted once per document version and shared by every rule.
import type { SyntaxNode } from '../python/parser';

export type Framework = 'freqtrade' | 'backtrader' | 'lean' | 'jesse' | 'vectorbt' | 'sklearn' | 'pandas';

export type ParameterKind =
  /** Declared for an optimiser: IntParameter, backtrader params, LEAN get_parameter, Jesse hyperparameters. */
  | 'declared'
  /** A value pasted from optimiser output (`buy_params = {...}`) without a declaration. */
  | 'pasted'
  /** A value swept over a grid (`optstrategy(period=range(10, 30))`, `np.arange` in vectorbt). */
  | 'grid'
  /** A numeric literal inside an entry/exit condition: tuned by hand, counted all the same. */
  | 'hidden';

export interface TunedParameter {
  name: string;
  kind: ParameterKind;
  framework: Framework;
  /** Node to report on (the declaration, the dict entry, the literal). */
  node: SyntaxNode;
  className?: string;
  /** How many values the search may try, when the declaration says (for the search-space size). */
  choices?: number;
  /** The default/current value as written, when it is a number. */
  defaultValue?: number;
  defaultNode?: SyntaxNode;
  /** freqtrade `space=` ("buy", "sell", ...). */
  space?: string;
  /** false when the declaration opts out of optimisation (`optimize=False`). */
  optimized: boolean;
}

export interface StrategyClass {
  name: string;
  node: SyntaxNode;
  nameNode: SyntaxNode;
  framework?: Framework;
}

export interface StrategyFacts {
  frameworks: Set<Framework>;
  strategies: StrategyClass[];
  parameters: TunedParameter[];
}
