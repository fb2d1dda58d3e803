import { claimSchema, type Claim, type ClaimInput } from '../model/claim';

type ActivityRecord = ClaimInput['records'][number];
import { kakao2022October } from '../incidents/kakao-2022-10';
import { comparedNameOf } from './dedupe';
import { similarNamePairsIndexed, type NameEntry } from './name-pairs';
import { jamo, SIDO } from './normalise';
import { seededRandom } from '../random';
import { GENERIC_CHANNEL, KAKAO_2022 } from '../incidents/ids';

/**
 * Synthetic association batches for tests and measurements: N members with realistic records around the
 * Kakao 2022 window (daily card and platform sales for shops, hourly calls for taxi and designated
 * drivers), all three claimant kinds, all 17 시도, and a few planted duplicates, listed so a test can
 * check that exactly those are found. Seeded: the same seed gives the same batch, byte for byte.
 */

export { seededRandom } from '../random';

export type PlantedRule = 'business-number' | 'mobile' | 'bank-account' | 'similar-name' | 'same-packet';
export type Planted = { rule: PlantedRule; files: [string, string] };
export type SynthMember = { fileName: string; channel: string; claim: Claim };
export type SynthBatch = { seed: number; members: SynthMember[]; copies: { of: string; fileName: string }[]; planted: Planted[] };

/**
 * Person names: 81 surnames × 86 × 86 given syllables, about 600,000 names. A national batch puts some
 * 7,700 drivers in 경기도 alone, compared by name only, so the names must come from a space that wide for
 * near-identical names by chance to be few (a few hundred at 105,116 members, drawn again below).
 */
const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황', '안', '송', '류', '홍', '문', '양', '손', '배', '백', '허', '남', '심', '노', '곽', '차', '주', '우', '구', '민', '진', '나', '지', '엄', '변', '채', '원', '천', '방', '공', '현', '함', '염', '여', '추', '도', '소', '석', '선', '설', '마', '길', '연', '위', '표', '명', '기', '반', '왕', '금', '옥', '육', '인', '맹', '제', '모', '탁', '국', '어', '편', '용', '남궁', '황보', '제갈', '선우', '독고'];
const GIVEN = ['민', '서', '지', '현', '준', '도', '하', '예', '수', '영', '재', '유', '승', '태', '은', '성', '윤', '우', '연', '호', '아', '진', '빈', '희', '원', '훈', '석', '경', '혁', '주', '동', '상', '정', '혜', '미', '소', '가', '나', '다', '채', '세', '시', '규', '건', '찬', '용', '철', '광', '기', '범', '한', '결', '온', '별', '솔', '늘', '율', '림', '람', '겸', '인', '선', '화', '란', '숙', '옥', '순', '자', '형', '환', '욱', '근', '택', '식', '국', '봉', '일', '남', '명', '창', '종', '덕', '보', '들', '새', '봄'];
const SHOP_WORDS = ['행복', '해돋이', '골목', '바다', '소나무', '햇살', '한마음', '풍년', '새봄', '달빛', '들꽃', '산들', '푸른', '온누리', '별빛', '미소', '다온', '가온', '누리', '한빛'];
const SHOP_TYPES: Record<string, string[]> = {
  restaurant: ['치킨', '국밥', '떡볶이', '분식', '한식당', '족발', '칼국수', '돈까스'],
  cafe: ['커피', '카페', '베이커리', '디저트'],
  retail: ['마트', '문구', '꽃집', '슈퍼', '잡화'],
  'personal-services': ['헤어', '네일', '세탁소', '사진관'],
  other: ['공방', '스튜디오', '상회'],
};
const SIGUNGU: Record<string, string[]> = {
  서울특별시: ['마포구', '강남구', '종로구', '송파구', '관악구'], 부산광역시: ['해운대구', '부산진구', '동래구'], 대구광역시: ['중구', '수성구', '달서구'],
  인천광역시: ['남동구', '부평구', '연수구'], 광주광역시: ['북구', '서구', '광산구'], 대전광역시: ['유성구', '서구', '중구'], 울산광역시: ['남구', '중구'],
  세종특별자치시: [''], 경기도: ['수원시', '성남시', '고양시', '용인시', '부천시'], 강원특별자치도: ['춘천시', '원주시', '강릉시'], 충청북도: ['청주시', '충주시'],
  충청남도: ['천안시', '아산시', '공주시'], 전북특별자치도: ['전주시', '군산시', '익산시'], 전라남도: ['목포시', '여수시', '순천시'], 경상북도: ['포항시', '경주시', '구미시'],
  경상남도: ['창원시', '김해시', '진주시'], 제주특별자치도: ['제주시', '서귀포시'],
};
/** Rough population weights (millions, 2022) so the regions look like a national association's. */
const SIDO_WEIGHT = [9.4, 3.3, 2.4, 3.0, 1.4, 1.4, 1.1, 0.4, 13.6, 1.5, 1.6, 2.1, 1.8, 1.8, 2.6, 3.3, 0.7];
const BANKS = ['국민은행', '신한은행', '우리은행', '하나은행', '농협', '기업은행', '카카오뱅크', '토스뱅크', '새마을금고', '우체국'];
/** How an association member might spell the same bank in another file. */
const BANK_RESPELL: Record<string, string> = { 국민은행: 'KB국민', 신한은행: '신한', 우리은행: '우리', 하나은행: 'KEB하나은행', 농협: 'NH농협은행', 기업은행: 'IBK기업', 카카오뱅크: '카카오', 토스뱅크: '토스', 새마을금고: 'MG새마을금고', 우체국: '우체국예금' };

