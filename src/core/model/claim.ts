import { z } from 'zod';
import { activityRecordSchema, DAILY_BUCKET_RE } from './record';
import { MAX_CLAIM_RECORDS } from './record';
import { claimantSchema } from './claimant';
import { marginProblems } from '../estimate/margin';
import { claimWindowDates, referenceDateProblems } from '../estimate/explicit-references';
import { incidentSchema } from './incident';
import { bi, joined, idSchema, instantSchema, kstDateSchema, sha256Schema, wonAmountSchema } from './common';

export const CLAIM_FORMAT = 'outage-loss-desk/claim';
export const CLAIM_FORMAT_VERSION = 1;

export const ESTIMATORS = ['mean', 'median', 'trimmed'] as const;
export const BASELINE_METHODS = ['auto', 'same-slot', 'declared'] as const;

/** A share of gross revenue (0..1) whose starting value the user either confirmed or left as the default. */
export const shareAssumptionSchema = z.object({
  /** Absent: the default for the claimant kind (loss model section 4). */
  value: z.number().min(0, bi('비율은 0 이상이에요', 'share must be at least 0')).max(1, bi('비율은 1 이하예요', 'share must be at most 1')).optional(),
  /** True when the user looked at the value (default or their own) and confirmed it. */
  confirmed: z.boolean().default(false),
});

export const parametersSchema = z.object({
  /** Section 3.1 */
  baseline: z.enum(BASELINE_METHODS).default('auto'),
  estimator: z.enum(ESTIMATORS).default('mean'),
  /** Reference dates per window date, 2-12 (section 3.1). */
  k: z.number().int().min(2, bi('K는 2 이상이에요', 'K is at least 2')).max(12, bi('K는 12 이하예요', 'K is at most 12')).default(4),
  /** 0.2 gives an 80% range, 0.05 a 95% range (section 6). */
  alpha: z.number().gt(0).lt(1).default(0.2),
  trendFactor: z.boolean().default(false),
  /** The +-band on E used for a declared baseline or K = 1 (section 6). */
  assumedBandPct: z.number().min(0).max(1).default(0.2),
  /** v: variable-cost share; c: platform-commission share (section 4). */
  margin: z
    .object({ v: shareAssumptionSchema.default({ confirmed: false }), c: shareAssumptionSchema.default({ confirmed: false }) })
    .default({ v: { confirmed: false }, c: { confirmed: false } }),
  /** Declared average ticket, used when the reference records carry no revenue (section 1). */
  averageTicket: wonAmountSchema.optional(),
});

export const DAY_PART_DEFAULTS = [
  { id: 'late-night', label: '심야', startHour: 0, endHour: 6 },
  { id: 'morning', label: '오전', startHour: 6, endHour: 11 },
  { id: 'lunch', label: '점심', startHour: 11, endHour: 15 },
  { id: 'afternoon', label: '오후', startHour: 15, endHour: 18 },
  { id: 'evening', label: '저녁', startHour: 18, endHour: 22 },
  { id: 'night', label: '밤', startHour: 22, endHour: 24 },
] as const;

export const dayPartSchema = z
  .object({
    id: idSchema,
    label: z.string().min(1).max(40),
    startHour: z.number().int().min(0).max(23),
    endHour: z.number().int().min(1).max(24),
  })
  .refine((p) => p.endHour > p.startHour, { message: bi('끝 시각이 시작보다 뒤여야 해요', 'endHour must be after startHour'), path: ['endHour'] });

/** Section 3.2: usual count and average ticket per weekday and day-part, for claimants with no records. */
export const declaredBaselineSchema = z.object({
  dayParts: z.array(dayPartSchema).min(1).default(DAY_PART_DEFAULTS.map((p) => ({ ...p }))),
  entries: z.array(
    z.object({
      /** 0 Sunday ... 6 Saturday */
      weekday: z.number().int().min(0).max(6),
      dayPart: idSchema,
      /** Usual orders or calls in the whole day-part. */
      count: z.number().finite().nonnegative().max(1_000_000),
      averageTicket: wonAmountSchema,
    }),
  ),
});

