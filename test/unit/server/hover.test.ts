// The hover over diagnostics: one line per rule with "docs" and "ignore" links, the full pages
// behind "Show documentation", and a size budget (a class-name hover once held 27,000 characters).
import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver';
import { RULES } from '../../../server/src/engine/rules/registry';
import type { Finding } from '../../../server/src/engine/types';
import { HOVER_BUDGET_CHARS, hoverAt } from '../../../server/src/hover';
import type { DocumentLint } from '../../../server/src/lint-service';

const range = { start: { line: 4, character: 6 }, end: { line: 4, character: 23 } };
const finding = (rule: string, message = `a finding of ${rule}`): Finding => {
  const r = RULES.find((x) => x.name === rule)!;
  return { rule, code: r.code, severity: r.defaultSeverity, message, range };
};
const lintOf = (findings: Finding[]): DocumentLint => ({ uri: 'file:///ws/strategy.py', version: 1, findings });
const value = (lint: DocumentLint, glossary?: Parameters<typeof hoverAt>[2]) => ((hoverAt(lint, { line: 4, character: 10 }, glossary)?.contents as MarkupContent | undefined)?.value ?? '');

describe('hover over diagnostics', () => {
  it('shows each rule once, however many findings it has there, and not the messages (the editor shows those)', () => {
    const text = value(lintOf([finding('too-many-parameters', 'first'), finding('too-many-parameters', 'second'), finding('tiny-sample')]));
    assert.equal(text.match(/\*\*too-many-parameters\*\*/g)?.length, 1);
    assert.equal(text.match(/\*\*tiny-sample\*\*/g)?.length, 1);
    assert.doesNotMatch(text, /first|second/);
  });

  it('gives each rule its one-line summary, a docs link and an ignore link for that line', () => {
    const text = value(lintOf([finding('too-many-parameters')]));
    const [line] = text.split('\n');
    assert.match(line, /^\*\*too-many-parameters\*\* \(SL101\): More tuned parameters than the data can support\. \[docs\]\(file:\/\/\S+too-many-parameters\.md\) · \[ignore\]\(command:strategyLint\.ignoreOnLine\?/);
    const args = JSON.parse(decodeURIComponent(/ignoreOnLine\?([^ )]+)/.exec(line)![1]));
    assert.deepEqual(args, ['file:///ws/strategy.py', 4, 'too-many-parameters']);
  });

  it('puts the rule pages and glossary terms behind "Show documentation"', () => {
    const text = value(lintOf([finding('too-many-parameters'), finding('deflated-sharpe')]));
    const link = /\[Show documentation \(rule pages and glossary\)\]\(command:strategyLint\.showDocumentation\?([^)]+)\)$/.exec(text);
    assert.ok(link, text);
    assert.deepEqual(JSON.parse(decodeURIComponent(link[1])), [{ kind: 'rules', ids: ['too-many-parameters', 'deflated-sharpe'] }]);
    assert.doesNotMatch(text, /## Why it matters|### Glossary/);
  });

  it(`stays within ${HOVER_BUDGET_CHARS} characters with every rule on one range, and says how many it left out`, () => {
    const text = value(lintOf(RULES.map((r) => finding(r.name))));
    assert.ok(text.length <= HOVER_BUDGET_CHARS, `${text.length} characters`);
    assert.match(text, /…and \d+ more rules here\./);
    assert.match(text, /Show documentation/);
  });

  it('holds the six rules of the freqtrade example class name whole, within the budget', () => {
    const rules = ['too-many-parameters', 'wide-search-space', 'tiny-sample', 'short-backtest', 'deflated-sharpe', 'in-sample-only'];
    const text = value({ ...lintOf(rules.map((r) => finding(r))), uri: 'file:///home/someone/projects/freqtrade/user_data/strategies/BandRiderStrategy.py' });
    for (const r of rules) assert.match(text, new RegExp(`\\*\\*${r}\\*\\*`));
    assert.doesNotMatch(text, /more rules? here/);
    assert.ok(text.length <= HOVER_BUDGET_CHARS, `${text.length} characters`);
  });

  it('cuts a glossary hover longer than the budget (user glossaries can hold anything)', () => {
    const long = 'word '.repeat(3000);
    const text = value(lintOf([]), { glossary: () => ({ markdown: long }) });
    assert.ok(text.length <= HOVER_BUDGET_CHARS && text.endsWith('…'), `${text.length}`);
  });
});
