import * as assert from 'node:assert/strict';
import { initPythonParser } from '../../../../server/src/engine/python/parser';
import { RULES } from '../../../../server/src/engine/rules/registry';
import { lint } from './lint-snippet';

// The documented example of each parameters/validation/models/costs rule must trigger that rule.
const OWN = new Set([
  'overprecise-parameter',
  'wide-search-space',
  'parameter-at-search-boundary',
  'shuffled-time-series-split',
  'missing-holdout',
  'insufficient-warmup',
  'short-optimization-window',
  'unregularized-model',
  'zero-trading-costs',
  'unmodelled-trading-costs',
]);

describe('rule docs examples trigger their rule', () => {
  before(() => initPythonParser());
  for (const rule of RULES.filter((r) => OWN.has(r.name))) {
    it(`${rule.code} ${rule.name}`, () => {
      assert.ok(lint(rule.docs.example + '\n', rule.name).length > 0, rule.docs.example);
      for (const section of [rule.docs.what, rule.docs.why, rule.docs.fix]) assert.ok(section.length > 80);
    });
  }
});
