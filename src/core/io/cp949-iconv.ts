import iconv from 'iconv-lite';
import type { Cp949Decoder } from './encoding';

/**
 * CP949 through iconv-lite: correct for the extension syllables (똠 햏 뷁) where Node 20's
 * TextDecoder('euc-kr') is not. For Node (CLI, tests, scripts); the renderer uses Chromium's decoder,
 * so this module is never imported by the rest of core/io and iconv-lite stays out of the browser bundle.
 */
export const iconvCp949Decoder: Cp949Decoder = (bytes) => iconv.decode(bytes as Parameters<typeof iconv.decode>[0], 'cp949');
