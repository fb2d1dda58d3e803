import { z } from 'zod';
import { bi, idSchema, wonAmountSchema } from './common';
import { channelIdSchema } from './record';
import { isValidBusinessNumber, isValidEmail, isValidMobile } from './validators';

export const MERCHANT_INDUSTRIES = ['restaurant', 'cafe', 'retail', 'personal-services', 'other'] as const;
export const TAXI_TYPES = ['corporate', 'private', 'franchise'] as const;
export const CLAIMANT_KINDS = ['merchant', 'taxi', 'designated-driver'] as const;

export const businessNumberSchema = z
  .string()
  .refine(isValidBusinessNumber, bi('사업자등록번호가 올바르지 않아요 (XXX-XX-XXXXX, 검증 숫자 확인)', 'business registration number is invalid (XXX-XX-XXXXX, check digit)'));

export const mobileSchema = z
  .string()
  .refine(isValidMobile, bi('휴대전화 번호는 010-1234-5678 형식이어야 해요', 'mobile must look like 010-1234-5678'));

export const emailSchema = z
  .string()
  .refine(isValidEmail, bi('이메일 주소 형식이 아니에요', 'not an e-mail address'));

export const bankAccountSchema = z.object({
  bank: z.string().min(1, bi('은행 이름이 비어 있어요', 'bank is empty')).max(40),
  number: z.string().regex(/^[0-9][0-9-]{5,30}$/, bi('계좌번호는 숫자와 -만 써요', 'account number: digits and - only')),
  holder: z.string().min(1, bi('예금주가 비어 있어요', 'account holder is empty')).max(60),
});

export const regionSchema = z.object({
  /** 시도, e.g. 서울특별시 */
  sido: z.string().min(1, bi('시도가 비어 있어요', 'province/city is empty')).max(20),
  /** 시군구, e.g. 마포구 */
  sigungu: z.string().max(20).default(''),
});

/** Where a declared average fare (drivers) or average ticket (merchants) comes from, chosen in words. */
export const FARE_SOURCES = ['trip-history', 'union-survey', 'other'] as const;

/**
 * A channel's declared average fare (평균 요금 / 평균 객단가): used for that channel's records without
 * revenue when its reference records carry none (loss model section 1, "the ticket the user declared").
 */
export const channelFareSchema = z
  .object({
    amount: wonAmountSchema.refine((n) => n > 0, bi('평균 요금은 0원보다 커야 해요', 'the average fare must be more than 0 KRW')),
    source: z.enum(FARE_SOURCES),
    /** Required for `other`: where the figure comes from, in the claimant's words. */
    note: z.string().trim().max(500).default(''),
  })
  .superRefine((fare, ctx) => {
    if (fare.source === 'other' && fare.note.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: bi('평균 요금을 어디서 얻었는지 적어 주세요', 'say where the average fare comes from') });
    }
  });

export const salesChannelSchema = z.object({
  id: channelIdSchema,
  label: z.string().min(1, bi('채널 이름이 비어 있어요', 'channel label is empty')).max(60),
  /** True when the channel is the outage platform itself (e.g. Kakao T, Talk Channel orders). */
  isPlatform: z.boolean(),
  /** Declared average fare of this channel (absent in claims made before it existed). */
  averageFare: channelFareSchema.optional(),
});

const claimantBase = {
  name: z.string().trim().min(1, bi('이름이 비어 있어요', 'name is empty')).max(100),
  mobile: mobileSchema,
  email: emailSchema.optional(),
  bankAccount: bankAccountSchema.optional(),
  region: regionSchema.optional(),
  /** Ids of the incident's services this claimant depends on (the claim window is their union). */
  servicesUsed: z.array(idSchema).default([]),
  salesChannels: z.array(salesChannelSchema).min(1, bi('판매 채널을 하나 이상 적어요', 'list at least one sales channel')),
};

export const merchantSchema = z.object({
  kind: z.literal('merchant'),
  industry: z.enum(MERCHANT_INDUSTRIES),
  /** Shop or company name (상호) beside the owner's name. */
  businessName: z.string().max(100).optional(),
  businessNumber: businessNumberSchema,
  ...claimantBase,
});

export const taxiDriverSchema = z.object({
  kind: z.literal('taxi'),
  taxiType: z.enum(TAXI_TYPES),
  /** Private (개인) and franchise owners have one; corporate drivers usually not. */
  businessNumber: businessNumberSchema.optional(),
  ...claimantBase,
});

export const designatedDriverSchema = z.object({
  kind: z.literal('designated-driver'),
  businessNumber: businessNumberSchema.optional(),
  ...claimantBase,
});

export const claimantSchema = z.discriminatedUnion('kind', [merchantSchema, taxiDriverSchema, designatedDriverSchema]);

export type MerchantIndustry = (typeof MERCHANT_INDUSTRIES)[number];
export type TaxiType = (typeof TAXI_TYPES)[number];
export type ClaimantKind = (typeof CLAIMANT_KINDS)[number];

/** A taxi or designated driver: earns fares (수입, 평균 요금), where a shop makes sales (매출, 평균 객단가). */
export function isDriverKind(kind: string | undefined): boolean {
  return kind === 'taxi' || kind === 'designated-driver';
}
export type SalesChannel = z.infer<typeof salesChannelSchema>;
export type ChannelFare = z.infer<typeof channelFareSchema>;
export type FareSource = (typeof FARE_SOURCES)[number];
export type Claimant = z.infer<typeof claimantSchema>;
