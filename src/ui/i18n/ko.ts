import { koBaseline } from './areas/baseline';
import { koEvidence } from './areas/evidence';
import { koExport } from './areas/export';
import { koEstimate } from './areas/estimate';
import { koExamples } from './areas/examples';
import { koBackup } from './areas/backup';
import { koIncident } from './areas/incident';
import { koPacks } from './areas/packs';
import { koSetup } from './areas/setup';
import { koRecords } from './areas/records';
import { koImport } from './areas/import';
import { koScreenshots } from './areas/screenshots';
import { koFares } from './areas/fares';
import { koRecordUnit } from './areas/record-unit';
import { koBackdate } from './areas/backdate';
import { koTracker } from './areas/tracker';
import { koBatch } from './areas/batch';
/**
 * Korean, the app's first language (해요체). en.ts mirrors every key; tests/ui/i18n.test.ts checks
 * that both have the same keys and no empty strings.
 */
export const ko = {
  app: {
    name: '장애 손실 계산기',
    /** The one-letter mark beside the name (손 for 손실, loss). */
    mark: '손',
    tagline: '플랫폼 장애로 놓친 주문과 콜을 기록하고 신고서를 준비해요',
    skipToContent: '본문으로 건너뛰기',
    loading: '불러오는 중이에요…',
    navLabel: '신고서 준비 단계',
    currentClaim: '지금 신고서',
    noCurrentClaim: '선택한 신고서가 없어요',
    notFoundTitle: '없는 화면이에요',
    notFoundBody: '주소가 바뀌었거나 잘못 입력됐어요. 처음 화면에서 다시 시작해요.',
    goHome: '처음 화면으로',
    openFailedTitle: '데이터를 열지 못했어요',
    openFailedBody: '이 브라우저의 저장소를 열 수 없어요. 창을 새로 고치거나, 시크릿 창이 아닌 일반 창에서 열어 주세요.',
    reload: '새로 고치기',
    nextStep: '다음 단계: {{step}}',
  },
  nav: {
    claimant: '신고인',
    incident: '장애',
    records: '기록',
    baseline: '기준선',
    estimate: '추정',
    evidence: '증빙',
    export: '내보내기',
    tracker: '신청 현황',
    batch: '협회 일괄',
    settings: '설정',
  },
  navHint: {
    claimant: '누가 신고하나요',
    incident: '언제 무엇이 멈췄나요',
    records: '주문·콜 기록',
    baseline: '평소 실적',
    estimate: '손실 계산',
    evidence: '캡처와 파일',
    export: '신고 꾸러미',
    tracker: '마감과 받은 금액',
    batch: '여러 신고서 모으기',
    settings: '언어와 저장소',
  },
  language: {
    label: '언어',
    ko: '한국어',
    en: 'English',
  },
  claims: {
    title: '신고인과 신고서',
    lead: '신고서 하나가 한 사람(또는 한 가게)의 한 번의 장애 피해예요. 이름을 붙여 만들고, 단계를 따라 채워요.',
    newLabel: '새 신고서 이름',
    newPlaceholder: '예: 판교점 10월 15일 장애',
    create: '신고서 만들기',
    listTitle: '내 신고서',
    emptyTitle: '아직 신고서가 없어요',
    emptyBody: '위에 이름을 적고 「신고서 만들기」를 눌러 주세요. 모든 내용은 이 컴퓨터에만 저장돼요.',
    current: '지금 보는 중',
    open: '이 신고서로 작업하기',
    rename: '이름 바꾸기',
    renameLabel: '「{{title}}」의 새 이름',
    save: '저장',
    cancel: '취소',
    delete: '삭제',
    deleteTitle: '신고서를 삭제할까요?',
    deleteBody: '「{{title}}」와 그 안의 기록·증빙이 모두 지워져요. 되돌릴 수 없어요.',
    deleteConfirm: '삭제하기',
    created: '「{{title}}」 신고서를 만들었어요.',
    renamed: '이름을 「{{title}}」로 바꿨어요.',
    deleted: '「{{title}}」 신고서를 삭제했어요.',
    updatedAt: '마지막 수정 {{date}}',
    example: '예시',
    titleRequired: '신고서 이름을 적어 주세요.',
    titleTooLong: '신고서 이름은 {{max}}자까지 적을 수 있어요.',
  },
  noClaim: {
    title: '먼저 신고서를 만들어 주세요',
    body: '신고서를 하나 만들거나 고르면 이 단계를 이어서 할 수 있어요.',
    action: '신고서 만들기',
  },
  needRecords: {
    title: '먼저 기록을 넣어 주세요',
    body: '장애 전후의 주문·콜 기록이 있어야 이 단계를 계산할 수 있어요.',
    action: '기록으로 가기',
  },
  incident: koIncident,
  packs: koPacks,
  records: koRecords,
  import: koImport,
  screenshots: koScreenshots,
  fares: koFares,
  recordUnit: koRecordUnit,
  backdate: koBackdate,
  baseline: koBaseline,
  estimate: koEstimate,
  setup: koSetup,
  examples: koExamples,
  backup: koBackup,
  evidence: koEvidence,
  export: koExport,
  tracker: koTracker,
  batch: koBatch,
  settings: {
    title: '설정',
    lead: '언어, 저장 공간, 앱 정보를 확인해요.',
    languageTitle: '화면 언어',
    storageTitle: '저장 공간',
    persistLabel: '영구 저장',
    persist: {
      granted: '켜져 있어요. 디스크가 부족해도 브라우저가 이 데이터를 지우지 않아요.',
      denied: '허용되지 않았어요. 디스크가 부족하면 브라우저가 데이터를 지울 수 있으니 자주 내보내 두세요.',
      unsupported: '이 환경에서는 확인할 수 없어요.',
      pending: '확인하는 중이에요…',
    },
    usageLabel: '사용 중',
    usage: '{{usage}} / {{quota}}',
    usageUnknown: '알 수 없어요',
    databaseLabel: '데이터 버전',
    appTitle: '앱 정보',
    appVersion: '버전',
    appPlatform: '실행 환경',
    appUnavailable: '앱 정보를 불러오지 못했어요.',
    platformWeb: '웹 브라우저',
  },
  updateRequired: {
    title: '업데이트가 필요해요',
    body: '이 데이터는 더 새로운 버전의 장애 손실 계산기에서 저장됐어요(데이터 버전 {{found}}, 이 앱은 {{supported}}까지 읽어요). 데이터를 지키기 위해 아무것도 바꾸지 않고 읽기만 해요.',
    action: '앱을 최신 버전으로 업데이트한 뒤 다시 열어 주세요.',
    claimsTitle: '저장된 신고서 (읽기 전용)',
    noClaims: '읽을 수 있는 신고서가 없어요.',
  },
  dateField: {
    invalidDate: '{{field}}: 날짜를 2022. 10. 15. 처럼 적어 주세요 (2022-10-15, 20221015도 돼요).',
    invalidTime: '{{field}}: 시각을 15:30 처럼 24시간으로 적어 주세요.',
    datePlaceholder: '2022. 10. 15.',
    timePlaceholder: '15:30',
    datetimePlaceholder: '2022. 10. 15. 15:30',
    invalidDateTime: '{{field}}: 날짜와 시각을 2022. 10. 15. 15:30 처럼 24시간으로 적어 주세요.',
  },
  notice: {
    close: '알림 닫기',
    region: '알림',
    quota: '저장 공간이 부족해요. 방금 내용은 저장되지 않았어요. 디스크 공간을 비우거나 오래된 증빙 파일을 지운 뒤 다시 해 주세요.',
    readOnly: '이 데이터는 읽기 전용이라 저장하지 않았어요.',
    closed: '다른 창에서 앱이 업데이트돼 이 창의 연결이 닫혔어요. 새로 고쳐 주세요.',
    unknown: '저장하지 못했어요: {{message}}',
  },
  bytes: {
    b: '{{n}}바이트',
    kb: '{{n}}KB',
    mb: '{{n}}MB',
    gb: '{{n}}GB',
  },
} as const;
