// Runs the bar-offset dataflow on a snippet and summarises its leaks compactly.
import { analyzeDataflow, type Leak } from '../../../server/src/engine/dataflow';
import { parsePython, type SyntaxNode } from '../../../server/src/engine/python/parser';
import { buildSyntaxIndex } from '../../../server/src/engine/python/syntax-index';

export function leaks(text: string): Leak[] {
  return analyzeDataflow(buildSyntaxIndex(parsePython(text), text)).leaks;
}

/** `CODE line:col` of each leak's source (1-based), sorted. */
export function summary(text: string): string[] {
  return leaks(text).map((l) => `${l.source.code} ${l.source.node.startPosition.row + 1}:${l.source.node.startPosition.column + 1}`);
}

export function lines(...l: string[]): string {
  return l.join('\n') + '\n';
}

/** A freqtrade strategy: `indicators` in populate_indicators, `entry` in populate_entry_trend. */
export function freqtrade(indicators: string[], entry: string[], header: string[] = []): string {
  return lines(
    'import numpy as np',
    'from freqtrade.strategy import IStrategy, merge_informative_pair',
    ...header,
    'class S(IStrategy):',
    '    timeframe = "5m"',
    '    def populate_indicators(self, dataframe, metadata):',
    ...indicators.map((l) => `        ${l}`),
    '        return dataframe',
    '    def populate_entry_trend(self, dataframe, metadata):',
    ...entry.map((l) => `        ${l}`),
    '        return dataframe',
  );
}

/** Any node: the transfer functions only read ids, text and positions for the sources they add. */
export function nodeOf(text: string): SyntaxNode {
  return buildSyntaxIndex(parsePython(text), text).root;
}
