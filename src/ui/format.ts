import type { TFunction } from 'i18next';

/** A KST timestamp shown in the reader's language, never shifted by the machine's time zone. */
export function formatKstDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ko-KR', {
    timeZone: 'Asia/Seoul',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

export function formatBytes(bytes: number, t: TFunction): string {
  if (bytes < 1024) return t('bytes.b', { n: bytes });
  const units = [['bytes.kb', 1024], ['bytes.mb', 1024 ** 2], ['bytes.gb', 1024 ** 3]] as const;
  let chosen: (typeof units)[number] = units[0];
  for (const u of units) if (bytes >= u[1]) chosen = u;
  const n = bytes / chosen[1];
  return t(chosen[0], { n: n >= 100 ? Math.round(n) : Math.round(n * 10) / 10 });
}

/** Whole won with thousands separators: 210,750원 / ₩210,750. */
export function formatWon(won: number, language: string): string {
  const digits = Math.round(won).toLocaleString('ko-KR');
  return language === 'en' ? `₩${digits}` : `${digits}원`;
}
