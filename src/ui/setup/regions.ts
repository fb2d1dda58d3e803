/**
 * The 17 first-level divisions (시도) as the claim forms and the associations' tallies name them
 * (행정안전부 행정구역 현황; 강원·전북 became 특별자치도 in 2023 and 2024). Stored as written here.
 */
export const SIDO = [
  '서울특별시',
  '부산광역시',
  '대구광역시',
  '인천광역시',
  '광주광역시',
  '대전광역시',
  '울산광역시',
  '세종특별자치시',
  '경기도',
  '강원특별자치도',
  '충청북도',
  '충청남도',
  '전북특별자치도',
  '전라남도',
  '경상북도',
  '경상남도',
  '제주특별자치도',
] as const;

/** English names for the select (the stored value stays Korean, as the forms want it). */
export const SIDO_EN: Readonly<Record<(typeof SIDO)[number], string>> = {
  서울특별시: 'Seoul',
  부산광역시: 'Busan',
  대구광역시: 'Daegu',
  인천광역시: 'Incheon',
  광주광역시: 'Gwangju',
  대전광역시: 'Daejeon',
  울산광역시: 'Ulsan',
  세종특별자치시: 'Sejong',
  경기도: 'Gyeonggi',
  강원특별자치도: 'Gangwon',
  충청북도: 'North Chungcheong',
  충청남도: 'South Chungcheong',
  전북특별자치도: 'Jeonbuk',
  전라남도: 'South Jeolla',
  경상북도: 'North Gyeongsang',
  경상남도: 'South Gyeongsang',
  제주특별자치도: 'Jeju',
};
