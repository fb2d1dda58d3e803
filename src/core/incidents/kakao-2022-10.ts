import type { Incident } from '../model/incident';

/**
 * The Kakao outage of October 2022 (domain.md section 1), as data. Start: ~15:30 KST Sat 15 Oct, the time
 * every report gives. Where a restoration time is uncertain the note says which time was picked and why;
 * the user can edit any window (the preset times stay beside the edit in the packet).
 */
const START = '2022-10-15T15:30+09:00';

export const KAKAO_2022_10_ID = 'kakao-2022-10';

export const kakao2022October: Incident = {
  id: KAKAO_2022_10_ID,
  presetId: KAKAO_2022_10_ID,
  name: { ko: '카카오 서비스 장애 (2022년 10월 판교 데이터센터 화재)', en: 'Kakao outage (Pangyo data center fire, October 2022)' },
  summary:
    '2022-10-15 15:19경 SK C&C 판교 데이터센터 배터리실 화재, 15:30경부터 카카오톡·카카오T·톡채널·카카오페이·선물하기·지도·로그인 장애. ' +
    '2022-10-20 23:00 전체 복구, 공식 장애 시간 127시간 30분 (서울파이낸스 470446, MBC 6420718). / ' +
    'Fire in the battery room of the SK C&C Pangyo data center at ~15:19 on 15 Oct 2022; Kakao services failed from ~15:30; ' +
    'all restored 20 Oct 23:00, 127 h 30 min (seoulfn 470446, MBC 6420718).',
  services: [
    {
      id: 'kakaotalk',
      name: { ko: '카카오톡 (메시지)', en: 'KakaoTalk (messages)' },
      window: { start: START, end: '2022-10-16T01:31+09:00' },
      source:
        '메시지 수발신 일부 복구 2022-10-16 01:31 (카카오 발표, MBC 6420718). 사진·PC 로그인 등은 16일 21:30 공지 때까지 복구 중이었어요 (디지털데일리 2022101623402869383). / ' +
        'Messages partly back 16 Oct 01:31 (Kakao, MBC 6420718); photos and PC login only by the 21:30 notice (ddaily 2022101623402869383).',
    },
    {
      id: 'kakao-t-taxi',
      name: { ko: '카카오 T 택시', en: 'Kakao T taxi' },
      window: { start: START, end: '2022-10-16T21:30+09:00' },
      source:
        '카카오는 "16일 오후" 택시·대리 제공을 재개했다고 했고 (MBC 6420718), 정상화가 확인된 첫 공지는 16일 21:30이에요 (디지털데일리 2022101623402869383): 그 시각을 끝으로 잡았어요. 더 일찍 복구됐다면 고쳐 주세요. / ' +
        'Kakao said taxi and 대리 were back "on the afternoon of the 16th" (MBC 6420718); the first notice confirming it is 16 Oct 21:30 (ddaily 2022101623402869383), used as the end. Edit it if your app came back earlier.',
    },
    {
      id: 'kakao-t-daeri',
      name: { ko: '카카오 T 대리', en: 'Kakao T designated driving (대리)' },
      window: { start: START, end: '2022-10-16T21:30+09:00' },
      source:
        '택시와 같아요: "16일 오후" 복구 (MBC 6420718), 확인된 첫 공지 16일 21:30 (디지털데일리 2022101623402869383). / ' +
        'As taxi: back "on the afternoon of the 16th" (MBC 6420718); first confirming notice 16 Oct 21:30 (ddaily 2022101623402869383).',
    },
    {
      id: 'kakao-pay',
      name: { ko: '카카오페이', en: 'Kakao Pay' },
      window: { start: START, end: '2022-10-16T21:30+09:00' },
      source:
        '"16일 오후" 페이 제공 재개 (MBC 6420718); 16일 21:30 공지에서 정상화 확인 (디지털데일리 2022101623402869383). / ' +
        'Pay back "on the afternoon of the 16th" (MBC 6420718), confirmed in the 21:30 notice (ddaily 2022101623402869383).',
    },
    {
      id: 'kakao-navi-map',
      name: { ko: '카카오내비·카카오맵', en: 'Kakao Navi and Map' },
      window: { start: START, end: '2022-10-16T21:30+09:00' },
      source:
        '"16일 오후" 내비 제공 재개 (MBC 6420718); 카카오맵은 16일 21:30 공지에서 정상화 확인 (디지털데일리 2022101623402869383). / ' +
        'Navi back "on the afternoon of the 16th" (MBC 6420718); Map confirmed in the 21:30 notice (ddaily 2022101623402869383).',
    },
    {
      id: 'kakaotalk-gift-order',
      name: { ko: '카카오톡 선물하기·주문하기', en: 'KakaoTalk gift shop and ordering' },
      window: { start: START, end: '2022-10-16T21:30+09:00' },
      source:
        '선물하기, 주문하기, 주문하기 사장님센터는 16일 21:30 공지에서 정상화됐어요 (디지털데일리 2022101623402869383). / ' +
        'Gift shop, ordering and its merchant centre were listed as restored in the 16 Oct 21:30 notice (ddaily 2022101623402869383).',
    },
    {
      id: 'talk-channel',
      name: { ko: '카카오톡 채널 (톡채널)', en: 'KakaoTalk Channel (Talk Channel)' },
      window: { start: START, end: '2022-10-20T23:00+09:00' },
      source:
        '17일(월) 오전에도 장애 (JTBC NB12083785), 17일 16:42에도 먹통 (머니투데이 2022101716262598709), 18일 09:00에도 광고성 메시지 복구 중 (한국금융 fntimes 20221018). ' +
        '따로 발표된 복구 시각이 없어 카카오의 전체 복구 시각 20일 23:00 (서울파이낸스 470446)을 끝으로 잡았어요. 채널이 더 일찍 돌아왔다면 고쳐 주세요. / ' +
        'Still down Monday morning (JTBC NB12083785), at 16:42 on the 17th (mt.co.kr 2022101716262598709), ad messages still being restored on the 18th 09:00 (fntimes). ' +
        'No separate restoration time was published, so the window ends at Kakao\'s all-restored time, 20 Oct 23:00 (seoulfn 470446). Edit it if your channel came back earlier.',
    },
    {
      id: 'kakao-all',
      name: { ko: '카카오 서비스 전체', en: 'All Kakao services' },
      window: { start: START, end: '2022-10-20T23:00+09:00' },
      source:
        '모든 서비스 복구 2022-10-20 23:00, 127시간 30분 (서울파이낸스 470446, MBC 6420718). / All services restored 20 Oct 23:00, 127 h 30 min (seoulfn 470446, MBC 6420718).',
    },
  ],
};
