import type { ClaimantKind, MerchantIndustry, TaxiType } from '../../core/model';

/** What step 1 decided, enough to choose the starting values of the later steps. */
export interface ClaimantProfile {
  kind: ClaimantKind;
  industry?: MerchantIndustry;
  taxiType?: TaxiType;
}

/** A suggested sales channel: the id the importers use (core/io/channels.ts) and its label's i18n key. */
export interface SuggestedChannel {
  id: string;
  labelKey: ChannelLabelKey;
  isPlatform: boolean;
}

export const CHANNEL_LABEL_KEYS = [
  'kakaoTDaeri', 'kakaoTTaxi', 'otherDriverApp', 'phoneCall', 'streetHail', 'talkChannelOrder', 'talkChannelBooking',
  'kakaoPay', 'kakaoGift', 'card', 'cash', 'phoneOrder', 'deliveryApp',
] as const;
export type ChannelLabelKey = (typeof CHANNEL_LABEL_KEYS)[number];

const ch = (id: string, labelKey: ChannelLabelKey, isPlatform: boolean): SuggestedChannel => ({ id, labelKey, isPlatform });

/**
 * Sensible channels per kind (domain.md section 1): the platform that failed, and the other ways the same
 * customers reach the claimant (those are mitigation, section 4 of the loss model).
 */
export function suggestedChannels(p: ClaimantProfile): SuggestedChannel[] {
  if (p.kind === 'designated-driver') {
    return [ch('kakao-t', 'kakaoTDaeri', true), ch('other-app', 'otherDriverApp', false), ch('phone', 'phoneCall', false)];
  }
  if (p.kind === 'taxi') {
    return [ch('kakao-t', 'kakaoTTaxi', true), ch('street', 'streetHail', false), ch('phone', 'phoneCall', false)];
  }
  switch (p.industry) {
    case 'restaurant':
      return [
        ch('kakao-talk', 'talkChannelOrder', true), ch('kakao-pay', 'kakaoPay', true), ch('card', 'card', false),
        ch('cash', 'cash', false), ch('phone', 'phoneOrder', false), ch('other-app', 'deliveryApp', false),
      ];
    case 'cafe':
      return [ch('kakao-gift', 'kakaoGift', true), ch('kakao-pay', 'kakaoPay', true), ch('card', 'card', false), ch('cash', 'cash', false)];
    case 'retail':
      return [ch('kakao-talk', 'talkChannelOrder', true), ch('kakao-pay', 'kakaoPay', true), ch('card', 'card', false), ch('cash', 'cash', false), ch('phone', 'phoneOrder', false)];
    case 'personal-services':
      return [ch('kakao-talk', 'talkChannelBooking', true), ch('kakao-pay', 'kakaoPay', true), ch('card', 'card', false), ch('cash', 'cash', false), ch('phone', 'phoneOrder', false)];
    default:
      return [ch('kakao-pay', 'kakaoPay', true), ch('card', 'card', false), ch('cash', 'cash', false), ch('phone', 'phoneOrder', false)];
  }
}

/** The Kakao 2022 services each kind usually depended on (ids of the preset's services). */
export function suggestedServices(p: ClaimantProfile): string[] {
  if (p.kind === 'designated-driver') return ['kakao-t-daeri'];
  if (p.kind === 'taxi') return ['kakao-t-taxi'];
  if (p.industry === 'cafe') return ['kakao-pay', 'kakaotalk-gift-order'];
  if (p.industry === 'other') return ['kakao-pay'];
  return ['talk-channel', 'kakao-pay'];
}

/** Drivers' calls come per hour from the app; shops usually have daily card statements. */
export function suggestedGranularity(p: ClaimantProfile): 'hourly' | 'daily' {
  return p.kind === 'merchant' ? 'daily' : 'hourly';
}
