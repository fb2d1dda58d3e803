/** The average fare per channel (drivers) or average ticket (merchants): setup's channels step and the records page. */
export const koFares = {
  legend: {
    driver: '채널별 평균 요금',
    merchant: '채널별 평균 객단가',
  },
  hint: {
    driver: '콜 수만 적고 요금을 적지 않은 날은 「콜 수 × 평균 요금」으로 계산해요. 기록에 요금이 있으면 그게 먼저예요.',
    merchant: '주문 수만 있고 매출이 빈 날은 「주문 수 × 평균 객단가」로 계산해요. 기록에 매출이 있으면 그게 먼저예요.',
  },
  amount: {
    driver: '{{label}} 평균 요금 (원)',
    merchant: '{{label}} 평균 객단가 (원)',
  },
  amountPlaceholder: '예: 15,000',
  source: '{{label}} 금액의 출처',
  sourceOption: {
    driver: {
      'trip-history': '내 운행 내역',
      'union-survey': '조합·협회 조사',
      other: '기타 (직접 적기)',
    },
    merchant: {
      'trip-history': '내 매출 기록 (POS·카드 정산)',
      'union-survey': '상인회·협회 조사',
      other: '기타 (직접 적기)',
    },
  },
  note: '{{label}} 출처 설명',
  notePlaceholder: '예: 2022년 9월 카드 정산서 평균',
  amountInvalid: '금액을 숫자로 적어 주세요 (예: 15,000).',
  amountZero: '0원보다 큰 금액을 적어 주세요.',
  noteRequired: '「기타」를 골랐으면 금액을 어디서 얻었는지 적어 주세요.',
  save: {
    driver: '평균 요금 저장',
    merchant: '평균 객단가 저장',
  },
  saved: {
    driver: '평균 요금을 저장했어요.',
    merchant: '평균 객단가를 저장했어요.',
  },
  none: '아직 적지 않았어요',
};

export const enFares: typeof koFares = {
  legend: {
    driver: 'Average fare per channel',
    merchant: 'Average ticket per channel',
  },
  hint: {
    driver: 'Days with calls but no fares are valued as calls × average fare. Fares in your records come first.',
    merchant: 'Days with orders but no sales are valued as orders × average ticket. Sales in your records come first.',
  },
  amount: {
    driver: 'Average fare, {{label}} (KRW)',
    merchant: 'Average ticket, {{label}} (KRW)',
  },
  amountPlaceholder: 'e.g. 15,000',
  source: 'Where the figure for {{label}} comes from',
  sourceOption: {
    driver: {
      'trip-history': 'My trip history',
      'union-survey': 'Union or association survey',
      other: 'Other (describe)',
    },
    merchant: {
      'trip-history': 'My own sales records (POS, card statements)',
      'union-survey': 'Merchant association survey',
      other: 'Other (describe)',
    },
  },
  note: 'Source of the figure for {{label}}',
  notePlaceholder: 'e.g. average of my September 2022 card statement',
  amountInvalid: 'Please type the amount as a number (e.g. 15,000).',
  amountZero: 'Please type an amount above 0 KRW.',
  noteRequired: 'With “Other”, please say where the figure comes from.',
  save: {
    driver: 'Save average fares',
    merchant: 'Save average tickets',
  },
  saved: {
    driver: 'Average fares saved.',
    merchant: 'Average tickets saved.',
  },
  none: 'Not entered yet',
};