const BUSINESS_WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5];

function businessNumberFrom(nine: number[]): string {
  let s = 0;
  for (let i = 0; i < 9; i++) s += nine[i]! * BUSINESS_WEIGHTS[i]!;
  s += Math.floor((nine[8]! * 5) / 10);
  const d = [...nine, (10 - (s % 10)) % 10].join('');
  return `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function dateRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** Vowel swaps that change exactly one jamo (both vowels are single jamo in es-hangul's disassembly). */
const VOWEL_SWAP: Record<number, number> = { 0: 2, 2: 0, 1: 5, 5: 1, 4: 6, 6: 4, 8: 12, 12: 8, 13: 17, 17: 13, 18: 20, 20: 18 };

/** One jamo of the last syllable whose vowel can be swapped changes: a typo, not another person. */
export function typoOf(name: string): string {
  const chars = [...name];
  for (let i = chars.length - 1; i >= 0; i--) {
    const code = chars[i]!.charCodeAt(0) - 0xac00;
    if (code < 0 || code > 11171) continue;
    const jung = Math.floor((code % 588) / 28);
    const swap = VOWEL_SWAP[jung];
    if (swap === undefined) continue;
    chars[i] = String.fromCharCode(0xac00 + code - jung * 28 + swap * 28);
    return chars.join('');
  }
  return `${name}이`;
}

type Draft = {
  id: string;
  kind: 'merchant' | 'taxi' | 'designated-driver';
  industry: string;
  name: string;
  businessName?: string;
  businessNumber?: string;
  mobile: string;
  bank: { bank: string; number: string; holder: string };
  sido: string;
  sigungu: string;
  services: string[];
  taxiType?: 'corporate' | 'private' | 'franchise';
  scale: number;
};

class Generator {
  private readonly used = { bn: new Set<string>(), mobile: new Set<string>(), account: new Set<string>() };
  constructor(readonly rand: () => number) {}
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)]!;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rand() * (hi - lo + 1));
  }
  personName(): string {
    return `${this.pick(SURNAMES)}${this.pick(GIVEN)}${this.pick(GIVEN)}`;
  }
  shopName(industry: string, sigungu: string): string {
    const branch = sigungu && this.rand() < 0.5 ? ` ${sigungu.replace(/[시구군]$/, '')}점` : '';
    return `${this.pick(SHOP_WORDS)}${this.pick(SHOP_TYPES[industry] ?? SHOP_TYPES.other!)}${branch}`;
  }
  businessNumber(): string {
    for (;;) {
      const bn = businessNumberFrom(Array.from({ length: 9 }, () => this.int(0, 9)));
      if (!this.used.bn.has(bn)) {
        this.used.bn.add(bn);
        return bn;
      }
    }
  }
  mobile(): string {
    for (;;) {
      const m = `010-${this.int(2000, 9999)}-${pad2(this.int(0, 99))}${pad2(this.int(0, 99))}`;
      if (!this.used.mobile.has(m)) {
        this.used.mobile.add(m);
        return m;
      }
    }
  }
  account(holder: string): Draft['bank'] {
    for (;;) {
      const bank = this.pick(BANKS);
      const number = `${this.int(100000, 999999)}-${pad2(this.int(10, 99))}-${this.int(100000, 999999)}`;
      const key = `${bank}:${number}`;
      if (!this.used.account.has(key)) {
        this.used.account.add(key);
        return { bank, number, holder };
      }
    }
  }
}

const SERVICE_NAME = new Map(kakao2022October.services.map((s) => [s.id, s.name]));

function sidoFor(g: Generator, i: number): string {
  if (i < SIDO.length) return SIDO[i]!.name;
  const total = SIDO_WEIGHT.reduce((a, b) => a + b, 0);
  let r = g.rand() * total;
  for (let k = 0; k < SIDO.length; k++) {
    r -= SIDO_WEIGHT[k]!;
    if (r <= 0) return SIDO[k]!.name;
  }
  return SIDO[0]!.name;
}

function draftMember(g: Generator, i: number): Draft {
  const kinds = ['merchant', 'taxi', 'designated-driver'] as const;
  const r = g.rand();
  const kind = i < 3 ? kinds[i]! : r < 0.7 ? 'merchant' : r < 0.88 ? 'taxi' : 'designated-driver';
  const sido = sidoFor(g, i);
  const sigungu = g.pick(SIGUNGU[sido] ?? ['']);
  const name = g.personName();
  const id = `member-${String(i + 1).padStart(5, '0')}`;
  const bank = g.account(name);
  if (kind === 'merchant') {
    const industry = g.pick(['restaurant', 'restaurant', 'restaurant', 'cafe', 'cafe', 'retail', 'retail', 'personal-services', 'other']);
    const services = ['talk-channel', 'kakao-pay', 'kakaotalk-gift-order', 'kakaotalk', 'kakao-navi-map'].filter((_, k) => g.rand() < [0.5, 0.38, 0.25, 0.3, 0.1][k]!);
    if (!services.length) services.push('talk-channel');
    return { id, kind, industry, name, businessName: g.shopName(industry, sigungu), businessNumber: g.businessNumber(), mobile: g.mobile(), bank, sido, sigungu, services, scale: 0.4 + g.rand() * 2.2 };
  }
  if (kind === 'taxi') {
    const taxiType = g.pick(['corporate', 'private', 'private', 'franchise'] as const);
    const services = ['kakao-t-taxi', ...(g.rand() < 0.4 ? ['kakao-navi-map'] : [])];
    return { id, kind, industry: 'taxi', name, ...(taxiType !== 'corporate' ? { businessNumber: g.businessNumber() } : {}), mobile: g.mobile(), bank, sido, sigungu, services, taxiType, scale: 0.7 + g.rand() * 0.8 };
  }
  return { id, kind, industry: 'designated-driver', name, mobile: g.mobile(), bank, sido, sigungu, services: ['kakao-t-daeri'], scale: 0.6 + g.rand() * 0.9 };
}

const OUTAGE_DAYS_TALK = new Set(dateRange('2022-10-15', '2022-10-20'));
const OUTAGE_DAYS_PAY = new Set(['2022-10-15', '2022-10-16']);
const DAILY_BASE: Record<string, number> = { restaurant: 700_000, cafe: 400_000, retail: 600_000, 'personal-services': 300_000, other: 400_000 };
const WEEKDAY_FACTOR = [1.1, 0.85, 0.9, 0.95, 1.0, 1.2, 1.3];

function merchantRecords(g: Generator, d: Draft): ActivityRecord[] {
  const records: ActivityRecord[] = [];
  const base = DAILY_BASE[d.industry]! * d.scale;
  const platformShare = 0.04 + g.rand() * 0.26;
  const ticket = g.pick([8_000, 12_000, 15_000, 22_000, 30_000]);
  const mitigation = g.rand() * 0.5;
  const talk = d.services.includes('talk-channel');
  const provenance = { kind: 'reconstructed' as const, note: '카드매출 조회와 카카오 정산 내역에서 옮김' };
  for (const date of dateRange('2022-09-01', '2022-10-31')) {
    const day = base * WEEKDAY_FACTOR[weekday(date)]! * (0.88 + g.rand() * 0.24);
    let platform = day * platformShare;
    let card = day - platform;
    const hit = talk ? OUTAGE_DAYS_TALK.has(date) : OUTAGE_DAYS_PAY.has(date);
    if (hit) {
      const lost = platform * (0.6 + g.rand() * 0.4);
      platform -= lost;
      card += lost * mitigation;
    }
    const cardRevenue = Math.round(card / 100) * 100;
    const platformRevenue = Math.round(platform / 100) * 100;
    records.push({ bucket: date, channel: 'card', count: Math.max(0, Math.round(cardRevenue / ticket)), revenue: cardRevenue, provenance });
    records.push({ bucket: date, channel: 'kakao', count: Math.max(0, Math.round(platformRevenue / ticket)), revenue: platformRevenue, provenance });
  }
  return records;
}

/** Saturday and Sunday hours for drivers: the outage weekend and the six before it. */
const WEEKENDS = [0, 1, 2, 3, 4, 5, 6].map((k) => {
  const sat = new Date(Date.parse('2022-10-15T00:00:00Z') - k * 7 * 86_400_000).toISOString().slice(0, 10);
  const sun = new Date(Date.parse(`${sat}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { sat, sun, outage: k === 0 };
});

