// Which classes are strategies, and for which framework, judged by their base classes.
import type { SyntaxIndex } from '../python/syntax-index';
import type { Framework, StrategyClass } from './types';

const BASES: [RegExp, Framework][] = [
  [/^(freqtrade\.strategy\.)?IStrategy$/, 'freqtrade'],
  [/^(bt|backtrader)\.(Strategy|SignalStrategy)$|^(Strategy|SignalStrategy)$/, 'backtrader'],
  [/^(QCAlgorithm|AlgorithmImports\.QCAlgorithm)$/, 'lean'],
  [/^(jesse\.strategies\.)?Strategy$/, 'jesse'],
  [/^backtesting\.(lib\.)?(Strategy|SignalStrategy|TrailingStrategy)$|^TrailingStrategy$/, 'backtesting'],
  [/^(nautilus_trader\.trading\.strategy\.)?Strategy$/, 'nautilus'],
];

/** Bare base names whose framework only the imports can tell (`from backtesting import Strategy`). */
const IMPORTED_BASES: [RegExp, Framework][] = [
  [/^jesse(\.|$)/, 'jesse'],
  [/^backtrader(\.|$)/, 'backtrader'],
  [/^backtesting(\.|$)/, 'backtesting'],
  [/^nautilus_trader(\.|$)/, 'nautilus'],
];

export function findStrategyClasses(index: SyntaxIndex): StrategyClass[] {
  const out: StrategyClass[] = [];
  const knownStrategies = new Map<string, Framework>();
  for (const cls of index.classes) {
    const framework = frameworkOfBases(cls.bases, index, knownStrategies);
    if (framework) {
      knownStrategies.set(cls.name, framework);
      out.push({ name: cls.name, node: cls.node, nameNode: cls.nameNode, framework });
    }
  }
  return out;
}

function frameworkOfBases(bases: string[], index: SyntaxIndex, known: Map<string, Framework>): Framework | undefined {
  for (const base of bases) {
    // A bare `Strategy` base is shared by backtrader, Jesse, backtesting.py and nautilus_trader: the imports decide.
    if (base === 'Strategy' || base === 'SignalStrategy' || base === 'TrailingStrategy') {
      const origin = index.imports.get(base) ?? '';
      const imported = IMPORTED_BASES.find(([module]) => module.test(origin));
      if (imported) return imported[1];
      if (base === 'TrailingStrategy' || !origin) continue;
    }
    for (const [pattern, framework] of BASES) {
      if (!pattern.test(base)) continue;
      if (base === 'Strategy' || base === 'SignalStrategy' || base === 'TrailingStrategy') continue;
      return framework;
    }
    // Subclass of a strategy defined earlier in the same file (freqtrade users often layer them).
    const parent = known.get(base);
    if (parent) return parent;
  }
  return undefined;
}
