/**
 * A company rule's figure beside the app's own estimate, in words (incident-packs.md: the gap is what a
 * claimant takes to the 365 Center or to mediation). Pure; reads the estimate's output, computes no figure
 * but the one subtraction it states. Particles after amounts come from es-hangul's josa.
 */
import { josa } from 'es-hangul';
import type { RuleResult } from './types';
import { formatWon, wonDigits } from '../../model/money';

export interface RuleComparison {
  /** What the company's rule gives: the band's payout when it has one, else the rule's figure; null when not computable. */
  companyAmount: number | null;
  /** True when the band decides case by case (the figure is shown, the payout is not known). */
  caseByCase: boolean;
  appEstimate: number | null;
  /** appEstimate - companyAmount; null when either is unknown. */
  difference: number | null;
  words: { ko: string; en: string };
}

const SHOP_TICKET = { ko: '평균 객단가', en: 'average ticket' };
const won = (n: number) => formatWon(Math.abs(n));
const krw = (n: number) => `${wonDigits(Math.abs(n))} KRW`;

export interface CompareOptions {
  /** The claimant's word for the average per order or call (a driver's 평균 요금); a shop's 평균 객단가 by default. */
  ticket?: { ko: string; en: string };
  /**
   * `claimant` (the app's screens): "our" estimate, and where the gap can be taken. `reviewer` (the packet):
   * the report's estimate, and no advice to the claimant in a document read by the one who decides.
   */
  audience?: 'claimant' | 'reviewer';
}

/**
 * `appEstimate`: the app's lost profit (loss model 3-6), or null when it cannot be computed (counts only,
 * no average ticket).
 */
export function compareRule(
  rule: Pick<RuleResult, 'loss' | 'band' | 'computable'>,
  appEstimate: number | null,
  { ticket = SHOP_TICKET, audience = 'claimant' }: CompareOptions = {},
): RuleComparison {
  const reviewer = audience === 'reviewer';
  const oursKo = reviewer ? '이 보고서가 계산한 손실은' : '우리가 계산한 손실은';
  const oursEn = reviewer ? 'this report’s loss estimate' : 'our loss estimate';
  if (!rule.computable || rule.loss === null) {
    return {
      companyAmount: null,
      caseByCase: false,
      appEstimate,
      difference: null,
      words: reviewer
        ? { ko: '회사 기준 보상액은 필요한 값이나 기록이 없어 계산하지 못했어요.', en: 'The company’s figure could not be computed: the inputs or records it needs are missing.' }
        : {
            ko: '회사 기준 보상액은 아직 계산하지 못했어요. 필요한 값이나 기록을 채우면 우리가 계산한 손실과 나란히 보여 드려요.',
            en: 'The company’s figure is not computed yet; once the inputs or records it needs are in, it is shown beside our estimate.',
          },
    };
  }
  const caseByCase = !!rule.band && rule.band.payout === null;
  const companyAmount = rule.band && rule.band.payout !== null ? rule.band.payout : rule.loss;
  const companyKo = caseByCase
    ? `회사 기준 산정액은 ${won(companyAmount)}(지급액은 심사로 정해요)`
    : `회사 기준 보상액은 ${won(companyAmount)}`;
  const companyEn = caseByCase
    ? `The company’s rule gives ${krw(companyAmount)} (the payment is decided on review)`
    : `The company’s compensation is ${krw(companyAmount)}`;
  if (appEstimate === null) {
    return {
      companyAmount,
      caseByCase,
      appEstimate,
      difference: null,
      words: {
        ko: `${caseByCase ? `회사 기준 산정액은 ${josa(won(companyAmount), '이에요/예요')} (지급액은 심사로 정해요)` : `회사 기준 보상액은 ${josa(won(companyAmount), '이에요/예요')}`}. ${oursKo} ${josa(ticket.ko, '을/를')} 정해야 금액이 나와요.`,
        en: `${companyEn}. ${reviewer ? 'This report’s' : 'Our'} loss estimate needs an ${ticket.en} before it has an amount.`,
      },
    };
  }
  const difference = Math.round(appEstimate) - companyAmount;
  const ours = `${oursKo} ${josa(won(appEstimate), '으로/로')}`;
  let tailKo: string;
  let tailEn: string;
  if (difference > 0) {
    tailKo = `차이는 ${josa(won(difference), '이에요/예요')}.${reviewer ? '' : ' 이 차이를 온라인피해365센터나 분쟁조정에 청구할 수 있어요.'}`;
    tailEn = reviewer ? `the difference is ${krw(difference)}.` : `the difference is ${krw(difference)}, which can be taken to the Online Damage 365 Center or to mediation.`;
  } else if (difference < 0) {
    tailKo = `회사 기준이 ${won(difference)} 더 많아요.`;
    tailEn = `the company’s figure is ${krw(difference)} higher.`;
  } else {
    tailKo = '두 금액이 같아요.';
    tailEn = 'the two are the same.';
  }
  return {
    companyAmount,
    caseByCase,
    appEstimate: Math.round(appEstimate),
    difference,
    words: {
      // "회사 기준 보상액은 323,000원, 우리가 계산한 손실은 1,200,000원으로 차이는 877,000원이에요."
      ko: `${companyKo}, ${ours} ${tailKo}`,
      en: `${companyEn}; ${oursEn} is ${krw(appEstimate)}; ${tailEn}`,
    },
  };
}