function driverRecords(g: Generator, d: Draft): ActivityRecord[] {
  const records: ActivityRecord[] = [];
  const taxi = d.kind === 'taxi';
  const fare = taxi ? g.pick([9_000, 11_000, 13_000]) : g.pick([15_000, 18_000, 20_000, 25_000]);
  const platformChannel = 'kakao-t';
  const provenance = { kind: 'reconstructed' as const, note: '카카오 T 기사 앱 운행 내역 화면에서 옮김' };
  const satHours = taxi ? [15, 16, 17, 18, 19, 20, 21, 22, 23] : [20, 21, 22, 23];
  const sunHours = taxi ? [0, 1, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21] : [0, 1, 20, 21];
  for (const w of WEEKENDS) {
    for (const [date, hours] of [[w.sat, satHours], [w.sun, sunHours]] as const) {
      for (const h of hours) {
        const usual = (taxi ? 1.6 : 2.2) * d.scale * (0.6 + g.rand() * 0.8);
        const bucket = `${date}T${pad2(h)}:00+09:00`;
        if (w.outage) {
          records.push({ bucket, channel: platformChannel, count: 0, revenue: 0, provenance });
          const other = Math.round(usual * g.rand() * 0.5);
          if (other > 0) records.push({ bucket, channel: 'other-app', count: other, revenue: other * fare, provenance });
        } else {
          const count = Math.round(usual);
          records.push({ bucket, channel: platformChannel, count, revenue: count * fare, provenance });
        }
      }
    }
  }
  return records;
}

