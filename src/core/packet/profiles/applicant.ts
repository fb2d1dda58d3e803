/**
 * The applicant as a form field's template, one line per fact: a driver has no business name or number, and
 * a missing fact drops only its own line (on one line it emptied the whole field for every driver).
 * The 365 Center and dispute mediation both ask for it this way.
 */
export const APPLICANT_LINES = [
  '{claimant.name} ({claimant.kindKo})',
  '상호 {claimant.businessName}',
  '사업자등록번호 {claimant.businessNumber}',
  '연락처 {claimant.phone}',
  '이메일 {claimant.email}',
  '지역 {claimant.region}',
];
