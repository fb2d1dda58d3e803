/** Example claims on first start (src/ui/examples). */
export const koExamples = {
  load: '예시로 둘러보기',
  loading: '예시를 넣는 중이에요…',
  loadHint: '대리기사, 식당, 택시, 카페의 예시 신고서로 계산과 꾸러미를 미리 볼 수 있어요. 한 번에 지울 수 있어요.',
  added: '예시 신고서 {{count}}개를 넣었어요. 실제로 신고하지 마세요.',
  badge: '예시',
  bannerText: '예시 신고서 {{count}}개가 있어요. 둘러본 뒤 지워 주세요.',
  remove: '예시 모두 지우기',
  removeTitle: '예시 신고서를 모두 지울까요?',
  removeBody: '예시 신고서 {{count}}개와 그 기록이 지워져요. 직접 만든 신고서는 그대로예요.',
  removeConfirm: '예시 지우기',
  cancel: '취소',
  removed: '예시 신고서 {{count}}개를 지웠어요.',
  isExample: '예시 신고서예요. 계산을 둘러보는 용도이고, 실제로 신고하면 안 돼요.',
};

export const enExamples: typeof koExamples = {
  load: 'Look around with examples',
  loading: 'Adding the examples…',
  loadHint: 'Example claims of a designated driver, a restaurant, a taxi and a café show the calculation and the packet. They are removed in one step.',
  added: '{{count}} example claims added. Never submit them.',
  badge: 'Example',
  bannerText: 'There are {{count}} example claims. Remove them when you are done looking.',
  remove: 'Remove all examples',
  removeTitle: 'Remove all example claims?',
  removeBody: 'The {{count}} example claims and their records are removed. Claims you made yourself stay.',
  removeConfirm: 'Remove examples',
  cancel: 'Cancel',
  removed: '{{count}} example claims removed.',
  isExample: 'This is an example claim: for looking around only, never submit it.',
};
