import type { TFunction } from 'i18next';

/**
 * The official holiday list (@hyunbinseo/holidays-kr) names days in Korean. Korean shows them as they
 * are; English translates the names it knows and keeps the Korean name otherwise (never invents one).
 */
type HolidayKey =
  | 'newYear' | 'seollalEve' | 'seollal' | 'seollalAfter' | 'independence' | 'children' | 'buddha' | 'memorial'
  | 'liberation' | 'chuseokEve' | 'chuseok' | 'chuseokAfter' | 'foundation' | 'hangul' | 'christmas';

const KEYS: Record<string, HolidayKey> = {
  '1월 1일': 'newYear',
  '설날 전날': 'seollalEve',
  설날: 'seollal',
  '설날 다음 날': 'seollalAfter',
  '3ㆍ1절': 'independence',
  어린이날: 'children',
  '부처님 오신 날': 'buddha',
  현충일: 'memorial',
  광복절: 'liberation',
  '추석 전날': 'chuseokEve',
  추석: 'chuseok',
  '추석 다음 날': 'chuseokAfter',
  개천절: 'foundation',
  한글날: 'hangul',
  기독탄신일: 'christmas',
};

const SUBSTITUTE = /^대체공휴일\s*\((.+)\)$/;
const ELECTION = /선거$/;

export function holidayLabel(name: string, t: TFunction, language: string): string {
  if (language === 'ko') return name;
  const sub = SUBSTITUTE.exec(name);
  if (sub) return t('baseline.holidays.substitute', { name: holidayLabel(sub[1]!, t, language) });
  const key = KEYS[name];
  if (key) return t(`baseline.holidays.${key}`);
  if (ELECTION.test(name)) return `${t('baseline.holidays.election')} (${name})`;
  return name;
}

export function holidayLabels(names: readonly string[], t: TFunction, language: string): string {
  return names.map((n) => holidayLabel(n, t, language)).join(', ');
}
