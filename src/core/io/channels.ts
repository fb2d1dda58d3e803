import { romanize } from 'es-hangul';

/**
 * Channel values as they appear in exports → the app's channel ids. Small on purpose: anything else is
 * mapped through the caller's `channelMap` or slugified, and reported so the user can correct it.
 */
const KNOWN_CHANNELS: Record<string, readonly string[]> = {
  'kakao-t': ['카카오t', '카카오택시', '카카오t택시', '카카오t대리', '카카오대리', '카카오모빌리티', 'kakaot', 'kakaotaxi', 'kakaomobility'],
  'kakao-pay': ['카카오페이', 'kakaopay'],
  'kakao-talk': ['카카오톡', '톡채널', '카카오톡채널', '톡주문', '카카오톡주문하기', '카톡', 'kakaotalk', 'talkchannel'],
  'kakao-gift': ['카카오톡선물하기', '카카오선물하기', '선물하기', '기프티콘', 'kakaogift', 'gifticon'],
  phone: ['전화', '전화주문', '전화콜', '콜센터', 'phone', 'call'],
  'other-app': ['배달앱', '배민', '배달의민족', '요기요', '쿠팡이츠', '땡겨요', '티맵대리', '티맵택시', '우티', '타다', '아이엠택시', '기타앱', 'otherapp', 'baemin', 'yogiyo', 'coupangeats', 'tmap', 'uber', 'uti'],
  card: ['카드', '신용카드', '체크카드', '카드결제', 'card', 'creditcard'],
  cash: ['현금', '현금결제', 'cash'],
  'walk-in': ['매장', '방문', '홀', '포장', '매장방문', 'walkin', 'store', 'instore'],
};

const CHANNEL_ID_RE = /^[a-z0-9][a-z0-9-]*$/;

function normaliseValue(value: string): string {
  return value.replace(/[\s_\-·.]/gu, '').toLowerCase();
}

const LOOKUP: Map<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [id, names] of Object.entries(KNOWN_CHANNELS)) {
    map.set(id.replace(/-/g, ''), id);
    for (const name of names) map.set(name, id);
  }
  return map;
})();

/**
 * A leading sign is a word, not punctuation: cells `+1` and `-1` are two channels, and neither is `1`.
 * (− U+2212 and the full-width ＋ － are the same signs.)
 */
function spellLeadingSign(value: string): string {
  const trimmed = value.trim();
  const sign = /^[+\uFF0B]/u.test(trimmed) ? 'plus ' : /^[-\u2212\uFF0D]/u.test(trimmed) ? 'minus ' : '';
  return sign ? sign + trimmed.slice(1) : trimmed;
}

/** "네이버 페이" → "neibeo-pei", "+1" → "plus-1"; falls back to "channel" if nothing usable is left. */
export function slugifyChannel(value: string): string {
  const signed = spellLeadingSign(value);
  const romanised = /[가-힣]/u.test(signed) ? romanize(signed) : signed;
  const slug = romanised
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return slug || 'channel';
}

export function isChannelId(value: string): boolean {
  return CHANNEL_ID_RE.test(value) && value.length <= 40;
}

export type ChannelResolution = { id: string; known: boolean };

/**
 * Resolve one raw channel value. `channelMap` (raw value → id) wins over the built-in table; an
 * unknown value is slugified and flagged `known: false` for the warning.
 */
export function resolveChannel(raw: string, channelMap?: ReadonlyMap<string, string>): ChannelResolution {
  const trimmed = raw.trim();
  const mapped = channelMap?.get(trimmed) ?? channelMap?.get(normaliseValue(trimmed));
  if (mapped) return { id: mapped, known: true };
  const known = LOOKUP.get(normaliseValue(trimmed));
  if (known) return { id: known, known: true };
  if (isChannelId(trimmed)) return { id: trimmed, known: false };
  return { id: slugifyChannel(trimmed), known: false };
}

/** Two raw cells are the same unknown channel only when they read the same apart from case, spacing and width. */
function unknownIdentity(raw: string): string {
  return raw.normalize('NFKC').replace(/\u2212/gu, '-').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/**
 * `resolveChannel` for one whole file: slugs are lossy ("1", "#1" and "1!" all slugify to "1"), so a
 * raw value that would take a slug another, different raw value already took gets "-2", "-3", ...
 * instead of being silently added into that other channel. Resolve in row order, so the preview's
 * suggestions and the import agree.
 */
export function createChannelResolver(channelMap?: ReadonlyMap<string, string>): (raw: string) => ChannelResolution {
  const owners = new Map<string, string>();
  return (raw) => {
    const resolved = resolveChannel(raw, channelMap);
    if (resolved.known) return resolved;
    const identity = unknownIdentity(raw);
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : `-${n}`;
      const id = resolved.id.slice(0, 40 - suffix.length).replace(/-+$/g, '') + suffix;
      const owner = owners.get(id);
      if (owner === undefined) owners.set(id, identity);
      if (owner === undefined || owner === identity) return { id, known: false };
    }
  };
}

/** Build the lookup for a user's channel map, accepting raw or normalised keys. */
export function channelMapLookup(map: Readonly<Record<string, string>> | undefined): Map<string, string> {
  const lookup = new Map<string, string>();
  if (!map) return lookup;
  for (const [raw, id] of Object.entries(map)) {
    lookup.set(raw.trim(), id);
    lookup.set(normaliseValue(raw), id);
  }
  return lookup;
}
