/**
 * 통신분쟁조정위원회 (telecom dispute mediation committee, 전기통신사업법 제45조의2 이하), run by the Korea
 * Communications Commission; cases come directly or on from the 온라인피해365센터 (domain brief 2). Online
 * (tdrc.kr, since 2021-01-18) or by post; mediation normally ends within 60 days of the application (at most 90).
 * Its form asks for the case outline and the reasons for applying; the packet gives both as text that can
 * be pasted, citing the submissions already made and what came of them.
 */
import { APPLICANT_LINES } from './applicant';

export default {
  id: 'dispute-mediation',
  name: { ko: '통신분쟁조정위원회 조정 신청서', en: 'Telecom dispute mediation application' },
  description:
    '회사에 낸 신청이 거절되거나 제안이 모자랄 때, 통신분쟁조정위원회에 조정을 신청하는 글이에요. 앞선 신청(날짜, 접수번호, 보낸 묶음의 SHA-256)과 그 결과를 함께 적어요.',
  source: '방송통신위원회 통신분쟁조정위원회 (tdrc.kr; 온라인 신청 2021-01-18 개시), 전기통신사업법 제45조의2~제45조의7',
  fields: [
    {
      id: 'applicant', label: { ko: '신청인', en: 'Applicant' }, kind: 'text', required: true, maxLength: 300,
      template: APPLICANT_LINES,
    },
    {
      id: 'service', label: { ko: '분쟁 서비스와 장애 일시', en: 'Service and incident times' }, kind: 'text', required: true, maxLength: 300,
      template: ['{incident.name}: {incident.servicesKo}, {window.spans} ({window.length}, 한국 시간)'],
    },
    {
      id: 'case-outline', label: { ko: '사건 개요', en: 'Case outline' }, kind: 'textarea', required: true, maxLength: 3000,
      template: [
        '{incident.name} 때문에 {incident.servicesKo}를 쓰지 못해 손실이 생겼어요.',
        '앞선 신청과 결과: {submissions.earlier}',
        '계산 방법: {method.summary} 자료 단위: {method.granularityKo}. 기준일: {method.referenceDates}.',
        '예상 {claimant.earningsWord} {figures.expected}, 실제 {claimant.earningsWord} {figures.actual}, 줄어든 {claimant.earningsWord} {figures.lostRevenue}({figures.lostCount}건).',
        '이익률 {figures.margin} 적용 손실 이익(통상손해) {figures.lostProfit}, 범위({figures.rangeLevel}) {figures.rangeLow} ~ {figures.rangeHigh}.',
        '직접 손해 {figures.directTotal}, 간접 손해(특별손해) {figures.indirectTotal}, 합계 {figures.claimTotal}.',
        '회사 보상 기준에 따른 금액: {rule.name} {rule.loss} ({rule.band}).',
        '회사 보상 기준과 비교: {rules.comparison}',
      ],
    },
    {
      id: 'reasons', label: { ko: '신청 이유와 원하는 해결', en: 'Reasons and resolution sought' }, kind: 'textarea', required: true, maxLength: 1500,
      template: [
        '{submissions.reason}',
        '{resolution.sought}',
      ],
    },
    {
      id: 'attachments', label: { ko: '첨부 목록', en: 'Attachments' }, kind: 'textarea', required: true, maxLength: 1000,
      template: ['report.pdf(계산 보고서), records.csv(시간대별 기록), claim.json(계산에 쓴 자료 원본, 신청 기록 포함)', '증빙: {evidence.list}'],
    },
  ],
  documents: [],
  rule: null,
  headlineFigure: 'claimTotal',
  // No published intake window: the committee takes cases as they come.
  intake: { opens: '2021-01-18', closes: null, source: '방송통신위원회 보도 2021-01-15 (통신분쟁조정 지원 시스템 2021-01-18 개시)' },
  readiness: { needsRecords: true, minReferenceDates: 2, needsContact: true },
  howToSubmit:
    '통신분쟁조정위원회 누리집(tdrc.kr)의 온라인 신청 또는 우편으로, form.txt의 「사건 개요」와 「신청 이유」를 그대로 쓰고 report.pdf와 증빙, 앞선 신청의 답변(회신 문자·메일)을 첨부하세요.',
};
