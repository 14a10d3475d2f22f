// Which classes are strategies, and for which framework, judged by their base classes.
import type { SyntaxIndex } from '../python/syntax-index';
import type { Framework, StrategyClass } from './types';

const BASES: [RegExp, Framework][] = [
  [/^(freqtrade\.strategy\.)?IStrategy$/, 'freqtrade'],
  [/^(bt|backtrader)\.(Strategy|SignalStrategy)$|^(Strategy|SignalStrategy)$/, 'backtrader'],
  [/^(QCAlgorithm|AlgorithmImports\.QCAlgorithm)$/, 'lean'],
  [/^(jesse\.strategies\.)?Strategy$/, 'jesse'],
];

export function findStrategyClasses(index: SyntaxIndex): StrategyClass[] {
  const out: StrategyClass[] = [];
  const knownStrategies = new Set<string>();
  for (const cls of index.classes) {
    const framework = frameworkOfBases(cls.bases, index, knownStrategies);
    if (framework) {
      knownStrategies.add(cls.name);
      out.push({ name: cls.name, node: cls.node, nameNode: cls.nameNode, framework });
    }
  }
  return out;
}

function frameworkOfBases(bases: string[], index: SyntaxIndex, known: Set<string>): Framework | undefined {
  for (const base of bases) {
    for (const [pattern, framework] of BASES) {
      if (!pattern.test(base)) continue;
      // A bare `Strategy` base is ambiguous between backtrader and Jesse: the imports decide.
      if (base === 'Strategy' || base === 'SignalStrategy') {
        const origin = index.imports.get(base) ?? '';
        if (origin.startsWith('jesse')) return 'jesse';
        if (origin.startsWith('backtrader')) return 'backtrader';
        continue;
      }
      return framework;
    }
    // Subclass of a strategy defined earlier in the same file (freqtrade users often layer them).
    if (known.has(base)) return 'freqtrade';
  }
  return undefined;
}
