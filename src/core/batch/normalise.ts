import { disassemble } from 'es-hangul';

/**
 * Keys for matching members across a batch (issue 6). Every key is built from what people actually type:
 * hyphens or none, spaces, full-width digits, "KB국민은행" or "국민". An empty string means "no key":
 * such members never match on that rule.
 */

/** Full-width digits (０-９) as typed on some Korean IMEs become ASCII before anything else. */
function asciiDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
}

export function digitsOnly(text: string | undefined | null): string {
  return text ? asciiDigits(text).replace(/\D+/g, '') : '';
}

/** 사업자등록번호 as its 10 digits; anything else (too short, too long) gives no key. */
export function businessNumberKey(text: string | undefined | null): string {
  const d = digitsOnly(text);
  return d.length === 10 ? d : '';
}

/** A mobile number as digits, with the +82 country prefix folded back to 0 (+82 10-1234-5678 = 010-1234-5678). */
export function mobileKey(text: string | undefined | null): string {
  let d = digitsOnly(text);
  if (d.startsWith('82') && (d.length === 11 || d.length === 12)) d = `0${d.slice(2)}`;
  return /^01[016789]\d{7,8}$/.test(d) ? d : '';
}

/** `010-1234-5678` from any spelling of a mobile number (unchanged when it is not one). */
export function formatMobile(text: string): string {
  const d = mobileKey(text);
  if (!d) return text.trim();
  return d.length === 11 ? `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}` : `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`;
}

/** `123-45-67891` from any spelling of a 사업자등록번호 (unchanged when it is not 10 digits). */
export function formatBusinessNumber(text: string): string {
  const d = businessNumberKey(text);
  return d ? `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}` : text.trim();
}

/** Bank names as members write them, folded to one spelling (KB국민은행, 국민은행, 국민 -> 국민). */
const BANK_ALIASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(kb)?국민/, '국민'],
  [/^kb$/, '국민'],
  [/^(nh)?농협|^nh$|^단위농협/, '농협'],
  [/^신한/, '신한'],
  [/^(우리)/, '우리'],
  [/^(하나|keb하나|외환)/, '하나'],
  [/^(ibk)?기업|^ibk$/, '기업'],
  [/^(sc)?제일|^sc$|^스탠다드차타드/, 'SC제일'],
  [/^(한국)?씨티|^citi/, '씨티'],
  [/^카카오|^kakao/, '카카오뱅크'],
  [/^토스|^toss/, '토스뱅크'],
  [/^케이뱅크|^k뱅크|^kbank/, '케이뱅크'],
  [/^(bnk)?부산/, '부산'],
  [/^(bnk)?경남/, '경남'],
  [/^(dgb)?대구|^im뱅크/, '대구'],
  [/^광주/, '광주'],
  [/^전북/, '전북'],
  [/^제주/, '제주'],
  [/^(수협|sh수협)/, '수협'],
  [/^(새마을|mg)/, '새마을금고'],
  [/^신협/, '신협'],
  [/^우체국|^우정/, '우체국'],
  [/^(kdb)?산업/, '산업'],
];

export function bankKey(bank: string | undefined | null): string {
  if (!bank) return '';
  const compact = bank.normalize('NFC').replace(/\s+/g, '').toLowerCase();
  for (const [re, name] of BANK_ALIASES) if (re.test(compact)) return name;
  return compact.replace(/은행$/, '');
}

/** Bank and account digits: the same digits at two banks are two accounts. */
export function bankAccountKey(account: { bank: string; number: string } | undefined | null): string {
  if (!account) return '';
  const digits = digitsOnly(account.number);
  const bank = bankKey(account.bank);
  return digits.length >= 6 && bank ? `${bank}:${digits}` : '';
}

/** 17 시도 in the order Statistics Korea lists them, with the spellings a roster may use. */
export const SIDO = [
  { name: '서울특별시', short: '서울', aliases: ['서울', '서울시', '서울특별시'] },
  { name: '부산광역시', short: '부산', aliases: ['부산', '부산시', '부산광역시'] },
  { name: '대구광역시', short: '대구', aliases: ['대구', '대구시', '대구광역시'] },
  { name: '인천광역시', short: '인천', aliases: ['인천', '인천시', '인천광역시'] },
  { name: '광주광역시', short: '광주', aliases: ['광주광역시', '광주시'] },
  { name: '대전광역시', short: '대전', aliases: ['대전', '대전시', '대전광역시'] },
  { name: '울산광역시', short: '울산', aliases: ['울산', '울산시', '울산광역시'] },
  { name: '세종특별자치시', short: '세종', aliases: ['세종', '세종시', '세종특별자치시'] },
  { name: '경기도', short: '경기', aliases: ['경기', '경기도'] },
  { name: '강원특별자치도', short: '강원', aliases: ['강원', '강원도', '강원특별자치도'] },
  { name: '충청북도', short: '충북', aliases: ['충북', '충청북도'] },
  { name: '충청남도', short: '충남', aliases: ['충남', '충청남도'] },
  { name: '전북특별자치도', short: '전북', aliases: ['전북', '전라북도', '전북특별자치도'] },
  { name: '전라남도', short: '전남', aliases: ['전남', '전라남도'] },
  { name: '경상북도', short: '경북', aliases: ['경북', '경상북도'] },
  { name: '경상남도', short: '경남', aliases: ['경남', '경상남도'] },
  { name: '제주특별자치도', short: '제주', aliases: ['제주', '제주도', '제주특별자치도'] },
] as const;

