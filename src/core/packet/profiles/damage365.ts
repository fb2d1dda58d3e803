/**
 * 온라인피해365센터 (helpos.kr, KCC with KAIT). Its form fields and limits are not published, so the packet is a
 * complete written application a counsellor or the online form can take as it is (domain brief 2).
 */
import { APPLICANT_LINES } from './applicant';

export default {
  id: 'damage365',
  name: { ko: '온라인피해365센터 상담·신청서', en: 'Online Damage 365 Center application' },
  description: '누가, 어떤 서비스에서, 언제, 무엇을 잃었고 어떻게 계산했는지, 무엇을 원하는지, 첨부 목록까지 한 번에 적은 신청서예요.',
  source: '온라인피해365센터 helpos.kr (방송통신위원회·한국정보통신진흥협회, 2022-05-31 개소)',
  fields: [
    {
      id: 'applicant', label: { ko: '신청인', en: 'Applicant' }, kind: 'text', required: true, maxLength: 300,
      template: APPLICANT_LINES,
    },
    {
      id: 'service', label: { ko: '피해 서비스', en: 'Service' }, kind: 'text', required: true, maxLength: 300,
      template: ['{incident.name}: {incident.servicesKo}'],
    },
    {
      id: 'incident-times', label: { ko: '장애 일시', en: 'Incident times' }, kind: 'text', required: true, maxLength: 300,
      template: ['{window.spans} ({window.length}, 한국 시간)'],
    },
    {
      id: 'loss', label: { ko: '피해 내용과 계산 방법', en: 'What was lost and how it was computed' }, kind: 'textarea', required: true, maxLength: 3000,
      template: [
        '계산 방법: {method.summary} 자료 단위: {method.granularityKo}.',
        '기준일: {method.referenceDates}.',
        '예상 {claimant.earningsWord} {figures.expected}, 실제 {claimant.earningsWord} {figures.actual}, 줄어든 {claimant.earningsWord} {figures.lostRevenue}({figures.lostCount}건).',
        '이익률 {figures.margin} 적용 손실 이익(통상손해) {figures.lostProfit}, 범위({figures.rangeLevel}) {figures.rangeLow} ~ {figures.rangeHigh}.',
        '직접 손해 {figures.directTotal}, 간접 손해(특별손해) {figures.indirectTotal}, 합계 {figures.claimTotal}.',
        '회사 보상 기준에 따른 금액: {rule.name} {rule.loss} ({rule.band}).',
        '회사 보상 기준과 비교: {rules.comparison}',
      ],
    },
    {
      id: 'resolution', label: { ko: '원하는 해결', en: 'Resolution sought' }, kind: 'textarea', required: true, maxLength: 1000,
      // A claim already sent elsewhere is cited with its date, reference and packet hash (issue 9).
      template: ['{resolution.sought}', '앞선 신청과 결과: {submissions.earlier}'],
    },
    {
      id: 'attachments', label: { ko: '첨부 목록', en: 'Attachments' }, kind: 'textarea', required: true, maxLength: 1000,
      template: ['report.pdf(계산 보고서), records.csv(기록)', '증빙: {evidence.list}'],
    },
  ],
  documents: [],
  rule: null,
  headlineFigure: 'claimTotal',
  intake: { opens: '2022-05-31', closes: null, source: 'helpos.kr, 온라인 신청 2022-10-20부터' },
  damage365Category: { primary: '재화 및 서비스', sub: '이용', alternative: '통신 > 이용 (통신사 회선 장애일 때)' },
  readiness: { needsRecords: true, minReferenceDates: 2, needsContact: true },
  howToSubmit: 'helpos.kr 온라인 신청(본인 인증) 또는 전화 142-235 상담 때 form.txt의 신청서를 그대로 쓰고, report.pdf와 증빙을 첨부하세요.',
};
