// TradingView Strategy Tester exports: the CSV list of trades (both header generations), the XLSX
// workbook's "List of trades" sheet, open trades, and attachment to the Pine script they are for.
import { directivesOf } from '../../helpers/result-directives';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { associateResults, isRefused } from '../../../server/src/engine/results/association';
import { loadResultFile } from '../../../server/src/engine/results/load-result';

const FIXTURE = path.join(__dirname, '../../fixtures/results/tradingview/EMA_Pullback_BINANCE_BTCUSDT_2024-02-12.csv');

describe('results: TradingView list of trades', () => {
  it('reads closed trades from exit rows, leaving the open one out', () => {
    const [s] = loadResultFile(FIXTURE, fs.readFileSync(FIXTURE));
    assert.equal(s.format, 'tradingview-trades');
    assert.equal(s.tradeCount, 24);
    assert.equal(s.tradeReturns?.length, 24);
    assert.equal(s.tradeReturns?.[0], 0.0661);
    assert.equal(s.tradeProfits?.[1], 58.45);
    assert.deepEqual(s.period, { start: '2023-01-06T12:00:00Z', end: '2023-04-22T08:00:00Z' });
    assert.ok(s.problems.some((p) => /1 trade\(s\) still open/.test(p.message)));
    assert.ok(s.locations.trades, 'the profit column is located for diagnostics');
  });

  it('reads the newer header, exit rows first, currency suffixes and U+2212 minus signs', () => {
    const csv = [
      'Trade number,Type,Date and time,Signal,Price EUR,Size (qty),Net PnL EUR,Net PnL %,Run-up EUR,Drawdown EUR',
      '2,Exit long,2024-03-05 16:00,Close,101.5,10,\u221215.00,\u22121.46,4.0,\u221220.0',
      '2,Entry long,2024-03-04 10:00,Long,103,10,\u221215.00,\u22121.46,4.0,\u221220.0',
      '1,Exit short,2024-03-02 15:00,Cover,99,10,30.00,2.94,35.0,\u22125.0',
      '1,Entry short,2024-03-01 09:00,Short,102,10,30.00,2.94,35.0,\u22125.0',
    ].join('\r\n');
    const [s] = loadResultFile('/ws/RSI_Fade_XETR_SAP_2024-03-06.csv', strToU8(csv));
    assert.equal(s.format, 'tradingview-trades');
    assert.deepEqual(s.tradeProfits, [30, -15]);
    assert.deepEqual(s.tradeReturns, [0.0294, -0.0146]);
    assert.equal(s.winRate, 0.5);
    assert.equal(s.profitFactor, 2);
  });

  it('reads the XLSX export from its "List of trades" sheet, dates as Excel serials', () => {
    const sheet = (rows: string[]) => `<?xml version="1.0"?><worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`;
    const header = ['Trade #', 'Type', 'Signal', 'Date/Time', 'Price USD', 'Contracts', 'Profit USD', 'Profit %'];
    const shared = [...header, 'Entry long', 'Exit long', 'Long', 'TP & SL'];
    const s = (i: number, ref: string) => `<c r="${ref}" t="s"><v>${i}</v></c>`;
    const n = (v: number, ref: string) => `<c r="${ref}"><v>${v}</v></c>`;
    const xlsx = zipSync({
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="Performance" sheetId="1" r:id="rId1"/><sheet name="List of trades" sheetId="2" r:id="rId2"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>'),
      'xl/sharedStrings.xml': strToU8(`<sst>${shared.map((t) => `<si><t>${t.replace('&', '&amp;')}</t></si>`).join('')}</sst>`),
      'xl/worksheets/sheet1.xml': strToU8(sheet(['<row r="1"><c r="A1" t="inlineStr"><is><t>Net Profit</t></is></c></row>'])),
      'xl/worksheets/sheet2.xml': strToU8(sheet([
        `<row r="1">${header.map((_, i) => s(i, `${'ABCDEFGH'[i]}1`)).join('')}</row>`,
        `<row r="2">${n(1, 'A2')}${s(8, 'B2')}${s(10, 'C2')}${n(45292.375, 'D2')}${n(100, 'E2')}${n(2, 'F2')}${n(8, 'G2')}${n(4, 'H2')}</row>`,
        `<row r="3">${n(1, 'A3')}${s(9, 'B3')}${s(11, 'C3')}${n(45293.5, 'D3')}${n(104, 'E3')}${n(2, 'F3')}${n(8, 'G3')}${n(4, 'H3')}</row>`,
      ])),
    });
    const [summary] = loadResultFile('/ws/EMA_Pullback_BINANCE_BTCUSDT_2024-02-12.xlsx', xlsx);
    assert.equal(summary.format, 'tradingview-trades');
    assert.equal(summary.tradeCount, 1);
    assert.deepEqual(summary.tradeReturns, [0.04]);
    assert.deepEqual(summary.period, { start: '2024-01-01T09:00:00Z', end: '2024-01-02T12:00:00Z' });
    const [other] = loadResultFile('/ws/book.xlsx', zipSync({ 'xl/workbook.xml': strToU8('<workbook><sheets/></workbook>') }));
    assert.equal(other.recognized, false);
    const [fake] = loadResultFile('/ws/fake.xlsx', strToU8('not a zip'));
    assert.match(fake.problems[0].message, /not an XLSX workbook/);
  });

  it('attaches exports named after the strategy to its Pine script, and honours // results= directives', () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sl-tv-')));
    try {
      const script = path.join(root, 'ema_pullback.pine');
      const text = '//@version=5\nstrategy("EMA Pullback")\n// strategy-lint: results=runs/other.csv\n';
      fs.writeFileSync(script, text);
      fs.writeFileSync(path.join(root, 'EMA_Pullback_BINANCE_BTCUSDT_2024-02-12.csv'), 'x');
      fs.writeFileSync(path.join(root, 'EMA_Pullback_v2_BINANCE_ETHUSDT_2024-02-12.csv'), 'x');
      fs.writeFileSync(path.join(root, 'Other_Strategy_BINANCE_BTCUSDT_2024-02-12.csv'), 'x');
      fs.mkdirSync(path.join(root, 'runs'));
      fs.writeFileSync(path.join(root, 'runs/other.csv'), 'x');
      const found = associateResults({ strategyPath: script, directives: directivesOf(text, script), classNames: ['EMA Pullback'], workspaceRoot: root });
      const names = found.filter((c) => !isRefused(c)).map((c) => path.relative(root, c.file).split(path.sep).join('/')).sort();
      // "EMA_Pullback_v2_..." starts with the title but belongs to another strategy.
      assert.deepEqual(names, ['EMA_Pullback_BINANCE_BTCUSDT_2024-02-12.csv', 'runs/other.csv']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