function claimOf(g: Generator, d: Draft): Claim {
  const merchant = d.kind === 'merchant';
  const platformLabel = merchant ? '카카오 (톡채널·페이·선물하기)' : d.kind === 'taxi' ? '카카오 T 택시' : '카카오 T 대리';
  const salesChannels = merchant
    ? [{ id: 'card', label: '카드', isPlatform: false }, { id: 'kakao', label: platformLabel, isPlatform: true }]
    : [{ id: 'kakao-t', label: platformLabel, isPlatform: true }, { id: 'other-app', label: '다른 호출 앱', isPlatform: false }];
  const base = {
    name: d.name,
    mobile: d.mobile,
    bankAccount: d.bank,
    region: { sido: d.sido, sigungu: d.sigungu },
    servicesUsed: d.services,
    salesChannels,
  };
  const claimant = merchant
    ? { kind: 'merchant' as const, industry: d.industry as 'restaurant', businessName: d.businessName, businessNumber: d.businessNumber!, ...base }
    : d.kind === 'taxi'
      ? { kind: 'taxi' as const, taxiType: d.taxiType!, ...(d.businessNumber ? { businessNumber: d.businessNumber } : {}), ...base }
      : { kind: 'designated-driver' as const, ...base };
  const indirectItems = g.rand() < 0.6
    ? [{ id: 'prep', kind: 'claim-prep' as const, hours: g.pick([1, 1.5, 2, 3]), justification: '장애로 생긴 손해를 청구하려면 자료를 모으고 서류를 써야 하는 것이 당연히 예상돼요.' }]
    : [];
  const directItems = merchant && g.rand() < 0.3
    ? [{ id: 'refund', category: 'refund' as const, description: '주문 취소 환불', amount: g.int(1, 30) * 5_000 }]
    : [];
  const input: ClaimInput = {
    format: 'outage-loss-desk/claim',
    formatVersion: 1,
    id: d.id,
    title: `${d.businessName ?? d.name} 2022-10 카카오 장애`,
    createdAt: '2022-10-25T10:00+09:00',
    claimant,
    incident: kakao2022October,
    granularity: merchant ? 'daily' : 'hourly',
    records: merchant ? merchantRecords(g, d) : driverRecords(g, d),
    directItems,
    indirectItems,
  };
  // The claim's head through the schema as ever; the records, thousands of plain objects the schema keeps
  // as they are, are put back unparsed: a fifth of the cost (tests/core/batch/synth-fast.test.ts holds the
  // result equal to parsing the whole claim).
  return { ...claimSchema.parse({ ...input, records: [] }), records: input.records } as Claim;
}

