import type { Claimant } from '../model/claimant';
import type { Parameters } from '../model/claim';

export interface MarginDefault {
  v: number;
  c: number;
  source: string;
}

/**
 * Section 4 starting values per claimant kind, each shown as an assumption until confirmed.
 * `other` merchants have no published figure: 0.35 (the restaurant share) is used and flagged.
 */
export function defaultMargin(claimant: Claimant): MarginDefault {
  switch (claimant.kind) {
    case 'designated-driver':
      return { v: 0.05, c: 0.2, source: '카카오 T 대리 수수료 20% (한국경제 2016030731625), 콜 사이 이동비 5% / Kakao T 대리 commission 20% (hankyung 2016030731625), travel between calls 5%' };
    case 'taxi':
      return claimant.taxiType === 'franchise'
        ? { v: 0.15, c: 0.04, source: '가맹(블루) 수수료 20%에서 15~17% 환급: 실질 3~5% (채널A 000000377304), 연료 15% / franchise fee 20% less 15-17% paid back (ichannela 000000377304), fuel 15%' }
        : { v: 0.15, c: 0, source: '일반 호출은 기사에게 무료 (더팩트 1972769), 연료 15% / general calls are free to drivers (news.tf 1972769), fuel 15%' };
    case 'merchant': {
      const v = { restaurant: 0.35, cafe: 0.3, retail: 0.6, 'personal-services': 0.15, other: 0.35 }[claimant.industry];
      return {
        v,
        c: 0,
        source:
          claimant.industry === 'other'
            ? '업종별 공개 수치가 없어 음식점 값(35%)을 썼어요: 꼭 확인해 주세요 / no published figure for "other": the restaurant share (35%) is used; please confirm'
            : '업종별 평균 변동비 비율 (재료비, 카드·상품권 수수료 포함) / typical variable-cost share for the industry (materials, card and voucher fees included)',
      };
    }
  }
}

export interface MarginFigures {
  v: number;
  c: number;
  /** m = 1 - v - c (section 4), never below 0. */
  m: number;
  vConfirmed: boolean;
  cConfirmed: boolean;
  vIsDefault: boolean;
  cIsDefault: boolean;
  source: string;
}

export function resolveMargin(claimant: Claimant, parameters: Parameters): MarginFigures {
  const d = defaultMargin(claimant);
  const v = parameters.margin.v.value ?? d.v;
  const c = parameters.margin.c.value ?? d.c;
  // Cleaned to 12 decimals so 1 - 0.05 - 0.2 is exactly 0.75 and a half-won never flips on float noise.
  const m = Math.max(0, Number((1 - v - c).toFixed(12)));
  return {
    v,
    c,
    m,
    vConfirmed: parameters.margin.v.confirmed,
    cConfirmed: parameters.margin.c.confirmed,
    vIsDefault: parameters.margin.v.value === undefined,
    cIsDefault: parameters.margin.c.value === undefined,
    source: d.source,
  };
}