export const DIRECT_ITEM_CATEGORIES = [
  'refund', 'spoiled-stock', 'reissued-voucher', 'undelivered-ads', 'substitute-fees', 'unused-prepaid-fee', 'other',
] as const;

const justificationSchema = z.string().trim().min(1, bi('왜 예견할 수 있었던 손해인지 적어 주세요', 'write why this loss was foreseeable')).max(4000);

/** Section 4: direct items of 통상손해. */
export const directItemSchema = z.object({
  id: idSchema,
  category: z.enum(DIRECT_ITEM_CATEGORIES),
  description: z.string().max(1000).default(''),
  amount: wonAmountSchema,
  evidenceIds: z.array(idSchema).default([]),
});

const indirectBase = {
  id: idSchema,
  /** Why the loss was foreseeable (특별손해, Civil Act art. 393): required. */
  justification: justificationSchema,
  evidenceIds: z.array(idSchema).default([]),
};

/** Section 5: items of 특별손해, each computed by the engine from its inputs. */
export const indirectItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('after-effect'), tailHours: z.number().int().min(1).max(24 * 14).default(48), ...indirectBase }),
  z.object({
    kind: z.literal('extra-labour'),
    hours: z.number().finite().positive().max(10_000),
    hourlyWage: wonAmountSchema,
    ...indirectBase,
  }),
  z.object({ kind: z.literal('claim-prep'), hours: z.number().finite().positive().max(1_000), ...indirectBase }),
  z.object({
    kind: z.literal('lost-regulars'),
    customers: z.number().int().positive().max(100_000),
    monthlySpend: wonAmountSchema,
    months: z.number().positive().max(3, bi('최대 3개월까지만 청구해요', 'at most 3 months')),
    ...indirectBase,
  }),
]);

export const evidenceSchema = z.object({
  id: idSchema,
  fileName: z.string().min(1).max(260),
  sha256: sha256Schema,
  size: z.number().int().nonnegative(),
  mimeType: z.string().max(200),
  label: z.string().max(500).default(''),
  /** Kept at the time (screenshot, export) or reconstructed later. */
  provenance: z.enum(['at-the-time', 'reconstructed']),
  addedAt: instantSchema,
  /** Records (by bucket/channel key) or item ids this evidence supports. */
  linkedIds: z.array(z.string().max(200)).default([]),
});

export const SUBMISSION_STATUSES = ['draft', 'sent', 'acknowledged', 'documents-requested', 'offer-made', 'paid', 'rejected', 'escalated'] as const;

export const submissionSchema = z.object({
  id: idSchema,
  /** A channel profile id, e.g. `kakao-damage-form`, `helpos`, `kakao-smb-2022`. */
  channel: z.string().min(1).max(80),
  sentAt: instantSchema.optional(),
  reference: z.string().max(200).optional(),
  packetSha256: sha256Schema.optional(),
  status: z.enum(SUBMISSION_STATUSES),
  offered: wonAmountSchema.optional(),
  paid: wonAmountSchema.optional(),
  notes: z.string().max(4000).default(''),
});

/**
 * A value the claimant declares for a compensation rule's input (a monthly fee, a fee rate, the days hit),
 * keyed by the input's id in the incident pack, with the evidence that shows it.
 */
export const ruleInputValueSchema = z.object({
  value: z.union([
    z.number().finite().nonnegative(bi('0 이상이어야 해요', 'must not be negative')).max(1e12),
    z.array(kstDateSchema).max(366),
  ]),
  evidenceIds: z.array(idSchema).default([]),
  note: z.string().max(1000).default(''),
});

export const referenceDatesSchema = z.object({
  /** Explicit reference dates per window date (section 3.1); a window date not listed gets suggested ones. */
  byWindowDate: z.record(kstDateSchema, z.array(kstDateSchema).max(12, bi('기준일은 날짜마다 12개까지예요', 'at most 12 reference dates per window date'))).default({}),
  /** Dates the user marked abnormal (never used as a reference). */
  abnormalDates: z.array(kstDateSchema).default([]),
});