const CHANNEL_OF = { merchant: KAKAO_2022.smbDocumentsChannel, taxi: KAKAO_2022.mobilityTaxiChannel, 'designated-driver': GENERIC_CHANNEL.damage365 } as const;

/**
 * N members, then the plants: for every rule, max(1, N/200) pairs (when N allows), each made from members
 * not used by another plant. Names that came out near-identical by chance are drawn again, so the only
 * similar names are the planted ones.
 */
export type SynthOptions = {
  /**
   * Give about seven members in ten a history of submissions (sent, an offer, paid, rejected then taken
   * to 피해365), drawn from their own seeded sequence so everything else stays as without it.
   */
  submissions?: boolean;
};

export function synthBatch(count: number, seed: number, options: SynthOptions = {}): SynthBatch {
  const plan = synthPlan(count, seed, options);
  return { seed, members: [...plan.members()], copies: plan.copies, planted: plan.planted };
}

/**
 * The batch as a plan: who is planted with whom is decided up front (small: a draft is a few names and
 * numbers), and the members' claims, hundreds of records each, are made one at a time in order as
 * `members()` is iterated, so 100,000 of them never sit in memory together. Iterating gives exactly
 * what `synthBatch` lists (one generator, the same draws in the same order).
 */
export type SynthPlan = { seed: number; count: number; copies: { of: string; fileName: string }[]; planted: Planted[]; members: () => IterableIterator<SynthMember> };

