import { bt } from '../model/common';
import { ImportFileError } from './errors';

/**
 * Encoding detection for CSV bytes (domain.md section 4): a BOM decides; else strict UTF-8 if the bytes
 * decode; else CP949, the encoding of Korean Excel and most POS software.
 */
export type DetectedEncoding = 'utf-8-bom' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'cp949';

/**
 * Decodes CP949 bytes. Injected because no single decoder is right everywhere: Chromium's
 * TextDecoder('euc-kr') handles the CP949 extension syllables (똠 햏 뷁), Node 20's does not, and
 * iconv-lite needs Node's Buffer (it only bundles for the browser by accident of a hoisted polyfill).
 */
export type Cp949Decoder = (bytes: Uint8Array) => string;

// 똠 햏 뷁 in CP949: all three lie outside KS X 1001, so a plain EUC-KR decoder gets them wrong.
const EXTENSION_PROBE = new Uint8Array([0x8c, 0x63, 0xc1, 0x64, 0x94, 0xee]);
const EXTENSION_EXPECTED = '똠햏뷁';

let platformDecoder: Cp949Decoder | null | undefined;

/**
 * The runtime's own TextDecoder('euc-kr'), if it decodes the extension syllables correctly (Chromium,
 * hence Electron's renderer and the browser build). Null where it would silently corrupt text (Node 20).
 */
export function platformCp949Decoder(): Cp949Decoder | null {
  if (platformDecoder !== undefined) return platformDecoder;
  try {
    const decoder = new TextDecoder('euc-kr');
    platformDecoder = decoder.decode(EXTENSION_PROBE) === EXTENSION_EXPECTED ? (bytes) => new TextDecoder('euc-kr').decode(bytes) : null;
  } catch {
    platformDecoder = null;
  }
  return platformDecoder;
}

/** True when `decode` gets 똠 햏 뷁 right: used to refuse a decoder that would corrupt names. */
export function decodesCp949Extensions(decode: Cp949Decoder): boolean {
  return decode(EXTENSION_PROBE) === EXTENSION_EXPECTED;
}

function hasPrefix(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

export function decodeText(bytes: Uint8Array, decodeCp949?: Cp949Decoder): { text: string; encoding: DetectedEncoding } {
  if (hasPrefix(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (hasPrefix(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (hasPrefix(bytes, [0xfe, 0xff])) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    // ignoreBOM: there is none here, and the flag keeps the decoder from eating a stray U+FEFF silently.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: fall through to CP949.
  }
  const decode = decodeCp949 ?? platformCp949Decoder();
  if (!decode) {
    throw new ImportFileError('decoder-unavailable', bt('CP949(한국어 Excel) 파일을 정확히 읽을 디코더가 이 환경에 없어요', 'no CP949 decoder that handles 똠 햏 뷁 is available here: pass decodeCp949 (e.g. iconv-lite)'));
  }
  return { text: decode(bytes), encoding: 'cp949' };
}
