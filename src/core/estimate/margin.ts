import type { Claimant } from '../model/claimant';
import type { Parameters } from '../model/claim';
import { bt, joined, type BilingualText } from '../model/common';

export interface MarginDefault {
  v: number;
  c: number;
  /** Both shares' grounds in one line (the setup form's note). */
  source: BilingualText;
  /** Each share's own grounds, for its row in the assumptions table. */
  vSource: BilingualText;
  cSource: BilingualText;
}

/** A default whose line names both shares' grounds, c's first as the setup form has always shown it. */
function withGrounds(v: number, c: number, vSource: BilingualText, cSource: BilingualText): MarginDefault {
  return { v, c, vSource, cSource, source: bt(`${cSource.ko}, ${vSource.ko}`, `${cSource.en}, ${vSource.en}`) };
}

/**
 * Section 4 starting values per claimant kind, each shown as an assumption until confirmed.
 * `other` merchants have no published figure: 0.35 (the restaurant share) is used and flagged.
 */
export function defaultMargin(claimant: Claimant): MarginDefault {
  switch (claimant.kind) {
    case 'designated-driver':
      return withGrounds(0.05, 0.2, bt('콜 사이 이동비 5%', 'travel between calls 5%'), bt('카카오 T 대리 수수료 20% (한국경제 2016년 3월 7일 기사)', 'Kakao T 대리 commission 20% (Korea Economic Daily, 7 March 2016)'));
    case 'taxi':
      return claimant.taxiType === 'franchise'
        ? withGrounds(0.15, 0.04, bt('연료 15%', 'fuel 15%'), bt('가맹(블루) 수수료 20%에서 15~17% 환급: 실질 3~5% (채널A 보도)', 'franchise fee 20% less 15-17% paid back (Channel A news report)'))
        : withGrounds(0.15, 0, bt('연료 15%', 'fuel 15%'), bt('일반 호출은 기사에게 무료 (더팩트 보도)', 'general calls are free to drivers (The Fact news report)'));
    case 'merchant': {
      const v = { restaurant: 0.35, cafe: 0.3, retail: 0.6, 'personal-services': 0.15, other: 0.35 }[claimant.industry];
      const source =
        claimant.industry === 'other'
          ? bt('업종별 공개 수치가 없어 음식점 값(35%)을 썼어요: 꼭 확인해 주세요', 'no published figure for "other": the restaurant share (35%) is used; please confirm')
          : bt('업종별 평균 변동비 비율 (재료비, 카드·상품권 수수료 포함)', 'typical variable-cost share for the industry (materials, card and voucher fees included)');
      return { v, c: 0, source, vSource: source, cSource: bt('기본 0%: 플랫폼에 내는 수수료가 없는 것으로 봤어요', '0% by default: no platform commission assumed') };
    }
  }
}

export interface MarginFigures {
  v: number;
  c: number;
  /** m = 1 - v - c (section 4); v + c > 1 is an input error, so m >= 0. */
  m: number;
  vConfirmed: boolean;
  cConfirmed: boolean;
  vIsDefault: boolean;
  cIsDefault: boolean;
  source: BilingualText;
  vSource: BilingualText;
  cSource: BilingualText;
}

export interface MarginProblem {
  /** The field at fault: `v` or `c` (for v + c > 1, the one the user entered, else `c`). */
  field: 'v' | 'c';
  message: BilingualText;
}

const pct = (x: number) => `${Number((x * 100).toFixed(4))}%`;

/**
 * Section 4: v and c each in [0, 1] and v + c <= 1, with the claimant kind's default standing in for
 * a share left unset. Anything else is an input error naming the field (`{ ko, en }`), never a
 * margin floored at 0. Used by the claim file check, the setup form (inline) and the engine.
 */
export function marginProblems(claimant: Claimant, margin: { v: { value?: number }; c: { value?: number } }): MarginProblem[] {
  const d = defaultMargin(claimant);
  const out: MarginProblem[] = [];
  const names = { v: { ko: '변동비 비율 v', en: 'variable-cost share v' }, c: { ko: '플랫폼 수수료 비율 c', en: 'platform-commission share c' } };
  for (const field of ['v', 'c'] as const) {
    const value = margin[field].value;
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value < 0 || value > 1) {
      out.push({ field, message: bt(`${names[field].ko}는 0%에서 100% 사이여야 해요 (${Number.isFinite(value) ? pct(value) : String(value)})`, `${names[field].en} must lie between 0% and 100% (got ${Number.isFinite(value) ? pct(value) : String(value)})`) });
    }
  }
  if (out.length > 0) return out;
  const v = margin.v.value ?? d.v;
  const c = margin.c.value ?? d.c;
  if (Number((v + c).toFixed(12)) > 1) {
    // Name the share the user typed; when both are typed (or neither), c: the last one entered on the form.
    const field = margin.c.value === undefined && margin.v.value !== undefined ? 'v' : 'c';
    out.push({
      field,
      message: bt(`변동비 v ${pct(v)}와 수수료 c ${pct(c)}의 합이 100%를 넘어요: ${names[field].ko}를 고쳐 주세요`, `v ${pct(v)} + c ${pct(c)} exceeds 100%: correct the ${names[field].en}`),
    });
  }
  return out;
}

export class MarginInputError extends Error {
  constructor(readonly problems: MarginProblem[]) {
    super(problems.map((p) => `parameters.margin.${p.field}: ${joined(p.message)}`).join('\n'));
    this.name = 'MarginInputError';
  }
}

export function resolveMargin(claimant: Claimant, parameters: Parameters): MarginFigures {
  const problems = marginProblems(claimant, parameters.margin);
  if (problems.length > 0) throw new MarginInputError(problems);
  const d = defaultMargin(claimant);
  const v = parameters.margin.v.value ?? d.v;
  const c = parameters.margin.c.value ?? d.c;
  // Cleaned to 12 decimals so 1 - 0.05 - 0.2 is exactly 0.75 and a half-won never flips on float noise.
  // `+ 0` turns the -0 of 1 - 0.8 - 0.2 into 0.
  const m = Number((1 - v - c).toFixed(12)) + 0;
  return {
    v,
    c,
    m,
    vConfirmed: parameters.margin.v.confirmed,
    cConfirmed: parameters.margin.c.confirmed,
    vIsDefault: parameters.margin.v.value === undefined,
    cIsDefault: parameters.margin.c.value === undefined,
    source: d.source,
    vSource: d.vSource,
    cSource: d.cSource,
  };
}
