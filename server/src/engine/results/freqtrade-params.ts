// freqtrade strategy parameter files (`<Strategy>.json`, also archived in result zips):
// {"strategy_name": ..., "params": {"buy": {...}, "sell": {...}, "roi": {...}, "stoploss": {...}}}.
import { isRecord } from './json-read';

/**
 * Flatten the parameter spaces into one record, the shape hyperopt's `params_dict` has:
 * buy/sell/protection values merged, `stoploss`/`trailing` unwrapped, `roi` kept as its table.
 */
export function flattenParamSpaces(params: unknown): Record<string, unknown> | undefined {
  if (!isRecord(params)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [space, values] of Object.entries(params)) {
    if (space === 'roi') out.roi = values;
    else if (isRecord(values)) Object.assign(out, values);
    else out[space] = values;
  }
  return out;
}
