import { josa } from 'es-hangul';
import { formatWon } from './format';
import type { ChannelProfile } from './profile';
import type { ReportData } from './report-data';
import { wonDigits } from '../model/money';

/**
 * One headline figure per packet, chosen by the channel (its profile's `headlineFigure`), and one sentence
 * beside it that names the other figures and says how they relate, so that a reviewer never meets two
 * amounts without knowing which one is asked for. Korean and English, picked where it is shown.
 */

export type Bilingual = { ko: string; en: string };

/**
 * A rule's name with its particle, chosen by the word before a closing bracket: "카카오모빌리티 택시 보상
 * (18시간, 1주 전 대비)은", as it is read aloud. es-hangul alone sees the bracket and picks the vowel form (는).
 */
export function nameWithJosa(name: string, pair: '은/는' | '이/가' | '을/를'): string {
  const spoken = name.replace(/(\s*\([^()]*\))+\s*$/, '');
  return `${name}${josa.pick(spoken || name, pair)}`;
}

export type Headline = {
  kind: 'rule' | 'lostProfit' | 'claimTotal';
  amount: number;
  label: Bilingual;
  sub: Bilingual;
  explanation: Bilingual;
};

const won = formatWon;
const krw = (n: number) => `${wonDigits(n)} KRW`;

/** What the rule compares, in words: weekly sales (best week) or earnings in the outage hours (taxi). */
function ruleBasis(rule: NonNullable<ReportData['rule']>): Bilingual {
  if (rule.weeks) return { ko: '주간 매출을 비교해요', en: 'compares weekly sales' };
  if (rule.windows) return { ko: '장애 시간의 수입을 한 주 전 같은 시간과 비교해요', en: 'compares earnings in the outage hours with the same hours a week before' };
  return { ko: '정한 방법으로 계산해요', en: 'uses its own method' };
}

/** Why the rule's figure and this report's lost profit differ, true for the rule's own kind. */
function whyTheyDiffer(rule: NonNullable<ReportData['rule']>): Bilingual {
  if (rule.weeks) {
    return {
      ko: '이 기준은 장애 주와 매출이 가장 높았던 주의 차이로 지원 구간을 정하고, 이 보고서는 장애 시간만 평소의 같은 시간과 비교해 이익률을 곱해서 두 금액이 달라요',
      en: 'the rule sets a support band from the gap between the outage week and the best week, while this report compares the outage hours alone with the usual same hours and applies the margin, so the two differ',
    };
  }
  if (rule.windows) {
    return { ko: '이 기준은 이익률을 빼지 않고 한 주 전 같은 시간과의 차이를 그대로 보기 때문에 두 금액이 달라요', en: 'the rule takes the whole difference with the same hours a week before, without a margin, so the two differ' };
  }
  return { ko: '이 기준과 이 보고서는 계산 방법이 달라 두 금액이 달라요', en: 'the rule and this report compute differently, so the two differ' };
}

export function headlineOf(data: ReportData, profile: ChannelProfile): Headline {
  const f = data.figures;
  const rule = data.rule;
  const level = f.range.levelLabel;
  const rangeKo = `${level} ${won(f.range.low)} ~ ${won(f.range.high)}`;
  const rangeEn = `${level.replace('범위', 'range')} ${krw(f.range.low)} – ${krw(f.range.high)}`;
  const lostProfitKo = `이 보고서가 계산한 영업이익 손실(손실 이익)은 ${won(f.lostProfit)}, ${josa(rangeKo, '이에요/예요')}`;
  const lostProfitEn = `the loss of profit this report computes is ${krw(f.lostProfit)}, ${rangeEn}`;
  const totalKo = `직접 손해 ${josa(won(f.directTotal), '와/과')} 간접 손해 ${josa(won(f.indirectTotal), '을/를')} 더한 청구 합계는 ${josa(won(f.claimTotal), '이에요/예요')}`;
  const totalEn = `with the direct loss ${krw(f.directTotal)} and the indirect loss ${krw(f.indirectTotal)} the claim total is ${krw(f.claimTotal)}`;

  if (profile.headlineFigure === 'rule' && rule) {
    const basis = ruleBasis(rule);
    const why = whyTheyDiffer(rule);
    // A band's fixed payout (5만 원 for a figure up to 50만 원) is what the channel pays: it is the headline,
    // with the figure beside it; without bands the figure is paid as it is.
    const banded = rule.payout !== null && rule.payout !== rule.loss;
    const band = rule.bandLabel ? `, ${rule.bandLabel}` : '';
    return {
      kind: 'rule',
      amount: rule.payout ?? rule.loss,
      label: banded ? { ko: `${rule.name}에 따른 지급액`, en: `Payment under ${rule.name}` } : { ko: `${rule.name}에 따른 금액`, en: `Amount under ${rule.name}` },
      sub: banded ? { ko: `산정액 ${won(rule.loss)} · ${rule.bandLabel}`, en: `figure ${krw(rule.loss)} · ${rule.bandLabel}` } : { ko: rule.bandLabel, en: rule.bandLabel },
      explanation: {
        ko: `${nameWithJosa(rule.name, '은/는')} ${basis.ko}: 산정액 ${won(rule.loss)}${band}. ${lostProfitKo}. ${why.ko}. ${totalKo}.`,
        en: `${rule.name} ${basis.en}: figure ${krw(rule.loss)}${band}. ${cap(lostProfitEn)}; ${why.en}. ${cap(totalEn)}.`,
      },
    };
  }
  const ruleNote = rule
    ? { ko: ` 참고로 ${nameWithJosa(rule.name, '은/는')} ${ruleBasis(rule).ko}: ${won(rule.loss)}, ${rule.bandLabel}.`, en: ` For reference, ${rule.name} ${ruleBasis(rule).en}: ${krw(rule.loss)}, ${rule.bandLabel}.` }
    : { ko: '', en: '' };
  if (profile.headlineFigure === 'lostProfit') {
    const same = f.claimTotal === f.lostProfit;
    return {
      kind: 'lostProfit',
      amount: f.lostProfit,
      label: { ko: '손실 이익 (통상손해)', en: 'Loss of profit (ordinary damage)' },
      sub: { ko: `범위 ${won(f.range.low)} ~ ${won(f.range.high)} (${level}, ${f.range.driver})`, en: rangeEn },
      explanation: {
        ko: `${lostProfitKo}.${same ? '' : ` 이 창구에는 이 금액을 요청하고, ${totalKo}.`}${ruleNote.ko}`,
        en: `${cap(lostProfitEn)}.${same ? '' : ` This channel is asked for that amount; ${totalEn}.`}${ruleNote.en}`,
      },
    };
  }
  return {
    kind: 'claimTotal',
    amount: f.claimTotal,
    label: { ko: '청구 합계 (직접 + 간접)', en: 'Claim total (direct + indirect)' },
    sub: { ko: `직접 손해 ${won(f.directTotal)} + 간접 손해 ${won(f.indirectTotal)}`, en: `direct ${krw(f.directTotal)} + indirect ${krw(f.indirectTotal)}` },
    explanation: {
      ko: `${totalKo}. 직접 손해에는 이 보고서가 계산한 영업이익 손실(손실 이익) ${josa(won(f.lostProfit), '이/가')} 들어 있어요 (${rangeKo}).${ruleNote.ko}`,
      en: `${cap(totalEn)}. The direct loss includes the loss of profit, ${krw(f.lostProfit)} (${rangeEn}).${ruleNote.en}`,
    },
  };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
