/** The record unit (hourly or daily) in setup: which compensation rules need hourly records. */
export const koRecordUnit = {
  dailyRules_one: '하루 단위로는 이 보상 기준을 계산할 수 없어요 (시간 단위 기록이 필요해요): {{rules}}',
  dailyRules_other: '하루 단위로는 이 보상 기준 {{count}}개를 계산할 수 없어요 (시간 단위 기록이 필요해요): {{rules}}',
};

export const enRecordUnit: typeof koRecordUnit = {
  dailyRules_one: 'With daily records this compensation rule cannot be computed (it needs hourly records): {{rules}}',
  dailyRules_other: 'With daily records these {{count}} compensation rules cannot be computed (they need hourly records): {{rules}}',
};