export function synthPlan(count: number, seed: number, options: SynthOptions = {}): SynthPlan {
  if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be a positive whole number');
  const g = new Generator(seededRandom(seed));
  const drafts = Array.from({ length: count }, (_, i) => draftMember(g, i));
  const planted: Planted[] = [];
  const copies: { of: string; fileName: string }[] = [];
  const file = (d: Draft) => `${d.id}.zip`;
  const perRule = count >= 12 ? Math.max(1, Math.floor(count / 200)) : 0;
  // The first member not yet in a plant (the three first, one of each kind, never are) that a rule wants.
  // Members only leave the free ones, so the first free member a rule wants never moves back: one cursor
  // per rule makes picking linear (a findIndex and splice over the free list was quadratic at 105,116).
  const taken = new Uint8Array(count);
  const cursors = new Map<(d: Draft) => boolean, number>();
  const take = (want: (d: Draft) => boolean): Draft | undefined => {
    let k = cursors.get(want) ?? 3;
    while (k < count && (taken[k] || !want(drafts[k]!))) k++;
    cursors.set(want, k);
    if (k >= count) return undefined;
    taken[k] = 1;
    return drafts[k];
  };
  const merchant = (d: Draft) => d.kind === 'merchant';
  const anyone = () => true;
  // Only the near-identical-name plants need their names as they are; every other name may be drawn again.
  const plantedPair = new Map<string, [Draft, Draft]>();
  for (let n = 0; n < perRule; n++) {
    const pairs: [PlantedRule, Draft | undefined, Draft | undefined][] = [];
    pairs.push(['business-number', take(merchant), take(merchant)]);
    pairs.push(['mobile', take(anyone), take(anyone)]);
    pairs.push(['bank-account', take(anyone), take(anyone)]);
    const base = take(merchant);
    pairs.push(['similar-name', base, base ? take(merchant) : undefined]);
    for (const [rule, a, b] of pairs) {
      if (!a || !b) continue;
      if (rule === 'business-number') b.businessNumber = a.businessNumber;
      if (rule === 'mobile') b.mobile = a.mobile;
      if (rule === 'bank-account') b.bank = { bank: BANK_RESPELL[a.bank.bank] ?? a.bank.bank, number: a.bank.number.replace(/-/g, ''), holder: b.name };
      if (rule === 'similar-name') {
        b.sido = a.sido;
        b.sigungu = a.sigungu;
        b.businessName = a.businessName;
        b.name = typoOf(a.name);
        b.bank = { ...b.bank, holder: b.name };
      }
      planted.push({ rule, files: [file(a), file(b)] });
      if (rule === 'similar-name') {
        const pair: [Draft, Draft] = [a, b];
        plantedPair.set(a.id, pair).set(b.id, pair);
      }
    }
    const twice = take(anyone);
    if (twice) {
      const copy = `${twice.id}-copy.zip`;
      copies.push({ of: file(twice), fileName: copy });
      planted.push({ rule: 'same-packet', files: [file(twice), copy] });
    }
  }
  clearChanceNameClashes(g.rand, drafts, [...new Set(plantedPair.values())]);
  let started = false;
  function* members(): IterableIterator<SynthMember> {
    // The generator's draws are shared: a plan is iterated once.
    if (started) throw new Error('a synth plan is iterated once');
    started = true;
    const s = options.submissions ? new Generator(seededRandom((seed ^ 0x5eb_0b15) >>> 0)) : null;
    for (const d of drafts) {
      const m = { fileName: file(d), channel: CHANNEL_OF[d.kind], claim: claimOf(g, d) };
      if (s) m.claim = { ...m.claim, submissions: submissionsOf(s, m.claim, m.channel) };
      yield m;
    }
  }
  return { seed, count, copies, planted, members };
}

/** What the name-clash clearing reads and redraws of a member. */
export type NameDraft = Pick<Draft, 'id' | 'sido' | 'name' | 'businessName' | 'industry' | 'sigungu' | 'bank'>;

/**
 * Chance near-identical names (two 김민준 running two 행복치킨 in one city) would be real suspected pairs:
 * draw those names again until only the planted pairs (`planted`, each [a, b] with b the typo of a, a
 * listed first) remain. A clash with a planted member redraws the other; two planted pairs that clash
 * redraw the later pair's name, its typo and shop name following. Draws come from `rand` in clash order,
 * so a seed gives the same names.
 *
 * Only the first round compares every name of a 시도 with the others; later rounds look only at pairs
 * holding a name drawn in the round before (every other pair was looked at already and has not changed),
 * so a national batch's few hundred redraws cost a few hundred look-ups, not another whole search.
 */
