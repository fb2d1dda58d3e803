import type { CompensationRule } from '../../../model/incident-pack';
import { bestWeek } from './best-week';
import { commissionRefund } from './commission-refund';
import type { KindContext, KindFigure } from './context';
import { failedOrders } from './failed-orders';
import { feeForDuration } from './fee-for-duration';
import { fixedAmount } from './fixed-amount';
import { sameSlotMultiple } from './same-slot-multiple';
import { windowVsEarlier } from './window-vs-earlier';

export type { DeclaredValue, KindContext, KindFigure } from './context';
export { bestWeek, commissionRefund, failedOrders, feeForDuration, fixedAmount, sameSlotMultiple, windowVsEarlier };

/** One pure function per rule kind (incident-packs.md, "rule shapes"); the pack chooses which and with what. */
export function computeKind(rule: CompensationRule, ctx: KindContext): KindFigure {
  switch (rule.kind) {
    case 'best-week':
      return bestWeek(rule.params, ctx);
    case 'window-vs-earlier':
      return windowVsEarlier(rule.params, ctx);
    case 'same-slot-multiple':
      return sameSlotMultiple(rule.params, ctx);
    case 'fee-for-duration':
      return feeForDuration(rule.params, ctx);
    case 'commission-refund':
      return commissionRefund(rule.params, ctx);
    case 'fixed-amount':
      return fixedAmount(rule.params, ctx);
    case 'failed-orders':
      return failedOrders(rule.params, ctx);
  }
}
