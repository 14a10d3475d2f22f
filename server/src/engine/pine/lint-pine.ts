// Linting a Pine script: parse, build the facts, then the same rule run as Python. Python-only
// rules read an empty syntax index and stay silent; Pine rules read `facts.pine`.
import type { LintInput, LintOutput } from '../lint';
import { runRules } from '../lint';
import type { Tree } from '../python/parser';
import { emptySyntaxIndex, type SyntaxIndex } from '../python/syntax-index';
import { RULES } from '../rules/registry';
import type { Rule } from '../rules/rule';
import { parsePine } from './parse';
import { asSyntaxNode, pineStrategyFacts } from './strategy-facts';

export function isPinePath(file: string): boolean {
  return /\.(pine|pinescript)$/i.test(file);
}

export function lintPine(input: LintInput): LintOutput {
  const tree = parsePine(input.text);
  const root = asSyntaxNode(tree.rootNode);
  // Nothing to free: the Pine tree is plain garbage-collected objects.
  const index: SyntaxIndex = emptySyntaxIndex({ rootNode: root, delete() {} } as unknown as Tree, root, tree.errors.length > 0);
  index.comments = tree.comments.map((c) => ({ node: asSyntaxNode(c), text: c.text }));
  index.lineComment = '//';
  const rules = (input.rules ?? RULES).filter(runsOnPine);
  return runRules({ ...input, rules }, index, pineStrategyFacts(tree, input.path), () => undefined);
}

/**
 * Rules that judge facts every language provides (parameters, costs, results, suppressions) and
 * the Pine rules; the others walk Python syntax and dataflow.
 */
export function runsOnPine(rule: Rule): boolean {
  return rule.name.startsWith('pine-') || ['parameters', 'costs', 'results', 'meta'].includes(rule.family);
}