export function clearChanceNameClashes(rand: () => number, drafts: NameDraft[], planted: [NameDraft, NameDraft][]): void {
  const g = new Generator(rand);
  const position = new Map(drafts.map((d, i) => [d.id, i]));
  const pairOf = new Map<string, [NameDraft, NameDraft]>();
  for (const pair of planted) pairOf.set(pair[0].id, pair).set(pair[1].id, pair);
  const plantedKeys = new Set(planted.map(([a, b]) => [position.get(a.id)!, position.get(b.id)!].sort((x, y) => x - y).join('|')));
  const entries: NameEntry[] = drafts.map((d, index) => {
    const name = comparedNameOf(d.businessName, d.name);
    return { index, sido: d.sido, name, jamo: jamo(name) };
  });
  let touching: Set<number> | undefined;
  for (let round = 0; ; round++) {
    const clashes = similarNamePairsIndexed(entries, undefined, touching);
    const redraw = clashes.filter(([i, j]) => !plantedKeys.has(`${i}|${j}`));
    if (!redraw.length) return;
    if (round === 50) throw new Error('names keep clashing after 50 redraws: try another seed');
    const drawn = new Set<number>();
    for (const [i, j] of redraw) {
      const d = [drafts[j]!, drafts[i]!].find((x) => !pairOf.has(x.id));
      if (!d) {
        const [a, b] = pairOf.get(drafts[j]!.id)!;
        a.name = g.personName();
        a.bank = { ...a.bank, holder: a.name };
        if (a.businessName) a.businessName = g.shopName(a.industry, a.sigungu);
        b.name = typoOf(a.name);
        b.businessName = a.businessName;
        b.bank = { ...b.bank, holder: b.name };
        drawn.add(position.get(a.id)!).add(position.get(b.id)!);
        continue;
      }
      d.name = g.personName();
      d.bank = { ...d.bank, holder: d.name };
      if (d.businessName) d.businessName = g.shopName(d.industry, d.sigungu);
      drawn.add(position.get(d.id)!);
    }
    for (const x of drawn) {
      const name = comparedNameOf(drafts[x]!.businessName, drafts[x]!.name);
      entries[x] = { index: x, sido: drafts[x]!.sido, name, jamo: jamo(name) };
    }
    touching = drawn;
  }
}

/** What Kakao's small-business bands paid (loss model 3.3); drivers were offered a few days' fees. */
const MERCHANT_OFFERS = [30_000, 50_000];

function submissionsOf(g: Generator, claim: Claim, channel: string): Claim['submissions'] {
  const r = g.rand();
  if (r < 0.3) return [];
  const day = g.int(1, 20);
  const sentAt = `2022-11-${pad2(day)}T${pad2(g.int(9, 18))}:${pad2(g.int(0, 5) * 10)}+09:00`;
  const answeredAt = `2022-12-${pad2(day)}T10:00+09:00`;
  const offer = claim.claimant.kind === 'merchant' ? g.pick(MERCHANT_OFFERS) : g.int(2, 12) * 5_000;
  const first = { id: 's1', channel, sentAt, notes: '' };
  if (r < 0.5) return [{ ...first, status: 'sent' }];
  if (r < 0.65) return [{ ...first, status: 'offer-made', offered: offer }];
  if (r < 0.85) return [{ ...first, status: 'paid', offered: offer, paid: offer }];
  // Rejected, then taken to 피해365 a week after the answer.
  return [
    { ...first, status: 'rejected' },
    { id: 's2', channel: GENERIC_CHANNEL.damage365, sentAt: answeredAt.replace(/^2022-12-(\d\d)/, (_, dd: string) => `2022-12-${pad2(Math.min(28, Number(dd) + 7))}`), status: 'sent', notes: '' },
  ];
}

export function serviceNameKo(id: string): string {
  return SERVICE_NAME.get(id)?.ko ?? id;
}
