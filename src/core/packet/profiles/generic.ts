/** Any other channel (a company's own form, an association, a mediator): the general estimate, split D + I. */
export default {
  id: 'generic',
  name: { ko: '일반 청구서', en: 'General claim' },
  description: '특정 양식이 없는 곳(회사 고객센터, 협회, 조정 기관)에 낼 수 있는 일반 청구서예요.',
  source: '장애 손실 계산기의 계산 방법 (이익률, 직접·간접 손해, 범위)',
  fields: [
    {
      id: 'summary', label: { ko: '요약', en: 'Summary' }, kind: 'textarea', required: true, maxLength: 1500,
      template: [
        '신청인: {claimant.displayName} ({claimant.kindKo}).',
        '{incident.name} 때문에 다음 서비스를 쓰지 못했어요: {incident.servicesKo}.',
        '장애 구간 {window.spansAndTotal}.',
        '{method.summary}',
        '손실 이익(통상손해) {figures.lostProfit} (범위 {figures.rangeLow} ~ {figures.rangeHigh}), 직접 손해 {figures.directTotal}, 간접 손해(특별손해) {figures.indirectTotal}, 청구 합계 {figures.claimTotal}.',
        '회사 보상 기준과 비교: {rules.comparison}',
        '요청: {resolution.sought}',
      ],
    },
  ],
  documents: [],
  rule: null,
  headlineFigure: 'claimTotal',
  intake: null,
  readiness: { needsRecords: true, minReferenceDates: 2, needsContact: false },
  howToSubmit: 'report.pdf를 청구서로 내고, 요청받으면 records.csv와 증빙을 함께 내세요.',
};
