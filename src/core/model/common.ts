import { z } from 'zod';
import { MAX_AMOUNT_KRW } from './record';
import { isInstant, isKstDate } from '../time/kst';

import { bi, bt, joined, type BilingualText } from './text';

export { bi, bt, joined, type BilingualText };

const HANGUL = /\p{Script=Hangul}/u;
const FIRST_LETTER = /\p{L}/u;

/**
 * Reads a text written in the joined "한국어 / English" shape where a stored or imported format carries it
 * (an incident pack's notes, a claim's title the user typed, messages not yet made `{ ko, en }`): the one
 * reader of that shape. It splits at the first " / " with Hangul before it and an English half after it
 * (the half's first letter is not Hangul), so a Korean text that itself holds " / " ("강남점 / 2호점", "A / B
 * 구간 / sections A / B") keeps its Korean whole. Text without such a separator is Korean only (`en` empty,
 * so textIn shows it to all).
 */
export function readJoined(text: string): BilingualText {
  for (let at = text.indexOf(' / '); at >= 0; at = text.indexOf(' / ', at + 1)) {
    const ko = text.slice(0, at);
    const en = text.slice(at + 3);
    const first = FIRST_LETTER.exec(en)?.[0];
    if (HANGUL.test(ko) && first !== undefined && !HANGUL.test(first)) return { ko, en };
  }
  return { ko: text, en: '' };
}


/** A stable id chosen by the app or the user: lowercase letters, digits, `-` and `_`. */
export const idSchema = z
  .string()
  .min(1, bi('id가 비어 있어요', 'id is empty'))
  .max(80)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, bi('id는 영문, 숫자, -, _, ., :만 써요', 'id: letters, digits, - _ . : only'));

/** A whole won amount as entered (rounded figures only; the engine brands its results as `Won`). */
export const wonAmountSchema = z
  .number()
  .int(bi('금액은 원 단위 정수여야 해요', 'amount must be whole won'))
  .nonnegative(bi('금액은 0 이상이어야 해요', 'amount must not be negative'))
  .max(MAX_AMOUNT_KRW, bi('금액이 너무 커요', 'amount is too large'));

export const kstDateSchema = z
  .string()
  .refine((s): boolean => isKstDate(s), bi('날짜는 2022-10-15 형식이어야 해요', 'date must look like 2022-10-15'));

/** An instant with its offset, e.g. `2022-10-15T15:30+09:00` (never read as machine-local time). */
export const instantSchema = z
  .string()
  .refine(isInstant, bi('시각은 2022-10-15T15:30+09:00 형식이어야 해요', 'time must look like 2022-10-15T15:30+09:00'));

/** A KST instant as stored in windows: explicitly `+09:00`. */
export const kstInstantSchema = z
  .string()
  .refine((s) => isInstant(s) && s.endsWith('+09:00'), bi('시각은 +09:00(한국 시간)으로 적어요: 2022-10-15T15:30+09:00', 'time must carry +09:00, e.g. 2022-10-15T15:30+09:00'));

export const bilingualTextSchema = z.object({
  ko: z.string().min(1, bi('한국어 이름이 비어 있어요', 'Korean name is empty')).max(200),
  en: z.string().max(200).default(''),
});

/** The one place a `{ ko, en }` text becomes the reader's language: English when asked and given, else Korean. */
export function textIn(text: BilingualText, language: string): string {
  return language === 'en' && text.en ? text.en : text.ko;
}

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, bi('SHA-256은 소문자 16진수 64자예요', 'SHA-256 is 64 lowercase hex digits'));