const claimObject = z.object({
  format: z.literal(CLAIM_FORMAT),
  formatVersion: z.literal(CLAIM_FORMAT_VERSION),
  id: idSchema,
  /** True for the bundled example claims (never submit them). */
  example: z.boolean().optional(),
  title: z.string().max(200).optional(),
  createdAt: instantSchema.optional(),
  updatedAt: instantSchema.optional(),
  claimant: claimantSchema,
  incident: incidentSchema,
  granularity: z.enum(['hourly', 'daily']),
  records: z.array(activityRecordSchema).max(MAX_CLAIM_RECORDS),
  referenceDates: referenceDatesSchema.default({ byWindowDate: {}, abnormalDates: [] }),
  parameters: parametersSchema.default(() => parametersSchema.parse({})),
  declaredBaseline: declaredBaselineSchema.optional(),
  directItems: z.array(directItemSchema).default([]),
  indirectItems: z.array(indirectItemSchema).default([]),
  evidence: z.array(evidenceSchema).default([]),
  submissions: z.array(submissionSchema).default([]),
  /** Declared inputs of the incident pack's rules (absent in claims made before packs). */
  ruleInputs: z.record(idSchema, ruleInputValueSchema).optional(),
});

type ClaimShape = z.infer<typeof claimObject>;

/** The claim object's fields, schema by schema (parseClaimFile's fast path checks them one by one). */
export const claimShape = claimObject.shape;

