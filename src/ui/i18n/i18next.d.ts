import 'i18next';
import type { ko } from './ko';

// Typed keys: t('claims.creat') is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof ko };
  }
}
