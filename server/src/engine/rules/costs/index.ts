// Rules of the 'costs' family, in code order.
import type { Rule } from '../rule';
import { unmodelledTradingCosts } from './unmodelled-trading-costs';
import { zeroTradingCosts } from './zero-trading-costs';

export const COSTS_RULES: Rule[] = [zeroTradingCosts, unmodelledTradingCosts];
