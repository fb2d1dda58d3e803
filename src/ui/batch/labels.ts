import type { TFunction } from 'i18next';
import { kakao2022October } from '../../core/incidents/kakao-2022-10';
import { UNKNOWN_SIDO } from '../../core/batch/normalise';
import { inLanguage } from '../export/language';
import { readJoined } from '../../core/model/common';
import { SIDO_EN } from '../setup/regions';

/**
 * The core's keys (sector, industry, service, region, band...) in the reader's language. The core's own
 * labels are Korean, for the Korean outputs; the screen follows the language switch.
 */

const SERVICE_NAMES = new Map(kakao2022October.services.map((s) => [s.id, s.name]));

export function serviceName(id: string, t: TFunction, language: string): string {
  const name = SERVICE_NAMES.get(id);
  if (name) return language === 'en' ? name.en : name.ko;
  return id.startsWith('other:') ? t('batch.labels.otherService', { name: id.slice(6) }) : id;
}

export function regionName(sido: string, t: TFunction, language: string): string {
  if (sido === UNKNOWN_SIDO || !sido) return t('batch.labels.unknownRegion');
  return language === 'en' ? ((SIDO_EN as Record<string, string>)[sido] ?? sido) : sido;
}

/** A label from an i18n group, or the key itself when the group has none (a roster's own wording). */
export function groupLabel(group: 'sector' | 'kind' | 'industry' | 'band' | 'rule' | 'source', key: string, t: TFunction): string {
  const path = `batch.labels.${group}.${key}`;
  const text = t(path as never) as string;
  return text === path ? key : text;
}

export const percent = (share: number, language: string) =>
  `${(share * 100).toLocaleString(language === 'en' ? 'en-US' : 'ko-KR', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;

/**
 * A decision's reason (a string, as the manifest and the stored decisions keep it, read with readJoined) in the reader's language:
 * several "한국어 / English" reasons are joined by "; ". An invalid item's reasons are `{ ko, en }` (core/batch/types reasonIn).
 */
export function reasonIn(text: string, language: string): string {
  return text.split('; ').map((part) => inLanguage(readJoined(part), language)).join('; ');
}
