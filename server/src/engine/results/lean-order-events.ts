// Closed trades from a LEAN CLI `<id>-order-events.json` (a JSON array of order events:
// {"orderId", "symbol", "symbolValue", "time", "status", "fillPrice", "fillQuantity", "direction",
// "orderFeeAmount", ...}), grouped the way LEAN's TradeBuilder does by default (FlatToFlat): a
// trade opens when a symbol's position leaves zero and closes when it returns to zero; a fill
// that flips the position closes one trade and opens the next with the remainder.
// Profit = sale proceeds - purchase costs - fees; return = profit / value of the opening fills.
import { isRecord } from './json-read';
import { displayNumber } from './numbers';

export interface OrderEventTrades {
  profits: number[];
  returns: number[];
  /** Fills read, and positions still open at the end (not trades yet). */
  fills: number;
  open: number;
  /** Events skipped because a number was missing or unreadable. */
  skipped: number;
}

const FILLED = new Set(['filled', 'partiallyfilled', 'partially_filled', '2', '3']);

interface Position {
  quantity: number;
  cash: number;
  fees: number;
  opened: number;
}

export function looksLikeOrderEvents(v: unknown): boolean {
  return Array.isArray(v) && v.length > 0 && v.slice(0, 5).every((e) => isRecord(e) && 'orderId' in e && ('status' in e || 'fillQuantity' in e));
}

export function tradesFromOrderEvents(events: unknown[]): OrderEventTrades {
  const out: OrderEventTrades = { profits: [], returns: [], fills: 0, open: 0, skipped: 0 };
  const positions = new Map<string, Position>();
  const ordered = events.filter(isRecord).map((e, i) => ({ e, i, t: displayNumber(e.time) ?? 0 })).sort((a, b) => a.t - b.t || a.i - b.i);
  for (const { e } of ordered) {
    if (!FILLED.has(String(e.status ?? '').toLowerCase())) continue;
    let qty = displayNumber(e.fillQuantity);
    const price = displayNumber(e.fillPrice);
    if (qty === undefined || price === undefined) {
      out.skipped++;
      continue;
    }
    if (qty === 0) continue;
    // fillQuantity is signed in LEAN; older writers may give a positive size with direction "sell".
    const direction = String(e.direction ?? '').toLowerCase();
    if (qty > 0 && (direction === 'sell' || direction === '1')) qty = -qty;
    const fee = Math.abs(displayNumber(e.orderFeeAmount) ?? 0);
    const symbol = String(e.symbol ?? e.symbolValue ?? '?');
    out.fills++;
    let p = positions.get(symbol);
    let remaining = qty;
    while (remaining !== 0) {
      if (!p || p.quantity === 0) {
        p = { quantity: 0, cash: 0, fees: 0, opened: 0 };
        positions.set(symbol, p);
      }
      const closing = p.quantity !== 0 && Math.sign(remaining) !== Math.sign(p.quantity);
      const part = closing ? Math.sign(remaining) * Math.min(Math.abs(remaining), Math.abs(p.quantity)) : remaining;
      const share = Math.abs(part / qty);
      p.cash -= part * price;
      p.fees += fee * share;
      if (!closing) p.opened += Math.abs(part) * price;
      p.quantity += part;
      remaining -= part;
      if (Math.abs(p.quantity) < 1e-12) {
        const profit = p.cash - p.fees;
        out.profits.push(profit);
        out.returns.push(p.opened > 0 ? profit / p.opened : 0);
        p.quantity = 0;
      }
    }
  }
  for (const p of positions.values()) if (p.quantity !== 0) out.open++;
  return out;
}
