/** Kakao's small-business compensation, announced 29 Dec 2022 (domain brief 2; loss model 3.3). */
export default {
  id: 'kakao-2022-smb-documents',
  name: { ko: '카카오 소상공인 피해 지원 서류 (2022)', en: 'Kakao small-business compensation documents (2022)' },
  description:
    '장애 주간(10-15 토 ~ 10-21 금) 매출을 9-10월 중 가장 높은 토~금 주간 매출과 비교한 손실과 그 구간(3만원, 5만원, 심사), 그리고 필요한 서류 네 가지를 모아요.',
  source: '머니투데이 2023-01-30 기사, 서울경제 2022-12-29 기사',
  fields: [
    {
      id: 'business', label: { ko: '사업자 정보', en: 'Business' }, kind: 'text', required: true, maxLength: 200,
      template: ['{claimant.businessName} (사업자등록번호 {claimant.businessNumber}), 대표 {claimant.name}, {claimant.phone}'],
    },
    {
      id: 'best-week-statement', label: { ko: '매출 손실 내역 (최고 주간 비교)', en: 'Sales loss (best-week comparison)' }, kind: 'textarea',
      required: true, maxLength: 1000,
      maxLengthSource: '한 쪽 분량 / one page',
      template: [
        '기준: {rule.name}.',
        '{rule.detail}',
        '매출 손실 {rule.loss}, 지원 구간: {rule.band}.',
      ],
    },
    {
      id: 'services-used', label: { ko: '이용한 카카오 서비스', en: 'Kakao services used' }, kind: 'text', required: true, maxLength: 200,
      template: ['{incident.servicesKo}'],
    },
  ],
  documents: [
    { label: 'smb-certificate', name: { ko: '소상공인 확인서', en: 'Small-business certificate' }, required: true, hint: '소상공인시장진흥공단 확인서 발급 시스템에서 받아요.' },
    { label: 'sales-loss-proof', name: { ko: '매출 손실 증빙', en: 'Proof of the sales loss' }, required: true, hint: '카드 매출 조회(cardsales.or.kr)나 POS 매출 자료.' },
    { label: 'kakao-service-proof', name: { ko: '카카오 서비스 이용 증빙', en: 'Proof of using the Kakao service' }, required: true, hint: '화면 캡처도 인정됐어요.' },
    { label: 'bank-account-copy', name: { ko: '통장 사본', en: 'Bank account copy' }, required: true, hint: '사업장 또는 대표자 명의.' },
  ],
  rule: 'kakao-2022-smb-best-week',
  headlineFigure: 'rule',
  intake: {
    opens: '2022-12-29', closes: null, source: '머니투데이 2023-01-30 기사',
    note: '마감이 세 번 연장됐어요 / the deadline was extended three times',
  },
  readiness: { needsRecords: true, minReferenceDates: 0, needsContact: true },
  howToSubmit: '카카오 소상공인 지원 신청에 report.pdf(최고 주간 비교)와 서류 네 가지(소상공인 확인서, 매출 손실 증빙, 카카오 서비스 이용 증빙, 통장 사본)를 함께 내세요.',
};
