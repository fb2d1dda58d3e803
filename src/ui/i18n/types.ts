import type { ko } from './ko';

/** The shape of ko.ts with every text widened to string: each language fills the same keys. */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof ko>;
export type Language = 'ko' | 'en';
export const LANGUAGES: readonly Language[] = ['ko', 'en'];