export const UNKNOWN_SIDO = '미상';

const SIDO_LOOKUP: Map<string, string> = new Map(SIDO.flatMap((s) => s.aliases.map((a) => [a, s.name] as const)));

/**
 * The canonical 시도 for what a member wrote ("서울", "서울시 마포구", "전라북도"). "광주" alone is
 * 광주광역시 (경기도 광주시 is written with 경기). Unknown text gives '미상'.
 */
export function canonicalSido(text: string | undefined | null): string {
  if (!text) return UNKNOWN_SIDO;
  const t = text.normalize('NFC').trim();
  const first = t.split(/\s+/)[0] ?? '';
  if (first === '광주') return '광주광역시';
  return SIDO_LOOKUP.get(first) ?? SIDO_LOOKUP.get(t.replace(/\s+/g, '')) ?? UNKNOWN_SIDO;
}

/** Words that say nothing about which business it is: 주식회사, (주), 유한회사, 점 suffix spacing. */
const NAME_NOISE = /\(주\)|㈜|주식회사|\(유\)|유한회사|[\s\p{P}\p{S}]+/gu;

/** A name folded for comparison: NFC, no spaces, punctuation or company-form words, Latin lowercased. */
export function nameKey(name: string | undefined | null): string {
  if (!name) return '';
  return name.normalize('NFC').replace(NAME_NOISE, '').toLowerCase();
}

/** The name as jamo: 행복치킨 -> ㅎㅐㅇㅂㅗㄱㅊㅣㅋㅣㄴ, so one wrong vowel is one edit, not one whole syllable. */
export function jamo(name: string): string {
  return disassemble(name);
}

/**
 * Levenshtein distance, giving up as soon as it must exceed `max` (returns max + 1). Only a diagonal band
 * of width 2·max + 1 is computed: O(max · length) instead of O(length²).
 */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

export function boundedLevenshtein(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0 || lb === 0) return Math.max(la, lb);
  const INF = max + 1;
  // Two rows reused from call to call (a batch compares names millions of times: fresh arrays were most of
  // its garbage); every cell read is written first in this call, so nothing carries over.
  if (rowA.length < lb + 1) {
    rowA = new Int32Array(2 * (lb + 1));
    rowB = new Int32Array(2 * (lb + 1));
  }
  let prev = rowA;
  let curr = rowB;
  for (let j = 0; j <= lb; j++) prev[j] = j <= max ? j : INF;
  for (let i = 1; i <= la; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(lb, i + max);
    curr[0] = i <= max ? i : INF;
    if (from > 1) curr[from - 1] = INF;
    let rowMin = curr[0]!;
    const ca = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j - 1]! + cost, (j <= i - 1 + max ? prev[j]! : INF) + 1, curr[j - 1]! + 1);
      curr[j] = v > INF ? INF : v;
      if (v < rowMin) rowMin = v;
    }
    if (to < lb) curr[to + 1] = INF;
    if (rowMin > max) return INF;
    const done = prev;
    prev = curr;
    curr = done;
  }
  return prev[lb]! > max ? INF : prev[lb]!;
}

/** 1 - distance / longer length, over jamo strings: 1 is identical, 0 nothing in common. */
export function jamoSimilarity(aJamo: string, bJamo: string): number {
  const longer = Math.max(aJamo.length, bJamo.length);
  if (longer === 0) return 1;
  return 1 - boundedLevenshtein(aJamo, bJamo, longer) / longer;
}

/**
 * The fuzzy rule's threshold (docs/batch.md): two names match when their jamo strings are at least 85%
 * alike. A 4-syllable shop name is about 10 jamo: one typo (one jamo) is 90%, two are 80%.
 */
export const NAME_SIMILARITY_THRESHOLD = 0.85;

/** True when a and b (already jamo) are alike at least `threshold`, computed with an early exit. */
export function similarEnough(aJamo: string, bJamo: string, threshold = NAME_SIMILARITY_THRESHOLD): { match: boolean; similarity: number } {
  const longer = Math.max(aJamo.length, bJamo.length);
  if (longer === 0) return { match: false, similarity: 0 };
  const max = Math.floor(longer * (1 - threshold) + 1e-9);
  const d = boundedLevenshtein(aJamo, bJamo, max);
  if (d > max) return { match: false, similarity: 0 };
  return { match: true, similarity: 1 - d / longer };
}
