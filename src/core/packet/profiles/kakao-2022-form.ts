/** Kakao's damage-report form, 19 Oct - 6 Nov 2022 (domain brief section 2). Field limits were not published. */
export default {
  id: 'kakao-2022-form',
  name: { ko: '카카오 피해 접수 양식 (2022)', en: 'Kakao damage-report form (2022)' },
  description: '카카오가 2022-10-19부터 2022-11-06까지 받은 장애 피해 접수 양식이에요. 항목마다 붙여 넣을 글을 만들어요.',
  source: '카카오 피해 접수 채널 (2022-10-19 공지)',
  fields: [
    {
      id: 'email', label: { ko: '이메일', en: 'Email' }, kind: 'email', required: true, maxLength: 100,
      maxLengthSource: '양식이 제한을 밝히지 않아 넉넉히 잡은 값 / the form does not state a limit: a safe guess',
      template: ['{claimant.email}'],
    },
    {
      id: 'mobile', label: { ko: '휴대전화 번호', en: 'Mobile number' }, kind: 'tel', required: true, maxLength: 13,
      maxLengthSource: '010-XXXX-XXXX',
      template: ['{claimant.phone}'],
    },
    {
      id: 'category', label: { ko: '문의 분류', en: 'Category' }, kind: 'choice', required: true,
      choices: ['카카오톡/카카오계정', 'My 구독', '다음메일/카페', '기타 서비스'],
      // Kakao Mobility (Kakao T taxi and 대리) damage went under 기타 서비스.
      choiceRules: [
        { ifClaimantKindIn: ['taxi', 'designated-driver'], choice: '기타 서비스' },
        { ifServiceIn: ['kakao-t-taxi', 'kakao-t-daeri', 'kakao-navi-map'], choice: '기타 서비스' },
        { ifServiceIn: ['kakaotalk', 'talk-channel', 'kakaotalk-gift-order', 'kakao-login'], choice: '카카오톡/카카오계정' },
        { ifServiceIn: ['daum-mail', 'daum-cafe'], choice: '다음메일/카페' },
      ],
      defaultChoice: '기타 서비스',
    },
    {
      id: 'title', label: { ko: '제목', en: 'Title' }, kind: 'text', required: true, maxLength: 100,
      maxLengthSource: '양식이 제한을 밝히지 않아 넉넉히 잡은 값 / the form does not state a limit: a safe guess',
      template: ['[장애 피해 신고] {claimant.displayName} ({claimant.kindKo}): {incident.servicesKo} 장애 손실 {figures.lostProfit}'],
    },
    {
      id: 'content', label: { ko: '내용', en: 'Content' }, kind: 'textarea', required: true, maxLength: 2000,
      maxLengthSource: '양식이 제한을 밝히지 않아 넉넉히 잡은 값 / the form does not state a limit: a safe guess',
      template: [
        '{incident.name} 때문에 다음 서비스를 쓰지 못해 손실이 생겼어요: {incident.servicesKo}.',
        '신고인: {claimant.name} ({claimant.kindKo}). 상호: {claimant.businessName}. 사업자등록번호: {claimant.businessNumber}.',
        '장애 구간: {window.start} ~ {window.end} ({window.hours}).',
        '계산 방법: {method.summary}',
        '기준일: {method.referenceDates}.',
        '평소라면 있었을 매출(예상) {figures.expected}, 실제 매출 {figures.actual}. 줄어든 매출 {figures.lostRevenue}, 줄어든 건수 {figures.lostCount}건.',
        '이익률 {figures.margin} 적용 손실 이익(통상손해): {figures.lostProfit}. 범위({figures.rangeLevel}): {figures.rangeLow} ~ {figures.rangeHigh}.',
        '직접 손해 합계 {figures.directTotal}, 간접 손해(특별손해) {figures.indirectTotal}, 청구 합계 {figures.claimTotal}.',
        '증빙: {evidence.list}.',
        '요청: {resolution.sought}',
      ],
    },
    {
      id: 'consent', label: { ko: '개인정보 수집·이용 동의', en: 'Consent to personal-data collection' }, kind: 'consent', required: true,
      instruction: '양식에서 직접 동의에 체크해야 해요. / Tick the consent box on the form yourself.',
    },
    {
      id: 'attachment', label: { ko: '첨부 파일 (1개, 선택)', en: 'Attachment (one, optional)' }, kind: 'attachment', required: false,
      instruction: '이 묶음의 report.pdf를 첨부하세요. / Attach report.pdf from this packet.',
    },
  ],
  documents: [],
  rule: null,
  headlineFigure: 'lostProfit',
  intake: { opens: '2022-10-19', closes: '2022-11-06', source: '카카오 공지 (피해 접수 2022-10-19 ~ 2022-11-06)' },
  readiness: { needsRecords: true, minReferenceDates: 2, needsContact: true },
  howToSubmit: '카카오 피해 접수 양식의 각 항목에 form.txt의 글을 그대로 붙여 넣고, report.pdf를 첨부 파일로 올리세요.',
};
