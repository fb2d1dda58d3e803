/** Kakao Mobility's payment to franchise taxi drivers (domain brief 2; loss model 3.3). */
export default {
  id: 'kakao-mobility-2022-taxi',
  name: { ko: '카카오모빌리티 택시 보상 (2022)', en: 'Kakao Mobility taxi compensation (2022)' },
  description:
    '2022-10-15 15:00 ~ 2022-10-16 09:00(18시간) 운행 수입을 한 주 전 같은 18시간과 비교해, 그 차이를 전액 보상받는 기준이에요(이익률 미적용).',
  source: '디지털데일리 2022-11-04 기사, 다음 뉴스 2023-05-11 기사',
  fields: [
    {
      id: 'driver', label: { ko: '기사 정보', en: 'Driver' }, kind: 'text', required: true, maxLength: 200,
      template: ['{claimant.name} ({claimant.kindKo}), {claimant.phone}'],
    },
    {
      id: 'comparison', label: { ko: '18시간 수입 비교', en: '18-hour earnings comparison' }, kind: 'textarea', required: true, maxLength: 1000,
      template: ['기준: {rule.name}.', '{rule.detail}', '차액(보상 요청액) {rule.loss}.'],
    },
  ],
  documents: [
    { label: 'trip-history', name: { ko: '운행 내역', en: 'Trip history' }, required: true, hint: '카카오 T 기사 앱의 일별 운행 내역 화면 캡처.' },
  ],
  rule: 'kakao-mobility-2022-taxi',
  headlineFigure: 'rule',
  ruleWindows: [
    { label: '장애 18시간 / outage 18 hours', start: '2022-10-15T15:00+09:00', end: '2022-10-16T09:00+09:00' },
    { label: '한 주 전 같은 18시간 / same 18 hours a week earlier', start: '2022-10-08T15:00+09:00', end: '2022-10-09T09:00+09:00' },
  ],
  intake: { opens: '2022-10-15', closes: null, source: '디지털데일리 2022-11-04 기사' },
  readiness: { needsRecords: true, minReferenceDates: 0, needsContact: true },
  howToSubmit: '카카오모빌리티(가맹 택시 본부)에 report.pdf와 운행 내역 캡처를 함께 내세요.',
};
