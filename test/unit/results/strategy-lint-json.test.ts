import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadResultFile } from '../../../server/src/engine/results/load-result';
import { STRATEGY_LINT_KEYS } from '../../../server/src/engine/results/strategy-lint-json';
import { errors, fixturePath, loadFixture, textAt } from './fixtures';

const own = (doc: unknown) => loadResultFile('/ws/x.strategy-lint.json', Buffer.from(JSON.stringify(doc)))[0];

describe('results: strategy-lint/v1 JSON', () => {
  it('reads every field of the fixture', () => {
    const { summaries, text } = loadFixture('own/SmaCross.strategy-lint.json');
    const s = summaries[0];
    assert.equal(s.format, 'strategy-lint-json');
    assert.equal(s.strategy, 'SmaCross');
    assert.deepEqual(s.period, { start: '2023-01-02', end: '2023-12-29' });
    assert.deepEqual(s.outOfSample, { start: '2023-10-02', end: '2023-12-29' });
    assert.deepEqual(s.periodReturns, [0.004, -0.002, 0.011, 0.0005, -0.006, 0.003]);
    assert.equal(s.periodsPerYear, 252);
    assert.deepEqual(s.tradeReturns, [0.021, -0.013, 0.008]);
    assert.deepEqual(s.tradeProfits, [210, -130, 80]);
    assert.equal(s.tradeCount, 3);
    assert.equal(s.trials?.count, 48);
    assert.deepEqual(s.trials?.sharpes, [0.8, 1.1, 0.4, 1.9]);
    assert.deepEqual(s.parameters, { fast: 10, slow: 50 });
    assert.equal(s.reportedSharpe, 1.9);
    assert.equal(s.maxDrawdown, 0.083);
    assert.equal(textAt(text, s.locations.sharpe), '"sharpe"');
    assert.equal(textAt(text, s.locations.trials), '"trials"');
    assert.deepEqual(errors(s), []);
  });

  it('reports wrong types and unsupported versions', () => {
    const s = own({ format: 'strategy-lint/v1', returns: 'lots', periodsPerYear: '252', trials: { count: 0 }, trades: [0.1, null, 0.2], extra: 1 });
    assert.equal(s.periodReturns, undefined);
    assert.equal(s.periodsPerYear, undefined);
    assert.equal(s.trials, undefined);
    assert.deepEqual(s.tradeReturns, [0.1, 0.2]);
    const messages = s.problems.map((p) => p.message).join('\n');
    assert.match(messages, /returns should be a list/);
    assert.match(messages, /periodsPerYear should be a number/);
    assert.match(messages, /trials should be/);
    assert.match(messages, /dropped 1 of 3/);
    assert.match(messages, /unknown key "extra"/);
    assert.match(errors(own({ format: 'strategy-lint/v9' }))[0], /not supported/);
  });

  it('docs/result-schema.json describes exactly the keys the loader reads', () => {
    const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../docs/result-schema.json'), 'utf8'));
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.deepEqual(Object.keys(schema.properties).sort(), [...STRATEGY_LINT_KEYS].sort());
    assert.equal(schema.properties.format.const, 'strategy-lint/v1');
    const fixture = JSON.parse(fs.readFileSync(fixturePath('own/SmaCross.strategy-lint.json'), 'utf8'));
    for (const key of Object.keys(fixture)) assert.ok(key in schema.properties, key);
    for (const key of schema.required) assert.ok(key in fixture, key);
  });
});