/** Cross-field rules: each issue names the exact field path. */
export function checkClaim(claim: ClaimShape, ctx: z.RefinementCtx): void {
  const add = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

  const serviceIds = new Set(claim.incident.services.map((s) => s.id));
  claim.claimant.servicesUsed.forEach((id, i) => {
    if (!serviceIds.has(id)) add(['claimant', 'servicesUsed', i], bi(`장애 정보에 없는 서비스예요: ${id}`, `not a service of the incident: ${id}`));
  });

  const channelIds = new Set<string>();
  claim.claimant.salesChannels.forEach((c, i) => {
    if (channelIds.has(c.id)) add(['claimant', 'salesChannels', i, 'id'], bi(`채널 id가 겹쳐요: ${c.id}`, `duplicate channel id: ${c.id}`));
    channelIds.add(c.id);
  });

  const seen = new Set<string>();
  claim.records.forEach((r, i) => {
    if (claim.granularity === 'hourly' && DAILY_BUCKET_RE.test(r.bucket)) {
      add(['records', i, 'bucket'], bi('시간 단위 청구에는 하루 합계를 쓸 수 없어요 (하루 합계는 시간으로 나누지 않아요)', 'an hourly claim cannot use a daily total (daily records are never spread over hours)'));
    }
    if (!channelIds.has(r.channel)) add(['records', i, 'channel'], bi(`판매 채널 목록에 없는 채널이에요: ${r.channel}`, `channel not in the claimant's sales channels: ${r.channel}`));
    const key = `${r.bucket}|${r.channel}`;
    if (seen.has(key)) add(['records', i], bi(`같은 시간·채널 기록이 두 번 있어요: ${r.bucket} ${r.channel}`, `duplicate record for ${r.bucket} ${r.channel}`));
    seen.add(key);
  });

  // Section 3.1: explicit lists define K (same number for every window date, at most 12, none inside
  // the window). The window is known only when the incident's times parsed.
  let windowDates: string[] = [];
  try {
    windowDates = claimWindowDates(claim);
  } catch {
    /* the incident's own checks report the times */
  }
  for (const problem of referenceDateProblems(claim.referenceDates.byWindowDate, windowDates)) {
    add(['referenceDates', 'byWindowDate', problem.windowDate, ...(problem.index === undefined ? [] : [problem.index])], joined(problem.message));
  }
  for (const [date, refs] of Object.entries(claim.referenceDates.byWindowDate)) {
    refs.forEach((ref, i) => {
      if (ref >= date) add(['referenceDates', 'byWindowDate', date, i], bi('기준일은 장애 날짜보다 앞이어야 해요', 'a reference date must be before its window date'));
    });
    if (new Set(refs).size !== refs.length) add(['referenceDates', 'byWindowDate', date], bi('기준일이 겹쳐요', 'duplicate reference dates'));
  }

  const itemIds = new Set<string>();
  const evidenceIds = new Set(claim.evidence.map((e) => e.id));
  const checkEvidence = (list: string[], path: (string | number)[]) =>
    list.forEach((id, j) => {
      if (!evidenceIds.has(id)) add([...path, 'evidenceIds', j], bi(`증빙 목록에 없는 id예요: ${id}`, `no evidence with id ${id}`));
    });
  claim.directItems.forEach((item, i) => {
    if (itemIds.has(item.id)) add(['directItems', i, 'id'], bi(`항목 id가 겹쳐요: ${item.id}`, `duplicate item id: ${item.id}`));
    itemIds.add(item.id);
    checkEvidence(item.evidenceIds, ['directItems', i]);
  });
  claim.indirectItems.forEach((item, i) => {
    if (itemIds.has(item.id)) add(['indirectItems', i, 'id'], bi(`항목 id가 겹쳐요: ${item.id}`, `duplicate item id: ${item.id}`));
    itemIds.add(item.id);
    checkEvidence(item.evidenceIds, ['indirectItems', i]);
  });
  if (claim.indirectItems.filter((x) => x.kind === 'after-effect').length > 1) {
    add(['indirectItems'], bi('후속 영향 항목은 하나만 둘 수 있어요', 'only one after-effect item'));
  }

  // Section 4: v, c in [0, 1] and v + c <= 1 (a share left unset is the claimant kind's default).
  // A share outside [0, 1] is already reported by its own field check: only the sum is added here.
  const inRange = (x: number | undefined) => x === undefined || (x >= 0 && x <= 1);
  if (inRange(claim.parameters.margin.v.value) && inRange(claim.parameters.margin.c.value)) {
    for (const problem of marginProblems(claim.claimant, claim.parameters.margin)) {
      add(['parameters', 'margin', problem.field, 'value'], joined(problem.message));
    }
  }
  for (const [id, input] of Object.entries(claim.ruleInputs ?? {})) checkEvidence(input.evidenceIds, ['ruleInputs', id]);

  if (claim.declaredBaseline) {
    const parts = new Set(claim.declaredBaseline.dayParts.map((p) => p.id));
    claim.declaredBaseline.entries.forEach((e, i) => {
      if (!parts.has(e.dayPart)) add(['declaredBaseline', 'entries', i, 'dayPart'], bi(`없는 시간대예요: ${e.dayPart}`, `unknown day-part: ${e.dayPart}`));
    });
    const hours = new Array<number>(24).fill(0);
    for (const p of claim.declaredBaseline.dayParts) for (let h = p.startHour; h < p.endHour; h++) hours[h]!++;
    if (hours.some((n) => n > 1)) add(['declaredBaseline', 'dayParts'], bi('시간대가 서로 겹쳐요', 'day-parts overlap'));
  }
}

export const claimSchema = claimObject.superRefine(checkClaim);

export type Claim = z.infer<typeof claimSchema>;
/** What a caller may write before defaults are filled in. */
export type ClaimInput = z.input<typeof claimSchema>;
export type Parameters = z.infer<typeof parametersSchema>;
export type Estimator = (typeof ESTIMATORS)[number];
export type DeclaredBaseline = z.infer<typeof declaredBaselineSchema>;
export type DirectItem = z.infer<typeof directItemSchema>;
export type DirectItemCategory = (typeof DIRECT_ITEM_CATEGORIES)[number];
export type IndirectItem = z.infer<typeof indirectItemSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type Submission = z.infer<typeof submissionSchema>;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export type RuleInputValue = z.infer<typeof ruleInputValueSchema>;
export type ReferenceDatesInput = z.infer<typeof referenceDatesSchema>;
