import type { z } from 'zod';
import { bt } from '../../../model/common';
import type { ruleParamsByKind } from '../../../model/incident-pack';
import { notComputable, numberInput, won, type KindContext, type KindFigure } from './context';

type Params = z.infer<(typeof ruleParamsByKind)['failed-orders']>;

/**
 * failed-orders (Baemin 2021: 100% of the food price of orders taken and then cancelled in 17:00-21:00):
 * a share of the declared value of orders cancelled or failed in the window (records carry no
 * cancellations, so the claimant declares the value with the platform's order history as evidence).
 */
export function failedOrders(p: Params, ctx: KindContext): KindFigure {
  const value = numberInput(ctx, p.valueInput);
  if (value === undefined) return notComputable({}, [bt('취소된 주문 금액을 입력해 주세요', 'declare the value of the cancelled orders')]);
  return {
    computable: true,
    figure: value * p.share,
    details: { window: { start: p.windowStart, end: p.windowEnd }, cancelledValue: value, share: p.share },
    notes: [],
    lines: [bt(`${p.windowStart} ~ ${p.windowEnd} 취소된 주문 ${won(value)}의 ${p.share * 100}%`, `${p.share * 100}% of ${won(value)} of orders cancelled ${p.windowStart} to ${p.windowEnd}`)],
  };
}
